"""The players: what really reaches the sound device, and what happens when sound cannot work."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from selfmassage.sound import player as player_module
from selfmassage.sound.cues import Cue
from selfmassage.sound.interface import BAD_FILE, NO_DEVICE, NO_LIBRARY
from selfmassage.sound.player import SimpleaudioPlayer, make_player
from selfmassage.sound.silent import RecordingPlayer, SilentPlayer
from tests.sound.helpers import cue_pcm, samples

ROOT = Path(__file__).resolve().parents[2]
WAIT = 10.0  # generous: only reached when something is broken


# -- the real backend, writing to a file through ALSA ------------------------------------------------


def test_each_cue_reaches_the_device_sample_for_sample_in_order(alsa_file, make_player):
    player = make_player()
    order = [Cue.STAGE, Cue.STEP_START, Cue.TICK, Cue.DONE]
    for cue in order:
        player.play(cue)
    assert player.wait_idle(WAIT)
    assert player.problem is None
    assert alsa_file.plays() == [cue_pcm(cue) for cue in order]


def test_half_volume_halves_every_sample(alsa_file, make_player):
    player = make_player(volume=0.5)
    player.play(Cue.SWITCH)
    assert player.wait_idle(WAIT)
    [written] = alsa_file.plays()
    original = samples(cue_pcm(Cue.SWITCH))
    quiet = samples(written)
    assert len(quiet) == len(original)
    assert all(abs(w - o / 2) <= 0.5 for w, o in zip(quiet, original, strict=True))
    assert max(quiet) == pytest.approx(max(original) / 2, abs=1)


def test_a_volume_change_applies_to_the_next_cue(alsa_file, make_player):
    player = make_player(volume=1.0)
    player.play(Cue.TICK)
    assert player.wait_idle(WAIT)
    player.volume = 0.25
    player.play(Cue.TICK)
    assert player.wait_idle(WAIT)
    loud, quiet = (samples(pcm) for pcm in alsa_file.plays())
    assert max(quiet) == pytest.approx(max(loud) / 4, abs=1)


def test_muted_writes_nothing_and_unmuting_brings_sound_back(alsa_file, make_player):
    player = make_player(muted=True)
    for cue in Cue:
        player.play(cue)
    assert player.wait_idle(WAIT)
    assert alsa_file.plays() == []
    player.muted = False
    player.play(Cue.TICK)
    assert player.wait_idle(WAIT)
    assert alsa_file.plays() == [cue_pcm(Cue.TICK)]


def test_volume_zero_writes_nothing(alsa_file, make_player):
    player = make_player(volume=0.0)
    player.play(Cue.STAGE)
    assert player.wait_idle(WAIT)
    assert alsa_file.plays() == []


def test_make_player_plays_through_simpleaudio(alsa_file):
    player = make_player(muted=False, volume=1.0)
    try:
        assert isinstance(player, SimpleaudioPlayer)
        player.play(Cue.DONE)
        assert player.wait_idle(WAIT)
    finally:
        player.close()
    assert alsa_file.plays() == [cue_pcm(Cue.DONE)]


def test_made_muted_it_stays_off_the_device_until_unmuted(alsa_file):
    player = make_player(muted=True, volume=1.0)
    try:
        player.play(Cue.STAGE)
        assert player.wait_idle(WAIT)
        assert alsa_file.plays() == []
        player.muted = False
        player.play(Cue.STAGE)
        assert player.wait_idle(WAIT)
    finally:
        player.close()
    assert alsa_file.plays() == [cue_pcm(Cue.STAGE)]


# -- when sound cannot work ----------------------------------------------------------------------------


def test_no_sound_card_is_reported_once_and_never_raises(no_sound_card, make_player):
    told: list[str] = []
    player = make_player(on_problem=told.append)
    for cue in [Cue.STAGE, Cue.TICK, Cue.TICK, Cue.DONE]:
        player.play(cue)  # would raise SimpleaudioError if called straight
    assert player.wait_idle(WAIT)
    player.play(Cue.TICK)
    assert player.wait_idle(WAIT)
    assert player.problem == NO_DEVICE
    assert told == [NO_DEVICE]


def test_without_the_sound_library_it_is_silent_with_one_notice(monkeypatch, make_player):
    monkeypatch.setitem(sys.modules, "simpleaudio", None)  # import simpleaudio now fails
    told: list[str] = []
    player = make_player(on_problem=told.append)
    player.play(Cue.STAGE)
    player.play(Cue.TICK)
    assert player.wait_idle(WAIT)
    assert (player.problem, told) == (NO_LIBRARY, [NO_LIBRARY])


def test_make_player_without_the_library_gives_a_silent_player_with_the_notice(monkeypatch):
    monkeypatch.setattr(player_module.importlib.util, "find_spec", lambda name: None)
    told: list[str] = []
    player = make_player(muted=False, volume=0.7, on_problem=told.append)
    assert isinstance(player, SilentPlayer)
    player.play(Cue.STAGE)
    assert (player.problem, told, player.volume) == (NO_LIBRARY, [NO_LIBRARY], 0.7)


def test_a_missing_sound_file_is_reported_and_nothing_plays(tmp_path, alsa_file, make_player):
    told: list[str] = []
    player = make_player(on_problem=told.append, sounds_dir=tmp_path / "empty")
    player.play(Cue.STAGE)
    assert player.wait_idle(WAIT)
    assert (player.problem, told) == (BAD_FILE, [BAD_FILE])
    assert alsa_file.plays() == []


def test_a_failing_problem_callback_does_not_break_the_player(no_sound_card, make_player):
    def broken(message: str) -> None:
        raise RuntimeError("the window is gone")

    player = make_player(on_problem=broken)
    player.play(Cue.TICK)
    assert player.wait_idle(WAIT)
    player.play(Cue.TICK)
    assert player.wait_idle(WAIT)
    assert player.problem == NO_DEVICE


def test_play_never_raises_even_for_a_bad_cue(make_player):
    player = make_player(muted=True)
    player.muted = False
    player.play("no such cue")  # type: ignore[arg-type]
    assert player.wait_idle(WAIT)


# -- never blocking the caller, and stopping cleanly ---------------------------------------------------


def test_play_returns_at_once_while_the_device_hangs(fake_simpleaudio, make_player):
    fake_simpleaudio.release_open.clear()  # the device takes forever to open
    player = make_player()
    started = time.monotonic()
    player.play(Cue.STAGE)
    assert fake_simpleaudio.opened.wait(WAIT)  # the worker is stuck inside the device...
    player.play(Cue.TICK)  # ...and the caller still is not
    assert time.monotonic() - started < 0.5
    fake_simpleaudio.release_open.set()
    fake_simpleaudio.sound_ends.set()
    assert player.wait_idle(WAIT)
    assert fake_simpleaudio.played == [cue_pcm(Cue.STAGE), cue_pcm(Cue.TICK)]


def test_cues_never_overlap(fake_simpleaudio, make_player):
    player = make_player()
    player.play(Cue.STAGE)
    player.play(Cue.TICK)
    assert fake_simpleaudio.opened.wait(WAIT)
    assert not player.wait_idle(0.05)  # the stage cue is still sounding
    assert len(fake_simpleaudio.played) == 1  # so the tick waits its turn
    fake_simpleaudio.sound_ends.set()
    assert player.wait_idle(WAIT)
    assert len(fake_simpleaudio.played) == 2


def test_cues_that_waited_too_long_are_dropped(fake_simpleaudio, make_player, monkeypatch):
    now = [100.0]
    fake_simpleaudio.release_open.clear()
    player = make_player(clock=lambda: now[0])
    player.play(Cue.STAGE)
    assert fake_simpleaudio.opened.wait(WAIT)
    for _ in range(5):
        player.play(Cue.TEMPO)  # queued behind a device that hangs
    now[0] += player_module.STALE_AFTER + 0.5
    player.play(Cue.TICK)  # asked for just now
    fake_simpleaudio.release_open.set()
    fake_simpleaudio.sound_ends.set()
    assert player.wait_idle(WAIT)
    assert fake_simpleaudio.played == [cue_pcm(Cue.STAGE), cue_pcm(Cue.TICK)]


def test_muting_cuts_the_cue_that_is_playing(fake_simpleaudio, make_player):
    player = make_player()
    player.play(Cue.DONE)
    player.play(Cue.DONE)
    assert fake_simpleaudio.opened.wait(WAIT)
    player.muted = True
    assert player.wait_idle(WAIT)  # without the test ending the sound
    assert [play.stopped.is_set() for play in fake_simpleaudio.plays] == [True]


def test_close_stops_the_sound_and_the_thread_promptly(fake_simpleaudio):
    player = SimpleaudioPlayer()
    player.play(Cue.DONE)
    assert fake_simpleaudio.opened.wait(WAIT)
    started = time.monotonic()
    player.close()
    assert time.monotonic() - started < 0.9
    assert fake_simpleaudio.plays[0].stopped.is_set()
    assert not any(t.name == "selfmassage-sound" and t.is_alive() for t in threading.enumerate())
    player.play(Cue.TICK)
    assert player.wait_idle(WAIT)
    assert len(fake_simpleaudio.played) == 1


def test_the_sound_thread_never_keeps_the_app_alive(fake_simpleaudio, make_player):
    player = make_player()
    player.play(Cue.TICK)
    assert fake_simpleaudio.opened.wait(WAIT)
    [thread] = [t for t in threading.enumerate() if t.name == "selfmassage-sound"]
    assert thread.daemon



class _RealTimePlay:
    """Plays for as long as its samples last, like a sound card, and counts how often it is asked."""

    def __init__(self, seconds: float) -> None:
        self.ends = time.monotonic() + seconds
        self.asked = 0

    def is_playing(self) -> bool:
        self.asked += 1
        return time.monotonic() < self.ends

    def stop(self) -> None:
        self.ends = 0.0


def test_the_sound_thread_sleeps_while_a_cue_plays_and_starts_the_next_when_it_ends(
        fake_simpleaudio, make_player, monkeypatch):
    # On a sound card a cue lasts its length; looking every 5 ms woke the thread 200 times a second.
    plays: list[tuple[_RealTimePlay, float]] = []

    def play_buffer(data: bytes, channels: int, width: int, rate: int) -> _RealTimePlay:
        play = _RealTimePlay(len(data) / (channels * width * rate))
        plays.append((play, time.monotonic()))
        return play

    monkeypatch.setattr(fake_simpleaudio, "play_buffer", play_buffer)
    player = make_player()
    player.play(Cue.STAGE)  # 0.75 s
    player.play(Cue.TICK)
    assert player.wait_idle(WAIT)
    (stage, stage_at), (_tick, tick_at) = plays
    assert stage.asked <= 15  # not 150
    assert 0.75 <= tick_at - stage_at < 0.75 + 0.1  # the tick follows the end, never overlapping it


class _QueueClock:
    """The queue's clock, moved by the test: a beat is asked for exactly when the test says."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def _wait_for_plays(alsa_file, count: int) -> None:
    deadline = time.monotonic() + WAIT
    while len(alsa_file.plays()) < count:
        assert time.monotonic() < deadline, "the device was never opened"
        time.sleep(0.005)


