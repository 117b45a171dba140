"""The routine editor: shows a RoutineDraft and forwards every edit to it.

All the rules, totals, undo and fixes live in `selfmassage.core.editing`; this module only lays them out,
so what the editor says about a routine is what `selfmassage routines validate` says.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from enum import StrEnum
from typing import Any, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QEvent,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QBrush, QColor, QIcon, QKeyEvent, QKeySequence, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from selfmassage.core.editing import Fix, RoutineDraft
from selfmassage.core.problems import Problem
from selfmassage.core.routine import format_duration
from selfmassage.core.routine_format import MAX_AREA, MAX_NAME, MAX_NOTE, MAX_SECONDS
from selfmassage.core.techniques import (
    KNOWN_AREAS,
    TEMPO_MAX,
    TEMPO_MIN,
    Intensity,
    Profile,
    Stage,
    Technique,
    Variant,
)
from selfmassage.qt.a11y import describe, name_inner_parts
from selfmassage.store.library import LibraryError, RoutineLibrary

STEP_MIME = "application/x-selfmassage-step"
ERROR_TINT = QColor(220, 50, 47, 40)
WARNING_TINT = QColor(230, 160, 0, 40)

PROFILE_LABELS = {Profile.STANDARD: "Standard", Profile.PREGNANCY: "Pregnancy (light techniques only)"}
VARIANT_LABELS = {
    Variant.TRANSVERSE: "Across the fibres",
    Variant.PALM_EDGE: "Edge of the palm",
    Variant.PALM_BASE: "Heel of the palm",
    Variant.TWO_HANDS: "Two hands",
}


def problem_icon(widget: QWidget, problems: list[Problem]) -> QIcon:
    pixmap = QStyle.StandardPixmap
    which = pixmap.SP_MessageBoxCritical if any(p.is_error for p in problems) else pixmap.SP_MessageBoxWarning
    return widget.style().standardIcon(which)


def problem_line(problem: Problem) -> str:
    return f"{problem.severity.value.capitalize()} [{problem.rule}]: {problem.message}"


class StepTableModel(QAbstractTableModel):
    """The draft's steps as rows; a drop moves a step through `move` (so it is one undo step)."""

    HEADERS = ("#", "Stage", "Technique", "Area", "Time", "Intensity")

    def __init__(self, draft: Callable[[], RoutineDraft], move: Callable[[int, int], None],
                 icons: Callable[[list[Problem]], QIcon], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._draft = draft
        self._move = move
        self._icons = icons
        self.read_only = False

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._draft().steps)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
                   ) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        draft = self._draft()
        step = draft.steps[index.row()]
        column = index.column()
        problems = draft.problems_for_step(index.row())
        if role == Qt.ItemDataRole.DisplayRole:
            return (str(index.row() + 1), step.stage.label, step.technique.label, step.area,
                    format_duration(step.seconds), step.intensity.value.capitalize())[column]
        if role == Qt.ItemDataRole.DecorationRole and column == 0 and problems:
            return self._icons(problems)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole) and problems:
            return "\n".join(problem_line(p) for p in problems)
        if role == Qt.ItemDataRole.AccessibleTextRole and column == 0 and problems:
            # The icon is not read out: say the row's number with what is wrong, in words.
            errors = sum(1 for p in problems if p.is_error)
            words = [f"{n} {word}{'s' if n != 1 else ''}"
                     for n, word in ((errors, "error"), (len(problems) - errors, "warning")) if n]
            return f"Step {index.row() + 1}, {' and '.join(words)}"
        if role == Qt.ItemDataRole.BackgroundRole and problems:
            return QBrush(ERROR_TINT if any(p.is_error for p in problems) else WARNING_TINT)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (0, 4):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        if self.read_only:
            return base
        if not index.isValid():
            return base | Qt.ItemFlag.ItemIsDropEnabled
        return base | Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [STEP_MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:
        data = QMimeData()
        rows = sorted({index.row() for index in indexes if index.isValid()})
        if rows:
            data.setData(STEP_MIME, QByteArray(str(rows[0]).encode("ascii")))
        return data

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                        parent: QModelIndex | QPersistentModelIndex) -> bool:
        return not self.read_only and data.hasFormat(STEP_MIME) and action == Qt.DropAction.MoveAction

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: QModelIndex | QPersistentModelIndex) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        try:
            source = int(bytes(data.data(STEP_MIME).data()).decode("ascii"))
        except ValueError:
            return False
        if row < 0:  # dropped onto a row: it goes where that row is; onto empty space: at the end
            row = parent.row() if parent.isValid() else self.rowCount()
        target = row - 1 if source < row else row
        if not 0 <= source < self.rowCount() or target == source:
            return False
        self._move(source, target)
        return True

    def refresh(self, same_shape: bool) -> None:
        if same_shape and self.rowCount():
            last = self.index(self.rowCount() - 1, self.columnCount() - 1)
            self.dataChanged.emit(self.index(0, 0), last)
        else:
            self.beginResetModel()
            self.endResetModel()


