"""The plans' weekly targets and the preventive course, rule by rule (see core/plan.py)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from selfmassage.core.plan import (
    Course,
    CourseState,
    Plan,
    PlanKind,
    WeekStatus,
    add_months,
    follow_course,
    parse_plan,
    plan_from_settings,
)

START = date(2026, 3, 2)  # a Monday


def every(days: int, count: int, start: date = START) -> list[tuple[date, int]]:
    return [(start + timedelta(days=days * number), 1) for number in range(count)]


@pytest.mark.parametrize(("plan", "counts"), [
    (Plan(PlanKind.PREVENTIVE), {0: "below", 1: "on-target", 2: "on-target", 3: "above"}),
    # Pain relief is a ceiling: no week is ever below it.
    (Plan(PlanKind.PAIN_RELIEF), {0: "on-target", 2: "on-target", 4: "on-target", 5: "above"}),
    (Plan(PlanKind.CUSTOM, 3), {2: "below", 3: "on-target", 4: "above"}),
])
def test_week_status_against_each_plan(plan, counts):
    assert {count: plan.status(count).value for count in counts} == counts


def test_pain_relief_reads_as_a_ceiling():
    plan = Plan(PlanKind.PAIN_RELIEF)
    assert plan.is_ceiling and plan.band == "up to 4"
    assert "at most" in plan.describe()
    assert not Plan().is_ceiling and Plan().band == "1–2"


def test_a_plan_of_your_own_above_two_a_week_carries_the_guides_advice():
    assert "1–2 sessions a week" in Plan(PlanKind.CUSTOM, 3).advice
    assert Plan(PlanKind.CUSTOM, 2).advice == Plan().advice == ""


def test_the_pain_relief_plan_says_treatment_is_a_professionals_work():
    assert "treating pain is a professional's work" in Plan(PlanKind.PAIN_RELIEF).advice


def test_plans_read_from_the_command_line():
    assert parse_plan("preventive") == Plan(PlanKind.PREVENTIVE)
    assert parse_plan(" Pain-Relief ") == Plan(PlanKind.PAIN_RELIEF)
    assert parse_plan("4") == Plan(PlanKind.CUSTOM, 4)
    for bad in ("0", "8", "often", "-1", ""):
        with pytest.raises(ValueError, match="preventive, pain-relief or a number"):
            parse_plan(bad)


def test_plan_from_settings_falls_back_to_preventive():
    assert plan_from_settings("custom", 5) == Plan(PlanKind.CUSTOM, 5)
    assert plan_from_settings("nonsense", 5).kind is PlanKind.PREVENTIVE
    assert plan_from_settings("custom", 40).per_week == 2


def test_only_the_preventive_plan_has_a_course():
    assert Plan(PlanKind.PREVENTIVE).has_course
    assert not Plan(PlanKind.PAIN_RELIEF).has_course
    assert not Plan(PlanKind.CUSTOM, 2).has_course


def test_no_sessions_means_no_course_yet():
    course = follow_course([], START)
    assert course.state is CourseState.NONE
    assert "next completed session starts one" in course.summary()


def test_a_course_in_progress_counts_its_sessions():
    days = every(4, 7)
    course = follow_course(days, days[-1][0] + timedelta(days=1))
    assert (course.state, course.number, course.sessions, course.started_on) == (
        CourseState.IN_PROGRESS, 1, 7, START)
    assert course.summary().startswith("Course 1: session 7 of 12–15, since 2 Mar 2026.")


def test_two_sessions_on_one_day_count_once_toward_the_course():
    course = follow_course([(START, 2), (START + timedelta(days=3), 1)], START + timedelta(days=3))
    assert course.sessions == 2


def test_the_fifteenth_session_completes_the_course_and_the_rest_is_six_months():
    days = every(4, 15)
    last = days[-1][0]
    course = follow_course(days, last + timedelta(days=1))
    assert course.state is CourseState.RESTING
    assert (course.sessions, course.last_on, course.next_course_from) == (15, last, add_months(last, 6))
    assert f"Next course from {course.next_course_from.day}" in course.summary()


def test_twelve_then_more_than_two_weeks_without_a_session_completes_it():
    days = every(4, 12)
    last = days[-1][0]
    assert follow_course(days, last + timedelta(days=14)).state is CourseState.IN_PROGRESS
    course = follow_course(days, last + timedelta(days=15))
    assert (course.state, course.sessions, course.next_course_from) == (
        CourseState.RESTING, 12, add_months(last, 6))


def test_eleven_then_a_long_gap_is_not_a_complete_course():
    days = every(4, 11)
    course = follow_course(days, days[-1][0] + timedelta(days=30))
    assert (course.state, course.sessions) == (CourseState.IN_PROGRESS, 11)


def test_an_unfinished_course_lapses_after_eight_weeks_and_starts_again_from_one():
    days = every(4, 5)
    last = days[-1][0]
    lapsed = follow_course(days, last + timedelta(days=57))
    assert (lapsed.state, lapsed.lapsed_at) == (CourseState.NONE, 5)
    assert "stopped after 5 sessions" in lapsed.summary()
    again = follow_course([*days, (last + timedelta(days=60), 1)], last + timedelta(days=60))
    assert (again.state, again.number, again.sessions) == (CourseState.IN_PROGRESS, 1, 1)


def test_a_session_in_the_rest_is_marked_and_starts_no_course():
    days = every(4, 15)
    last = days[-1][0]
    during = last + timedelta(days=20)
    course = follow_course([*days, (during, 1)], during)
    assert (course.state, course.number, course.rest_sessions) == (CourseState.RESTING, 1, 1)
    assert course.in_rest(during)
    assert not course.in_rest(last)
    assert "1 session during the rest" in course.summary()


def test_after_the_rest_the_next_session_starts_course_two():
    days = every(4, 15)
    next_from = add_months(days[-1][0], 6)
    ready = follow_course(days, next_from)
    assert ready.state is CourseState.READY
    assert "starts course 2" in ready.summary()
    course = follow_course([*days, (next_from, 1)], next_from)
    assert (course.state, course.number, course.sessions, course.started_on) == (
        CourseState.IN_PROGRESS, 2, 1, next_from)
    assert not course.in_rest(next_from)


def test_sessions_after_today_are_not_counted():
    days = every(4, 3)
    assert follow_course(days, START).sessions == 1


def test_add_months_keeps_the_day_or_takes_the_months_last():
    assert add_months(date(2026, 3, 15), 6) == date(2026, 9, 15)
    assert add_months(date(2026, 8, 31), 6) == date(2027, 2, 28)
    assert add_months(date(2027, 8, 31), 6) == date(2028, 2, 29)
    assert add_months(date(2026, 11, 30), 3) == date(2027, 2, 28)


def test_week_status_values_are_the_words_the_cli_prints():
    assert [status.value for status in WeekStatus] == ["below", "on-target", "above"]


@pytest.mark.parametrize("language", ["en", "ru"])
def test_a_date_that_ends_in_a_full_stop_never_doubles_the_sentences(language):
    # Russian dates end in one ("2 дек. 2026 г."): a sentence that ends on one must not add another.
    from selfmassage import i18n
    from selfmassage.core.reminders import due_text

    i18n.setup(language)
    try:
        day = date(2026, 12, 2)
        lines = [
            Course(CourseState.IN_PROGRESS, 1, 3, started_on=day).summary(),
            Course(CourseState.IN_PROGRESS, 1, 12, started_on=day).summary(),
            Course(CourseState.RESTING, 1, 12, started_on=day, last_on=day,
                   next_course_from=day + timedelta(days=180), rest_sessions=1).summary(),
            Course(CourseState.READY, 1, 12, started_on=day, last_on=day).summary(),
            due_text(day + timedelta(days=180), day, plan_from_settings("preventive", 2)),
        ]
    finally:
        i18n.setup("en")
    assert all(".." not in line and ". ." not in line for line in lines), lines
