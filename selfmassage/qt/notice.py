"""A calm banner across the top of the window: its messages, one a line, and a button to close it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from selfmassage.i18n import _

if TYPE_CHECKING:
    from PySide6.QtGui import QKeyEvent

_ENTER_KEYS = (0x01000004, 0x01000005)  # Qt.Key.Key_Return, Key_Enter: no Qt namespace before the first frame


class NoticeBanner(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notice")
        self._lines: list[str] = []
        self._told: set[str] = set()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 10, 10, 10)
        layout.setSpacing(12)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        layout.addWidget(self.label, 1)
        # Made, then named: QPushButton(text, parent) makes PySide6 build QIcon's 151 theme-icon names to
        # rule out its (icon, text) form (~2.5 ms of the first frame).
        self.close_button = QPushButton(self)
        self.close_button.setText(_("Close"))
        self.close_button.setAccessibleName(_("Close this notice"))
        self.close_button.setAccessibleDescription(_("Hides the notice; what it said still holds."))
        self.close_button.setToolTip(_("Close this notice"))
        self.close_button.clicked.connect(self.hide)
        layout.addWidget(self.close_button)
        self.setAccessibleName(_("Notice"))
        self.hide()

    def show_message(self, text: str) -> None:
        """Show `text`. A banner already open keeps what it says and adds this as a line of its own: two
        missing pieces found at start must both be read."""
        if self.isHidden():  # closed: what it said was read
            self._lines = []
        if text not in self._lines:
            self._lines.append(text)
        shown = "\n".join(self._lines)
        self.label.setText(shown)
        self.label.setAccessibleName(shown)
        self.setAccessibleDescription(shown)
        self.show()

    def tell_once(self, text: str) -> bool:
        """Show `text` unless it was shown before in this run; True when it was shown now."""
        if text in self._told:
            return False
        self._told.add(text)
        self.show_message(text)
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # A button outside a dialog ignores Enter; on Close it closes, as a person expects.
        if event.key() in _ENTER_KEYS and self.close_button.hasFocus():
            self.close_button.click()
            event.accept()
            return
        super().keyPressEvent(event)

    def text(self) -> str:
        return self.label.text()
