"""The tray icon and the reminder: when the next session is due, and a nudge at the chosen time.

When to remind is plain Python in `core.reminder_schedule` (never during a session, once a day, a missed one
once); this shows it. One single-shot timer aims at the schedule's next wake-up (at least hourly, so a
changed clock or a sleeping laptop is noticed), never a polling tick.

Where a reminder goes, in this order: the desktop's notification service (`notifier`, over D-Bus), with
Start/Later/Not today where the service shows actions; else Qt's tray balloon; else the window, which
shows it in place (`reminder_due` carries the text every time; `delivered_by` says where it went).
A click on the notification, the balloon or the tray icon asks for the picker with the suggested routine
(`picker_requested`): the one used most, else the last one.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from selfmassage.core.plan import Plan, plan_from_settings
from selfmassage.core.reminder_schedule import ReminderMemory, ReminderSchedule, ReminderTimes
from selfmassage.core.reminders import (
    REMINDER_SUMMARY,
    due_text,
    next_due,
    parse_clock,
    reminder_body,
    reminder_message,
    seconds_until,
)
from selfmassage.i18n import _
from selfmassage.resources import MissingAssetError, asset_path
from selfmassage.store.builtin_names import shown_routine_name
from selfmassage.store.history import History
from selfmassage.store.recorder import local_now

if TYPE_CHECKING:
    from selfmassage.qt.notifier import DesktopNotifier

RECHECK_SECONDS = 3600  # the longest the timer sleeps before looking at the clock again
BY_NOTIFICATION, BY_BALLOON, BY_WINDOW = "notification", "balloon", "window"


class ReminderTray(QObject):
    start_requested = Signal(str)  # the routine's name
    open_requested = Signal()
    picker_requested = Signal(str)  # the picker, with this routine chosen ("" when there is none)
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
        notifier: DesktopNotifier | Callable[[], DesktopNotifier] | None = None,
        parent: QObject | None = None,
    ) -> None:
        """`notifier`: the desktop's notification service, or a function that makes it — called only once
        reminders are on (connecting to the session bus costs a fraction of a second)."""
        super().__init__(parent)
        self.history = history
        self.settings = settings
        self._now = now
        self.available = (QSystemTrayIcon.isSystemTrayAvailable() if tray_available is None
                          else tray_available)
        self.notice: str | None = None
        if not self.available:
            self.notice = _("No tray here: reminders show only while the window is open.")
        self.due: date | None = None
        self.due_line = ""
        self.armed_for: datetime | None = None
        self.delivered_by = ""  # where the last reminder went: BY_NOTIFICATION, BY_BALLOON or BY_WINDOW
        self.suggested = ""  # the routine the last reminder offered to start
        self._names: list[str] = []
        self.schedule = ReminderSchedule(self._times(),
                                         ReminderMemory.from_text(settings.reminder_shown))
        self.notifier: DesktopNotifier | None = None
        self._make_notifier: Callable[[], DesktopNotifier] | None = None
        if isinstance(notifier, QObject):
            self._use_notifier(notifier)
        else:
            self._make_notifier = notifier
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.check)
        self.menu = QMenu()
        self._due_action = QAction("", self.menu)
        self._due_action.setEnabled(False)
        self._routines_menu = QMenu(_("Start a routine"), self.menu)
        self.menu.addAction(self._due_action)
        self.menu.addSeparator()
        self.menu.addMenu(self._routines_menu)
        self.menu.addAction(_("Open selfmassage"), self.open_requested.emit)
        self.menu.addSeparator()
        self.menu.addAction(_("Quit"), self.quit_requested.emit)
        self.icon: QSystemTrayIcon | None = None
        if self.available:
            self.icon = QSystemTrayIcon(icon or _app_icon(), self)
            self.icon.setContextMenu(self.menu)
            self.icon.activated.connect(self._activated)
            self.icon.messageClicked.connect(self._open_picker)
            service = self.desktop_notifier()
            if not QSystemTrayIcon.supportsMessages() and not (service is not None and service.available()):
                self.notice = _("No notifications here: reminders appear in the window.")
            self.icon.show()
        self.set_routines(routine_names or [])
        self.refresh()

    @property
    def plan(self) -> Plan:
        return plan_from_settings(self.settings.plan, self.settings.plan_per_week)

    def set_routines(self, names: list[str]) -> None:
        self._names = list(names)
        self._routines_menu.clear()
        for name in names:
            self._routines_menu.addAction(name, lambda name=name: self.start_requested.emit(name))
        self._routines_menu.setEnabled(bool(names))

    def routine_actions(self) -> list[str]:
        return [action.text() for action in self._routines_menu.actions()]

    def suggested_routine(self) -> str:
        """The routine used most (completed sessions), else the one picked last, else the first listed."""
        counts: dict[str, int] = getattr(self.history, "routine_counts", dict)()
        used = sorted((name for name in self._names if counts.get(name, 0) > 0), key=lambda n: -counts[n])
        if used:
            return used[0]
        last = self.settings.last_routine
        last = last if last in self._names else shown_routine_name(last)  # picked in another language?
        return last if last in self._names else (self._names[0] if self._names else "")

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

    def _times(self) -> ReminderTimes:
        settings = self.settings
        return ReminderTimes.of(settings.reminder_days, parse_clock(settings.reminder_time))

    def _arm(self, now: datetime) -> None:
        self._timer.stop()
        self.armed_for = None
        if not self.settings.reminders:
            return
        self.schedule.times = self._times()
        verdict = self.schedule.check(now, self.history, self.plan)
        if verdict.remind:  # from the loop, once whoever listens is connected
            self.armed_for = now
        elif verdict.wake_at is None:
            return  # a session runs: its end aims the timer again
        else:
            self.armed_for = verdict.wake_at
        wait = min(max(0.0, seconds_until(self.armed_for, now)), RECHECK_SECONDS)
        self._timer.start(int(wait * 1000) + 50)

    @property
    def timer_interval_ms(self) -> int | None:
        return self._timer.interval() if self._timer.isActive() else None

    def check(self) -> bool:
        """The timer's wake-up: remind if the schedule says so; returns True when it reminded."""
        now = self._now()
        reminded = bool(self.settings.reminders) and self.schedule.check(
            now, self.history, self.plan).remind
        if reminded:
            self.remind(now)
        self.refresh()  # aims at the next one
        return reminded

    def remind(self, now: datetime | None = None) -> None:
        plan = self.plan
        self._remember(self.schedule.shown(now or self._now(), plan))
        self.suggested = self.suggested_routine()
        self.delivered_by = self._deliver(plan)
        self.reminder_due.emit(reminder_message(plan))

    def desktop_notifier(self) -> DesktopNotifier | None:
        if self.notifier is None and self._make_notifier is not None and self.settings.reminders:
            self._use_notifier(self._make_notifier())
        return self.notifier

    def _use_notifier(self, notifier: DesktopNotifier) -> None:
        self.notifier = notifier
        notifier.action_invoked.connect(self._action)

    def _deliver(self, plan: Plan) -> str:
        notifier = self.desktop_notifier()
        if notifier is not None and notifier.available():
            actions = [("default", _("Open selfmassage"))]
            if self.suggested:
                actions.append(("start", _("Start {routine}").format(routine=self.suggested)))
            actions += [("later", _("Later")), ("not-today", _("Not today"))]
            if "actions" not in notifier.capabilities():
                actions = []
            if notifier.notify(_(REMINDER_SUMMARY), reminder_body(plan), actions):
                return BY_NOTIFICATION
        if self.icon is not None and QSystemTrayIcon.supportsMessages():
            self.icon.showMessage("selfmassage", reminder_message(plan),
                                  QSystemTrayIcon.MessageIcon.Information, 15000)
            return BY_BALLOON
        return BY_WINDOW

    # -- what the person does with it ----------------------------------------------------------------

    def _action(self, key: str) -> None:
        now = self._now()
        if key == "start" and self.suggested:
            self.start_requested.emit(self.suggested)
        elif key == "later":
            self.schedule.later(now)
            self._arm(now)
        elif key == "not-today":
            self._remember(self.schedule.not_today(now, self.plan))
            self._arm(now)
        elif key == "default":
            self._open_picker()

    def later(self) -> None:
        self._action("later")

    def not_today(self) -> None:
        self._action("not-today")

    def _open_picker(self) -> None:
        self.picker_requested.emit(self.suggested_routine())

    def _remember(self, memory: ReminderMemory) -> None:
        with contextlib.suppress(OSError):  # it holds for this run; at worst one reminder comes twice
            self.settings.reminder_shown = memory.to_text()

    # -- sessions ------------------------------------------------------------------------------------

    def session_started(self) -> None:
        """No reminder during a session (running or paused); one on screen is taken away."""
        self.schedule.session_started()
        if self.notifier is not None:
            self.notifier.close()
        self._arm(self._now())

    def session_ended(self) -> None:
        self.schedule.session_ended(self._now())
        self.refresh()

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger, QSystemTrayIcon.ActivationReason.DoubleClick):
            self._open_picker()

    def hide(self) -> None:
        self._timer.stop()
        if self.icon is not None:
            self.icon.hide()


def _app_icon() -> QIcon:
    try:
        return QIcon(str(asset_path("icons", "selfmassage.svg")))
    except MissingAssetError:
        return QIcon()
