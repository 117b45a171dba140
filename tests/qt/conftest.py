"""The real main window with its real parts, but a fake clock, a recording player, and its settings, safety
answers and routines in the test's own folders."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from desktop_bus import Desktop, connected_bus, private_desktop
from PySide6.QtDBus import QDBusConnection
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication
from qt_helpers import OTHER, SHORT, SIDES, activate

from selfmassage.core.clock import FakeClock
from selfmassage.core.safety import QUESTION_IDS
from selfmassage.qt import theme
from selfmassage.qt.main_window import MainWindow
from selfmassage.qt.parts import real_parts
from selfmassage.qt.safety_gate import DialogSafetyGate
from selfmassage.sound.interface import CuePlayer
from selfmassage.sound.silent import RecordingPlayer
from selfmassage.store.library import RoutineLibrary
from selfmassage.store.safety import SafetyStore
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
    (builtin / "both-sides.json").write_text(json.dumps(SIDES), encoding="utf-8")
    (user / "another-one.json").write_text(json.dumps(OTHER), encoding="utf-8")
    (user / "broken.json").write_text('{"format": 1, "name": ', encoding="utf-8")
    return builtin, user


@pytest.fixture
def settings_path(tmp_path: Path) -> Path:
    return tmp_path / "config" / "settings.json"


@pytest.fixture
def safety_store(tmp_path: Path) -> SafetyStore:
    """Answered all "no" just now, so a session starts without the questions unless a test asks."""
    store = SafetyStore(tmp_path / "config" / "safety.json")
    store.record(dict.fromkeys(QUESTION_IDS, False), datetime.now().astimezone())
    return store


@pytest.fixture
def make_window(qapp: QApplication, qtbot: Any, clock: FakeClock, routines_dirs: tuple[Path, Path],
                settings_path: Path, safety_store: SafetyStore) -> Iterator[Callable[..., MainWindow]]:
    made: list[MainWindow] = []
    # The window restyles the whole app (palette, font, Fusion); other tests get theirs back afterwards.
    palette, font, style = QPalette(qapp.palette()), QFont(qapp.font()), qapp.style().name()
    look = theme.current_look()

    def make(player: CuePlayer | None = None, sleep_clock: FakeClock | None = None, *,
             first_run: bool = False) -> MainWindow:
        """`first_run`: the sound test before the first session is still to come (else it was offered)."""
        builtin, user = routines_dirs
        settings = Settings(settings_path)
        if not first_run and not settings.get("sound_intro_done"):
            settings.set("sound_intro_done", True)
        parts = real_parts(settings)
        parts.clock = lambda: clock
        parts.sleep_clock = lambda: sleep_clock
        # Today's question is answered "none of these" here; tests/qt/test_window_safety.py asks it for real.
        parts.safety = DialogSafetyGate(safety_store, today=lambda parent, pregnancy=False: True)
        window = MainWindow(settings, RoutineLibrary(user, builtin), parts)
        made.append(window)  # not qtbot.addWidget: it closes the window before a running session is stopped
        window.show()
        qtbot.waitExposed(window)
        activate(qtbot, window)
        window.set_player(player or RecordingPlayer())
        window.refresh_routines()
        return window

    yield make
    for window in made:  # stop first, so closing has no session to ask about
        if window.driver is not None and window.driver.running:
            window.driver.stop()
        window.close()
        window.deleteLater()
    qapp.setStyle(style)
    qapp.setPalette(palette)
    qapp.setFont(font)
    theme._look = look  # what the next test's check-in or safety questions are built in


@pytest.fixture
def window(make_window: Callable[..., MainWindow]) -> MainWindow:
    return make_window()


@pytest.fixture
def desktop(tmp_path: Path) -> Iterator[Desktop]:
    """A private X display and session bus (dunst when asked): for the desktop notification tests."""
    with private_desktop(tmp_path / "desktop") as opened:
        yield opened


@pytest.fixture
def bus(desktop: Desktop) -> Iterator[QDBusConnection]:
    with connected_bus(desktop) as connection:
        yield connection
