"""When the next session is due, and when to remind. Plain Python; the wall clock is passed in.

Due, per plan:
- preventive: today when this week has no completed session yet, else next Monday; during the rest
  after a course, the day the next course may start.
- pain-relief: never. Every other day is the most, not a goal: you massage when it bothers you, and nothing
  nudges you to.
- your own N a week: today while this week has fewer than N, else next Monday.

A reminder fires at the chosen weekdays and time, and only when a session is due by then: nothing nags
once the week's target is met, on a pain-relief plan, or during a course's rest.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from zoneinfo import ZoneInfo

from selfmassage.core.plan import CourseState, Plan, follow_course
from selfmassage.core.stats import HistoryFigures, monday_of
from selfmassage.i18n import N_, _, format_date, format_weekday_date

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
LOOK_AHEAD_DAYS = 8  # every weekday comes round within a week
NEVER = date.max  # a plan that asks for no session (pain relief) is never due


def next_due(figures: HistoryFigures, plan: Plan, today: date) -> date:
    """The first day, from today on, that the plan wants a session."""
    next_monday = monday_of(today) + timedelta(days=7)
    if plan.is_ceiling:
        return NEVER
    if plan.has_course:
        course = follow_course(figures.day_counts(last=today), today)
        if course.state is CourseState.RESTING and course.next_course_from is not None:
            return course.next_course_from
    this_week = figures.week_totals(monday_of(today), today).get(monday_of(today), (0, 0.0))[0]
    return today if this_week < plan.low else next_monday


def should_remind(due: date, now: datetime) -> bool:
    return due <= now.date()


def parse_clock(text: str) -> time:
    hours, minutes = text.split(":")
    return time(int(hours), int(minutes))


def _localize(naive: datetime, zone: tzinfo | None) -> datetime:
    """A wall-clock time on a given day → an aware time, with that day's offset (DST-aware)."""
    if isinstance(zone, ZoneInfo):
        # A time skipped by a spring-forward change is read with the offset before it (PEP 495 fold=0),
        # which lands an hour later in real time: the reminder still comes, just after the jump.
        return naive.replace(tzinfo=zone)
    return naive.astimezone()  # the computer's own zone, through the C library


def _zone_and_today(now: datetime, zone: tzinfo | None) -> tuple[tzinfo | None, date]:
    """Where the clock time is read (`now`'s own zone when it is a ZoneInfo), and today's date there."""
    if zone is None and isinstance(now.tzinfo, ZoneInfo):
        zone = now.tzinfo
    return zone, now.astimezone(zone).date() if zone is not None else now.astimezone().date()


def next_reminder(
    now: datetime, weekdays: Iterable[int], at: time, zone: tzinfo | None = None,
) -> datetime | None:
    """The first reminder time strictly after `now` on one of `weekdays` (0 = Monday); None if no days.

    `zone` is where the clock time is read: a ZoneInfo, or None for the computer's own zone.
    """
    days = set(weekdays)
    if not days:
        return None
    zone, local_today = _zone_and_today(now, zone)
    for ahead in range(LOOK_AHEAD_DAYS + 1):
        day = local_today + timedelta(days=ahead)
        if day.weekday() not in days:
            continue
        moment = _localize(datetime.combine(day, at), zone)
        if moment.astimezone(now.tzinfo) > now:
            return moment
    return None


def previous_reminder(
    now: datetime, weekdays: Iterable[int], at: time, zone: tzinfo | None = None,
) -> datetime | None:
    """The last reminder time at or before `now` on one of `weekdays`, within a week; None if no days."""
    days = set(weekdays)
    if not days:
        return None
    zone, local_today = _zone_and_today(now, zone)
    for back in range(LOOK_AHEAD_DAYS + 1):
        day = local_today - timedelta(days=back)
        if day.weekday() not in days:
            continue
        moment = _localize(datetime.combine(day, at), zone)
        if moment.astimezone(now.tzinfo) <= now:
            return moment
    return None


def seconds_until(moment: datetime, now: datetime) -> float:
    """Real seconds between two aware times (Python ignores offsets when both share one tzinfo)."""
    return (moment.astimezone(UTC) - now.astimezone(UTC)).total_seconds()


def due_text(due: date, today: date, plan: Plan) -> str:
    """'Next session: today' — for the tray's tooltip and menu."""
    if plan.is_ceiling:
        return _("Pain relief: a session when it bothers you, every other day at most.")
    if due <= today:
        return _("Next session: today.")
    if due == today + timedelta(days=1):
        return _("Next session: tomorrow.")
    if plan.has_course and due - today > timedelta(days=7):
        return _("Resting after your course. Next course from {day}.").format(day=format_date(due))
    return _("Next session: {day}.").format(day=format_weekday_date(due))


# Marked for the catalogue; shown translated: _(REMINDER_SUMMARY).
REMINDER_SUMMARY = N_("Time for your massage")


def reminder_body(plan: Plan) -> str:
    """The notification's second line, under REMINDER_SUMMARY (pain relief never reminds: see next_due)."""
    return _("Your plan has a session due today. Pick a routine when you're ready.")


def reminder_message(plan: Plan) -> str:
    return _("Time for your massage. Pick a routine when you're ready.")
