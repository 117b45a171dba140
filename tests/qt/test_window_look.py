"""How the window looks and is reached: names for assistive tech, keyboard focus, text size, contrast,
and the window's place remembered."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSlider,
    QLabel,
    QListWidget,
    QProgressBar,
    QScrollBar,
    QWidget,
)
from qt_helpers import advance

CONTROLS = (QAbstractButton, QListWidget, QProgressBar, QAbstractSlider)


def controls(page: QWidget) -> list[QWidget]:
    # A list's own scroll bars are Qt's, named by the list they belong to.
    return [widget for widget in page.findChildren(QWidget)
            if isinstance(widget, CONTROLS) and not isinstance(widget, QScrollBar)]


def test_every_control_has_an_accessible_name(qtbot, window, clock):
    for page in (window.picker, window.session_view, window.notice):
        for control in controls(page):
            assert control.accessibleName(), f"{control.objectName() or control} has no accessible name"
    for name in ("back", "pause", "skip", "stop", "mute"):
        button = window.session_view.buttons[name]
        assert button.accessibleDescription(), name
    assert window.session_view.ring.accessibleName() == "Time left in this step"
    assert window.picker.select("Short back")
    qtbot.keyClick(window.picker.list, Qt.Key.Key_Return)
    advance(window, clock, 12)
    for control in window.summary.own_widgets():
        if isinstance(control, CONTROLS):
            assert control.accessibleName()


def test_every_session_button_names_its_key_in_its_tooltip(window):
    keys = {"back": "(Left)", "pause": "(Space)", "skip": "(Right)", "stop": "(Esc", "mute": "(M)"}
    for name, key in keys.items():
        assert key in window.session_view.buttons[name].toolTip(), name


def test_the_session_can_be_run_by_keyboard_alone_tab_reaches_every_button(qtbot, window):
    assert window.picker.select("Short back")
    qtbot.keyClick(window.picker.list, Qt.Key.Key_Return)
    buttons = window.session_view.buttons
    assert window.focusWidget() is buttons["pause"]  # focus lands on Pause, visibly
    reached = set()
    for _ in range(12):
        qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Tab)
        reached.add(window.focusWidget())
    assert {buttons[name] for name in ("back", "pause", "skip", "stop", "mute")} <= reached


def test_the_stage_now_is_told_by_text_and_shape_not_colour_alone(qtbot, window, clock):
    from selfmassage.core.techniques import Stage

    assert window.picker.select("Short back")
    qtbot.keyClick(window.picker.list, Qt.Key.Key_Return)
    advance(window, clock, 3)
    labels = window.session_view.stages.labels
    assert labels[Stage.MEDIUM_DEEP].text() == "▶ 2 Medium deep · now"
    assert labels[Stage.PREPARATORY].text() == "✓ 1 Preparatory"
    assert labels[Stage.DEEP].text() == "3 Deep"
    assert labels[Stage.MEDIUM_DEEP].font().bold() and not labels[Stage.DEEP].font().bold()
    assert labels[Stage.MEDIUM_DEEP].accessibleName() == "Stage 2, Medium deep: now, the current stage"


def test_large_text_makes_the_text_bigger_and_is_remembered(qtbot, make_window):
    window = make_window()
    heading = window.picker.findChild(QLabel, "picker_heading")
    technique = window.session_view.technique
    before = heading.font().pointSizeF(), technique.font().pixelSize(), window.picker.list.font().pointSizeF()
    window.actions["large_text"].trigger()
    after = heading.font().pointSizeF(), technique.font().pixelSize(), window.picker.list.font().pointSizeF()
    assert all(new > old * 1.2 for new, old in zip(after, before, strict=True))
    assert window.settings.get("large_text") is True
    window.close()
    again = make_window()
    assert again.actions["large_text"].isChecked()
    assert again.session_view.technique.font().pixelSize() == after[1]


def test_the_session_text_grows_with_the_window(qtbot, window):
    assert window.picker.select("Short back")
    qtbot.keyClick(window.picker.list, Qt.Key.Key_Return)
    window.showNormal()
    window.resize(900, 600)
    qtbot.waitUntil(lambda: window.width() == 900)
    small = window.session_view.technique.font().pixelSize()
    window.resize(1600, 1000)
    qtbot.waitUntil(lambda: window.width() == 1600)
    assert window.session_view.technique.font().pixelSize() > small * 1.4


def test_high_contrast_turns_the_window_and_the_body_map_black_and_white(qtbot, window):
    window.actions["high_contrast"].trigger()
    qtbot.waitUntil(lambda: window.palette().color(QPalette.ColorRole.Window).name() == "#000000")
    assert window.session_view.ring.palette().color(QPalette.ColorRole.Highlight).name() == "#ffd500"
    assert window.session_view.body_map.high_contrast()
    assert window.settings.get("high_contrast") is True
    window.actions["high_contrast"].trigger()
    assert not window.session_view.body_map.high_contrast()


def test_the_check_in_keeps_its_own_large_text_inside_the_window(qtbot, window, clock):
    assert window.picker.select("Short back")
    qtbot.keyClick(window.picker.list, Qt.Key.Key_Return)
    advance(window, clock, 12)
    panel = window.summary.checkin_panel
    texts = [label for label in panel.findChildren(QLabel) if label.text().startswith("Compared with")]
    assert texts and texts[0].font().pointSize() >= 15
    assert panel.note.font().pointSize() >= 15


def test_the_window_opens_where_it_was_left(qtbot, make_window):
    first = make_window()
    first.showNormal()
    # A restored window is kept on screen: so the smallest size it can be made (720 x 540).
    smallest = first.minimumSize()
    assert smallest == QSize(720, 540)
    first.resize(smallest)
    qtbot.waitUntil(lambda: first.size() == smallest)
    first.close()
    assert first.settings.get("window_geometry")
    second = make_window()
    assert second.size() == smallest


def test_a_settings_file_that_cant_be_written_only_gets_a_line_in_the_status_bar(qtbot, window):
    def refuse() -> None:
        raise PermissionError(13, "Permission denied")

    window.settings.save = refuse
    qtbot.keyClick(window, Qt.Key.Key_M)
    assert window.settings.get("muted") is True  # holds until the window closes
    assert window.statusBar().currentMessage() == (
        "Your settings can't be saved (Permission denied); they hold until you quit.")
    window.close()  # saving the window's place fails quietly too
