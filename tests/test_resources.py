"""Finding the shipped assets, from a source tree and from an installed wheel."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from selfmassage import asset_root, i18n, resources
from selfmassage.cli import main
from selfmassage.resources import MissingAssetError, asset_path, assets_dir

REPO_ASSETS = Path(__file__).resolve().parents[1] / "assets"


def test_a_source_tree_reads_the_top_level_assets_folder():
    assert assets_dir() == REPO_ASSETS
    assert asset_path("sounds", "done.wav") == REPO_ASSETS / "sounds" / "done.wav"


def test_an_installed_package_reads_the_assets_inside_it(tmp_path, monkeypatch):
    package = tmp_path / "site-packages" / "selfmassage"
    (package / "assets" / "sounds").mkdir(parents=True)
    (package / "assets" / "sounds" / "tick.wav").write_bytes(b"RIFF")
    monkeypatch.setattr(asset_root, "PACKAGE_DIR", package)
    assert assets_dir() == package / "assets"
    assert asset_path("sounds", "tick.wav") == package / "assets" / "sounds" / "tick.wav"


def test_a_missing_asset_names_the_file():
    with pytest.raises(MissingAssetError) as raised:
        asset_path("sounds", "no-such-cue.wav")
    assert raised.value.path == REPO_ASSETS / "sounds" / "no-such-cue.wav"
    assert "no-such-cue.wav" in str(raised.value)
    assert isinstance(raised.value, FileNotFoundError)


def test_a_missing_asset_is_told_in_russian_by_the_command_line(tmp_path, monkeypatch, capsys):
    copy = tmp_path / "assets"
    shutil.copytree(assets_dir(), copy, ignore=shutil.ignore_patterns("*.wav", "voice", "locale"))
    shutil.copytree(assets_dir() / "locale", copy / "locale")
    (copy / "icons" / "selfmassage.svg").unlink()
    monkeypatch.setattr(resources, "assets_dir", lambda: copy)
    i18n.setup("ru")
    try:
        code = main(["--install-desktop"])
    finally:
        i18n.setup("en")
    said = capsys.readouterr().err
    assert code != 0
    assert said.startswith("selfmassage: нет файла, который нужен selfmassage: ")
    assert f"{copy / 'icons' / 'selfmassage.svg'}. Переустановите selfmassage." in said
