"""`selfmassage --install-desktop` / `--uninstall-desktop`: the menu entry and icon from the command line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from selfmassage import APP_ID
from selfmassage.store.desktop_entry import command_of

ROOT = Path(__file__).resolve().parents[2]


def selfmassage(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "selfmassage", *args], capture_output=True, text=True,
                          env=dict(os.environ), cwd=ROOT, timeout=60, check=False)


def test_install_then_uninstall_desktop(isolated_dirs):
    data = isolated_dirs / "data"
    entry = data / "applications" / f"{APP_ID}.desktop"
    done = selfmassage("--install-desktop")
    assert done.returncode == 0 and done.stderr == "", done.stderr
    assert str(entry) in done.stdout
    command = command_of(entry.read_text(encoding="utf-8"))  # this copy of selfmassage, by its full path
    assert command == [sys.executable, "-m", "selfmassage"] or Path(command[0]).name == "selfmassage"
    icons = sorted(path.relative_to(data) for path in (data / "icons").rglob("*") if path.is_file())
    assert len(icons) == 4 and all(path.stem == APP_ID for path in icons)

    done = selfmassage("--uninstall-desktop")
    assert done.returncode == 0 and done.stdout.count("removed ") == 5
    assert not any(path.is_file() for path in data.rglob("*"))
    done = selfmassage("--uninstall-desktop")
    assert done.returncode == 0 and "nothing to remove" in done.stdout


def test_install_desktop_into_a_folder_it_cannot_write_is_one_line(isolated_dirs, tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("XDG_DATA_HOME", str(blocker))
    done = selfmassage("--install-desktop")
    assert done.returncode == 1
    assert done.stderr.startswith("selfmassage: ") and done.stderr.count("\n") == 1
    assert "Traceback" not in done.stderr
