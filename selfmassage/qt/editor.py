"""The routine editor: shows a RoutineDraft and forwards every edit to it.

All the rules, totals, undo and fixes live in `selfmassage.core.editing`; this module only lays them out,
so what the editor says about a routine is what `selfmassage routines validate` says.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from selfmassage.core.editing import Fix, RoutineDraft
from selfmassage.core.routine import format_duration
from selfmassage.core.techniques import Direction, Intensity, Profile, Stage, Technique, Variant
from selfmassage.i18n import _, os_reason
from selfmassage.qt.a11y import describe, name_inner_parts
from selfmassage.qt.editor_bar import EditorBar
from selfmassage.qt.editor_fields import KeepUndoKeys, RoutineFields, StepForm, area_key, chosen
from selfmassage.qt.editor_parts import BuiltinBanner, StepButtons
from selfmassage.qt.problem_list import ProblemList, ProblemRow, problem_icon
from selfmassage.qt.step_table import StepTableModel, step_table_view
from selfmassage.qt.wrapping_row import DownScroller, WrappingRow
from selfmassage.store.library import LibraryError, RoutineLibrary


class RoutineEditor(QWidget):
    """Edits one routine. Built-ins are shown read-only with a "Duplicate to edit" button."""

    saved = Signal(object)  # the routine file's Path, after it was written
    modified_changed = Signal(bool)
    duplicate_requested = Signal()
    start_requested = Signal(object)  # a Routine without errors
    preview_requested = Signal(object)  # a Routine, to play fast

    def __init__(self, library: RoutineLibrary, *, show_error: Callable[[str, str], None] | None = None,
                 can_start: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self._show_error = show_error or (lambda title, text: None)
        self._draft = RoutineDraft.new()
        self._read_only = False
        self._updating = False  # set while widgets are filled from the draft: their signals are not edits
        self._current = -1
        self._last_modified = False
        self._keys = KeepUndoKeys(self)
        self._build(can_start)
        self.open_draft(self._draft)

    # -- layout ------------------------------------------------------------------------------------

    def _build(self, can_start: bool) -> None:
        # Everything but the bar scrolls when the window is small: Save, Start and Undo stay in sight.
        page = QVBoxLayout(self)
        page.setContentsMargins(0, 0, 0, 0)
        page.setSpacing(12)
        self.scroll = DownScroller()
        self.scroll.setObjectName("editorScroll")
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # not a Tab stop: Tab goes to what is in it
        describe(self.scroll, _("Routine"), _("The routine's fields, its steps and its problems. Scrolls "
                                             "when the window is too small for them."))
        body = QWidget()
        body.setObjectName("editorBody")
        self.scroll.setWidget(body)
        page.addWidget(self.scroll, 1)
        outer = QVBoxLayout(body)
        outer.setContentsMargins(0, 0, 4, 0)
        outer.setSpacing(12)

        self.banner = BuiltinBanner()
        self.duplicate_button = self.banner.duplicate_button
        self.duplicate_button.clicked.connect(self.duplicate_requested)
        outer.addWidget(self.banner)

        self.fields = RoutineFields(self)
        self.name_edit = self.fields.name_edit
        self.tempo_spin = self.fields.tempo_spin
        self.profile_combo = self.fields.profile_combo
        self.description_edit = self.fields.description_edit
        outer.addLayout(self.fields)

        self.totals_label = QLabel()
        self.totals_label.setObjectName("totals")
        self.totals_label.setTextFormat(Qt.TextFormat.RichText)
        self.totals_label.setWordWrap(True)
        outer.addWidget(self.totals_label)

        middle = WrappingRow(16)  # the step's fields beside the steps, or under them in a narrow window
        list_side = QVBoxLayout()
        list_side.setSpacing(8)
        self.model = StepTableModel(lambda: self._draft, self._move_from_drop,
                                    lambda problems: problem_icon(self, problems), self)
        self.table = step_table_view(self.model)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        list_side.addWidget(self.table, 1)

        buttons = StepButtons()
        self.add_button, self.duplicate_step_button = buttons.add_button, buttons.duplicate_button
        self.remove_button, self.up_button, self.down_button = buttons.remove_button, buttons.up_button, \
            buttons.down_button
        self.add_button.clicked.connect(self.add_step)
        self.duplicate_step_button.clicked.connect(self.duplicate_step)
        self.remove_button.clicked.connect(self.remove_step)
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(+1))
        list_side.addLayout(buttons)
        middle.addLayout(list_side, 1)

        self.step_box = StepForm()
        self.stage_combo = self.step_box.stage_combo
        self.technique_combo = self.step_box.technique_combo
        self.area_combo = self.step_box.area_combo
        self.seconds_spin = self.step_box.seconds_spin
        self.intensity_combo = self.step_box.intensity_combo
        self.variant_combo = self.step_box.variant_combo
        self.direction_combo = self.step_box.direction_combo
        self.note_edit = self.step_box.note_edit
        middle.addWidget(self.step_box, 0, Qt.AlignmentFlag.AlignTop)
        outer.addLayout(middle, 1)

        self.problems = ProblemList(self, self.apply_fix, self.select_step)
        self.problems_title = self.problems.title
        outer.addLayout(self.problems.header)
        outer.addWidget(self.problems.area)

        self.bar = EditorBar(self, can_start)
        bar = self.bar
        self.undo_action, self.redo_action = bar.undo_action, bar.redo_action
        self.save_action = bar.save_action
        self.undo_button, self.redo_button = bar.undo_button, bar.redo_button
        self.preview_button, self.start_button, self.save_button = bar.preview_button, bar.start_button, \
            bar.save_button
        self.status_label = bar.status_label
        self.undo_action.triggered.connect(self.undo)
        self.redo_action.triggered.connect(self.redo)
        self.save_action.triggered.connect(self.save)
        self.preview_button.clicked.connect(self._preview)
        self.start_button.clicked.connect(self._start)
        page.addLayout(self.bar)

        self._connect_fields()
        self._fit_to_text()
        name_inner_parts(self)

    def _connect_fields(self) -> None:
        self.name_edit.textEdited.connect(lambda text: self._edit(self._draft.set_name, text))
        self.name_edit.editingFinished.connect(lambda: self._draft.break_coalescing())
        self.description_edit.textChanged.connect(
            lambda: self._edit(self._draft.set_description, self.description_edit.toPlainText()))
        self.tempo_spin.valueChanged.connect(lambda value: self._edit(self._draft.set_tempo, value))
        self.profile_combo.currentIndexChanged.connect(
            lambda _i: self._edit(self._draft.set_profile, chosen(self.profile_combo, Profile)))
        self.stage_combo.currentIndexChanged.connect(
            lambda _i: self._edit_step(stage=chosen(self.stage_combo, Stage)))
        self.technique_combo.currentIndexChanged.connect(
            lambda _i: self._edit_step(technique=chosen(self.technique_combo, Technique)))
        self.area_combo.editTextChanged.connect(lambda text: self._edit_step(area=area_key(text)))
        self.seconds_spin.valueChanged.connect(lambda value: self._edit_step(seconds=value))
        self.intensity_combo.currentIndexChanged.connect(
            lambda _i: self._edit_step(intensity=chosen(self.intensity_combo, Intensity)))
        self.variant_combo.currentIndexChanged.connect(
            lambda _i: self._edit_step(variant=chosen(self.variant_combo, Variant)))
        self.direction_combo.currentIndexChanged.connect(
            lambda _i: self._edit_step(direction=chosen(self.direction_combo, Direction)))
        self.note_edit.textEdited.connect(lambda text: self._edit_step(note=text))
        for editable in (self.name_edit, self.description_edit, self.note_edit, self.tempo_spin,
                         self.seconds_spin, self.area_combo):
            editable.installEventFilter(self._keys)
        for inner in (self.tempo_spin.findChild(QLineEdit), self.seconds_spin.findChild(QLineEdit),
                      self.area_combo.lineEdit()):
            if inner is not None:
                inner.installEventFilter(self._keys)

    # -- what others call --------------------------------------------------------------------------

    @property
    def draft(self) -> RoutineDraft:
        return self._draft

    @property
    def read_only(self) -> bool:
        return self._read_only

    @property
    def current_step(self) -> int:
        return self._current

    @property
    def modified(self) -> bool:
        """Unsaved changes a person could lose (never for a built-in)."""
        return self._last_modified

    def open_draft(self, draft: RoutineDraft, *, read_only: bool = False) -> None:
        self._draft = draft
        self._read_only = read_only
        self.problems.forget()
        self._current = -1
        self.model.read_only = read_only
        self.banner.setVisible(read_only)
        for widget in (self.name_edit, self.tempo_spin, self.profile_combo, self.description_edit,
                       self.step_box):
            widget.setEnabled(not read_only)
        self.table.setDragEnabled(not read_only)
        self.table.setAcceptDrops(not read_only)
        self._refresh(select=0 if draft.steps else None, reshape=True)

    def select_step(self, index: int) -> None:
        self._refresh(select=index, reshape=False)

    def save(self) -> bool:
        """Write the draft as a routine file; False (and the reason shown) when it can't be."""
        if self._read_only:
            return False
        routine = self._draft.routine
        if routine is None or not self._draft.can_save:
            self._show_error(_("Can't save yet"), _("Fix the errors marked in red first, then save."))
            return False
        try:
            path = self.library.save(routine, old_name=self._draft.saved_name)
        except LibraryError as exc:
            self._show_error(_("Can't save"), _sentence(str(exc)))
            return False
        except OSError as exc:
            self._show_error(_("Can't save"), _("The file can't be written: {reason}.").format(
                reason=os_reason(exc)))
            return False
        self._draft.mark_saved()
        self._refresh(select=self._current, reshape=False)
        self.saved.emit(path)
        return True

    def undo(self) -> None:
        if not self._read_only and self._draft.undo():
            self._refresh(select=self._current, reshape=True)

    def redo(self) -> None:
        if not self._read_only and self._draft.redo():
            self._refresh(select=self._current, reshape=True)

    def add_step(self) -> None:
        at = self._draft.add_step(after=self._current if self._current >= 0 else None)
        self._refresh(select=at, reshape=True)

    def duplicate_step(self) -> None:
        if self._current >= 0:
            self._refresh(select=self._draft.duplicate_step(self._current), reshape=True)

    def remove_step(self) -> None:
        if self._current >= 0:
            self._refresh(select=self._draft.remove_step(self._current), reshape=True)

    def move_current(self, by: int) -> None:
        if self._current < 0:
            return
        target = self._current + by
        if 0 <= target < len(self._draft.steps):
            self._refresh(select=self._draft.move_step(self._current, target), reshape=True)

    def apply_fix(self, fix: Fix) -> None:
        if not self._read_only:
            self._refresh(select=self._draft.apply_fix(fix), reshape=True)

    # -- edits from the widgets --------------------------------------------------------------------

    def _edit(self, change: Callable[[Any], bool], value: object) -> None:
        if self._updating or self._read_only:
            return
        if change(value):
            self._refresh(select=self._current, reshape=False)

    def _edit_step(self, **changes: object) -> None:
        if self._updating or self._read_only or self._current < 0:
            return
        if self._draft.set_step(self._current, **changes):
            self._refresh(select=self._current, reshape=False)

    def _move_from_drop(self, source: int, target: int) -> None:
        self._refresh(select=self._draft.move_step(source, target), reshape=True)

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._updating:
            return
        self._current = current.row() if current.isValid() else -1
        self._draft.break_coalescing()
        self._updating = True
        try:
            self._fill_step_form()
            self._update_buttons()
        finally:
            self._updating = False

    # -- showing the draft -------------------------------------------------------------------------

    def _refresh(self, *, select: int | None, reshape: bool) -> None:
        """Show the draft as it is now. `reshape` when steps were added, removed or moved."""
        draft = self._draft
        count = len(draft.steps)
        self._current = -1 if select is None or count == 0 else max(0, min(select, count - 1))
        self._updating = True
        try:
            self.model.refresh(same_shape=not reshape and self.model.rowCount() == count)
            selection = self.table.selectionModel()
            if self._current >= 0:
                index = self.model.index(self._current, 0)
                selection.setCurrentIndex(index, selection.SelectionFlag.ClearAndSelect
                                          | selection.SelectionFlag.Rows)
                self.table.scrollTo(index)
            else:
                selection.clearSelection()
            self._fill_routine_fields()
            self._fill_step_form()
            self._show_totals()
            self._show_problems()
            self._update_buttons()
        finally:
            self._updating = False
        modified = draft.dirty and not self._read_only
        if modified != self._last_modified:
            self._last_modified = modified
            self.modified_changed.emit(modified)

    def _fill_routine_fields(self) -> None:
        self.fields.fill(self._draft.state)

    def _fill_step_form(self) -> None:
        has_step = self._current >= 0
        self.step_box.setEnabled(has_step and not self._read_only)
        self.step_box.fill(self._draft.steps[self._current] if has_step else None, self._current)

    def _show_totals(self) -> None:
        totals = self._draft.stage_seconds()
        parts = [f"{stage.label} {format_duration(seconds)}" for stage, seconds in totals.items()]
        total = _("Total {duration}").format(duration=format_duration(self._draft.total_seconds()))
        self.totals_label.setText(f"<b>{total}</b> &nbsp;·&nbsp; {' &nbsp;·&nbsp; '.join(parts)}")

    def _show_problems(self) -> None:
        fixes_for = (lambda _problem: []) if self._read_only else self._draft.fixes_for
        # Tab: the step's fields, then each problem's link and fixes, then Undo
        self.problems.show(self._draft.problems, fixes_for, after=self.note_edit)

    @property
    def problem_rows(self) -> list[ProblemRow]:
        return self.problems.rows

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.problems.fit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # Large text on or off
            self._fit_to_text()

    def _fit_to_text(self) -> None:
        """Room for three lines of description and five steps, in the text size of now."""
        lines = self.description_edit.fontMetrics().lineSpacing()
        self.description_edit.setFixedHeight(lines * 3 + 24)
        rows = self.table.verticalHeader().defaultSectionSize()
        self.table.setMinimumHeight(rows * 5 + self.table.horizontalHeader().sizeHint().height() + 8)

    def _update_buttons(self) -> None:
        draft = self._draft
        editable = not self._read_only
        has_step = self._current >= 0
        self.add_button.setEnabled(editable)
        self.duplicate_step_button.setEnabled(editable and has_step)
        self.remove_button.setEnabled(editable and has_step)
        self.up_button.setEnabled(editable and has_step and self._current > 0)
        self.down_button.setEnabled(editable and has_step and self._current < len(draft.steps) - 1)
        self.bar.show_state(draft, editable=editable)

    def _preview(self) -> None:
        routine = self._draft.routine
        if routine is not None:
            self.preview_requested.emit(routine)

    def _start(self) -> None:
        routine = self._draft.routine
        if routine is not None and self._draft.can_save:
            self.start_requested.emit(routine)




def _sentence(text: str) -> str:
    text = text.strip()
    return (text[:1].upper() + text[1:]) if text else text
