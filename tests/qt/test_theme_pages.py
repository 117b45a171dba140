"""High contrast and Large text reach every page and dialog: the window's own pages, the routine editor, the
history review, the check-in, and the dialogs opened after the change."""

from __future__ import annotations

from datetime import datetime

from a11y_helpers import while_modal
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from qt_helpers import advance, while_asked

from selfmassage.qt.dialogs import VolumeDialog
from selfmassage.qt.editor_hook import add_routine_editor
from selfmassage.qt.review import ReviewPage
from selfmassage.qt.safety_dialog import SafetyDialog
from selfmassage.qt.sound_intro import SoundIntroDialog
from tests.history_support import BERLIN, add, open_history


def corner(widget: QWidget, x: int = 3, y: int = 3) -> QColor:
    """The colour drawn at a spot of `widget` with nothing on it: its background."""
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    return QColor(image.pixel(x, y))


def dark(colour: QColor) -> bool:
    return colour.lightness() < 40


def light(colour: QColor) -> bool:
    return colour.lightness() > 200


def size(widget: QWidget) -> float:
    font = widget.font()
    return font.pointSizeF() if font.pointSizeF() > 0 else font.pixelSize() * 0.75


def toggle_both(qtbot, window) -> None:
    """High contrast and Large text, both on or both off; Qt hands the new palette on after a moment."""
    window.actions["high_contrast"].trigger()
    window.actions["large_text"].trigger()
    wanted = QApplication.palette().color(QPalette.ColorRole.Window)
    qtbot.waitUntil(lambda: window.palette().color(QPalette.ColorRole.Window) == wanted)
    qtbot.wait(10)  # and let the pages added later have theirs too


def test_the_picker_session_summary_and_check_in(qtbot, window, clock):
    heading = window.picker.findChild(QLabel, "picker_heading")
    before = size(heading), size(window.picker.short_prompts)
    assert light(corner(window.picker))
    toggle_both(qtbot, window)
    assert dark(corner(window.picker))
    assert size(heading) > before[0] * 1.2 and size(window.picker.short_prompts) > before[1] * 1.2
    toggle_both(qtbot, window)

    assert window.picker.select("Short back")
    qtbot.keyClick(window.picker.list, Qt.Key.Key_Return)
    window.resize(1800, 1000)  # room to grow: in a small window the session's type fits the room first
    qtbot.waitUntil(lambda: window.session_view.width() > 1700)
    technique = size(window.session_view.technique)
    toggle_both(qtbot, window)
    assert dark(corner(window.session_view))
    assert size(window.session_view.technique) > technique * 1.2
    toggle_both(qtbot, window)

    advance(window, clock, 12)
    panel = window.summary.checkin_panel
    title = next(label for label in panel.findChildren(QLabel) if label.text() == "How do you feel?")
    note = size(panel.note)
    was = size(title), corner(panel)
    assert light(was[1])
    toggle_both(qtbot, window)  # while the check-in shows
    assert dark(corner(panel))
    assert size(title) > was[0] * 1.2 and size(panel.note) > note * 1.2
    panel.set_feeling(4)  # a chosen feeling's words turn black on the yellow fill
    assert panel.feeling_buttons[4].number.styleSheet() == "color: #000000;"
    toggle_both(qtbot, window)
    assert corner(panel) == was[1] and size(title) == was[0]


def test_the_routine_editor(qtbot, window):
    page = add_routine_editor(window).open()
    assert page.select_routine("Another one")
    editor = page.editor
    before = size(editor.name_edit), size(page.list), size(editor.table)
    assert light(page.list.palette().color(QPalette.ColorRole.Base))
    toggle_both(qtbot, window)
    after = size(editor.name_edit), size(page.list), size(editor.table)
    assert all(new > old * 1.2 for new, old in zip(after, before, strict=True))
    for view in (page.list, editor.table):  # the list once kept its own colours and size (a style sheet)
        assert dark(view.palette().color(QPalette.ColorRole.Base))
        assert dark(corner(view.viewport(), 2, view.viewport().height() - 3))
    assert page.select_routine("Short back")  # built in: its banner follows too
    assert editor.banner.isVisible()
    assert dark(editor.banner.palette().color(editor.banner.backgroundRole()))


