"""Both-sides steps: the file field, the rules (caps per side, totals with the switch) and the engine, which
runs the step left, switch, right, each side with its own countdown and its own StepFinished."""

from __future__ import annotations

import json

import pytest

from selfmassage.core.clock import FakeClock
from selfmassage.core.engine import EngineState, SessionEngine, StepPart
from selfmassage.core.events import (
    Event,
    FinalCountdown,
    SecondLeft,
    SessionFinished,
    SideStarted,
    SideSwitch,
    StepFinished,
    StepStarted,
    TempoBeat,
)
from selfmassage.core.routine import Routine, Step
from selfmassage.core.routine_format import dumps_routine, loads_routine, parse_routine
from selfmassage.core.rules import validate
from selfmassage.core.techniques import (
    SIDE_SWITCH_SECONDS,
    Intensity,
    Profile,
    Side,
    Sides,
    Stage,
    Technique,
)


def step(technique: Technique = Technique.STROKING, seconds: int = 10, *, area: str = "lower back",
         sides: Sides = Sides.ONE, stage: Stage = Stage.PREPARATORY) -> Step:
    return Step(stage=stage, technique=technique, area=area, seconds=seconds, sides=sides)


def routine_of(*steps: Step, profile: Profile = Profile.STANDARD, tempo: int = 60) -> Routine:
    return Routine(name="Test", steps=steps, profile=profile, tempo=tempo)


def file_with(step_fields: dict[str, object]) -> dict[str, object]:
    base = {"stage": "preparatory", "technique": "rubbing", "area": "lower back", "seconds": 10}
    return {"format": 1, "name": "Sides", "steps": [{**base, **step_fields}]}


class Recorder:
    def __init__(self, engine: SessionEngine) -> None:
        self.events: list[Event] = []
        engine.subscribe(self.events.append)

    def of(self, kind: type) -> list:
        return [event for event in self.events if isinstance(event, kind)]


def run_to_end(engine: SessionEngine, clock: FakeClock) -> None:
    """Wake exactly at each deadline, as the window's single-shot timer does."""
    while (deadline := engine.next_deadline()) is not None:
        clock.advance(deadline - clock.now())
        engine.poll()


# -- the file ----------------------------------------------------------------------------------------


def test_a_step_reads_both_sides_and_one_side_is_the_default():
    both, problems = parse_routine(file_with({"sides": "both"}))
    assert problems == []
    assert both is not None and both.steps[0].sides is Sides.BOTH
    one, _ = parse_routine(file_with({}))
    assert one is not None and one.steps[0].sides is Sides.ONE
    explicit_one, _ = parse_routine(file_with({"sides": "one"}))
    assert explicit_one is not None and explicit_one.steps[0].sides is Sides.ONE


def test_saving_writes_sides_only_for_both_sides_and_reads_back_the_same():
    routine = routine_of(step(Technique.STROKING, 20), step(Technique.RUBBING, 10, sides=Sides.BOTH))
    saved = json.loads(dumps_routine(routine))
    assert "sides" not in saved["steps"][0]
    assert saved["steps"][1]["sides"] == "both"
    again, problems = loads_routine(dumps_routine(routine).encode())
    assert problems == []
    assert again == routine


@pytest.mark.parametrize("bad", ["two", "Both", 2, True, None, ["both"]])
def test_a_bad_sides_value_is_a_field_error_naming_the_step_and_key(bad: object):
    routine, problems = parse_routine(file_with({"sides": bad}))
    assert routine is None
    assert [(p.rule, p.field, p.step) for p in problems] == [("field", "sides", 1)]
    assert "one, both" in problems[0].message


# -- the rules ---------------------------------------------------------------------------------------


def test_the_ten_second_caps_apply_to_each_side():
    fine = routine_of(step(Technique.RUBBING, 10, sides=Sides.BOTH),
                      step(Technique.VIBRATION, 10, sides=Sides.BOTH))
    assert not [p for p in validate(fine) if p.rule in ("rub-cap", "vibration-cap")]
    too_long = routine_of(step(Technique.RUBBING, 11, sides=Sides.BOTH),
                          step(Technique.VIBRATION, 11, sides=Sides.BOTH))
    assert [(p.rule, p.step) for p in validate(too_long) if p.is_error] == [
        ("rub-cap", 1), ("vibration-cap", 2)]


def test_total_time_counts_both_sides_and_the_switch():
    routine = routine_of(step(Technique.STROKING, 30), step(Technique.RUBBING, 10, sides=Sides.BOTH))
    assert routine.total_seconds == 30 + 10 + SIDE_SWITCH_SECONDS + 10
    assert routine.stage_seconds()[Stage.PREPARATORY] == 53


