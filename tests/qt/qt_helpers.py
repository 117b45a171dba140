"""Helpers for the window tests.

Stand-ins here replace only the parts other branches have not merged yet; each is as small as the window's
contract with it (a player with `muted`/`volume`/`problem`, a body map with `set_area`, a check-in panel
with `submitted(CheckIn)`, a safety gate).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QVBoxLayout, QWidget

from selfmassage.core.checkin import CheckIn, Symptom
from selfmassage.core.clock import FakeClock
from selfmassage.core.routine import Routine
from selfmassage.qt.main_window import MainWindow

# 12 seconds, every stage, one rubbing step at 60 a minute (a beat a second).
SHORT = {
    "format": 1,
    "name": "Short back",
    "description": "A tiny routine for tests.",
    "tempo": 60,
    "steps": [
        {"stage": "preparatory", "technique": "stroking", "area": "lower back", "seconds": 3},
        {"stage": "medium-deep", "technique": "rubbing", "area": "shoulder blades", "seconds": 4,
         "note": "Rub across your shoulder blades."},
        {"stage": "deep", "technique": "kneading", "area": "shoulders", "seconds": 3,
         "intensity": "moderate"},
        {"stage": "final", "technique": "stroking", "area": "neck", "seconds": 2},
    ],
}
OTHER = {**SHORT, "name": "Another one", "description": "The same, by another name."}


class SilentPlayer:
    def __init__(self, problem: str | None = None) -> None:
        self.muted = False
        self.volume = 0.8
        self.problem = problem
        self.played: list[Any] = []

    def play(self, cue: Any) -> None:
        self.played.append(cue)


class StandInBodyMap(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.area: str | None = "not set yet"

    def set_area(self, area: str | None) -> None:
        self.area = area


class StandInCheckInPanel(QWidget):
    submitted = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.send = QPushButton("Save", self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.send)
        self.send.clicked.connect(
            lambda: self.submitted.emit(CheckIn(feeling=4, symptoms=frozenset({Symptom.FATIGUE}))))


class StandInSafety:
    def __init__(self) -> None:
        self.go_ahead = True
        self.asked: list[str] = []
        self.asked_again = 0

    def before_session(self, parent: QWidget, routine: Routine) -> bool:
        self.asked.append(routine.name)
        return self.go_ahead

    def ask_again(self, parent: QWidget) -> None:
        self.asked_again += 1


def activate(qtbot: Any, window: QWidget) -> None:
    """Make `window` the active one, as the desktop does when it opens or a dialog closes: window
    shortcuts (Space, arrows, Esc, M) only reach the active window."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)


def advance(window: MainWindow, clock: FakeClock, seconds: float, step: float = 0.25) -> None:
    """Move the fake clock on in small steps, waking the window at each, as its timer would."""
    assert window.driver is not None
    left = seconds
    while left > 1e-9:
        move = min(step, left)
        clock.advance(move)
        left -= move
        window.driver.wake()


def answer_box(button_text: str) -> list[str]:
    """Click `button_text` in the next message box once it is open; the list gets the box's text."""
    seen: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(5, answer)
            return
        seen.append(box.text())
        for button in box.buttons():
            if button.text() == button_text:
                button.click()
                return
        seen.append(f"no {button_text!r} in {[b.text() for b in box.buttons()]}")
        box.reject()

    QTimer.singleShot(0, answer)
    return seen
