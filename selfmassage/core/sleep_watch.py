"""Noticing that the computer slept during a session, so the engine can pause where the session was.

It counts as a sleep when, between two looks at the clocks,
- the sleep clock ran more than `gap` seconds further than the monotonic clock (Linux and macOS stop the
  monotonic clock while asleep), or
- the engine is polled more than `gap` seconds after its next deadline (where the monotonic clock runs on
  through a sleep, or the event loop stood still that long): a burst of skipped steps would follow otherwise.
The app passes a SleepClock (Linux's boot clock: it runs through a sleep but not when the time of day is
set), so a wall-clock jump of an hour either way changes nothing; only where no such clock exists does a big
jump of the time set by hand also pause — one key press, never a step.
"""

from __future__ import annotations

from selfmassage.core.clock import Clock

# More than this many seconds unaccounted for between two looks at the clocks: the computer slept.
SLEEP_GAP_SECONDS = 30.0


class SleepWatch:
    def __init__(self, clock: Clock, sleep_clock: Clock, gap: float = SLEEP_GAP_SECONDS) -> None:
        self._clock = clock
        self._sleep_clock = sleep_clock
        self._gap = gap
        self._seen: tuple[float, float] | None = None  # (clock, sleep clock) at the last look

    def look(self) -> None:
        """Measure from now (the session starts or goes on: a sleep before this cost nothing)."""
        self._seen = (self._clock.now(), self._sleep_clock.now())

    def slept_since(self, deadline: float | None) -> float | None:
        """Look again; after a sleep, the clock time of the last look before it (where the session was)."""
        if self._seen is None:
            return None
        now, wall = self._clock.now(), self._sleep_clock.now()
        seen_now, seen_wall = self._seen
        self._seen = (now, wall)
        wall_ran_ahead = (wall - seen_wall) - (now - seen_now) > self._gap
        overdue = deadline is not None and now - deadline > self._gap
        return min(seen_now, now) if wall_ran_ahead or overdue else None
