"""The session engine: runs a routine against an injected clock and tells listeners what happens.

Every deadline is worked out from active time (core/session_time.py), never added up tick by tick, so a
long routine never drifts, and the next step starts at exactly the moment the previous one ends.

The engine never sleeps or schedules: a caller asks `next_deadline()`, waits (a Qt single-shot timer, a
sleep, or `FakeClock.advance`) and calls `poll()`.

Listeners hear events through `EventDelivery` (core/event_delivery.py); a command a listener gives waits
until the event is out, then takes effect at that event's time, however late the poll that delivered it.
What a UI reads of the session (the step and part that run now, the times left) is `EngineReadout`
(core/engine_readout.py); the part that runs now and its timed events, `RunningPart` (core/step_timeline.py).

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
from selfmassage.core.engine_readout import EngineReadout
from selfmassage.core.engine_state import EngineState, StepPart, StepRecord
from selfmassage.core.events import (
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
from selfmassage.core.sleep_watch import SLEEP_GAP_SECONDS, SleepWatch
from selfmassage.core.techniques import SIDE_SWITCH_SECONDS, Intensity, Side, Stage, Technique
from selfmassage.i18n import N_, _

# Finish gently: this long of light stroking on the area you were working, instead of an abrupt stop.
GENTLE_FINISH_SECONDS = 30
GENTLE_FINISH_NOTE = N_("Stroke lightly and slowly, toward your heart, to finish gently.")  # shown as _()


class SessionEngine(EngineReadout):
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
        super().__init__(routine, clock, tempo_beats=tempo_beats)
        # None: no sleep watch (tests, previews, the terminal runner)
        self._sleep = SleepWatch(clock, sleep_clock, sleep_gap) if sleep_clock is not None else None
        self.pause_reason: PauseReason | None = None
        self.records: list[StepRecord] = []
        self.status: SessionStatus | None = None
        self._closing = False  # finishing gently: the last step is the closing stroking

    # -- the moment being handled ------------------------------------------------------------

    @contextmanager
    def _handling(self, at: float, clock_time: float | None = None) -> Iterator[None]:
        """Handle one moment of the session; commands that listeners gave meanwhile run after it, at it."""
        with self._time.handling(at, clock_time):
            yield
            self._settle()

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
            offset = self._current.next_offset()
            if not self._time.due(offset):
                return
            with self._handling(offset, self._time.deadline(offset)):
                event = self._current.take_event()
                if event is not None:
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
        again = self.part in (StepPart.SWITCH, StepPart.RIGHT)
        with self._handling(at):
            if self.part is not StepPart.SWITCH:  # the left side is on record already
                self._finish_step(at=at, skipped=True)
            self._advance(self.index if again else max(0, self.index - 1), at=at, by_user=True)

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
            if self.part is not StepPart.SWITCH:
                self._finish_step(at=at, skipped=True)
            kept = self.routine.steps[:self.index + 1]
            self._current.routine = replace(self.routine, steps=(*kept, closing))
            self._closing = True
            self._advance(self.index + 1, at=at, by_user=True)

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

    def _end_part(self, *, at: float, by_user: bool) -> None:
        """What runs now is over (its time ran out, or skip): go on to the next part or step."""
        if self.part is StepPart.SWITCH:
            self._current.enter(self.index, StepPart.RIGHT, at=at)
            self._emit(SideStarted(at=at, index=self.index, side=Side.RIGHT))
            return
        self._finish_step(at=at, skipped=by_user)
        if self.part is StepPart.LEFT:
            self._current.enter(self.index, StepPart.SWITCH, at=at)
            self._emit(SideSwitch(at=at, index=self.index, seconds=SIDE_SWITCH_SECONDS))
            return
        self._advance(self.index + 1, at=at, by_user=by_user)

    def _advance(self, index: int, *, at: float, by_user: bool) -> None:
        if index >= len(self.routine.steps):
            # A gentle finish ends a session cut short: it was stopped, however softly.
            self._finish(at, SessionStatus.STOPPED if self._closing else SessionStatus.COMPLETED)
            return
        self._enter_step(index, at=at, previous=self.step.stage, by_user=by_user)

    def _enter_step(self, index: int, *, at: float, previous: object, by_user: bool) -> None:
        step = self.routine.steps[index]
        self._current.enter(index, StepPart.LEFT if step.both_sides else StepPart.WHOLE, at=at)
        if step.stage != previous:
            self._emit(StageChanged(at=at, stage=step.stage, previous=previous))  # type: ignore[arg-type]
        self._emit(StepStarted(at=at, index=index, step=step, next_step=self.next_step,
                               by_user=by_user, closing=self._closing))
        if step.both_sides:
            self._emit(SideStarted(at=at, index=index, side=Side.LEFT))

    def _finish_step(self, *, at: float, skipped: bool) -> None:
        step = self.step
        actual = max(0.0, at - self._current.start)
        side = self.part.side
        if self.part is StepPart.SWITCH:  # stopped between the sides: the right side never started
            side, actual = Side.RIGHT, 0.0
        self.records.append(StepRecord(self.index, step, step.seconds, actual, skipped, side))
        self._emit(StepFinished(at=at, index=self.index, step=step, planned_seconds=step.seconds,
                                actual_seconds=actual, skipped=skipped, side=side))

    def _finish(self, at: float, status: SessionStatus) -> None:
        self.state = EngineState.FINISHED
        self._finished_at = at
        self.status = status
        self._current.end()
        # Distinct steps: a step done again after `back` is still one step of the routine.
        done = len({record.index for record in self.records if not record.skipped})
        self._emit(SessionFinished(at=at, status=status, active_seconds=at, steps_done=done))
