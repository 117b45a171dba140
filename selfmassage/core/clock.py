"""Clocks the engine reads. Tests inject FakeClock; `run --speed` injects ScaledClock.

A FakeClock also stands in for the wall clock (WallClock) in the tests of the sleep rule.
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


class WallClock:
    """Seconds since the epoch (time.time): it keeps running while the computer sleeps.

    The engine compares it with its monotonic clock to notice a sleep; it is never used for deadlines.
    """

    def now(self) -> float:
        return time.time()


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
