"""Finish gently: instead of an abrupt stop, light stroking on the area you were working, then the end."""

from __future__ import annotations

from selfmassage.core.clock import FakeClock
from selfmassage.core.engine import GENTLE_FINISH_SECONDS, EngineState, SessionEngine
from selfmassage.core.events import SessionFinished, SessionStatus, StepStarted
from selfmassage.core.routine import Routine, Step
from selfmassage.core.techniques import Intensity, Stage, Technique

ROUTINE = Routine("Back", (
    Step(Stage.PREPARATORY, Technique.STROKING, "lower back", 20),
    Step(Stage.DEEP, Technique.KNEADING, "shoulders", 60, Intensity.FIRM),
    Step(Stage.FINAL, Technique.STROKING, "lower back", 20),
))


def _started() -> tuple[SessionEngine, FakeClock, list[object]]:
    clock = FakeClock(1000.0)
    engine = SessionEngine(ROUTINE, clock)
    events: list[object] = []
    engine.subscribe(events.append)
    engine.start()
    clock.advance(25)  # five seconds into the kneading
    engine.poll()
    return engine, clock, events


def test_finishing_gently_strokes_the_same_area_lightly_then_ends_as_stopped():
    engine, clock, events = _started()
    engine.finish_gently()
    closing = [event for event in events if isinstance(event, StepStarted)][-1]
    assert (closing.step.technique, closing.step.area, closing.step.intensity, closing.step.seconds) == (
        Technique.STROKING, "shoulders", Intensity.LIGHT, GENTLE_FINISH_SECONDS)
    assert engine.closing and engine.state is EngineState.RUNNING
    clock.advance(GENTLE_FINISH_SECONDS - 1)
    engine.poll()
    assert engine.state is EngineState.RUNNING  # still stroking
    clock.advance(1)
    engine.poll()
    (finished,) = [event for event in events if isinstance(event, SessionFinished)]
    assert finished.status is SessionStatus.STOPPED
    assert finished.active_seconds == 25 + GENTLE_FINISH_SECONDS
    # The kneading was cut short; the routine as written is not touched.
    assert [(record.step.technique, record.skipped) for record in engine.records][-2:] == [
        (Technique.KNEADING, True), (Technique.STROKING, False)]
    assert len(ROUTINE.steps) == 3


def test_finishing_gently_from_a_pause_goes_on_at_once():
    engine, clock, _events = _started()
    engine.pause()
    clock.advance(100)
    engine.finish_gently()
    assert engine.state is EngineState.RUNNING and engine.step.technique is Technique.STROKING
    assert engine.step_remaining() == GENTLE_FINISH_SECONDS


def test_asking_twice_does_not_stroke_twice():
    engine, _clock, _events = _started()
    engine.finish_gently()
    steps = len(engine.routine.steps)
    engine.finish_gently()
    assert len(engine.routine.steps) == steps
