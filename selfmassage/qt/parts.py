"""The pieces the main window is given rather than builds, so each comes from its own module and a test can
put a stand-in in its place. `real_parts(settings)` makes the real ones:

- `clock()`: the session's monotonic clock (MonotonicClock; a FakeClock in tests).
- `sleep_clock()`: a clock that runs on while the computer sleeps (SleepClock), so a session pauses for a
  sleep; None for none.
- `body_map(parent)`: a widget with `set_area(area: str | None)` (selfmassage.qt.body_map.BodyMap).
- `checkin_panel(parent)`: a widget with `submitted(CheckIn)` and `skipped()` signals (CheckInPanel).
  Made with its parent, not parented later: a widget with its own style sheet whose labels were built
  without a parent loses their font when it is moved under another widget (Qt), and the check-in's
  large text would shrink.
- `safety`: asks the safety questions before a session (selfmassage.qt.safety_gate.DialogSafetyGate).

The session's sound is sound.session_audio.SessionAudio, through the window's player
(selfmassage.sound.player.make_player), which comes later, through `MainWindow.set_player`, because opening
the sound device is slow and the window shows first.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtWidgets import QWidget

from selfmassage.core.clock import Clock, MonotonicClock, SleepClock
from selfmassage.core.routine import Routine
from selfmassage.qt.body_map import BodyMap
from selfmassage.qt.checkin_dialog import CheckInPanel
from selfmassage.qt.safety_gate import DialogSafetyGate
from selfmassage.store.safety import SafetyStore
from selfmassage.store.settings import Settings


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
    sleep_clock: Callable[[], Clock | None] = lambda: None
    body_map: Callable[[QWidget], QWidget] | None = None
    checkin_panel: Callable[[QWidget], QWidget] | None = None
    safety: SafetyGate | None = None


def real_parts(settings: Settings) -> WindowParts:
    return WindowParts(
        clock=MonotonicClock,
        sleep_clock=SleepClock,  # the boot clock: a sleep shows, a time-of-day change doesn't
        body_map=lambda parent: BodyMap(parent, high_contrast=settings.high_contrast),
        checkin_panel=CheckInPanel,
        safety=DialogSafetyGate(SafetyStore.default()),
    )
