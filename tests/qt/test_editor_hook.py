"""The editor hook against a stand-in window that offers what the main window offers other parts."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QMainWindow, QMenu, QStackedWidget, QWidget
from qt_helpers import answer_box

from selfmassage.core.routine import Routine, Step
from selfmassage.core.routine_format import dumps_routine
from selfmassage.core.techniques import Intensity, Stage, Technique
from selfmassage.qt.actions import make_action
from selfmassage.qt.editor_hook import add_routine_editor
from selfmassage.qt.pages import Page
from selfmassage.sound.silent import RecordingPlayer
from selfmassage.store.library import RoutineEntry, RoutineLibrary


def routine(name: str) -> Routine:
    return Routine(name, (
        Step(Stage.PREPARATORY, Technique.STROKING, "neck", 20),
        Step(Stage.MEDIUM_DEEP, Technique.RUBBING, "collar zone", 10, Intensity.MODERATE),
        Step(Stage.FINAL, Technique.STROKING, "neck", 20),
    ))


class Picker(QWidget):
    def __init__(self, library: RoutineLibrary) -> None:
        super().__init__()
        self.library = library
        self.row = QHBoxLayout(self)
        self.chosen = "Mine"

    def current_entry(self) -> RoutineEntry | None:
        return self.library.find(self.chosen)

    def add_button(self, button: QWidget) -> None:
        self.row.addWidget(button)


class Host(QMainWindow):
    def __init__(self, library: RoutineLibrary) -> None:
        super().__init__()
        self.library = library
        self.settings = SimpleNamespace(tempo_click=True)
        self.close_checks: list[Callable[[], bool]] = []
        self.player = RecordingPlayer()
        self.picker = Picker(library)
        self.pages = QStackedWidget()
        self.names: dict[str, QWidget] = {}
        self.refreshed = 0
        self.started: list[Routine] = []
        self.setCentralWidget(self.pages)
        self.add_page(Page.PICKER, self.picker)

    def add_page(self, name, widget, title="", *, themed=False):
        self.names[name] = widget
        self.pages.addWidget(widget)

    def show_page(self, name):
        self.pages.setCurrentWidget(self.names[name])

    def current(self) -> str:
        return next(name for name, widget in self.names.items() if widget is self.pages.currentWidget())

    def menu(self, title):
        menu = QMenu(title, self)
        self.menuBar().addMenu(menu)
        return menu

    def add_action(self, name, text, slot, *, menu=None, keys="", tip="", checkable=False):
        return make_action(self, name, text, slot, menu=menu, keys=keys, tip=tip, checkable=checkable)

    def add_picker_button(self, button):
        self.picker.add_button(button)

    def add_close_check(self, check):
        self.close_checks.append(check)

    def closeEvent(self, event):
        if all(check() for check in self.close_checks):
            super().closeEvent(event)
        else:
            event.ignore()

    def refresh_routines(self):
        self.refreshed += 1

    def start_session(self, routine):
        self.started.append(routine)
        return True


@pytest.fixture
def host(qtbot, tmp_path: Path) -> Host:
    user = tmp_path / "routines"
    user.mkdir()
    for name in ("Mine", "Other"):
        (user / f"{name.lower()}.json").write_text(dumps_routine(routine(name)))
    window = Host(RoutineLibrary(user, None))
    qtbot.addWidget(window)
    window.show()
    return window


def test_the_page_is_built_only_when_opened_and_shows_the_pickers_routine(qtbot, host):
    hook = add_routine_editor(host)
    assert hook.page is None  # nothing read at start
    assert [a.text() for a in host.menuBar().actions()[0].menu().actions()] == [
        "Edit routines…", "New routine", "Import a routine…"]
    host.picker.chosen = "Other"
    qtbot.mouseClick(hook.button, Qt.MouseButton.LeftButton)
    assert host.current() == Page.ROUTINES
    assert hook.page is not None and hook.page.current_entry.name == "Other"


def test_done_goes_back_to_the_picker_and_saving_refreshes_it(qtbot, host):
    hook = add_routine_editor(host)
    page = hook.open()
    page.editor.seconds_spin.setValue(25)
    assert page.editor.save()
    assert host.refreshed == 1
    qtbot.mouseClick(page.done_button, Qt.MouseButton.LeftButton)
    assert host.current() == Page.PICKER and host.refreshed == 2


def test_start_in_the_editor_starts_a_session_in_the_window(qtbot, host):
    hook = add_routine_editor(host)
    page = hook.open()
    qtbot.mouseClick(page.editor.start_button, Qt.MouseButton.LeftButton)
    assert host.started == [routine("Mine")]


def test_preview_plays_through_the_windows_player(qtbot, host):
    hook = add_routine_editor(host)
    page = hook.open()
    preview = page.open_preview(routine("Mine"))
    assert "with its sounds" in preview.note_label.text()
    assert host.player.played  # the stage cue at the first step
    preview.close()


def test_new_from_the_menu_opens_the_editor_on_a_new_routine(host):
    hook = add_routine_editor(host)
    hook.new_action.trigger()
    assert host.current() == Page.ROUTINES
    assert hook.page.current_entry.name == "New routine"


def test_closing_the_window_asks_about_unsaved_routine_changes(qtbot, host, monkeypatch):
    hook = add_routine_editor(host)
    page = hook.open()
    page.editor.seconds_spin.setValue(12)
    answer_box("Cancel")
    assert not host.close()
    assert host.isVisible()
    answer_box("Don't save")
    assert host.close()
    assert (hook.page.library.user_dir / "mine.json").read_text() == dumps_routine(routine("Mine"))
