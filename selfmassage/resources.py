"""Where the shipped assets are: inside the installed package, or the repo's top-level `assets/`."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


class MissingAssetError(FileNotFoundError):
    def __init__(self, path: Path) -> None:
        super().__init__(f"a file the app needs is missing: {path}. Reinstall selfmassage.")
        self.path = path


def assets_dir() -> Path:
    # A wheel carries assets/ as selfmassage/assets (pyproject's force-include); a source tree has it on top.
    packaged = Path(str(resources.files("selfmassage"))) / "assets"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "assets"


def asset_path(*parts: str) -> Path:
    path = assets_dir().joinpath(*parts)
    if not path.exists():
        raise MissingAssetError(path)
    return path
