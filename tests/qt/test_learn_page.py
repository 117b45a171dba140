"""The Learn page: opened from Help and from the picker, each technique shown moving on the legs with its
sentences, and "Try it for 20 s" running a real one-step practice that is not kept as a massage."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from qt_helpers import advance

from selfmassage.core.areas import LEGS
from selfmassage.core.lessons import LESSONS
from selfmassage.core.movement import Motion
from selfmassage.core.techniques import Direction, Side, Technique
from selfmassage.qt.history_hook import add_history
from selfmassage.qt.learn_hook import LEARN_PAGE, LearnHook, add_learn_page
from selfmassage.qt.learn_page import TRY_TEXT
from selfmassage.qt.main_window import MainWindow
from selfmassage.qt.movement_hook import add_movement
from selfmassage.sound.cues import Cue
from selfmassage.sound.silent import RecordingPlayer
from selfmassage.store.history import History


def hooked(window: MainWindow, *, less_motion: bool = False) -> LearnHook:
    return add_learn_page(window, add_movement(window, desktop_less_motion=lambda: less_motion))


def test_help_opens_the_five_techniques_each_moving_on_the_legs(qtbot, window):
    learn = hooked(window)
    help_texts = [action.text() for action in window.menu("Help").actions()]
    assert help_texts[0] == "Learn the techniques…"
    window.actions["learn"].trigger()
    page = learn.page
    assert page is not None and window.current_page() == LEARN_PAGE
    assert page.list.count() == 5 and page.list.hasFocus()
    assert page.title.text() == "Stroking"
    assert page.layer.movement is not None and page.layer.movement.motion is Motion.STROKE
    assert page.layer.movement.regions == (LEGS,) and page.layer.movement.direction is Direction.UP
    assert {trace.side for trace in page.layer.movement.traces} == {Side.LEFT, Side.RIGHT}
    with qtbot.waitSignal(page.layer.frame, timeout=2000):
        pass  # the demonstration moves on its own

    qtbot.keyClick(page.list, Qt.Key.Key_Down)  # rubbing
    assert page.title.text() == "Rubbing"
    assert page.texts["how_long"].text() == LESSONS[1].how_long
    assert "10 seconds" in page.texts["how_long"].text()
    assert page.layer.movement.motion is Motion.CIRCLES
    with qtbot.waitSignal(page.layer.frame, timeout=2000):
        pass  # with no session, its own beat moves the circles at the routine's tempo
    assert page.layer.beats >= 1
    for key, motion in ((Qt.Key.Key_Down, Motion.PUSH), (Qt.Key.Key_Down, Motion.GRIP_ROLL),
                        (Qt.Key.Key_Down, Motion.DOTS)):
        qtbot.keyClick(page.list, key)
        assert page.layer.movement.motion is motion
    assert page.texts["mistake"].text() == "Hitting hard. It should feel like rain, not a drum."

    qtbot.keyClick(page, Qt.Key.Key_Escape)
    assert window.current_page() == "picker"
    assert not page.layer.timer.isActive()  # out of view, nothing moves


def test_the_picker_has_a_button_for_it_and_the_legs_routine_points_to_it(qtbot, window):
    learn = hooked(window)
    assert learn.button.text() == "Learn" and learn.button.accessibleName() == "Learn the techniques"
    learn.button.click()
    assert window.current_page() == LEARN_PAGE
    routines = Path(__file__).resolve().parents[2] / "assets" / "routines"
    legs = routines / "learn-the-techniques-on-your-legs.json"
    assert "press Learn beside Start" in legs.read_text(encoding="utf-8")


def test_try_it_runs_a_practice_with_the_sessions_cues_and_comes_back_here(qtbot, make_window, clock,
                                                                           tmp_path):
    player = RecordingPlayer()
    window = make_window(player)
    db = tmp_path / "data" / "history.sqlite3"
    history = add_history(window, tray_available=False)
    history.load(db)
    learn = hooked(window)
    page = learn.open()
    assert page is not None
    qtbot.keyClick(page.list, Qt.Key.Key_Down)  # rubbing
    assert page.try_button.text() == TRY_TEXT
    qtbot.mouseClick(page.try_button, Qt.MouseButton.LeftButton)
    assert window.current_page() == "session"
    driver = window.driver
    assert driver is not None and driver.routine.practice
    [step] = driver.routine.steps
    assert step.technique is Technique.RUBBING and step.area == "legs"
    assert window.session_view.technique.text() == "Rubbing"
    assert window.session_view.area.text() == "Legs · left side"
    advance(window, clock, 2)
    assert player.played[0] is Cue.STAGE and Cue.TEMPO in player.played  # the same cues as a session

    with qtbot.waitSignal(driver.finished, timeout=2000):
        advance(window, clock, 22)
    assert window.current_page() == LEARN_PAGE
    assert page.done_note.isVisible()
    assert page.done_note.text().startswith("You practised rubbing for 23 s.")
    assert page.try_button.hasFocus()
    assert window.windowTitle() == "selfmassage"
    history.close()
    with History.open(db) as fresh:
        assert fresh.sessions() == []  # a practice is not a massage to count


def test_reduce_motion_stills_the_demonstration_too(qtbot, window):
    learn = hooked(window)
    page = learn.open()
    assert page is not None and page.layer.timer.isActive()
    window.actions["reduce_motion"].trigger()
    assert not page.layer.animated and not page.layer.timer.isActive()
    assert page.layer.isVisible()  # the path and its arrow stay


def test_it_waits_while_a_session_runs(qtbot, window: MainWindow):
    learn = hooked(window)
    assert window.picker.select("Short back")
    qtbot.keyClick(window.picker.list, Qt.Key.Key_Return)
    assert learn.open() is None
    assert window.current_page() == "session"
    assert "once the session is over" in window.statusBar().currentMessage()
