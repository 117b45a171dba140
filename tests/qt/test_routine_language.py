"""A built-in routine picked in one language is still the one picked after the app speaks another: the
picker chooses it again, by its name in the language in use."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from qt_helpers import every_builtin_routine

from selfmassage.qt.main_window import MainWindow
from selfmassage.store.settings import Settings


@pytest.fixture
def routines_dirs(tmp_path: Path) -> tuple[Path, Path]:
    return every_builtin_routine(tmp_path)


def test_the_routine_picked_last_in_russian_is_picked_again_in_english(
        make_window: Callable[..., MainWindow], settings_path: Path) -> None:
    Settings(settings_path).set("last_routine", "Вечерний отдых с массажным мячом")  # kept by a Russian run
    window = make_window()
    chosen = window.picker.current_entry()
    assert chosen is not None and chosen.name == "Evening relax with a massage ball"
