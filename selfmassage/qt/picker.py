"""The routine picker: every routine on the left, the chosen one's details and Start on the right.

A file that can't be used stays in the list, greyed, with the reason in its tooltip and in the details,
so one broken file never hides the others.

The picker is the window's first frame, made before the routines are read: nothing here touches the `Qt`
namespace or the core (see main_window). What it shows of a routine is picker_details, loaded with the
first routine shown.
"""

from __future__ import annotations

import itertools
from types import ModuleType
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from selfmassage.i18n import N_, _
from selfmassage.qt.button_flow import ButtonFlow
from selfmassage.qt.theme import relative_font
from selfmassage.qt.window_fit import words_column
from selfmassage.qt.wrapped_check import WrappedCheck

if TYPE_CHECKING:
    from PySide6.QtGui import QKeyEvent

    from selfmassage.core.routine import Routine
    from selfmassage.qt.stage_strip import StageStrip
    from selfmassage.store.library import RoutineEntry

_ENTRY_ROLE = 0x0100  # Qt.ItemDataRole.UserRole, by its number: see the module's note


SHORT_PROMPTS = N_("Short spoken prompts for this routine")


def _details() -> ModuleType:
    """picker_details: what the picker shows of a routine. It needs the core and the `Qt` namespace, so it
    comes with the routines, after the first frame."""
    from selfmassage.qt import picker_details

    return picker_details


