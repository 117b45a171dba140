"""When the next session is due and when a reminder comes, with the clock set by hand."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from selfmassage.core.plan import Plan, PlanKind
from selfmassage.core.reminders import (
    due_text,
    next_due,
    next_reminder,
    parse_clock,
    seconds_until,
    should_remind,
)
from tests.history_support import BERLIN, NEW_YORK, add

THURSDAY = date(2026, 11, 19)


def at(day: date, hour: int = 19) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=BERLIN)


def test_preventive_is_due_today_until_the_week_has_a_session(history):
    assert next_due(history, Plan(), THURSDAY) == THURSDAY
    add(history, at(date(2026, 11, 17)))
    assert next_due(history, Plan(), THURSDAY) == date(2026, 11, 23)  # next Monday


def test_a_stopped_session_does_not_meet_the_week(history):
    add(history, at(date(2026, 11, 17)), status="stopped")
    assert next_due(history, Plan(), THURSDAY) == THURSDAY


def test_custom_plan_is_due_until_the_weeks_number_is_reached(history):
    add(history, at(date(2026, 11, 16)), at(date(2026, 11, 18)))
    assert next_due(history, Plan(PlanKind.CUSTOM, 3), THURSDAY) == THURSDAY
    add(history, at(date(2026, 11, 19), 8))
    assert next_due(history, Plan(PlanKind.CUSTOM, 3), THURSDAY) == date(2026, 11, 23)


def test_pain_relief_never_nudges(history):
    # Every other day is the most, not a goal: with no session for a week, still no reminder.
    plan = Plan(PlanKind.PAIN_RELIEF)
    add(history, at(THURSDAY - timedelta(days=7)))
    assert not should_remind(next_due(history, plan, THURSDAY), at(THURSDAY))
    assert due_text(next_due(history, plan, THURSDAY), THURSDAY, plan) == (
        "Pain relief: a session when it bothers you, every other day at most.")


def test_during_a_courses_rest_the_next_course_date_is_due(history):
    start = date(2026, 6, 1)
    add(history, *(at(start + timedelta(days=4 * number)) for number in range(15)))
    last = start + timedelta(days=4 * 14)
    assert next_due(history, Plan(), THURSDAY) == date(2027, 1, last.day)
    assert due_text(date(2027, 1, last.day), THURSDAY, Plan()).startswith("Resting after your course.")


def test_should_remind_only_when_due():
    now = at(THURSDAY)
    assert should_remind(THURSDAY, now)
    assert should_remind(THURSDAY - timedelta(days=3), now)
    assert not should_remind(THURSDAY + timedelta(days=1), now)


def test_next_reminder_on_the_chosen_weekdays_strictly_after_now():
    days, seven = [0, 3], time(19, 0)  # Monday and Thursday
    assert next_reminder(at(THURSDAY, 18), days, seven) == at(THURSDAY, 19)
    assert next_reminder(at(THURSDAY, 19), days, seven) == at(date(2026, 11, 23), 19)
    assert next_reminder(at(date(2026, 11, 20), 9), days, seven) == at(date(2026, 11, 23), 19)
    assert next_reminder(at(THURSDAY), [], seven) is None


def test_next_reminder_keeps_the_clock_time_across_a_dst_change():
    # Saturday 24 October 2026 in Berlin; clocks go back on Sunday. Monday 19:00 is CET (+01:00).
    now = datetime(2026, 10, 24, 20, 0, tzinfo=BERLIN)
    reminder = next_reminder(now, [0], time(19, 0))
    assert reminder == datetime(2026, 10, 26, 19, 0, tzinfo=BERLIN)
    assert reminder.utcoffset() == timedelta(hours=1)
    assert seconds_until(reminder, now) == 48 * 3600  # 47 h on the wall clock, 48 h in real time
    ny_now = datetime(2026, 3, 7, 20, 0, tzinfo=NEW_YORK)  # clocks spring forward on Sunday 8 March
    assert seconds_until(next_reminder(ny_now, [0], time(20, 0)), ny_now) == 47 * 3600


def test_next_reminder_in_the_computers_own_zone_without_zoneinfo():
    now = datetime.now().astimezone()
    reminder = next_reminder(now, range(7), time(12, 0))
    assert reminder is not None
    assert 0 < seconds_until(reminder, now) <= 24 * 3600 + 3600


def test_due_text_reads_plainly():
    plan = Plan()
    assert due_text(THURSDAY, THURSDAY, plan) == "Next session: today."
    assert due_text(THURSDAY + timedelta(days=1), THURSDAY, plan) == "Next session: tomorrow."
    assert due_text(date(2026, 11, 23), THURSDAY, plan) == "Next session: Monday 23 Nov."


def test_parse_clock():
    assert parse_clock("07:05") == time(7, 5)
