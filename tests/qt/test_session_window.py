"""A whole session in the real window, driven by the keys a person presses, on a fake clock."""

from __future__ import annotations

from PySide6.QtCore import Qt
from qt_helpers import activate, advance, answer_box

from selfmassage.core.checkin import Symptom
from selfmassage.core.clock import FakeClock
from selfmassage.core.events import SessionStatus
from selfmassage.core.techniques import Stage
from selfmassage.qt.main_window import MainWindow


def start_short(qtbot, window: MainWindow) -> None:
    assert window.picker.select("Short back")
    qtbot.keyClick(window.picker.list, Qt.Key.Key_Return)
    assert window.current_page() == "session"


def shown(window: MainWindow) -> tuple[str, str, str]:
    view = window.session_view
    return view.technique.text(), view.area.text(), view.countdown_text()


def test_a_whole_routine_runs_step_by_step_to_the_summary(qtbot, window, clock):
    view = window.session_view
    start_short(qtbot, window)
    assert shown(window) == ("Stroking", "Lower back", "00:03")
    assert view.instruction.text() == "Slide your whole palm lightly, toward the heart."
    assert view.next_label.text() == "Next: Rubbing, shoulder blades"
    assert view.meta.text().startswith("Step 1 of 4")
    assert window.windowTitle() == "00:03 · Stroking · selfmassage"
    assert view.stages.state_of(Stage.PREPARATORY) == "current"
    assert "now" in view.stages.labels[Stage.PREPARATORY].text()
    assert view.body_map.area() == "lower back"
    assert view.body_map.highlighted() == ("area-lower-back",)
    assert view.progress_label.text() == "00:12 left of 00:12"
    assert view.pulse.isHidden()

    advance(window, clock, 1)
    assert view.countdown_text() == "00:02"
    assert window.windowTitle() == "00:02 · Stroking · selfmassage"
    assert view.progress_label.text() == "00:11 left of 00:12"

    advance(window, clock, 2)
    assert shown(window) == ("Rubbing", "Shoulder blades", "00:04")
    assert view.instruction.text() == "Rub across your shoulder blades."  # the step's own note
    assert view.stages.state_of(Stage.PREPARATORY) == "done"
    assert view.stages.labels[Stage.PREPARATORY].text().startswith("✓")
    assert view.stages.state_of(Stage.MEDIUM_DEEP) == "current"
    assert view.body_map.highlighted() == ("area-shoulder-blades",)
    assert view.pulse.isVisible()
    assert view.pulse.beats == 0
    advance(window, clock, 2.5)  # at 90 a minute: beats at 2/3, 4/3 and 2 s into the step
    assert view.pulse.beats == 3
    assert view.pulse.side() == "right"

    advance(window, clock, 1.5)
    assert shown(window) == ("Kneading", "Shoulders", "00:03")
    assert view.pulse.isHidden()
    assert "moderate" in view.meta.text()
    assert view.stages.state_of(Stage.DEEP) == "current"

    advance(window, clock, 3)
    assert shown(window) == ("Stroking", "Neck", "00:02")
    assert view.next_label.text() == "Last step"
    assert view.stages.state_of(Stage.FINAL) == "current"

    with qtbot.waitSignal(window.driver.finished, timeout=1000):
        advance(window, clock, 2)
    assert window.current_page() == "summary"
    assert window.summary.heading.text() == "Well done. The session is complete."
    assert "12 s of massage" in window.summary.facts.text()
    assert "4 of 4 steps done" in window.summary.facts.text()
    assert window.windowTitle() == "Done · selfmassage"

    panel = window.summary.checkin_panel
    panel.set_feeling(4)
    panel.symptom_boxes[Symptom.FATIGUE].setChecked(True)
    with qtbot.waitSignal(window.session_ended, timeout=1000) as ended:
        qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    result = ended.args[0]
    assert result.status is SessionStatus.COMPLETED
    assert result.routine.name == "Short back"
    assert result.steps_done == 4
    assert round(result.active_seconds) == 12
    assert [record.step.area for record in result.records] == ["lower back", "shoulder blades", "shoulders",
                                                               "neck"]
    assert result.checkin.feeling == 4 and Symptom.FATIGUE in result.checkin.symptoms
    assert window.summary.thanks.isVisible()


