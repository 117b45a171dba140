"""Which cue a person hears at each moment of a session, driven by the real engine on a fake clock."""

from __future__ import annotations

from selfmassage.core.clock import FakeClock
from selfmassage.core.engine import SessionEngine
from selfmassage.core.techniques import Stage, Technique
from selfmassage.sound.cues import Cue, CueMap, step_cue
from tests.sound.helpers import advance_to, routine, run_to_end, step

PREP, MEDIUM = Stage.PREPARATORY, Stage.MEDIUM_DEEP
STROKING, RUBBING, SQUEEZING = Technique.STROKING, Technique.RUBBING, Technique.SQUEEZING

# Stroking the back, rubbing the lower back, rubbing the shoulder blades (same technique, next area),
# then the next stage with squeezing.
SHORT = routine(
    step(PREP, STROKING, "lower back", 4),
    step(PREP, RUBBING, "lower back", 5),
    step(PREP, RUBBING, "shoulder blades", 4),
    step(MEDIUM, SQUEEZING, "lower back", 4),
    tempo=80,
)

T, K = Cue.TEMPO, Cue.TICK


def heard(engine: SessionEngine, cue_map: CueMap) -> list[Cue]:
    cues: list[Cue] = []
    engine.subscribe(lambda event: cues.extend(cue_map.cues_for(event)))
    return cues


def test_a_short_routine_sounds_in_this_order():
    clock = FakeClock()
    engine = SessionEngine(SHORT, clock)
    cues = heard(engine, CueMap())
    run_to_end(engine, clock)
    # Tempo 80: a beat every 0.75 s of a rubbing step. Ticks 3, 2 and 1 s before each step ends.
    # A beat that falls on a tick (3.0 s into a step) is left out; the tick says more.
    assert cues == [
        Cue.STAGE, K, K, K,  # stage start replaces the first step's own cue
        Cue.STEP_START, T, T, K, T, K, T, K, T,  # rubbing: beats at .75 1.5 2.25 (3.0) 3.75 4.5
        Cue.SWITCH, T, K, T, K, T, K, T,  # still rubbing, next area; beats .75 1.5 2.25 (3.0) 3.75
        Cue.STAGE, K, K, K,
        Cue.DONE,
    ]


def test_without_the_tempo_click_rubbing_is_quiet_between_ticks():
    clock = FakeClock()
    engine = SessionEngine(SHORT, clock)
    cues = heard(engine, CueMap(tempo_click=False))
    run_to_end(engine, clock)
    assert cues == [Cue.STAGE, K, K, K, Cue.STEP_START, K, K, K, Cue.SWITCH, K, K, K, Cue.STAGE, K, K, K,
                    Cue.DONE]


def test_the_tempo_click_can_be_turned_off_mid_session():
    clock = FakeClock()
    engine = SessionEngine(SHORT, clock)
    cue_map = CueMap()
    cues = heard(engine, cue_map)
    engine.start()
    advance_to(engine, clock, 5.6)  # rubbing: two beats heard
    cue_map.tempo_click = False
    run_to_end(engine, clock)
    assert cues.count(T) == 2


def test_at_tempo_60_every_beat_in_the_last_three_seconds_gives_way_to_the_tick():
    clock = FakeClock()
    engine = SessionEngine(routine(step(PREP, RUBBING, "lower back", 6), tempo=60), clock)
    cues = heard(engine, CueMap())
    run_to_end(engine, clock)
    assert cues == [Cue.STAGE, T, T, K, K, K, Cue.DONE]


def test_a_stopped_session_ends_without_the_done_cue():
    clock = FakeClock()
    engine = SessionEngine(SHORT, clock)
    cues = heard(engine, CueMap())
    engine.start()
    advance_to(engine, clock, 6.0)
    engine.stop()
    assert cues[-1] is not Cue.DONE
    assert Cue.DONE not in cues


def test_stopping_before_the_start_is_silent():
    engine = SessionEngine(SHORT, FakeClock())
    cues = heard(engine, CueMap())
    engine.stop()
    assert cues == []


def test_skip_and_back_sound_like_the_step_they_land_on():
    clock = FakeClock()
    engine = SessionEngine(SHORT, clock, tempo_beats=False)
    cues = heard(engine, CueMap())
    engine.start()
    engine.skip()  # stroking -> rubbing: a new technique
    engine.skip()  # rubbing lower back -> rubbing shoulder blades: same technique, next area
    engine.back()  # back to rubbing the lower back: hands move again
    engine.skip()
    engine.skip()  # into the next stage
    assert cues == [Cue.STAGE, Cue.STEP_START, Cue.SWITCH, Cue.SWITCH, Cue.SWITCH, Cue.STAGE]


def test_going_back_into_an_earlier_stage_plays_the_stage_cue():
    clock = FakeClock()
    engine = SessionEngine(SHORT, clock, tempo_beats=False)
    cues = heard(engine, CueMap())
    engine.start()
    for _ in range(3):
        engine.skip()
    engine.back()  # squeezing (medium-deep) -> rubbing (preparatory)
    assert cues[-2:] == [Cue.STAGE, Cue.STAGE]


def test_restarting_the_first_step_is_a_new_start_not_a_switch():
    clock = FakeClock()
    engine = SessionEngine(SHORT, clock)
    cues = heard(engine, CueMap())
    engine.start()
    engine.back()  # on the first step, back starts it again
    assert cues == [Cue.STAGE, Cue.STEP_START]


def test_step_cue_rules():
    rub_low = step(PREP, RUBBING, "lower back", 5)
    rub_shoulders = step(PREP, RUBBING, "shoulder blades", 5)
    stroke_low = step(PREP, STROKING, "lower back", 5)
    assert step_cue(rub_low, None) is Cue.STEP_START
    assert step_cue(rub_shoulders, rub_low) is Cue.SWITCH
    assert step_cue(rub_low, stroke_low) is Cue.STEP_START
    assert step_cue(rub_low, rub_low) is Cue.STEP_START


def test_every_cue_names_its_file():
    assert {cue.filename for cue in Cue} == {
        "step_start.wav", "switch.wav", "stage.wav", "tick.wav", "done.wav", "tempo.wav"}
