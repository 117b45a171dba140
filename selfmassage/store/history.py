"""The session history: one SQLite file, written as a session runs; a kill loses at most the step in progress.

How it is kept safe is told where each part lives: durability and migrations in history_schema, the local
day that weeks are counted on in history_time, the running sessions' locks in history_locks, a damaged
file's rescue in history_rescue. Reading is in history_queries, writing in history_writes.
"""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from selfmassage.i18n import _, os_reason
from selfmassage.store.history_locks import SessionLocks
from selfmassage.store.history_queries import HistoryQueries
from selfmassage.store.history_rescue import damaged_notice, move_aside, plain_reason, salvage
from selfmassage.store.history_schema import (
    SCHEMA_VERSION,
    HistoryError,
    NotOurs,
    connect,
    is_corrupt,
    is_damaged,
)
from selfmassage.store.history_writes import HistoryWrites

__all__ = ["History", "HistoryError", "is_damaged"]


class History(HistoryQueries, HistoryWrites):
    def __init__(self, path: Path, db: sqlite3.Connection, notice: str | None) -> None:
        self.path = path
        self._db = db
        # One plain line for the person when something happened at open (a damaged file moved aside).
        self.notice = notice
        self._locks = SessionLocks(path)
        self.read_only = False  # opened as it is because it can't be written: nothing can be saved

    # -- opening -------------------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path) -> History:
        """Open (or start) the history; a damaged file is moved aside, never deleted."""
        notice = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise HistoryError(_("{folder}: can't create the folder for your history ({reason}).").format(
                folder=path.parent, reason=os_reason(exc))) from None
        try:
            db = connect(path)
        except sqlite3.DatabaseError as exc:
            if not is_corrupt(exc) and not isinstance(exc, NotOurs):
                reason = plain_reason(exc)
                # A folder that can't be written (read-only, full) still shows the sessions kept so far.
                kept = cls._open_kept(path, reason) if path.exists() else None
                if kept is not None:
                    return kept
                raise HistoryError(_("{path}: your history can't be opened ({reason}).").format(
                    path=path, reason=reason)) from None
            aside = move_aside(path)
            try:
                db = connect(path)
            except sqlite3.DatabaseError as again:
                raise HistoryError(_("{path}: a new history can't be started ({reason}).").format(
                    path=path, reason=again)) from None
            copied = salvage(aside, db) if not isinstance(exc, NotOurs) else 0
            notice = damaged_notice(aside, copied)
        history = cls(path, db, notice)
        try:
            history.mark_interrupted()
        except sqlite3.OperationalError:
            pass  # read-only or busy: the sessions stay "running" until a later open can write
        except sqlite3.DatabaseError as exc:
            if not is_corrupt(exc):
                raise
            # Damage the checks above did not reach (an index, say) showed here: carry over what reads.
            history.close()
            aside, copied = cls.repair(path)
            history = cls.open(path)
            history.notice = damaged_notice(aside, copied)
        return history

    @classmethod
    def repair(cls, path: Path) -> tuple[Path, int]:
        """A history found damaged inside (past the checks at open): move it aside, start a new one, and copy
        into it every row that can still be read. Returns where the damaged file is kept, and how many
        sessions came across. The damaged file is never changed.
        """
        aside = move_aside(path)
        with cls.open(path) as fresh:
            copied = salvage(aside, fresh._db)
            with contextlib.suppress(sqlite3.Error):
                fresh.mark_interrupted()
        return aside, copied

    @classmethod
    def _open_kept(cls, path: Path, reason: str) -> History | None:
        """The history as it is, read-only, when it can't be written; None when it can't be read either."""
        for query in ("mode=ro", "immutable=1"):  # immutable: a read-only folder where no -shm can be made
            try:
                db = sqlite3.connect(f"{path.resolve().as_uri()}?{query}", uri=True, isolation_level=None,
                                     timeout=5.0, check_same_thread=False)
            except sqlite3.DatabaseError:
                continue
            try:
                db.execute("PRAGMA query_only = ON")
                version = db.execute("PRAGMA user_version").fetchone()[0]
                if not 1 <= version <= SCHEMA_VERSION:  # an older one can't be migrated here, but reads
                    raise sqlite3.DatabaseError("not a version this app reads")
                db.execute("SELECT id FROM sessions ORDER BY id DESC LIMIT 1").fetchall()
            except sqlite3.DatabaseError:
                db.close()
                continue
            history = cls(path, db, _("Your history can't be written ({reason}), so new sessions won't be "
                                      "saved. The ones kept so far are all there.").format(reason=reason))
            history.read_only = True
            history._days_counted = version >= 2
            return history
        return None

    @classmethod
    def open_readonly(cls, path: Path) -> History:
        """A second, read-only connection for a worker thread; no migrations, nothing marked.

        The file must already have been opened by `open` (so it exists, in WAL mode, at this version).
        """
        try:
            db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None,
                                 timeout=5.0, check_same_thread=False)
            db.execute("PRAGMA busy_timeout = 5000")
            db.execute("PRAGMA query_only = ON")
        except sqlite3.DatabaseError as exc:
            raise HistoryError(_("{path}: your history can't be read ({reason}).").format(
                path=path, reason=exc)) from None
        return cls(path, db, None)

    def close(self) -> None:
        self._locks.release_all()
        self._db.close()

    def __enter__(self) -> History:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
