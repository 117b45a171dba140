"""The whole app by keyboard alone: from the picker through the first-session sound test, a session and the
check-in, back to the picker; Tab goes through each page in reading order; focus always shows."""

from __future__ import annotations

from datetime import datetime

import pytest
from a11y_helpers import while_modal
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QWidget
from qt_helpers import activate, advance

from selfmassage.core.checkin import Symptom
from selfmassage.qt.editor_hook import add_routine_editor
from selfmassage.qt.review import ReviewPage
from selfmassage.qt.sound_intro import SoundIntroDialog
from selfmassage.sound.check import WORKS
from tests.history_support import BERLIN, add, open_history


def press(qtbot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> QWidget:
    """Press `key` where the keyboard is (the focused widget, as a person's key press goes), and say where
    the focus is after."""
    target = QApplication.focusWidget()
    assert target is not None, "nothing has the keyboard"
    qtbot.keyClick(target, key, modifier)
    return QApplication.focusWidget()


def tab_until(qtbot, wanted: QWidget, most: int = 40) -> None:
    for _ in range(most):
        if QApplication.focusWidget() is wanted:
            return
        press(qtbot, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {wanted}")


def test_from_the_picker_to_a_finished_session_and_the_check_in_by_keys_alone(qtbot, make_window, clock):
    window = make_window(first_run=True)
    ended = []
    window.session_ended.connect(ended.append)
    picker = window.picker
    assert QApplication.focusWidget() is picker.list  # the keyboard starts on the routines

    press(qtbot, Qt.Key.Key_Home)
    for _ in range(picker.list.count()):
        if picker.current_entry().name == "Short back":
            break
        press(qtbot, Qt.Key.Key_Down)
    assert picker.current_entry().name == "Short back"

    # The per-routine switch for the voice, by Tab and Space.
    assert press(qtbot, Qt.Key.Key_Tab) is picker.short_prompts
    press(qtbot, Qt.Key.Key_Space)
    assert window.settings.get("voice_short_routines") == ["Short back"]
    press(qtbot, Qt.Key.Key_Space)
    assert window.settings.get("voice_short_routines") == []
    assert press(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier) is picker.list

    def sound_test(dialog: SoundIntroDialog) -> str:
        assert QApplication.focusWidget() is dialog.test_button
        press(qtbot, Qt.Key.Key_Space)  # Test sound
        qtbot.waitUntil(lambda: not dialog.checking(), timeout=5000)
        found = dialog.result.text()
        assert QApplication.focusWidget() is dialog.continue_button
        assert press(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier) is dialog.voice
        press(qtbot, Qt.Key.Key_Space)  # spoken prompts off
        assert press(qtbot, Qt.Key.Key_Tab) is dialog.continue_button
        press(qtbot, Qt.Key.Key_Return)
        return found

    heard = while_modal(SoundIntroDialog, sound_test)
    press(qtbot, Qt.Key.Key_Return)  # Start, from the list
    assert heard == [WORKS]
    assert window.settings.get("voice") is False and window.settings.get("sound_intro_done") is True

    assert window.current_page() == "session"
    activate(qtbot, window)  # the desktop hands the keyboard back to the window when the dialog closes
    assert QApplication.focusWidget() is window.session_view.buttons["pause"]
    press(qtbot, Qt.Key.Key_Space)
    assert window.driver.paused
    press(qtbot, Qt.Key.Key_Space)
    assert not window.driver.paused
    press(qtbot, Qt.Key.Key_Right)
    assert window.session_view.technique.text() == "Rubbing"
    # Enter presses the focused button: Tab to Back, Enter, and the first step is back.
    tab_until(qtbot, window.session_view.buttons["back"])
    press(qtbot, Qt.Key.Key_Return)
    assert window.session_view.technique.text() == "Stroking"
    advance(window, clock, 12)  # the time a session takes, not a key

    assert window.current_page() == "summary"
    panel = window.summary.checkin_panel
    press(qtbot, Qt.Key.Key_4)
    assert panel.feeling() == 4
    tab_until(qtbot, panel.symptom_boxes[Symptom.FATIGUE])
    press(qtbot, Qt.Key.Key_Space)
    tab_until(qtbot, panel.note)
    qtbot.keyClicks(panel.note, "Calm")
    assert press(qtbot, Qt.Key.Key_Return) is window.summary.done_button
    (result,) = ended
    assert result.checkin.feeling == 4
    assert result.checkin.symptoms == frozenset({Symptom.FATIGUE}) and result.checkin.note == "Calm"
    press(qtbot, Qt.Key.Key_Return)  # Back to routines
    assert window.current_page() == "picker"
    assert QApplication.focusWidget() is picker.list


def tab_cycle(qtbot, first: QWidget, most: int = 60) -> list[QWidget]:
    """The widgets Tab goes through from `first` until it comes back to it."""
    first.setFocus(Qt.FocusReason.TabFocusReason)
    seen = [first]
    for _ in range(most):
        now = press(qtbot, Qt.Key.Key_Tab)
        if now is first:
            return seen
        seen.append(now)
    raise AssertionError(f"Tab did not come back: {seen}")


def reachable(widgets: list[QWidget]) -> list[QWidget]:
    return [widget for widget in widgets if widget.isVisible() and widget.isEnabled()]


def test_tab_reads_the_picker_left_to_right(qtbot, window):
    hook = add_routine_editor(window)
    qtbot.waitUntil(hook.button.isVisible)
    picker = window.picker
    assert tab_cycle(qtbot, picker.list) == [picker.list, picker.short_prompts, hook.button,
                                             picker.start_button]


def test_tab_goes_through_the_session_buttons_in_their_row(qtbot, window):
    assert window.picker.select("Short back")
    qtbot.keyClick(window.picker.list, Qt.Key.Key_Return)
    buttons = window.session_view.buttons
    assert tab_cycle(qtbot, buttons["back"]) == [buttons[name] for name in ("back", "pause", "skip", "stop",
                                                                             "mute")]


def test_tab_goes_through_the_check_in_then_back_to_routines(qtbot, window, clock):
    assert window.picker.select("Short back")
    qtbot.keyClick(window.picker.list, Qt.Key.Key_Return)
    advance(window, clock, 12)
    panel = window.summary.checkin_panel
    # The five feelings are one group, like radio buttons: one Tab stop, the arrow keys move in it.
    expected = [panel.feeling_buttons[1], *panel.symptom_boxes.values(), panel.note,
                panel.skip_button, panel.save_button, window.summary.done_button]
    assert tab_cycle(qtbot, panel.feeling_buttons[1]) == expected
    assert press(qtbot, Qt.Key.Key_Right) is panel.feeling_buttons[2]


def test_tab_reads_the_editor_page_left_then_right(qtbot, window):
    page = add_routine_editor(window).open()
    assert page.select_routine("Another one")
    editor = page.editor
    try:
        editor.select_step(0)
        editor.intensity_combo.setCurrentIndex(editor.intensity_combo.findText("Moderate"))  # a problem + fix
        qtbot.waitUntil(lambda: bool(editor.problem_rows) and editor.problem_rows[0].isVisible())
        problems = [stop for row in editor.problem_rows
                    for stop in (row.show_button, *row.fix_buttons) if stop is not None]
        expected = reachable([
            page.done_button, page.list, *page.action_buttons.values(),
            editor.duplicate_button, editor.name_edit, editor.tempo_spin, editor.profile_combo,
            editor.description_edit, editor.table, editor.add_button, editor.duplicate_step_button,
            editor.remove_button, editor.up_button, editor.down_button, editor.stage_combo,
            editor.technique_combo, editor.area_combo, editor.seconds_spin, editor.intensity_combo,
            editor.variant_combo, editor.direction_combo, editor.note_edit, editor.problems.fold_button,
            *problems, editor.undo_button, editor.redo_button, editor.preview_button, editor.start_button,
            editor.save_button])
        cycle = tab_cycle(qtbot, page.done_button)
        # An editable combo box takes the focus in its text field; that is the same control.
        assert [w.parentWidget() if w is editor.area_combo.lineEdit() else w for w in cycle] == expected
        # The problem's "Step 1" is reached by Tab, and Enter on it shows its step, as a click does.
        editor.select_step(3)
        row = editor.problem_rows[0]
        row.show_button.setFocus(Qt.FocusReason.TabFocusReason)
        press(qtbot, Qt.Key.Key_Return)
        assert editor.current_step == 0
    finally:
        editor.draft.mark_saved()  # nothing unsaved, so closing the window asks nothing


def test_tab_reads_the_review_page_and_arrows_pick_a_session(qtbot, window, tmp_path):
    with open_history(tmp_path) as history:
        add(history, datetime(2026, 11, 2, 19, tzinfo=BERLIN), datetime(2026, 11, 17, 19, tzinfo=BERLIN))
        page = ReviewPage(history, window.settings, now=lambda: datetime(2026, 11, 19, 21, tzinfo=BERLIN))
        window.add_page("review", page)
        window.show_page("review")
        qtbot.waitUntil(lambda: bool(page.technique_bars.values()))
        # The three ranges are one group, like radio buttons: one Tab stop, the arrow keys move in it.
        buttons = [page.range_buttons.button(weeks) for weeks in (12, 26, 52)]
        expected = reachable([buttons[0], page.plan_box, page.per_week_box, page.chart, page.period_box,
                              page.export_button, page.import_button, page.table, page.details,
                              page.delete_button])
        assert tab_cycle(qtbot, buttons[0]) == expected
        assert press(qtbot, Qt.Key.Key_Right) is buttons[1]
        page.table.setFocus()
        press(qtbot, Qt.Key.Key_Down)
        assert page.selected_session() is not None and page.delete_button.isEnabled()
        assert press(qtbot, Qt.Key.Key_Tab) is page.details  # Tab leaves the table at once
        page.close()


# -- focus shows -----------------------------------------------------------------------------------


def changed_pixels(widget: QWidget) -> int:
    """How many pixels in and just around `widget` change when it loses the focus (it has it now)."""
    top = widget.window()
    box = QRect(widget.mapTo(top, QPoint(0, 0)), widget.size()).adjusted(-6, -6, 6, 6)

    def shot() -> QImage:
        return top.grab(box).toImage().convertToFormat(QImage.Format.Format_RGB32)

    focused = shot()
    widget.clearFocus()
    unfocused = shot()
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    return sum(focused.pixel(x, y) != unfocused.pixel(x, y)
               for x in range(focused.width()) for y in range(focused.height()))


def assert_focus_shows(qtbot, first: QWidget) -> int:
    """Tab round the page from `first`; at each stop the focus must change at least the outline's worth of
    pixels (a ring, or a border that thickens and takes the accent colour)."""
    stops = tab_cycle(qtbot, first)
    for widget in stops:
        widget.setFocus(Qt.FocusReason.TabFocusReason)
        outline = 2 * (widget.width() + widget.height())
        name = f"{type(widget).__name__} {widget.objectName()!r} {getattr(widget, 'text', lambda: '')()!r}"
        assert changed_pixels(widget) >= outline, f"focus on {name} barely shows"
    return len(stops)


@pytest.mark.parametrize("high_contrast", [False, True], ids=["calm", "high contrast"])
def test_focus_is_visible_on_every_page(qtbot, window, clock, tmp_path, high_contrast):
    if high_contrast:
        window.actions["high_contrast"].trigger()
    hook = add_routine_editor(window)
    qtbot.waitUntil(hook.button.isVisible)
    assert assert_focus_shows(qtbot, window.picker.list) == 4

    page = hook.open()
    assert page.select_routine("Another one")
    assert assert_focus_shows(qtbot, page.done_button) > 20

    with open_history(tmp_path) as history:
        add(history, datetime(2026, 11, 2, 19, tzinfo=BERLIN))
        review = ReviewPage(history, window.settings, now=lambda: datetime(2026, 11, 19, 21, tzinfo=BERLIN))
        window.add_page("review", review)
        window.show_page("review")
        qtbot.waitUntil(lambda: bool(review.technique_bars.values()))
        assert assert_focus_shows(qtbot, review.range_buttons.button(12)) >= 8
        review.close()

    window.show_page("picker")
    assert window.picker.select("Short back")
    qtbot.keyClick(window.picker.list, Qt.Key.Key_Return)
    assert assert_focus_shows(qtbot, window.session_view.buttons["back"]) == 5
    advance(window, clock, 12)
    assert assert_focus_shows(qtbot, window.summary.checkin_panel.feeling_buttons[1]) == 12  # 7 signs
