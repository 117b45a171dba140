"""Helpers for the sound tests: small routines on a fake clock, cue samples, a stand-in simpleaudio."""

from __future__ import annotations

import array
import sys
import threading
import types
import wave
from pathlib import Path

from selfmassage.core.clock import FakeClock
from selfmassage.core.engine import EngineState, SessionEngine
from selfmassage.core.routine import Routine, Step
from selfmassage.core.techniques import Stage, Technique
from selfmassage.resources import asset_path
from selfmassage.sound.cues import Cue

SYSTEM_ALSA_CONF = "/usr/share/alsa/alsa.conf"


def samples(pcm: bytes) -> array.array:
    values = array.array("h")
    values.frombytes(pcm)
    if sys.byteorder == "big":
        values.byteswap()
    return values


def step(stage: Stage, technique: Technique, area: str, seconds: int) -> Step:
    return Step(stage=stage, technique=technique, area=area, seconds=seconds)


def routine(*steps: Step, tempo: int = 80) -> Routine:
    return Routine(name="Test", steps=steps, tempo=tempo)


def run_to_end(engine: SessionEngine, clock: FakeClock) -> None:
    """Move the clock to each deadline in turn, as the window's single-shot timer does."""
    engine.start()
    while engine.state is EngineState.RUNNING:
        deadline = engine.next_deadline()
        assert deadline is not None
        clock.advance(max(0.0, deadline - clock.now()))
        engine.poll()


def advance_to(engine: SessionEngine, clock: FakeClock, active_seconds: float) -> None:
    """Run deadline by deadline until `active_seconds` of session time have passed."""
    while engine.state is EngineState.RUNNING:
        deadline = engine.next_deadline()
        assert deadline is not None
        target = clock.now() + (active_seconds - engine.active_time())
        if deadline > target:
            clock.advance(max(0.0, target - clock.now()))
            engine.poll()
            return
        clock.advance(max(0.0, deadline - clock.now()))
        engine.poll()


def cue_pcm(cue: Cue) -> bytes:
    """The samples of a shipped cue, as they sit in its WAV (16-bit little-endian mono)."""
    with wave.open(str(asset_path("sounds", cue.filename)), "rb") as wav:
        return wav.readframes(wav.getnframes())


class AlsaFile:
    def __init__(self, folder: Path) -> None:
        self.out = folder / "out.raw"

    def plays(self) -> list[bytes]:
        """What each open of the default device wrote, oldest first."""
        files = sorted(self.out.parent.glob(self.out.name + "*"))  # out.raw sorts before out.raw.0001
        return [path.read_bytes() for path in files]


class FakePlay:
    """A simpleaudio play object that keeps playing until the test lets it end (or it is stopped)."""

    def __init__(self, ended: threading.Event) -> None:
        self._ended = ended
        self.stopped = threading.Event()

    def is_playing(self) -> bool:
        return not (self._ended.is_set() or self.stopped.is_set())

    def stop(self) -> None:
        self.stopped.set()


class FakeSimpleaudio(types.ModuleType):
    """Stands in for the simpleaudio module, to hold the device busy on purpose."""

    def __init__(self) -> None:
        super().__init__("simpleaudio")
        self.opened = threading.Event()  # set when play_buffer is first entered
        self.release_open = threading.Event()  # play_buffer blocks until this is set
        self.release_open.set()
        self.sound_ends = threading.Event()  # play objects report "playing" until this is set
        self.played: list[bytes] = []
        self.plays: list[FakePlay] = []

    def play_buffer(self, data: bytes, channels: int, width: int, rate: int) -> FakePlay:
        self.opened.set()
        self.release_open.wait(5)
        self.played.append(data)
        play = FakePlay(self.sound_ends)
        self.plays.append(play)
        return play
