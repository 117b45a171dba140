"""The pieces the main window is given rather than builds, so each comes from its own module and a test can
put a stand-in in its place. `selfmassage.qt.app.real_parts` wires the real ones:

- `clock()`: the session's monotonic clock (MonotonicClock; a FakeClock in tests).
- `sleep_watch()`: a wall clock (WallClock) so a session pauses while the computer sleeps; None for none.
- `session_audio(engine, player)`: hooks cues and spoken prompts onto a session (SessionSound and
  SessionVoice); returns an object with `detach()` and `set_voice(on)`.
- `body_map(parent)`: a widget with `set_area(area: str | None)` (selfmassage.qt.body_map.BodyMap).
- `checkin_panel(parent)`: a widget with `submitted(CheckIn)` and `skipped()` signals (CheckInPanel).
  Made with its parent, not parented later: a widget with its own style sheet whose labels were built
  without a parent loses their font when it is moved under another widget (Qt), and the check-in's
  large text would shrink.
- `safety`: asks the safety questions before a session (selfmassage.qt.safety_gate.DialogSafetyGate).

The player itself (selfmassage.sound.player.make_player) comes later, through `MainWindow.set_player`,
because opening the sound device is slow and the window shows first.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from PySide6.QtWidgets import QWidget

from selfmassage.core.clock import Clock, MonotonicClock
from selfmassage.core.engine import SessionEngine
from selfmassage.core.routine import Routine

if TYPE_CHECKING:  # the sound modules load with the player, after the window's first frame
    from selfmassage.sound.interface import CuePlayer


class SessionAudio(Protocol):
    def detach(self) -> None: ...

    def set_voice(self, on: bool) -> None: ...


class SafetyGate(Protocol):
    def before_session(self, parent: QWidget, routine: Routine) -> bool:
        """Ask when due (and show a routine's own note); True means go ahead."""
        ...

    def ask_again(self, parent: QWidget) -> None:
        """The person asked to go through the questions again."""
        ...


@dataclass
class WindowParts:
    clock: Callable[[], Clock] = MonotonicClock
    sleep_watch: Callable[[], Clock | None] = lambda: None
    session_audio: Callable[[SessionEngine, CuePlayer], SessionAudio] | None = None
    body_map: Callable[[QWidget], QWidget] | None = None
    checkin_panel: Callable[[QWidget], QWidget] | None = None
    safety: SafetyGate | None = None
