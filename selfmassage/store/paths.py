"""Where user files live, per platformdirs (so XDG_DATA_HOME and XDG_CONFIG_HOME move them)."""

from __future__ import annotations

import os
import sys
import warnings
from collections.abc import Callable
from pathlib import Path

import platformdirs

from selfmassage.i18n import _

APP = "selfmassage"


class NoHomeFolder(OSError):
    """Neither HOME nor the XDG variables say where this user's files go (and no account entry does)."""

    def __init__(self) -> None:
        super().__init__(_("can't tell where your files go: set HOME to your home folder (or XDG_DATA_HOME "
                           "and XDG_CONFIG_HOME) and try again"))

    def __str__(self) -> str:
        return str(self.args[0])


def _absolute(find: Callable[..., Path]) -> Path:
    try:
        path = find(APP, appauthor=False)
    except RuntimeError:  # platformdirs ≥ 4.10: no HOME and no passwd entry
        raise NoHomeFolder() from None
    if not path.is_absolute():  # older platformdirs hand back "~/…" as it is
        raise NoHomeFolder()
    return path


def data_dir() -> Path:
    return _absolute(platformdirs.user_data_path)


def config_dir() -> Path:
    return _absolute(platformdirs.user_config_path)


def runtime_dir() -> Path:
    """Where the window's lock and socket go: XDG_RUNTIME_DIR, private to the user.

    Without it, platformdirs warns on every start and falls back to /tmp/runtime-UID, a name anyone on the
    machine could take first; the user's own cache folder is used instead.
    """
    if sys.platform.startswith("linux") and not os.environ.get("XDG_RUNTIME_DIR"):
        return _absolute(platformdirs.user_cache_path) / "run"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # RuntimeDirWarning: handled above where it matters
        return _absolute(platformdirs.user_runtime_path)


def routines_dir() -> Path:
    return data_dir() / "routines"


def history_path() -> Path:
    return data_dir() / "history.sqlite3"


def settings_path() -> Path:
    return config_dir() / "settings.json"


def safety_path() -> Path:
    return config_dir() / "safety.json"
