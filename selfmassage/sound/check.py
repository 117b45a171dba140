"""The sound check behind the window's "Test sound" button: every cue, then a voice clip, and a plain answer.

It blocks while the sounds play (about 7 s), so the window runs it with `start_sound_check`, which works on a
thread of its own and hands the result back through a callback (a Qt caller forwards it with a signal).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

from selfmassage.i18n import N_, _
from selfmassage.sound.cues import Cue
from selfmassage.sound.interface import BAD_FILE, NO_DEVICE, NO_LIBRARY, CuePlayer
from selfmassage.sound.player import make_player
from selfmassage.sound.voice import SOUND_CHECK, Prompt

WORKS = N_("Sound works. You should have heard six short sounds and a voice; if not, turn your speakers up "
         "and check that they are not muted.")
NO_DEVICE_FOUND = N_("No sound device answered. Check that your speakers or headphones are connected and not "
                   "muted, and that your sound system (PipeWire, PulseAudio or ALSA) is running.")
NO_SOUND_LIBRARY = N_("Sound can't play: the sound library is not installed. Run ./run-app once more to "
                    "install it, or reinstall selfmassage.")
DAMAGED_FILE = N_("Sound can't play: a sound file is missing or damaged. Reinstall selfmassage.")
TURNED_OFF = N_("Sound is turned off in selfmassage. Turn it on, then test again.")
TIMED_OUT = N_("Your sound device did not finish playing. Check that nothing else holds it, and that your "
             "sound system (PipeWire, PulseAudio or ALSA) is running.")

# The player's one-line problems, said again with what to check.
_ADVICE = {NO_DEVICE: NO_DEVICE_FOUND, NO_LIBRARY: NO_SOUND_LIBRARY, BAD_FILE: DAMAGED_FILE}
# The longest cue is 2 s; a sound that takes this long to end means the device is stuck.
SOUND_TIMEOUT = 6.0


@dataclass(frozen=True)
class SoundCheckResult:
    works: bool
    message: str  # one or two plain sentences for the window to show as they are


def sound_check(
    player: CuePlayer | None = None,
    *,
    volume: float = 1.0,
    voice_volume: float = 1.0,
    timeout: float = SOUND_TIMEOUT,
) -> SoundCheckResult:
    """Play every cue, then the sound-check voice clip, one at a time; say whether sound works.

    With no `player`, a fresh one is made (and closed) at `volume` and `voice_volume`: a device plugged in
    since the last failure gets a new try. Given a player, its mute and volumes are kept. Blocks: never call
    it on the GUI thread.
    """
    own = player is None
    if player is None:
        player = make_player(False, volume, voice_volume=voice_volume)
    try:
        if player.problem is not None:
            return _failed(player.problem)
        if player.muted or player.volume <= 0.0:
            return SoundCheckResult(False, _(TURNED_OFF))
        # One at a time: queued all at once, the later ones would wait past the player's staleness limit.
        for cue in Cue:
            player.play(cue)
            if not player.wait_idle(timeout):
                return SoundCheckResult(False, _(TIMED_OUT))
            if player.problem is not None:
                return _failed(player.problem)
        player.speak(Prompt((SOUND_CHECK,)))
        if not player.wait_idle(timeout):
            return SoundCheckResult(False, _(TIMED_OUT))
        if player.problem is not None:
            return _failed(player.problem)
        return SoundCheckResult(True, _(WORKS))
    finally:
        if own:
            player.close()


def start_sound_check(
    on_done: Callable[[SoundCheckResult], None],
    player: CuePlayer | None = None,
    *,
    volume: float = 1.0,
    voice_volume: float = 1.0,
) -> threading.Thread:
    """Run `sound_check` on a daemon thread; `on_done(result)` is called on that thread when it ends."""

    def run() -> None:
        on_done(sound_check(player, volume=volume, voice_volume=voice_volume))

    thread = threading.Thread(target=run, name="selfmassage-sound-check", daemon=True)
    thread.start()
    return thread


def advice(problem: str) -> str:
    """A player's one-line problem said again with what to check (for a window to show before any test)."""
    for key, said in _ADVICE.items():
        if problem in (key, _(key)):  # a player's problem, as kept or as shown
            return _(said)
    return _(NO_DEVICE_FOUND)


def _failed(problem: str) -> SoundCheckResult:
    return SoundCheckResult(False, advice(problem))
