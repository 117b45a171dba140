"""Start at login: a freedesktop autostart entry written under $XDG_CONFIG_HOME, and removed again."""

from __future__ import annotations

from pathlib import Path

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
    assert autostart_path() == isolated_dirs / "config" / "autostart" / "selfmassage.desktop"


def test_a_relative_xdg_config_home_is_ignored(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CONFIG_HOME", "relative/dir")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert autostart_path() == tmp_path / ".config" / "autostart" / "selfmassage.desktop"


def test_enable_writes_a_valid_entry_and_disable_removes_it(isolated_dirs):
    assert not autostart_enabled()
    path = enable_autostart(["/opt/self massage/bin/selfmassage"])
    assert path.is_file() and autostart_enabled()
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[0] == "[Desktop Entry]"
    assert {"Type=Application", "Name=selfmassage", "X-GNOME-Autostart-enabled=true"} <= set(lines)
    assert 'Exec="/opt/self massage/bin/selfmassage"' in lines
    assert disable_autostart()
    assert not path.exists() and not autostart_enabled()
    assert not disable_autostart()


def test_the_default_command_runs_this_app(isolated_dirs, monkeypatch):
    monkeypatch.setenv("PATH", str(isolated_dirs))  # no `selfmassage` script on PATH
    command = command_of(enable_autostart().read_text(encoding="utf-8"))
    assert command[1:] == ["-m", "selfmassage"]
    assert Path(command[0]).name.startswith("python")


def test_odd_characters_survive_the_exec_quoting():
    command = ['/home/a b/x"y$z\\w%', "-m", "selfmassage"]
    entry = desktop_entry(command)
    assert 'Exec="/home/a b/x\\\\"y\\\\$z\\\\\\\\w%%" -m selfmassage' in entry
    assert command_of(entry) == command
