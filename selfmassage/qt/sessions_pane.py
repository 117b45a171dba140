"""The review's list of sessions with what can be done to them: the count, Export and Import, the list,
the chosen session's details, and Delete."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from selfmassage.core.plan import Course
from selfmassage.core.session_status import SessionStatus
from selfmassage.i18n import _
from selfmassage.qt.a11y import announce, describe
from selfmassage.qt.session_table import SessionTableModel, describe_session, session_table_view, when
from selfmassage.qt.theme import relative_font
from selfmassage.qt.wrapping_row import WrappingRow
from selfmassage.store.history import History, HistoryError, is_damaged
from selfmassage.store.history_rescue import damaged_since_open, plain_reason
from selfmassage.store.history_rows import SessionRow


class SessionsPane(QWidget):
    """Every session, newest first; `changed` after a delete or an import here, `damaged` when one of them
    found the history file damaged since it opened (said on the status line; nothing was written)."""

    changed = Signal()
    damaged = Signal()

    def __init__(self, history: History, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.history = history
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 0, 0)
        list_row = WrappingRow(12)  # in a narrow window the buttons go under the title
        title_row = QHBoxLayout()
        list_title = QLabel(_("Sessions"), self)
        relative_font(list_title, 1.2, bold=True)
        title_row.addWidget(list_title)
        self.count_label = QLabel(self)
        self.count_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.count_label.setProperty("quiet", True)
        title_row.addWidget(self.count_label)
        title_row.addStretch(1)
        list_row.addLayout(title_row, 1)
        buttons = QHBoxLayout()
        self.export_button = QPushButton(_("Export CSV…"), self)
        self.import_button = QPushButton(_("Import CSV…"), self)
        describe(self.export_button, _("Export CSV"), _("Write every session to a CSV file you choose."))
        describe(self.import_button, _("Import CSV"), _("Add sessions from a CSV file; ones already here are "
                                                        "skipped."))
        self.export_button.clicked.connect(self.export_csv)
        self.import_button.clicked.connect(self.import_csv)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.import_button)
        list_row.addLayout(buttons)
        layout.addLayout(list_row)

        self.model = SessionTableModel(history, self)
        self.table = session_table_view(self.model, self)
        self.table.selectionModel().selectionChanged.connect(self._selected)
        layout.addWidget(self.table, 3)

        self.details = QPlainTextEdit(self)
        self.details.setReadOnly(True)
        self.details.setTabChangesFocus(True)
        describe(self.details, _("Session details"), _("The chosen session's steps and check-in."))
        self.details.setPlaceholderText(_("Pick a session to see its steps and check-in."))
        self.details.setMaximumHeight(150)
        layout.addWidget(self.details, 1)
        detail_row = QHBoxLayout()
        self.status_line = QLabel(self)
        self.status_line.setWordWrap(True)
        self.status_line.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        detail_row.addWidget(self.status_line, 1)
        self.delete_button = QPushButton(_("Delete session…"), self)
        self.delete_button.setEnabled(False)
        describe(self.delete_button, _("Delete session"), _("Delete the chosen session from your history, "
                                                             "after a question."))
        self.delete_button.clicked.connect(self.delete_selected)
        detail_row.addWidget(self.delete_button)
        layout.addLayout(detail_row)

    def reload(self, course: Course | None) -> None:
        self.model.reload(course)
        total = self.model.total
        self.count_label.setText(_("{count} in all").format(count=f"{total:,}") if total else _("none yet"))
        self.details.clear()
        self.delete_button.setEnabled(False)

    def selected_session(self) -> SessionRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    def select_row(self, number: int) -> None:
        self.table.selectRow(number)

    def _selected(self) -> None:
        session = self.selected_session()
        # A running session belongs to the window that runs it: it can be deleted once it has ended.
        self.delete_button.setEnabled(session is not None and session.status != SessionStatus.RUNNING)
        self.details.setPlainText("" if session is None else self.describe_session(session))

    def describe_session(self, session: SessionRow) -> str:
        return describe_session(self.history, self.model, session)

    def delete_selected(self) -> None:
        session = self.selected_session()
        if session is None or session.status == SessionStatus.RUNNING:
            return
        from selfmassage.qt.question_panel import Answer, ask  # what Delete needs, when it is pressed

        answers = [Answer("delete", _("Delete"), _("Delete this session from your history.")),
                   Answer("keep", _("Keep it"), _("Keep the session. Esc does this too."), primary=True)]
        if ask(self, _("Delete this session?"),
               _("Delete the session of {when} ({routine})? This can't be undone.").format(
                   when=when(session.started_at), routine=session.routine_shown),
               answers, default="keep", escape="keep") != "delete":
            return
        try:
            self.history.delete_session(session.id)
        except (HistoryError, sqlite3.DatabaseError) as exc:
            if is_damaged(exc):  # nothing was deleted: the delete is one transaction, which never began
                self.tell_damaged(_("Nothing was deleted.") + " " + damaged_since_open(self.history.path))
                return
            reason = plain_reason(exc) if isinstance(exc, sqlite3.DatabaseError) else str(exc)
            self.tell(_("The session of {when} was not deleted: {reason}.").format(
                when=when(session.started_at), reason=reason))
            return
        self.tell(_("Deleted the session of {when}.").format(when=when(session.started_at)))
        self.changed.emit()

    def tell(self, text: str) -> None:
        """What an action did, on the status line and to a screen reader: it shows away from the focus."""
        self.status_line.setText(text)
        announce(self.status_line, text)

    def tell_damaged(self, text: str) -> None:
        self.tell(text)
        self.damaged.emit()

    # -- CSV -----------------------------------------------------------------------------------

    # The CSV modules load when a button is pressed: the review's first view needs none of them.

    def export_csv(self) -> None:
        from selfmassage.qt.review_csv import export_history

        export_history(self, self.history, self.tell)

    def import_csv(self) -> None:
        from selfmassage.qt.review_csv import import_history

        if import_history(self, self.history, self.tell, self.tell_damaged):
            self.changed.emit()
