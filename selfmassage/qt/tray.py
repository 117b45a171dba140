"""The tray icon and the reminder: when the next session is due, and a nudge at the chosen time.

The scheduling is plain Python in `core.reminders`; this only shows it. One single-shot timer aims at
the next reminder (waking at least hourly, so a changed clock or a sleeping laptop is noticed), never a
polling tick. Without a tray the reminder is still worked out and offered to the window through
`reminder_due`, and `notice` says once what is missing.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from selfmassage.core.plan import Plan, plan_from_settings
from selfmassage.core.reminders import (
    due_text,
    next_due,
    next_reminder,
    parse_clock,
    reminder_message,
    seconds_until,
    should_remind,
)
from selfmassage.store.history import History
from selfmassage.store.recorder import local_now

RECHECK_SECONDS = 3600  # the longest the timer sleeps before looking at the clock again
LATE_LIMIT = timedelta(hours=3)  # a reminder missed while asleep still comes if this late at most


class ReminderTray(QObject):
    start_requested = Signal(str)  # the routine's name
    open_requested = Signal()
    quit_requested = Signal()
    reminder_due = Signal(str)  # the reminder's text, shown or not (the window may show it too)

    def __init__(
        self,
        history: History,
        settings: Any,
        routine_names: list[str] | None = None,
        *,
        now: Callable[[], datetime] = local_now,
        tray_available: bool | None = None,
        icon: QIcon | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.history = history
        self.settings = settings
        self._now = now
        self.available = (QSystemTrayIcon.isSystemTrayAvailable() if tray_available is None
                          else tray_available)
        self.notice: str | None = None
        if not self.available:
            self.notice = ("Your desktop has no tray, so reminders show only while the window is open.")
        self.due: date | None = None
        self.due_line = ""
        self.armed_for: datetime | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.check)
        self.menu = QMenu()
        self._due_action = QAction("", self.menu)
        self._due_action.setEnabled(False)
        self._routines_menu = QMenu("Start a routine", self.menu)
        self.menu.addAction(self._due_action)
        self.menu.addSeparator()
        self.menu.addMenu(self._routines_menu)
        self.menu.addAction("Open selfmassage", self.open_requested.emit)
        self.menu.addSeparator()
        self.menu.addAction("Quit", self.quit_requested.emit)
        self.icon: QSystemTrayIcon | None = None
        if self.available:
            self.icon = QSystemTrayIcon(icon or _app_icon(), self)
            self.icon.setContextMenu(self.menu)
            self.icon.activated.connect(self._activated)
            if not QSystemTrayIcon.supportsMessages():
                self.notice = "Your desktop shows no notifications, so reminders appear in the window."
            self.icon.show()
        self.set_routines(routine_names or [])
        self.refresh()

    @property
    def plan(self) -> Plan:
        return plan_from_settings(self.settings.plan, self.settings.plan_per_week)

    def set_routines(self, names: list[str]) -> None:
        self._routines_menu.clear()
        for name in names:
            self._routines_menu.addAction(name, lambda name=name: self.start_requested.emit(name))
        self._routines_menu.setEnabled(bool(names))

    def routine_actions(self) -> list[str]:
        return [action.text() for action in self._routines_menu.actions()]

    def refresh(self) -> None:
        """Work out when the next session is due and re-aim the reminder (after a session, or a change)."""
        now = self._now()
        plan = self.plan
        self.due = next_due(self.history, plan, now.date())
        self.due_line = due_text(self.due, now.date(), plan)
        self._due_action.setText(self.due_line)
        if self.icon is not None:
            self.icon.setToolTip(f"selfmassage\n{self.due_line}")
        self._arm(now)

    def _arm(self, now: datetime) -> None:
        self._timer.stop()
        self.armed_for = None
        if not self.settings.reminders:
            return
        self.armed_for = next_reminder(now, self.settings.reminder_days,
                                       parse_clock(self.settings.reminder_time))
        if self.armed_for is None:
            return
        wait = min(max(0.0, seconds_until(self.armed_for, now)), RECHECK_SECONDS)
        self._timer.start(int(wait * 1000) + 50)

    @property
    def timer_interval_ms(self) -> int | None:
        return self._timer.interval() if self._timer.isActive() else None

    def check(self) -> bool:
        """The timer's wake-up: remind if a reminder time has come; returns True when it reminded."""
        now = self._now()
        target = self.armed_for
        reminded = False
        if target is not None and seconds_until(target, now) <= 0:
            late = -seconds_until(target, now)
            self.due = next_due(self.history, self.plan, now.date())
            if late <= LATE_LIMIT.total_seconds() and should_remind(self.due, now):
                self.remind()
                reminded = True
            self.refresh()  # aims at the next one, strictly after now
        else:
            self._arm(now)
        return reminded

    def remind(self) -> None:
        text = reminder_message(self.plan)
        if self.icon is not None and QSystemTrayIcon.supportsMessages():
            self.icon.showMessage("selfmassage", text, QSystemTrayIcon.MessageIcon.Information, 15000)
        self.reminder_due.emit(text)

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger, QSystemTrayIcon.ActivationReason.DoubleClick):
            self.open_requested.emit()

    def hide(self) -> None:
        self._timer.stop()
        if self.icon is not None:
            self.icon.hide()


def _app_icon() -> QIcon:
    from selfmassage.resources import MissingAssetError, asset_path

    try:
        return QIcon(str(asset_path("icons", "selfmassage.svg")))
    except MissingAssetError:
        return QIcon()
