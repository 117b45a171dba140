"""Where the shipped assets are: inside the installed package, or the repo's top-level `assets/`.

Apart from selfmassage.resources so that the catalogues (selfmassage.i18n) can be found without importing
what reports a missing asset in words, which needs the catalogues.
"""

from __future__ import annotations

from pathlib import Path

# The package's own folder, found from this file: importlib.resources would cost `stats` ~8 ms of imports
# (tempfile among them) to say the same for a package installed as files.
PACKAGE_DIR = Path(__file__).resolve().parent


def assets_dir() -> Path:
    # A wheel carries assets/ as selfmassage/assets (pyproject's force-include); a source tree has it on top.
    packaged = PACKAGE_DIR / "assets"
    if packaged.is_dir():
        return packaged
    return PACKAGE_DIR.parent / "assets"
