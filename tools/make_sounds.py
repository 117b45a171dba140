"""Synthesise the session's sound cues into assets/sounds/ (44.1 kHz, mono, 16-bit WAV).

Standard library only, no randomness: the same bytes on every run, so the committed WAVs can be checked
against this script (tests/sound/test_assets.py). Run: `python tools/make_sounds.py [--out DIR]`.

Each cue differs from the others in contour, timbre and length, so a person with closed eyes can tell them
apart: a rising two-note chime (step_start), one soft bell (switch), a three-note marimba arpeggio (stage),
a short woodblock knock (tick), a slow V-I chord (done) and a tiny quiet click (tempo).
"""

from __future__ import annotations

import argparse
import array
import io
import math
import sys
import wave
from collections.abc import Callable, Sequence
from pathlib import Path

RATE = 44100
# The cues all peak at the same level; the tempo click repeats 60-100 times a minute under everything
# else, so it is deliberately much quieter.
PEAK = 0.70  # about -3 dBFS: loud enough, with headroom for the device's own mixing
TEMPO_PEAK = 0.20  # about -14 dBFS

# A partial: (frequency ratio to the note, relative amplitude, decay time constant in seconds).
Partial = tuple[float, float, float]

# A soft bell: the inharmonic upper partials (2.76, 5.40) are what make it sound like a bell, not a beep.
BELL: tuple[Partial, ...] = ((1.0, 1.0, 0.30), (2.0, 0.22, 0.16), (2.76, 0.10, 0.09), (5.40, 0.03, 0.04))
# A glassy chime: harmonic, slightly brighter than the bell.
CHIME: tuple[Partial, ...] = ((1.0, 1.0, 0.22), (2.0, 0.30, 0.12), (3.0, 0.12, 0.07), (4.0, 0.05, 0.04))
# A marimba: a strong fundamental with its tuned bar overtones at 4x and about 10x, dying fast.
MARIMBA: tuple[Partial, ...] = ((1.0, 1.0, 0.18), (4.0, 0.35, 0.035), (9.9, 0.10, 0.012))
# A woodblock: a hollow, inharmonic knock that is over in a few hundredths of a second.
WOODBLOCK: tuple[Partial, ...] = ((1.0, 1.0, 0.016), (2.66, 0.45, 0.009), (4.17, 0.20, 0.005))
# A warm pad for the final chord: harmonic, soft upper partials, long decay.
WARM: tuple[Partial, ...] = ((1.0, 1.0, 0.9), (2.0, 0.30, 0.6), (3.0, 0.10, 0.4))
# The tempo click: a tiny high tick, nothing like the woodblock's knock.
CLICK: tuple[Partial, ...] = ((1.0, 1.0, 0.004), (1.5, 0.4, 0.003))

# Equal-tempered pitches (Hz) of the notes used.
C4, E4, G4, B4 = 261.63, 329.63, 392.00, 493.88
C5, D5, E5, G5, A5 = 523.25, 587.33, 659.26, 783.99, 880.00


def _samples(seconds: float) -> int:
    return round(seconds * RATE)


def _raised_cosine(position: float) -> float:
    """0 at position 0, 1 at position 1, with a smooth start and end (no corner, so no click)."""
    return 0.5 - 0.5 * math.cos(math.pi * min(1.0, max(0.0, position)))


def _add_note(
    buffer: list[float],
    start: float,
    freq: float,
    partials: Sequence[Partial],
    *,
    attack: float,
    gain: float = 1.0,
    detune: float = 0.0,
) -> None:
    """Mix one note into `buffer` from `start` seconds: decaying partials under a smooth attack."""
    first = _samples(start)
    attack_samples = max(1, _samples(attack))
    for i in range(len(buffer) - first):
        t = i / RATE
        value = 0.0
        for ratio, amplitude, decay in partials:
            phase = 2.0 * math.pi * freq * ratio * t
            tone = math.sin(phase)
            if detune:
                # A second voice a hair off pitch gives a slow, warm beating.
                tone = 0.5 * (tone + math.sin(phase * (1.0 + detune)))
            value += amplitude * math.exp(-t / decay) * tone
        buffer[first + i] += gain * value * _raised_cosine(i / attack_samples)


