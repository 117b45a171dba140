"""Your routines: the list (broken files included, with what is wrong), the editor, and the file actions.

New, duplicate, rename, delete, import and export are QActions, so the main window can put them in a
menu as they are. Every question the page asks goes through `Prompts`, one small class a test replaces.
"""

from __future__ import annotations

import dataclasses
import html
import itertools
from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from selfmassage.core.editing import RoutineDraft, unique_name
from selfmassage.core.routine import Routine, format_duration
from selfmassage.qt.a11y import describe, name_inner_parts
from selfmassage.qt.editor import RoutineEditor
from selfmassage.qt.preview import PreviewDialog, SoundHook
from selfmassage.store.library import (
    LibraryError,
    RoutineEntry,
    RoutineLibrary,
    Source,
    read_routine_file,
    safe_file_stem,
)

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
FILE_FILTER = "Routine files (*.json);;All files (*)"


class Unsaved(StrEnum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


class Clash(StrEnum):
    REPLACE = "replace"
    RENAME = "rename"
    CANCEL = "cancel"


class Prompts:
    """The page's questions, as Qt's standard dialogs. Tests pass a subclass with set answers."""

    def __init__(self, parent: QWidget) -> None:
        self.parent = parent

    def unsaved(self, name: str) -> Unsaved:
        answer = QMessageBox.question(
            self.parent, "Unsaved changes",
            f"You changed “{name}”. Save your changes before you go on?",
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return Unsaved.SAVE
        if answer == QMessageBox.StandardButton.Discard:
            return Unsaved.DISCARD
        return Unsaved.CANCEL

    def confirm_delete(self, name: str) -> bool:
        answer = QMessageBox.question(
            self.parent, "Delete routine", f"Delete “{name}”? You can't undo this.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def import_clash(self, name: str, new_name: str, can_replace: bool) -> Clash:
        box = QMessageBox(QMessageBox.Icon.Question, "Routine already there",
                          f"You already have a routine called “{name}”.", parent=self.parent)
        replace = box.addButton("Replace it", QMessageBox.ButtonRole.DestructiveRole) if can_replace else None
        rename = box.addButton(f"Import as “{new_name}”", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(rename)
        box.exec()
        if replace is not None and box.clickedButton() is replace:
            return Clash.REPLACE
        return Clash.RENAME if box.clickedButton() is rename else Clash.CANCEL

    def ask_name(self, title: str, label: str, text: str) -> str | None:
        value, ok = QInputDialog.getText(self.parent, title, label, text=text)
        return value if ok else None

    def open_file(self) -> Path | None:
        path, _ = QFileDialog.getOpenFileName(self.parent, "Import a routine", str(Path.home()), FILE_FILTER)
        return Path(path) if path else None

    def save_file(self, suggested: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(self.parent, "Export the routine",
                                              str(Path.home() / suggested), FILE_FILTER)
        return Path(path) if path else None

    def error(self, title: str, text: str) -> None:
        QMessageBox.warning(self.parent, title, text)


class BrokenFilePanel(QFrame):
    """What the page shows for a file that can't be opened: which file, and what is wrong with it."""

    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        hint = QLabel("Correct it in a text editor and come back, or delete it. Your other routines "
                      "are not affected.")
        hint.setWordWrap(True)
        self.delete_button = QPushButton("Delete this file")
        describe(self.delete_button, "Delete this file", "Delete the file that can't be opened, after a "
                 "question. Your other routines are not affected.")
        layout.addWidget(self.title)
        layout.addWidget(self.details)
        layout.addWidget(hint)
        layout.addWidget(self.delete_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)

    def show_entry(self, entry: RoutineEntry) -> None:
        self.title.setText(f"<b>{html.escape(entry.path.name)} can't be opened.</b>")
        lines = [entry.error] if entry.error else [str(problem) for problem in entry.problems]
        body = "<br>".join(html.escape(line) for line in lines)
        self.details.setText(f"{html.escape(str(entry.path))}<br><br>{body}")
        self.delete_button.setVisible(entry.source is Source.USER)


def entry_problem(entry: RoutineEntry) -> str:
    """One line on why an entry can't be used, for the list's tooltip."""
    if entry.error:
        return entry.error
    first = next((p for p in entry.problems if p.is_error), None)
    return str(first) if first is not None else ""


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
        self._items: dict[Path, QListWidgetItem] = {}
        self._entry: RoutineEntry | None = None  # what the editor shows; None for an unsaved new one
        self._switching = False

        self.list = QListWidget()
        self.list.setObjectName("routineList")
        self.list.setMinimumWidth(250)
        # Long names end in "…" (the tooltip has the whole name) rather than scrolling sideways.
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        # Room between the rows from the view, not a style sheet: a sheet would keep the list's text at
        # its size and colours when Large text or High contrast changes.
        self.list.setSpacing(2)
        describe(self.list, "Your routines", "Built-in routines first, then yours, and any file that can't "
                 "be opened. Up and Down pick one to edit.")
        self.list.currentItemChanged.connect(self._item_changed)
        self.editor = RoutineEditor(library, show_error=self.prompts.error, can_start=can_start)
        self.editor.saved.connect(self._saved)
        self.editor.modified_changed.connect(self.modified_changed)
        self.editor.duplicate_requested.connect(self.duplicate_routine)
        self.editor.start_requested.connect(self.start_requested)
        self.editor.preview_requested.connect(self.open_preview)
        self.broken = BrokenFilePanel()
        self.broken.delete_button.clicked.connect(self.delete_routine)
        self.stack = QStackedWidget()
        self.empty = QLabel("You have no routines yet. Make one with New, or import a routine file.")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.stack.addWidget(self.editor)
        self.stack.addWidget(self.broken)
        self.stack.addWidget(self.empty)

        self.new_action = QAction("New routine", self)
        self.new_action.setShortcut(QKeySequence("Ctrl+N"))
        self.duplicate_action = QAction("Duplicate", self)
        self.rename_action = QAction("Rename…", self)
        self.delete_action = QAction("Delete…", self)
        self.import_action = QAction("Import from a file…", self)
        self.export_action = QAction("Export to a file…", self)
        for action, tip in ((self.new_action, "Make a new routine (Ctrl+N)"),
                            (self.duplicate_action, "Make a copy of the chosen routine"),
                            (self.rename_action, "Give the chosen routine another name"),
                            (self.delete_action, "Delete the chosen routine, after a question"),
                            (self.import_action, "Add a routine from a file"),
                            (self.export_action, "Write the chosen routine to a file")):
            action.setStatusTip(tip)
            action.setToolTip(tip)
        self.new_action.triggered.connect(self.new_routine)
        self.duplicate_action.triggered.connect(self.duplicate_routine)
        self.rename_action.triggered.connect(self.rename_routine)
        self.delete_action.triggered.connect(self.delete_routine)
        self.import_action.triggered.connect(self.import_routine)
        self.export_action.triggered.connect(self.export_routine)

        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        title_row = QHBoxLayout()
        title_row.addWidget(QLabel("<b>Routines</b>"), 1)
        self.done_button = QPushButton("Done")
        self.done_button.setToolTip("Back to the start page")
        describe(self.done_button, "Done", "Back to the start page; asks first about unsaved changes.")
        self.done_button.clicked.connect(self.leave)
        if not can_leave:  # never setVisible(True) here: a button with no parent yet would open as a window
            self.done_button.hide()
        title_row.addWidget(self.done_button)
        side_layout.addLayout(title_row)
        side_layout.addWidget(self.list, 1)
        grid = [(self.new_action, "New"), (self.duplicate_action, "Duplicate"),
                (self.rename_action, "Rename"), (self.delete_action, "Delete"),
                (self.import_action, "Import"), (self.export_action, "Export")]
        self.action_buttons: dict[str, QPushButton] = {}
        for start in range(0, len(grid), 2):
            row = QHBoxLayout()
            for action, label in grid[start:start + 2]:
                button = QPushButton(label)
                button.setToolTip(action.text().rstrip("…"))
                describe(button, label, action.statusTip())
                button.clicked.connect(action.trigger)
                row.addWidget(button)
                self.action_buttons[label] = button
            side_layout.addLayout(row)
        splitter = QSplitter()
        splitter.addWidget(side)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([290, 890])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(splitter)
        # Tab in reading order: Done, the list, the buttons under it, then the editor on the right.
        chain = [self.done_button, self.list, *self.action_buttons.values(), self.stack]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
        name_inner_parts(self)
        self.reload()

    # -- for the window ----------------------------------------------------------------------------

    def routine_actions(self) -> list[QAction]:
        """For a Routines menu: new, duplicate, rename, delete, import, export."""
        return [self.new_action, self.duplicate_action, self.rename_action, self.delete_action,
                self.import_action, self.export_action]

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
        answer = self.prompts.unsaved(draft.state.name.strip() or "this routine")
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
        self._switching = True
        try:
            self.list.clear()
            self._items = {}
            for source, heading in ((Source.BUILTIN, "Built in"), (Source.USER, "Yours")):
                group = [entry for entry in self._entries if entry.source is source]
                if group:
                    self.list.addItem(self._heading(heading))
                for entry in group:
                    item = self._item_for(entry)
                    self._items[entry.path] = item
                    self.list.addItem(item)
            if chosen is not None:
                self.list.setCurrentItem(self._items[chosen.path])
        finally:
            self._switching = False
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
                self.list.setCurrentItem(self._items[entry.path])
                return self._entry is not None and self._entry.path == entry.path
        return False

    # -- the list ----------------------------------------------------------------------------------

    def _heading(self, text: str) -> QListWidgetItem:
        item = QListWidgetItem(text)
        item.setFlags(Qt.ItemFlag.NoItemFlags)  # a label, not a routine: it can't be picked
        font = item.font()
        font.setBold(True)
        item.setFont(font)
        return item

    def _item_for(self, entry: RoutineEntry) -> QListWidgetItem:
        style = self.style()
        if entry.routine is None:
            item = QListWidgetItem(f"{entry.path.name}\ncan't be opened")
            item.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical))
            item.setToolTip(f"{entry.path}\n{entry_problem(entry)}")
        else:
            item = QListWidgetItem(f"{entry.name}\n{format_duration(entry.routine.total_seconds)} · "
                                   f"{len(entry.routine.steps)} steps")
            if not entry.usable:
                item.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical))
                item.setToolTip(f"Has errors: {entry_problem(entry)}")
            else:
                item.setToolTip(entry.routine.description or entry.name)
        item.setData(ENTRY_ROLE, entry)
        return item

    def _item_changed(self, current: QListWidgetItem | None, previous: QListWidgetItem | None) -> None:
        if self._switching:
            return
        if not self.settle_unsaved():
            self._switching = True
            try:
                self.list.setCurrentItem(previous)  # stay on the routine with the changes
            finally:
                self._switching = False
            return
        self._show_entry(current.data(ENTRY_ROLE) if current is not None else None)

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
            current = self.list.currentItem()
            self._show_entry(current.data(ENTRY_ROLE) if current is not None else None)

    def _update_actions(self) -> None:
        entry = self._entry
        readable = entry is not None and entry.routine is not None
        self.duplicate_action.setEnabled(readable)
        self.export_action.setEnabled(readable)
        self.rename_action.setEnabled(readable and entry is not None and entry.source is Source.USER)
        self.delete_action.setEnabled(entry is not None and entry.source is Source.USER)
        for label, action in (("Duplicate", self.duplicate_action), ("Export", self.export_action),
                              ("Rename", self.rename_action), ("Delete", self.delete_action)):
            self.action_buttons[label].setEnabled(action.isEnabled())

    def _saved(self, path: Path) -> None:
        self.reload(select=path, reopen=False)

    def _taken_names(self) -> list[str]:
        return [entry.name for entry in self._entries]

    # -- actions -----------------------------------------------------------------------------------

    def new_routine(self) -> None:
        if not self.settle_unsaved():
            return
        draft = RoutineDraft.new(unique_name("New routine", self._taken_names()))
        self._save_new(draft)

    def duplicate_routine(self) -> None:
        entry = self._entry
        if entry is None or entry.routine is None or not self.settle_unsaved():
            return
        copy = dataclasses.replace(entry.routine, name=unique_name(entry.routine.name, self._taken_names()))
        self._save_new(RoutineDraft.from_routine(copy, saved=False))

    def _save_new(self, draft: RoutineDraft) -> None:
        """Write a new routine at once so it is in the list; one with errors stays open, unsaved."""
        routine = draft.routine
        if routine is not None and draft.can_save:
            try:
                path = self.library.save(routine)
            except (LibraryError, OSError) as exc:
                self.prompts.error("Can't add the routine", str(exc))
                return
            self.reload(select=path)
            return
        self._switching = True
        try:
            self.list.setCurrentItem(None)  # type: ignore[arg-type]
        finally:
            self._switching = False
        self._entry = None
        self.editor.open_draft(draft)
        self.stack.setCurrentWidget(self.editor)
        self._update_actions()

    def rename_routine(self) -> None:
        entry = self._entry
        if entry is None or entry.routine is None or entry.source is not Source.USER:
            return
        if not self.settle_unsaved():
            return
        entry = self._entry
        assert entry is not None and entry.routine is not None
        new_name = self.prompts.ask_name("Rename routine", "New name:", entry.name)
        if new_name is None or new_name.strip() == entry.name:
            return
        draft = RoutineDraft.from_routine(entry.routine)
        draft.set_name(new_name)
        name_problem = next((p for p in draft.problems if p.field == "name"), None)
        if name_problem is not None or draft.routine is None:
            self.prompts.error("Can't rename", name_problem.message if name_problem else
                               "Fix this routine's errors first, then rename it.")
            return
        try:
            path = self.library.save(draft.routine, old_name=entry.name)
        except (LibraryError, OSError) as exc:
            self.prompts.error("Can't rename", str(exc))
            return
        self.reload(select=path)

    def delete_routine(self) -> None:
        entry = self._entry
        if entry is None or entry.source is not Source.USER:
            return
        label = entry.name if entry.routine is not None else entry.path.name
        if not self.prompts.confirm_delete(label):
            return
        try:
            if entry.routine is None:
                # A broken file has no trustworthy name; remove exactly the file that is listed.
                entry.path.unlink(missing_ok=True)
            else:
                self.library.delete(entry.name)
        except (LibraryError, OSError) as exc:
            self.prompts.error("Can't delete", str(exc))
            return
        self._entry = None
        self.reload()

    def import_routine(self) -> None:
        if not self.settle_unsaved():
            return
        path = self.prompts.open_file()
        if path is None:
            return
        checked = read_routine_file(path)
        routine = checked.routine
        if routine is None or not checked.usable:
            self.prompts.error("Can't import", f"{path.name} can't be imported: {entry_problem(checked)}"
                               f"\n\n{path}")
            return
        clash = self.library.find(routine.name)
        replace = False
        if clash is not None and clash.name.casefold() == routine.name.casefold():
            new_name = unique_name(routine.name, self._taken_names())
            answer = self.prompts.import_clash(routine.name, new_name, clash.source is Source.USER)
            if answer is Clash.CANCEL:
                return
            if answer is Clash.RENAME:
                routine = dataclasses.replace(routine, name=new_name)
            replace = answer is Clash.REPLACE
        try:
            target = self.library.save(routine, replace=replace)
        except (LibraryError, OSError) as exc:
            self.prompts.error("Can't import", f"{path.name}: {exc}")
            return
        self.reload(select=target)

    def export_routine(self) -> None:
        entry = self._entry
        if entry is None or entry.routine is None or not self.settle_unsaved():
            return
        destination = self.prompts.save_file(f"{safe_file_stem(entry.name)}.json")
        if destination is None:
            return
        try:
            self.library.export(entry.name, destination)
        except (LibraryError, OSError) as exc:
            detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            self.prompts.error("Can't export", f"{destination}: {detail}")

    def open_preview(self, routine: Routine) -> PreviewDialog:
        if self.preview is not None:
            self.preview.close()
        self.preview = PreviewDialog(routine, sound=self.sound, parent=self)
        self.preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.preview.destroyed.connect(lambda: setattr(self, "preview", None))
        self.preview.open()
        return self.preview


class EditorWindow(QMainWindow):
    """The routines page in a window of its own, with its menus; the main window can host the page instead."""

    def __init__(self, library: RoutineLibrary, *, prompts: Prompts | None = None,
                 sound: SoundHook | None = None) -> None:
        super().__init__()
        self.page = RoutinesPage(library, prompts=prompts or Prompts(self), sound=sound)
        self.setCentralWidget(self.page)
        self.setWindowTitle("Routines — selfmassage[*]")
        self.page.modified_changed.connect(self.setWindowModified)
        routines = self.menuBar().addMenu("&Routines")
        routines.addActions(self.page.routine_actions())
        edit = self.menuBar().addMenu("&Edit")
        edit.addActions(self.page.edit_actions())
        self.resize(1180, 760)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.page.settle_unsaved():
            event.accept()
        else:
            event.ignore()