TEMPO_RATE = 44100


def test_a_steady_tempo_reaches_the_device_as_one_sound_of_its_next_beats(alsa_file, make_player):
    # Eighty clicks a minute, each its own device open, cost more than the rest of a rubbing minute's sound.
    clock = _QueueClock()
    player = make_player(clock=clock)
    period = 0.1
    player.keep_time(period, 3)
    player.play(Cue.TEMPO)
    _wait_for_plays(alsa_file, 1)  # the train is on the device
    for beats_ahead in (2, 1, 0):  # the session's next beats, each at its time: their clicks are playing
        clock.now += period
        player.keep_time(period, beats_ahead)
        player.play(Cue.TEMPO)
    assert player.wait_idle(WAIT)
    click = cue_pcm(Cue.TEMPO)
    step = 2 * round(period * TEMPO_RATE)
    [train] = alsa_file.plays()
    assert len(train) == 3 * step + len(click)
    for beat in range(4):
        assert train[beat * step:beat * step + len(click)] == click
        assert not any(train[beat * step + len(click):(beat + 1) * step] if beat < 3 else b"")


def test_a_tick_or_a_pause_cuts_the_clicks_played_ahead_at_once(fake_simpleaudio, make_player):
    # On a sound card a train sounds for its beats; the stand-in keeps "playing" until the test ends it.
    clock = _QueueClock()
    player = make_player(clock=clock)
    click = cue_pcm(Cue.TEMPO)

    def wait_for(count: int) -> None:
        deadline = time.monotonic() + WAIT
        while len(fake_simpleaudio.plays) < count:
            assert time.monotonic() < deadline
            time.sleep(0.005)

    player.keep_time(0.5, 3)
    player.play(Cue.TEMPO)
    wait_for(1)
    assert len(fake_simpleaudio.played[0]) > len(click)  # the next three beats too
    player.play(Cue.TICK)  # the final countdown: the tick is not kept waiting for the train
    wait_for(2)
    assert fake_simpleaudio.plays[0].stopped.is_set()
    assert fake_simpleaudio.played[1] == cue_pcm(Cue.TICK)
    fake_simpleaudio.sound_ends.set()
    assert player.wait_idle(WAIT)
    fake_simpleaudio.sound_ends.clear()

    clock.now += 0.2
    player.keep_time(0.5, 3)
    player.play(Cue.TEMPO)
    wait_for(3)
    player.keep_time(None)  # paused
    deadline = time.monotonic() + WAIT
    while not fake_simpleaudio.plays[2].stopped.is_set():
        assert time.monotonic() < deadline, "the clicks played ahead went on after the pause"
        time.sleep(0.005)
    clock.now += 0.5
    player.play(Cue.TEMPO)  # resumed: the beats that were cut are not taken as played
    wait_for(4)
    assert fake_simpleaudio.played[3] == click
    fake_simpleaudio.sound_ends.set()
    assert player.wait_idle(WAIT)


