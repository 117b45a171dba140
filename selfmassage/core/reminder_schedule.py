"""Whether a reminder is shown now, and when to look again. Plain Python; every time is passed in.

The rules, in the order they are checked:
- Never while a session runs or is paused, nor in the 10 minutes after one ends: a reminder that comes due
  then waits for those 10 minutes. A session that counts (completed) settles the day: no reminder after it.
- Only when the plan has a session due today (core.reminders.next_due): none once the week's target is met.
- At most one a day per plan (the day and the plan are remembered across runs, see `ReminderMemory`).
- The reminder time that passed last counts, however long ago: a reminder missed while the computer slept or
  the app was closed is shown once, at the next check (the app's start, or its wake-up), never one per
  missed day. It counts only if the plan wanted a session on that day too, and none has been done since;
  and before the first reminder ever shown, only today's time counts (no reminder for last week at once).
- "Later" asks again in an hour (even on a day that already had its reminder); "Not today" ends the day.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

from selfmassage.core.plan import Plan
from selfmassage.core.reminders import next_due, next_reminder, previous_reminder
from selfmassage.core.stats import HistoryFigures

QUIET_AFTER_SESSION = timedelta(minutes=10)
LATER = timedelta(hours=1)


@dataclass(frozen=True)
class ReminderMemory:
    """The last day a reminder was shown (or the person said "Not today"), and for which plan."""

    day: date | None = None
    plan: str = ""

    def to_text(self) -> str:
        return f"{self.day.isoformat()} {self.plan}" if self.day is not None else ""

    @classmethod
    def from_text(cls, text: str) -> ReminderMemory:
        """The setting's text; anything unreadable is no memory (at worst one reminder too many)."""
        day_text, _, plan = str(text).strip().partition(" ")
        try:
            return cls(date.fromisoformat(day_text), plan)
        except ValueError:
            return cls()


@dataclass(frozen=True)
class ReminderTimes:
    weekdays: frozenset[int]  # 0 = Monday
    at: time
    zone: tzinfo | None = None  # where `at` is read; None for the computer's own zone

    @classmethod
    def of(cls, weekdays: Iterable[int], at: time, zone: tzinfo | None = None) -> ReminderTimes:
        return cls(frozenset(weekdays), at, zone)


@dataclass(frozen=True)
class Verdict:
    remind: bool
    wake_at: datetime | None  # when to look again (None: only when something changes)
    missed: bool = False  # the reminder time passed while nobody was looking (asleep, app closed)


class ReminderSchedule:
    """Holds what happened today (a session, "Later", the last reminder) and answers `check(now, ...)`."""

    def __init__(self, times: ReminderTimes, memory: ReminderMemory | None = None) -> None:
        self.times = times
        self.memory = memory or ReminderMemory()
        self.session_active = False
        self.quiet_until: datetime | None = None
        self.later_at: datetime | None = None

    # -- what happens -------------------------------------------------------------------------------

    def session_started(self) -> None:
        self.session_active = True

    def session_ended(self, now: datetime) -> None:
        """Ended, completed or stopped: a completed one shows in the history, which `check` reads."""
        self.session_active = False
        self.quiet_until = now + QUIET_AFTER_SESSION

    def shown(self, now: datetime, plan: Plan) -> ReminderMemory:
        """The reminder was shown; returns the memory to keep."""
        self.later_at = None
        self.memory = ReminderMemory(self._day(now), plan.setting)
        return self.memory

    def later(self, now: datetime) -> None:
        self.later_at = now + LATER

    def not_today(self, now: datetime, plan: Plan) -> ReminderMemory:
        return self.shown(now, plan)

    # -- the question -------------------------------------------------------------------------------

    def check(self, now: datetime, figures: HistoryFigures, plan: Plan) -> Verdict:
        today = self._day(now)
        slot = previous_reminder(now, self.times.weekdays, self.times.at, self.times.zone)
        wake = self._next_wake(now)
        if self.session_active:
            return Verdict(False, None)  # the session's end calls check again
        if self.quiet_until is not None and now < self.quiet_until:
            return Verdict(False, wake)
        if _counted_since(figures, today, today) or next_due(figures, plan, today) > today:
            return Verdict(False, wake)
        if self.later_at is not None and now >= self.later_at:
            return Verdict(True, wake)
        if slot is None or self._already_shown(today, plan):
            return Verdict(False, wake)
        slot_day = self._day(slot)
        if self.memory.day is not None and self.memory.plan == plan.setting and self.memory.day >= slot_day:
            return Verdict(False, wake)  # this reminder time was seen to already
        if slot_day < today and (self.memory.day is None or next_due(figures, plan, slot_day) > slot_day
                                 or _counted_since(figures, slot_day, today)):
            return Verdict(False, wake)  # nothing was due that day, or a session was done since
        missed = now - slot > QUIET_AFTER_SESSION or slot_day < today
        return Verdict(True, wake, missed=missed)

    def _already_shown(self, today: date, plan: Plan) -> bool:
        return self.memory.day == today and self.memory.plan == plan.setting

    def _next_wake(self, now: datetime) -> datetime | None:
        times = [moment for moment in (
            next_reminder(now, self.times.weekdays, self.times.at, self.times.zone),
            self.quiet_until, self.later_at) if moment is not None and moment > now]
        return min(times, default=None)

    def _day(self, moment: datetime) -> date:
        zone = self.times.zone
        return moment.astimezone(zone).date() if zone is not None else moment.date()


def _counted_since(figures: HistoryFigures, first: date, last: date) -> bool:
    return any(count > 0 for _day, count in figures.day_counts(first, last))
