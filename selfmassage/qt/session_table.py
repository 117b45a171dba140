"""The review's list of sessions: newest first, 200 rows at a time as it scrolls, and the details of one."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QAbstractItemView, QApplication, QHeaderView, QTableView, QWidget

from selfmassage.core.plan import Course
from selfmassage.core.routine import format_duration
from selfmassage.core.session_status import SessionStatus
from selfmassage.i18n import N_, _, format_day, format_moment, pgettext
from selfmassage.qt.a11y import describe
from selfmassage.qt.theme_style import roomy_rows
from selfmassage.store.history import History
from selfmassage.store.history_rows import SessionRow

PAGE_ROWS = 200
COLUMNS = (N_("Date"), N_("Routine"), N_("Status"), N_("Length"), N_("Check-in"), N_("Note"))
# The statuses and signs as stored (English, in the history file), as shown.
STATUS_WORDS = {"completed": N_("completed"), "stopped": N_("stopped"), "interrupted": N_("interrupted"),
                "running": N_("running")}
SIGN_WORDS = {"pain": N_("pain"), "headache": N_("headache"), "dizziness": N_("dizziness"),
              "nausea": N_("nausea"), "fatigue": N_("tiredness"), "body aches": N_("body aches")}


def status_word(status: str) -> str:
    return _(STATUS_WORDS.get(status, status))


def sign_words(signs: tuple[str, ...] | list[str]) -> list[str]:
    return [_(SIGN_WORDS.get(sign, sign)) for sign in signs]


def when(moment: datetime) -> str:
    return format_moment(moment)


def short_day(day: date) -> str:
    return format_day(day)


class SessionTableModel(QAbstractTableModel):
    """Sessions newest first, fetched a page at a time as the view scrolls."""

    def __init__(self, history: History, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._history = history
        self._rows: list[SessionRow] = []
        self._total = 0
        self._course: Course | None = None

    def reload(self, course: Course | None) -> None:
        self.beginResetModel()
        self._course = course
        self._total = self._history.count_sessions()
        self._rows = self._history.sessions(newest_first=True, limit=PAGE_ROWS)
        self.endResetModel()

    @property
    def total(self) -> int:
        """Sessions in the history (the rows loaded so far may be fewer)."""
        return self._total

    def row(self, number: int) -> SessionRow:
        return self._rows[number]

    def during_rest(self, session: SessionRow) -> bool:
        return self._course is not None and session.counted and self._course.in_rest(session.local_day)

    # -- Qt model ------------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> bool:
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> None:
        more = self._history.sessions(newest_first=True, limit=PAGE_ROWS, offset=len(self._rows))
        if not more:
            self._total = len(self._rows)
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation is Qt.Orientation.Horizontal:
            return _(COLUMNS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        session = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return format_moment(session.started_at)
            if column == 1:
                return session.routine_shown
            if column == 2:
                return status_word(session.status) + (" " + _("(rest)") if self.during_rest(session) else "")
            if column == 3:
                return format_duration(round(session.active_seconds))
            if column == 4:
                feeling = [] if session.feeling is None else [f"{session.feeling}/5"]
                return " · ".join([*feeling, *sign_words(session.symptoms)])
            return session.note.replace("\n", " ")
        if role == Qt.ItemDataRole.ForegroundRole and session.status != SessionStatus.COMPLETED:
            # Listed, but not counted toward the plan; the Status column says so in words.
            return QApplication.palette().color(QPalette.ColorRole.PlaceholderText)
        if role == Qt.ItemDataRole.ToolTipRole and column == 2:
            if not session.counted:
                return _("Only completed sessions count toward your plan.")
            if self.during_rest(session):
                return _("During the rest after a course: allowed, and not part of a course.")
        if role == Qt.ItemDataRole.ToolTipRole and column in (1, 5):
            return session.routine_shown if column == 1 else session.note
        return None


def session_table_view(model: SessionTableModel, parent: QWidget) -> QTableView:
    """The list as the review shows it: whole rows, one at a time, columns sized from sample text."""
    table = QTableView(parent)
    table.setModel(model)
    describe(table, _("Sessions"), _("Newest first. Up and Down pick a session; its details show below."))
    table.setTabKeyNavigation(False)  # Tab leaves the list; the arrow keys move in it
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.setAlternatingRowColors(True)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    # Widths from sample text, not ResizeToContents: that would ask for every loaded row's data.
    header_view = table.horizontalHeader()
    header_view.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header_view.setStretchLastSection(True)
    table.setMinimumHeight(180)
    roomy_rows(table, _size_columns)  # the columns again when Large text changes
    return table


def _size_columns(table: QTableView) -> None:
    metrics = table.fontMetrics()
    for column, sample in enumerate(("Wed 30 Sep 2026  00:00", "After-workout back and s",
                                     "interrupted", "00:00:00", "5/5 · dizziness")):
        table.horizontalHeader().resizeSection(column, metrics.horizontalAdvance(sample) + 16)


def describe_session(history: History, model: SessionTableModel, session: SessionRow) -> str:
    """The details shown under the list: the session, whether it counts, its check-in and its steps."""
    lines = [_("{when} · {routine} · {status} · {length} of massage").format(
        when=when(session.started_at), routine=session.routine_shown, status=status_word(session.status),
        length=format_duration(round(session.active_seconds)))]
    if not session.counted:
        lines.append(_("Not counted toward your plan: only completed sessions are."))
    elif model.during_rest(session):
        lines.append(_("During the rest after a course: allowed, and not part of a course."))
    checkin = []
    if session.feeling is not None:
        checkin.append(_("feeling {value}/5").format(value=session.feeling))
    if session.symptoms:
        checkin.append(_("noted {signs}").format(signs=", ".join(sign_words(session.symptoms))))
    if checkin:
        lines.append(_("After it: {checkin}.").format(checkin="; ".join(checkin)))
    if session.note:
        lines.append(_("Note: {note}").format(note=session.note))
    steps = history.steps(session.id)
    if not steps:
        running = session.status == SessionStatus.RUNNING
        lines.append(_("No step finished yet.") if running
                     else _("No steps kept (imported from a CSV file)."))
    for step in steps:
        done = _("{done} of {planned}").format(done=format_duration(round(step.actual_seconds)),
                                               planned=format_duration(step.planned_seconds))
        if step.skipped:
            done += ", " + _("skipped")
        technique = _(step.technique.capitalize())  # the technique's name, stored in English
        lines.append(f"{step.seq + 1:>3}. {technique}, {pgettext('area', step.area)} — {done}")
    return "\n".join(lines)
