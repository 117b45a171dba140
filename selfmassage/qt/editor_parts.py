"""Two small parts of the routine editor: the banner over a built-in routine, and the buttons under the
steps. They only lay out and name their buttons; the editor connects them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout

from selfmassage.i18n import _
from selfmassage.qt.a11y import describe
from selfmassage.qt.wrapping_row import WrappingRow


class BuiltinBanner(QFrame):
    """Says a built-in routine can't be changed, with "Duplicate to edit"; its button under the words in a
    narrow window."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("builtinBanner")
        # Palette roles, for a window without the app's sheet (the sheet draws it as the window's notice).
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        row = WrappingRow(12)
        QVBoxLayout(self).addLayout(row)
        text = QLabel(_("This routine comes with the app, so you can't change it. "
                        "Make a copy to change it your way."))
        text.setWordWrap(True)
        text.setAccessibleName(text.text())
        self.duplicate_button = QPushButton(_("Duplicate to edit"))
        describe(self.duplicate_button, _("Duplicate to edit"), _("Make a copy of this built-in routine that "
                                                                  "you can change."))
        self.duplicate_button.setProperty("compact", True)
        row.addWidget(text, 1)
        row.addWidget(self.duplicate_button, 0, Qt.AlignmentFlag.AlignVCenter)


class StepButtons(WrappingRow):
    """Add, duplicate and remove a step, then move it: one row, or two, or a column, as the room allows."""

    def __init__(self) -> None:
        super().__init__()
        adding, moving = WrappingRow(), WrappingRow()
        self.addLayout(adding)
        self.addLayout(moving)
        self.add_button = QPushButton(_("Add step"))
        self.duplicate_button = QPushButton(_("Duplicate"))
        self.remove_button = QPushButton(_("Remove"))
        self.up_button = QPushButton(_("Move up"))
        self.down_button = QPushButton(_("Move down"))
        for button, what, row in (
                (self.add_button, _("Add a step after the chosen one."), adding),
                (self.duplicate_button, _("Add a copy of the chosen step after it."), adding),
                (self.remove_button, _("Remove the chosen step. Ctrl+Z brings it back."), adding),
                (self.up_button, _("Move the chosen step one place earlier."), moving),
                (self.down_button, _("Move the chosen step one place later."), moving)):
            describe(button, button.text(), what)
            button.setProperty("compact", True)
            row.addWidget(button)
        self.addStretch(1)
