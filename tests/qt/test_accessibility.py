"""Every control on every page and dialog of the real window has an accessible name and description, and the
widgets that draw their own picture say what they show, in words that follow what they show.

No exceptions: the parts Qt builds inside a control (a spin box's text field, a table's headings, a scroll
area's bars) are named after their control by selfmassage.qt.a11y.name_inner_parts, and checked too.
"""

from __future__ import annotations

from datetime import datetime

import pytest
from a11y_helpers import checked_controls, while_modal, without_words, words
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QMenu
from qt_helpers import advance, open_question, while_asked

from selfmassage.core.techniques import Stage
from selfmassage.qt.a11y import spoken_duration
from selfmassage.qt.dialogs import VolumeDialog
from selfmassage.qt.editor_hook import add_routine_editor
from selfmassage.qt.history_hook import add_history
from selfmassage.qt.question_panel import QuestionPanel
from selfmassage.qt.reminders_dialog import RemindersDialog
from selfmassage.qt.review import ReviewPage
from selfmassage.qt.safety_dialog import SafetyDialog
from selfmassage.qt.sound_intro import SoundIntroDialog
from selfmassage.qt.today_dialog import TodayDialog
from selfmassage.sound.check import WORKS
from tests.history_support import BERLIN, add, open_history


def assert_all_named(root, at_least: int) -> None:
    """No control under `root` lacks words, and the walk really met the page (`at_least` controls)."""
    assert without_words(root) == []
    assert len(checked_controls(root)) >= at_least


def start(qtbot, window, name: str = "Short back") -> None:
    assert window.picker.select(name)
    qtbot.keyClick(window.picker.list, Qt.Key.Key_Return)


def test_the_picker_and_its_menus(window):
    assert window.current_page() == "picker"
    assert_all_named(window, at_least=3)  # the list, the short-prompts switch, Start
    assert window.picker.short_prompts.isVisible()


def test_every_menu_action_says_what_it_does(window, tmp_path):
    add_routine_editor(window)
    hook = add_history(window, tray_available=False)
    menus = [action.menu() for action in window.menuBar().actions() if action.menu() is not None]
    assert len(menus) == 6  # Session, View, Sound, Routines, History, Help
    menus += [action.menu() for menu in menus for action in menu.actions() if action.menu() is not None]
    assert len(menus) == 8  # and History ▸ Plan, Sound ▸ Spoken prompts by
    for menu in menus:
        assert isinstance(menu, QMenu)
        for action in menu.actions():
            if action.isSeparator():
                continue
            # A menu item's name is its text; its description shows in the status bar as it is chosen.
            assert action.text().replace("&", "").strip(), action
            assert action.statusTip().strip(), action.text()
        face = QAccessible.queryAccessibleInterface(menu)
        items = [face.child(i) for i in range(face.childCount())]
        assert all(item.text(QAccessible.Text.Name) for item in items
                   if item.role() != QAccessible.Role.Separator)
    hook.close()


def test_the_session_page_mid_step_and_its_painted_widgets(qtbot, window, clock):
    start(qtbot, window)
    advance(window, clock, 4)  # 1 s into the rubbing step: the tempo pulse shows
    view = window.session_view
    assert view.pulse.isVisible()
    assert_all_named(window, at_least=9)  # five buttons, progress, ring, strip, pulse, body map
    for painted in (view.ring, view.stages, view.pulse, view.body_map):
        assert all(words(painted)), painted


def test_the_countdown_ring_says_the_time_left_in_words_as_it_changes(qtbot, window, clock):
    start(qtbot, window)
    ring = window.session_view.ring
    assert words(ring) == ("Time left in this step", "3 seconds left in this step")
    advance(window, clock, 1)
    assert words(ring)[1] == "2 seconds left in this step"
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert words(ring)[1] == "2 seconds left in this step. Paused."
    assert ring.spoken() == "2 seconds left in this step. Paused."


def test_durations_are_said_in_words():
    assert spoken_duration(252) == "4 minutes 12 seconds"
    assert spoken_duration(61) == "1 minute 1 second"
    assert spoken_duration(3600) == "1 hour"
    assert spoken_duration(0) == "0 seconds"


def test_the_stage_strip_and_body_map_describe_the_moment(qtbot, window, clock):
    start(qtbot, window)
    advance(window, clock, 3)
    view = window.session_view
    assert words(view.stages)[1] == ("Now: stage 2 of 4, Medium deep. Done: Preparatory. "
                                     "To come: Deep, Final.")
    current = view.stages.labels[Stage.MEDIUM_DEEP]
    assert current.accessibleName() == "Stage 2, Medium deep: now, the current stage"
    assert words(view.body_map)[1] == "A figure seen from behind. Marked: the shoulder blades."
    assert words(view.progress)[1] == "9 seconds left of 12 seconds"


def test_the_summary_with_the_check_in(qtbot, window, clock):
    start(qtbot, window)
    advance(window, clock, 12)
    assert window.current_page() == "summary"
    panel = window.summary.checkin_panel
    assert panel is not None and panel.isVisible()
    # Five feelings, six signs, the note, Skip, Save, and Back to routines.
    assert_all_named(window, at_least=14)


