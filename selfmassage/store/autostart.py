"""Start at login: a freedesktop autostart entry, `$XDG_CONFIG_HOME/autostart/<app id>.desktop`.

Desktops that follow the XDG autostart spec (GNOME, KDE, Xfce, …) run it when the person logs in. It is
the menu's entry (same name, icon and app id) with `--tray` added, so the login start opens in the tray.
"""

from __future__ import annotations

import os
from pathlib import Path

from selfmassage.store.atomic import write_text_atomic
from selfmassage.store.desktop_entry import FILE_NAME, command_of, default_command, entry_for

__all__ = ["autostart_enabled", "autostart_path", "command_of", "default_command", "desktop_entry",
           "disable_autostart", "enable_autostart"]

# What versions before the app id wrote: still honoured, and replaced by the new name when next written.
OLD_FILE_NAME = "selfmassage.desktop"


def _autostart_dir() -> Path:
    config = os.environ.get("XDG_CONFIG_HOME", "").strip()
    # The spec says a relative XDG_CONFIG_HOME is invalid and must be ignored.
    base = Path(config) if config and os.path.isabs(config) else Path.home() / ".config"
    return base / "autostart"


def autostart_path() -> Path:
    return _autostart_dir() / FILE_NAME


def desktop_entry(command: list[str]) -> str:
    return entry_for(command, extra=("X-GNOME-Autostart-enabled=true",))


def enable_autostart(command: list[str] | None = None) -> Path:
    """Write (or rewrite) the entry; returns where. OSError when the folder can't be written."""
    path = autostart_path()
    write_text_atomic(path, desktop_entry(command or default_command()))
    _remove_old()
    return path


def disable_autostart() -> bool:
    """Remove the entry (and one an older version wrote); False when there was none."""
    removed = _remove_old()
    try:
        autostart_path().unlink()
    except FileNotFoundError:
        return removed
    return True


def autostart_enabled() -> bool:
    return autostart_path().is_file() or (_autostart_dir() / OLD_FILE_NAME).is_file()


def _remove_old() -> bool:
    try:
        (_autostart_dir() / OLD_FILE_NAME).unlink()
    except FileNotFoundError:
        return False
    return True
