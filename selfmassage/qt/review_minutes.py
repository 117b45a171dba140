"""The review's minutes per technique and per body area, counted on a worker thread with a read-only
connection of its own: they read every step of the period, and the page must open at once."""

from __future__ import annotations

import contextlib
import sqlite3
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, Signal

from selfmassage.store.history import History, HistoryError


class MinutesRelay(QObject):
    """Carries a worker thread's result back to the GUI thread (queued signal)."""

    done = Signal(int, object)


class MinutesJob(QRunnable):
    """Counts, then hands `(generation, (by technique, by area))` or the error to the relay."""

    def __init__(self, path: Path, generation: int, first: date | None, last: date,
                 relay: MinutesRelay) -> None:
        super().__init__()
        self._path, self._generation, self._first, self._last = path, generation, first, last
        self._relay = relay

    def run(self) -> None:
        result: object
        try:
            reader = History.open_readonly(self._path)
            try:
                result = (reader.minutes_by("technique", self._first, self._last),
                          reader.minutes_by("area", self._first, self._last))
            finally:
                reader.close()
        except (sqlite3.Error, HistoryError) as exc:
            result = exc
        with contextlib.suppress(RuntimeError):  # the page was closed meanwhile
            self._relay.done.emit(self._generation, result)
