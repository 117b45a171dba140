"""What the window, the terminal runner and the session's sound use of a player, and the sentences a
player says when sound fails."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from selfmassage.i18n import N_
from selfmassage.sound.cues import Cue
from selfmassage.sound.prompt import Prompt

ProblemCallback = Callable[[str], None]

# Kept in English as the problem's key; a player says them in the language in use (PlayerBase.problem).
NO_LIBRARY = N_("No sound: the sound library is not installed. Follow the screen instead.")
NO_DEVICE = N_("No sound: your computer's sound device did not answer. Follow the screen instead.")
BAD_FILE = N_("No sound: a sound file is missing or damaged. Reinstall selfmassage to hear the cues.")


class CuePlayer(Protocol):
    """What the window, the terminal runner and SessionSound use."""

    on_problem: ProblemCallback | None

    @property
    def volume(self) -> float:
        """0.0 to 1.0, scaling the samples' amplitude."""
        ...

    @volume.setter
    def volume(self, value: float) -> None: ...

    @property
    def muted(self) -> bool: ...

    @muted.setter
    def muted(self, value: bool) -> None: ...

    @property
    def problem(self) -> str | None:
        """One plain sentence for the user once sound has failed; None while it works."""
        ...

    @property
    def voice_volume(self) -> float:
        """0.0 to 1.0, for the spoken prompts; `muted` silences them too."""
        ...

    @voice_volume.setter
    def voice_volume(self, value: float) -> None: ...

    def play(self, cue: Cue) -> None:
        """Start `cue` soon; returns at once and never raises."""
        ...

    def speak(self, prompt: Prompt) -> None:
        """Say `prompt` after whatever is queued before it; returns at once and never raises."""
        ...

    def keep_time(self, period: float | None, beats_ahead: int = 0) -> None:
        """The rubbing tempo in force, in seconds a beat, and how many more beats surely follow this one
        (none before the final countdown); None when it stops (a pause, the step's end). A player may play
        those beats' clicks ahead, as one sound, and stops them at once when the tempo stops. Returns at
        once and never raises."""
        ...

    def wait_idle(self, timeout: float | None = None) -> bool:
        """Block until every cue asked for has finished; False on timeout. Never on the GUI thread."""
        ...

    def close(self) -> None:
        """Stop playing and let the background thread end. Playing afterwards does nothing."""
        ...
