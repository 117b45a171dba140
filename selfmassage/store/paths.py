"""Where user files live, per platformdirs (so XDG_DATA_HOME and XDG_CONFIG_HOME move them)."""

from __future__ import annotations

from pathlib import Path

import platformdirs

APP = "selfmassage"


def data_dir() -> Path:
    return platformdirs.user_data_path(APP, appauthor=False)


def config_dir() -> Path:
    return platformdirs.user_config_path(APP, appauthor=False)


def runtime_dir() -> Path:
    return platformdirs.user_runtime_path(APP, appauthor=False)


def routines_dir() -> Path:
    return data_dir() / "routines"


def history_path() -> Path:
    return data_dir() / "history.sqlite3"


def settings_path() -> Path:
    return config_dir() / "settings.json"


def safety_path() -> Path:
    return config_dir() / "safety.json"
