"""Helpers for the window tests: a short routine, keys that reach the window, time that moves on."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QRegion
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from selfmassage.core.clock import FakeClock
from selfmassage.qt.main_window import MainWindow

# 12 seconds, every stage, one rubbing step at 90 a minute (a beat every 2/3 s).
SHORT = {
    "format": 1,
    "name": "Short back",
    "description": "A tiny routine for tests.",
    "tempo": 90,
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
# A both-sides step: 2 s left, a 3-s switch, 2 s right.
SIDES = {
    "format": 1,
    "name": "Both sides",
    "tempo": 80,
    "steps": [
        {"stage": "preparatory", "technique": "stroking", "area": "lower back", "seconds": 2},
        {"stage": "deep", "technique": "kneading", "area": "shoulders", "seconds": 2, "sides": "both"},
        {"stage": "final", "technique": "stroking", "area": "lower back", "seconds": 2},
    ],
}


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


class PaintRecorder(QObject):
    """An event filter that keeps the region of each paint event the watched widget gets."""

    def __init__(self) -> None:
        super().__init__()
        self.regions: list[QRegion] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.regions.append(QRegion(event.region()))
        return False
