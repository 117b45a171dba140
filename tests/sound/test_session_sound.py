"""A running session, heard: SessionSound between the engine and a player."""

from __future__ import annotations

from selfmassage.core.clock import FakeClock
from selfmassage.core.engine import SessionEngine
from selfmassage.core.techniques import Stage, Technique
from selfmassage.sound.cues import Cue
from selfmassage.sound.session_sound import SessionSound
from selfmassage.sound.silent import RecordingPlayer
from tests.sound.helpers import advance_to, cue_pcm, routine, run_to_end, step

PREP, DEEP = Stage.PREPARATORY, Stage.DEEP
K = Cue.TICK

ROUTINE = routine(
    step(PREP, Technique.STROKING, "lower back", 4),
    step(PREP, Technique.STROKING, "shoulder blades", 4),
    step(DEEP, Technique.KNEADING, "shoulders", 4),
    step(DEEP, Technique.RUBBING, "shoulders", 5),
    tempo=60,
)
# Tempo 60: rubbing beats at 1, 2, 3 and 4 s; the last three fall on the ticks and give way to them.
EXPECTED = [Cue.STAGE, K, K, K, Cue.SWITCH, K, K, K, Cue.STAGE, K, K, K, Cue.STEP_START, Cue.TEMPO, K, K, K,
            Cue.DONE]


def test_the_player_hears_the_session_cue_by_cue():
    clock = FakeClock()
    engine = SessionEngine(ROUTINE, clock)
    player = RecordingPlayer()
    SessionSound(engine, player)
    run_to_end(engine, clock)
    assert player.played == EXPECTED


def test_the_session_reaches_the_sound_device_in_order(alsa_file, make_player):
    clock = FakeClock()
    engine = SessionEngine(ROUTINE, clock)
    player = make_player()
    SessionSound(engine, player)
    run_to_end(engine, clock)
    assert player.wait_idle(10)
    assert alsa_file.plays() == [cue_pcm(cue) for cue in EXPECTED]


def test_the_tempo_click_setting_silences_the_beats():
    clock = FakeClock()
    engine = SessionEngine(ROUTINE, clock)
    player = RecordingPlayer()
    sound = SessionSound(engine, player, tempo_click=False)
    run_to_end(engine, clock)
    assert Cue.TEMPO not in player.played
    assert not sound.tempo_click


def test_a_stalled_loop_catching_up_does_not_play_a_burst_of_old_cues():
    clock = FakeClock()
    engine = SessionEngine(ROUTINE, clock)
    player = RecordingPlayer()
    SessionSound(engine, player)
    engine.start()
    clock.advance(3.5)  # nobody polled for 3.5 s: ticks were due at 1, 2 and 3 s
    engine.poll()
    assert player.played == [Cue.STAGE, K]  # only the tick of 0.5 s ago is still worth hearing


def test_the_done_cue_plays_however_late_the_end_is_noticed():
    clock = FakeClock()
    engine = SessionEngine(ROUTINE, clock)
    player = RecordingPlayer()
    SessionSound(engine, player)
    engine.start()
    clock.advance(ROUTINE.total_seconds + 30)
    engine.poll()
    assert player.played == [Cue.STAGE, Cue.DONE]


def test_a_step_whose_cue_came_too_late_still_counts_as_the_previous_step():
    kneading = routine(
        step(DEEP, Technique.RUBBING, "lower back", 4),
        step(DEEP, Technique.KNEADING, "shoulders", 4),
        step(DEEP, Technique.KNEADING, "neck", 4),
    )
    clock = FakeClock()
    engine = SessionEngine(kneading, clock, tempo_beats=False)
    player = RecordingPlayer()
    SessionSound(engine, player)
    engine.start()
    clock.advance(6)  # kneading the shoulders began 2 s ago, unheard
    engine.poll()
    advance_to(engine, clock, 8.0)
    assert player.played[-1] is Cue.SWITCH  # shoulders -> neck, same technique


def test_stopping_plays_no_done():
    clock = FakeClock()
    engine = SessionEngine(ROUTINE, clock)
    player = RecordingPlayer()
    SessionSound(engine, player)
    engine.start()
    advance_to(engine, clock, 4.5)
    engine.stop()
    assert player.played == [Cue.STAGE, K, K, K, Cue.SWITCH]


def test_a_detached_session_sound_plays_nothing_more():
    clock = FakeClock()
    engine = SessionEngine(ROUTINE, clock)
    player = RecordingPlayer()
    sound = SessionSound(engine, player)
    engine.start()
    sound.detach()
    run_to_end(engine, clock)
    assert player.played == [Cue.STAGE]


class TempoWatcher(RecordingPlayer):
    def __init__(self) -> None:
        super().__init__()
        self.tempo: list[tuple[float | None, int]] = []

    def keep_time(self, period: float | None, beats_ahead: int = 0) -> None:
        self.tempo.append((period, beats_ahead))


def test_the_player_is_told_the_tempo_and_how_many_beats_surely_follow():
    # Tempo 80: a beat every 0.75 s of a 10-s step; the final countdown's ticks at 7, 8 and 9 s.
    rubbing = routine(step(DEEP, Technique.RUBBING, "shoulders", 10), tempo=80)
    clock = FakeClock()
    engine = SessionEngine(rubbing, clock)
    player = TempoWatcher()
    SessionSound(engine, player)
    engine.start()
    advance_to(engine, clock, 0.8)  # the first beat
    assert player.tempo[-1] == (0.75, 8)  # beats 2 to 9 come before the countdown (9 x 0.75 = 6.75 s)
    advance_to(engine, clock, 6.8)
    assert player.tempo[-1] == (0.75, 0)  # beat 9: the next falls in the countdown
    advance_to(engine, clock, 7.6)
    assert player.tempo[-1] == (0.75, 0)  # in the countdown each beat clicks on its own
    engine.pause()
    assert player.tempo[-1] == (None, 0)  # paused: nothing played ahead goes on
    engine.resume()
    advance_to(engine, clock, 10.5)
    assert player.tempo[-1] == (None, 0)  # the step is over
    assert player.played.count(Cue.TEMPO) == 12  # beat 12 (9 s) gives way to the tick