def _finish(buffer: list[float], release: float, peak: float) -> list[float]:
    """Fade the tail to exactly zero and scale so the loudest sample sits at `peak`."""
    release_samples = max(1, _samples(release))
    length = len(buffer)
    for i in range(max(0, length - release_samples), length):
        buffer[i] *= _raised_cosine((length - 1 - i) / release_samples)
    loudest = max(abs(value) for value in buffer)
    return [value * peak / loudest for value in buffer]


def step_start() -> list[float]:
    """A new technique begins: a rising two-note chime, fifth to octave (E5 then A5)."""
    buffer = [0.0] * _samples(0.55)
    _add_note(buffer, 0.0, E5, CHIME, attack=0.004)
    _add_note(buffer, 0.13, A5, CHIME, attack=0.004)
    return _finish(buffer, release=0.06, peak=PEAK)


def switch() -> list[float]:
    """Same technique, next area: one soft, lower bell note."""
    buffer = [0.0] * _samples(0.50)
    _add_note(buffer, 0.0, D5, BELL, attack=0.008)
    return _finish(buffer, release=0.08, peak=PEAK)


def stage() -> list[float]:
    """A new stage begins: a bright three-note rising arpeggio (C5 E5 G5) on a marimba."""
    buffer = [0.0] * _samples(0.75)
    for n, note in enumerate((C5, E5, G5)):
        _add_note(buffer, 0.11 * n, note, MARIMBA, attack=0.003)
    return _finish(buffer, release=0.08, peak=PEAK)


def tick() -> list[float]:
    """Each of a step's last three seconds: a short woodblock knock."""
    buffer = [0.0] * _samples(0.09)
    _add_note(buffer, 0.0, 1150.0, WOODBLOCK, attack=0.0015)
    return _finish(buffer, release=0.02, peak=PEAK)


def done() -> list[float]:
    """The session is finished: a warm G major chord resolving to C major, fading slowly."""
    buffer = [0.0] * _samples(2.0)
    for note in (G4, B4, D5):
        _add_note(buffer, 0.0, note, WARM, attack=0.03, gain=0.6, detune=0.002)
    # The first chord is cut short by the second's arrival: fade it under the resolution.
    resolve = _samples(0.42)
    for i in range(resolve, len(buffer)):
        buffer[i] *= max(0.0, 1.0 - (i - resolve) / _samples(0.12))
    for note in (C4, E4, G4, C5):
        _add_note(buffer, 0.42, note, WARM, attack=0.04, detune=0.002)
    return _finish(buffer, release=0.5, peak=PEAK)


def tempo() -> list[float]:
    """One rubbing movement: a tiny, quiet click."""
    buffer = [0.0] * _samples(0.025)
    _add_note(buffer, 0.0, 2400.0, CLICK, attack=0.001)
    return _finish(buffer, release=0.008, peak=TEMPO_PEAK)


# File stem -> synthesiser. The stems are the values of selfmassage.sound.cues.Cue.
SOUNDS: dict[str, Callable[[], list[float]]] = {
    "step_start": step_start,
    "switch": switch,
    "stage": stage,
    "tick": tick,
    "done": done,
    "tempo": tempo,
}


def to_wav(samples: Sequence[float]) -> bytes:
    """16-bit little-endian mono WAV bytes; the wave module writes no timestamp, so output is stable."""
    pcm = array.array("h", (round(max(-1.0, min(1.0, value)) * 32767) for value in samples))
    if sys.byteorder == "big":
        pcm.byteswap()
    out = io.BytesIO()
    with wave.open(out, "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(RATE)
        wav.writeframes(pcm.tobytes())
    return out.getvalue()


def render(name: str) -> bytes:
    return to_wav(SOUNDS[name]())


def write_all(out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name in SOUNDS:
        path = out_dir / f"{name}.wav"
        path.write_bytes(render(name))
        written.append(path)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = Path(__file__).resolve().parent.parent / "assets" / "sounds"
    parser.add_argument("--out", type=Path, default=default, help=f"folder to write to (default {default})")
    args = parser.parse_args(argv)
    for path in write_all(args.out):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
