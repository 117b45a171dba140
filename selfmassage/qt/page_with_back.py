"""A page with a way back (the Learn page, the history): Esc, as its Back button, asks for the page before."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget


class PageWithBack(QWidget):
    back_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # A key event, not a window shortcut: in full screen the window's own Esc leaves full screen first.
        if event.key() == Qt.Key.Key_Escape:
            self.back_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)
