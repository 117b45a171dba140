"""The shipped cue WAVs: made by tools/make_sounds.py, and shaped so they can be told apart by ear."""

from __future__ import annotations

import array
import importlib.util
import itertools
import sys
import wave
from pathlib import Path
from types import ModuleType

import pytest

from selfmassage.resources import asset_path, assets_dir
from selfmassage.sound.cues import Cue

RATE = 44100
SCRIPT = Path(__file__).resolve().parents[2] / "tools" / "make_sounds.py"


def load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_sounds", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read(cue: Cue) -> tuple[wave._wave_params, array.array]:
    with wave.open(str(asset_path("sounds", cue.filename)), "rb") as wav:
        params = wav.getparams()
        values = array.array("h")
        values.frombytes(wav.readframes(wav.getnframes()))
    if sys.byteorder == "big":
        values.byteswap()
    return params, values


def seconds(values: array.array) -> float:
    return len(values) / RATE


def pitch(values: array.array, start: float, end: float) -> float:
    """Rough pitch (Hz) of a stretch of sound, from its zero crossings."""
    part = values[round(start * RATE) : round(end * RATE)]
    crossings = sum(1 for a, b in itertools.pairwise(part) if (a < 0) != (b < 0))
    return crossings / 2 / (end - start)


def note_starts(values: array.array, window: float = 0.01) -> list[float]:
    """Where notes begin: the start, and each window whose peak jumps well above the one before."""
    size = round(window * RATE)
    peaks = [max(abs(v) for v in values[i : i + size]) for i in range(0, len(values), size)]
    loudest = max(peaks)
    starts = [0.0]
    for i in range(1, len(peaks)):
        if peaks[i] > 1.3 * peaks[i - 1] and peaks[i] > 0.25 * loudest:
            starts.append(round(i * window, 2))
    return starts


def test_the_committed_sounds_are_exactly_what_the_script_makes(tmp_path):
    written = load_script().write_all(tmp_path)
    assert sorted(path.name for path in written) == sorted(cue.filename for cue in Cue)
    for path in written:
        assert path.read_bytes() == (assets_dir() / "sounds" / path.name).read_bytes(), (
            f"{path.name} differs from tools/make_sounds.py: run it and commit the result")


@pytest.mark.parametrize("cue", list(Cue))
def test_every_cue_is_cd_rate_mono_16_bit_with_silent_edges(cue):
    params, values = read(cue)
    assert (params.framerate, params.nchannels, params.sampwidth) == (RATE, 1, 2)
    # Starting and ending at zero, with no jump next to the edges: no click when the device starts or stops.
    assert values[0] == 0 and values[-1] == 0
    assert max(abs(v) for v in values[:3]) < 200 and max(abs(v) for v in values[-3:]) < 200


@pytest.mark.parametrize("cue", [cue for cue in Cue if cue is not Cue.DONE])
def test_the_cues_during_a_session_are_short(cue):
    _, values = read(cue)
    assert seconds(values) <= 0.8


def test_the_end_of_the_session_takes_its_time():
    _, values = read(Cue.DONE)
    assert 1.2 <= seconds(values) <= 2.5


def test_the_cues_peak_at_the_same_level_and_the_tempo_click_stays_in_the_background():
    peaks = {cue: max(abs(v) for v in read(cue)[1]) for cue in Cue}
    tempo = peaks.pop(Cue.TEMPO)
    assert max(peaks.values()) - min(peaks.values()) <= 2
    assert tempo < max(peaks.values()) / 3


def test_the_cues_have_different_shapes():
    _, start = read(Cue.STEP_START)
    _, switch = read(Cue.SWITCH)
    _, stage = read(Cue.STAGE)
    _, tick = read(Cue.TICK)
    _, tempo = read(Cue.TEMPO)
    # A new technique: two notes, rising. Next area: one note. New stage: three notes, rising.
    first, second = note_starts(start)
    assert note_starts(switch) == [0.0]
    a, b, c = note_starts(stage)
    assert pitch(start, second, second + 0.1) > pitch(start, first, second) * 1.2
    assert pitch(stage, a, b) < pitch(stage, b, c) < pitch(stage, c, c + 0.1)
    # The countdown tick is a knock, the tempo click even shorter; both far shorter than any note.
    assert seconds(tempo) < 0.04 < seconds(tick) < 0.15 < 0.4 < seconds(switch)
