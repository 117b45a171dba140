"""Every test gets its own data, config and runtime folders, so nothing touches the real home."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from selfmassage import i18n
from selfmassage.store.history import History
from tests.history_support import open_history


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
        # 0700: platformdirs ignores a runtime dir others can read and falls back to the shared
        # /tmp/runtime-UID, where tests (and a real window) would meet each other's lock files.
        path.mkdir(parents=True, mode=0o700)
        monkeypatch.setenv(variable, str(path))
    # Cues played by any test go to ALSA's null device: silent on a desk with speakers, and the same on a
    # machine with no sound card. Sound tests point ALSA at a file of their own.
    alsa = home / "asound.conf"
    # English, whatever the desk's locale: the tests read the English words. Russian tests ask for it.
    monkeypatch.setenv("LANGUAGE", "en")
    i18n.setup("en")
    alsa.write_text('pcm.!default { type null }\nctl.!default { type hw card 0 }\n')
    monkeypatch.setenv("ALSA_CONFIG_PATH", f"/usr/share/alsa/alsa.conf:{alsa}")
    return home


# Offscreen, the app sees five screens side by side (tests/qt/screens.json): 1920x1080 first (the primary,
# where windows open), then 800x600, 1024x600, 1366x768 and 720x540, so a test can move the window to a
# screen of the size it wants in one run (tests/qt/test_layout.py).
if os.environ.get("QT_QPA_PLATFORM") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={Path(__file__).parent / 'qt' / 'screens.json'}"


@pytest.fixture
def history(tmp_path: Path) -> Iterator[History]:
    """An empty history in the test's own folder; a module that wants sessions in it has its own."""
    with open_history(tmp_path) as opened:
        yield opened
