"""Reminders…: on or off, which weekdays, what time. The window saves what is chosen and re-aims the tray."""

from __future__ import annotations

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from selfmassage.i18n import _, weekday_names
from selfmassage.qt.a11y import name_inner_parts
from selfmassage.qt.dialog_fit import keep_on_screen

TIME_FORMAT = "HH:mm"


class RemindersDialog(QDialog):
    def __init__(self, on: bool, days: list[int], at: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Reminders"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)  # as the Volume window: room round each row
        layout.setSpacing(14)
        self.on_box = QCheckBox(_("Remind me to massage"), self)
        self.on_box.setChecked(on)
        self.on_box.setAccessibleDescription(_("On: a reminder on the days and at the time below."))
        layout.addWidget(self.on_box)

        days_row = QGridLayout()
        days_row.setHorizontalSpacing(14)
        self.day_boxes: list[QCheckBox] = []
        days_named = zip(weekday_names(), weekday_names("abbreviated"), strict=True)
        for number, (name, short) in enumerate(days_named):
            box = QCheckBox(short, self)
            box.setAccessibleName(name)
            box.setAccessibleDescription(_("Tick for a reminder on {day}.").format(day=name))
            box.setChecked(number in days)
            box.toggled.connect(self._update)
            days_row.addWidget(box, 0, number)
            self.day_boxes.append(box)
        layout.addLayout(days_row)

        time_row = QHBoxLayout()
        time_label = QLabel(_("At"), self)
        self.time_edit = QTimeEdit(QTime.fromString(at, TIME_FORMAT), self)
        self.time_edit.setDisplayFormat(TIME_FORMAT)
        self.time_edit.setAccessibleName(_("Reminder time"))
        self.time_edit.setAccessibleDescription(_("Hours and minutes; Up and Down change the part in focus."))
        time_label.setBuddy(self.time_edit)
        time_row.addWidget(time_label)
        time_row.addWidget(self.time_edit)
        time_row.addStretch(1)
        layout.addLayout(time_row)

        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        for which, what in ((QDialogButtonBox.StandardButton.Save, _("Keep these reminders.")),
                            (QDialogButtonBox.StandardButton.Cancel, _("Close without changing anything."))):
            self.buttons.button(which).setAccessibleDescription(what)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.on_box.toggled.connect(self._update)
        self._update()
        name_inner_parts(self)  # the time field's text part
        self.fit = keep_on_screen(self)  # tall enough for the wrapped hint, within the screen

    @property
    def save_button(self) -> QWidget:
        return self.buttons.button(QDialogButtonBox.StandardButton.Save)

    def chosen(self) -> tuple[bool, list[int], str]:
        """On or off, the weekdays (0 = Monday) and the time as HH:MM."""
        days = [number for number, box in enumerate(self.day_boxes) if box.isChecked()]
        return self.on_box.isChecked(), days, self.time_edit.time().toString(TIME_FORMAT)

    def _update(self) -> None:
        on, days, _at = self.chosen()
        for box in self.day_boxes:
            box.setEnabled(on)
        self.time_edit.setEnabled(on)
        self.save_button.setEnabled(not on or bool(days))
        if on and not days:
            self.hint.setText(_("Pick at least one day."))
        else:
            self.hint.setText(_("A reminder comes only when your plan has a session due: none once this "
                                "week's sessions are done."))
