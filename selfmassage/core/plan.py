"""How often to massage, as the guide says, and the preventive course. Plain Python; dates are local dates.

Plans:
- preventive (the default): 1–2 sessions a week, in courses of 12–15 sessions, the next course 6 months
  after the last one ended.
- pain-relief: every other day at most, until the pain eases. A ceiling, not a target: up to 4 sessions in a
  week keeps to it, fewer is never "below", and nothing reminds you to massage.
- custom: a number of sessions a week, 1–7, chosen by the person.

The course (preventive plan only), exactly:
1. It counts days with a completed session: two sessions on one day count once toward a course.
2. A course starts with the first session day that is not in a rest.
3. It is complete on its 15th session day; or, once it has 12, when more than 14 days pass without a
   session (it ended on its last session).
4. Then comes a rest of 6 months from the course's last session: the next course may start on that date
   (same day of the month, or the month's last day). A session in the rest is allowed, marked, and counts
   toward no course.
5. A course that has fewer than 12 sessions when more than 8 weeks pass without a session has lapsed: the
   next session starts a new course from 1.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from selfmassage.i18n import _, format_date, ngettext

COURSE_MIN, COURSE_MAX = 12, 15
COURSE_END_GAP_DAYS = 14  # a course with 12–14 sessions is over once more than this passes without one
COURSE_LAPSE_DAYS = 56  # an unfinished course lapses after more than 8 weeks without a session
REST_MONTHS = 6
CUSTOM_MIN, CUSTOM_MAX = 1, 7
PREVENTIVE_LEAST, PREVENTIVE_MOST = 1, 2  # the guide's sessions a week


class PlanKind(StrEnum):
    PREVENTIVE = "preventive"
    PAIN_RELIEF = "pain-relief"
    CUSTOM = "custom"


class WeekStatus(StrEnum):
    BELOW = "below"
    ON_TARGET = "on-target"
    ABOVE = "above"


@dataclass(frozen=True)
class Plan:
    kind: PlanKind = PlanKind.PREVENTIVE
    per_week: int = 2  # only for the custom plan

    @property
    def low(self) -> int:
        """Fewest sessions in a week that keep to the plan."""
        return {PlanKind.PREVENTIVE: PREVENTIVE_LEAST, PlanKind.PAIN_RELIEF: 0}.get(self.kind, self.per_week)

    @property
    def high(self) -> int:
        """Most sessions in a week that keep to the plan."""
        return {PlanKind.PREVENTIVE: PREVENTIVE_MOST, PlanKind.PAIN_RELIEF: 4}.get(self.kind, self.per_week)

    @property
    def has_course(self) -> bool:
        return self.kind is PlanKind.PREVENTIVE

    @property
    def is_ceiling(self) -> bool:
        """Pain relief: "every other day" is the most, not a goal; no week falls short of it."""
        return self.low == 0

    @property
    def band(self) -> str:
        if self.is_ceiling:
            return _("up to {n}").format(n=self.high)
        return f"{self.low}–{self.high}" if self.low != self.high else str(self.low)

    @property
    def advice(self) -> str:
        """The guide's word on a plan, said once when it is chosen; "" when there is nothing to add."""
        if self.kind is PlanKind.PAIN_RELIEF:
            return _("At home, massage relaxes; treating pain is a professional's work. See one if it "
                     "does not ease.")
        if self.kind is PlanKind.CUSTOM and self.per_week > PREVENTIVE_MOST:
            return _("The guide suggests {least}–{most} sessions a week to keep your back well, and every "
                     "other day at most while something hurts.").format(least=PREVENTIVE_LEAST,
                                                                        most=PREVENTIVE_MOST)
        return ""

    def status(self, sessions: int) -> WeekStatus:
        if sessions < self.low:
            return WeekStatus.BELOW
        if sessions > self.high:
            return WeekStatus.ABOVE
        return WeekStatus.ON_TARGET

    @property
    def title(self) -> str:
        return {PlanKind.PREVENTIVE: _("Preventive"), PlanKind.PAIN_RELIEF: _("Pain relief")}.get(
            self.kind, _("Your own"))

    def describe(self) -> str:
        """What the plan asks, in one sentence."""
        if self.kind is PlanKind.PREVENTIVE:
            return ngettext("1–2 sessions a week, in courses of {low}–{high}; the next course {n} month "
                            "after one ends.",
                            "1–2 sessions a week, in courses of {low}–{high}; the next course {n} months "
                            "after one ends.", REST_MONTHS).format(low=COURSE_MIN, high=COURSE_MAX,
                                                                   n=REST_MONTHS)
        if self.kind is PlanKind.PAIN_RELIEF:
            return _("Every other day at most, while it bothers you; fewer is fine, and stop once it eases.")
        return ngettext("{n} session a week.", "{n} sessions a week.", self.per_week).format(n=self.per_week)

    @property
    def setting(self) -> str:
        """How it is written on the command line: preventive, pain-relief or a number."""
        return str(self.per_week) if self.kind is PlanKind.CUSTOM else self.kind.value


def parse_plan(text: str) -> Plan:
    """`preventive`, `pain-relief` or a number of sessions a week; ValueError with a plain sentence."""
    word = text.strip().lower()
    if word in (PlanKind.PREVENTIVE, PlanKind.PAIN_RELIEF):
        return Plan(PlanKind(word))
    if word.isdigit() and CUSTOM_MIN <= int(word) <= CUSTOM_MAX:
        return Plan(PlanKind.CUSTOM, int(word))
    raise ValueError(_("a plan is preventive, pain-relief or a number of sessions a week from {low} to "
                       "{high}, not {text}.").format(low=CUSTOM_MIN, high=CUSTOM_MAX, text=repr(text)))


