"""The sound check: every cue and a voice clip reach the device, and a plain answer when they can't."""

from __future__ import annotations

import importlib.util
import threading
import wave

from selfmassage.sound import check as check_module
from selfmassage.sound.check import (
    DAMAGED_FILE,
    NO_DEVICE_FOUND,
    NO_SOUND_LIBRARY,
    TURNED_OFF,
    WORKS,
    SoundCheckResult,
    sound_check,
    start_sound_check,
)
from selfmassage.sound.cues import Cue
from selfmassage.sound.silent import RecordingPlayer
from selfmassage.sound.voice import SOUND_CHECK, Prompt, voice_dir
from tests.sound.helpers import cue_pcm

WAIT = 20.0


def voice_pcm(stem: str) -> bytes:
    with wave.open(str(voice_dir() / f"{stem}.wav"), "rb") as wav:
        return wav.readframes(wav.getnframes())


def test_every_cue_then_the_voice_reach_the_device_and_it_says_sound_works(alsa_file):
    result = sound_check()
    assert result == SoundCheckResult(True, WORKS)
    assert alsa_file.plays() == [cue_pcm(cue) for cue in Cue] + [voice_pcm(SOUND_CHECK)]


def test_with_no_sound_device_it_says_what_to_check(no_sound_card):
    result = sound_check()
    assert not result.works
    assert result.message == NO_DEVICE_FOUND
    for thing in ("connected", "muted", "PipeWire", "PulseAudio", "ALSA"):
        assert thing in result.message


def test_without_the_sound_library_it_says_how_to_get_it(monkeypatch):
    real_find_spec = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name == "simpleaudio" else real_find_spec(name, *a))
    result = sound_check()
    assert result == SoundCheckResult(False, NO_SOUND_LIBRARY)


def test_a_missing_cue_file_is_named_as_such(alsa_file, tmp_path, make_player):
    player = make_player(sounds_dir=tmp_path)  # no cue files there
    assert sound_check(player) == SoundCheckResult(False, DAMAGED_FILE)


def test_a_muted_player_is_not_played_through_and_the_answer_says_so():
    player = RecordingPlayer(muted=True)
    assert sound_check(player) == SoundCheckResult(False, TURNED_OFF)


def test_a_given_player_plays_each_cue_then_the_voice_clip_in_order():
    player = RecordingPlayer()
    assert sound_check(player).works
    assert player.heard == [*Cue, Prompt((SOUND_CHECK,))]


def test_it_can_run_off_the_calling_thread_and_report_back(alsa_file):
    results: list[SoundCheckResult] = []
    done = threading.Event()

    def on_done(result: SoundCheckResult) -> None:
        results.append(result)
        done.set()

    thread = start_sound_check(on_done)
    assert thread is not threading.current_thread()
    assert done.wait(WAIT)
    assert results == [SoundCheckResult(True, WORKS)]


def test_every_answer_is_plain_and_short():
    for name in ("WORKS", "NO_DEVICE_FOUND", "NO_SOUND_LIBRARY", "DAMAGED_FILE", "TURNED_OFF", "TIMED_OUT"):
        message = getattr(check_module, name)
        assert message.endswith(".")
        assert len(message) <= 200
        assert "Error" not in message and "ALSA_" not in message
