"""Stopping a session, asked in the window itself: finish gently (the default) or stop now.

The guide names an abrupt stop as a cause of pain, so "Finish gently" — half a minute of light stroking on
the area you were working, then the summary — comes first and has the focus; "Stop now" is beside it. The
session is paused while the question is open and goes on if you keep going (Esc). A panel inside the
session page, not a separate dialog: it takes the window's theme and text size, and a screen reader meets
it where the session is.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPaintEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from selfmassage.core.engine import GENTLE_FINISH_SECONDS
from selfmassage.i18n import N_, _
from selfmassage.qt.overlay import card, cover, hold_in_the_middle, paint_dimmed

STOP_TITLE = N_("Stop the session?")
STOP_WHY = N_("Stopping all at once can leave your muscles sore. Finish gently: {seconds} seconds of light "
              "stroking on the area you are working, then you are done.")


class StopPanel(QWidget):
    """Shown over the whole session page, which it dims; the question is a card in its middle, its text
    wrapped to the room there is. `finish_gently`, `stop_now` or `keep_going` says what was chosen."""

    finish_gently = Signal()
    stop_now = Signal()
    keep_going = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        cover(self, "stop_panel")
        title, why = _(STOP_TITLE), _(STOP_WHY).format(seconds=GENTLE_FINISH_SECONDS)
        self.setAccessibleName(title)
        self.setAccessibleDescription(why)
        self.card, layout = card(self, "stop_card", 760)
        self.card.setAutoFillBackground(True)
        self.title = QLabel(title, self.card)
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.title.setFont(font)
        self.why = QLabel(why, self.card)
        self.why.setWordWrap(True)
        layout.addWidget(self.title)
        layout.addWidget(self.why)
        self.gently_button = self._button(_("Finish gently"), _("Half a minute of light stroking, then the "
                                                                   "summary."), self.finish_gently)
        self.gently_button.setProperty("role", "primary")
        self.gently_button.setProperty("primary", True)  # the window's sheet: filled, in the accent colour
        self.now_button = self._button(_("Stop now"), _("End the session at once."), self.stop_now)
        self.keep_button = self._button(_("Keep going"), _("Close this and go on with the session (Esc)."),
                                        self.keep_going)
        # One row where there is the room, else one button under another (Large text at 800 px).
        self.buttons = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.buttons.setSpacing(12)
        self.buttons.addWidget(self.gently_button)
        self.buttons.addWidget(self.now_button)
        self.buttons.addStretch(1)
        self.buttons.addWidget(self.keep_button)
        layout.addLayout(self.buttons)
        hold_in_the_middle(self, self.card)
        self.hide()
        parent.installEventFilter(self)

    def paintEvent(self, event: QPaintEvent) -> None:
        paint_dimmed(self)

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
        for layout in (self.layout(), self.card.layout()):
            layout.invalidate()  # the page's text size may have changed since it was last open
        self.setGeometry(parent.rect())
        buttons = [self.gently_button, self.now_button, self.keep_button]
        room = min(parent.width() - 40, self.card.maximumWidth()) - 56
        wide = sum(button.sizeHint().width() for button in buttons) + 12 * 3 <= room
        way = QBoxLayout.Direction
        self.buttons.setDirection(way.LeftToRight if wide else way.TopToBottom)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize and self.isVisible():
            self._place()
        return False

    def focusNextPrevChild(self, next: bool) -> bool:
        # Tab stays on the question: the page's own buttons are out of sight behind it.
        buttons = [self.gently_button, self.now_button, self.keep_button]
        focused = self.focusWidget()
        at = buttons.index(focused) if focused in buttons else -1
        buttons[(at + (1 if next else -1)) % len(buttons)].setFocus(
            Qt.FocusReason.TabFocusReason if next else Qt.FocusReason.BacktabFocusReason)
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.keep_button.click()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            focused = self.focusWidget()
            (focused if isinstance(focused, QPushButton) else self.gently_button).click()
            return
        super().keyPressEvent(event)
