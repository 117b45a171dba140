"""Where the shipped assets are: inside the installed package, or the repo's top-level `assets/`.

Apart from selfmassage.resources so that the catalogues (selfmassage.i18n) can be found without importing
what reports a missing asset in words, which needs the catalogues.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def assets_dir() -> Path:
    # A wheel carries assets/ as selfmassage/assets (pyproject's force-include); a source tree has it on top.
    packaged = Path(str(resources.files("selfmassage"))) / "assets"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "assets"
