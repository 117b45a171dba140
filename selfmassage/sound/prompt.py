"""A spoken prompt: voice clips said one after another as one utterance, and where the clips are."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from selfmassage.i18n import SOURCE_LANGUAGE, language
from selfmassage.resources import assets_dir

# Silence between the clips of one prompt: each clip is a sentence of its own.
CLIP_GAP_SECONDS = 0.2


@dataclass(frozen=True)
class Prompt:
    """Clips said one after another as one utterance; `clips` are file stems in assets/voice/."""

    clips: tuple[str, ...]


def voice_dir() -> Path:
    """The clips in the language in use (assets/voice/<lang>/); English (assets/voice/) when it has none."""
    base = assets_dir() / "voice"
    spoken = language()
    if spoken != SOURCE_LANGUAGE and (base / spoken).is_dir():
        return base / spoken
    return base
