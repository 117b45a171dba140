"""The routine picker in the real window: every routine listed, a broken file greyed with its reason."""

from __future__ import annotations

import faulthandler
import os

from PySide6.QtCore import Qt

from selfmassage.core.techniques import Stage
from selfmassage.qt.routine_words import format_length


def names(window) -> list[str]:
    return [entry.name for entry in window.picker._entries]


def test_built_in_routines_come_first_then_yours_and_a_broken_file_is_listed_too(window):
    assert names(window) == ["Both sides", "Short back", "Another one", "broken"]
    broken = window.picker.list.item(3)
    assert broken.toolTip().startswith("This file can't be read: not valid JSON")
    assert "can't be read" in broken.text()


def test_the_details_show_length_steps_and_stages(window):
    picker = window.picker
    assert picker.select("Short back")
    assert picker.name.text() == "Short back"
    assert picker.source.text() == "Built in"
    assert picker.description.text() == "A tiny routine for tests."
    assert picker.facts.text().startswith("12 s  ·  4 steps")
    assert [picker.stages.state_of(stage) for stage in Stage] == ["covered"] * 4
    assert picker.stages.labels[Stage.DEEP].text() == "✓ 3 Deep"
    assert "Medium deep" in picker.overview.text() and "shoulder blades" in picker.overview.text()
    assert picker.start_button.isEnabled()

    assert picker.select("Both sides")
    assert picker.stages.state_of(Stage.MEDIUM_DEEP) == "absent"
    assert picker.stages.labels[Stage.MEDIUM_DEEP].text().startswith("–")


def test_a_broken_routine_can_be_chosen_to_read_why_but_not_started(qtbot, window):
    picker = window.picker
    picker.list.setCurrentRow(3)
    assert picker.problem.isVisible()
    assert picker.problem.text().startswith("This file can't be read")
    assert not picker.start_button.isEnabled()
    assert not window.actions["start"].isEnabled()
    qtbot.keyClick(window.picker.list, Qt.Key.Key_Return)
    assert window.current_page() == "picker"


def test_the_keyboard_picks_and_enter_starts(qtbot, window):
    window.picker.list.setFocus()
    window.picker.list.setCurrentRow(0)
    qtbot.keyClick(window.picker.list, Qt.Key.Key_Down)
    assert window.picker.current_entry().name == "Short back"
    qtbot.keyClick(window.picker.list, Qt.Key.Key_Return)
    assert window.current_page() == "session"
    assert window.session_view.technique.text() == "Stroking"


def test_the_routine_picked_last_is_picked_again_next_time(qtbot, make_window, settings_path):
    first = make_window()
    assert first.picker.select("Another one")
    qtbot.mouseClick(first.picker.start_button, Qt.MouseButton.LeftButton)
    assert first.settings.get("last_routine") == "Another one"
    first.driver.stop()
    first.close()
    second = make_window()
    assert second.picker.current_entry().name == "Another one"


def test_lengths_read_as_words():
    assert format_length(45) == "45 s"
    assert format_length(60) == "1 min"
    assert format_length(755) == "12 min 35 s"


def test_enter_on_another_button_beside_start_presses_that_button(qtbot, window):
    from PySide6.QtWidgets import QPushButton

    pressed = []
    extra = QPushButton("Edit routines")
    extra.clicked.connect(lambda: pressed.append(True))
    window.picker.add_button(extra)
    qtbot.waitUntil(extra.isVisible)  # a layout shows what it is given on the next turn of the loop
    extra.setFocus()
    qtbot.keyClick(extra, Qt.Key.Key_Return)
    assert pressed == [True]
    assert window.current_page() == "picker"
    qtbot.keyClick(window.picker.start_button, Qt.Key.Key_Enter)
    assert window.current_page() == "session"


def test_escape_is_left_to_other_pages_outside_a_session(qtbot, window):
    from PySide6.QtWidgets import QLineEdit

    page = QLineEdit()
    escaped = []
    page.keyPressEvent = lambda event: escaped.append(event.key())  # type: ignore[method-assign]
    window.add_page("other", page)
    window.show_page("other")
    page.setFocus()
    qtbot.keyClick(page, Qt.Key.Key_Escape)
    assert escaped == [Qt.Key.Key_Escape]


def test_a_pipe_and_a_link_to_dev_zero_among_your_routines_are_listed_and_the_window_works(
        qtbot, make_window, routines_dirs):
    _, user = routines_dirs
    os.mkfifo(user / "pipe.json")
    (user / "zero.json").symlink_to("/dev/zero")
    faulthandler.dump_traceback_later(60, exit=True)  # were either read, the window would never come
    try:
        window = make_window()
    finally:
        faulthandler.cancel_dump_traceback_later()
    assert names(window) == ["Both sides", "Short back", "Another one", "broken", "pipe", "zero"]
    assert window.picker.list.item(4).toolTip() == "This file can't be read: it is a named pipe, not a file."
    assert window.picker.list.item(5).toolTip() == "This file can't be read: it is a device, not a file."
    assert window.picker.select("Short back") and window.picker.start_button.isEnabled()