def test_the_editor_page_with_a_problem_a_built_in_and_a_broken_file(qtbot, window):
    hook = add_routine_editor(window)
    page = hook.open()
    assert page.select_routine("Another one")
    editor = page.editor
    editor.select_step(0)
    editor.intensity_combo.setCurrentIndex(editor.intensity_combo.findText("Moderate"))  # stroking-light
    assert editor.problem_rows and editor.problem_rows[0].fix_buttons
    assert_all_named(window, at_least=30)
    editor.undo()  # nothing unsaved, so the next routine opens without a question
    assert page.select_routine("Short back")  # built in: the banner and Duplicate to edit
    assert editor.banner.isVisible()
    assert_all_named(window, at_least=20)
    broken = next(row for row in range(page.list.count()) if "broken" in page.list.item(row).text())
    page.list.setCurrentRow(broken)
    assert page.broken.isVisible()
    assert_all_named(window, at_least=8)


def test_the_preview(qtbot, window):
    page = add_routine_editor(window).open()
    assert page.select_routine("Another one")
    qtbot.mouseClick(page.editor.preview_button, Qt.MouseButton.LeftButton)
    preview = page.preview
    assert preview is not None
    qtbot.waitExposed(preview)
    assert_all_named(preview, at_least=3)  # Pause, Skip step, Close
    preview.reject()


def test_the_review_page(qtbot, window, tmp_path):
    with open_history(tmp_path) as history:
        add(history, datetime(2026, 11, 2, 19, tzinfo=BERLIN), datetime(2026, 11, 4, 19, tzinfo=BERLIN),
            datetime(2026, 11, 17, 19, tzinfo=BERLIN), feeling=4)
        page = ReviewPage(history, window.settings, now=lambda: datetime(2026, 11, 19, 21, tzinfo=BERLIN))
        window.add_page("review", page)  # as the window's history hook adds it
        window.show_page("review")
        qtbot.waitUntil(lambda: bool(page.technique_bars.values()))
        page.select_row(0)
        # 3 ranges, plan, 2 CSV buttons, table and its headings, details, delete, period, chart, 2 bars.
        assert_all_named(window, at_least=12)
        for painted in (page.chart, page.technique_bars, page.area_bars):
            assert all(words(painted)), painted
        assert "2026-W45: 2, on plan." in words(page.chart)[1]
        page.close()


def test_the_safety_questions_and_the_ask_a_doctor_page(qtbot, window):
    def look(dialog: SafetyDialog) -> list[str]:
        missing = without_words(dialog)
        count = len(checked_controls(dialog))
        for row in dialog.rows:
            row.set_answer(row is dialog.rows[0])
        dialog.continue_button.click()
        assert dialog.showing_stop()
        missing += without_words(dialog)
        dialog.reject()
        # Yes and No per question, and the page's own buttons.
        return [*missing, *([] if count >= 2 * len(dialog.rows) + 2 else [f"only {count} controls"])]

    seen = while_modal(SafetyDialog, look)
    window.ask_safety_again()
    assert seen == [[]]


def test_todays_question_and_its_no_massage_today_page(qtbot):
    dialog = TodayDialog(pregnancy=True)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    missing = without_words(dialog)
    assert len(checked_controls(dialog)) >= 2
    qtbot.keyClick(dialog, Qt.Key.Key_Y)
    assert dialog.showing_stop()
    assert missing + without_words(dialog) == []


def test_the_volume_window_before_and_after_a_sound_test(qtbot, window):
    def look(dialog: VolumeDialog) -> list[str]:
        missing = without_words(dialog)
        qtbot.keyClick(dialog.test_button, Qt.Key.Key_Space)
        qtbot.waitUntil(lambda: dialog.result.text() == WORKS, timeout=5000)
        missing += without_words(dialog)
        count = len(checked_controls(dialog))
        dialog.reject()
        return [*missing, *([] if count >= 5 else [f"only {count} controls"])]

    seen = while_modal(VolumeDialog, look)
    window.open_volume()
    assert seen == [[]]


def test_the_sound_test_before_the_first_session(qtbot, make_window):
    window = make_window(first_run=True)

    def look(dialog: SoundIntroDialog) -> list[str]:
        missing = without_words(dialog)
        count = len(checked_controls(dialog))
        dialog.accept()
        return [*missing, *([] if count >= 3 else [f"only {count} controls"])]

    seen = while_modal(SoundIntroDialog, look)
    start(qtbot, window)
    assert seen == [[]]


def test_the_stop_panel_in_the_session(qtbot, window):
    start(qtbot, window)
    window.ask_to_stop()
    panel = window.sessions.stop_panel
    assert panel.isVisible() and QApplication.activeModalWidget() is None  # in the window, not a box
    assert without_words(panel) == []
    assert len(checked_controls(panel)) >= 3  # Finish gently, Stop now, Keep going


