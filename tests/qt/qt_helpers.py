"""Helpers for the window tests: a short routine, keys that reach the window, time that moves on."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QRegion
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QPushButton, QWidget

from selfmassage.core.clock import FakeClock
from selfmassage.qt.main_window import MainWindow
from selfmassage.qt.question_panel import QuestionPanel
from selfmassage.resources import assets_dir

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


def open_question() -> QuestionPanel | None:
    """The question open in any window now (selfmassage.qt.question_panel), if any."""
    for top in QApplication.topLevelWidgets():
        for panel in top.findChildren(QuestionPanel):
            if panel.isVisible():
                return panel
    return None


def while_asked(look: Callable[[QuestionPanel], object]) -> list[object]:
    """Once a question is open in a window, call `look(panel)` (which must answer it); its result, or the
    exception it raised (the question is then answered with Esc), lands in the list returned."""
    seen: list[object] = []

    def check() -> None:
        panel = open_question()
        box = QApplication.activeModalWidget()
        # A window of its own (a stock message box) fails the test rather than waiting for ever.
        if panel is None and isinstance(box, QDialog) and box.isVisible():
            seen.append(AssertionError(f"asked in a {type(box).__name__} of its own, not in the window"))
            box.reject()
            return
        if panel is None or not panel.isVisible():
            QTimer.singleShot(5, check)
            return
        try:
            seen.append(look(panel))
        except Exception as exc:
            seen.append(exc)
            QTest.keyClick(panel, Qt.Key.Key_Escape)

    QTimer.singleShot(0, check)
    return seen


def press_answer(panel: QuestionPanel, text: str) -> None:
    """Tab to the answer `text` as a person would, then press Enter."""
    assert text in [button.text() for button in panel.buttons.values()], \
        f"no {text!r} in {[button.text() for button in panel.buttons.values()]}"
    for _ in panel.buttons:
        focused = panel.focusWidget()
        if isinstance(focused, QPushButton) and focused.text() == text:
            break
        QTest.keyClick(focused or panel, Qt.Key.Key_Tab)
    QTest.keyClick(panel.focusWidget(), Qt.Key.Key_Return)


def answer_box(button_text: str) -> list[str]:
    """Press `button_text` in the next question the window asks once it is open; the list gets its text."""
    def answer(panel: QuestionPanel) -> str:
        text = panel.text.text()
        press_answer(panel, button_text)
        return text

    return while_asked(answer)  # type: ignore[return-value]


class EventNames(QObject):
    """An event filter that keeps the name of each watched widget that gets an event of `kind`."""

    def __init__(self, kind: QEvent.Type) -> None:
        super().__init__()
        self.kind = kind
        self.seen: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == self.kind:
            self.seen.append(watched.objectName() or type(watched).__name__)
        return False


class PaintRecorder(QObject):
    """An event filter that keeps the region of each paint event the watched widget gets."""

    def __init__(self) -> None:
        super().__init__()
        self.regions: list[QRegion] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.regions.append(QRegion(event.region()))
        return False


def every_builtin_routine(tmp_path: Path) -> tuple[Path, Path]:
    """The routines people have: every built-in one, with its long names and notes; none of their own."""
    builtin, user = tmp_path / "builtin", tmp_path / "user"
    shutil.copytree(assets_dir() / "routines", builtin)
    user.mkdir()
    return builtin, user
