"""Stopping a session, asked in the window itself: finish gently (the default) or stop now.

The guide names an abrupt stop as a cause of pain, so "Finish gently" — half a minute of light stroking on
the area you were working, then the summary — comes first and has the focus; "Stop now" is beside it. The
session is paused while the question is open and goes on if you keep going (Esc). A panel inside the
session page, not a separate dialog: it takes the window's theme and text size, and a screen reader meets
it where the session is.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from selfmassage.core.engine import GENTLE_FINISH_SECONDS
from selfmassage.i18n import N_, _

STOP_TITLE = N_("Stop the session?")
STOP_WHY = N_("Stopping all at once can leave your muscles sore. Finish gently: {seconds} seconds of light "
              "stroking on the area you are working, then you are done.")


class StopPanel(QFrame):
    """Shown over the session page; `finish_gently`, `stop_now` or `keep_going` says what was chosen."""

    finish_gently = Signal()
    stop_now = Signal()
    keep_going = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("stop_panel")
        self.setProperty("card", True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        title, why = _(STOP_TITLE), _(STOP_WHY).format(seconds=GENTLE_FINISH_SECONDS)
        self.setAccessibleName(title)
        self.setAccessibleDescription(why)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 22, 28, 22)
        layout.setSpacing(14)
        self.title = QLabel(title, self)
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.title.setFont(font)
        self.why = QLabel(why, self)
        self.why.setWordWrap(True)
        layout.addWidget(self.title)
        layout.addWidget(self.why)
        buttons = QHBoxLayout()
        buttons.setSpacing(12)
        self.gently_button = self._button(_("Finish gently"), _("Half a minute of light stroking, then the "
                                                                   "summary."), self.finish_gently)
        self.gently_button.setProperty("role", "primary")
        self.now_button = self._button(_("Stop now"), _("End the session at once."), self.stop_now)
        self.keep_button = self._button(_("Keep going"), _("Close this and go on with the session (Esc)."),
                                        self.keep_going)
        buttons.addWidget(self.gently_button)
        buttons.addWidget(self.now_button)
        buttons.addStretch(1)
        buttons.addWidget(self.keep_button)
        layout.addLayout(buttons)
        self.hide()
        parent.installEventFilter(self)

    def _button(self, text: str, description: str, signal: Signal) -> QPushButton:
        button = QPushButton(text, self)
        button.setAccessibleName(text)
        button.setAccessibleDescription(description)
        button.setAutoDefault(True)
        button.clicked.connect(self.hide)
        button.clicked.connect(signal.emit)
        return button

    def open(self) -> None:
        self._place()
        self.show()
        self.raise_()
        self.gently_button.setDefault(True)
        self.gently_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _place(self) -> None:
        parent = self.parentWidget()
        width = min(parent.width() - 40, max(520, parent.width() * 3 // 5))
        self.setFixedWidth(max(width, 200))
        self.adjustSize()
        self.move((parent.width() - self.width()) // 2, max(10, (parent.height() - self.height()) // 2))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize and self.isVisible():
            self._place()
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.keep_button.click()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            focused = self.focusWidget()
            (focused if isinstance(focused, QPushButton) else self.gently_button).click()
            return
        super().keyPressEvent(event)
