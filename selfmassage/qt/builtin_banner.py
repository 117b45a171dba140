"""The line over a built-in routine in the editor: it can't be changed here; a copy can."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout

from selfmassage.qt.a11y import describe
from selfmassage.qt.wrapping_row import WrappingRow


class BuiltinBanner(QFrame):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("builtinBanner")
        # Palette roles, for a window without the app's sheet (the sheet draws it as the window's notice).
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        row = WrappingRow(12)
        QVBoxLayout(self).addLayout(row)
        text = QLabel("This routine comes with the app, so you can't change it. "
                      "Make a copy to change it your way.")
        text.setWordWrap(True)
        self.duplicate_button = QPushButton("Duplicate to edit")
        describe(self.duplicate_button, "Duplicate to edit", "Make a copy of this built-in routine that "
                 "you can change.")
        text.setAccessibleName(text.text())
        self.duplicate_button.setProperty("compact", True)
        row.addWidget(text, 1)
        row.addWidget(self.duplicate_button, 0, Qt.AlignmentFlag.AlignVCenter)
