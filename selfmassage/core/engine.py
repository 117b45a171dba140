"""The session engine: runs a routine against an injected clock and tells listeners what happens.

Every deadline is worked out from active time (core/session_time.py), never added up tick by tick, so a
long routine never drifts, and the next step starts at exactly the moment the previous one ends.

The engine never sleeps or schedules: a caller asks `next_deadline()`, waits (a Qt single-shot timer, a
sleep, or `FakeClock.advance`) and calls `poll()`.

Listeners hear events through `EventDelivery` (core/event_delivery.py); a command a listener gives waits
until the event is out, then takes effect at that event's time, however late the poll that delivered it.

Both sides: a step with `sides == BOTH` runs in three parts on the same offsets — the left side (its
`seconds`), a 3-second switch, the right side (its `seconds` again). Each side has its own countdown, final
countdown and tempo beats, and its own StepFinished (with `side` set), so the history holds one row per side.
Skip ends the part that runs now (left → switch → right → next step); back from the switch or the right side
starts the step again at its left side.

Sleep: given a `sleep_clock`, the engine notices that the computer slept (core/sleep_watch.py says how)
and pauses itself where the session was, with `Paused(reason=SLEEP)`; nothing that fell due during the sleep
is delivered until the person goes on (`resume()`).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace

from selfmassage.core.clock import Clock
from selfmassage.core.engine_state import EngineState, StepPart, StepRecord
from selfmassage.core.event_delivery import EventDelivery
from selfmassage.core.events import (
    Event,
    Paused,
    PauseReason,
    Resumed,
    SessionFinished,
    SessionStatus,
    SideStarted,
    SideSwitch,
    StageChanged,
    StepFinished,
    StepStarted,
)
from selfmassage.core.routine import Routine, Step
from selfmassage.core.session_time import SessionTime
from selfmassage.core.sleep_watch import SLEEP_GAP_SECONDS, SleepWatch
from selfmassage.core.step_timeline import part_timeline
from selfmassage.core.techniques import SIDE_SWITCH_SECONDS, Intensity, Side, Stage, Technique
from selfmassage.i18n import N_, _

# Finish gently: this long of light stroking on the area you were working, instead of an abrupt stop.
GENTLE_FINISH_SECONDS = 30
GENTLE_FINISH_NOTE = N_("Stroke lightly and slowly, toward your heart, to finish gently.")  # shown as _()


class SessionEngine(EventDelivery):
    def __init__(
        self,
        routine: Routine,
        clock: Clock,
        *,
        tempo_beats: bool = True,
        sleep_clock: Clock | None = None,
        sleep_gap: float = SLEEP_GAP_SECONDS,
    ) -> None:
        if not routine.steps:
            raise ValueError("a routine needs at least one step")
        super().__init__()
        self.routine = routine
        self._time = SessionTime(clock)
        # None: no sleep watch (tests, previews, the terminal runner)
        self._sleep = SleepWatch(clock, sleep_clock, sleep_gap) if sleep_clock is not None else None
        self.pause_reason: PauseReason | None = None
        self._tempo_beats = tempo_beats
        self.state = EngineState.READY
        self.records: list[StepRecord] = []
        self.status: SessionStatus | None = None
        self._finished_at = 0.0
        self._index = 0
        self._part = StepPart.WHOLE
        self._step_start = 0.0  # active time at which the current part of the step started
        self._pending: list[tuple[float, Event]] = []  # this step's timed events, in order
        self._cursor = 0
        self._closing = False  # finishing gently: the last step is the closing stroking

    # -- the moment being handled ------------------------------------------------------------

    @contextmanager
    def _handling(self, at: float, clock_time: float | None = None) -> Iterator[None]:
        """Handle one moment of the session; commands that listeners gave meanwhile run after it, at it."""
        with self._time.handling(at, clock_time):
            yield
            self._settle()

    # -- what a UI reads -------------------------------------------------------------------------

    @property
    def index(self) -> int:
        return self._index

    @property
    def step(self) -> Step:
        return self.routine.steps[self._index]

    @property
    def part(self) -> StepPart:
        return self._part

    @property
    def side(self) -> Side | None:
        """The side being worked now; None for a one-side step and during the switch."""
        return self._part.side

    @property
    def switching(self) -> bool:
        return self._part is StepPart.SWITCH

    @property
    def part_seconds(self) -> int:
        """Length of the countdown that runs now: the step's seconds (per side), or the switch."""
        return SIDE_SWITCH_SECONDS if self._part is StepPart.SWITCH else self.step.seconds

    @property
    def next_step(self) -> Step | None:
        steps = self.routine.steps
        return steps[self._index + 1] if self._index + 1 < len(steps) else None

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
        return max(0.0, min(self.active_time() - self._step_start, float(self.part_seconds)))

    def step_remaining(self) -> float:
        """Seconds left on the countdown that runs now (per side for a both-sides step)."""
        if self.state is EngineState.FINISHED:
            return 0.0
        return self.part_seconds - self.step_elapsed()

    def total_remaining(self) -> float:
        """Time left in the whole routine if no step is skipped from here."""
        if self.state is EngineState.FINISHED:
            return 0.0
        seconds = self.step.seconds
        rest_of_step = {StepPart.LEFT: SIDE_SWITCH_SECONDS + seconds, StepPart.SWITCH: seconds}
        later = sum(step.total_seconds for step in self.routine.steps[self._index + 1 :])
        return self.step_remaining() + rest_of_step.get(self._part, 0) + later

    def next_deadline(self) -> float | None:
        """Clock time of the next event, or None while paused, before start and after the end."""
        if self.state is not EngineState.RUNNING:
            return None
        return self._time.deadline(self._next_offset())

    # -- commands --------------------------------------------------------------------------------

    def start(self) -> None:
        if self._deferred_by_listener(self.start) or self.state is not EngineState.READY:
            return
        self._time.start()
        self.state = EngineState.RUNNING
        self._look_at_clocks()
        with self._handling(0.0):
            self._enter_step(0, at=0.0, previous=None, by_user=False)

    def poll(self) -> None:
        """Deliver every event that is due by now, in order; after a sleep, pause instead."""
        if self._deferred_by_listener(self.poll) or self._slept():
            return
        while self.state is EngineState.RUNNING:
            offset = self._next_offset()
            if not self._time.due(offset):
                return
            with self._handling(offset, self._time.deadline(offset)):
                if self._cursor < len(self._pending):
                    _due, event = self._pending[self._cursor]
                    self._cursor += 1
                    self._emit(event)
                else:
                    self._end_part(at=offset, by_user=False)

    def pause(self) -> None:
        if self._deferred_by_listener(self.pause) or self.state is not EngineState.RUNNING:
            return
        self.poll()  # deliver what was due before the pause
        if self.state is not EngineState.RUNNING:
            return
        at = self.active_time()
        self._time.pause(at, self._time.clock_now())
        self.state = EngineState.PAUSED
        self.pause_reason = PauseReason.USER
        with self._handling(at):
            self._emit(Paused(at=at))

    def resume(self) -> None:
        if self._deferred_by_listener(self.resume) or self.state is not EngineState.PAUSED:
            return
        at = self._time.paused_at
        self._time.resume()  # a listener resuming at the moment it paused makes no pause at all
        self.state = EngineState.RUNNING
        self.pause_reason = None
        self._look_at_clocks()  # a sleep while paused cost nothing: measure from here
        with self._handling(at):
            self._emit(Resumed(at=at))

    def toggle_pause(self) -> None:
        if self._deferred_by_listener(self.toggle_pause):
            return
        if self.state is EngineState.RUNNING:
            self.pause()
        elif self.state is EngineState.PAUSED:
            self.resume()

    def skip(self) -> None:
        """End what runs now and go on: the next step (or finish, after the last); in a both-sides
        step, from the left side to the switch and from the switch to the right side."""
        if self._deferred_by_listener(self.skip) or not self._catch_up():
            return
        at = self.active_time()
        with self._handling(at):
            self._end_part(at=at, by_user=True)

    def back(self) -> None:
        """Go to the previous step; on the first step, start it again. From the switch or the right side of
        a both-sides step, start that step again at its left side."""
        if self._deferred_by_listener(self.back) or not self._catch_up():
            return
        at = self.active_time()
        again = self._part in (StepPart.SWITCH, StepPart.RIGHT)
        with self._handling(at):
            if self._part is not StepPart.SWITCH:  # the left side is on record already
                self._finish_step(at=at, skipped=True)
            self._advance(self._index if again else max(0, self._index - 1), at=at, by_user=True)

    def finish_gently(self, seconds: int = GENTLE_FINISH_SECONDS) -> None:
        """Stop, but not abruptly: end what runs now, then light stroking on the same area for `seconds`,
        then the end (stopped, not completed). An abrupt stop is one of the things that cause pain."""
        if self._deferred_by_listener(lambda: self.finish_gently(seconds)):
            return
        if self.state is EngineState.PAUSED:
            self.resume()
        if not self._catch_up() or self._closing:
            return
        at = self.active_time()
        closing = Step(stage=Stage.FINAL, technique=Technique.STROKING, area=self.step.area, seconds=seconds,
                       intensity=Intensity.LIGHT, note=_(GENTLE_FINISH_NOTE))
        with self._handling(at):
            if self._part is not StepPart.SWITCH:
                self._finish_step(at=at, skipped=True)
            self.routine = replace(self.routine, steps=(*self.routine.steps[:self._index + 1], closing))
            self._closing = True
            self._advance(self._index + 1, at=at, by_user=True)

    @property
    def closing(self) -> bool:
        """The light stroking of a gentle finish is running."""
        return self._closing

    def stop(self) -> None:
        if self._deferred_by_listener(self.stop):
            return
        if self.state is EngineState.READY:
            with self._handling(0.0):
                self._finish(0.0, SessionStatus.STOPPED)
            return
        if not self._catch_up():
            return
        at = self.active_time()
        with self._handling(at):
            self._finish_step(at=at, skipped=True)
            self._finish(at, SessionStatus.STOPPED)

    # -- inner workings --------------------------------------------------------------------------

    def _look_at_clocks(self) -> None:
        if self._sleep is not None:
            self._sleep.look()

    def _slept(self) -> bool:
        """Pause where the session was when the computer went to sleep; True when it did."""
        if self._sleep is None or self._time.moment is not None or self.state is not EngineState.RUNNING:
            return False
        last_look = self._sleep.slept_since(self.next_deadline())
        if last_look is None:
            return False
        # The last look is where the session was: everything due up to it was delivered, nothing after.
        at = self._time.active_at(last_look)
        self._time.pause(at, last_look)
        self.state = EngineState.PAUSED
        self.pause_reason = PauseReason.SLEEP
        with self._handling(at):
            self._emit(Paused(at=at, reason=PauseReason.SLEEP))
        return True

    def _catch_up(self) -> bool:
        """Deliver overdue events first; True when there is still a running or paused step."""
        if self.state is EngineState.RUNNING:
            self.poll()
        return self.state in (EngineState.RUNNING, EngineState.PAUSED)

    def _next_offset(self) -> float:
        if self._cursor < len(self._pending):
            return self._pending[self._cursor][0]
        return self._step_start + self.part_seconds

    def _end_part(self, *, at: float, by_user: bool) -> None:
        """What runs now is over (its time ran out, or skip): go on to the next part or step."""
        if self._part is StepPart.SWITCH:
            self._enter_part(StepPart.RIGHT, at=at)
            return
        self._finish_step(at=at, skipped=by_user)
        if self._part is StepPart.LEFT:
            self._enter_part(StepPart.SWITCH, at=at)
            self._emit(SideSwitch(at=at, index=self._index, seconds=SIDE_SWITCH_SECONDS))
            return
        self._advance(self._index + 1, at=at, by_user=by_user)

    def _enter_part(self, part: StepPart, *, at: float) -> None:
        self._part = part
        self._step_start = at
        self._pending = self._timeline(self._index, self.step, at)
        self._cursor = 0
        if part.side is Side.RIGHT:
            self._emit(SideStarted(at=at, index=self._index, side=Side.RIGHT))

    def _advance(self, index: int, *, at: float, by_user: bool) -> None:
        if index >= len(self.routine.steps):
            # A gentle finish ends a session cut short: it was stopped, however softly.
            self._finish(at, SessionStatus.STOPPED if self._closing else SessionStatus.COMPLETED)
            return
        self._enter_step(index, at=at, previous=self.step.stage, by_user=by_user)

    def _enter_step(self, index: int, *, at: float, previous: object, by_user: bool) -> None:
        self._index = index
        step = self.step
        if step.stage != previous:
            self._emit(StageChanged(at=at, stage=step.stage, previous=previous))  # type: ignore[arg-type]
        self._enter_part(StepPart.LEFT if step.both_sides else StepPart.WHOLE, at=at)
        self._emit(StepStarted(at=at, index=index, step=step, next_step=self.next_step,
                               by_user=by_user, closing=self._closing))
        if step.both_sides:
            self._emit(SideStarted(at=at, index=index, side=Side.LEFT))

    def _timeline(self, index: int, step: Step, start: float) -> list[tuple[float, Event]]:
        """The timed events of the part that starts now at `start`: countdown, final ticks, beats."""
        beats = self._tempo_beats and step.technique is Technique.RUBBING
        return part_timeline(index, start, self.part_seconds, working=self._part is not StepPart.SWITCH,
                             beat_period=60.0 / self.routine.tempo if beats else None)

    def _finish_step(self, *, at: float, skipped: bool) -> None:
        step = self.step
        actual = max(0.0, at - self._step_start)
        side = self._part.side
        if self._part is StepPart.SWITCH:  # stopped between the sides: the right side never started
            side, actual = Side.RIGHT, 0.0
        self.records.append(StepRecord(self._index, step, step.seconds, actual, skipped, side))
        self._emit(StepFinished(at=at, index=self._index, step=step, planned_seconds=step.seconds,
                                actual_seconds=actual, skipped=skipped, side=side))

    def _finish(self, at: float, status: SessionStatus) -> None:
        self.state = EngineState.FINISHED
        self._finished_at = at
        self.status = status
        self._pending = []
        self._cursor = 0
        # Distinct steps: a step done again after `back` is still one step of the routine.
        done = len({record.index for record in self.records if not record.skipped})
        self._emit(SessionFinished(at=at, status=status, active_seconds=at, steps_done=done))
