"""The review's CSV buttons: export every session to a file, import sessions from one. Each says what
happened in one line, through `tell`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from selfmassage.store.history import History
from selfmassage.store.history_csv import CsvImportError, export_csv
from selfmassage.store.history_csv import import_csv as import_file


def export_history(parent: QWidget, history: History, tell: Callable[[str], None]) -> None:
    name, _ = QFileDialog.getSaveFileName(parent, "Export your history", "selfmassage-history.csv",
                                          "CSV files (*.csv)")
    if not name:
        return
    path = Path(name)
    try:
        count = export_csv(history, path)
    except OSError as exc:
        tell(f"{path.name} can't be written: {exc.strerror}.")
        return
    tell(f"Exported {count:,} {'session' if count == 1 else 'sessions'} to {path}.")


def import_history(parent: QWidget, history: History, tell: Callable[[str], None]) -> bool:
    """True when sessions were added (the page reads everything again)."""
    name, _ = QFileDialog.getOpenFileName(parent, "Import sessions", "", "CSV files (*.csv);;All files (*)")
    if not name:
        return False
    path = Path(name)
    try:
        result = import_file(history, path)
    except OSError as exc:
        tell(f"{path.name} can't be read: {exc.strerror}.")
        return False
    except CsvImportError as exc:
        shown = exc.problems[:5]
        more = len(exc.problems) - len(shown)
        tell(
            f"Nothing was imported from {path.name}. Fix these rows and try again:\n"
            + "\n".join(shown) + (f"\n…and {more} more." if more else ""))
        return False
    skipped = f" {result.skipped:,} were already here." if result.skipped else ""
    sessions = "session" if result.added == 1 else "sessions"
    tell(f"Imported {result.added:,} {sessions} from {path.name}.{skipped}")
    return True
