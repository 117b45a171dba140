"""Before every session, one short screen: "Today, do you have any of these?" — the list, one answer for all.

States of today (a fever, an allergic reaction, …) come and go, so they are asked each time; the rest of the
safety checklist keeps its 30-day cycle. A pregnancy routine's note is on the same screen. Keyboard: N for
"No, none of these", Y for "Yes, one of these"; Tab and Space as usual.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QFrame, QHBoxLayout, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from selfmassage.core import safety
from selfmassage.i18n import _
from selfmassage.qt.calm_style import apply_calm_style, bullet_list, heading, no_session_button, paragraph
from selfmassage.qt.dialog_fit import BodyScroller, keep_on_screen


class TodayDialog(QDialog):
    """Accepted on "No, none of these"; "Yes" shows why there is no massage today, then closes."""

    def __init__(self, parent: QWidget | None = None, *, pregnancy: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Before you start — selfmassage"))
        self.setAccessibleName(_(safety.TODAY_TITLE))
        self.setAccessibleDescription(" ".join(_(state) for state in safety.TODAY_STATES))
        self.setModal(True)
        apply_calm_style(self)
        self.resize(640, 0)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._question_page(pregnancy))
        self.pages.addWidget(self._stop_page())
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.pages)
        self.fit = keep_on_screen(self)
        self.no_button.setFocus()

    def _question_page(self, pregnancy: bool) -> QWidget:
        page = QWidget()
        outer = QVBoxLayout(page)
        outer.setContentsMargins(32, 28, 32, 24)
        outer.setSpacing(14)
        body = QWidget()
        layout = QVBoxLayout(body)  # the list scrolls on a small screen; the answers stay in view
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(14)
        layout.addWidget(heading(_(safety.TODAY_TITLE)))
        states = tuple(_(state) for state in safety.TODAY_STATES)
        self.states = bullet_list(states)
        self.states.setObjectName("today-states")
        self.states.setAccessibleName(_("Today's states: {states}").format(states="; ".join(states)))
        layout.addWidget(self.states)
        self.pregnancy_note: QFrame | None = None
        if pregnancy:
            note = QFrame()
            note.setProperty("role", "note")
            note.setObjectName("pregnancy-note")
            note.setAccessibleName(_(safety.PREGNANCY_TITLE))
            note.setAccessibleDescription(" ".join(_(line) for line in safety.PREGNANCY_NOTE))
            note_layout = QVBoxLayout(note)
            note_layout.setContentsMargins(18, 14, 18, 14)
            title = paragraph(_(safety.PREGNANCY_TITLE))
            font = title.font()
            font.setBold(True)
            title.setFont(font)
            note_layout.addWidget(title)
            note_layout.addWidget(bullet_list(tuple(_(line) for line in safety.PREGNANCY_NOTE)))
            layout.addWidget(note)
            self.pregnancy_note = note
        layout.addWidget(paragraph(_("Press N for no or Y for yes."), muted=True, points=12))
        layout.addStretch(1)
        outer.addWidget(BodyScroller(body), 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.yes_button = QPushButton(_(safety.TODAY_YES))
        self.yes_button.setObjectName("today-yes")
        self.yes_button.setAccessibleName(_("{answer}: no massage today").format(answer=_(safety.TODAY_YES)))
        self.yes_button.setAccessibleDescription(_("One of the states in the list applies to you today. "
                                                   "Press Y."))
        self.yes_button.setAutoDefault(False)
        self.yes_button.clicked.connect(self._said_yes)
        self.no_button = QPushButton(_(safety.TODAY_NO))
        self.no_button.setObjectName("today-no")
        self.no_button.setProperty("role", "primary")
        self.no_button.setAccessibleName(_("{answer}: start the session").format(answer=_(safety.TODAY_NO)))
        self.no_button.setAccessibleDescription(_("None of the states in the list applies to you today. "
                                                  "Press N."))
        self.no_button.setAutoDefault(False)
        self.no_button.clicked.connect(self.accept)
        buttons.addWidget(self.yes_button)
        buttons.addWidget(self.no_button)
        outer.addLayout(buttons)
        return page

    def _stop_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(32, 28, 32, 24)
        layout.setSpacing(16)
        layout.addWidget(heading(_(safety.TODAY_STOP_TITLE)))
        self.stop_message = paragraph(_(safety.TODAY_STOP_MESSAGE))
        self.stop_message.setObjectName("today-stop-message")
        layout.addWidget(self.stop_message)
        layout.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.close_button = no_session_button(_("Start again once it has passed."))
        self.close_button.clicked.connect(self.reject)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        return page

    def _said_yes(self) -> None:
        self.pages.setCurrentIndex(1)
        self.fit.refit()
        self.close_button.setDefault(True)
        self.close_button.setFocus()

    def showing_stop(self) -> bool:
        return self.pages.currentIndex() == 1

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.showing_stop() and event.key() in (Qt.Key.Key_N, Qt.Key.Key_Y):
            (self.no_button if event.key() == Qt.Key.Key_N else self.yes_button).click()
            return
        super().keyPressEvent(event)


def ask_today(parent: QWidget | None, *, pregnancy: bool = False) -> bool:
    """True when none of today's states applies: the session may start."""
    dialog = TodayDialog(parent, pregnancy=pregnancy)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    dialog.deleteLater()
    return accepted
