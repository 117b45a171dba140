"""The session engine: runs a routine against an injected clock and tells listeners what happens.

Every deadline is worked out as `anchor + paused time + active offset`, where the active offset of a step's
end is the active time its step started plus its planned seconds. Nothing is added up tick by tick, so a long
routine never drifts, and the next step starts at exactly the moment the previous one ends.

The engine never sleeps or schedules: a caller asks `next_deadline()`, waits (a Qt single-shot timer, a
sleep, or `FakeClock.advance`) and calls `poll()`.

A listener may give commands (stop on a step's end, pause at a cue). Such a command waits until the event
has reached every listener and the engine is between events, then takes effect at that event's time,
however late the poll that delivered it: listeners all hear the same events in the same order, and nothing
comes after SessionFinished.

Both sides: a step with `sides == BOTH` runs in three parts on the same offsets — the left side (its
`seconds`), a 3-second switch, the right side (its `seconds` again). Each side has its own countdown, final
countdown and tempo beats, and its own StepFinished (with `side` set), so the history holds one row per side.
Skip ends the part that runs now (left → switch → right → next step); back from the switch or the right side
starts the step again at its left side.

Sleep: given a `sleep_clock`, the engine notices that the computer slept and pauses itself where the session
was, with `Paused(reason=SLEEP)`; nothing that fell due during the sleep is delivered until the person goes
on (`resume()`). It counts as a sleep when, between two looks at the clocks,
- the sleep clock ran more than 30 s further than the monotonic clock (Linux and macOS stop the monotonic
  clock while asleep), or
- the engine is polled more than 30 s after its next deadline (where the monotonic clock runs on through
  a sleep, or the event loop stood still that long): a burst of skipped steps would follow otherwise.
The app passes a SleepClock as `sleep_clock` (Linux's boot clock: it runs through a sleep but not when the
time of day is set), so a wall-clock jump of an hour either way changes nothing; only where no such clock
exists does a big jump of the time set by hand also pause — one key press, never a step.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from enum import Enum, auto

from selfmassage.core.clock import Clock
from selfmassage.core.events import (
    Event,
    FinalCountdown,
    Paused,
    PauseReason,
    Resumed,
    SecondLeft,
    SessionFinished,
    SessionStatus,
    SideStarted,
    SideSwitch,
    StageChanged,
    StepFinished,
    StepStarted,
    TempoBeat,
)
from selfmassage.core.routine import Routine, Step
from selfmassage.core.techniques import SIDE_SWITCH_SECONDS, Intensity, Side, Stage, Technique
from selfmassage.i18n import N_, _

FINAL_COUNTDOWN_SECONDS = 3
# Finish gently: this long of light stroking on the area you were working, instead of an abrupt stop.
GENTLE_FINISH_SECONDS = 30
GENTLE_FINISH_NOTE = N_("Stroke lightly and slowly, toward your heart, to finish gently.")  # shown as _()
# More than this many seconds unaccounted for between two looks at the clocks: the computer slept.
SLEEP_GAP_SECONDS = 30.0

Listener = Callable[[Event], None]


class EngineState(Enum):
    READY = auto()
    RUNNING = auto()
    PAUSED = auto()
    FINISHED = auto()


class StepPart(Enum):
    """What of the step runs now: all of it (one side), or a side or the switch of a both-sides step."""

    WHOLE = auto()
    LEFT = auto()
    SWITCH = auto()
    RIGHT = auto()

    @property
    def side(self) -> Side | None:
        return {StepPart.LEFT: Side.LEFT, StepPart.RIGHT: Side.RIGHT}.get(self)


@dataclass(frozen=True)
class StepRecord:
    """One step as it was done: for the summary and the history."""

    index: int
    step: Step
    planned_seconds: int
    actual_seconds: float
    skipped: bool
    side: Side | None = None  # set for each side of a both-sides step


class SessionEngine:
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
        self.routine = routine
        self._clock = clock
        self._sleep_clock = sleep_clock  # None: no sleep watch (tests, previews, the terminal runner)
        self._sleep_gap = sleep_gap
        self._seen: tuple[float, float] | None = None  # (clock, wall) at the last look
        self.pause_reason: PauseReason | None = None
        self._tempo_beats = tempo_beats
        self._listeners: list[Listener] = []
        self.state = EngineState.READY
        self.records: list[StepRecord] = []
        self.status: SessionStatus | None = None
        self._anchor = 0.0  # clock time at start
        self._paused_total = 0.0  # clock seconds spent paused
        self._paused_since = 0.0  # clock time the pause began
        self._paused_at = 0.0  # active time the pause began
        self._finished_at = 0.0
        self._index = 0
        self._part = StepPart.WHOLE
        self._step_start = 0.0  # active time at which the current part of the step started
        self._pending: list[tuple[float, Event]] = []  # this step's timed events, in order
        self._cursor = 0
        # While listeners hear an event, commands they give wait here (see the module docstring).
        self._emitting = False
        self._deferred: list[Callable[[], None]] = []
        self._settling = False
        # The moment being handled, as (active time, clock time); None: ask the clock.
        self._moment: tuple[float, float] | None = None
        self._closing = False  # finishing gently: the last step is the closing stroking

    # -- listening ------------------------------------------------------------------------------

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def _emit(self, event: Event) -> None:
        outer, self._emitting = self._emitting, True
        try:
            for listener in list(self._listeners):
                listener(event)
        finally:
            self._emitting = outer

    def _deferred_by_listener(self, command: Callable[[], None]) -> bool:
        """True when a listener gave `command` mid-event: it is kept to run once the event is out."""
        if not self._emitting:
            return False
        self._deferred.append(command)
        return True

    @contextmanager
    def _handling(self, at: float, clock_time: float | None = None) -> Iterator[None]:
        """Handle one moment of the session; commands that listeners gave meanwhile run after it, at it."""
        outer = self._moment
        self._moment = (at, self._clock_now() if clock_time is None else clock_time)
        try:
            yield
            self._settle()
        finally:
            self._moment = outer

    def _settle(self) -> None:
        if self._settling:  # a command run from here handles its own moment; the loop below goes on
            return
        self._settling = True
        try:
            while self._deferred:
                self._deferred.pop(0)()
        finally:
            self._settling = False

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
            return self._paused_at
        if self.state is EngineState.FINISHED:
            return self._finished_at
        if self._moment is not None:
            return self._moment[0]
        return self._clock.now() - self._anchor - self._paused_total

    def lateness(self) -> float:
        """How long after its due time the event being delivered reaches listeners (0 between events).

        `active_time()` reads the event's own time during delivery; this reads the clock, for listeners
        that must not act on stale events (a stalled loop catching up).
        """
        if self._moment is None or self.state is not EngineState.RUNNING:
            return 0.0
        return max(0.0, self._clock.now() - self._anchor - self._paused_total - self._moment[0])

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
        return self._anchor + self._paused_total + self._next_offset()

    # -- commands --------------------------------------------------------------------------------

    def start(self) -> None:
        if self._deferred_by_listener(self.start) or self.state is not EngineState.READY:
            return
        self._anchor = self._clock.now()
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
            if not self._due(offset):
                return
            with self._handling(offset, self._anchor + self._paused_total + offset):
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
        self._paused_since = self._clock_now()
        self._paused_at = at
        self.state = EngineState.PAUSED
        self.pause_reason = PauseReason.USER
        with self._handling(at):
            self._emit(Paused(at=at))

    def resume(self) -> None:
        if self._deferred_by_listener(self.resume) or self.state is not EngineState.PAUSED:
            return
        at = self._paused_at
        # A listener resuming at the moment it paused makes no pause at all.
        self._paused_total += self._clock_now() - self._paused_since
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
        if self._sleep_clock is not None:
            self._seen = (self._clock.now(), self._sleep_clock.now())

    def _slept(self) -> bool:
        """Pause where the session was when the computer went to sleep; True when it did."""
        if (self._sleep_clock is None or self._seen is None or self._moment is not None
                or self.state is not EngineState.RUNNING):
            return False
        now, wall = self._clock.now(), self._sleep_clock.now()
        seen_now, seen_wall = self._seen
        self._seen = (now, wall)
        deadline = self.next_deadline()
        wall_ran_ahead = (wall - seen_wall) - (now - seen_now) > self._sleep_gap
        overdue = deadline is not None and now - deadline > self._sleep_gap
        if not (wall_ran_ahead or overdue):
            return False
        # The last look is where the session was: everything due up to it was delivered, nothing after.
        self._paused_since = min(seen_now, now)
        at = self._paused_at = self._paused_since - self._anchor - self._paused_total
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

    def _due(self, offset: float) -> bool:
        if self._moment is not None:  # a listener's command: only what is due at this very moment
            return offset <= self._moment[0]
        # The very sum next_deadline() returns: `now - anchor - paused >= offset` can round the
        # other way, and a timer that woke exactly at the deadline would then find nothing due.
        return self._clock.now() >= self._anchor + self._paused_total + offset

    def _clock_now(self) -> float:
        """The clock time of the moment being handled: for an overdue event, when it was due."""
        return self._clock.now() if self._moment is None else self._moment[1]

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
        timed: list[tuple[float, int, Event]] = []
        seconds = self.part_seconds
        working = self._part is not StepPart.SWITCH  # the switch has a countdown and nothing else
        for left in range(seconds - 1, 0, -1):
            at = start + seconds - left
            timed.append((at, 0, SecondLeft(at=at, index=index, seconds_left=left)))
            if working and left <= FINAL_COUNTDOWN_SECONDS:
                timed.append((at, 1, FinalCountdown(at=at, index=index, seconds_left=left)))
        if working and self._tempo_beats and step.technique is Technique.RUBBING:
            period = 60.0 / self.routine.tempo
            beat = 1
            # Work each beat out from the part's start, never by adding periods.
            while beat * period < seconds - 1e-9:
                at = start + beat * period
                timed.append((at, 2, TempoBeat(at=at, index=index, beat=beat)))
                beat += 1
        timed.sort(key=lambda item: (item[0], item[1]))
        return [(at, event) for at, _order, event in timed]

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