# -- the silent players -------------------------------------------------------------------------------


def test_silent_player_keeps_settings_and_plays_nothing():
    player = SilentPlayer(volume=0.3, muted=True)
    player.volume = 2.0
    player.muted = False
    player.play(Cue.DONE)
    assert (player.volume, player.muted, player.problem) == (1.0, False, None)
    assert player.wait_idle(0)


def test_recording_player_hears_only_what_a_person_would():
    player = RecordingPlayer()
    player.play(Cue.STAGE)
    player.muted = True
    player.play(Cue.TICK)
    player.muted = False
    player.volume = 0.0
    player.play(Cue.TICK)
    player.volume = 0.5
    player.play(Cue.DONE)
    assert player.played == [Cue.STAGE, Cue.DONE]


def test_volume_must_be_a_number():
    with pytest.raises(ValueError):
        SilentPlayer(volume=float("nan"))


def test_no_sound_card_prints_nothing_to_the_terminal(no_sound_card):
    # A plain program, as `selfmassage run` is: no logging set up, alsa-lib free to print.
    program = (
        "from selfmassage.sound.player import make_player\n"
        "from selfmassage.sound.cues import Cue\n"
        "player = make_player(muted=False, volume=1.0)\n"
        "player.play(Cue.STAGE)\n"
        "assert player.wait_idle(10)\n"
        "print(player.problem)\n"
    )
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=60,
                          cwd=ROOT, check=False)
    assert (done.returncode, done.stdout, done.stderr) == (0, NO_DEVICE + "\n", "")


