"""Every page and dialog at 800x600, 1024x600, 1366x768 and 1920x1080, in normal, Large text, High contrast
and both: the window fills the screen and no more, nothing overlaps, no text is cut, no button is outside
its window (layout_check says what counts). The screens come from tests/qt/screens.json (tests/conftest.py),
so one app moves its window from screen to screen."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from layout_check import layout_problems
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPalette, QScreen
from PySide6.QtWidgets import QApplication, QWidget
from qt_helpers import advance

from selfmassage.core.checkin import Symptom
from selfmassage.core.techniques import Technique
from selfmassage.qt.editor_hook import add_routine_editor
from selfmassage.qt.history_hook import add_history
from selfmassage.qt.main_window import MainWindow
from selfmassage.resources import assets_dir
from tests.history_support import BERLIN, add, open_history

SIZES = ("800x600", "1024x600", "1366x768", "1920x1080")
MODES = {"normal": (False, False), "large text": (True, False), "high contrast": (False, True),
         "both": (True, True)}
CLASSIC = "Classic back session"


def screen_named(name: str) -> QScreen:
    screens = {screen.name(): screen for screen in QApplication.screens()}
    assert name in screens, (f"no {name} screen among {list(screens)}: run offscreen (QT_QPA_PLATFORM="
                             "offscreen), where tests/conftest.py gives Qt those of tests/qt/screens.json")
    return screens[name]


def fill_screen(qtbot: Any, window: QWidget, name: str) -> None:
    """Move `window` to the screen called `name` and make it as big as that screen lets it be."""
    screen = screen_named(name)
    room = screen.availableGeometry()
    window.resize(window.minimumSize())  # small enough to sit on any of them
    window.move(room.topLeft())  # as a person drags it there: Qt then says it is on that screen
    window.windowHandle().setScreen(screen)
    qtbot.waitUntil(lambda: window.screen().name() == name and room.contains(window.frameGeometry()))
    frame = window.frameGeometry().size() - window.size()
    window.resize(room.size() - frame)
    QApplication.processEvents()


def look_at(qtbot: Any, top: QWidget, where: str) -> list[str]:
    qtbot.waitExposed(top)
    QApplication.processEvents()
    return [f"{where}: {problem}" for problem in layout_problems(top)]


@pytest.fixture
def routines_dirs(tmp_path: Path) -> tuple[Path, Path]:
    """The routines people have: every built-in one, with its long names and notes."""
    builtin, user = tmp_path / "builtin", tmp_path / "user"
    shutil.copytree(assets_dir() / "routines", builtin)
    user.mkdir()
    return builtin, user


@pytest.fixture
def looked(qtbot: Any, make_window: Callable[..., MainWindow],
           tmp_path: Path) -> Iterator[Callable[..., Any]]:
    """A window in the mode asked for, with the editor and the history (a few sessions) plugged in."""
    hooks = []

    def make(mode: str) -> tuple[MainWindow, Any, Any]:
        window = make_window()
        editor = add_routine_editor(window)
        with open_history(tmp_path) as history:
            add(history, *(datetime(2026, 11, day, 19, tzinfo=BERLIN) for day in (2, 3, 4, 10, 17)))
        now = datetime(2026, 11, 19, 21, tzinfo=BERLIN)
        hook = add_history(window, tray_available=False, now=lambda: now)
        hook.load(tmp_path / "history.sqlite3")
        hooks.append(hook)
        large, contrast = MODES[mode]
        window.set_large_text(large)
        window.set_high_contrast(contrast)
        wanted = QApplication.palette().color(QPalette.ColorRole.Window)
        qtbot.waitUntil(lambda: window.palette().color(QPalette.ColorRole.Window) == wanted)
        return window, hook, editor

    yield make
    for hook in hooks:
        if hook.window.driver is not None and hook.window.driver.running:
            hook.window.driver.stop()
        hook.close()


def fits(problems: list[str]) -> None:
    assert not problems, "\n".join(["", *problems])


def every_size(qtbot: Any, window: MainWindow, show: Callable[[], list[QWidget]]) -> list[str]:
    """The problems of what `show()` brings up (the window, or the dialogs it returns), at every size."""
    problems = []
    for size in SIZES:
        fill_screen(qtbot, window, size)
        tops = show()
        for top in tops or [window]:
            problems += look_at(qtbot, top, f"{size} {type(top).__name__}")
        for top in tops:
            top.close()
    return problems


def start_classic(qtbot: Any, window: MainWindow) -> None:
    assert window.picker.select(CLASSIC)
    qtbot.keyClick(window.picker.list, Qt.Key.Key_Return)
    assert window.current_page() == "session"


@pytest.mark.parametrize("mode", MODES)
def test_the_session_page(qtbot, looked, clock, mode):
    window, _, _ = looked(mode)
    start_classic(qtbot, window)
    engine = window.driver.engine
    rubbing = next(i for i, step in enumerate(engine.routine.steps) if step.technique is Technique.RUBBING)
    while engine.index < rubbing:
        advance(window, clock, 1, step=1)
    advance(window, clock, 2, step=1)
    problems = every_size(qtbot, window, lambda: [])
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert window.driver.paused
    problems += [f"paused: {problem}" for problem in every_size(qtbot, window, lambda: [])]
    fits(problems)


def test_the_window_fits_its_screen_and_never_grows_by_itself(qtbot, make_window, clock):
    window = make_window()
    assert window.size() == QSize(1120, 720)  # it opens at this size where the screen has the room
    for name in ("1366x768", "800x600", "720x540"):  # moved to a smaller screen, it shrinks to fit
        screen = screen_named(name)
        window.move(screen.availableGeometry().topLeft())
        window.windowHandle().setScreen(screen)
        qtbot.waitUntil(lambda screen=screen: screen.availableGeometry().contains(window.frameGeometry()))
    assert window.minimumSize().width() <= 720 and window.minimumSize().height() <= 540
    fill_screen(qtbot, window, "1024x600")
    size = window.size()
    window.set_large_text(True)
    window.set_high_contrast(True)
    assert window.picker.select(CLASSIC)
    qtbot.keyClick(window.picker.list, Qt.Key.Key_Return)
    advance(window, clock, 30, step=1)
    qtbot.keyClick(window, Qt.Key.Key_Space)
    window.driver.stop()
    window.summary.checkin_panel.symptom_boxes[Symptom.PAIN].setChecked(True)
    QApplication.processEvents()
    assert window.size() == size
    window.resize(720, 540)  # as small as it gets
    qtbot.waitUntil(lambda: window.size() == QSize(720, 540))
