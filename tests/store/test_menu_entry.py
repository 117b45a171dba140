"""The applications-menu entry and icon: written under $XDG_DATA_HOME, valid, and removed exactly."""

from __future__ import annotations

import subprocess
from pathlib import Path

from selfmassage import APP_ID
from selfmassage.store.desktop_entry import command_of
from selfmassage.store.menu_entry import (
    install_menu_entry,
    menu_entry_installed,
    uninstall_menu_entry,
)

REPO_ICON = Path(__file__).resolve().parents[2] / "assets" / "icons" / "selfmassage.svg"


def files_under(folder: Path) -> set[Path]:
    return {path.relative_to(folder) for path in folder.rglob("*") if path.is_file()}


def test_install_writes_the_entry_and_the_icon_in_every_size_and_nothing_else(isolated_dirs):
    data = isolated_dirs / "data"
    assert not menu_entry_installed()
    install_menu_entry(["/opt/self massage/bin/selfmassage"])
    assert files_under(data) == {
        Path("applications") / f"{APP_ID}.desktop",
        Path("icons/hicolor/scalable/apps") / f"{APP_ID}.svg",
        Path("icons/hicolor/48x48/apps") / f"{APP_ID}.png",
        Path("icons/hicolor/128x128/apps") / f"{APP_ID}.png",
        Path("icons/hicolor/256x256/apps") / f"{APP_ID}.png",
    }
    assert menu_entry_installed()
    entry = (data / "applications" / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    assert command_of(entry) == ["/opt/self massage/bin/selfmassage"]
    assert f"Icon={APP_ID}" in entry.splitlines()
    assert (data / "icons/hicolor/scalable/apps" / f"{APP_ID}.svg").read_bytes() == REPO_ICON.read_bytes()
    png = (data / "icons/hicolor/48x48/apps" / f"{APP_ID}.png").read_bytes()
    assert png.startswith(b"\x89PNG") and int.from_bytes(png[16:20], "big") == 48  # the IHDR width


def test_the_written_entry_passes_desktop_file_validate(isolated_dirs):
    install_menu_entry(["/usr/bin/python3", "-m", "selfmassage"])
    entry = isolated_dirs / "data" / "applications" / f"{APP_ID}.desktop"
    checked = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True, text=True,
                             check=False)
    assert checked.returncode == 0 and checked.stdout == "", checked.stdout + checked.stderr


def test_uninstall_removes_exactly_what_install_wrote(isolated_dirs):
    data = isolated_dirs / "data"
    theirs = data / "icons" / "hicolor" / "48x48" / "apps" / "another-app.png"
    theirs.parent.mkdir(parents=True)
    theirs.write_bytes(b"not ours")
    (data / "selfmassage").mkdir()
    (data / "selfmassage" / "history.sqlite3").write_bytes(b"your sessions")
    before = files_under(data)
    written = install_menu_entry()
    assert len(written) == 5
    assert sorted(uninstall_menu_entry()) == sorted(written)
    assert files_under(data) == before
    assert not menu_entry_installed()
    assert uninstall_menu_entry() == []  # nothing left to remove is not a problem


def test_install_again_rewrites_the_entry_for_the_new_command(isolated_dirs):
    install_menu_entry(["/old/selfmassage"])
    install_menu_entry(["/new/selfmassage"])
    entry = isolated_dirs / "data" / "applications" / f"{APP_ID}.desktop"
    assert command_of(entry.read_text(encoding="utf-8")) == ["/new/selfmassage"]


def test_a_relative_xdg_data_home_is_ignored(isolated_dirs, monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", "relative/dir")
    monkeypatch.setenv("HOME", str(tmp_path))
    install_menu_entry(["/bin/selfmassage"])
    assert (tmp_path / ".local/share/applications" / f"{APP_ID}.desktop").is_file()
