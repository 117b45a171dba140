"""Start at login: a freedesktop autostart entry written under $XDG_CONFIG_HOME, and removed again."""

from __future__ import annotations

import subprocess
import sys

from selfmassage import APP_ID
from selfmassage.store.autostart import (
    autostart_enabled,
    autostart_path,
    command_of,
    desktop_entry,
    disable_autostart,
    enable_autostart,
)


def test_the_entry_goes_in_xdg_config_home(isolated_dirs, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(isolated_dirs / "config"))
    assert autostart_path() == isolated_dirs / "config" / "autostart" / f"{APP_ID}.desktop"


def test_a_relative_xdg_config_home_is_ignored(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CONFIG_HOME", "relative/dir")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert autostart_path() == tmp_path / ".config" / "autostart" / f"{APP_ID}.desktop"


def test_enable_writes_a_valid_entry_and_disable_removes_it(isolated_dirs):
    assert not autostart_enabled()
    path = enable_autostart(["/opt/self massage/bin/selfmassage"])
    assert path.is_file() and autostart_enabled()
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[0] == "[Desktop Entry]"
    assert {"Type=Application", "Name=selfmassage", f"Icon={APP_ID}",
            "X-GNOME-Autostart-enabled=true"} <= set(lines)
    assert 'Exec="/opt/self massage/bin/selfmassage"' in lines
    assert disable_autostart()
    assert not path.exists() and not autostart_enabled()
    assert not disable_autostart()


def test_the_default_command_runs_this_app(isolated_dirs, monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(isolated_dirs))  # no `selfmassage` script on PATH
    monkeypatch.setattr(sys, "executable", str(tmp_path / "python3"))  # nor beside this Python
    command = command_of(enable_autostart().read_text(encoding="utf-8"))
    assert command == [str(tmp_path / "python3"), "-m", "selfmassage"]


def test_the_default_command_is_the_script_beside_this_python(isolated_dirs, monkeypatch, tmp_path):
    # pipx: ~/.local/pipx/venvs/selfmassage/bin/{python,selfmassage}, and ~/.local/bin may not be on PATH.
    script = tmp_path / "selfmassage"
    script.write_text("#!/bin/sh\n")
    script.chmod(0o755)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "python3"))
    assert command_of(enable_autostart().read_text(encoding="utf-8")) == [str(script)]


def test_odd_characters_survive_the_exec_quoting():
    command = ['/home/a b/x"y$z\\w%', "-m", "selfmassage"]
    entry = desktop_entry(command)
    assert 'Exec="/home/a b/x\\\\"y\\\\$z\\\\\\\\w%%" -m selfmassage' in entry
    assert command_of(entry) == command


def test_the_entry_passes_desktop_file_validate(isolated_dirs):
    path = enable_autostart(["/usr/bin/selfmassage", "--tray"])
    checked = subprocess.run(["desktop-file-validate", str(path)], capture_output=True, text=True,
                             check=False)
    assert checked.returncode == 0 and checked.stdout == "", checked.stdout + checked.stderr


def test_an_entry_an_older_version_wrote_counts_and_is_replaced(isolated_dirs):
    old = isolated_dirs / "config" / "autostart" / "selfmassage.desktop"
    old.parent.mkdir(parents=True)
    old.write_text("[Desktop Entry]\nType=Application\nName=selfmassage\nExec=selfmassage --tray\n")
    assert autostart_enabled()
    enable_autostart(["/usr/bin/selfmassage", "--tray"])
    assert not old.exists() and autostart_path().is_file()
    assert disable_autostart() and not autostart_enabled()
    old.write_text("[Desktop Entry]\n")
    assert disable_autostart() and not old.exists()
