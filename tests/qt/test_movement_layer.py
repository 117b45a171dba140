"""The movement layer on the session's body map: it follows the step and the side, holds still while the
session is paused, repaints only its own rectangle, and goes when it is turned off."""

from __future__ import annotations

import os

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QWidget
from qt_helpers import PaintRecorder, advance

from selfmassage.core.areas import LOWER_BACK, SHOULDER_BLADES, SHOULDERS
from selfmassage.core.movement import Motion
from selfmassage.core.techniques import Direction, Side
from selfmassage.qt.main_window import MainWindow
from selfmassage.qt.movement_hook import MovementHook, add_movement, desktop_wants_less_motion
from selfmassage.qt.movement_layer import MovementLayer
from selfmassage.store.settings import Settings


def start(qtbot, window: MainWindow, name: str) -> None:
    assert window.picker.select(name)
    qtbot.keyClick(window.picker.list, Qt.Key.Key_Return)
    assert window.current_page() == "session"


def hooked(window: MainWindow, *, desktop_less_motion: bool = False) -> MovementHook:
    return add_movement(window, desktop_less_motion=lambda: desktop_less_motion)


def layer_in_session(qtbot, window: MainWindow, *, desktop_less_motion: bool = False) -> MovementLayer:
    """The movement on the map once "Short back" starts (stroking the lower back for 3 s, then rubbing)."""
    hook = hooked(window, desktop_less_motion=desktop_less_motion)
    start(qtbot, window, "Short back")
    layer = hook.layer
    assert layer is not None
    return layer


def settle() -> None:
    """The page's own layouts and paints, level by level, done before paints are counted (a busy machine
    can leave them for later, and a late one repaints the whole layer)."""
    for _ in range(10):
        QApplication.sendPostedEvents()
        QApplication.processEvents()


def painted(widget: QWidget) -> PaintRecorder:
    """What `widget` repaints from now on."""
    recorder = PaintRecorder()
    widget.installEventFilter(recorder)
    return recorder


def test_the_layer_follows_each_step_with_its_own_motion_and_way(qtbot, window, clock):
    layer = layer_in_session(qtbot, window)
    assert layer.isVisible()
    assert layer.movement is not None
    assert layer.movement.motion is Motion.STROKE and layer.movement.direction is Direction.UP
    assert layer.movement.regions == (LOWER_BACK,)
    assert {trace.side for trace in layer.movement.traces} == {Side.LEFT, Side.RIGHT}
    assert "upward" in layer.accessibleDescription()

    advance(window, clock, 3)  # rubbing the shoulder blades, 90 a minute
    assert layer.movement.motion is Motion.CIRCLES and layer.movement.regions == (SHOULDER_BLADES,)
    assert layer.beats == 0 and not layer.timer.isActive()  # the session's beats move the circles
    advance(window, clock, 1.4)
    assert layer.beats == 2 == window.session_view.pulse.beats

    advance(window, clock, 2.6)  # kneading the shoulders
    assert layer.movement.motion is Motion.GRIP_ROLL and layer.movement.regions == (SHOULDERS,)
    frames = []
    layer.frame.connect(lambda: frames.append(layer.fraction()))
    advance(window, clock, 2)
    assert len(frames) == 2 and frames[1] > frames[0]  # the grip moves along the shoulder, second by second


def test_rubbing_repaints_only_the_paths_rectangle_on_each_beat(qtbot, window, clock):
    layer = layer_in_session(qtbot, window)
    recorder = painted(layer)
    advance(window, clock, 3)
    qtbot.waitUntil(lambda: bool(recorder.regions))  # the step change: the old paths go, the new come
    settle()
    recorder.regions.clear()
    with qtbot.waitSignal(layer.frame, timeout=1000):
        advance(window, clock, 0.7)
    qtbot.waitUntil(lambda: bool(recorder.regions))
    bounds = layer.paths_rect()
    assert bounds.width() < layer.width() and bounds.height() < layer.height() / 3
    for region in recorder.regions:
        assert bounds.contains(region.boundingRect())
    assert QRect(layer.rect()).contains(bounds)


def test_a_both_sides_step_shows_only_the_side_being_worked(qtbot, window, clock):
    hook = hooked(window)
    start(qtbot, window, "Both sides")
    advance(window, clock, 2)  # kneading the shoulders, left first
    layer = hook.layer
    assert layer is not None and layer.movement is not None
    assert [trace.side for trace in layer.movement.traces] == [Side.LEFT]
    assert all(x < 0.5 for x, _ in layer.movement.traces[0].points)
    assert "left side" in layer.accessibleDescription()
    advance(window, clock, 2)  # the switch: the hands move across
    assert layer.movement is None and layer.isHidden()
    advance(window, clock, 3)
    assert layer.movement is not None and layer.isVisible()
    assert [trace.side for trace in layer.movement.traces] == [Side.RIGHT]
    assert all(x > 0.5 for x, _ in layer.movement.traces[0].points)


