"""What a UI reads of a running session: the step and the part of it that run now, and the session's times
(active time, time left in the step and in the routine, the next deadline). The engine (core/engine.py)
moves the session on; this class holds where it is and only reads it."""

from __future__ import annotations

from selfmassage.core.clock import Clock
from selfmassage.core.engine_state import EngineState, StepPart
from selfmassage.core.event_delivery import EventDelivery
from selfmassage.core.routine import Routine, Step
from selfmassage.core.session_time import SessionTime
from selfmassage.core.step_timeline import RunningPart
from selfmassage.core.techniques import Side


class EngineReadout(EventDelivery):
    def __init__(self, routine: Routine, clock: Clock, *, tempo_beats: bool) -> None:
        super().__init__()
        self._current = RunningPart(routine, tempo_beats=tempo_beats)  # the step and part that run now
        self._time = SessionTime(clock)
        self.state = EngineState.READY
        self._finished_at = 0.0  # active time at the end

    @property
    def routine(self) -> Routine:
        """The routine being run (with its closing stroking once a gentle finish began)."""
        return self._current.routine

    @property
    def index(self) -> int:
        return self._current.index

    @property
    def step(self) -> Step:
        return self._current.step

    @property
    def part(self) -> StepPart:
        return self._current.part

    @property
    def side(self) -> Side | None:
        """The side being worked now; None for a one-side step and during the switch."""
        return self._current.part.side

    @property
    def switching(self) -> bool:
        return self._current.part is StepPart.SWITCH

    @property
    def part_seconds(self) -> int:
        """Length of the countdown that runs now: the step's seconds (per side), or the switch."""
        return self._current.seconds

    @property
    def next_step(self) -> Step | None:
        return self._current.next_step

    def active_time(self) -> float:
        """Seconds of massage so far, pauses excluded."""
        if self.state is EngineState.READY:
            return 0.0
        if self.state is EngineState.PAUSED:
            return self._time.paused_at
        if self.state is EngineState.FINISHED:
            return self._finished_at
        return self._time.active()

    def lateness(self) -> float:
        """How long after its due time the event being delivered reaches listeners (0 between events).

        `active_time()` reads the event's own time during delivery; this reads the clock, for listeners
        that must not act on stale events (a stalled loop catching up).
        """
        return self._time.lateness() if self.state is EngineState.RUNNING else 0.0

    def step_elapsed(self) -> float:
        """Seconds into what runs now: the step, or this side or the switch of a both-sides step."""
        return self._current.elapsed(self.active_time())

    def step_remaining(self) -> float:
        """Seconds left on the countdown that runs now (per side for a both-sides step)."""
        if self.state is EngineState.FINISHED:
            return 0.0
        return self.part_seconds - self.step_elapsed()

    def total_remaining(self) -> float:
        """Time left in the whole routine if no step is skipped from here."""
        if self.state is EngineState.FINISHED:
            return 0.0
        return self.step_remaining() + self._current.seconds_after()

    def next_deadline(self) -> float | None:
        """Clock time of the next event, or None while paused, before start and after the end."""
        if self.state is not EngineState.RUNNING:
            return None
        return self._time.deadline(self._current.next_offset())
