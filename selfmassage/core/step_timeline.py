"""The timed events of one part of a step (a whole step, a side, or the switch between the sides): the
countdown's seconds, the final countdown and the tempo beats, each at its offset from the part's start."""

from __future__ import annotations

from selfmassage.core.events import Event, FinalCountdown, SecondLeft, TempoBeat

FINAL_COUNTDOWN_SECONDS = 3


def part_timeline(index: int, start: float, seconds: int, *, working: bool,
                  beat_period: float | None) -> list[tuple[float, Event]]:
    """The part of step `index` that runs `seconds` from active time `start`, in order. `working` is False
    for the switch (a countdown and nothing else); `beat_period` is set for a rubbing step with beats."""
    timed: list[tuple[float, int, Event]] = []
    for left in range(seconds - 1, 0, -1):
        at = start + seconds - left
        timed.append((at, 0, SecondLeft(at=at, index=index, seconds_left=left)))
        if working and left <= FINAL_COUNTDOWN_SECONDS:
            timed.append((at, 1, FinalCountdown(at=at, index=index, seconds_left=left)))
    if working and beat_period is not None:
        beat = 1
        # Work each beat out from the part's start, never by adding periods.
        while beat * beat_period < seconds - 1e-9:
            at = start + beat * beat_period
            timed.append((at, 2, TempoBeat(at=at, index=index, beat=beat)))
            beat += 1
    timed.sort(key=lambda item: (item[0], item[1]))
    return [(at, event) for at, _order, event in timed]
