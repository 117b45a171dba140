"""The review's CSV buttons: export every session to a file, import sessions from one. Each says what
happened in one line, through `tell`."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QWidget

from selfmassage.i18n import _, ngettext, os_reason
from selfmassage.qt.file_chooser import file_to_open, file_to_save
from selfmassage.store.history import History, HistoryError, is_damaged
from selfmassage.store.history_csv import CsvImportError, export_csv
from selfmassage.store.history_csv import import_csv as import_file
from selfmassage.store.history_rescue import damaged_since_open


def export_history(parent: QWidget, history: History, tell: Callable[[str], None]) -> None:
    name = file_to_save(parent, _("Export your history"), "selfmassage-history.csv", _("CSV files (*.csv)"))
    if not name:
        return
    path = Path(name)
    try:
        count = export_csv(history, path)
    except OSError as exc:
        tell(_("{file} can't be written: {reason}.").format(file=path.name, reason=os_reason(exc)))
        return
    tell(ngettext("Exported {count} session to {file}.", "Exported {count} sessions to {file}.",
                  count).format(count=f"{count:,}", file=path))


def import_history(parent: QWidget, history: History, tell: Callable[[str], None],
                   damaged: Callable[[str], None]) -> bool:
    """True when sessions were added (the page reads everything again). A history found damaged is said
    through `damaged` instead of `tell`, so the window can learn of it too."""
    name = file_to_open(parent, _("Import sessions"), "", _("CSV files (*.csv);;All files (*)"))
    if not name:
        return False
    path = Path(name)
    try:
        result = import_file(history, path)
    except OSError as exc:
        tell(_("{file} can't be read: {reason}.").format(file=path.name, reason=os_reason(exc)))
        return False
    except HistoryError as exc:  # another program holds the history, or it can't be written now
        tell(_("{file} can't be imported: {reason}").format(file=path.name, reason=exc))
        return False
    except sqlite3.DatabaseError as exc:
        if not is_damaged(exc):
            raise
        # Nothing was written: the import is one transaction, and it never began.
        damaged(_("Nothing was imported from {file}.").format(file=path.name) + " "
                + damaged_since_open(history.path))
        return False
    except CsvImportError as exc:
        shown = exc.problems[:5]
        more = len(exc.problems) - len(shown)
        tell(
            _("Nothing was imported from {file}. Fix these rows and try again:").format(file=path.name) + "\n"
            + "\n".join(shown) + ("\n" + _("…and {count} more.").format(count=more) if more else ""))
        return False
    skipped = (" " + ngettext("{count} was already here.", "{count} were already here.",
                              result.skipped).format(count=f"{result.skipped:,}")) if result.skipped else ""
    tell(ngettext("Imported {count} session from {file}.", "Imported {count} sessions from {file}.",
                  result.added).format(count=f"{result.added:,}", file=path.name) + skipped)
    return True
