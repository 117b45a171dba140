"""Your routines: the list (broken files included, with what is wrong) beside the editor.

The file actions (new, duplicate, rename, delete, import, export) are `files`, QActions a window can put
in a menu as they are. Every question the page asks goes through `Prompts`, one small class a test replaces.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from selfmassage.core.editing import RoutineDraft
from selfmassage.core.routine import Routine
from selfmassage.i18n import N_, _
from selfmassage.qt.a11y import describe, name_inner_parts
from selfmassage.qt.broken_file_panel import BrokenFilePanel
from selfmassage.qt.editor import RoutineEditor
from selfmassage.qt.preview import PreviewDialog, SoundHook
from selfmassage.qt.routine_files import RoutineFiles
from selfmassage.qt.routine_list import RoutineList
from selfmassage.qt.routine_prompts import Prompts, Unsaved
from selfmassage.qt.theme import relative_font
from selfmassage.qt.wrapping_row import WrappingRow
from selfmassage.store.library import RoutineEntry, RoutineLibrary, Source


class RoutinesPage(QWidget):
    """The list of routines beside the editor. Put it in a window; call `settle_unsaved()` before closing."""

    start_requested = Signal(object)  # a Routine with no errors
    modified_changed = Signal(bool)
    done_requested = Signal()  # "Done" pressed and nothing unsaved is left: the host may leave the page

    def __init__(self, library: RoutineLibrary, *, prompts: Prompts | None = None,
                 sound: SoundHook | None = None, can_start: bool = False, can_leave: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.prompts = prompts or Prompts(self)
        self.sound = sound
        self.preview: PreviewDialog | None = None
        self._entries: list[RoutineEntry] = []
        self._entry: RoutineEntry | None = None  # what the editor shows; None for an unsaved new one
        self._switching = False

        self.list = RoutineList()
        self.list.currentItemChanged.connect(self._item_changed)
        self.editor = RoutineEditor(library, show_error=self.prompts.error, can_start=can_start)
        self.editor.saved.connect(self._saved)
        self.editor.modified_changed.connect(self.modified_changed)
        self.files = RoutineFiles(self, self)
        self.editor.duplicate_requested.connect(self.files.duplicate_routine)
        self.editor.start_requested.connect(self.start_requested)
        self.editor.preview_requested.connect(self.open_preview)
        self.broken = BrokenFilePanel()
        self.broken.delete_button.clicked.connect(self.files.delete_routine)
        self.stack = QStackedWidget()
        self.empty = QLabel(_("You have no routines yet. Make one with New, or import a routine file."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.stack.addWidget(self.editor)
        self.stack.addWidget(self.broken)
        self.stack.addWidget(self.empty)

        # The app's page: a heading with Done beside it, your routines on the left, the editor on the right.
        side = QWidget()
        side.setObjectName("routinesSide")
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.setSpacing(8)
        title_row = QHBoxLayout()
        title = QLabel(_("Routines"))
        title.setObjectName("routines_heading")
        relative_font(title, 1.5, bold=True)
        title_row.addWidget(title, 1)
        self.done_button = QPushButton(_("Done"))
        self.done_button.setToolTip(_("Back to the start page"))
        describe(self.done_button, _("Done"), _("Back to the start page; asks first about unsaved changes."))
        self.done_button.clicked.connect(self.leave)
        if not can_leave:  # never setVisible(True) here: a button with no parent yet would open as a window
            self.done_button.hide()
        title_row.addWidget(self.done_button)
        side_layout.addWidget(self.list, 1)
        files = self.files
        # Keyed by the English word (as the code asks for them), shown in the language in use.
        grid = [(files.new_action, N_("New")), (files.duplicate_action, N_("Duplicate")),
                (files.rename_action, N_("Rename")), (files.delete_action, N_("Delete")),
                (files.import_action, N_("Import")), (files.export_action, N_("Export"))]
        self.action_buttons: dict[str, QPushButton] = {}
        for start in range(0, len(grid), 2):
            row = WrappingRow()  # two a row, or one a row in a narrow column
            for action, key in grid[start:start + 2]:
                button = QPushButton(_(key))
                button.setToolTip(action.text().rstrip("…"))
                button.setProperty("compact", True)
                describe(button, _(key), action.statusTip())
                button.clicked.connect(action.trigger)
                row.addWidget(button)
                self.action_buttons[key] = button
            side_layout.addLayout(row)
        splitter = QSplitter()
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(side)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([290, 890])
        layout = QVBoxLayout(self)
        self._fit_margins(layout, short=False)
        layout.addLayout(title_row)
        layout.addWidget(splitter, 1)
        # Tab in reading order: Done, the list, the buttons under it, then the editor on the right.
        chain = [self.done_button, self.list, *self.action_buttons.values(), self.stack]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
        name_inner_parts(self)
        self.reload()

    # -- for the window ----------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        layout = self.layout()
        if isinstance(layout, QVBoxLayout):
            self._fit_margins(layout, short=self.height() < 620)

    @staticmethod
    def _fit_margins(layout: QVBoxLayout, *, short: bool) -> None:
        """Narrower edges in a short window (800x600): the room goes to the editor's fields and steps."""
        margins = (16, 8, 16, 8) if short else (24, 16, 24, 16)
        if layout.contentsMargins().top() != margins[1]:
            layout.setContentsMargins(*margins)
            layout.setSpacing(8 if short else 12)

    def edit_actions(self) -> list[QAction]:
        """For an Edit menu: undo, redo, save (shortcuts work while the editor has focus)."""
        return [self.editor.undo_action, self.editor.redo_action, self.editor.save_action]

    @property
    def entries(self) -> list[RoutineEntry]:
        return list(self._entries)

    @property
    def current_entry(self) -> RoutineEntry | None:
        return self._entry

    def leave(self) -> None:
        """Done: settle unsaved changes, then tell the host it may show another page."""
        if self.settle_unsaved():
            self.done_requested.emit()

    def settle_unsaved(self) -> bool:
        """Before unsaved changes are lost: Save / Discard / Cancel. True when it is fine to go on."""
        draft = self.editor.draft
        if self.editor.read_only or not draft.dirty:
            return True
        answer = self.prompts.unsaved(draft.state.name.strip())
        if answer is Unsaved.SAVE:
            return self.editor.save()
        if answer is Unsaved.DISCARD:
            self._reopen_current()
            return True
        return False

    def reload(self, select: Path | None = None, *, reopen: bool = True) -> None:
        """Read every routine file again and list them; shows the one at `select` (else the current one,
        else the first). `reopen=False` keeps the editor's draft, and its undo history, as it is."""
        keep = select or (self._entry.path if self._entry is not None else None)
        self._entries = self.library.entries()
        first = self._entries[0] if self._entries else None
        chosen = next((entry for entry in self._entries if entry.path == keep), first)
        with self._quietly():
            self.list.fill(self._entries)
            if chosen is not None:
                self.list.setCurrentItem(self.list.item_of(chosen))
        if self.editor.modified and self._entry is not None and chosen is not None \
                and chosen.path == self._entry.path:
            reopen = False  # never drop unsaved changes to re-read the file they came from
        if reopen or chosen is None or chosen.routine is None:
            self._show_entry(chosen)
        else:
            self._entry = chosen
            self._update_actions()

    def select_routine(self, name: str) -> bool:
        """Show the routine called `name` (asks first if changes would be lost); False if it can't."""
        for entry in self._entries:
            if entry.name.casefold() == name.strip().casefold():
                self.list.setCurrentItem(self.list.item_of(entry))
                return self._entry is not None and self._entry.path == entry.path
        return False

    # -- the list ----------------------------------------------------------------------------------

    def _item_changed(self, current: QListWidgetItem | None, previous: QListWidgetItem | None) -> None:
        if self._switching:
            return
        if not self.settle_unsaved():
            with self._quietly():
                self.list.setCurrentItem(previous)  # stay on the routine with the changes
            return
        self._show_entry(self.list.entry_of(current))

    @contextmanager
    def _quietly(self) -> Iterator[None]:
        """Change the list's selection without asking about changes or opening what it selects."""
        self._switching = True
        try:
            yield
        finally:
            self._switching = False

    def _show_entry(self, entry: RoutineEntry | None) -> None:
        self._entry = entry
        if entry is None:
            self.editor.open_draft(RoutineDraft.new(), read_only=True)  # nothing to lose
            self.stack.setCurrentWidget(self.empty)
        elif entry.routine is None:
            self.editor.open_draft(RoutineDraft.new(), read_only=True)
            self.broken.show_entry(entry)
            self.stack.setCurrentWidget(self.broken)
        else:
            self.editor.open_draft(RoutineDraft.from_routine(entry.routine),
                                   read_only=entry.source is Source.BUILTIN)
            self.stack.setCurrentWidget(self.editor)
        self._update_actions()

    def _reopen_current(self) -> None:
        """Changes were discarded: show the routine as it is on disk (or the first one, for a new one)."""
        if self._entry is not None:
            self._show_entry(self._entry)
        else:
            self._show_entry(self.list.entry_of(self.list.currentItem()))

    def _update_actions(self) -> None:
        files = self.files
        files.update(self._entry)
        for label, action in (("Duplicate", files.duplicate_action), ("Export", files.export_action),
                              ("Rename", files.rename_action), ("Delete", files.delete_action)):
            self.action_buttons[label].setEnabled(action.isEnabled())

    def _saved(self, path: Path) -> None:
        self.reload(select=path, reopen=False)

    # -- for the file actions -------------------------------------------------------------------

    def open_unsaved(self, draft: RoutineDraft) -> None:
        """Open a new routine that can't be saved yet (it has errors), with nothing picked in the list."""
        with self._quietly():
            self.list.setCurrentItem(None)  # type: ignore[arg-type]
        self._entry = None
        self.editor.open_draft(draft)
        self.stack.setCurrentWidget(self.editor)
        self._update_actions()

    def show_after_delete(self) -> None:
        """The routine shown is gone: list the routines again and show the first."""
        self._entry = None
        self.reload()

    def open_preview(self, routine: Routine) -> PreviewDialog:
        if self.preview is not None:
            self.preview.close()
        self.preview = PreviewDialog(routine, sound=self.sound, parent=self)
        self.preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.preview.destroyed.connect(lambda: setattr(self, "preview", None))
        self.preview.open()
        return self.preview
