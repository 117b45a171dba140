"""The routine editor on an 800x600 screen with Large text, in English and in Russian (longer words): the
list of routines shows every name whole, the step's choices are read whole, a long name reads from its
start, and the editor scrolls down, never sideways, to the last of the step's fields."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QComboBox, QScrollArea, QStyle, QStyleOptionComboBox
from qt_helpers import every_builtin_routine
from test_layout import fill_screen

from selfmassage.qt.editor_hook import add_routine_editor
from selfmassage.qt.language import use_language
from selfmassage.qt.main_window import MainWindow
from selfmassage.qt.routines_page import RoutinesPage


@pytest.fixture
def routines_dirs(tmp_path: Path) -> tuple[Path, Path]:
    return every_builtin_routine(tmp_path)


@pytest.fixture(params=["en", "ru"])
def editor_page(request: pytest.FixtureRequest, qapp: QApplication, qtbot: Any,
                make_window: Callable[..., MainWindow]) -> Iterator[RoutinesPage]:
    use_language(qapp, request.param)
    window = make_window()
    hook = add_routine_editor(window)
    window.set_large_text(True)
    fill_screen(qtbot, window, "800x600")
    page = hook.open()
    yield page
    page.editor.draft.mark_saved()  # no question about unsaved changes on the way out
    use_language(qapp, "en")


def text_room(box: QComboBox) -> int:
    """How wide the text may be in `box`: its edit field's rectangle, as its style draws it."""
    option = QStyleOptionComboBox()
    box.initStyleOption(option)
    field = box.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                       QStyle.SubControl.SC_ComboBoxEditField, box)
    return field.width()


def test_the_list_shows_every_routines_name_whole(editor_page: RoutinesPage) -> None:
    routines = editor_page.list
    QApplication.processEvents()
    cut = []
    for row in range(routines.count()):
        item = routines.item(row)
        if routines.entry_of(item) is None:
            continue  # a heading
        shown = routines.visualItemRect(item)
        metrics = QFontMetrics(routines.font())  # Large text: the list's own, grown
        room = QRect(0, 0, routines.viewport().width() - 2 * routines.spacing() - 8, 10_000)
        need = metrics.boundingRect(room, int(Qt.TextFlag.TextWordWrap), item.text())
        if need.height() > shown.height():
            cut.append(f"{item.text()!r} needs {need.height()} px, has {shown.height()}")
    assert cut == []


def test_a_steps_choices_are_read_whole_and_the_fields_scroll_down_to_the_note(
        qtbot: Any, editor_page: RoutinesPage) -> None:
    editor_page.files.duplicate_routine()  # yours now, so every field can be changed
    editor = editor_page.editor
    assert not editor.read_only
    editor.select_step(3)
    QApplication.processEvents()
    cut = []
    for box in editor.findChildren(QComboBox):
        if not box.isVisibleTo(editor):
            continue
        for index in range(box.count()):
            need, room = box.fontMetrics().horizontalAdvance(box.itemText(index)), text_room(box)
            if need > room:
                cut.append(f"{box.accessibleName()}: {box.itemText(index)!r} needs {need}, has {room}")
    assert cut == []
    scroller = editor.findChild(QScrollArea, "editorScroll")
    scroller.ensureWidgetVisible(editor.note_edit)
    qtbot.waitUntil(lambda: scroller.viewport().rect().contains(
        editor.note_edit.mapTo(scroller.viewport(), editor.note_edit.rect().bottomRight())))
    assert scroller.horizontalScrollBar().maximum() == 0, "the fields never scroll sideways"
    assert editor.name_edit.cursorPosition() == 0, "a long name reads from its start"
