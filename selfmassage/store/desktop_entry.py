"""Freedesktop desktop entries: the shipped one (assets/desktop/<app id>.desktop), its Exec line written for
where this copy of selfmassage is installed, and read back.

The menu entry (store/menu_entry.py) and the autostart entry (store/autostart.py) both start from it, so the
name, icon and app id are the same everywhere.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from selfmassage import APP_ID
from selfmassage.resources import asset_path

FILE_NAME = f"{APP_ID}.desktop"


def default_command() -> list[str]:
    """How to start this copy of selfmassage: the script beside this Python (a venv's or pipx's), else the
    `selfmassage` on PATH (`pip install --user`), else this Python with `-m selfmassage`."""
    beside = Path(sys.executable).with_name("selfmassage")
    if beside.is_file() and os.access(beside, os.X_OK):
        return [str(beside)]
    script = shutil.which("selfmassage")
    return [script] if script else [sys.executable, "-m", "selfmassage"]


def shipped_entry() -> str:
    return asset_path("desktop", FILE_NAME).read_text(encoding="utf-8")


def entry_for(command: list[str], *, extra: tuple[str, ...] = ()) -> str:
    """The shipped entry with its Exec line running `command`, and `extra` lines added to its group.

    A menu or login session may not have ~/.local/bin on its PATH (pipx's home), so Exec names the program
    by its full path.
    """
    lines = [f"Exec={exec_line(command)}" if line.startswith("Exec=") else line
             for line in shipped_entry().splitlines()]
    return "\n".join([*lines, *extra]) + "\n"


def exec_line(command: list[str]) -> str:
    # Desktop-entry quoting: arguments with spaces or specials in double quotes, `"`, `` ` ``, `$`, `\`
    # escaped; a literal % is written %%.
    parts = []
    for arg in command:
        text = arg.replace("%", "%%")
        if any(ch in text for ch in ' \t\n"\'\\><~|&;$*?#()`'):
            text = '"' + "".join("\\" + ch if ch in '"`$\\' else ch for ch in text) + '"'
        parts.append(text)
    # Then the general string-value escape, which readers undo first: a backslash is written twice.
    return " ".join(parts).replace("\\", "\\\\")


def command_of(entry_text: str) -> list[str]:
    """The Exec line read back as arguments (for tests and for showing where it points)."""
    for line in entry_text.splitlines():
        if line.startswith("Exec="):
            return _split_exec(line[len("Exec="):].replace("\\\\", "\\"))
    return []


def _split_exec(value: str) -> list[str]:
    args: list[str] = []
    current: list[str] = []
    quoted = escaped = started = False
    for ch in value:
        if escaped:
            current.append(ch)
            escaped = False
        elif quoted and ch == "\\":
            escaped = True
        elif ch == '"':
            quoted, started = not quoted, True
        elif ch == " " and not quoted:
            if started or current:
                args.append("".join(current))
            current, started = [], False
        else:
            current.append(ch)
    if started or current:
        args.append("".join(current))
    return [arg.replace("%%", "%") for arg in args]