def test_the_pregnancy_limit_counts_both_sides():
    # 2 × 1350 s + 3 s is over 45 min, though one side alone is half of it.
    long_both = routine_of(step(Technique.STROKING, 900, sides=Sides.BOTH),
                           step(Technique.STROKING, 450, sides=Sides.BOTH), profile=Profile.PREGNANCY)
    assert any(p.rule == "pregnancy" for p in validate(long_both))
    one_side = routine_of(step(Technique.STROKING, 900), step(Technique.STROKING, 450),
                          profile=Profile.PREGNANCY)
    assert not any(p.rule == "pregnancy" for p in validate(one_side))


# -- the engine --------------------------------------------------------------------------------------


def test_a_both_sides_step_runs_left_then_a_switch_then_right():
    clock = FakeClock()
    engine = SessionEngine(routine_of(step(Technique.KNEADING, 5, sides=Sides.BOTH, stage=Stage.DEEP),
                                      step(Technique.STROKING, 4, stage=Stage.FINAL)), clock)
    seen = Recorder(engine)
    engine.start()
    run_to_end(engine, clock)
    # Left side: 5 s with a countdown and ticks; the switch: 3 s, countdown only; right: 5 s again.
    story = [(type(e).__name__, e.at) for e in seen.events
             if isinstance(e, SideStarted | SideSwitch | StepFinished | StepStarted | SessionFinished)]
    assert story == [
        ("StepStarted", 0.0), ("SideStarted", 0.0),
        ("StepFinished", 5.0), ("SideSwitch", 5.0),
        ("SideStarted", 8.0),
        ("StepFinished", 13.0), ("StepStarted", 13.0),
        ("StepFinished", 17.0), ("SessionFinished", 17.0),
    ]
    assert [e.side for e in seen.of(SideStarted)] == [Side.LEFT, Side.RIGHT]
    assert seen.of(SideSwitch)[0].seconds == SIDE_SWITCH_SECONDS
    first_step = [e for e in seen.events if isinstance(e, SecondLeft) and e.index == 0]
    assert [(e.at, e.seconds_left) for e in first_step] == [
        (1.0, 4), (2.0, 3), (3.0, 2), (4.0, 1),  # left
        (6.0, 2), (7.0, 1),  # switch
        (9.0, 4), (10.0, 3), (11.0, 2), (12.0, 1),  # right
    ]
    ticks = [(e.at, e.seconds_left) for e in seen.of(FinalCountdown) if e.index == 0]
    # The final countdown comes before the switch and before the right side's end, never in the switch.
    assert ticks == [(2.0, 3), (3.0, 2), (4.0, 1), (10.0, 3), (11.0, 2), (12.0, 1)]


def test_each_side_is_recorded_once_and_the_step_counts_once():
    clock = FakeClock()
    engine = SessionEngine(routine_of(step(Technique.RUBBING, 10, sides=Sides.BOTH)), clock)
    seen = Recorder(engine)
    engine.start()
    run_to_end(engine, clock)
    finished = seen.of(StepFinished)
    assert [(e.index, e.side, e.planned_seconds, e.actual_seconds, e.skipped) for e in finished] == [
        (0, Side.LEFT, 10, 10.0, False), (0, Side.RIGHT, 10, 10.0, False)]
    assert [(r.index, r.side, r.actual_seconds) for r in engine.records] == [
        (0, Side.LEFT, 10.0), (0, Side.RIGHT, 10.0)]
    end = seen.of(SessionFinished)[0]
    assert end.steps_done == 1
    assert end.active_seconds == 23.0


def test_a_one_side_step_is_recorded_without_a_side():
    clock = FakeClock()
    engine = SessionEngine(routine_of(step(Technique.STROKING, 3)), clock)
    seen = Recorder(engine)
    engine.start()
    run_to_end(engine, clock)
    assert [e.side for e in seen.of(StepFinished)] == [None]
    assert seen.of(SideStarted) == [] and seen.of(SideSwitch) == []


def test_rubbing_beats_run_on_each_side_and_not_during_the_switch():
    clock = FakeClock()
    engine = SessionEngine(routine_of(step(Technique.RUBBING, 3, sides=Sides.BOTH), tempo=60), clock)
    seen = Recorder(engine)
    engine.start()
    run_to_end(engine, clock)
    assert [(e.at, e.beat) for e in seen.of(TempoBeat)] == [(1.0, 1), (2.0, 2), (7.0, 1), (8.0, 2)]


