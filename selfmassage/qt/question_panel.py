"""A question asked inside the window, in its theme and text size: a card over the dimmed window, as the
session's Stop question is, instead of a stock message box that ignores High contrast and Large text.

`ask(parent, title, text, answers)` waits for the answer as a message box's exec() would (the window's own
events go on), then returns the chosen answer's key. Enter picks the focused answer, else the default one;
Esc picks the escape one; Tab and the arrow keys move between the answers only, and the window's shortcuts
wait until the question is answered. A screen reader hears the title and the text when it opens.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QEventLoop, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPaintEvent, QTextDocument
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QPushButton,
    QWidget,
)
from shiboken6 import isValid

from selfmassage.qt.a11y import announce
from selfmassage.qt.button_flow import ButtonFlow
from selfmassage.qt.overlay import card, cover, hold_in_the_middle, paint_dimmed
from selfmassage.qt.theme import colours, current_look, relative_font, stylesheet


@dataclass(frozen=True)
class Answer:
    """One button: `key` is what `ask` returns, `description` what a screen reader adds to its text."""

    key: str
    text: str
    description: str = ""
    primary: bool = False  # the window's main action colour: the safe, expected answer


class QuestionPanel(QWidget):
    """Covers its window, which it dims; the question is a card in its middle, its text wrapped to the room
    there is and its buttons in rows that wrap. `answered` carries the chosen key, once."""

    answered = Signal(str)

    def __init__(self, window: QWidget, title: str, text: str, answers: Sequence[Answer], *,
                 default: str, escape: str, rich: bool = False, field: QWidget | None = None) -> None:
        super().__init__(window)
        cover(self, "question_panel")
        self.setStyleSheet(stylesheet(colours(current_look().high_contrast)))
        self.escape_key, self.choice, self._answered = escape, escape, False
        self.setAccessibleName(title)
        self.card, layout = card(self, "question_card", 720)
        self.title = QLabel(title, self.card)
        self.title.setWordWrap(True)
        self.text = QLabel(text, self.card)
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        layout.addWidget(self.title)
        layout.addWidget(self.text)
        self.field = field  # a value to give (a number, say): Enter in it gives the default answer
        if field is not None:
            self.text.setBuddy(field)
            layout.addWidget(field)
        flow = ButtonFlow(12)
        self.buttons: dict[str, QPushButton] = {}
        for answer in answers:
            button = QPushButton(answer.text, self.card)
            button.setAccessibleName(answer.text)
            button.setAccessibleDescription(answer.description)
            button.setAutoDefault(True)
            if answer.primary:
                button.setProperty("primary", True)
            button.clicked.connect(lambda _checked=False, key=answer.key: self.choose(key))
            button.installEventFilter(self)
            flow.addWidget(button)
            self.buttons[answer.key] = button
        self.default_button = self.buttons[default]
        self.default_button.setDefault(True)
        layout.addLayout(flow)
        for part in (self, *self.findChildren(QWidget)):  # under its own sheet Qt hands on no app font
            part.setFont(QApplication.font())
        relative_font(self.title, 1.3, bold=True)
        plain = QTextDocument()
        plain.setHtml(text) if rich else plain.setPlainText(text)
        self.setAccessibleDescription(plain.toPlainText().strip())
        hold_in_the_middle(self, self.card)
        window.installEventFilter(self)
        self.hide()

    def open(self) -> None:
        self.setGeometry(self.parentWidget().rect())
        self.show()
        self.raise_()
        (self.field or self.default_button).setFocus(Qt.FocusReason.OtherFocusReason)
        announce(self, f"{self.accessibleName()}. {self.accessibleDescription()}")

    def choose(self, key: str) -> None:
        if self._answered:
            return  # a second key press while it closes
        self._answered, self.choice = True, key
        self.hide()
        self.answered.emit(key)

    def paintEvent(self, event: QPaintEvent) -> None:
        paint_dimmed(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize and self.isVisible():
            self.setGeometry(self.parentWidget().rect())
        elif isinstance(watched, QPushButton) and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            return self._key(event.key())
        return False

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride:
            event.accept()  # every key is the question's: no menu or session shortcut behind it fires
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self._key(event.key()):
            super().keyPressEvent(event)

    def _key(self, key: int) -> bool:
        if key == Qt.Key.Key_Escape:
            self.choose(self.escape_key)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            focused = self.focusWidget()
            (focused if isinstance(focused, QPushButton) else self.default_button).click()
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Up):
            self.focusNextPrevChild(key in (Qt.Key.Key_Right, Qt.Key.Key_Down))
        else:
            return False
        return True

    def focusNextPrevChild(self, next: bool) -> bool:
        # Tab stays on the question: the window's own controls are out of sight behind it.
        buttons = list(self.buttons.values())
        focused = self.focusWidget()
        at = buttons.index(focused) if focused in buttons else -1
        buttons[(at + (1 if next else -1)) % len(buttons)].setFocus(
            Qt.FocusReason.TabFocusReason if next else Qt.FocusReason.BacktabFocusReason)
        return True


def open_question(parent: QWidget) -> QuestionPanel | None:
    """The question open over `parent`'s window now, if any."""
    for panel in parent.window().findChildren(QuestionPanel):
        if panel.isVisible():
            return panel
    return None


def ask(parent: QWidget, title: str, text: str, answers: Sequence[Answer], *, default: str, escape: str,
        rich: bool = False, field: QWidget | None = None) -> str:
    """Ask over `parent`'s window and wait for the answer; returns its key. `field`: a control shown
    under the text, with the keyboard (read its value after). A second question while one is
    open (closing the window from the desktop, say) gets the escape answer: the first is still open."""
    window = parent.window()
    if open_question(window) is not None:
        return escape
    if not window.isVisible():  # hidden in the tray, say, when Quit asks about unsaved changes
        window.show()
    window.raise_()
    window.activateWindow()
    focus = window.focusWidget()
    panel = QuestionPanel(window, title, text, answers, default=default, escape=escape, rich=rich,
                          field=field)
    chosen = [escape]  # kept here: the window, and the panel with it, may be gone when the loop ends
    loop = QEventLoop()
    panel.answered.connect(lambda key: (chosen.__setitem__(0, key), loop.quit()))
    panel.destroyed.connect(loop.quit)
    panel.open()
    loop.exec()
    if isValid(panel):
        panel.deleteLater()
    if focus is not None and isValid(focus) and focus.isVisible():
        focus.setFocus(Qt.FocusReason.OtherFocusReason)  # back where the person was
    return chosen[0]