def plan_from_settings(kind: str, per_week: int) -> Plan:
    try:
        plan_kind = PlanKind(kind)
    except ValueError:
        plan_kind = PlanKind.PREVENTIVE
    per_week = per_week if CUSTOM_MIN <= per_week <= CUSTOM_MAX else 2
    return Plan(plan_kind, per_week)


# -- the course ------------------------------------------------------------------------------------


def add_months(day: date, months: int) -> date:
    """The same day of the month `months` later; the month's last day when it is shorter."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


class CourseState(StrEnum):
    NONE = "none"  # no course yet, or the last one lapsed: the next session starts course 1 (or the next)
    IN_PROGRESS = "in-progress"
    RESTING = "resting"  # complete; the rest runs until next_course_from
    READY = "ready"  # complete and the rest is over: the next session starts a new course


@dataclass(frozen=True)
class Course:
    state: CourseState
    number: int = 0  # this course (or the last one); 0 before the first
    sessions: int = 0  # session days in it
    started_on: date | None = None
    last_on: date | None = None
    next_course_from: date | None = None  # once complete
    rest_sessions: int = 0  # completed sessions during the current rest
    lapsed_at: int = 0  # when the last course lapsed: how many sessions it had
    # Every rest so far as (first day, first day after): sessions on those days are marked.
    rests: tuple[tuple[date, date], ...] = field(default=(), repr=False)

    @property
    def complete(self) -> bool:
        return self.state in (CourseState.RESTING, CourseState.READY)

    def in_rest(self, day: date) -> bool:
        return any(first <= day < after for first, after in self.rests)

    def summary(self) -> str:
        """One line for the review and `selfmassage stats`."""
        if self.state is CourseState.IN_PROGRESS:
            line = _("Course {number}: session {sessions} of {low}–{high}, since {day}.").format(
                number=self.number, sessions=self.sessions, low=COURSE_MIN, high=COURSE_MAX,
                day=_day(self.started_on))
            if self.sessions >= COURSE_MIN:
                line += " " + _("You can end it here or go on to {high}.").format(high=COURSE_MAX)
            return line
        if self.state is CourseState.RESTING:
            line = ngettext("Course {number} complete: {n} session, the last on {last}. Next course from "
                            "{next}.",
                            "Course {number} complete: {n} sessions, the last on {last}. Next course from "
                            "{next}.", self.sessions).format(number=self.number, n=self.sessions,
                                                             last=_day(self.last_on),
                                                             next=_day(self.next_course_from))
            if self.rest_sessions:
                line += " " + ngettext("{n} session during the rest.", "{n} sessions during the rest.",
                                       self.rest_sessions).format(n=self.rest_sessions)
            return line
        if self.state is CourseState.READY:
            return _("Course {number} complete on {last}. The rest is over: your next session starts course "
                     "{next}.").format(number=self.number, last=_day(self.last_on), next=self.number + 1)
        if self.lapsed_at:
            return ngettext("Your last course stopped after {n} session. Your next session starts a new "
                            "course.",
                            "Your last course stopped after {n} sessions. Your next session starts a new "
                            "course.", self.lapsed_at).format(n=self.lapsed_at)
        return _("No course yet: your next completed session starts one.")


def _day(day: date | None) -> str:
    return "—" if day is None else format_date(day)


def follow_course(session_days: Iterable[tuple[date, int]], today: date) -> Course:
    """Walk completed sessions (local day, count), oldest first, through the course rules above."""
    number = sessions = rest_sessions = lapsed_at = last_size = 0
    started: date | None = None
    last: date | None = None
    rest_until: date | None = None  # first day a new course may start, once one is complete
    rests: list[tuple[date, date]] = []

    def close(end: date) -> None:
        nonlocal sessions, rest_until, rest_sessions, lapsed_at, last_size
        rest_until = add_months(end, REST_MONTHS)
        rests.append((end + timedelta(days=1), rest_until))
        last_size, sessions, rest_sessions, lapsed_at = sessions, 0, 0, 0

    def lapse() -> None:
        # An unfinished course that lapsed is not counted as a course at all.
        nonlocal sessions, lapsed_at, number
        lapsed_at, sessions, number = sessions, 0, number - 1
    for day, count in session_days:
        if day > today or count <= 0:
            continue
        if sessions and last is not None:
            gap = (day - last).days
            if sessions >= COURSE_MIN and gap > COURSE_END_GAP_DAYS:
                close(last)
            elif gap > COURSE_LAPSE_DAYS:
                lapse()
        if rest_until is not None and day < rest_until:
            rest_sessions += count
            continue
        if sessions == 0:
            number += 1
            started, rest_until, rest_sessions = day, None, 0
        sessions += 1
        last = day
        if sessions == COURSE_MAX:
            close(day)

    if sessions and last is not None:
        gap = (today - last).days
        if sessions >= COURSE_MIN and gap > COURSE_END_GAP_DAYS:
            close(last)
        elif gap > COURSE_LAPSE_DAYS:
            lapse()
    if sessions:
        return Course(CourseState.IN_PROGRESS, number, sessions, started, last, rests=tuple(rests))
    if rest_until is not None:
        state = CourseState.RESTING if today < rest_until else CourseState.READY
        return Course(state, number, last_size, started, last, rest_until,
                      rest_sessions if state is CourseState.RESTING else 0, rests=tuple(rests))
    return Course(CourseState.NONE, number, 0, None, None, lapsed_at=lapsed_at, rests=tuple(rests))
