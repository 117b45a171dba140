"""The part of a step that runs now (a whole step, a side, or the switch between the sides) and its timed
events: the countdown's seconds, the final countdown and the tempo beats, each at its offset from the
part's start, handed out in order as they fall due."""

from __future__ import annotations

from selfmassage.core.engine_state import StepPart
from selfmassage.core.events import Event, FinalCountdown, SecondLeft, TempoBeat
from selfmassage.core.routine import Routine, Step
from selfmassage.core.techniques import SIDE_SWITCH_SECONDS, Technique

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


class RunningPart:
    """Where in the routine the session is: step `index`, its `part`, started at active time `start`, and
    the part's timed events not yet handed out."""

    def __init__(self, routine: Routine, *, tempo_beats: bool) -> None:
        self.routine = routine
        self._tempo_beats = tempo_beats
        self.index = 0
        self.part = StepPart.WHOLE
        self.start = 0.0
        self._pending: list[tuple[float, Event]] = []
        self._cursor = 0

    @property
    def step(self) -> Step:
        return self.routine.steps[self.index]

    @property
    def next_step(self) -> Step | None:
        steps = self.routine.steps
        return steps[self.index + 1] if self.index + 1 < len(steps) else None

    @property
    def seconds(self) -> int:
        """The part's countdown: the step's seconds (per side), or the switch."""
        return SIDE_SWITCH_SECONDS if self.part is StepPart.SWITCH else self.step.seconds

    def enter(self, index: int, part: StepPart, *, at: float) -> None:
        """Step `index`'s `part` starts at active time `at`."""
        self.index, self.part, self.start = index, part, at
        step = self.step
        beats = self._tempo_beats and step.technique is Technique.RUBBING
        self._pending = part_timeline(index, at, self.seconds, working=part is not StepPart.SWITCH,
                                      beat_period=60.0 / self.routine.tempo if beats else None)
        self._cursor = 0

    def next_offset(self) -> float:
        """Active time of what falls due next: the next timed event, else the part's end."""
        if self._cursor < len(self._pending):
            return self._pending[self._cursor][0]
        return self.start + self.seconds

    def take_event(self) -> Event | None:
        """The next timed event, counted as handed out; None when the part's end is what falls due."""
        if self._cursor >= len(self._pending):
            return None
        self._cursor += 1
        return self._pending[self._cursor - 1][1]

    def end(self) -> None:
        """The session is over: no more timed events."""
        self._pending, self._cursor = [], 0

    def elapsed(self, active: float) -> float:
        """Seconds into the part at active time `active`, within its countdown."""
        return max(0.0, min(active - self.start, float(self.seconds)))

    def seconds_after(self) -> int:
        """The routine's seconds after this part, if no step is skipped: the rest of a both-sides step, then
        every later step."""
        seconds = self.step.seconds
        rest_of_step = {StepPart.LEFT: SIDE_SWITCH_SECONDS + seconds, StepPart.SWITCH: seconds}
        later = sum(step.total_seconds for step in self.routine.steps[self.index + 1 :])
        return rest_of_step.get(self.part, 0) + later