def test_the_history_review(qtbot, window, tmp_path):
    with open_history(tmp_path) as history:
        add(history, *(datetime(2026, 11, day, 19, tzinfo=BERLIN) for day in (2, 3, 4)))  # 3: a warning
        page = ReviewPage(history, window.settings, now=lambda: datetime(2026, 11, 19, 21, tzinfo=BERLIN))
        window.add_page("review", page)
        window.show_page("review")
        qtbot.waitUntil(lambda: bool(page.technique_bars.values()))
        heading = next(label for label in page.findChildren(QLabel)
                       if label.text() == "How often you massage")
        was = size(heading), size(page.table), corner(page.chart)
        assert light(was[2]) and page.warnings_label.isVisible()
        toggle_both(qtbot, window)
        assert size(heading) > was[0] * 1.2 and size(page.table) > was[1] * 1.2
        date = page.model.index(0, 0).data()  # the dates are not cut in the bigger text
        assert page.table.columnWidth(0) > page.table.fontMetrics().horizontalAdvance(date)
        assert page.table.verticalHeader().defaultSectionSize() > page.table.fontMetrics().height()
        assert dark(corner(page.chart))
        assert dark(corner(page.warnings_label)) and dark(page.table.palette().color(QPalette.ColorRole.Base))
        assert page.warnings_label.palette().color(QPalette.ColorRole.WindowText).name() == "#ffffff"
        assert "#ffa04d" in page.legend.text()  # the key in the chart's high-contrast colours
        page.close()


def test_dialogs_opened_after_the_change(qtbot, make_window):
    window = make_window(first_run=True)
    page = add_routine_editor(window).open()
    assert page.select_routine("Another one")
    window.show_page("picker")
    calm = {}

    def measure(dialog: QWidget) -> tuple[float, QColor]:
        label = next(label for label in dialog.findChildren(QLabel) if label.text())
        return size(label), corner(dialog)

    for look in ("calm", "high contrast"):
        seen = []
        for kind, opener in ((VolumeDialog, window.open_volume), (SafetyDialog, window.ask_safety_again)):
            found = while_modal(kind, lambda dialog: (measure(dialog), dialog.reject()))
            opener()
            seen.append(found[0][0])
        found = while_asked(lambda panel: (measure(panel.card), QTest.keyClick(panel.focusWidget(),
                                                                              Qt.Key.Key_Escape)))
        window.actions["about"].trigger()
        seen.append(found[0][0])
        preview = page.open_preview(page.editor.draft.routine)
        qtbot.waitExposed(preview)
        seen.append(measure(preview))
        preview.reject()
        intro = SoundIntroDialog(voice_on=True, parent=window)
        intro.show()
        qtbot.waitExposed(intro)
        seen.append(measure(intro))
        intro.accept()
        if look == "calm":
            calm = dict(enumerate(seen))
            assert all(light(background) for _, background in seen), seen
            toggle_both(qtbot, window)
        else:
            for number, (points, background) in enumerate(seen):
                assert dark(background), (number, background.name())
                assert points > calm[number][0] * 1.2, (number, points, calm[number][0])


def test_the_session_pages_type_keeps_its_size_when_the_look_changes_mid_session(qtbot, window, clock):
    # Glanceable from 2 m: turning High contrast on during a step left the words at the app's base size.
    assert window.picker.select("Short back")
    qtbot.keyClick(window.picker.list, Qt.Key.Key_Return)
    view = window.session_view
    window.show()
    qtbot.waitUntil(lambda: view.isVisible() and view.technique.font().pixelSize() > 0)
    labels = (view.technique, view.area, view.instruction, view.meta, view.next_label, view.progress_label)
    before = [label.font().pixelSize() for label in labels]
    for _ in range(2):  # on and off again
        window.actions["high_contrast"].trigger()
        wanted = QApplication.palette().color(QPalette.ColorRole.Window)
        qtbot.waitUntil(lambda wanted=wanted: window.palette().color(QPalette.ColorRole.Window) == wanted)
        assert [label.font().pixelSize() for label in labels] == before
