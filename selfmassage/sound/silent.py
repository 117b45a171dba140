"""The players that play nothing: SilentPlayer when sound can't work, RecordingPlayer for tests; and the
settings and once-only problem report that every player shares (PlayerBase)."""

from __future__ import annotations

import logging
import math
import threading

from selfmassage.i18n import _
from selfmassage.sound.cues import Cue
from selfmassage.sound.interface import ProblemCallback
from selfmassage.sound.prompt import Prompt

log = logging.getLogger(__name__)


def checked_volume(value: float) -> float:
    value = float(value)
    if math.isnan(value):
        raise ValueError("volume must be a number from 0.0 to 1.0")
    return min(1.0, max(0.0, value))


class PlayerBase:
    """Settings and the once-only problem report that every player shares."""

    def __init__(
        self, *, volume: float = 1.0, muted: bool = False, on_problem: ProblemCallback | None = None,
        voice_volume: float = 1.0,
    ) -> None:
        self._volume = checked_volume(volume)
        self._voice_volume = checked_volume(voice_volume)
        self._muted = bool(muted)
        self._problem: str | None = None
        self._problem_lock = threading.Lock()
        self.on_problem = on_problem

    @property
    def volume(self) -> float:
        return self._volume

    @volume.setter
    def volume(self, value: float) -> None:
        self._volume = checked_volume(value)

    @property
    def voice_volume(self) -> float:
        return self._voice_volume

    @voice_volume.setter
    def voice_volume(self, value: float) -> None:
        self._voice_volume = checked_volume(value)

    @property
    def muted(self) -> bool:
        return self._muted

    @muted.setter
    def muted(self, value: bool) -> None:
        self._muted = bool(value)

    @property
    def problem(self) -> str | None:
        """The first problem, in the language in use."""
        return None if self._problem is None else _(self._problem)

    @property
    def audible(self) -> bool:
        return not self._muted and self._volume > 0.0

    @property
    def voice_audible(self) -> bool:
        return not self._muted and self._voice_volume > 0.0

    def _wanted(self, item: Cue | Prompt) -> bool:
        return self.voice_audible if isinstance(item, Prompt) else self.audible

    def _report_problem(self, message: str) -> None:
        """Keep the first problem and tell `on_problem` about it; later failures stay quiet."""
        with self._problem_lock:
            if self._problem is not None:
                return
            self._problem = message
            callback = self.on_problem
        if callback is None:
            return
        try:
            callback(_(message))
        except Exception as error:
            # A broken callback must not take the sound thread (or the session) down with it.
            log.warning("on_problem callback failed: %r", error)

    def keep_time(self, period: float | None, beats_ahead: int = 0) -> None:
        return None  # each beat's click is played as it comes

    def wait_idle(self, timeout: float | None = None) -> bool:
        return True

    def close(self) -> None:
        return None


class SilentPlayer(PlayerBase):
    """Plays nothing; keeps volume and mute so the window's controls still round-trip."""

    def __init__(
        self,
        *,
        volume: float = 1.0,
        muted: bool = False,
        on_problem: ProblemCallback | None = None,
        problem: str | None = None,
        voice_volume: float = 1.0,
    ) -> None:
        super().__init__(volume=volume, muted=muted, on_problem=on_problem, voice_volume=voice_volume)
        if problem is not None:
            self._report_problem(problem)

    def play(self, cue: Cue) -> None:
        return None

    def speak(self, prompt: Prompt) -> None:
        return None


class RecordingPlayer(SilentPlayer):
    """Silent, but remembers each cue and prompt a person would have heard (not while muted): for tests.

    `heard` keeps both in the order they were asked for.
    """

    def __init__(self, *, volume: float = 1.0, muted: bool = False, voice_volume: float = 1.0) -> None:
        super().__init__(volume=volume, muted=muted, voice_volume=voice_volume)
        self.played: list[Cue] = []
        self.spoken: list[Prompt] = []
        self.heard: list[Cue | Prompt] = []

    def play(self, cue: Cue) -> None:
        if self.audible:
            self.played.append(cue)
            self.heard.append(cue)

    def speak(self, prompt: Prompt) -> None:
        if self.voice_audible:
            self.spoken.append(prompt)
            self.heard.append(prompt)

