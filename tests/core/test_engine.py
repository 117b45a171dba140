"""The session engine against a fake clock: what a person hears and sees, second by second.

Times in events are the session's active time (pauses excluded); the FakeClock starts at 1000.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable

import pytest

from selfmassage.core.clock import FakeClock, ScaledClock
from selfmassage.core.engine import EngineState, SessionEngine
from selfmassage.core.events import (
    Event,
    FinalCountdown,
    Paused,
    Resumed,
    SecondLeft,
    SessionFinished,
    SessionStatus,
    StageChanged,
    StepFinished,
    StepStarted,
    TempoBeat,
)
from selfmassage.core.routine import Routine, Step
from selfmassage.core.techniques import Intensity, Stage, Technique

P, M, D, F = Stage.PREPARATORY, Stage.MEDIUM_DEEP, Stage.DEEP, Stage.FINAL
STROKING, RUBBING, KNEADING = Technique.STROKING, Technique.RUBBING, Technique.KNEADING
START = 1000.0


def step(technique: Technique, seconds: int, stage: Stage = P, area: str = "lower back") -> Step:
    return Step(stage=stage, technique=technique, area=area, seconds=seconds,
                intensity=Intensity.LIGHT)


def routine(*steps: Step, tempo: int = 80) -> Routine:
    return Routine(name="Test", steps=steps, tempo=tempo)


class Session:
    """An engine on a FakeClock with a listener that keeps every event."""

    def __init__(self, routine: Routine, *, tempo_beats: bool = True) -> None:
        self.clock = FakeClock(START)
        self.engine = SessionEngine(routine, self.clock, tempo_beats=tempo_beats)
        self.events: list[Event] = []
        self.engine.subscribe(self.events.append)

    def start(self) -> Session:
        self.engine.start()
        return self

    def advance(self, seconds: float) -> list[Event]:
        """Move the clock, poll once, and return what that delivered."""
        before = len(self.events)
        self.clock.advance(seconds)
        self.engine.poll()
        return self.events[before:]

    def run_to_end(self, step_seconds: float = 1.0) -> None:
        while self.engine.state is not EngineState.FINISHED:
            self.advance(step_seconds)

    def of(self, kind: type) -> list:
        return [event for event in self.events if isinstance(event, kind)]

    def finished(self) -> SessionFinished:
        (event,) = self.of(SessionFinished)
        assert self.events[-1] is event, "SessionFinished must be the very last event"
        return event


def assert_in_time_order(events: list[Event]) -> None:
    times = [event.at for event in events]
    assert times == sorted(times)


# -- the sequence of events -------------------------------------------------------------------------

def test_the_event_sequence_of_a_small_routine() -> None:
    first, second, last = step(STROKING, 5, P), step(RUBBING, 4, M), step(STROKING, 2, F)
    run = Session(routine(first, second, last, tempo=60)).start()
    run.run_to_end()
    assert run.events == [
        StageChanged(0.0, P, None),
        StepStarted(0.0, 0, first, next_step=second),
        SecondLeft(1.0, 0, 4),
        SecondLeft(2.0, 0, 3), FinalCountdown(2.0, 0, 3),
        SecondLeft(3.0, 0, 2), FinalCountdown(3.0, 0, 2),
        SecondLeft(4.0, 0, 1), FinalCountdown(4.0, 0, 1),
        StepFinished(5.0, 0, first, planned_seconds=5, actual_seconds=5.0, skipped=False),
        StageChanged(5.0, M, P),
        StepStarted(5.0, 1, second, next_step=last),
        SecondLeft(6.0, 1, 3), FinalCountdown(6.0, 1, 3), TempoBeat(6.0, 1, 1),
        SecondLeft(7.0, 1, 2), FinalCountdown(7.0, 1, 2), TempoBeat(7.0, 1, 2),
        SecondLeft(8.0, 1, 1), FinalCountdown(8.0, 1, 1), TempoBeat(8.0, 1, 3),
        StepFinished(9.0, 1, second, planned_seconds=4, actual_seconds=4.0, skipped=False),
        StageChanged(9.0, F, M),
        StepStarted(9.0, 2, last, next_step=None),
        SecondLeft(10.0, 2, 1), FinalCountdown(10.0, 2, 1),
        StepFinished(11.0, 2, last, planned_seconds=2, actual_seconds=2.0, skipped=False),
        SessionFinished(11.0, SessionStatus.COMPLETED, active_seconds=11.0, steps_done=3),
    ]
    assert run.engine.status is SessionStatus.COMPLETED
    assert [(r.index, r.planned_seconds, r.actual_seconds, r.skipped) for r in run.engine.records] == [
        (0, 5, 5.0, False), (1, 4, 4.0, False), (2, 2, 2.0, False)]


def test_no_stage_changed_between_steps_of_the_same_stage() -> None:
    run = Session(routine(step(STROKING, 2, P), step(RUBBING, 2, P), step(STROKING, 2, F))).start()
    run.run_to_end()
    assert [(e.at, e.stage, e.previous) for e in run.of(StageChanged)] == [(0.0, P, None), (4.0, F, P)]


def test_a_one_second_step_has_no_countdown() -> None:
    run = Session(routine(step(STROKING, 1))).start()
    run.run_to_end()
    assert run.of(SecondLeft) == [] and run.of(FinalCountdown) == []
    assert run.finished().at == 1.0


def test_ten_seconds_of_rubbing_at_tempo_60_beats_at_each_whole_second() -> None:
    run = Session(routine(step(RUBBING, 10), tempo=60)).start()
    run.run_to_end(0.25)
    assert [(b.at, b.beat) for b in run.of(TempoBeat)] == [(float(k), k) for k in range(1, 10)]


def test_rubbing_at_tempo_90_beats_every_two_thirds_of_a_second() -> None:
    # A beat at the step's end would clash with the next step's cue, so there is none at 10 s.
    run = Session(routine(step(STROKING, 3), step(RUBBING, 10), tempo=90)).start()
    run.run_to_end(0.1)
    beats = run.of(TempoBeat)
    assert [b.beat for b in beats] == list(range(1, 15))
    for beat in beats:
        assert beat.index == 1
        # Each beat from the step's start (3 s), not by adding periods one after another.
        assert beat.at == pytest.approx(3.0 + beat.beat * 2 / 3, abs=1e-9)
    assert beats[-1].at < 13.0


def test_only_rubbing_gets_beats_and_they_can_be_turned_off() -> None:
    run = Session(routine(step(STROKING, 5), step(KNEADING, 5), step(RUBBING, 5))).start()
    run.run_to_end()
    assert {b.index for b in run.of(TempoBeat)} == {2}
    quiet = Session(routine(step(RUBBING, 10)), tempo_beats=False).start()
    quiet.run_to_end()
    assert quiet.of(TempoBeat) == []
    assert len(quiet.of(SecondLeft)) == 9


# -- pause and resume -------------------------------------------------------------------------------

def test_time_while_paused_is_not_active_and_resume_continues_exactly() -> None:
    run = Session(routine(step(STROKING, 10))).start()
    run.advance(3.5)
    run.engine.pause()
    assert run.events[-1] == Paused(3.5)
    assert run.engine.state is EngineState.PAUSED
    assert run.engine.next_deadline() is None

    assert run.advance(100.0) == []  # nothing happens while paused
    assert run.engine.active_time() == 3.5
    assert run.engine.step_remaining() == 6.5

    run.engine.resume()
    assert run.events[-1] == Resumed(3.5)
    assert run.engine.next_deadline() == run.clock.now() + 0.5
    assert run.advance(0.49) == []
    assert run.advance(0.01) == [SecondLeft(4.0, 0, 6)]
    run.run_to_end()
    finished = run.finished()
    assert (finished.at, finished.active_seconds) == (10.0, 10.0)
    assert run.engine.records[0].actual_seconds == 10.0
    assert run.clock.now() - START == pytest.approx(110.0)


def test_pause_first_delivers_what_was_already_due() -> None:
    run = Session(routine(step(STROKING, 10))).start()
    run.clock.advance(2.0)  # not polled yet
    run.engine.pause()
    assert run.events[-3:] == [SecondLeft(1.0, 0, 9), SecondLeft(2.0, 0, 8), Paused(2.0)]


def test_toggle_pause_pauses_then_resumes() -> None:
    run = Session(routine(step(STROKING, 10))).start()
    run.advance(1.0)
    run.engine.toggle_pause()
    assert run.engine.state is EngineState.PAUSED
    run.advance(30.0)
    run.engine.toggle_pause()
    assert run.engine.state is EngineState.RUNNING
    assert run.engine.active_time() == 1.0


def test_pause_and_resume_twice_are_harmless() -> None:
    run = Session(routine(step(STROKING, 10))).start()
    run.advance(1.0)
    run.engine.pause()
    run.engine.pause()
    run.engine.resume()
    run.engine.resume()
    assert len(run.of(Paused)) == 1 and len(run.of(Resumed)) == 1


# -- skip -------------------------------------------------------------------------------------------

def test_skip_ends_the_step_now_and_the_next_starts_at_the_same_moment() -> None:
    a, b, c = step(STROKING, 10, P), step(KNEADING, 8, M), step(STROKING, 6, F)
    run = Session(routine(a, b, c)).start()
    run.advance(3.25)
    before = len(run.events)
    run.engine.skip()
    assert run.events[before:] == [
        StepFinished(3.25, 0, a, planned_seconds=10, actual_seconds=3.25, skipped=True),
        StageChanged(3.25, M, P),
        StepStarted(3.25, 1, b, next_step=c, by_user=True),
    ]
    assert run.engine.index == 1
    assert run.engine.step_remaining() == 8.0
    assert run.advance(1.0)[0] == SecondLeft(4.25, 1, 7)
    run.run_to_end()
    assert [s.at for s in run.of(StepStarted)] == [0.0, 3.25, 11.25]
    assert run.finished().at == 17.25
    assert [(r.index, r.actual_seconds, r.skipped) for r in run.engine.records] == [
        (0, 3.25, True), (1, 8.0, False), (2, 6.0, False)]


def test_skip_first_delivers_what_was_due_and_skips_the_step_running_now() -> None:
    a, b, c = step(STROKING, 10), step(KNEADING, 8), step(STROKING, 6)
    run = Session(routine(a, b, c)).start()
    run.clock.advance(12.0)  # the window did not poll: step a ended at 10 s, b is 2 s in
    run.engine.skip()
    assert [(r.index, r.actual_seconds, r.skipped) for r in run.engine.records] == [
        (0, 10.0, False), (1, 2.0, True)]
    assert run.events[-1] == StepStarted(12.0, 2, c, next_step=None, by_user=True)
    assert_in_time_order(run.events)


def test_skipping_the_last_step_completes_the_session() -> None:
    run = Session(routine(step(STROKING, 4), step(STROKING, 5))).start()
    run.advance(6.0)
    run.engine.skip()
    finished = run.finished()
    assert finished.status is SessionStatus.COMPLETED
    assert (finished.at, finished.active_seconds, finished.steps_done) == (6.0, 6.0, 1)
    assert run.engine.records[-1].skipped and run.engine.records[-1].actual_seconds == 2.0
    assert run.engine.next_deadline() is None


def test_skip_while_paused_shows_the_next_step_and_stays_paused() -> None:
    run = Session(routine(step(STROKING, 10), step(KNEADING, 8))).start()
    run.advance(2.0)
    run.engine.pause()
    run.engine.skip()
    assert run.events[-1] == StepStarted(2.0, 1, run.engine.routine.steps[1], None, by_user=True)
    assert run.engine.state is EngineState.PAUSED
    assert run.advance(60.0) == []
    run.engine.resume()
    assert run.advance(1.0)[0] == SecondLeft(3.0, 1, 7)


# -- back -------------------------------------------------------------------------------------------

def test_back_restarts_the_previous_step_in_full() -> None:
    a, b, c = step(STROKING, 10, P), step(RUBBING, 8, M), step(STROKING, 6, F)
    run = Session(routine(a, b, c)).start()
    run.advance(12.0)  # 2 s into b
    before = len(run.events)
    run.engine.back()
    assert run.events[before:] == [
        StepFinished(12.0, 1, b, planned_seconds=8, actual_seconds=2.0, skipped=True),
        StageChanged(12.0, P, M),
        StepStarted(12.0, 0, a, next_step=b, by_user=True),
    ]
    assert run.engine.step_remaining() == 10.0
    run.run_to_end()
    assert [(s.at, s.index) for s in run.of(StepStarted)] == [
        (0.0, 0), (10.0, 1), (12.0, 0), (22.0, 1), (30.0, 2)]
    assert run.finished().at == 36.0


def test_back_on_the_first_step_restarts_it() -> None:
    a = step(STROKING, 10)
    run = Session(routine(a, step(STROKING, 5))).start()
    run.advance(3.0)
    before = len(run.events)
    run.engine.back()
    assert run.events[before:] == [
        StepFinished(3.0, 0, a, planned_seconds=10, actual_seconds=3.0, skipped=True),
        StepStarted(3.0, 0, a, next_step=run.engine.routine.steps[1], by_user=True),
    ]
    assert run.engine.step_remaining() == 10.0
    assert run.advance(10.0)[-1].at == 13.0  # the next step starts 10 s after the restart


def test_a_step_done_twice_after_back_counts_once() -> None:
    run = Session(routine(step(STROKING, 3), step(STROKING, 3))).start()
    run.advance(4.0)
    run.engine.back()
    run.run_to_end()
    assert len(run.engine.records) == 4
    assert run.finished().steps_done == 2


# -- stop -------------------------------------------------------------------------------------------

def test_stop_ends_the_session_and_keeps_the_records() -> None:
    a, b = step(STROKING, 3), step(RUBBING, 10)
    run = Session(routine(a, b)).start()
    run.advance(4.5)
    run.engine.stop()
    assert run.events[-2:] == [
        StepFinished(4.5, 1, b, planned_seconds=10, actual_seconds=1.5, skipped=True),
        SessionFinished(4.5, SessionStatus.STOPPED, active_seconds=4.5, steps_done=1),
    ]
    assert run.engine.status is SessionStatus.STOPPED
    assert run.engine.state is EngineState.FINISHED
    records = list(run.engine.records)
    assert [(r.index, r.actual_seconds, r.skipped) for r in records] == [(0, 3.0, False), (1, 1.5, True)]

    count = len(run.events)
    run.advance(1000.0)
    for command in (run.engine.skip, run.engine.back, run.engine.pause, run.engine.resume,
                    run.engine.stop, run.engine.start, run.engine.poll):
        command()
    assert len(run.events) == count
    assert run.engine.records == records
    assert run.engine.next_deadline() is None
    assert run.engine.step_remaining() == 0.0 and run.engine.total_remaining() == 0.0


def test_stop_while_paused_counts_no_paused_time() -> None:
    run = Session(routine(step(STROKING, 10))).start()
    run.advance(2.0)
    run.engine.pause()
    run.advance(50.0)
    run.engine.stop()
    assert run.finished() == SessionFinished(2.0, SessionStatus.STOPPED, active_seconds=2.0, steps_done=0)


# -- what the UI reads ------------------------------------------------------------------------------

def test_remaining_time_for_the_step_and_the_routine() -> None:
    run = Session(routine(step(STROKING, 10), step(STROKING, 8), step(STROKING, 6)))
    assert run.engine.next_deadline() is None
    run.start()
    run.advance(3.5)
    assert run.engine.step_remaining() == 6.5
    assert run.engine.total_remaining() == 20.5
    assert run.engine.next_step is run.engine.routine.steps[1]


# -- timing: no drift, no gap, big jumps, late polls --------------------------------------------------

def test_no_drift_and_no_gap_over_1000_steps_polled_at_jittery_times() -> None:
    rng = random.Random(20240601)
    steps = [step((STROKING, RUBBING, KNEADING)[i % 3], rng.randint(1, 7)) for i in range(1000)]
    run = Session(routine(*steps, tempo=90)).start()
    while run.engine.state is not EngineState.FINISHED:
        # Real timers wake late and unevenly: sometimes a hair after, sometimes seconds after.
        run.advance(rng.choice((0.013, 0.3337, 0.999999, 1.0000001, 2.71828, 0.5)) + rng.random() * 1e-3)

    planned, total = [], 0
    for s in steps:
        planned.append(float(total))
        total += s.seconds
    started = run.of(StepStarted)
    finished = run.of(StepFinished)
    assert [e.at for e in started] == planned
    assert [e.at for e in finished] == [*planned[1:], float(total)]
    for before, after in zip(finished, started[1:], strict=False):
        assert after.at == before.at  # no idle gap
    assert all(e.actual_seconds == e.planned_seconds for e in finished)
    session = run.finished()
    assert session.at == session.active_seconds == float(total)
    assert session.steps_done == 1000
    assert_in_time_order(run.events)


def test_a_40_minute_routine_runs_in_well_under_a_second_with_big_jumps() -> None:
    steps = [step((STROKING, RUBBING)[i % 2], 10 if i % 2 else 50) for i in range(80)]
    assert sum(s.seconds for s in steps) == 40 * 60

    second_by_second = Session(routine(*steps)).start()
    second_by_second.run_to_end(1.0)

    began = time.perf_counter()
    jumps = Session(routine(*steps)).start()
    jumps.run_to_end(600.0)
    took = time.perf_counter() - began

    assert took < 0.5
    assert jumps.events == second_by_second.events  # every event, in the same order
    assert jumps.finished().at == 2400.0
    assert len(jumps.of(SecondLeft)) == sum(s.seconds - 1 for s in steps)


def test_polling_late_delivers_every_overdue_event_in_order() -> None:
    steps = (step(STROKING, 5, P), step(RUBBING, 4, M), step(STROKING, 2, F))
    on_time = Session(routine(*steps)).start()
    on_time.run_to_end(0.5)
    late = Session(routine(*steps)).start()
    delivered = late.advance(7.3)
    assert delivered == [e for e in on_time.events if 0.0 < e.at <= 7.3]
    assert_in_time_order(late.events)
    late.advance(100.0)
    assert late.events == on_time.events


def test_next_deadline_is_the_clock_time_of_the_next_event() -> None:
    rng = random.Random(7)
    steps = [step((STROKING, RUBBING)[i % 2], rng.randint(1, 9)) for i in range(60)]
    run = Session(routine(*steps, tempo=70)).start()
    paused_for = 0.0
    wakes = 0
    while (deadline := run.engine.next_deadline()) is not None:
        assert deadline > run.clock.now() - 1e-9
        # Just before the deadline nothing is due; at the deadline something is.
        run.clock.advance((deadline - run.clock.now()) * 0.999)
        assert run.advance(0.0) == []
        run.clock.advance(deadline - run.clock.now())
        assert run.clock.now() == deadline
        delivered = run.advance(0.0)
        assert delivered, f"nothing delivered at the deadline {deadline}"
        assert delivered[0].at == pytest.approx(deadline - START - paused_for, abs=1e-9)
        wakes += 1
        if wakes % 5 == 0 and run.engine.state is EngineState.RUNNING:
            run.engine.pause()
            pause = rng.random() * 3 + 0.01
            run.clock.advance(pause)
            paused_for += pause
            run.engine.resume()
    assert run.finished().at == sum(s.seconds for s in steps)


# -- commands at the wrong time ---------------------------------------------------------------------

def test_commands_before_start_are_harmless() -> None:
    run = Session(routine(step(STROKING, 5)))
    for command in (run.engine.poll, run.engine.pause, run.engine.resume, run.engine.toggle_pause,
                    run.engine.skip, run.engine.back):
        command()
    assert run.events == []
    assert run.engine.state is EngineState.READY
    assert run.engine.active_time() == 0.0
    run.advance(100.0)
    run.start()
    assert run.events[-1] == StepStarted(0.0, 0, run.engine.routine.steps[0], None)
    run.run_to_end()
    assert run.finished().at == 5.0


def test_start_twice_starts_once() -> None:
    run = Session(routine(step(STROKING, 5))).start()
    run.advance(2.0)
    run.engine.start()
    assert len(run.of(StepStarted)) == 1
    assert run.engine.active_time() == 2.0


def test_stop_before_start_ends_without_records() -> None:
    run = Session(routine(step(STROKING, 5)))
    run.engine.stop()
    assert run.finished() == SessionFinished(0.0, SessionStatus.STOPPED, active_seconds=0.0, steps_done=0)
    run.engine.start()
    run.advance(10.0)
    assert len(run.events) == 1
    assert run.engine.records == []


def test_an_empty_routine_cannot_be_run() -> None:
    with pytest.raises(ValueError, match="at least one step"):
        SessionEngine(Routine("Empty", ()), FakeClock())


# -- listeners that give commands -------------------------------------------------------------------

def _stop_on(condition: Callable[[Event], bool]) -> tuple[Session, list[Event], Event]:
    """Run a routine in one big late poll; a listener stops the session at the first matching event.
    A second listener, subscribed after, records what it sees."""
    steps = (step(STROKING, 4, P), step(RUBBING, 5, M), step(KNEADING, 6, D), step(STROKING, 4, F))
    run = Session(routine(*steps, tempo=60))
    trigger: list[Event] = []

    def stopper(event: Event) -> None:
        if not trigger and condition(event):
            trigger.append(event)
            run.engine.stop()

    run.engine.subscribe(stopper)
    second: list[Event] = []
    run.engine.subscribe(second.append)
    run.start()
    run.advance(1000.0)
    assert trigger
    return run, second, trigger[0]


@pytest.mark.parametrize("condition", [
    pytest.param(lambda e: isinstance(e, StageChanged) and e.stage is D, id="stage-changed"),
    pytest.param(lambda e: isinstance(e, StepStarted) and e.index == 1, id="step-started"),
    pytest.param(lambda e: isinstance(e, SecondLeft) and e.index == 2 and e.seconds_left == 3,
                 id="second-left"),
    pytest.param(lambda e: isinstance(e, TempoBeat) and e.beat == 2, id="tempo-beat"),
    pytest.param(lambda e: isinstance(e, StepFinished) and e.index == 0, id="step-finished"),
])
def test_a_listener_may_stop_the_session_during_an_event(condition: Callable[[Event], bool]) -> None:
    run, second, trigger = _stop_on(condition)
    finished = run.finished()
    assert finished.status is SessionStatus.STOPPED
    assert run.engine.status is SessionStatus.STOPPED
    # It stops when that event was due, however late the poll that delivered it.
    assert finished.at == trigger.at
    # Every listener hears the same events in the same order, and nothing after the end.
    assert second == run.events
    assert_in_time_order(run.events)
    # Each step that started finished exactly once, and the records say so.
    started = [e.index for e in run.of(StepStarted)]
    assert [e.index for e in run.of(StepFinished)] == started
    assert [r.index for r in run.engine.records] == started


def test_a_listener_may_skip_every_step_as_it_starts() -> None:
    steps = [step(STROKING, 5) for _ in range(1000)]
    run = Session(routine(*steps))

    def skipper(event: Event) -> None:
        if isinstance(event, StepStarted):
            run.engine.skip()

    run.engine.subscribe(skipper)
    run.start()
    finished = run.finished()
    assert (finished.status, finished.at, finished.steps_done) == (SessionStatus.COMPLETED, 0.0, 0)
    assert len(run.engine.records) == 1000


def test_a_listener_may_pause_at_the_last_countdown() -> None:
    run = Session(routine(step(STROKING, 10), step(STROKING, 5)))

    def pauser(event: Event) -> None:
        if isinstance(event, FinalCountdown) and event.seconds_left == 1 and event.index == 0:
            run.engine.pause()

    run.engine.subscribe(pauser)
    run.start()
    run.advance(30.0)  # late: the pause takes effect at 9 s, not at 30 s
    assert run.engine.state is EngineState.PAUSED
    assert run.events[-1] == Paused(9.0)
    assert run.engine.step_remaining() == 1.0
    run.engine.resume()  # the 21 s from the pause to now were paused time
    assert run.engine.active_time() == 9.0
    assert run.advance(0.5) == []
    assert run.advance(0.5)[0] == StepFinished(10.0, 0, run.engine.routine.steps[0], 10, 10.0, False)


def test_a_listener_pausing_and_resuming_at_once_loses_no_time() -> None:
    run = Session(routine(step(STROKING, 10), step(STROKING, 5)))

    def blink(event: Event) -> None:
        if event == SecondLeft(2.0, 0, 8):
            run.engine.pause()
            run.engine.resume()

    run.engine.subscribe(blink)
    run.start()
    run.advance(30.0)  # one late poll: the pause and resume both happen at 2 s
    assert [type(e) for e in run.events if e.at == 2.0] == [SecondLeft, Paused, Resumed]
    assert run.finished().at == 15.0
    assert run.engine.records[-1].actual_seconds == 5.0


def test_a_listener_resuming_after_a_skip_while_paused_keeps_the_pause_out() -> None:
    run = Session(routine(step(STROKING, 10), step(KNEADING, 8)))

    def resume_on_skip(event: Event) -> None:
        if isinstance(event, StepStarted) and event.by_user:
            run.engine.resume()

    run.engine.subscribe(resume_on_skip)
    run.start()
    run.advance(5.0)
    run.engine.pause()
    run.advance(30.0)
    run.engine.skip()  # shows the next step; the listener resumes it
    assert run.engine.state is EngineState.RUNNING
    assert run.engine.active_time() == 5.0
    assert run.advance(1.0)[0] == SecondLeft(6.0, 1, 7)


# -- clocks -----------------------------------------------------------------------------------------

def test_scaled_clock_runs_ten_times_faster() -> None:
    base = FakeClock(500.0)
    clock = ScaledClock(10, base)
    assert clock.now() == 0.0
    base.advance(1.0)
    assert clock.now() == 10.0
    base.advance(0.25)
    assert clock.now() == 12.5
    assert clock.real_seconds(10.0) == 1.0


def test_a_session_on_a_scaled_clock_previews_in_a_tenth_of_the_time() -> None:
    base = FakeClock()
    engine = SessionEngine(routine(step(STROKING, 30), step(RUBBING, 10)), ScaledClock(10, base))
    events: list[Event] = []
    engine.subscribe(events.append)
    engine.start()
    base.advance(3.9)
    engine.poll()
    assert engine.state is EngineState.RUNNING
    base.advance(0.1)
    engine.poll()
    assert isinstance(events[-1], SessionFinished) and events[-1].at == pytest.approx(40.0)


@pytest.mark.parametrize("speed", [0, -1, float("nan"), float("inf")])
def test_scaled_clock_refuses_a_speed_that_is_not_a_positive_number(speed: float) -> None:
    with pytest.raises(ValueError):
        ScaledClock(speed, FakeClock())


@pytest.mark.parametrize("seconds", [-0.001, float("nan"), float("-inf")])
def test_fake_clock_never_goes_back(seconds: float) -> None:
    clock = FakeClock(10.0)
    with pytest.raises(ValueError):
        clock.advance(seconds)
    assert clock.now() == 10.0
    clock.advance(0.0)
    assert clock.now() == 10.0
