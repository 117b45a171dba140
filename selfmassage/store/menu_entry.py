"""The applications-menu entry: `<data home>/applications/<app id>.desktop` and the app's icon in the
hicolor theme (`<data home>/icons/hicolor/{scalable,48x48,128x128,256x256}/apps/<app id>.{svg,png}`).

Installing writes exactly those five files; uninstalling removes exactly those, and nothing else there.
"""

from __future__ import annotations

import os
from pathlib import Path

from selfmassage import APP_ID
from selfmassage.resources import asset_path
from selfmassage.store.atomic import write_atomic, write_text_atomic
from selfmassage.store.desktop_entry import FILE_NAME, default_command, entry_for

PNG_SIZES = (48, 128, 256)  # rendered from the SVG by tools/render_icons.py, shipped in assets/icons/


def data_home() -> Path:
    data = os.environ.get("XDG_DATA_HOME", "").strip()
    # The spec says a relative XDG_DATA_HOME is invalid and must be ignored.
    return Path(data) if data and os.path.isabs(data) else Path.home() / ".local" / "share"


def entry_path() -> Path:
    return data_home() / "applications" / FILE_NAME


def icon_files() -> dict[Path, Path]:
    """Where each icon goes → the shipped file it is copied from."""
    hicolor = data_home() / "icons" / "hicolor"
    files = {hicolor / "scalable" / "apps" / f"{APP_ID}.svg": asset_path("icons", "selfmassage.svg")}
    for size in PNG_SIZES:
        files[hicolor / f"{size}x{size}" / "apps" / f"{APP_ID}.png"] = asset_path(
            "icons", f"selfmassage-{size}.png")
    return files


def installed_paths() -> list[Path]:
    return [entry_path(), *icon_files()]


def install_menu_entry(command: list[str] | None = None) -> list[Path]:
    """Write the entry and the icons (again, if there); returns what was written. OSError on a disk error."""
    written = []
    for target, source in icon_files().items():  # icons first: a menu shows the entry as soon as it exists
        write_atomic(target, source.read_bytes())
        written.append(target)
    write_text_atomic(entry_path(), entry_for(command or default_command()))
    written.append(entry_path())
    return written


def uninstall_menu_entry() -> list[Path]:
    """Remove the entry and the icons; returns what was there and is gone now."""
    removed = []
    for path in installed_paths():
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        removed.append(path)
    return removed


def menu_entry_installed() -> bool:
    return entry_path().is_file()
