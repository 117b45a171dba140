"""The routine editor's step table: the draft's steps as rows, a problem's icon and tint on its row, and
drag-and-drop that moves a step as one undoable edit."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QIcon, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from selfmassage.core.editing import RoutineDraft
from selfmassage.core.problems import Problem
from selfmassage.core.routine import format_duration
from selfmassage.i18n import N_, _
from selfmassage.qt.a11y import describe
from selfmassage.qt.editor_fields import shown_area
from selfmassage.qt.problem_list import problem_counts, problem_line
from selfmassage.qt.theme_style import roomy_rows

STEP_MIME = "application/x-selfmassage-step"
ERROR_TINT = QColor(220, 50, 47, 40)
WARNING_TINT = QColor(230, 160, 0, 40)


class StepTableModel(QAbstractTableModel):
    """The draft's steps as rows; a drop moves a step through `move` (so it is one undo step)."""

    HEADERS = ("#", N_("Stage"), N_("Technique"), N_("Area"), N_("Time"), N_("Intensity"))  # shown with _()

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
            return _(self.HEADERS[section])
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
            return (str(index.row() + 1), step.stage.label, step.technique.label, shown_area(step.area),
                    format_duration(step.seconds), step.intensity.label.capitalize())[column]
        if role == Qt.ItemDataRole.DecorationRole and column == 0 and problems:
            return self._icons(problems)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole) and problems:
            return "\n".join(problem_line(p) for p in problems)
        if role == Qt.ItemDataRole.AccessibleTextRole and column == 0 and problems:
            # The icon is not read out: say the row's number with what is wrong, in words.
            return _("Step {number}, {problems}").format(number=index.row() + 1,
                                                          problems=problem_counts(problems))
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



class StepTable(QTableView):
    """Asks for the width of its columns, so the editor puts the step's fields under it when the two
    can't be side by side without squeezing the steps; keeps the chosen step in sight when resized."""

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        header = self.horizontalHeader()
        # From the text, not the sections' widths now: the area's column stretches to the room it is given.
        columns = sum(max(header.sectionSizeHint(column), self.sizeHintForColumn(column))
                      for column in range(header.count()))
        width = columns + 2 * self.frameWidth() + self.verticalScrollBar().sizeHint().width()
        return QSize(max(hint.width(), width), hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        current = self.currentIndex()
        if current.isValid():  # a smaller window keeps the step being changed in sight
            self.scrollTo(current)


def step_table_view(model: StepTableModel) -> QTableView:
    """The table the editor shows the model in: whole rows, one at a time, moved by dragging."""
    table = StepTable()
    table.setModel(model)
    describe(table, _("Steps"), _("Up and Down pick a step to change on the right. Move up and Move "
                                  "down reorder it; a step with a problem says so."))
    table.setTabKeyNavigation(False)  # Tab leaves the table; the arrow keys move in it
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
    table.setDragDropOverwriteMode(False)
    table.setDefaultDropAction(Qt.DropAction.MoveAction)
    table.setDropIndicatorShown(True)
    table.verticalHeader().hide()
    table.setAlternatingRowColors(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
    roomy_rows(table)
    return table
