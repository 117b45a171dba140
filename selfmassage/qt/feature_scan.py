"""PySide6's look at every module imported after it, made to keep nothing.

Once imported, PySide6 checks each module imported after it for the word "PySide6", to know which ones may
ask for its `__feature__` options (PYSIDE-2029). It reads each module's source with `inspect.getsource`,
which files every line of every module in `linecache`: ~5 MiB at the window's peak, an eighth of all the
memory the app adds to a bare PySide6 window (napari#8584 met the same scan as a slow start). The same
answer read from the file's bytes keeps nothing. Nothing of ours asks for `__feature__` options.
"""

from __future__ import annotations

import sys
from types import ModuleType

import PySide6.QtCore  # noqa: F401  (it installs the scan replaced here)


def scan_lightly() -> None:
    """Give PySide6's scan our reader; a PySide6 without that scan is left as it is."""
    feature = sys.modules.get("shibokensupport.feature")
    check = getattr(feature, "feature_imported", None)
    if check is not None and callable(check.__globals__.get("_mod_uses_pyside")):
        check.__globals__["_mod_uses_pyside"] = uses_pyside


def uses_pyside(module: ModuleType) -> bool:
    """PySide6's own answer (a module without Python source: no), from the file's bytes."""
    path = getattr(module, "__file__", None)
    if not isinstance(path, str) or not path.endswith(".py"):
        return False
    try:
        with open(path, "rb") as source:
            return b"PySide6" in source.read()
    except OSError:
        return False