@pytest.mark.parametrize("which", ["test sound", "about"])
def test_message_boxes(qtbot, window, which):
    """Asked in the window, as the Stop question is: named, every answer described, Esc closes it."""
    def look(panel: QuestionPanel) -> list[str]:
        missing = without_words(panel)
        if not panel.accessibleName() or not panel.accessibleDescription():
            missing.append(f"the question: {panel.accessibleName()!r} {panel.accessibleDescription()!r}")
        qtbot.keyClick(panel.focusWidget(), Qt.Key.Key_Escape)
        return missing

    seen = while_asked(look)
    if which == "test sound":
        window.actions["sound_check"].trigger()
        qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    else:
        window.actions["about"].trigger()
    assert seen == [[]]
    assert QApplication.activeModalWidget() is None and open_question() is None


def test_every_control_docs_voice_md_names_is_there_under_that_name(qtbot, window):
    """docs/voice.md names the voice's controls in bold ("Sound ▸ Spoken prompts") and its settings in
    code; each must be in the window, worded the same, and declared."""
    import re
    from pathlib import Path

    from PySide6.QtWidgets import QAbstractButton, QLabel

    from selfmassage.store.settings import BY_NAME

    text = (Path(__file__).resolve().parents[2] / "docs" / "voice.md").read_text(encoding="utf-8")
    menus = {action.text().replace("&", ""): action.menu() for action in window.menuBar().actions()
             if action.menu() is not None}
    intro = SoundIntroDialog(voice_on=True, parent=window)
    volume = VolumeDialog(0.5, lambda _v: None, 0.5, lambda _v: None, window)
    shown = {widget.text().replace("&", "")
             for root in (window, intro, volume) for kind in (QAbstractButton, QLabel)
             for widget in root.findChildren(kind)}
    shown |= {intro.windowTitle().split(" — ")[0], volume.windowTitle()}
    named = re.findall(r"\*\*([^*]+)\*\*", text)
    assert len(named) >= 7
    for name in named:
        if "▸" in name:
            menu, item = (part.strip() for part in name.split("▸"))
            texts = [action.text().split("\t")[0] for action in menus[menu].actions()]
            assert item in texts, (name, texts)
        else:
            assert name in shown, name
    for setting in ("voice", "voice_volume", "voice_short_routines", "sound_intro_done"):
        assert f"`{setting}`" in text and setting in BY_NAME
    intro.deleteLater()
    volume.deleteLater()


def test_an_editor_problem_is_told_by_icon_and_word_not_by_tint(qtbot, window):
    page = add_routine_editor(window).open()
    assert page.select_routine("Another one")
    editor = page.editor
    try:
        editor.select_step(0)
        editor.intensity_combo.setCurrentIndex(editor.intensity_combo.findText("Moderate"))
        row = next(row for row in editor.problem_rows if row.problem.rule == "stroking-light")
        assert row.text.text().startswith("<b>Warning</b>")
        assert row.show_button.text() == "Step 1"
        index = editor.model.index(0, 0)
        assert index.data(Qt.ItemDataRole.DecorationRole) is not None  # the warning's triangle
        assert index.data(Qt.ItemDataRole.AccessibleTextRole) == "Step 1, 1 warning"
        assert "stroking-light" in index.data(Qt.ItemDataRole.AccessibleDescriptionRole)
    finally:
        editor.draft.mark_saved()


def test_the_body_maps_lit_area_has_a_thick_outline_as_well_as_its_colour():
    import xml.etree.ElementTree as ET

    from selfmassage.qt.body_map import styled_svg

    for high_contrast in (False, True):
        root = ET.fromstring(styled_svg(("area-lower-back",), high_contrast))
        by_id = {element.get("id"): element for element in root.iter() if element.get("id")}
        lit = float(by_id["area-lower-back"].get("stroke-width"))
        others = float(by_id["regions"].get("stroke-width"))
        assert lit >= 3 * others


def test_the_history_in_the_window_its_button_review_screen_and_reminders(qtbot, window, tmp_path):
    hook = add_history(window, tray_available=False)
    with open_history(tmp_path) as history:
        add(history, datetime(2026, 11, 2, 19, tzinfo=BERLIN), datetime(2026, 11, 17, 19, tzinfo=BERLIN))
    hook.load(tmp_path / "history.sqlite3")
    try:
        qtbot.waitUntil(hook.button.isVisible)
        assert_all_named(window.picker, at_least=4)  # the History button beside Start too
        screen = hook.open_review()
        assert screen is not None and hook.review is not None
        qtbot.waitUntil(lambda: bool(hook.review.technique_bars.values()))
        assert_all_named(window, at_least=12)  # Back to routines, and the review in it

        def look(dialog: RemindersDialog) -> list[str]:
            dialog.on_box.setChecked(True)  # the weekdays and the time take part
            missing = without_words(dialog)
            count = len(checked_controls(dialog))
            dialog.reject()
            return [*missing, *([] if count >= 10 else [f"only {count} controls"])]

        seen = while_modal(RemindersDialog, look)
        hook.tray_hook.edit_reminders()
        assert seen == [[]]
    finally:
        hook.close()
