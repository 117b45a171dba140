"""Space, ←, →, Esc, M and F11 work in a session whatever has the keyboard focus, right after the first-run
dialogs (today's question, the safety questions, the sound test) were answered by keyboard: they are the
window's keys, not the focused button's."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from qt_helpers import advance

from selfmassage.core.safety import QUESTION_IDS
from selfmassage.qt.safety_dialog import SafetyDialog
from selfmassage.qt.safety_gate import DialogSafetyGate
from selfmassage.qt.sound_intro import SoundIntroDialog
from selfmassage.qt.today_dialog import TodayDialog
from selfmassage.sound.silent import RecordingPlayer
from selfmassage.store.safety import SafetyStore


def keys_to_dialogs(qtbot: Any, answers: list[tuple[type[QDialog], list[Qt.Key]]]) -> list[str]:
    """As each dialog opens (and is the active window, as a person's keys need), press its keys where the
    keyboard is; the list gets each dialog's class name, in the order they came."""
    seen: list[str] = []
    waiting = list(answers)

    def look() -> None:
        if not waiting:
            return
        kind, keys = waiting[0]
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind) or QApplication.activeWindow() is not dialog:
            QTimer.singleShot(5, look)
            return
        waiting.pop(0)
        seen.append(kind.__name__)
        for key in keys:
            qtbot.keyClick(QApplication.focusWidget() or dialog, key)
        if dialog.isVisible():
            seen.append(f"{kind.__name__} still open")
            dialog.reject()
        QTimer.singleShot(0, look)

    QTimer.singleShot(0, look)
    return seen


def where_keys_go(window: QWidget) -> QWidget:
    """The widget a key pressed now reaches: the focused one of the active window."""
    return QApplication.focusWidget() or QApplication.activeWindow() or window


@pytest.fixture
def first_run(qtbot, make_window, tmp_path):
    """A first start: no safety answers yet, the sound test not yet offered, today's question asked."""
    player = RecordingPlayer()
    window = make_window(player, first_run=True)
    window.parts.safety = DialogSafetyGate(SafetyStore(tmp_path / "never-asked.json"))
    return window, player


def test_every_session_key_works_right_after_the_first_run_dialogs(qtbot, first_run, clock):
    window, player = first_run
    seen = keys_to_dialogs(qtbot, [
        (TodayDialog, [Qt.Key.Key_N]),  # none of these today
        (SafetyDialog, [Qt.Key.Key_N] * len(QUESTION_IDS) + [Qt.Key.Key_Return]),  # no, no, …, Continue
        (SoundIntroDialog, [Qt.Key.Key_Return]),  # Continue
    ])
    assert window.picker.select("Short back")
    qtbot.keyClick(window.picker.list, Qt.Key.Key_Return)
    assert seen == ["TodayDialog", "SafetyDialog", "SoundIntroDialog"]
    assert window.current_page() == "session" and window.driver.running
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)  # the keys go to the window again
    view = window.session_view
    assert view.technique.text() == "Stroking"

    qtbot.keyClick(where_keys_go(window), Qt.Key.Key_Right)
    assert view.technique.text() == "Rubbing"  # the next step
    qtbot.keyClick(where_keys_go(window), Qt.Key.Key_Left)
    assert view.technique.text() == "Stroking"  # back again
    qtbot.keyClick(where_keys_go(window), Qt.Key.Key_Space)
    assert window.driver.paused and window.session_view.buttons["pause"].text() == "Resume"
    qtbot.keyClick(where_keys_go(window), Qt.Key.Key_Space)
    assert not window.driver.paused
    qtbot.keyClick(where_keys_go(window), Qt.Key.Key_M)
    assert player.muted and window.session_view.buttons["mute"].isChecked()
    qtbot.keyClick(where_keys_go(window), Qt.Key.Key_M)
    assert not player.muted
    qtbot.keyClick(where_keys_go(window), Qt.Key.Key_F11)
    qtbot.waitUntil(window.isFullScreen)
    qtbot.keyClick(where_keys_go(window), Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: not window.isFullScreen())
    qtbot.keyClick(where_keys_go(window), Qt.Key.Key_Escape)
    panel = window.sessions.stop_panel
    assert panel.isVisible() and window.driver.paused  # asked, and the countdown waits
    qtbot.keyClick(where_keys_go(window), Qt.Key.Key_Escape)
    assert not panel.isVisible() and not window.driver.paused
    advance(window, clock, 1)
    assert window.driver.running


@pytest.mark.parametrize("focus", ["back", "mute", "stop", "notice"])
def test_the_keys_work_whatever_has_the_focus(qtbot, make_window, clock, focus):
    """Focus left on any of the session's buttons (or the notice's Close) changes nothing about the keys."""
    player = RecordingPlayer()
    window = make_window(player)
    assert window.picker.select("Short back")
    qtbot.keyClick(window.picker.list, Qt.Key.Key_Return)
    window.notice.show_message("A note for you.")
    target = window.notice.close_button if focus == "notice" else window.session_view.buttons[focus]
    target.setFocus()
    assert QApplication.focusWidget() is target
    view = window.session_view
    qtbot.keyClick(target, Qt.Key.Key_Right)
    assert view.technique.text() == "Rubbing"
    qtbot.keyClick(target, Qt.Key.Key_Left)
    assert view.technique.text() == "Stroking"
    qtbot.keyClick(target, Qt.Key.Key_Space)
    assert window.driver.paused
    qtbot.keyClick(target, Qt.Key.Key_M)
    assert player.muted
    qtbot.keyClick(target, Qt.Key.Key_Escape)
    assert window.sessions.asking_to_stop
