"""Render the spoken prompts into assets/voice/ with espeak-ng and sox (Debian packages).

The app plays these WAVs and needs no speech engine at run time. One clip per technique, known area, stage
and fixed phrase; each trimmed of silence at both ends, resampled to the cues' format (44.1 kHz, mono,
16-bit) and normalised to the cues' peak level, so voice and cues sound equally loud.

    apt-get install espeak-ng sox
    python tools/make_voice.py            # writes assets/voice/*.wav
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

from selfmassage.core.techniques import KNOWN_AREAS, Stage, Technique  # noqa: E402

VOICE = "en-gb+f3"  # a calm, clear voice that ships with espeak-ng itself
SPEED = 140  # words per minute: a little slower than espeak's default, for a relaxed session
PITCH = 45
PEAK_DB = -3.0  # the cues' peak level


def slug(text: str) -> str:
    return "-".join(text.lower().replace(",", " ").split())


def clips() -> dict[str, str]:
    """File stem → what is said."""
    said: dict[str, str] = {}
    for technique in Technique:
        said[f"technique-{technique.value}"] = f"{technique.label}."
    for area in KNOWN_AREAS:
        said[f"area-{slug(area)}"] = f"{area.capitalize()}."
    for stage in Stage:
        said[f"stage-{stage.value}"] = f"{stage.label.replace('-', ' ')} stage."
    said.update({
        "phrase-next": "Next:",
        "phrase-switch-sides": "Switch sides.",
        "phrase-left-side": "Left side.",
        "phrase-right-side": "Right side.",
        "phrase-done": "Done. Well done.",
        "phrase-paused": "Paused.",
        "phrase-sound-check": "This is how your prompts will sound.",
    })
    return said


def render(text: str, target: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        raw = Path(tmp) / "raw.wav"
        subprocess.run(["espeak-ng", "-v", VOICE, "-s", str(SPEED), "-p", str(PITCH), "-w", str(raw), text],
                       check=True)
        subprocess.run([
            "sox", str(raw), "-r", "44100", "-c", "1", "-b", "16", str(target),
            # Trim leading silence, then trailing (by trimming the reversed clip's lead).
            "silence", "1", "0.02", "-45d", "reverse", "silence", "1", "0.02", "-45d", "reverse",
            "norm", str(PEAK_DB),
        ], check=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path, default=ROOT / "assets" / "voice")
    args = parser.parse_args(argv)
    for tool in ("espeak-ng", "sox"):
        if shutil.which(tool) is None:
            print(f"make_voice: {tool} is missing; apt-get install espeak-ng sox", file=sys.stderr)
            return 1
    args.out.mkdir(parents=True, exist_ok=True)
    for stem, text in clips().items():
        render(text, args.out / f"{stem}.wav")
    print(f"wrote {len(clips())} clips to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
