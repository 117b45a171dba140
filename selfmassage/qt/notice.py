"""A calm banner across the top of the window: one message, a button to close it."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class NoticeBanner(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notice")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 10, 10, 10)
        layout.setSpacing(12)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        layout.addWidget(self.label, 1)
        self.close_button = QPushButton("Close", self)
        self.close_button.setAccessibleName("Close this notice")
        self.close_button.setAccessibleDescription("Hides the notice; what it said still holds.")
        self.close_button.setToolTip("Close this notice")
        self.close_button.clicked.connect(self.hide)
        layout.addWidget(self.close_button)
        self.setAccessibleName("Notice")
        self.hide()

    def show_message(self, text: str) -> None:
        self.label.setText(text)
        self.label.setAccessibleName(text)
        self.setAccessibleDescription(text)
        self.show()

    def text(self) -> str:
        return self.label.text()
