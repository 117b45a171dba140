"""A built-in routine's name in the language in use, whatever language it was kept in.

The history and the settings keep the name a routine had when it ran: a built-in routine's in the language
of that day. Nothing stored is rewritten; the name is looked up when it is shown. A person's own routine
keeps the name they gave it.
"""

from __future__ import annotations

import gettext
import json
from functools import lru_cache
from pathlib import Path

from selfmassage import i18n
from selfmassage.asset_root import assets_dir
from selfmassage.i18n import _


def shown_routine_name(stored: str) -> str:
    """`stored` as the app shows it now: a built-in routine's name in the language in use, else as kept."""
    english = english_names(_builtin_folder()).get(_key(stored))
    return _(english) if english is not None else stored


@lru_cache(maxsize=1)
def _builtin_folder() -> Path:
    return assets_dir() / "routines"  # where the package is does not change while it runs


@lru_cache(maxsize=4)
def english_names(folder: Path) -> dict[str, str]:
    """The built-in routines' names in every language the app speaks (as name keys), each to its English.
    Read once per folder: the review asks for every row it paints."""
    english: list[str] = []
    for path in sorted(folder.glob("*.json")):
        try:
            name = json.loads(path.read_text(encoding="utf-8")).get("name")
        except (OSError, ValueError, AttributeError):  # a missing or broken file is reported elsewhere
            continue
        if isinstance(name, str) and name.strip():
            english.append(name)
    found: dict[str, str] = {}
    for language in i18n.LANGUAGES:
        catalogue = gettext.translation(i18n.DOMAIN, i18n.locale_dir(), languages=[language], fallback=True)
        for name in english:
            found.setdefault(_key(catalogue.gettext(name)), name)
    return found


def _key(name: str) -> str:
    # As the library tells names apart, less Unicode normalising: these are names the app itself wrote.
    return name.strip().casefold()
