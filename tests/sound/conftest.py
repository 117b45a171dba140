"""Sound test fixtures: real players closed after each test, and ALSA's default device routed to files.

alsa-lib reads ALSA_CONFIG_PATH again on every device open (checked: changing it inside one process moves
the output to the new file, and removing it brings back the normal config), so a test only sets the
variable; no subprocess is needed. The file plugin with `truncate false` never overwrites: each open of the
device writes a file of its own (out.raw, out.raw.0001, out.raw.0002, ...), so a test sees every cue's
samples separately and in the order they were played.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from selfmassage.sound.player import SimpleaudioPlayer
from tests.sound.helpers import SYSTEM_ALSA_CONF, AlsaFile, FakeSimpleaudio


@pytest.fixture
def alsa_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AlsaFile:
    folder = tmp_path / "alsa"
    folder.mkdir()
    sink = AlsaFile(folder)
    conf = folder / "asound.conf"
    conf.write_text(
        f'pcm.!default {{ type file; slave.pcm "null"; file "{sink.out}"; format "raw"; truncate false }}\n'
    )
    monkeypatch.setenv("ALSA_CONFIG_PATH", f"{SYSTEM_ALSA_CONF}:{conf}")
    return sink


@pytest.fixture
def no_sound_card(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The default device is a card that is not there: what a machine without sound hardware gives."""
    conf = tmp_path / "nocard.conf"
    conf.write_text('pcm.!default { type hw; card "NoSuchCard" }\n')
    monkeypatch.setenv("ALSA_CONFIG_PATH", f"{SYSTEM_ALSA_CONF}:{conf}")


@pytest.fixture
def make_player() -> Iterator[Callable[..., SimpleaudioPlayer]]:
    """Real simpleaudio players, each closed after the test."""
    players: list[SimpleaudioPlayer] = []

    def make(**options: object) -> SimpleaudioPlayer:
        player = SimpleaudioPlayer(**options)  # type: ignore[arg-type]
        players.append(player)
        return player

    yield make
    for player in players:
        player.close()


@pytest.fixture
def fake_simpleaudio(monkeypatch: pytest.MonkeyPatch) -> FakeSimpleaudio:
    fake = FakeSimpleaudio()
    monkeypatch.setitem(sys.modules, "simpleaudio", fake)
    return fake
