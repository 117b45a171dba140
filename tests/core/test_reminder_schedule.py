"""When a reminder is shown: never during a session, once a day, a missed one once — the clock set by hand."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from selfmassage.core.plan import Plan, PlanKind
from selfmassage.core.reminder_schedule import ReminderMemory, ReminderSchedule, ReminderTimes
from tests.history_support import BERLIN, add

MONDAY = date(2026, 11, 16)
THURSDAY = date(2026, 11, 19)
PREVENTIVE = Plan()
EVERY_DAY = ReminderTimes.of(range(7), time(19, 0), BERLIN)


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=BERLIN)


def test_reminds_at_the_time_when_a_session_is_due_and_wakes_at_the_next(history):
    # Reminded last on Monday; Thursday's time has not come yet.
    schedule = ReminderSchedule(ReminderTimes.of([0, 3], time(19, 0), BERLIN),
                                ReminderMemory(MONDAY, PREVENTIVE.setting))
    before = schedule.check(at(THURSDAY, 18, 59), history, PREVENTIVE)
    assert not before.remind and before.wake_at == at(THURSDAY, 19)
    verdict = schedule.check(at(THURSDAY, 19), history, PREVENTIVE)
    assert verdict.remind and not verdict.missed
    assert verdict.wake_at == at(date(2026, 11, 23), 19)  # the next Monday


def test_none_once_the_weeks_target_is_met(history):
    add(history, at(MONDAY, 8))
    schedule = ReminderSchedule(EVERY_DAY)
    assert not schedule.check(at(THURSDAY, 19), history, PREVENTIVE).remind


def test_never_while_a_session_runs_then_ten_minutes_after_a_stopped_one(history):
    schedule = ReminderSchedule(EVERY_DAY)
    schedule.session_started()  # started 18:50, still running (or paused) at 19:00
    assert schedule.check(at(THURSDAY, 19), history, PREVENTIVE).remind is False
    add(history, at(THURSDAY, 18, 50), status="stopped")
    schedule.session_ended(at(THURSDAY, 19, 5))
    quiet = schedule.check(at(THURSDAY, 19, 5), history, PREVENTIVE)
    assert not quiet.remind and quiet.wake_at == at(THURSDAY, 19, 15)
    assert not schedule.check(at(THURSDAY, 19, 14), history, PREVENTIVE).remind
    assert schedule.check(at(THURSDAY, 19, 15), history, PREVENTIVE).remind


def test_a_completed_session_over_the_reminder_time_settles_the_day(history):
    schedule = ReminderSchedule(EVERY_DAY)
    schedule.session_started()
    assert not schedule.check(at(THURSDAY, 19), history, PREVENTIVE).remind
    add(history, at(THURSDAY, 18, 50))
    schedule.session_ended(at(THURSDAY, 19, 12))
    for minute in (22, 59):
        assert not schedule.check(at(THURSDAY, 19, minute), history, PREVENTIVE).remind


def test_a_completed_session_counts_for_the_day_even_when_the_plan_wants_more(history):
    three_a_week = Plan(PlanKind.CUSTOM, 3)
    add(history, at(THURSDAY, 9))
    assert not ReminderSchedule(EVERY_DAY).check(at(THURSDAY, 19), history, three_a_week).remind


def test_at_most_one_a_day_per_plan_across_restarts(history):
    schedule = ReminderSchedule(EVERY_DAY)
    assert schedule.check(at(THURSDAY, 19), history, PREVENTIVE).remind
    memory = schedule.shown(at(THURSDAY, 19), PREVENTIVE)
    assert not schedule.check(at(THURSDAY, 19, 30), history, PREVENTIVE).remind
    restarted = ReminderSchedule(EVERY_DAY, ReminderMemory.from_text(memory.to_text()))
    assert not restarted.check(at(THURSDAY, 21), history, PREVENTIVE).remind
    # A new plan is a new question.
    assert restarted.check(at(THURSDAY, 21), history, Plan(PlanKind.CUSTOM, 3)).remind
    assert restarted.check(at(THURSDAY + timedelta(days=1), 19), history, PREVENTIVE).remind


def test_a_missed_reminder_is_shown_once_never_a_pile(history):
    # Closed from Monday morning to Thursday morning: four reminder times passed.
    schedule = ReminderSchedule(EVERY_DAY, ReminderMemory(date(2026, 11, 15), PREVENTIVE.setting))
    verdict = schedule.check(at(THURSDAY, 8), history, PREVENTIVE)
    assert verdict.remind and verdict.missed
    schedule.shown(at(THURSDAY, 8), PREVENTIVE)
    assert not schedule.check(at(THURSDAY, 8, 1), history, PREVENTIVE).remind
    assert not schedule.check(at(THURSDAY, 19), history, PREVENTIVE).remind  # the day had its one


def test_before_any_reminder_a_past_days_time_is_not_brought_up(history):
    schedule = ReminderSchedule(ReminderTimes.of([0], time(19, 0), BERLIN))
    assert not schedule.check(at(THURSDAY, 8), history, PREVENTIVE).remind


def test_waking_after_the_time_shows_it_late_the_same_day(history):
    schedule = ReminderSchedule(EVERY_DAY)
    verdict = schedule.check(at(THURSDAY, 22, 30), history, PREVENTIVE)
    assert verdict.remind and verdict.missed


def test_a_missed_time_on_a_day_with_nothing_due_is_not_brought_up_later(history):
    add(history, at(date(2026, 11, 16), 9))  # Monday: the week's one session; nothing due Thursday
    schedule = ReminderSchedule(ReminderTimes.of([3], time(19, 0), BERLIN))
    assert not schedule.check(at(date(2026, 11, 20), 8), history, Plan(PlanKind.CUSTOM, 1)).remind


def test_a_missed_time_in_a_courses_rest_is_not_brought_up_the_day_the_rest_ends(history):
    # A whole course of 15 sessions ending 20 May: the rest lasts until Friday 20 November.
    add(history, *(at(date(2026, 5, 6) + timedelta(days=n), 9) for n in range(15)))
    schedule = ReminderSchedule(ReminderTimes.of([3], time(19, 0), BERLIN),
                                ReminderMemory(MONDAY, PREVENTIVE.setting))
    friday = date(2026, 11, 20)
    assert not schedule.check(at(THURSDAY, 19), history, PREVENTIVE).remind  # resting
    assert not schedule.check(at(friday, 8), history, PREVENTIVE).remind  # due now, but Thursday was not


def test_pain_relief_never_reminds(history):
    # Every other day is the most, not a goal: days without a session bring no reminder.
    schedule = ReminderSchedule(EVERY_DAY)
    add(history, at(THURSDAY - timedelta(days=6), 9))
    assert not schedule.check(at(THURSDAY, 19), history, Plan(PlanKind.PAIN_RELIEF)).remind


def test_later_asks_again_in_an_hour_and_not_today_ends_the_day(history):
    schedule = ReminderSchedule(EVERY_DAY)
    schedule.shown(at(THURSDAY, 19), PREVENTIVE)
    schedule.later(at(THURSDAY, 19, 1))
    waiting = schedule.check(at(THURSDAY, 19, 30), history, PREVENTIVE)
    assert not waiting.remind and waiting.wake_at == at(THURSDAY, 20, 1)
    assert schedule.check(at(THURSDAY, 20, 1), history, PREVENTIVE).remind
    schedule.shown(at(THURSDAY, 20, 1), PREVENTIVE)
    assert not schedule.check(at(THURSDAY, 21, 2), history, PREVENTIVE).remind

    fresh = ReminderSchedule(EVERY_DAY)
    fresh.not_today(at(THURSDAY, 12), PREVENTIVE)
    assert not fresh.check(at(THURSDAY, 19), history, PREVENTIVE).remind


def test_an_unreadable_memory_is_no_memory():
    assert ReminderMemory.from_text("yesterday-ish") == ReminderMemory()
    assert ReminderMemory.from_text("") == ReminderMemory()
    assert ReminderMemory.from_text("2026-11-19 3").plan == "3"
