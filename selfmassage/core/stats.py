"""Weekly figures, the course and the guide's warnings, from aggregated history. Plain Python.

Weeks are ISO weeks of the local calendar (Monday first); "today" comes from an injected wall-clock time.
Only completed sessions count. The history hands over totals (per week, per day), never every session,
so the figures cost the same with 100 sessions or 100,000.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, Protocol

from selfmassage.core.areas import REGION_AREAS, regions_for
from selfmassage.core.plan import Course, Plan, PlanKind, WeekStatus, follow_course
from selfmassage.i18n import _, format_day, ngettext, pgettext

MAX_WEEKS = 520
SYMPTOM_DAYS = 28  # repeated pain or dizziness is looked for in the last 4 weeks
SYMPTOM_REPEATS = 2
WARNING_SYMPTOMS = frozenset({"pain", "dizziness"})


class HistoryFigures(Protocol):
    """What the stats need from the history (store.history.History provides it)."""

    def week_totals(self, first: date, last: date) -> dict[date, tuple[int, float]]: ...

    def day_counts(self, first: date | None = None, last: date | None = None) -> list[tuple[date, int]]: ...

    def symptom_reports(self, first: date, last: date) -> list[tuple[date, frozenset[str]]]: ...


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def iso_week(day: date) -> str:
    """`2026-W47`: the ISO year and week a day belongs to (the ISO year can differ near New Year)."""
    year, week, _weekday = day.isocalendar()
    return f"{year}-W{week:02d}"


@dataclass(frozen=True)
class WeekFigure:
    monday: date
    sessions: int  # completed sessions
    seconds: float  # their active seconds
    status: WeekStatus
    this_week: bool

    @property
    def week(self) -> str:
        return iso_week(self.monday)

    @property
    def minutes(self) -> float:
        return self.seconds / 60


@dataclass(frozen=True)
class PlanWarning:
    kind: str  # too-many | too-close | symptoms
    message: str


@dataclass(frozen=True)
class Stats:
    plan: Plan
    today: date
    weeks: list[WeekFigure]
    course: Course | None
    warnings: list[PlanWarning]

    @property
    def this_week(self) -> WeekFigure:
        return self.weeks[-1]

    def to_json(self) -> dict[str, Any]:
        course = self.course
        return {
            "today": self.today.isoformat(),
            "plan": {"name": self.plan.setting, "kind": self.plan.kind.value, "low": self.plan.low,
                     "high": self.plan.high, "description": self.plan.describe()},
            "weeks": [{"week": week.week, "monday": week.monday.isoformat(), "sessions": week.sessions,
                       "minutes": round(week.minutes, 1), "status": week.status.value,
                       "this_week": week.this_week} for week in self.weeks],
            "course": None if course is None else {
                "state": course.state.value, "number": course.number, "sessions": course.sessions,
                "complete": course.complete,
                "started_on": _iso(course.started_on), "last_on": _iso(course.last_on),
                "next_course_from": _iso(course.next_course_from),
                "sessions_during_rest": course.rest_sessions, "summary": course.summary(),
            },
            "warnings": [{"kind": warning.kind, "message": warning.message} for warning in self.warnings],
        }


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def week_window(today: date, weeks: int) -> tuple[date, date]:
    """The first Monday and the last Sunday of the `weeks` ISO weeks that end with this one."""
    if not 1 <= weeks <= MAX_WEEKS:
        raise ValueError(f"weeks must be from 1 to {MAX_WEEKS}, not {weeks}")
    this_monday = monday_of(today)
    return this_monday - timedelta(weeks=weeks - 1), this_monday + timedelta(days=6)


def compute_stats(figures: HistoryFigures, plan: Plan, now: datetime, weeks: int = 12) -> Stats:
    """Figures for the last `weeks` weeks as of `now` (an aware local time, from the wall clock)."""
    today = now.date()
    first, last = week_window(today, weeks)
    totals = figures.week_totals(first, last)
    this_monday = monday_of(today)
    figures_by_week = []
    for number in range(weeks):
        monday = first + timedelta(weeks=number)
        count, seconds = totals.get(monday, (0, 0.0))
        figures_by_week.append(WeekFigure(monday, count, seconds, plan.status(count), monday == this_monday))

    course = follow_course(figures.day_counts(last=today), today) if plan.has_course else None
    warnings: list[PlanWarning] = []
    too_many = [week for week in figures_by_week if week.sessions > plan.high]
    if too_many and plan.kind is not PlanKind.PAIN_RELIEF:
        warnings.append(_too_many(plan, too_many, weeks))
    if plan.kind is PlanKind.PAIN_RELIEF:
        # From the day before the window, so a session on its first day after one the day before counts.
        close = [day for day in _too_close(figures.day_counts(first - timedelta(days=1), last))
                 if day >= first]
        if close:
            warnings.append(PlanWarning(
                "too-close",
                ngettext("You massaged again within a day {times} in these {weeks} week (last on {day}). "
                         "For pain, keep to every other day at most.",
                         "You massaged again within a day {times} in these {weeks} weeks (last on {day}). "
                         "For pain, keep to every other day at most.", weeks).format(
                    times=_times(len(close)), weeks=weeks, day=_short(close[-1]))))
    reports = [day for day, symptoms in figures.symptom_reports(today - timedelta(days=SYMPTOM_DAYS - 1),
                                                                today)
               if symptoms & WARNING_SYMPTOMS]
    if len(reports) >= SYMPTOM_REPEATS:
        warnings.append(PlanWarning(
            "symptoms",
            ngettext("After {n} session in the last 4 weeks you noted pain or dizziness. Try a lighter "
                     "routine, and ask a doctor or massage therapist before you go on.",
                     "After {n} sessions in the last 4 weeks you noted pain or dizziness. Try a lighter "
                     "routine, and ask a doctor or massage therapist before you go on.",
                     len(reports)).format(n=len(reports))))
    return Stats(plan, today, figures_by_week, course, warnings)


def _too_many(plan: Plan, weeks_over: list[WeekFigure], weeks: int) -> PlanWarning:
    if plan.kind is PlanKind.PREVENTIVE:
        limit = ngettext("{n} or more time", "{n} or more times", plan.high + 1).format(n=plan.high + 1)
        advice = _("The guide advises 1–2 sessions a week.")
    else:
        limit = ngettext("more than {n} time", "more than {n} times", plan.high).format(n=plan.high)
        advice = _("Your plan is {band} a week.").format(band=plan.band)
    count = len(weeks_over)
    if weeks == 1:
        which = pgettext("when", "this week")
    elif count == 1:
        which = _("in week {week}").format(week=weeks_over[0].week)
    else:
        which = ngettext("in {count} of these {weeks} week (last in {week})",
                         "in {count} of these {weeks} weeks (last in {week})", weeks).format(
            count=count, weeks=weeks, week=weeks_over[-1].week)
    return PlanWarning("too-many", _("You massaged {limit} {which}. {advice}").format(
        limit=limit, which=which, advice=advice))


def _too_close(day_counts: list[tuple[date, int]]) -> list[date]:
    """Each session that came less than two days after the one before: the same day or the next."""
    close: list[date] = []
    previous: date | None = None
    for day, count in day_counts:
        if previous is not None and (day - previous).days == 1:
            close.append(day)
        close.extend([day] * (count - 1))
        previous = day
    return close


def _times(count: int) -> str:
    if count == 1:
        return _("once")
    if count == 2:
        return _("twice")
    return ngettext("{n} time", "{n} times", count).format(n=count)


def _short(day: date) -> str:
    return format_day(day)


def by_body_area(seconds_by_area: dict[str, float]) -> dict[str, float]:
    """Free-text step areas → the body map's areas ("Shoulders, left" counts as shoulders).

    An area that covers several places ("whole back") shares its time equally among them; one the map
    does not know keeps its own name.
    """
    totals: dict[str, float] = {}
    for area, seconds in seconds_by_area.items():
        regions = regions_for(area)
        names = [REGION_AREAS[region] for region in regions] or [area.strip().lower()]
        for name in names:
            totals[name] = totals.get(name, 0.0) + seconds / len(names)
    return totals