class _KeepUndoKeys(QObject):
    """Text fields have their own Ctrl+Z; the editor's undo must win so every edit undoes the same way."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            combo = event.keyCombination()
            control = combo.keyboardModifiers() & Qt.KeyboardModifier.ControlModifier
            if control and combo.key() in (Qt.Key.Key_Z, Qt.Key.Key_Y):
                event.ignore()
                return True
        return False


E = TypeVar("E", Stage, Technique, Intensity, Variant, Profile)


def _combo(items: list[tuple[str, StrEnum | None]]) -> QComboBox:
    """Items carry the enum's value: Qt keeps a StrEnum only as its plain string."""
    box = QComboBox()
    for label, value in items:
        box.addItem(label, None if value is None else value.value)
    return box


def _chosen(box: QComboBox, kind: type[E]) -> E | None:
    data = box.currentData()
    return None if data is None else kind(data)


def _select_data(box: QComboBox, value: StrEnum | None) -> None:
    index = box.findData(None if value is None else value.value)
    if index != box.currentIndex():
        box.setCurrentIndex(index)


class ProblemRow(QFrame):
    """One problem: icon, where, rule id, what to do, and a button per one-click fix."""

    def __init__(self, problem: Problem, fixes: list[Fix], icon: QIcon,
                 on_fix: Callable[[Fix], None], on_show: Callable[[int], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.problem = problem
        self.setObjectName("problemRow")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 3, 6, 3)
        severity = problem.severity.value.capitalize()
        mark = QLabel()
        mark.setPixmap(icon.pixmap(18, 18))
        mark.setToolTip(severity)
        mark.setAccessibleName(severity)
        layout.addWidget(mark, 0, Qt.AlignmentFlag.AlignVCenter)
        # "Step N" is a flat, underlined button rather than a link in the text: one Tab stop, and Space or
        # Enter shows the step, as a click does.
        self.show_button: QPushButton | None = None
        if problem.step is not None:
            self.show_button = QPushButton(f"Step {problem.step}")
            self.show_button.setFlat(True)
            self.show_button.setAutoDefault(True)  # Enter presses it too
            self.show_button.setCursor(Qt.CursorShape.PointingHandCursor)
            font = self.show_button.font()
            font.setUnderline(True)
            self.show_button.setFont(font)
            describe(self.show_button, f"Show step {problem.step}", f"{severity}: {problem.message}")
            self.show_button.clicked.connect(lambda _checked=False, step=problem.step: on_show(step - 1))
            layout.addWidget(self.show_button, 0, Qt.AlignmentFlag.AlignVCenter)
        where = "" if problem.step is not None else "Routine · "
        # The icon's shape and the word say how serious it is; the tint is only a third signal.
        self.text = text = QLabel(f"{where}<b>{severity}</b> · <b>{html.escape(problem.rule)}</b> — "
                                  f"{html.escape(problem.message)}")
        text.setWordWrap(True)
        text.setAccessibleName(f"{severity}: {problem.rule}")
        text.setAccessibleDescription(problem.message)
        policy = text.sizePolicy()  # keeps height-for-width, so a wrapped line is only as tall as it needs
        policy.setHorizontalPolicy(QSizePolicy.Policy.Expanding)
        text.setSizePolicy(policy)
        layout.addWidget(text, 1)
        self.fix_buttons: list[QPushButton] = []
        for fix in fixes:
            button = QPushButton(fix.label)
            button.setAccessibleName(fix.label)
            button.setAccessibleDescription(f"Fixes this {problem.severity.value}: {problem.message}")
            button.clicked.connect(lambda _checked=False, fix=fix: on_fix(fix))
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignVCenter)
            self.fix_buttons.append(button)