def test_space_pauses_the_countdown_while_time_goes_on_and_resumes(qtbot, window, clock):
    start_short(qtbot, window)
    advance(window, clock, 1)
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert window.driver.paused
    assert window.session_view.ring.caption() == "Paused"
    assert window.windowTitle() == "Paused · 00:02 · Stroking · selfmassage"
    assert window.session_view.buttons["pause"].text() == "Resume"
    assert window.session_view.pause_note.text() == "Paused. Press Space to go on."
    assert not window.driver.timer.isActive()  # nothing to wake for while paused

    advance(window, clock, 30)
    assert window.session_view.countdown_text() == "00:02"

    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert not window.driver.paused
    assert window.session_view.ring.caption() == ""
    assert window.session_view.buttons["pause"].text() == "Pause"
    advance(window, clock, 1)
    assert window.session_view.countdown_text() == "00:01"


def test_space_pauses_even_when_another_button_has_the_focus(qtbot, window, clock):
    start_short(qtbot, window)
    window.session_view.buttons["skip"].setFocus()
    qtbot.keyClick(window.session_view.buttons["skip"], Qt.Key.Key_Space)
    assert window.driver.paused
    assert window.session_view.technique.text() == "Stroking"  # not skipped


def test_right_skips_and_left_goes_back(qtbot, window, clock):
    start_short(qtbot, window)
    advance(window, clock, 1)
    qtbot.keyClick(window, Qt.Key.Key_Right)
    assert shown(window) == ("Rubbing", "Shoulder blades", "00:04")
    qtbot.keyClick(window, Qt.Key.Key_Right)
    assert shown(window) == ("Kneading", "Shoulders", "00:03")
    qtbot.keyClick(window, Qt.Key.Key_Left)
    assert shown(window) == ("Rubbing", "Shoulder blades", "00:04")
    assert window.session_view.stages.state_of(Stage.MEDIUM_DEEP) == "current"
    assert window.session_view.stages.state_of(Stage.DEEP) == "todo"
    qtbot.keyClick(window, Qt.Key.Key_Left)
    qtbot.keyClick(window, Qt.Key.Key_Left)  # on the first step, Back starts it again
    assert shown(window) == ("Stroking", "Lower back", "00:03")


def test_buttons_do_what_their_keys_do(qtbot, window, clock):
    start_short(qtbot, window)
    buttons = window.session_view.buttons
    qtbot.mouseClick(buttons["skip"], Qt.MouseButton.LeftButton)
    assert window.session_view.technique.text() == "Rubbing"
    qtbot.mouseClick(buttons["back"], Qt.MouseButton.LeftButton)
    assert window.session_view.technique.text() == "Stroking"
    qtbot.mouseClick(buttons["pause"], Qt.MouseButton.LeftButton)
    assert window.driver.paused


def test_escape_asks_first_and_stops_only_on_yes(qtbot, window, clock):
    start_short(qtbot, window)
    advance(window, clock, 4)
    seen = answer_box("Keep going")
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert seen == ["Stop here? You can start again any time."]
    assert window.current_page() == "session" and window.driver.running

    activate(qtbot, window)
    answer_box("Stop")
    with qtbot.waitSignal(window.driver.finished, timeout=2000) as finished:
        qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert finished.args[0].status is SessionStatus.STOPPED
    assert window.current_page() == "summary"
    assert window.summary.heading.text() == "You stopped the session early."
    assert "1 of 4 steps done" in window.summary.facts.text()
    assert window.windowTitle() == "Stopped · selfmassage"


def test_leaving_the_summary_without_a_checkin_still_hands_the_session_on(qtbot, window, clock):
    start_short(qtbot, window)
    with qtbot.waitSignal(window.session_ended, timeout=2000) as ended:
        advance(window, clock, 12)
        qtbot.mouseClick(window.summary.done_button, Qt.MouseButton.LeftButton)
    assert ended.args[0].checkin is None
    assert window.current_page() == "picker"
    assert window.windowTitle() == "selfmassage"


def test_f11_toggles_full_screen_and_escape_leaves_it_before_asking_to_stop(qtbot, window, clock):
    start_short(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_F11)
    qtbot.waitUntil(window.isFullScreen, timeout=2000)
    assert window.actions["full_screen"].isChecked()
    qtbot.keyClick(window, Qt.Key.Key_Escape)  # no question: it only leaves full screen
    qtbot.waitUntil(lambda: not window.isFullScreen(), timeout=2000)
    assert window.driver.running
    qtbot.keyClick(window, Qt.Key.Key_F11)
    qtbot.waitUntil(window.isFullScreen, timeout=2000)
    qtbot.keyClick(window, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: not window.isFullScreen(), timeout=2000)


