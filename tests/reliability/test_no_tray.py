"""No tray, or a tray without notifications: noticed once (the tray's `notice`), and reminders still reach the
window through `reminder_due`, so nothing the person asked for is lost."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtWidgets import QSystemTrayIcon

from selfmassage.qt.tray import ReminderTray
from selfmassage.store.settings import Settings
from tests.history_support import MONDAY_EVENING

NO_TRAY = "No tray here: reminders show only while the window is open."
NO_NOTIFICATIONS = "No notifications here: reminders appear in the window."


@pytest.fixture
def settings(tmp_path):
    settings = Settings(tmp_path / "settings.json")
    settings.set("reminders", True)
    settings.set("reminder_days", [0])
    settings.set("reminder_time", "19:00")
    return settings


@pytest.mark.parametrize(("tray", "notifications", "notice"), [
    (False, False, NO_TRAY),
    (True, False, NO_NOTIFICATIONS),
], ids=["no tray", "no notification service"])
def test_the_missing_piece_is_noticed_once_and_the_reminder_still_comes(
    qtbot, history, settings, monkeypatch, tray, notifications, notice
):
    monkeypatch.setattr(QSystemTrayIcon, "supportsMessages", staticmethod(lambda: notifications))
    now = [MONDAY_EVENING - timedelta(minutes=1)]
    reminder = ReminderTray(history, settings, ["Classic back session"], now=lambda: now[0],
                            tray_available=tray)
    reminders: list[str] = []
    reminder.reminder_due.connect(reminders.append)
    assert reminder.notice == notice
    now[0] = MONDAY_EVENING + timedelta(seconds=1)
    assert reminder.check()
    reminder.refresh()  # after a session, a change: the notice stays the one line it was
    assert reminder.notice == notice
    assert reminders == ["Time for your massage. Pick a routine when you're ready."]
    assert reminder.routine_actions() == ["Classic back session"]  # the menu is built either way
    reminder.hide()