def test_the_mark_moves_with_the_sessions_seconds_and_holds_still_while_paused(qtbot, window, clock):
    layer = layer_in_session(qtbot, window)  # stroking: the mark steps on with the countdown
    assert not layer.timer.isActive()  # no timer of its own in a session
    with qtbot.waitSignal(layer.frame, timeout=1000):
        advance(window, clock, 1)
    with qtbot.waitSignal(layer.frame, timeout=2000):
        pass  # and half a second later
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert window.driver is not None and window.driver.paused
    assert not layer.half.isActive()
    held = layer.elapsed
    with qtbot.assertNotEmitted(layer.frame, wait=700):
        clock.advance(1)
        window.driver.wake()
    assert layer.elapsed == held and layer.isVisible()  # still there, not moving
    qtbot.keyClick(window, Qt.Key.Key_Space)
    with qtbot.waitSignal(layer.frame, timeout=1000):
        advance(window, clock, 1)
    assert layer.elapsed > held


def test_view_show_movement_turns_it_off_and_is_remembered(qtbot, window, clock, settings_path):
    layer = layer_in_session(qtbot, window)
    assert layer.isVisible()
    menu_texts = [action.text() for action in window.menu("View").actions()]
    assert "Show movement" in menu_texts and "Reduce motion" in menu_texts
    window.actions["show_movement"].trigger()
    assert layer.isHidden() and layer.movement is None
    with qtbot.assertNotEmitted(layer.frame, wait=300):
        advance(window, clock, 1)
    assert Settings(settings_path).get("show_movement") is False
    window.actions["show_movement"].trigger()
    assert layer.isVisible() and layer.movement is not None


def test_less_motion_keeps_the_still_path_and_stops_the_mark(qtbot, window, clock):
    layer = layer_in_session(qtbot, window, desktop_less_motion=True)
    assert layer.isVisible() and layer.movement is not None
    assert not layer.animated
    with qtbot.assertNotEmitted(layer.frame, wait=300):
        advance(window, clock, 1)


def test_reduce_motion_in_the_view_menu_stills_it_at_once(qtbot, window, clock, settings_path):
    layer = layer_in_session(qtbot, window)
    assert layer.animated
    window.actions["reduce_motion"].trigger()
    assert not layer.animated and layer.isVisible()
    with qtbot.assertNotEmitted(layer.frame, wait=300):
        advance(window, clock, 1)
    assert Settings(settings_path).get("reduce_motion") is True


def test_a_frame_paints_the_mark_alone_not_the_map_under_it(qtbot, window, clock):
    # The layer copies the map's own picture under its paths: a frame is one widget's paint, the
    # mark's old and new places, and the map's drawing is not painted again for it.
    layer = layer_in_session(qtbot, window)  # stroking for 3 s
    body_map = window.session_view.body_map
    assert body_map is not None
    with qtbot.waitSignal(layer.frame, timeout=2000):
        advance(window, clock, 1)
    settle()
    on_map, on_layer = painted(body_map), painted(layer)
    with qtbot.waitSignal(layer.frame, timeout=2000):
        advance(window, clock, 1)
    qtbot.waitUntil(lambda: bool(on_layer.regions))
    assert all(layer.paths_rect().contains(region.boundingRect()) for region in on_layer.regions)
    assert on_map.regions == []
    shown, backdrop = layer.grab().toImage(), body_map.picture().toImage()
    assert shown != backdrop  # the trace, on the map's own picture
    assert all(shown.pixel(x, y) == backdrop.pixel(x, y) for x, y in ((2, 2), (layer.width() - 3, 40)))


def test_turned_off_the_layer_paints_nothing_while_the_session_goes_on(qtbot, window, clock):
    layer = layer_in_session(qtbot, window)
    recorder = painted(layer)
    window.actions["show_movement"].trigger()
    QApplication.processEvents()
    recorder.regions.clear()
    advance(window, clock, 4.5)  # into rubbing, beat after beat
    QApplication.processEvents()
    assert window.session_view.pulse.beats > 0  # the session went on
    assert recorder.regions == [] and layer.isHidden()


def test_a_session_with_the_movement_off_makes_no_layer(qtbot, window, clock):
    window.settings.show_movement = False
    hook = hooked(window)
    start(qtbot, window, "Short back")
    advance(window, clock, 4)
    assert hook.layer is None
    window.actions["show_movement"].trigger()  # turned on mid-session: it comes with the step shown
    assert hook.layer is not None and hook.layer.isVisible()
    assert hook.layer.movement is not None and hook.layer.movement.motion is Motion.CIRCLES


def test_gnome_asking_for_less_motion_is_heard(tmp_path, monkeypatch):
    for answer, wanted in (("false", True), ("true", False)):
        gsettings = tmp_path / "gsettings"
        gsettings.write_text(f"#!/bin/sh\n[ \"$3\" = enable-animations ] && echo {answer}\n")
        gsettings.chmod(0o755)
        monkeypatch.setenv("PATH", f"{tmp_path}:{os.environ['PATH']}")
        assert desktop_wants_less_motion() is wanted
