"""Every test gets its own data, config and runtime folders, so nothing touches the real home."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    for variable, folder in (
        ("XDG_DATA_HOME", "data"),
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_RUNTIME_DIR", "runtime"),
        ("XDG_CACHE_HOME", "cache"),
    ):
        path = home / folder
        path.mkdir(parents=True)
        monkeypatch.setenv(variable, str(path))
    return home
