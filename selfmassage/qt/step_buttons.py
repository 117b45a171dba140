"""The buttons under the routine editor's steps: add, duplicate and remove a step, move it up or down; in a
narrow window the moving ones go below."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton

from selfmassage.qt.a11y import describe
from selfmassage.qt.wrapping_row import WrappingRow


class StepButtons(WrappingRow):
    def __init__(self) -> None:
        super().__init__()
        adding, moving = WrappingRow(), WrappingRow()
        self.addLayout(adding)
        self.addLayout(moving)
        self.add_button = QPushButton("Add step")
        self.duplicate_step_button = QPushButton("Duplicate")
        self.remove_button = QPushButton("Remove")
        self.up_button = QPushButton("Move up")
        self.down_button = QPushButton("Move down")
        for button, what in ((self.add_button, "Add a step after the chosen one."),
                             (self.duplicate_step_button, "Add a copy of the chosen step after it."),
                             (self.remove_button, "Remove the chosen step. Ctrl+Z brings it back."),
                             (self.up_button, "Move the chosen step one place earlier."),
                             (self.down_button, "Move the chosen step one place later.")):
            describe(button, button.text(), what)
            button.setProperty("compact", True)
            (moving if button in (self.up_button, self.down_button) else adding).addWidget(button)
        self.addStretch(1)

    def show_state(self, *, editable: bool, current: int, count: int) -> None:
        """What can be done to step `current` (-1: none chosen) of `count`."""
        has_step = current >= 0
        self.add_button.setEnabled(editable)
        self.duplicate_step_button.setEnabled(editable and has_step)
        self.remove_button.setEnabled(editable and has_step)
        self.up_button.setEnabled(editable and has_step and current > 0)
        self.down_button.setEnabled(editable and has_step and current < count - 1)