def test_after_a_mute_during_the_clicks_played_ahead_the_next_beat_clicks(fake_simpleaudio, make_player):
    # Muted and unmuted again mid-train: the beats that follow must be heard, not taken as played.
    clock = _QueueClock()
    player = make_player(clock=clock)
    player.keep_time(0.5, 3)
    player.play(Cue.TEMPO)
    deadline = time.monotonic() + WAIT
    while not fake_simpleaudio.plays:
        assert time.monotonic() < deadline
        time.sleep(0.005)
    player.muted = True
    while not fake_simpleaudio.plays[0].stopped.is_set():
        assert time.monotonic() < deadline, "muting left the clicks played ahead going"
        time.sleep(0.005)
    assert player.wait_idle(WAIT)
    player.muted = False
    clock.now += 0.5
    player.keep_time(0.5, 2)
    player.play(Cue.TEMPO)  # the next beat, well inside what the cut train had covered
    while len(fake_simpleaudio.plays) < 2:
        assert time.monotonic() < deadline, "the beat after unmuting was silent"
        time.sleep(0.005)
    assert fake_simpleaudio.played[1][:len(cue_pcm(Cue.TEMPO))] == cue_pcm(Cue.TEMPO)
    fake_simpleaudio.sound_ends.set()
    assert player.wait_idle(WAIT)
