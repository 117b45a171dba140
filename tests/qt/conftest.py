"""The real main window, with a fake clock and its settings and routines in the test's own folders."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from qt_helpers import (
    activate,
    OTHER,
    SHORT,
    SilentPlayer,
    StandInBodyMap,
    StandInCheckInPanel,
    StandInSafety,
)

from selfmassage.core.clock import FakeClock
from selfmassage.qt.main_window import MainWindow
from selfmassage.qt.parts import WindowParts
from selfmassage.store.library import RoutineLibrary
from selfmassage.store.settings import Settings


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def routines_dirs(tmp_path: Path) -> tuple[Path, Path]:
    builtin, user = tmp_path / "builtin", tmp_path / "user"
    builtin.mkdir()
    user.mkdir()
    (builtin / "short-back.json").write_text(json.dumps(SHORT), encoding="utf-8")
    (user / "another-one.json").write_text(json.dumps(OTHER), encoding="utf-8")
    (user / "broken.json").write_text('{"format": 1, "name": ', encoding="utf-8")
    return builtin, user


@pytest.fixture
def settings_path(tmp_path: Path) -> Path:
    return tmp_path / "config" / "settings.json"


@pytest.fixture
def safety() -> StandInSafety:
    return StandInSafety()


@pytest.fixture
def make_window(qtbot: Any, clock: FakeClock, routines_dirs: tuple[Path, Path], settings_path: Path,
                safety: StandInSafety) -> Iterator[Callable[..., MainWindow]]:
    made: list[MainWindow] = []

    def make(player: SilentPlayer | None = None) -> MainWindow:
        builtin, user = routines_dirs
        parts = WindowParts(clock=lambda: clock, body_map=StandInBodyMap,
                            checkin_panel=StandInCheckInPanel, safety=safety)
        window = MainWindow(Settings(settings_path), RoutineLibrary(user, builtin), parts)
        made.append(window)  # not qtbot.addWidget: it closes the window before a running session is stopped
        window.show()
        qtbot.waitExposed(window)
        activate(qtbot, window)
        window.set_player(player or SilentPlayer())
        window.refresh_routines()
        return window

    yield make
    for window in made:  # stop first, so closing has no session to ask about
        if window.driver is not None and window.driver.running:
            window.driver.stop()
        window.close()
        window.deleteLater()


@pytest.fixture
def window(make_window: Callable[..., MainWindow]) -> MainWindow:
    return make_window()


