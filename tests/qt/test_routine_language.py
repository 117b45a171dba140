"""A built-in routine picked in one language is still the one picked after the app speaks another: the
picker chooses it again, by its name in the language in use."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from selfmassage.qt.main_window import MainWindow
from selfmassage.resources import assets_dir
from selfmassage.store.settings import Settings


@pytest.fixture
def routines_dirs(tmp_path: Path) -> tuple[Path, Path]:
    builtin, user = tmp_path / "builtin", tmp_path / "user"
    shutil.copytree(assets_dir() / "routines", builtin)
    user.mkdir()
    return builtin, user


def test_the_routine_picked_last_in_russian_is_picked_again_in_english(
        make_window: Callable[..., MainWindow], settings_path: Path) -> None:
    Settings(settings_path).set("last_routine", "Вечерний отдых с массажным мячом")  # kept by a Russian run
    window = make_window()
    chosen = window.picker.current_entry()
    assert chosen is not None and chosen.name == "Evening relax with a massage ball"
