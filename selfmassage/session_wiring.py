"""Who hears a running session, and in what order: the history's recorder, then the sound, then the view.

The order keeps the history safe. The engine calls its listeners one after another, so the recorder commits
each finished step while the engine delivers it, before the sound cues the next step and before the screen
shows it: whatever a person has seen or heard start, the step before it is already on disk, and a kill at
any moment loses at most the step in progress. The terminal runner and the window both wire a session here;
tests/test_session_wiring.py fails if the order changes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from selfmassage.core.checkin import CheckIn
from selfmassage.core.engine import SessionEngine
from selfmassage.sound.session_audio import SessionAudio
from selfmassage.store.recorder import SessionRecorder

# Each makes its listener and subscribes it to the engine; None when there is none this time.
MakeRecorder = Callable[[SessionEngine], SessionRecorder | None]
MakeSound = Callable[[SessionEngine], SessionAudio | None]
MakeView = Callable[[SessionEngine], object]


@dataclass
class WiredSession:
    engine: SessionEngine
    recorder: SessionRecorder | None
    sound: SessionAudio | None
    view: object

    def save_checkin(self, checkin: CheckIn) -> bool:
        """The check-in goes straight to the recorder, which owns the session's row; False if none."""
        return self.recorder is not None and self.recorder.save_checkin(checkin)

    def silence(self) -> None:
        """The session is over: its sound says nothing more."""
        if self.sound is not None:
            self.sound.detach()


def wire_session(engine: SessionEngine, *, recorder: MakeRecorder | None = None,
                 sound: MakeSound | None = None, view: MakeView | None = None) -> WiredSession:
    """Subscribe the session's listeners in the one safe order: recorder, sound, view. Before `start()`."""
    made_recorder = recorder(engine) if recorder is not None else None
    made_sound = sound(engine) if sound is not None else None
    made_view = view(engine) if view is not None else None
    return WiredSession(engine, made_recorder, made_sound, made_view)
