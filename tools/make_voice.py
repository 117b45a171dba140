"""Render the spoken prompts into assets/voice/ with espeak-ng and sox (Debian packages).

The app plays these WAVs and needs no speech engine at run time. One clip per technique, known area, stage
and fixed phrase; each trimmed of silence at both ends, resampled to the cues' format (44.1 kHz, mono,
16-bit) and normalised to the cues' peak level, so voice and cues sound equally loud.

    apt-get install espeak-ng sox
    python tools/make_voice.py            # writes assets/voice/*.wav
    python tools/make_voice.py --lang ru  # writes assets/voice/ru/*.wav, the words from the Russian catalogue
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from selfmassage import i18n  # noqa: E402
from selfmassage.sound.voice import SPOKEN  # noqa: E402

# Calm, clear voices that ship with espeak-ng itself, one per language.
VOICES = {"en": "en-gb+f3", "ru": "ru+f3"}
# Words espeak-ng stresses wrongly, said in its phoneme notation instead ([[…]] in the text it reads).
PRONOUNCE = {"ru": {"Ягодицы": "[[j'agVd;itsy]]"}}
SPEED = 140  # words per minute: a little slower than espeak's default, for a relaxed session
PITCH = 45
PEAK_DB = -3.0  # the cues' peak level


def clips(language: str = "en") -> dict[str, str]:
    """File stem → what is said, in `language` (from its catalogue)."""
    i18n.setup(language)
    said = {stem: i18n._(text) for stem, text in SPOKEN.items()}
    for word, phonemes in PRONOUNCE.get(language, {}).items():
        said = {stem: text.replace(word, phonemes) for stem, text in said.items()}
    return said


def render(text: str, target: Path, voice: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        raw = Path(tmp) / "raw.wav"
        subprocess.run(["espeak-ng", "-v", voice, "-s", str(SPEED), "-p", str(PITCH), "-w", str(raw), text],
                       check=True)
        subprocess.run([
            "sox", str(raw), "-r", "44100", "-c", "1", "-b", "16", str(target),
            # Trim leading silence, then trailing (by trimming the reversed clip's lead).
            "silence", "1", "0.02", "-45d", "reverse", "silence", "1", "0.02", "-45d", "reverse",
            "norm", str(PEAK_DB),
        ], check=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path, help="default assets/voice, or assets/voice/LANG")
    parser.add_argument("--lang", choices=sorted(VOICES), default="en")
    args = parser.parse_args(argv)
    out = args.out or ROOT / "assets" / "voice" / ("" if args.lang == "en" else args.lang)
    for tool in ("espeak-ng", "sox"):
        if shutil.which(tool) is None:
            print(f"make_voice: {tool} is missing; apt-get install espeak-ng sox", file=sys.stderr)
            return 1
    out.mkdir(parents=True, exist_ok=True)
    said = clips(args.lang)
    for stem, text in said.items():
        render(text, out / f"{stem}.wav", VOICES[args.lang])
    print(f"wrote {len(said)} clips to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
