"""The shipped assets by name, and one clear sentence when one of them is missing."""

from __future__ import annotations

from pathlib import Path

from selfmassage.asset_root import assets_dir
from selfmassage.i18n import _

__all__ = ["MissingAssetError", "asset_path", "assets_dir"]


class MissingAssetError(FileNotFoundError):
    def __init__(self, path: Path) -> None:
        super().__init__(_("a file selfmassage needs is missing: {path}. Reinstall selfmassage.").format(
            path=path))
        self.path = path


def asset_path(*parts: str) -> Path:
    path = assets_dir().joinpath(*parts)
    if not path.exists():
        raise MissingAssetError(path)
    return path
