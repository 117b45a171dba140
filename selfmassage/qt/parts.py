"""The pieces the main window is given rather than builds, so each can come from its own module and tests
can put a silent stand-in in its place.

- `player`: a cue player (selfmassage.sound `make_player`): `play(cue)`, `.muted`, `.volume`, `.problem`.
- `session_sound(engine, player, tempo_click)`: hooks sound onto a session (selfmassage.sound `SessionSound`).
- `body_map()`: a widget with `set_area(area: str | None)` (selfmassage.qt.body_map `BodyMap`).
- `checkin_panel()`: a widget with a `submitted(CheckIn)` signal (selfmassage.qt.checkin_dialog).
- `safety`: asks the safety questions before a session (selfmassage.qt.safety_dialog).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from PySide6.QtWidgets import QWidget

from selfmassage.core.clock import Clock, MonotonicClock
from selfmassage.core.engine import SessionEngine
from selfmassage.core.routine import Routine


class CuePlayer(Protocol):
    muted: bool
    volume: float
    problem: Any  # None while sound works; else what went wrong, in a sentence

    def play(self, cue: Any) -> None: ...


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
    session_sound: Callable[[SessionEngine, CuePlayer, bool], object] | None = None
    body_map: Callable[[], QWidget] | None = None
    checkin_panel: Callable[[], QWidget] | None = None
    safety: SafetyGate | None = None
