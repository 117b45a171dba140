"""The end of a session: how long, how many steps, completed or stopped, and the check-in."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from selfmassage.core.cautions import SIT_UP_SLOWLY
from selfmassage.core.checkin import CheckIn
from selfmassage.core.session_result import SessionResult
from selfmassage.core.session_status import SessionStatus
from selfmassage.i18n import N_, _
from selfmassage.qt.a11y import announce
from selfmassage.qt.calm_style import apply_calm_style
from selfmassage.qt.dialog_fit import scroll_words_down
from selfmassage.qt.routine_words import format_length
from selfmassage.qt.theme import relative_font
from selfmassage.qt.window_fit import words_column

_HEADINGS = {
    SessionStatus.COMPLETED: N_("Well done. The session is complete."),
    SessionStatus.STOPPED: N_("You stopped the session early."),
    SessionStatus.INTERRUPTED: N_("The session was interrupted."),
}


class SummaryPage(QWidget):
    checkin_submitted = Signal(object)  # CheckIn, as the panel gave it
    checkin_skipped = Signal()
    done_requested = Signal()  # "Back to routines"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result: SessionResult | None = None
        self.checkin_panel: QWidget | None = None

        self.heading = QLabel(self)
        self.heading.setObjectName("summary_heading")
        self.heading.setWordWrap(True)
        relative_font(self.heading, 2.0, bold=True)
        self.facts = QLabel(self)
        self.facts.setObjectName("summary_facts")
        self.facts.setWordWrap(True)
        relative_font(self.facts, 1.4)
        # Lying down long can lower blood pressure: every session ends with this, on screen and spoken.
        self.rise = QLabel(_(SIT_UP_SLOWLY), self)
        self.rise.setObjectName("summary_rise")
        self.rise.setWordWrap(True)
        relative_font(self.rise, 1.4, bold=True)

        # No style sheet on this frame or above it: the panel's own large fonts must reach its labels.
        self.checkin_card = QFrame(self)
        self.checkin_layout = QVBoxLayout(self.checkin_card)
        self.checkin_layout.setContentsMargins(0, 0, 0, 0)
        self.checkin_layout.setSpacing(12)
        self.thanks = QLabel(_("Thank you. Your answers are kept with this session."), self.checkin_card)
        self.thanks.setObjectName("checkin_thanks")
        self.thanks.setWordWrap(True)
        relative_font(self.thanks, 1.3)
        self.checkin_layout.addWidget(self.thanks)

        self.done_button = QPushButton(_("Back to routines"), self)
        self.done_button.setObjectName("done_button")
        self.done_button.setAccessibleName(_("Back to routines"))
        self.done_button.setAccessibleDescription(_("Back to the list of routines, to start another session "
                                                    "or close the app."))
        self.done_button.setToolTip(_("Back to the list of routines"))
        self.done_button.setAutoDefault(True)  # Enter presses it when it has focus, as Space does
        self.done_button.clicked.connect(self.done_requested)
        # The buttons stay at the page's foot, where nothing moves them; what is above scrolls when the
        # window is too small for it (Large text at 600 px), and a sign ticked there moves only the words.
        self.buttons = QHBoxLayout()
        self.buttons.setSpacing(12)
        self.buttons.addStretch(1)
        self.buttons.addSpacing(12)
        self.buttons.addWidget(self.done_button)

        self.words, column = words_column("summary_words", self, spacing=16)
        column.addWidget(self.heading)
        column.addWidget(self.facts)
        column.addWidget(self.rise)
        column.addSpacing(12)
        column.addWidget(self.checkin_card, 1)
        scroll_words_down(self.words)

        root = QVBoxLayout(self)
        root.setContentsMargins(48, 32, 40, 24)
        root.setSpacing(16)
        root.addWidget(self.words, 1)
        root.addLayout(self.buttons)

    def own_widgets(self) -> list[QWidget]:
        """The widgets of this page the window's style sheet may go on (not the check-in panel's parents)."""
        return [self.heading, self.facts, self.rise, self.thanks, self.done_button]

    def show_result(self, result: SessionResult, checkin_panel: QWidget | None) -> None:
        """Show a finished session; `checkin_panel` has a `submitted(CheckIn)` signal (None: no check-in)."""
        self.result = result
        self.heading.setText(_(_HEADINGS[result.status]))
        minutes = format_length(round(result.active_seconds))
        self.facts.setText(_("{minutes} of massage  ·  {done} of {total} steps done  ·  {routine}").format(
            minutes=minutes, done=result.steps_done, total=result.steps_total, routine=result.routine.name))
        if self.checkin_panel is not None:
            self.checkin_layout.removeWidget(self.checkin_panel)
            self._footer(self.checkin_panel).deleteLater()
            self.checkin_panel.deleteLater()
        self.checkin_panel = checkin_panel
        self.thanks.hide()
        if checkin_panel is not None:
            checkin_panel.setParent(self.checkin_card)
            self.checkin_layout.insertWidget(0, checkin_panel, 1, Qt.AlignmentFlag.AlignTop)
            footer = self._footer(checkin_panel)
            if footer is not checkin_panel:  # its Skip and Save: at the page's foot, in view
                footer.setParent(self)
                apply_calm_style(footer)
                footer.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, False)
                self.buttons.insertWidget(1, footer)
                footer.show()
            # The check-in first, as it reads, then its Skip and Save, then Back to routines.
            if footer is not checkin_panel:
                QWidget.setTabOrder(checkin_panel, footer)
            QWidget.setTabOrder(footer, self.done_button)
            checkin_panel.submitted.connect(self._submitted)  # type: ignore[attr-defined]
            skipped = getattr(checkin_panel, "skipped", None)
            if skipped is not None:
                skipped.connect(self._skipped)
        self.checkin_card.setVisible(checkin_panel is not None)

    def _submitted(self, checkin: CheckIn) -> None:
        self._close_panel(_("Thank you. Your answers are kept with this session."))
        self.checkin_submitted.emit(checkin)

    def _skipped(self) -> None:
        self._close_panel(_("No check-in this time. That's fine."))
        self.checkin_skipped.emit()

    @staticmethod
    def _footer(panel: QWidget) -> QWidget:
        """The panel's row of buttons (the panel itself when it has none of its own)."""
        footer = getattr(panel, "footer", None)
        return footer if isinstance(footer, QWidget) else panel

    def _close_panel(self, text: str) -> None:
        if self.checkin_panel is not None:
            self.checkin_panel.hide()
            self._footer(self.checkin_panel).hide()
        self.thanks.setText(text)
        self.thanks.show()
        self.done_button.setFocus()
        announce(self.thanks, text)
