"""What the commands share: the clock, and the routines, history and settings opened with one-line errors."""

from __future__ import annotations

import errno
import os
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from selfmassage import i18n
from selfmassage.cli.errors import EXIT_UNREADABLE, UserError
from selfmassage.core.plan import Plan, plan_from_settings
from selfmassage.i18n import _, ngettext, os_reason
from selfmassage.store.history import History, HistoryError, is_damaged
from selfmassage.store.paths import history_path, routines_dir, settings_path
from selfmassage.store.settings import Settings, stored_language

if TYPE_CHECKING:  # the routines' modules (their rules, the assets) load only for a command that reads one
    from selfmassage.core.routine import Routine
    from selfmassage.store.library import RoutineLibrary


def now() -> datetime:
    """The wall clock in local time; tests replace it."""
    return datetime.now().astimezone()


def named_file(name: str) -> Path:
    """A FILE argument; an empty one is a mistake, not the current folder."""
    if not name.strip():
        raise UserError(_("FILE is empty; give the name of a file."), EXIT_UNREADABLE)
    return Path(name)


def write_refused(name: str, exc: OSError) -> str:
    """One line for an export that was refused or failed; nothing at `name` was changed."""
    if exc.errno == errno.EEXIST:
        line = _("{file}: can't be written: {reason}; add --force to replace it. Nothing was changed.")
    else:
        line = _("{file}: can't be written: {reason}. Nothing was changed.")
    return line.format(file=name, reason=os_reason(exc))


def machine_readable() -> None:
    """`--json`: the output is for programs, so every word in it (a built-in routine's name, a plan's
    description, a warning) stays in English, whatever the terminal's language."""
    i18n.setup(i18n.SOURCE_LANGUAGE)


def library() -> RoutineLibrary:
    from selfmassage import resources
    from selfmassage.store.library import RoutineLibrary

    builtin = resources.assets_dir() / "routines"  # looked up when called: tests point it at a copy
    return RoutineLibrary(routines_dir(), builtin if builtin.is_dir() else None)


def usable_routine(name: str) -> Routine:
    entry = library().find(name)
    if entry is None:
        raise UserError(no_routine_called(name))
    if entry.routine is None:
        raise UserError(f"{entry.path}: {entry.error or entry.problems[0]}")
    if not entry.usable:
        first = next(problem for problem in entry.problems if problem.is_error)
        raise UserError(f"{entry.path}: {first}")
    return entry.routine


def no_routine_called(name: str) -> str:
    return _("no routine called {name}; see `selfmassage routines list`.").format(name=repr(name))


def open_history() -> History:
    try:
        history = History.open(history_path())
    except HistoryError as exc:
        raise UserError(str(exc)) from None
    if history.notice:
        print(f"selfmassage: {history.notice}", file=sys.stderr)
    return history


def use_chosen_language() -> None:
    """The language chosen in the window's View ▸ Language holds for the commands too, whatever LANG and
    LANGUAGE (set once for the whole desktop) say. LC_ALL, which exists to override every locale setting
    and which desktops leave unset, still wins: `LC_ALL=C selfmassage stats` is English."""
    if os.environ.get("LC_ALL"):
        return
    try:
        chosen = stored_language(settings_path())
    except OSError:  # no home folder: the command says so itself, if it needs one
        return
    if chosen:
        i18n.setup(chosen)


def load_settings() -> Settings:
    settings = Settings(settings_path())
    for problem in settings.problems:
        print(f"selfmassage: {problem}", file=sys.stderr)
    return settings


def plan_of(settings: Settings) -> Plan:
    return plan_from_settings(settings.plan, settings.plan_per_week)


def repair_damaged_history(exc: BaseException) -> bool | None:
    """A history found damaged inside while a command ran: keep the file aside, start afresh with every
    row still readable, and say so. None when `exc` is not that; False when the repair failed (said too)."""
    if not is_damaged(exc):
        return None
    try:
        aside, sessions = History.repair(history_path())
    except HistoryError as error:
        print("selfmassage: " + _("your history file is damaged, and {problem}").format(problem=error),
              file=sys.stderr)
        return False
    print("selfmassage: " + ngettext(
        "your history file was damaged. A new one holds the {n} session that could still be read; the "
        "damaged file is kept at {path}.",
        "your history file was damaged. A new one holds the {n} sessions that could still be read; the "
        "damaged file is kept at {path}.", sessions).format(n=sessions, path=aside), file=sys.stderr)
    return True