class RoutinePicker(QWidget):
    start_requested = Signal(object)  # Routine
    current_changed = Signal(object)  # RoutineEntry | None
    short_prompts_toggled = Signal(str, bool)  # a routine's name, and whether its prompts are short
    NOTHING_TO_START = N_("Choose a routine that can be started first")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._entries: list[RoutineEntry] = []
        self._spine_care = False  # a spine answer of "yes": mark the routines that run lighter

        heading = QLabel(_("Choose a routine"), self)
        heading.setObjectName("picker_heading")
        relative_font(heading, 1.9, bold=True)

        self.list = QListWidget(self)
        self.list.setObjectName("routine_list")
        self.list.setAccessibleName(_("Routines"))
        self.list.setAccessibleDescription(_("Built-in routines first, then yours. Press Enter to start."))
        self.list.setUniformItemSizes(False)
        self.list.setSpacing(3)
        self.list.currentItemChanged.connect(self._show_current)
        self.list.itemDoubleClicked.connect(lambda _item: self.request_start())

        details = QFrame(self)
        details.setProperty("card", True)
        self.name = QLabel(details)
        self.name.setObjectName("routine_name")
        self.name.setWordWrap(True)
        relative_font(self.name, 1.4, bold=True)  # a long word ("последовательность") still fits at 800 px
        self.source = QLabel(details)
        self.source.setProperty("quiet", True)
        self.source.setWordWrap(True)
        self.description = QLabel(details)
        self.description.setWordWrap(True)
        self.facts = QLabel(details)
        self.facts.setObjectName("routine_facts")
        self.facts.setWordWrap(True)
        relative_font(self.facts, 1.25, bold=True)
        self.stages_heading = QLabel(_("Stages it covers"), details)
        self.stages_heading.setProperty("quiet", True)
        self._stages: StageStrip | None = None  # made with the first routine shown: see `stages`
        self._stages_slot = QVBoxLayout()
        self._stages_slot.setContentsMargins(0, 0, 0, 0)
        self.overview = QLabel(details)
        self.overview.setObjectName("routine_overview")
        self.overview.setWordWrap(True)
        self.problem = QLabel(details)
        self.problem.setObjectName("routine_problem")
        self.problem.setWordWrap(True)

        # The voice's one per-routine choice sits with the routine it belongs to (see sound/voice.py).
        self.short_prompts_row = WrappedCheck(_(SHORT_PROMPTS), details)
        self.short_prompts = self.short_prompts_row.box
        self.short_prompts.setObjectName("short_prompts")
        self.short_prompts.setToolTip(_("Say only what changes from one step to the next, instead of the "
                                        "technique and area every time"))
        self.short_prompts.setAccessibleName(_(SHORT_PROMPTS))
        self.short_prompts.setAccessibleDescription(
            _("When on, the spoken prompts say only what changes from one step to the next, instead of the "
              "technique and area every time. Kept for this routine."))
        self.short_prompts.toggled.connect(self._short_prompts_toggled)

        self.start_button = QPushButton(details)  # then named: see notice.py
        self.start_button.setText(_("Start"))
        self.start_button.setObjectName("start_button")
        self.start_button.setProperty("primary", True)
        # Its play icon comes with the routines, as Start is enabled (drawing it brings the Qt namespace).
        self.start_button.setToolTip(_("Start this routine (Enter)"))
        self.start_button.setAccessibleName(_("Start"))
        self.start_button.setAccessibleDescription(_("Start the chosen routine"))
        self.start_button.setDefault(True)
        self.start_button.setIconSize(QSize(22, 22))
        self.start_button.setMinimumHeight(56)
        self.start_button.setMinimumWidth(200)
        relative_font(self.start_button, 1.4, bold=True)
        self.start_button.clicked.connect(self.request_start)

        self.button_row = ButtonFlow(spacing=12)  # wraps onto two rows rather than widen the page
        self.button_row.addWidget(self.start_button)

        # The routine's words scroll inside the card when the window is small; the prompt switch stays at
        # the card's foot and Start with the other buttons at the page's, always in view.
        self.words, words_layout = words_column("routine_words", details, spacing=10)
        words_layout.addWidget(self.name)
        words_layout.addWidget(self.source)
        words_layout.addSpacing(6)
        words_layout.addWidget(self.description)
        words_layout.addSpacing(10)
        words_layout.addWidget(self.facts)
        words_layout.addSpacing(10)
        words_layout.addWidget(self.stages_heading)
        words_layout.addLayout(self._stages_slot)
        words_layout.addSpacing(8)
        words_layout.addWidget(self.overview)
        words_layout.addWidget(self.problem)
        words_layout.addStretch(1)

        detail_layout = QVBoxLayout(details)
        detail_layout.setContentsMargins(32, 24, 24, 20)
        detail_layout.setSpacing(10)
        detail_layout.addWidget(self.words, 1)
        detail_layout.addWidget(self.short_prompts_row)

        columns = QHBoxLayout()
        columns.setSpacing(24)
        columns.addWidget(self.list, 2)
        columns.addWidget(details, 3)
        root = QVBoxLayout(self)
        root.setContentsMargins(32, 24, 32, 24)
        root.setSpacing(18)
        root.addWidget(heading)
        root.addLayout(columns, 1)
        root.addLayout(self.button_row)
        self._order_tabs()
        self.set_loading()

    @property
    def stages(self) -> StageStrip:
        """The chosen routine's stages, ticked; made when first wanted (it needs the core's stages)."""
        if self._stages is None:
            self._stages = _details().make_stages(self)
            self._stages_slot.addWidget(self._stages)
        return self._stages

    def hide_stages(self) -> None:
        if self._stages is not None:
            self._stages.setVisible(False)

    @property
    def spine_care(self) -> bool:
        return self._spine_care

    # -- what the main window calls ---------------------------------------------------------------

    def set_loading(self) -> None:
        self.list.clear()
        self._show_entry(None, empty_text=_("Finding your routines…"))

    def set_spine_care(self, on: bool) -> None:
        """Mark the routines that run lighter beside the spine for this person (a spine answer of "yes")."""
        if on == self._spine_care:
            return
        self._spine_care = on
        if self._entries:
            self.set_entries(self._entries, select=(self.current_entry() or self._entries[0]).name)

    def softened(self, entry: RoutineEntry | None) -> bool:
        """This routine will run lighter beside the spine than its file says."""
        return _details().softened(entry, self._spine_care)

    def set_entries(self, entries: list[RoutineEntry], select: str = "") -> None:
        """Show these routines and pick `select` (a name), else the first one that can be started."""
        self._entries = list(entries)
        self.list.blockSignals(True)
        self.list.clear()
        _details().fill_list(self, self._entries, _ENTRY_ROLE)
        self.list.blockSignals(False)
        if not self.select(select):
            first = next((i for i, entry in enumerate(self._entries) if entry.usable), 0)
            if self._entries:
                self.list.setCurrentRow(first)
        if not self._entries:
            self._show_entry(None, empty_text=_("No routines yet. Add a routine file to your routines "
                                                "folder."))

    def select(self, name: str) -> bool:
        """Pick the routine called `name` (case-insensitive); False when there is none."""
        wanted = name.strip().casefold()
        if not wanted:
            return False
        for row, entry in enumerate(self._entries):
            if entry.name.casefold() == wanted:
                self.list.setCurrentRow(row)
                return True
        return False

    def entries(self) -> list[RoutineEntry]:
        """The routines listed now, as read at the last `set_entries`."""
        return list(self._entries)

    def current_entry(self) -> RoutineEntry | None:
        item = self.list.currentItem()
        return item.data(_ENTRY_ROLE) if item is not None else None

    def current_routine(self) -> Routine | None:
        """The chosen routine if it can be started."""
        entry = self.current_entry()
        return entry.routine if entry is not None and entry.usable else None

    def add_button(self, button: QWidget) -> None:
        """Room for other parts of the app (e.g. the editor's "Edit…"), left of Start."""
        self.button_row.insertWidget(self.button_row.count() - 1, button)
        self._order_tabs()

    def set_short_prompts(self, on: bool) -> None:
        """Show the current routine's prompt style (the window keeps the setting)."""
        self.short_prompts.blockSignals(True)
        self.short_prompts.setChecked(on)
        self.short_prompts.blockSignals(False)

    def _short_prompts_toggled(self, on: bool) -> None:
        entry = self.current_entry()
        if entry is not None:
            self.short_prompts_toggled.emit(entry.name, on)

    def _order_tabs(self) -> None:
        """Tab in reading order: the list, the prompt switch, the buttons left to right, Start last."""
        buttons = [self.button_row.itemAt(i).widget() for i in range(self.button_row.count())]
        chain = [self.list, self.short_prompts, *(b for b in buttons if b is not None)]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter starts the chosen routine from the list or Start; on another button (one a later part of
        # the app added, say) it presses that button, as a person expects.
        if _details().is_enter(event):
            focused = self.focusWidget()
            # A check box is not pressed by Enter: Enter still starts, as a dialog's default button would.
            if isinstance(focused, QAbstractButton) and not isinstance(focused, QCheckBox) \
                    and focused is not self.start_button:
                focused.click()
            else:
                self.request_start()
            event.accept()
            return
        super().keyPressEvent(event)

    def request_start(self) -> None:
        routine = self.current_routine()
        if routine is not None:
            self.start_requested.emit(routine)

    # -- inner workings ----------------------------------------------------------------------------

    def _show_current(self) -> None:
        entry = self.current_entry()
        self._show_entry(entry)
        self.current_changed.emit(entry)

    def _show_entry(self, entry: RoutineEntry | None, empty_text: str = "") -> None:
        if entry is not None:
            _details().show_entry(self, entry)
            return
        # No routine (the first frame, or none at all): only the words in its place.
        self.name.setText(empty_text)
        for label in (self.source, self.description, self.problem):
            label.setText("")
        for part in (self.description, self.facts, self.stages_heading, self.overview, self.problem,
                     self.short_prompts_row):
            part.setVisible(False)
        self.hide_stages()
        self.start_button.setEnabled(False)
        self.start_button.setAccessibleDescription(_(self.NOTHING_TO_START))