class RoutineEditor(QWidget):
    """Edits one routine. Built-ins are shown read-only with a "Duplicate to edit" button."""

    saved = Signal(object)  # the routine file's Path, after it was written
    modifiedChanged = Signal(bool)
    duplicateRequested = Signal()
    startRequested = Signal(object)  # a Routine without errors
    previewRequested = Signal(object)  # a Routine, to play fast

    def __init__(self, library: RoutineLibrary, *, show_error: Callable[[str, str], None] | None = None,
                 can_start: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self._show_error = show_error or (lambda title, text: None)
        self._draft = RoutineDraft.new()
        self._read_only = False
        self._updating = False  # set while widgets are filled from the draft: their signals are not edits
        self._current = -1
        self._shown_problems: tuple[Problem, ...] | None = None
        self._last_modified = False
        self._keys = _KeepUndoKeys(self)
        self._build(can_start)
        self.open_draft(self._draft)

    # -- layout ------------------------------------------------------------------------------------

    def _build(self, can_start: bool) -> None:
        outer = QVBoxLayout(self)

        self.banner = QFrame()
        self.banner.setObjectName("builtinBanner")
        # Palette roles, not a style sheet: a sheet here would keep its words at their size and colours
        # when Large text or High contrast changes.
        self.banner.setAutoFillBackground(True)
        self.banner.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self.banner.setFrameShape(QFrame.Shape.StyledPanel)
        banner_layout = QHBoxLayout(self.banner)
        banner_text = QLabel("This routine comes with the app, so you can't change it. "
                             "Make a copy to change it your way.")
        banner_text.setWordWrap(True)
        self.duplicate_button = QPushButton("Duplicate to edit")
        describe(self.duplicate_button, "Duplicate to edit", "Make a copy of this built-in routine that "
                 "you can change.")
        banner_text.setAccessibleName(banner_text.text())
        self.duplicate_button.clicked.connect(self.duplicateRequested)
        banner_layout.addWidget(banner_text, 1)
        banner_layout.addWidget(self.duplicate_button)
        outer.addWidget(self.banner)

        fields = QGridLayout()
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(MAX_NAME + 20)  # room to see the "too long" message, not unbounded
        self.name_edit.setPlaceholderText("Give the routine a name")
        describe(self.name_edit, "Routine name", f"Up to {MAX_NAME} characters.")
        self.tempo_spin = QSpinBox()
        self.tempo_spin.setRange(TEMPO_MIN, TEMPO_MAX)
        self.tempo_spin.setSuffix(" /min")
        self.tempo_spin.setToolTip("Rubbing tempo: movements a minute, clicked while you rub.")
        describe(self.tempo_spin, "Rubbing tempo", f"Movements a minute, {TEMPO_MIN} to {TEMPO_MAX}, "
                 "clicked while you rub.")
        self.profile_combo = _combo([(PROFILE_LABELS[p], p) for p in Profile])
        describe(self.profile_combo, "Profile", "Pregnancy allows light techniques only, 45 minutes at most.")
        self.description_edit = QPlainTextEdit()
        self.description_edit.setPlaceholderText("What it is for, in a line or two (optional)")
        self.description_edit.setTabChangesFocus(True)  # Tab moves on, as in every other field
        describe(self.description_edit, "Description", "What the routine is for, in a line or two; "
                 "optional.")
        self.description_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        fields.addWidget(_buddy("Name", self.name_edit), 0, 0)
        fields.addWidget(self.name_edit, 0, 1)
        fields.addWidget(_buddy("Tempo", self.tempo_spin), 0, 2)
        fields.addWidget(self.tempo_spin, 0, 3)
        fields.addWidget(_buddy("Profile", self.profile_combo), 0, 4)
        fields.addWidget(self.profile_combo, 0, 5)
        fields.addWidget(_buddy("Description", self.description_edit), 1, 0, Qt.AlignmentFlag.AlignTop)
        fields.addWidget(self.description_edit, 1, 1, 1, 5)
        fields.setColumnStretch(1, 1)
        outer.addLayout(fields)

        self.totals_label = QLabel()
        self.totals_label.setObjectName("totals")
        self.totals_label.setTextFormat(Qt.TextFormat.RichText)
        self.totals_label.setAccessibleName("Total time and time per stage")
        outer.addWidget(self.totals_label)

        middle = QHBoxLayout()
        list_side = QVBoxLayout()
        self.model = StepTableModel(lambda: self._draft, self._move_from_drop,
                                    lambda problems: problem_icon(self, problems), self)
        self.table = QTableView()
        self.table.setModel(self.model)
        describe(self.table, "Steps", "Up and Down pick a step to change on the right. Move up and Move "
                 "down reorder it; a step with a problem says so.")
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; the arrow keys move in it
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.table.setDragDropOverwriteMode(False)
        self.table.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.table.setDropIndicatorShown(True)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        list_side.addWidget(self.table, 1)

        buttons = QHBoxLayout()
        self.add_button = QPushButton("Add step")
        self.duplicate_step_button = QPushButton("Duplicate")
        self.remove_button = QPushButton("Remove")
        self.up_button = QPushButton("Move up")
        self.down_button = QPushButton("Move down")
        self.add_button.clicked.connect(self.add_step)
        self.duplicate_step_button.clicked.connect(self.duplicate_step)
        self.remove_button.clicked.connect(self.remove_step)
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(+1))
        for button, what in ((self.add_button, "Add a step after the chosen one."),
                             (self.duplicate_step_button, "Add a copy of the chosen step after it."),
                             (self.remove_button, "Remove the chosen step. Ctrl+Z brings it back."),
                             (self.up_button, "Move the chosen step one place earlier."),
                             (self.down_button, "Move the chosen step one place later.")):
            describe(button, button.text(), what)
            buttons.addWidget(button)
        buttons.addStretch(1)
        list_side.addLayout(buttons)
        middle.addLayout(list_side, 3)

        self.step_box = QGroupBox("Step")
        self.step_box.setAccessibleName("The chosen step")
        form = QFormLayout(self.step_box)
        self.stage_combo = _combo([(s.label, s) for s in Stage])
        self.technique_combo = _combo([(t.label, t) for t in Technique])
        self.area_combo = QComboBox()
        self.area_combo.setEditable(True)
        self.area_combo.addItems(list(KNOWN_AREAS))
        self.area_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.area_combo.lineEdit().setMaxLength(MAX_AREA + 20)
        self.area_combo.lineEdit().setPlaceholderText("Where on the body")
        self.seconds_spin = QSpinBox()
        self.seconds_spin.setRange(1, MAX_SECONDS)
        self.seconds_spin.setSuffix(" s")
        self.intensity_combo = _combo([(i.value.capitalize(), i) for i in Intensity])
        self.variant_combo = _combo([("None", None), *((VARIANT_LABELS[v], v) for v in Variant)])
        self.variant_combo.setToolTip("How to squeeze; only squeezing steps have one.")
        self.note_edit = QLineEdit()
        self.note_edit.setMaxLength(MAX_NOTE + 20)
        self.note_edit.setPlaceholderText("What to do, in your words (optional)")
        for widget, name, what in (
                (self.stage_combo, "Stage", "Preparatory, medium deep, deep or final; stages go in that "
                 "order."),
                (self.technique_combo, "Technique", "Stroking, rubbing, squeezing, kneading or vibration."),
                (self.area_combo, "Area", "Where on the body; pick one or type your own."),
                (self.seconds_spin, "Time", "Seconds for this step; rubbing and vibration 10 at most."),
                (self.intensity_combo, "Intensity", "Light, moderate or firm; stroking is always light."),
                (self.variant_combo, "Variant", "How to squeeze; only squeezing steps have one."),
                (self.note_edit, "Note", f"What to do, in your words; up to {MAX_NOTE} characters.")):
            describe(widget, name, what)
        form.addRow("Stage", self.stage_combo)
        form.addRow("Technique", self.technique_combo)
        form.addRow("Area", self.area_combo)
        form.addRow("Time", self.seconds_spin)
        form.addRow("Intensity", self.intensity_combo)
        form.addRow("Variant", self.variant_combo)
        form.addRow("Note", self.note_edit)
        middle.addWidget(self.step_box, 2)
        outer.addLayout(middle, 1)

        self.problems_title = QLabel()
        self.problems_title.setObjectName("problemsTitle")
        self.problems_title.setAccessibleName("Problems")
        outer.addWidget(self.problems_title)
        self.problems_area = QScrollArea()
        self.problems_area.setWidgetResizable(True)
        self.problems_area.setFrameShape(QFrame.Shape.StyledPanel)
        self.problems_area.setMaximumHeight(150)
        self.problems_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the links and fixes in it
        describe(self.problems_area, "Problems with this routine", "Each problem with its step, rule and "
                 "what to do.")
        self.problems_holder = QWidget()
        self.problems_layout = QVBoxLayout(self.problems_holder)
        self.problems_layout.setContentsMargins(2, 2, 2, 2)
        self.problems_layout.setSpacing(0)
        self.problems_area.setWidget(self.problems_holder)
        outer.addWidget(self.problems_area)
        self.problem_rows: list[ProblemRow] = []

        bottom = QHBoxLayout()
        self.undo_action = QAction("Undo", self)
        self.undo_action.setShortcut(QKeySequence("Ctrl+Z"))
        self.redo_action = QAction("Redo", self)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.save_action = QAction("Save", self)
        self.save_action.setShortcut(QKeySequence("Ctrl+S"))
        for action in (self.undo_action, self.redo_action, self.save_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        self.undo_action.triggered.connect(self.undo)
        self.redo_action.triggered.connect(self.redo)
        self.save_action.triggered.connect(self.save)
        for action, tip in ((self.undo_action, "Undo the last change (Ctrl+Z)"),
                            (self.redo_action, "Redo what you undid (Ctrl+Shift+Z)"),
                            (self.save_action, "Save your changes (Ctrl+S)")):
            action.setStatusTip(tip)
            action.setToolTip(tip)
        self.undo_button = QPushButton("Undo")
        self.redo_button = QPushButton("Redo")
        describe(self.undo_button, "Undo", "Undo the last change (Ctrl+Z).")
        describe(self.redo_button, "Redo", "Redo what you undid (Ctrl+Shift+Z).")
        self.undo_button.clicked.connect(self.undo_action.trigger)
        self.redo_button.clicked.connect(self.redo_action.trigger)
        self.status_label = QLabel()
        self.status_label.setAccessibleName("Saved or not")
        self.preview_button = QPushButton("Preview")
        describe(self.preview_button, "Preview", "Play the routine 10 times faster with its sounds. "
                 "Nothing is recorded.")
        self.preview_button.setToolTip("Play it 10 times faster with its sounds. Nothing is recorded.")
        self.preview_button.clicked.connect(self._preview)
        self.start_button = QPushButton("Start")
        describe(self.start_button, "Start", "Start a session with this routine.")
        self.start_button.clicked.connect(self._start)
        if not can_start:  # never setVisible(True) here: a button with no parent yet would open as a window
            self.start_button.hide()
        self.save_button = QPushButton("Save")
        describe(self.save_button, "Save", "Save your changes (Ctrl+S); errors must be fixed first.")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save_action.trigger)
        bottom.addWidget(self.undo_button)
        bottom.addWidget(self.redo_button)
        bottom.addWidget(self.status_label, 1)
        bottom.addWidget(self.preview_button)
        bottom.addWidget(self.start_button)
        bottom.addWidget(self.save_button)
        outer.addLayout(bottom)

        self._connect_fields()
        name_inner_parts(self)

    def _connect_fields(self) -> None:
        self.name_edit.textEdited.connect(lambda text: self._edit(self._draft.set_name, text))
        self.name_edit.editingFinished.connect(lambda: self._draft.break_coalescing())
        self.description_edit.textChanged.connect(
            lambda: self._edit(self._draft.set_description, self.description_edit.toPlainText()))
        self.tempo_spin.valueChanged.connect(lambda value: self._edit(self._draft.set_tempo, value))
        self.profile_combo.currentIndexChanged.connect(
            lambda _i: self._edit(self._draft.set_profile, _chosen(self.profile_combo, Profile)))
        self.stage_combo.currentIndexChanged.connect(
            lambda _i: self._edit_step(stage=_chosen(self.stage_combo, Stage)))
        self.technique_combo.currentIndexChanged.connect(
            lambda _i: self._edit_step(technique=_chosen(self.technique_combo, Technique)))
        self.area_combo.editTextChanged.connect(lambda text: self._edit_step(area=text))
        self.seconds_spin.valueChanged.connect(lambda value: self._edit_step(seconds=value))
        self.intensity_combo.currentIndexChanged.connect(
            lambda _i: self._edit_step(intensity=_chosen(self.intensity_combo, Intensity)))
        self.variant_combo.currentIndexChanged.connect(
            lambda _i: self._edit_step(variant=_chosen(self.variant_combo, Variant)))
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
        self._shown_problems = None
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
            self._show_error("Can't save yet", "Fix the errors marked in red first, then save.")
            return False
        try:
            path = self.library.save(routine, old_name=self._draft.saved_name)
        except LibraryError as exc:
            self._show_error("Can't save", _sentence(str(exc)))
            return False
        except OSError as exc:
            self._show_error("Can't save", f"The file can't be written: {exc.strerror or exc}.")
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
            self.modifiedChanged.emit(modified)

    def _fill_routine_fields(self) -> None:
        state = self._draft.state
        if self.name_edit.text() != state.name:
            self.name_edit.setText(state.name)
        if self.description_edit.toPlainText() != state.description:
            self.description_edit.setPlainText(state.description)
        if self.tempo_spin.value() != state.tempo:
            self.tempo_spin.setValue(state.tempo)
        _select_data(self.profile_combo, state.profile)

    def _fill_step_form(self) -> None:
        has_step = self._current >= 0
        self.step_box.setEnabled(has_step and not self._read_only)
        if not has_step:
            self.step_box.setTitle("Step")
            return
        step = self._draft.steps[self._current]
        self.step_box.setTitle(f"Step {self._current + 1}")
        _select_data(self.stage_combo, step.stage)
        _select_data(self.technique_combo, step.technique)
        if self.area_combo.currentText() != step.area:
            self.area_combo.setEditText(step.area)
        if self.seconds_spin.value() != step.seconds:
            self.seconds_spin.setValue(step.seconds)
        _select_data(self.intensity_combo, step.intensity)
        _select_data(self.variant_combo, step.variant)
        self.variant_combo.setEnabled(step.technique is Technique.SQUEEZING)
        if self.note_edit.text() != step.note:
            self.note_edit.setText(step.note)

    def _show_totals(self) -> None:
        totals = self._draft.stage_seconds()
        parts = [f"{stage.label} {format_duration(seconds)}" for stage, seconds in totals.items()]
        self.totals_label.setText(
            f"<b>Total {format_duration(self._draft.total_seconds())}</b>"
            f" &nbsp;·&nbsp; {' &nbsp;·&nbsp; '.join(parts)}")

    def _show_problems(self) -> None:
        problems = self._draft.problems
        errors = sum(1 for p in problems if p.is_error)
        warnings = len(problems) - errors
        if not problems:
            self.problems_title.setText("No problems: this routine follows the guide.")
        else:
            counts = [f"{n} {word}{'s' if n != 1 else ''}"
                      for n, word in ((errors, "error"), (warnings, "warning")) if n]
            rest = " Fix the errors to save." if errors else " You can still save."
            self.problems_title.setText(f"<b>{' and '.join(counts)}</b>.{rest}")
        self.problems_area.setVisible(bool(problems))
        if problems == self._shown_problems:
            return
        self._shown_problems = problems
        for row in self.problem_rows:
            # Hidden and deleted where it is: a row set free of its parent becomes a window of its own,
            # which Qt may still show (a show was queued when it was added) and then close, taking the
            # keyboard focus away from the editor.
            row.hide()
            row.deleteLater()
        self.problem_rows = []
        while self.problems_layout.count():
            self.problems_layout.takeAt(0)
        before = self.note_edit  # Tab: the step's fields, then each problem's link and fixes, then Undo
        for problem in problems:
            fixes = [] if self._read_only else self._draft.fixes_for(problem)
            row = ProblemRow(problem, fixes, problem_icon(self, [problem]), self.apply_fix, self.select_step,
                             self.problems_holder)
            self.problems_layout.addWidget(row)
            row.show()  # made inside its (maybe visible) parent: Qt shows such a child only when asked
            self.problem_rows.append(row)
            for stop in ([row.show_button] if row.show_button else []) + row.fix_buttons:
                QWidget.setTabOrder(before, stop)
                before = stop
        self.problems_layout.addStretch(1)
        self._fit_problems()

    def _fit_problems(self) -> None:
        """As tall as its rows at the width they have, up to about four of them; more rows scroll."""
        width = max(200, self.problems_area.viewport().width() - 4)
        rows = sum(row.heightForWidth(width) if row.hasHeightForWidth() else row.sizeHint().height()
                   for row in self.problem_rows)
        self.problems_area.setFixedHeight(min(170, rows + 2 * self.problems_area.frameWidth() + 4))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_problems()

    def _update_buttons(self) -> None:
        draft = self._draft
        editable = not self._read_only
        has_step = self._current >= 0
        self.add_button.setEnabled(editable)
        self.duplicate_step_button.setEnabled(editable and has_step)
        self.remove_button.setEnabled(editable and has_step)
        self.up_button.setEnabled(editable and has_step and self._current > 0)
        self.down_button.setEnabled(editable and has_step and self._current < len(draft.steps) - 1)
        self.undo_action.setEnabled(editable and draft.can_undo)
        self.redo_action.setEnabled(editable and draft.can_redo)
        self.undo_action.setText(f"Undo {draft.undo_label.lower()}".strip())
        self.redo_action.setText(f"Redo {draft.redo_label.lower()}".strip())
        self.undo_button.setEnabled(self.undo_action.isEnabled())
        self.redo_button.setEnabled(self.redo_action.isEnabled())
        blocked = not draft.can_save
        self.save_action.setEnabled(editable and draft.dirty and not blocked)
        self.save_button.setEnabled(self.save_action.isEnabled())
        self.save_button.setVisible(editable)
        self.start_button.setEnabled(not blocked)
        self.preview_button.setEnabled(bool(draft.steps) and draft.routine is not None)
        why = "Fix the errors first." if blocked else ""
        self.save_button.setToolTip(why or "Save your changes (Ctrl+S).")
        self.start_button.setToolTip(why or "Start a session with this routine.")
        if self._read_only:
            self.status_label.setText("Built in: read only.")
        elif blocked:
            self.status_label.setText("Errors block saving.")
        elif draft.dirty:
            self.status_label.setText("Unsaved changes.")
        else:
            self.status_label.setText("Saved.")

    def _preview(self) -> None:
        routine = self._draft.routine
        if routine is not None:
            self.previewRequested.emit(routine)

    def _start(self) -> None:
        routine = self._draft.routine
        if routine is not None and self._draft.can_save:
            self.startRequested.emit(routine)


def _buddy(text: str, field: QWidget) -> QLabel:
    """A field's label, tied to it so assistive technology reads the two together."""
    label = QLabel(text)
    label.setBuddy(field)
    return label


def _sentence(text: str) -> str:
    text = text.strip()
    return (text[:1].upper() + text[1:]) if text else text
