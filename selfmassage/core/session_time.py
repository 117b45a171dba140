"""A session's active time (pauses left out) against the clock.

Every deadline is worked out as `anchor + paused time + active offset`, where the active offset of a step's
end is the active time its step started plus its planned seconds. Nothing is added up tick by tick, so a long
routine never drifts, and the next step starts at exactly the moment the previous one ends.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from selfmassage.core.clock import Clock


class SessionTime:
    def __init__(self, clock: Clock) -> None:
        self.clock = clock
        self.anchor = 0.0  # clock time at start
        self.paused_total = 0.0  # clock seconds spent paused
        self.paused_since = 0.0  # clock time the pause began
        self.paused_at = 0.0  # active time the pause began
        # The moment being handled, as (active time, clock time); None: ask the clock.
        self.moment: tuple[float, float] | None = None

    def start(self) -> None:
        self.anchor = self.clock.now()

    def deadline(self, offset: float) -> float:
        """The clock time of active time `offset`."""
        return self.anchor + self.paused_total + offset

    def active_at(self, clock_time: float) -> float:
        """The active time of `clock_time`, with the pauses so far left out."""
        return clock_time - self.anchor - self.paused_total

    def active(self) -> float:
        """Active time while running: the moment being handled, else now."""
        if self.moment is not None:
            return self.moment[0]
        return self.active_at(self.clock.now())

    def lateness(self) -> float:
        """How far the clock is past the moment being handled (0 between moments)."""
        if self.moment is None:
            return 0.0
        return max(0.0, self.active_at(self.clock.now()) - self.moment[0])

    def due(self, offset: float) -> bool:
        if self.moment is not None:  # a listener's command: only what is due at this very moment
            return offset <= self.moment[0]
        # The very sum deadline() returns: `now - anchor - paused >= offset` can round the
        # other way, and a timer that woke exactly at the deadline would then find nothing due.
        return self.clock.now() >= self.deadline(offset)

    def clock_now(self) -> float:
        """The clock time of the moment being handled: for an overdue event, when it was due."""
        return self.clock.now() if self.moment is None else self.moment[1]

    def pause(self, at: float, since: float) -> None:
        """Paused at active time `at`, clock time `since`."""
        self.paused_at, self.paused_since = at, since

    def resume(self) -> None:
        # Resuming at the moment it paused makes no pause at all.
        self.paused_total += self.clock_now() - self.paused_since

    @contextmanager
    def handling(self, at: float, clock_time: float | None = None) -> Iterator[None]:
        """Active time `at` (due at `clock_time`) is the moment being handled, until the block ends."""
        outer = self.moment
        self.moment = (at, self.clock_now() if clock_time is None else clock_time)
        try:
            yield
        finally:
            self.moment = outer
