"""The tray and its reminder, driven by a clock set by hand: it nags only when a session is due."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtWidgets import QSystemTrayIcon

from selfmassage.core.plan import PlanKind
from selfmassage.qt.tray import RECHECK_SECONDS, ReminderTray
from selfmassage.store.settings import Settings
from tests.history_support import BERLIN, MONDAY_EVENING, Clock, add


@pytest.fixture
def settings(tmp_path):
    settings = Settings(tmp_path / "settings.json")
    settings.set("reminders", True)
    settings.set("reminder_days", [0, 3])  # Monday and Thursday
    settings.set("reminder_time", "19:00")
    return settings


def make_tray(qtbot, history, settings, clock, *, available=False, routines=()):
    tray = ReminderTray(history, settings, list(routines), now=clock, tray_available=available)
    reminders: list[str] = []
    tray.reminder_due.connect(reminders.append)
    return tray, reminders


def test_the_reminder_fires_at_the_chosen_time_when_a_session_is_due(qtbot, history, settings):
    clock = Clock(MONDAY_EVENING - timedelta(hours=2))
    tray, reminders = make_tray(qtbot, history, settings, clock)
    assert tray.armed_for == MONDAY_EVENING
    assert tray.timer_interval_ms == RECHECK_SECONDS * 1000 + 50  # two hours away: wake in one
    clock.now = MONDAY_EVENING - timedelta(hours=1)
    assert not tray.check() and reminders == []
    assert tray.timer_interval_ms == 3600 * 1000 + 50
    clock.now = MONDAY_EVENING + timedelta(seconds=1)
    assert tray.check()
    assert reminders == ["Time for your massage. Pick a routine when you're ready."]
    assert tray.armed_for == datetime(2026, 11, 19, 19, 0, tzinfo=BERLIN)  # then Thursday


def test_no_nag_once_the_weeks_target_is_met(qtbot, history, settings):
    add(history, MONDAY_EVENING - timedelta(hours=12))  # Monday morning
    clock = Clock(MONDAY_EVENING - timedelta(minutes=5))
    tray, reminders = make_tray(qtbot, history, settings, clock)
    assert tray.due_line == "Next session: Monday 23 Nov."
    clock.now = MONDAY_EVENING + timedelta(seconds=1)
    assert not tray.check() and reminders == []


def test_pain_relief_never_nags(qtbot, history, settings):
    # Every other day is the most, not a goal: no reminder the day after, nor days later.
    settings.set("plan", PlanKind.PAIN_RELIEF.value)
    settings.set("reminder_days", list(range(7)))
    add(history, MONDAY_EVENING - timedelta(days=1))  # Sunday
    clock = Clock(MONDAY_EVENING - timedelta(minutes=1))
    tray, reminders = make_tray(qtbot, history, settings, clock)
    assert tray.due_line == "Pain relief: a session when it bothers you, every other day at most."
    clock.now = MONDAY_EVENING + timedelta(seconds=1)
    assert not tray.check()
    clock.now += timedelta(days=3)
    assert not tray.check() and reminders == []


def test_a_reminder_missed_while_asleep_comes_once_on_waking_never_a_pile(qtbot, history, settings):
    clock = Clock(MONDAY_EVENING - timedelta(minutes=1))
    tray, reminders = make_tray(qtbot, history, settings, clock)
    clock.now = MONDAY_EVENING + timedelta(hours=4)  # the laptop slept through it
    assert tray.check() and len(reminders) == 1
    clock.now += timedelta(minutes=30)
    assert not tray.check() and len(reminders) == 1
    assert tray.armed_for == datetime(2026, 11, 19, 19, 0, tzinfo=BERLIN)
    # Closed from Thursday morning to the next Tuesday: two reminder times passed, one reminder.
    clock.now = datetime(2026, 11, 24, 9, 0, tzinfo=BERLIN)
    restarted, later_ones = make_tray(qtbot, history, settings, clock)
    assert restarted.check() and not restarted.check() and len(later_ones) == 1


def test_reminders_off_arms_nothing(qtbot, history, settings):
    settings.set("reminders", False)
    tray, _ = make_tray(qtbot, history, settings, Clock(MONDAY_EVENING))
    assert tray.armed_for is None and tray.timer_interval_ms is None


def test_no_tray_is_noticed_once_and_reminders_still_reach_the_window(qtbot, history, settings):
    clock = Clock(MONDAY_EVENING - timedelta(minutes=1))
    tray, reminders = make_tray(qtbot, history, settings, clock, available=False)
    assert tray.icon is None
    assert tray.notice == "No tray here: reminders show only while the window is open."
    clock.now = MONDAY_EVENING
    assert tray.check() and len(reminders) == 1


def test_the_menu_starts_a_routine_opens_and_quits(qtbot, history, settings):
    tray, _ = make_tray(qtbot, history, settings, Clock(MONDAY_EVENING), available=True,
                        routines=["Classic back session", "Evening relax"])
    assert tray.icon is not None and tray.icon.contextMenu() is tray.menu
    assert tray.routine_actions() == ["Classic back session", "Evening relax"]
    assert "Next session: today." in tray.icon.toolTip()
    texts = [action.text() for action in tray.menu.actions()]
    assert texts[0] == "Next session: today." and "Open selfmassage" in texts and "Quit" in texts
    with qtbot.waitSignal(tray.start_requested) as started:
        tray._routines_menu.actions()[1].trigger()
    assert started.args == ["Evening relax"]
    with qtbot.waitSignal(tray.open_requested):
        next(action for action in tray.menu.actions() if action.text() == "Open selfmassage").trigger()
    with qtbot.waitSignal(tray.quit_requested):
        next(action for action in tray.menu.actions() if action.text() == "Quit").trigger()
    tray.hide()


def test_the_single_shot_timer_itself_delivers_the_reminder(qtbot, history, settings):
    clock = Clock(MONDAY_EVENING - timedelta(milliseconds=20))
    tray, reminders = make_tray(qtbot, history, settings, clock)
    clock.now = MONDAY_EVENING + timedelta(seconds=1)  # by the time the timer fires, it is time
    with qtbot.waitSignal(tray.reminder_due, timeout=2000):
        pass
    assert len(reminders) == 1


def test_later_asks_again_in_an_hour_and_not_today_is_kept_across_a_restart(qtbot, history, settings):
    clock = Clock(MONDAY_EVENING)
    tray, reminders = make_tray(qtbot, history, settings, clock)
    assert tray.check() and len(reminders) == 1
    tray.later()
    assert tray.armed_for == MONDAY_EVENING + timedelta(hours=1)
    clock.now += timedelta(hours=1)
    assert tray.check() and len(reminders) == 2
    tray.not_today()
    clock.now += timedelta(hours=1)
    restarted, more = make_tray(qtbot, history, settings, clock)
    assert not restarted.check() and more == []


def test_a_click_on_the_tray_icon_asks_for_the_picker_with_the_routine_used_most(qtbot, history, settings):
    from selfmassage.core.routine import Routine
    from tests.history_support import ROUTINE

    evening = Routine(name="Evening relax", steps=ROUTINE.steps)
    add(history, MONDAY_EVENING - timedelta(days=8), MONDAY_EVENING - timedelta(days=9), routine=evening)
    settings.set("last_routine", "Classic back session")
    tray, _ = make_tray(qtbot, history, settings, Clock(MONDAY_EVENING), available=True,
                        routines=["Classic back session", "Evening relax"])
    with qtbot.waitSignal(tray.picker_requested) as asked:
        tray.icon.activated.emit(QSystemTrayIcon.ActivationReason.Trigger)
    assert asked.args == ["Evening relax"]
    with qtbot.waitSignal(tray.picker_requested) as asked:
        tray.icon.messageClicked.emit()  # Qt's own balloon, clicked
    assert asked.args == ["Evening relax"]
    tray.hide()
