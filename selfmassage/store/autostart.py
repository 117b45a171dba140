"""Start at login: a freedesktop autostart entry, `$XDG_CONFIG_HOME/autostart/selfmassage.desktop`.

Desktops that follow the XDG autostart spec (GNOME, KDE, Xfce, …) run it when the person logs in.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from selfmassage.store.atomic import write_text_atomic

FILE_NAME = "selfmassage.desktop"


def autostart_path() -> Path:
    config = os.environ.get("XDG_CONFIG_HOME", "").strip()
    # The spec says a relative XDG_CONFIG_HOME is invalid and must be ignored.
    base = Path(config) if config and os.path.isabs(config) else Path.home() / ".config"
    return base / "autostart" / FILE_NAME


def default_command() -> list[str]:
    """The installed `selfmassage` script when it is on PATH, else this Python with `-m selfmassage`."""
    script = shutil.which("selfmassage")
    return [script] if script else [sys.executable, "-m", "selfmassage"]


def _exec_line(command: list[str]) -> str:
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


def desktop_entry(command: list[str]) -> str:
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Name=selfmassage\n"
        "Comment=Guided self-massage: reminders from the tray\n"
        f"Exec={_exec_line(command)}\n"
        "Icon=selfmassage\n"
        "Terminal=false\n"
        "X-GNOME-Autostart-enabled=true\n"
    )


def enable_autostart(command: list[str] | None = None) -> Path:
    """Write (or rewrite) the entry; returns where. OSError when the folder can't be written."""
    path = autostart_path()
    write_text_atomic(path, desktop_entry(command or default_command()))
    return path


def disable_autostart() -> bool:
    """Remove the entry; False when there was none."""
    try:
        autostart_path().unlink()
    except FileNotFoundError:
        return False
    return True


def autostart_enabled() -> bool:
    return autostart_path().is_file()


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
