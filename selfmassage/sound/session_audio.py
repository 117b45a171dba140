"""A session's sound: its cues, then its spoken prompts, hooked onto one engine (cue first, then words)."""

from __future__ import annotations

from collections.abc import Iterable

from selfmassage.core.engine import SessionEngine
from selfmassage.sound.interface import CuePlayer
from selfmassage.sound.session_sound import SessionSound
from selfmassage.sound.voice import PromptStyle, SessionVoice


class SessionAudio:
    """What the window and the terminal runner attach to a session; `set_voice` and `detach` as it runs."""

    def __init__(self, engine: SessionEngine, player: CuePlayer, *, tempo_click: bool = True,
                 voice: bool = False, short_routines: Iterable[str] = ()) -> None:
        self.cues = SessionSound(engine, player, tempo_click=tempo_click)
        style = PromptStyle.for_routine(engine.routine.name, short_routines)
        self.voice = SessionVoice(engine, player, enabled=voice, style=style)

    def set_voice(self, on: bool) -> None:
        self.voice.enabled = on

    def detach(self) -> None:
        self.cues.detach()
        self.voice.detach()
