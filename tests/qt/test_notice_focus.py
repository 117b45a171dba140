"""A notice at the top of the window never takes the keyboard focus at start: the routine list has it, and
Enter starts the chosen routine, as the README says."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from qt_helpers import activate

from selfmassage.qt.main_window import MainWindow
from selfmassage.qt.parts import real_parts
from selfmassage.qt.safety_gate import DialogSafetyGate
from selfmassage.sound.silent import RecordingPlayer
from selfmassage.store.library import RoutineLibrary
from selfmassage.store.settings import Settings

NO_TRAY = "No tray here: reminders show only while the window is open."


@pytest.fixture
def window_as_the_app_opens_it(qtbot, clock, routines_dirs, settings_path, safety_store):
    """In the app's own order: the window, its routines, a notice about a missing piece, then the
    desktop makes it active."""
    builtin, user = routines_dirs
    settings = Settings(settings_path)
    settings.set("sound_intro_done", True)
    parts = real_parts(settings)
    parts.clock = lambda: clock
    parts.safety = DialogSafetyGate(safety_store, today=lambda parent, pregnancy=False: True)  # none today
    window = MainWindow(settings)
    window.show()
    window.build_rest(RoutineLibrary(user, builtin), parts)
    window.refresh_routines()
    window.set_player(RecordingPlayer())
    window.notice.tell_once(NO_TRAY)
    qtbot.waitExposed(window)
    activate(qtbot, window)
    yield window
    if window.driver is not None and window.driver.running:
        window.driver.stop()
    window.close()
    window.deleteLater()


def test_with_a_notice_showing_enter_starts_the_chosen_routine(qtbot, window_as_the_app_opens_it):
    window = window_as_the_app_opens_it
    assert window.notice.isVisible()
    focused = QApplication.focusWidget()
    assert focused is window.picker.list
    qtbot.keyClick(focused, Qt.Key.Key_Down)
    chosen = window.picker.current_routine()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert window.current_page() == "session"
    assert window.driver is not None and window.driver.routine is chosen


def test_enter_on_the_notices_close_button_closes_it(qtbot, window_as_the_app_opens_it):
    window = window_as_the_app_opens_it
    window.notice.close_button.setFocus()
    qtbot.keyClick(window.notice.close_button, Qt.Key.Key_Return)
    assert window.notice.isHidden()
    assert window.current_page() == "picker"