def test_the_countdown_and_the_time_left_follow_each_side():
    clock = FakeClock()
    engine = SessionEngine(routine_of(step(Technique.RUBBING, 10, sides=Sides.BOTH),
                                      step(Technique.STROKING, 20)), clock)
    engine.start()
    assert (engine.part, engine.side, engine.part_seconds) == (StepPart.LEFT, Side.LEFT, 10)
    assert engine.total_remaining() == 43
    clock.advance(4)
    engine.poll()
    assert engine.step_remaining() == 6
    assert engine.total_remaining() == 39
    clock.advance(7)
    engine.poll()
    assert (engine.part, engine.side, engine.switching, engine.part_seconds) == (
        StepPart.SWITCH, None, True, SIDE_SWITCH_SECONDS)
    assert engine.step_remaining() == 2
    assert engine.total_remaining() == 32
    clock.advance(2)
    engine.poll()
    assert (engine.part, engine.side) == (StepPart.RIGHT, Side.RIGHT)
    assert engine.step_remaining() == 10
    assert engine.total_remaining() == 30


def test_deadlines_come_from_offsets_so_a_long_routine_of_both_sides_steps_does_not_drift():
    steps = [step(Technique.RUBBING, 7, sides=Sides.BOTH) for _ in range(60)]
    routine = routine_of(*steps, tempo=87)
    clock = FakeClock(start=12345.678)
    engine = SessionEngine(routine, clock)
    seen = Recorder(engine)
    engine.start()
    run_to_end(engine, clock)
    assert seen.of(SessionFinished)[0].at == routine.total_seconds == 60 * 17
    # Every right side starts exactly 10 s after its step; every step exactly 17 s after the last.
    assert [e.at for e in seen.of(SideStarted) if e.side is Side.RIGHT] == [17.0 * i + 10 for i in range(60)]
    assert [e.at for e in seen.of(StepStarted)] == [17.0 * i for i in range(60)]


def test_skip_moves_from_the_left_side_to_the_switch_then_to_the_right_side_then_on():
    clock = FakeClock()
    engine = SessionEngine(routine_of(step(Technique.RUBBING, 10, sides=Sides.BOTH),
                                      step(Technique.STROKING, 20)), clock)
    seen = Recorder(engine)
    engine.start()
    clock.advance(4)
    engine.skip()
    assert engine.part is StepPart.SWITCH
    assert [(e.side, e.actual_seconds, e.skipped) for e in seen.of(StepFinished)] == [(Side.LEFT, 4.0, True)]
    assert seen.of(SideSwitch)[-1].at == 4.0
    engine.skip()  # no need to wait out the switch
    assert engine.part is StepPart.RIGHT
    assert seen.of(SideStarted)[-1] == SideStarted(at=4.0, index=0, side=Side.RIGHT)
    clock.advance(10)
    engine.poll()
    assert engine.index == 1
    assert [(e.side, e.skipped) for e in seen.of(StepFinished)] == [(Side.LEFT, True), (Side.RIGHT, False)]


def test_back_from_the_right_side_starts_the_step_again_at_the_left_side():
    clock = FakeClock()
    engine = SessionEngine(routine_of(step(Technique.STROKING, 5),
                                      step(Technique.RUBBING, 10, sides=Sides.BOTH)), clock)
    seen = Recorder(engine)
    engine.start()
    clock.advance(5 + 10 + 3 + 2)
    engine.poll()
    assert (engine.index, engine.part) == (1, StepPart.RIGHT)
    engine.back()
    assert (engine.index, engine.part, engine.step_remaining()) == (1, StepPart.LEFT, 10)
    assert seen.of(StepStarted)[-1].by_user
    assert seen.of(SideStarted)[-1].side is Side.LEFT
    engine.back()  # from the left side: the step before
    assert (engine.index, engine.part) == (0, StepPart.WHOLE)


def test_stopping_during_the_switch_records_the_right_side_as_not_done():
    clock = FakeClock()
    engine = SessionEngine(routine_of(step(Technique.RUBBING, 10, sides=Sides.BOTH)), clock)
    seen = Recorder(engine)
    engine.start()
    clock.advance(11)
    engine.stop()
    assert engine.state is EngineState.FINISHED
    assert [(e.side, e.actual_seconds, e.skipped) for e in seen.of(StepFinished)] == [
        (Side.LEFT, 10.0, False), (Side.RIGHT, 0.0, True)]


def test_pausing_during_the_switch_holds_the_switch():
    clock = FakeClock()
    engine = SessionEngine(routine_of(step(Technique.RUBBING, 10, sides=Sides.BOTH)), clock)
    engine.start()
    clock.advance(11)
    engine.pause()
    clock.advance(120)
    engine.resume()
    assert engine.switching and engine.step_remaining() == 2
    clock.advance(2)
    engine.poll()
    assert engine.side is Side.RIGHT


def test_intensity_and_the_rest_of_a_step_stay_as_they_were():
    # The field sits beside the others; a both-sides step keeps intensity, note and variant.
    data = file_with({"sides": "both", "intensity": "moderate", "note": "Each side in turn."})
    routine, problems = parse_routine(data)
    assert problems == [] and routine is not None
    assert routine.steps[0].intensity is Intensity.MODERATE
    assert routine.steps[0].describe() == "Rubbing, lower back, both sides"
