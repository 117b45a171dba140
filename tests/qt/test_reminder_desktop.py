"""The whole window's reminders on a private desktop: its own X display and session bus with Debian's
dunst as the notification service. The reminder arrives with its actions, never while a session runs,
and its actions start the suggested routine (through Start's own path) or bring up the picker."""

from __future__ import annotations

from datetime import timedelta

import pytest
from desktop_bus import Desktop
from PySide6.QtCore import Qt
from PySide6.QtDBus import QDBusConnection
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from selfmassage.qt.history_hook import add_history
from selfmassage.qt.notifier import SERVICE, DesktopNotifier
from selfmassage.qt.tray import BY_BALLOON, BY_NOTIFICATION
from tests.history_support import MONDAY_EVENING, ROUTINE, Clock, add, open_history

ANOTHER = ROUTINE.__class__(name="Another one", steps=ROUTINE.steps)  # the routine used most, in history


@pytest.fixture
def history(tmp_path):
    with open_history(tmp_path) as opened:
        # Two sessions of "Another one" last week: it is the one a reminder suggests; this week has none.
        add(opened, MONDAY_EVENING - timedelta(days=6), MONDAY_EVENING - timedelta(days=5), routine=ANOTHER)
        yield opened


@pytest.fixture
def app_with_reminders(qtbot, make_window, history, bus):
    clock = Clock(MONDAY_EVENING - timedelta(minutes=5))
    window = make_window()
    for name, value in (("reminders", True), ("reminder_days", [0]), ("reminder_time", "19:00")):
        window.settings.set(name, value)
    hook = add_history(window, history, now=clock, tray_available=False, notifier=DesktopNotifier(bus))
    yield window, hook, clock
    hook.close()


def start_service(qtbot, desktop: Desktop, bus: QDBusConnection) -> None:
    desktop.start_dunst()
    qtbot.waitUntil(lambda: bus.interface().isServiceRegistered(SERVICE).value(), timeout=15_000)


def test_no_reminder_while_a_session_runs_then_it_arrives_with_actions_that_start_it(
        qtbot, desktop, bus, app_with_reminders):
    window, hook, clock = app_with_reminders
    start_service(qtbot, desktop, bus)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # a session, from the picker
    assert window.driver is not None and window.driver.running
    window.driver.toggle_pause()  # paused is still a session
    clock.now = MONDAY_EVENING + timedelta(seconds=30)
    assert not hook.tray_hook.tray.check()
    window.driver.toggle_pause()
    clock.now += timedelta(minutes=5)
    assert not hook.tray_hook.tray.check()
    window.driver.stop()  # stopped: it does not count, so the reminder comes ten minutes later
    clock.now += timedelta(minutes=9)
    assert not hook.tray_hook.tray.check()
    assert "summary:" not in desktop.printed()  # the daemon got nothing all this time

    clock.now += timedelta(minutes=1)
    assert hook.tray_hook.tray.check() and hook.tray_hook.tray.delivered_by == BY_NOTIFICATION
    qtbot.waitUntil(lambda: "summary: 'Time for your massage'" in desktop.printed(), timeout=10_000)
    printed = desktop.printed()
    assert "appname: 'selfmassage'" in printed
    for action in ('"start": "Start Another one"', '"later": "Later"', '"not-today": "Not today"',
                   '"default": "Open selfmassage"'):
        assert action in printed
    assert "Time for your massage" not in window.notice.text()  # shown by the desktop, not twice

    with qtbot.waitSignal(window.session_started, timeout=10_000):
        desktop.dunstctl("context")  # the action menu; its "dmenu" picks "Start Another one"
    assert window.current_page() == "session" and window.driver.routine.name == "Another one"


def test_a_click_on_the_reminder_brings_the_picker_with_the_suggestion(
        qtbot, desktop, bus, app_with_reminders):
    window, hook, clock = app_with_reminders
    start_service(qtbot, desktop, bus)
    hook.open_review()  # the last page open was another one
    window.picker.select("Short back")
    clock.now = MONDAY_EVENING + timedelta(seconds=1)
    assert hook.tray_hook.tray.check()
    qtbot.waitUntil(lambda: "summary: 'Time for your massage'" in desktop.printed(), timeout=10_000)
    with qtbot.waitSignal(hook.tray_hook.tray.picker_requested, timeout=10_000):
        desktop.dunstctl("action", "0")  # a click on the notification: its default action
    assert window.current_page() == "picker"
    assert window.picker.current_entry().name == "Another one"
    assert QApplication.focusWidget() is window.picker.list


def test_with_no_service_the_tray_balloon_then_the_window_shows_it(qtbot, make_window, history, bus,
                                                                   monkeypatch):
    monkeypatch.setattr(QSystemTrayIcon, "supportsMessages", staticmethod(lambda: True))
    clock = Clock(MONDAY_EVENING + timedelta(seconds=1))
    window = make_window()
    for name, value in (("reminders", True), ("reminder_days", [0]), ("reminder_time", "19:00")):
        window.settings.set(name, value)
    hook = add_history(window, history, now=clock, tray_available=True, notifier=DesktopNotifier(bus))
    try:
        assert hook.tray_hook.tray.check() and hook.tray_hook.tray.delivered_by == BY_BALLOON
        assert "Time for your massage" not in window.notice.text()
    finally:
        hook.close()


def test_a_history_opened_after_the_session_began_still_keeps_the_reminder_away(qtbot, make_window, history):
    clock = Clock(MONDAY_EVENING - timedelta(minutes=5))
    window = make_window()
    for name, value in (("reminders", True), ("reminder_days", [0]), ("reminder_time", "19:00")):
        window.settings.set(name, value)
    hook = add_history(window, now=clock, tray_available=False)
    try:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        assert window.driver is not None and window.driver.running
        hook.use_history(history)  # the file opens once the window shows: here, mid-session
        clock.now = MONDAY_EVENING + timedelta(seconds=1)
        assert not hook.tray_hook.tray.check()
        window.driver.stop()
        clock.now += timedelta(minutes=10)
        assert hook.tray_hook.tray.check()
    finally:
        hook.close()


def test_in_russian_the_reminder_and_its_actions_are_russian(qtbot, desktop, bus, make_window, history, qapp):
    from selfmassage.qt.language import use_language

    use_language(qapp, "ru")
    clock = Clock(MONDAY_EVENING - timedelta(minutes=5))
    window = make_window()
    for name, value in (("reminders", True), ("reminder_days", [0]), ("reminder_time", "19:00")):
        window.settings.set(name, value)
    hook = add_history(window, history, now=clock, tray_available=False, notifier=DesktopNotifier(bus))
    try:
        start_service(qtbot, desktop, bus)
        clock.now = MONDAY_EVENING + timedelta(seconds=1)
        assert hook.tray_hook.tray.check() and hook.tray_hook.tray.delivered_by == BY_NOTIFICATION
        qtbot.waitUntil(lambda: "summary: 'Время для массажа'" in desktop.printed(), timeout=10_000)
        printed = desktop.printed()
        assert "body: 'По вашему плану сегодня сеанс. Выберите программу, когда будете готовы.'" in printed
        for action in ('"start": "Начать: Another one"', '"later": "Позже"', '"not-today": "Не сегодня"',
                       '"default": "Открыть selfmassage"'):
            assert action in printed
    finally:
        hook.close()
        use_language(qapp, "en")
