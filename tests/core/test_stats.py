"""Weekly figures from a real history file: ISO weeks in local time, DST, week 53, midnight; warnings."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from selfmassage.core.checkin import Symptom
from selfmassage.core.events import SessionStatus
from selfmassage.core.plan import Plan, PlanKind, WeekStatus
from selfmassage.core.stats import by_body_area, compute_stats, iso_week, week_window
from tests.history_support import BERLIN, NEW_YORK, add


def weeks_of(stats) -> dict[str, int]:
    return {week.week: week.sessions for week in stats.weeks}


def test_the_window_is_whole_iso_weeks_ending_with_this_one():
    assert week_window(date(2026, 11, 19), 3) == (date(2026, 11, 2), date(2026, 11, 22))
    with pytest.raises(ValueError):
        week_window(date(2026, 11, 19), 0)


def test_sunday_2359_and_monday_0000_fall_in_their_own_weeks_on_berlins_spring_forward(history):
    # 29 March 2026: clocks go 02:00 → 03:00. Monday 00:00 CEST is still Sunday 22:00 in UTC.
    add(history, datetime(2026, 3, 29, 23, 59, tzinfo=BERLIN), datetime(2026, 3, 30, 0, 0, tzinfo=BERLIN),
        datetime(2026, 3, 29, 2, 30, tzinfo=BERLIN))  # a time the clocks skip: still that Sunday
    stats = compute_stats(history, Plan(), datetime(2026, 4, 1, 12, 0, tzinfo=BERLIN), weeks=2)
    assert weeks_of(stats) == {"2026-W13": 2, "2026-W14": 1}
    assert [week.monday for week in stats.weeks] == [date(2026, 3, 23), date(2026, 3, 30)]


def test_berlins_fall_back_sunday_keeps_both_hours_in_the_same_week(history):
    # 25 October 2026: 02:00–03:00 happens twice. Both 02:30s are Sunday, week 43.
    first = datetime(2026, 10, 25, 2, 30, tzinfo=BERLIN)
    second = datetime(2026, 10, 25, 2, 30, fold=1, tzinfo=BERLIN)
    add(history, first, second, datetime(2026, 10, 26, 0, 0, tzinfo=BERLIN))
    stats = compute_stats(history, Plan(), datetime(2026, 10, 28, tzinfo=BERLIN), weeks=2)
    assert weeks_of(stats) == {"2026-W43": 2, "2026-W44": 1}


def test_new_yorks_fall_back_sunday_night_is_not_pushed_into_the_next_week(history):
    # 1 November 2026, 23:59 EST is Monday 04:59 in UTC: a UTC week would be wrong.
    add(history, datetime(2026, 11, 1, 23, 59, tzinfo=NEW_YORK), datetime(2026, 11, 2, 0, 0, tzinfo=NEW_YORK))
    stats = compute_stats(history, Plan(), datetime(2026, 11, 4, 9, 0, tzinfo=NEW_YORK), weeks=2)
    assert weeks_of(stats) == {"2026-W44": 1, "2026-W45": 1}


def test_new_yorks_spring_forward_week(history):
    add(history, datetime(2026, 3, 8, 3, 30, tzinfo=NEW_YORK), datetime(2026, 3, 8, 23, 59, tzinfo=NEW_YORK),
        datetime(2026, 3, 9, 0, 0, tzinfo=NEW_YORK))
    stats = compute_stats(history, Plan(), datetime(2026, 3, 10, tzinfo=NEW_YORK), weeks=2)
    assert weeks_of(stats) == {"2026-W10": 2, "2026-W11": 1}


def test_week_53_spans_new_year(history):
    add(history, datetime(2026, 12, 31, 19, 0, tzinfo=BERLIN), datetime(2027, 1, 3, 23, 59, tzinfo=BERLIN),
        datetime(2027, 1, 4, 0, 0, tzinfo=BERLIN))
    stats = compute_stats(history, Plan(), datetime(2027, 1, 6, 20, 0, tzinfo=BERLIN), weeks=3)
    assert weeks_of(stats) == {"2026-W52": 0, "2026-W53": 2, "2027-W01": 1}
    assert stats.weeks[1].monday == date(2026, 12, 28)
    assert iso_week(date(2027, 1, 3)) == "2026-W53"


def test_a_session_keeps_the_local_day_it_had_even_when_viewed_from_elsewhere(history):
    # 23:30 in New York on a Sunday is Monday in Berlin; the person's own day counts.
    add(history, datetime(2026, 11, 15, 23, 30, tzinfo=NEW_YORK))
    stats = compute_stats(history, Plan(), datetime(2026, 11, 18, tzinfo=BERLIN), weeks=2)
    assert weeks_of(stats) == {"2026-W46": 1, "2026-W47": 0}


def test_only_completed_sessions_count_and_minutes_are_theirs(history):
    monday = datetime(2026, 11, 16, 19, 0, tzinfo=BERLIN)
    add(history, monday, minutes=24)
    add(history, monday.replace(day=17), status=SessionStatus.STOPPED, minutes=5)
    add(history, monday.replace(day=18), status=SessionStatus.INTERRUPTED, minutes=9)
    stats = compute_stats(history, Plan(), monday.replace(day=19), weeks=1)
    week = stats.this_week
    assert (week.sessions, round(week.minutes, 1), week.status, week.this_week) == (
        1, 24.0, WeekStatus.ON_TARGET, True)


def test_statuses_per_week_follow_the_plan(history):
    add(history, *(datetime(2026, 11, day, 19, tzinfo=BERLIN) for day in (2, 3, 4, 10)))
    now = datetime(2026, 11, 19, tzinfo=BERLIN)
    preventive = compute_stats(history, Plan(), now, weeks=3)
    assert [week.status.value for week in preventive.weeks] == ["above", "on-target", "below"]
    custom = compute_stats(history, Plan(PlanKind.CUSTOM, 3), now, weeks=3)
    assert [week.status.value for week in custom.weeks] == ["on-target", "below", "below"]


def test_three_in_a_week_warns_on_the_preventive_plan(history):
    add(history, *(datetime(2026, 11, day, 19, tzinfo=BERLIN) for day in (2, 4, 6, 10, 12)))
    stats = compute_stats(history, Plan(), datetime(2026, 11, 19, tzinfo=BERLIN), weeks=4)
    assert [warning.kind for warning in stats.warnings] == ["too-many"]
    assert "3 or more times in week 2026-W45" in stats.warnings[0].message
    assert "1–2 sessions a week" in stats.warnings[0].message


def test_two_a_week_never_warns_on_the_preventive_plan(history):
    add(history, *(datetime(2026, 11, day, 19, tzinfo=BERLIN) for day in (2, 4, 10, 12)))
    assert compute_stats(history, Plan(), datetime(2026, 11, 19, tzinfo=BERLIN), weeks=4).warnings == []


def test_more_than_a_custom_number_warns(history):
    add(history, *(datetime(2026, 11, day, 19, tzinfo=BERLIN) for day in (2, 4)))
    stats = compute_stats(history, Plan(PlanKind.CUSTOM, 1), datetime(2026, 11, 5, tzinfo=BERLIN), weeks=1)
    assert [warning.kind for warning in stats.warnings] == ["too-many"]
    assert "more than 1 time this week" in stats.warnings[0].message


def test_consecutive_days_warn_on_the_pain_relief_plan(history):
    add(history, *(datetime(2026, 11, day, 19, tzinfo=BERLIN) for day in (2, 4, 5, 9)))
    stats = compute_stats(history, Plan(PlanKind.PAIN_RELIEF), datetime(2026, 11, 10, tzinfo=BERLIN),
                          weeks=2)
    assert [warning.kind for warning in stats.warnings] == ["too-close"]
    assert "once" in stats.warnings[0].message and "Thu 5 Nov" in stats.warnings[0].message


def test_every_other_day_is_fine_on_the_pain_relief_plan(history):
    add(history, *(datetime(2026, 11, day, 19, tzinfo=BERLIN) for day in (2, 4, 6, 8, 10)))
    stats = compute_stats(history, Plan(PlanKind.PAIN_RELIEF), datetime(2026, 11, 10, tzinfo=BERLIN),
                          weeks=2)
    assert stats.warnings == []
    assert stats.weeks[0].status is WeekStatus.ON_TARGET  # 4 in a week is every other day


def test_twice_in_one_day_is_too_close_for_pain_relief(history):
    add(history, datetime(2026, 11, 2, 8, tzinfo=BERLIN), datetime(2026, 11, 2, 20, tzinfo=BERLIN))
    stats = compute_stats(history, Plan(PlanKind.PAIN_RELIEF), datetime(2026, 11, 3, tzinfo=BERLIN),
                          weeks=1)
    assert [warning.kind for warning in stats.warnings] == ["too-close"]


def test_repeated_pain_or_dizziness_suggests_a_lighter_routine_and_a_professional(history):
    now = datetime(2026, 11, 19, 20, tzinfo=BERLIN)
    add(history, datetime(2026, 11, 2, 19, tzinfo=BERLIN), symptoms=(Symptom.PAIN,))
    stats = compute_stats(history, Plan(), now, weeks=4)
    assert stats.warnings == []  # once is not "repeated"
    add(history, datetime(2026, 11, 12, 19, tzinfo=BERLIN), status=SessionStatus.STOPPED,
        symptoms=(Symptom.DIZZINESS, Symptom.FATIGUE))
    stats = compute_stats(history, Plan(), now, weeks=4)
    assert [warning.kind for warning in stats.warnings] == ["symptoms"]
    assert "lighter routine" in stats.warnings[0].message
    assert "doctor or massage therapist" in stats.warnings[0].message


def test_other_symptoms_or_old_ones_do_not_warn(history):
    add(history, datetime(2026, 11, 2, 19, tzinfo=BERLIN), datetime(2026, 11, 5, 19, tzinfo=BERLIN),
        symptoms=(Symptom.HEADACHE,))
    add(history, datetime(2026, 9, 2, 19, tzinfo=BERLIN), datetime(2026, 9, 5, 19, tzinfo=BERLIN),
        symptoms=(Symptom.PAIN,))
    assert compute_stats(history, Plan(), datetime(2026, 11, 19, tzinfo=BERLIN), weeks=4).warnings == []


def test_the_course_comes_with_the_preventive_plan_only(history):
    add(history, *(datetime(2026, 11, day, 19, tzinfo=BERLIN) for day in (2, 5, 9)))
    now = datetime(2026, 11, 10, tzinfo=BERLIN)
    assert compute_stats(history, Plan(), now).course.sessions == 3
    assert compute_stats(history, Plan(PlanKind.PAIN_RELIEF), now).course is None


def test_json_shape(history):
    add(history, datetime(2026, 11, 16, 19, tzinfo=BERLIN), minutes=30)
    data = compute_stats(history, Plan(), datetime(2026, 11, 19, tzinfo=BERLIN), weeks=2).to_json()
    assert data["plan"]["name"] == "preventive"
    assert data["weeks"][-1] == {"week": "2026-W47", "monday": "2026-11-16", "sessions": 1,
                                 "minutes": 30.0, "status": "on-target", "this_week": True}
    assert data["course"]["summary"].startswith("Course 1: session 1 of 12–15")
    assert data["warnings"] == []


def test_minutes_per_body_area_follow_the_body_map():
    totals = by_body_area({"Shoulders, left": 60, "shoulders, right": 60, "whole back": 400,
                           "forearms": 30})
    assert totals["shoulders"] == 120
    assert totals["lower back"] == totals["collar zone"] == 100
    assert totals["forearms"] == 30