def test_a_sound_problem_shows_one_notice_and_the_session_goes_on(qtbot, window, clock):
    start_short(qtbot, window)
    assert window.notice.isHidden()
    window.report_sound_problem("no sound device was found")
    qtbot.waitUntil(window.notice.isVisible, timeout=1000)
    assert "no sound device was found" in window.notice.text()
    window.report_sound_problem("the second problem")
    qtbot.wait(20)  # a queued second report must not replace the first
    assert "the second problem" not in window.notice.text()
    advance(window, clock, 1)
    assert window.session_view.countdown_text() == "00:02"
    qtbot.mouseClick(window.notice.close_button, Qt.MouseButton.LeftButton)
    assert window.notice.isHidden()


def test_quitting_during_a_session_asks_and_hands_the_stopped_session_on(qtbot, window, clock):
    start_short(qtbot, window)
    advance(window, clock, 4)
    answer_box("Keep going")
    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert window.isVisible() and window.driver.running
    activate(qtbot, window)
    answer_box("Stop and quit")
    with qtbot.waitSignal(window.session_ended, timeout=2000) as ended:
        qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert ended.args[0].status is SessionStatus.STOPPED
    assert not window.isVisible()


def test_a_both_sides_step_shows_left_the_switch_and_right(qtbot, window, clock):
    view = window.session_view
    assert window.picker.select("Both sides")
    qtbot.keyClick(window.picker.list, Qt.Key.Key_Return)
    advance(window, clock, 2)
    assert shown(window) == ("Kneading", "Shoulders · left side", "00:02")
    assert "both sides" in view.meta.text()
    assert view.next_label.text() == "Next: the right side"
    assert view.body_map.highlighted() == ("area-shoulders",)
    advance(window, clock, 2)
    assert shown(window) == ("Switch sides", "Shoulders · right side next", "00:03")
    assert view.instruction.text() == "Move your hands to the right side."
    assert window.windowTitle() == "00:03 · Switch sides · selfmassage"
    advance(window, clock, 3)
    assert shown(window) == ("Kneading", "Shoulders · right side", "00:02")
    assert view.next_label.text() == "Next: Stroking, lower back"
    assert view.progress_label.text() == "00:04 left of 00:11"
    advance(window, clock, 2)
    assert shown(window) == ("Stroking", "Lower back", "00:02")


def test_a_sleep_of_the_computer_pauses_with_a_note_and_space_goes_on(qtbot, make_window, clock):
    wall = FakeClock(start=1_700_000_000.0)
    window = make_window(sleep_clock=wall)
    start_short(qtbot, window)
    advance(window, clock, 1)
    wall.advance(1)
    # Suspend to RAM: the monotonic clock stands still, the wall clock runs on an hour.
    wall.advance(3600)
    window.driver.wake()
    assert window.driver.paused
    assert window.session_view.pause_note.text() == "Paused while the computer slept. Press Space to go on."
    assert window.session_view.countdown_text() == "00:02"
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert not window.driver.paused
    assert window.session_view.pause_note.isHidden()
    advance(window, clock, 1)
    assert window.session_view.countdown_text() == "00:01"


def test_after_the_summary_a_second_session_starts_fresh(qtbot, window, clock):
    start_short(qtbot, window)
    with qtbot.waitSignal(window.session_ended, timeout=2000) as first:
        advance(window, clock, 12)
        qtbot.mouseClick(window.summary.checkin_panel.skip_button, Qt.MouseButton.LeftButton)
    assert first.args[0].checkin is None
    assert window.summary.thanks.text() == "No check-in this time. That's fine."
    qtbot.mouseClick(window.summary.done_button, Qt.MouseButton.LeftButton)
    assert window.current_page() == "picker"
    activate(qtbot, window)
    assert window.picker.select("Another one")
    qtbot.keyClick(window.picker.list, Qt.Key.Key_Return)
    view = window.session_view
    assert shown(window) == ("Stroking", "Lower back", "00:03")
    assert view.stages.state_of(Stage.PREPARATORY) == "current"
    assert view.stages.state_of(Stage.FINAL) == "todo"
    assert view.progress_label.text() == "00:12 left of 00:12"
    assert window.windowTitle() == "00:03 · Stroking · selfmassage"
    with qtbot.waitSignal(window.session_ended, timeout=2000) as second:
        advance(window, clock, 12)
        qtbot.mouseClick(window.summary.done_button, Qt.MouseButton.LeftButton)
    assert second.args[0].routine.name == "Another one"
