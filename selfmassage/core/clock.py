"""Clocks the engine reads. Tests inject FakeClock; `run --speed` injects ScaledClock.

A FakeClock also stands in for the sleep clock (SleepClock) in the tests of the sleep rule and of clock
trouble.
"""

from __future__ import annotations

import math
import time
from typing import Protocol


class Clock(Protocol):
    def now(self) -> float:
        """Monotonic seconds; only differences matter."""
        ...


class MonotonicClock:
    def now(self) -> float:
        return time.monotonic()


class SleepClock:
    """Seconds that run on while the computer sleeps, yet never jump when the time of day is set.

    This is what the engine's sleep rule should compare with the monotonic clock: the two differ only by
    time spent asleep, so setting the time by hand or by the network (a wall-clock jump of an hour either
    way) changes nothing, while a sleep still pauses the session. Linux's CLOCK_BOOTTIME is exactly that;
    where there is none, the wall clock stands in, and there a time set ahead by hand also pauses.
    """

    def __init__(self) -> None:
        self._clock_id: int | None = getattr(time, "CLOCK_BOOTTIME", None)

    @property
    def follows_wall_clock(self) -> bool:
        return self._clock_id is None

    def now(self) -> float:
        if self._clock_id is None:
            return time.time()
        return time.clock_gettime(self._clock_id)


class ScaledClock:
    """Runs `speed` times faster than real time, for previews."""

    def __init__(self, speed: float, base: Clock | None = None) -> None:
        if not (speed > 0 and math.isfinite(speed)):  # also refuses NaN, which compares False
            raise ValueError("speed must be a number above 0")
        self.speed = speed
        self._base = base or MonotonicClock()
        self._origin = self._base.now()

    def now(self) -> float:
        return (self._base.now() - self._origin) * self.speed

    def real_seconds(self, clock_seconds: float) -> float:
        """How long to really wait for `clock_seconds` of this clock to pass."""
        return clock_seconds / self.speed


class FakeClock:
    """A clock that moves only when told, so a 40-minute routine runs in milliseconds."""

    def __init__(self, start: float = 1000.0) -> None:
        self._now = start

    def now(self) -> float:
        return self._now

    def advance(self, seconds: float) -> None:
        if not seconds >= 0:  # NaN too: it would leave the clock at NaN for good
            raise ValueError("a monotonic clock never goes back")
        self._now += seconds
