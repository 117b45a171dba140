"""A line in the window's notice banner for each piece the app lacks but works without."""

from __future__ import annotations

from typing import TYPE_CHECKING

from selfmassage.i18n import N_, _

if TYPE_CHECKING:
    from selfmassage.qt.main_window import MainWindow

MISSING_BUILTINS = N_("The built-in routines are missing, so only your own are listed. Reinstall "
                      "selfmassage to get them back.")


def tell_missing_pieces(window: MainWindow) -> list[str]:
    """The body map's drawing, the built-in routines, settings the file had wrong; returns the lines told."""
    told = []
    problem = getattr(window.session_view.body_map, "problem", None)
    if problem:
        told.append(str(problem))
    builtin = window.library.builtin_dir
    if builtin is None or not any(builtin.glob("*.json")):
        told.append(_(MISSING_BUILTINS))
    told.extend(window.settings.problems)
    for line in told:
        window.notice.tell_once(line)
    return told
