"""A check box whose words wrap: Qt's own check box keeps its text on one line, which in Russian or Large text
would make a narrow card (the picker's) wider than its window.

Part of the window's first frame: no `Qt` namespace (see main_window).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QWidget


class WrappedCheck(QWidget):
    """`box` (a QCheckBox with no text of its own) and `label`, its words, wrapped; a click on the words
    ticks the box, as a click on a check box's text would."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.box = QCheckBox(self)
        self.label = QLabel(text, self)
        self.label.setWordWrap(True)
        self.label.setBuddy(self.box)
        self.label.installEventFilter(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.box, 0)
        layout.addWidget(self.label, 1)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.label and event.type() == QEvent.Type.MouseButtonRelease and self.box.isEnabled():
            self.box.click()
            return True
        return super().eventFilter(watched, event)
