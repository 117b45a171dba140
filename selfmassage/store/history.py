"""The session history: one SQLite file, written as a session runs; a kill loses at most the step in progress.

Durability: WAL journal with `synchronous=FULL`. Every write is one short transaction (the session row at
start, one per finished step, one at the end). In WAL mode a committed transaction is in the WAL file
before `COMMIT` returns, so a killed process (SIGKILL, a crash) loses nothing committed; FULL also syncs
the WAL to the disk at every commit, so a power cut loses nothing committed either (NORMAL would only
sync at checkpoints, and a power cut could drop the last few steps). The price is one fsync per step
boundary — about 0.3 ms measured here, against steps that last seconds.

Weeks and days are counted on `local_day`: the local calendar date the session started on (using the UTC
offset in force at that moment, which is stored too), as a proleptic Gregorian ordinal. Ordinal 1 is a
Monday, so the Monday of a day's ISO week is `local_day - (local_day - 1) % 7` — plain integer arithmetic
that SQLite can GROUP BY over an index, right across daylight-saving changes and week 53.

A session that is running holds an advisory lock on a small file next to the database; another process
that opens the history marks `running` sessions `interrupted` only when nobody holds their lock, so
`selfmassage stats` in a terminal never cuts off a session the window is running.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

try:  # advisory locks: Linux and macOS; elsewhere every other running session counts as abandoned
    import fcntl
except ImportError:  # pragma: no cover - not on the platforms we test
    fcntl = None  # type: ignore[assignment]

from selfmassage.core.checkin import CheckIn
from selfmassage.core.routine import Routine

RUNNING, COMPLETED, STOPPED, INTERRUPTED = "running", "completed", "stopped", "interrupted"
STATUSES = (RUNNING, COMPLETED, STOPPED, INTERRUPTED)
ENDED_STATUSES = (COMPLETED, STOPPED, INTERRUPTED)
# SQLite's primary result codes for a file that is damaged or not a database at all.
_SQLITE_CORRUPT, _SQLITE_NOTADB = 11, 26


class HistoryError(Exception):
    """The history can't be used (no rights, disk full, a newer app's file): one plain line."""


@dataclass(frozen=True)
class SessionRow:
    id: int
    routine_name: str
    started_at: datetime  # aware, in the UTC offset the person was in
    ended_at: datetime | None
    status: str
    active_seconds: float
    feeling: int | None
    symptoms: tuple[str, ...]
    note: str

    @property
    def local_day(self) -> date:
        return self.started_at.date()

    @property
    def counted(self) -> bool:
        """Only completed sessions count toward the plan."""
        return self.status == COMPLETED


@dataclass(frozen=True)
class StepRow:
    seq: int  # the order it was done in; a step done again after "back" gets a new one
    index: int  # its place in the routine
    stage: str
    technique: str
    area: str
    planned_seconds: int
    actual_seconds: float
    skipped: bool


@dataclass(frozen=True)
class ImportedSession:
    """A session from a CSV backup: no routine copy and no steps."""

    routine_name: str
    started_at: datetime
    ended_at: datetime | None
    status: str
    active_seconds: float
    checkin: CheckIn


@dataclass(frozen=True)
class RecordedSession:
    """A whole session at once, steps and all: for sample data and tests, written in one transaction."""

    routine: Routine
    started_at: datetime
    ended_at: datetime | None
    status: str
    active_seconds: float
    steps: tuple[StepRow, ...] = ()
    checkin: CheckIn = field(default_factory=CheckIn)


# -- schema --------------------------------------------------------------------------------------------


def _v1(db: sqlite3.Connection) -> None:
    _run_each(db, """
        CREATE TABLE routine_copies (
            id INTEGER PRIMARY KEY,
            digest TEXT NOT NULL UNIQUE,  -- sha256 of the JSON: each distinct routine is kept once
            json TEXT NOT NULL
        );
        CREATE TABLE sessions (
            id INTEGER PRIMARY KEY,
            routine_name TEXT NOT NULL,
            routine_id INTEGER REFERENCES routine_copies(id),  -- NULL for imported sessions
            started_at_utc TEXT NOT NULL,  -- 'YYYY-MM-DDTHH:MM:SSZ'
            utc_offset_minutes INTEGER NOT NULL,
            local_day INTEGER NOT NULL,  -- date.toordinal() of the local start date
            ended_at_utc TEXT,
            last_seen_utc TEXT NOT NULL,  -- last write, and so the end of an interrupted session
            status TEXT NOT NULL CHECK (status IN ('running', 'completed', 'stopped', 'interrupted')),
            active_seconds REAL NOT NULL DEFAULT 0 CHECK (active_seconds >= 0),
            feeling INTEGER CHECK (feeling BETWEEN 1 AND 5),
            symptoms TEXT NOT NULL DEFAULT '',  -- separated by semicolons
            note TEXT NOT NULL DEFAULT ''
        );
        -- Weekly counts and minutes read only this index (covering).
        CREATE INDEX sessions_counted ON sessions(status, local_day, active_seconds);
        CREATE INDEX sessions_day ON sessions(local_day);
        -- The list, newest first, and import's "already there?" check.
        CREATE INDEX sessions_start ON sessions(started_at_utc, routine_name);
        CREATE INDEX sessions_routine ON sessions(routine_id);
        CREATE TABLE steps (
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            step_index INTEGER NOT NULL,
            stage TEXT NOT NULL,
            technique TEXT NOT NULL,
            area TEXT NOT NULL,
            planned_seconds INTEGER NOT NULL,
            actual_seconds REAL NOT NULL,
            skipped INTEGER NOT NULL,
            PRIMARY KEY (session_id, seq)
        ) WITHOUT ROWID;  -- a session's steps sit together on disk
    """)


def _run_each(db: sqlite3.Connection, script: str) -> None:
    """Run statements one by one: executescript() would COMMIT the migration's transaction half-way."""
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


# Migration i takes the schema from version i to i + 1; never edit one that has shipped, append.
MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (_v1,)
SCHEMA_VERSION = len(MIGRATIONS)
_TABLES = {"routine_copies", "sessions", "steps"}


# -- time ----------------------------------------------------------------------------------------------


def utc_text(moment: datetime) -> str:
    """Whole seconds, UTC: the form stored and compared (import matches on it)."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("a session time needs its UTC offset")
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def offset_minutes(moment: datetime) -> int:
    offset = moment.utcoffset()
    if offset is None:
        raise ValueError("a session time needs its UTC offset")
    return int(offset.total_seconds() // 60)


def local_day_of(moment: datetime) -> int:
    """The local calendar date the moment falls on, as an ordinal: whole seconds, the moment's own offset."""
    utc = datetime.fromisoformat(utc_text(moment))
    return (utc + timedelta(minutes=offset_minutes(moment))).date().toordinal()


def _aware(text: str | None, minutes: int) -> datetime | None:
    if text is None:
        return None
    # fromisoformat reads the stored 'Z' form directly, and is far quicker than strptime.
    return datetime.fromisoformat(text).astimezone(_zone(minutes))


@functools.lru_cache(maxsize=64)
def _zone(minutes: int) -> timezone:
    return timezone(timedelta(minutes=minutes))


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


# -- the history ---------------------------------------------------------------------------------------

_SESSION_COLUMNS = ("id, routine_name, started_at_utc, utc_offset_minutes, ended_at_utc, last_seen_utc, "
                    "status, active_seconds, feeling, symptoms, note")


def _session(row: Sequence[Any]) -> SessionRow:
    (ident, name, started, minutes, ended, last_seen, status, active, feeling, symptoms, note) = row
    if ended is None and status == INTERRUPTED:
        ended = last_seen
    return SessionRow(
        id=ident, routine_name=name, started_at=_aware(started, minutes),  # type: ignore[arg-type]
        ended_at=_aware(ended, minutes), status=status, active_seconds=float(active), feeling=feeling,
        symptoms=tuple(part for part in symptoms.split(";") if part), note=note,
    )


def is_damaged(exc: BaseException) -> bool:
    """True for SQLite's "the file is damaged" errors, met while reading or writing an open history."""
    return isinstance(exc, sqlite3.DatabaseError) and _is_corrupt(exc)


def _is_corrupt(exc: sqlite3.DatabaseError) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (_SQLITE_CORRUPT, _SQLITE_NOTADB)
    text = str(exc).lower()
    return "not a database" in text or "malformed" in text


class History:
    def __init__(self, path: Path, db: sqlite3.Connection, notice: str | None) -> None:
        self.path = path
        self._db = db
        # One plain line for the person when something happened at open (a damaged file moved aside).
        self.notice = notice
        self._locks: dict[int, int] = {}  # session id → fd of its held lock file
        self.read_only = False  # opened as it is because it can't be written: nothing can be saved

    # -- opening -------------------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path) -> History:
        """Open (or start) the history; a damaged file is moved aside, never deleted."""
        notice = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise HistoryError(f"{path.parent}: can't create the folder for your history "
                               f"({exc.strerror}).") from None
        try:
            db = cls._connect(path)
        except sqlite3.DatabaseError as exc:
            if not _is_corrupt(exc) and not isinstance(exc, _NotOurs):
                reason = _plain_reason(exc)
                # A folder that can't be written (read-only, full) still shows the sessions kept so far.
                kept = cls._open_kept(path, reason) if path.exists() else None
                if kept is not None:
                    return kept
                raise HistoryError(f"{path}: your history can't be opened ({reason}).") from None
            aside = _move_aside(path)
            try:
                db = cls._connect(path)
            except sqlite3.DatabaseError as again:
                raise HistoryError(f"{path}: a new history can't be started ({again}).") from None
            copied = _salvage(aside, db) if not isinstance(exc, _NotOurs) else 0
            notice = _damaged_notice(aside, copied)
        history = cls(path, db, notice)
        try:
            history.mark_interrupted()
        except sqlite3.OperationalError:
            pass  # read-only or busy: the sessions stay "running" until a later open can write
        except sqlite3.DatabaseError as exc:
            if not _is_corrupt(exc):
                raise
            # Damage the checks above did not reach (an index, say) showed here: carry over what reads.
            history.close()
            aside, copied = cls.repair(path)
            history = cls.open(path)
            history.notice = _damaged_notice(aside, copied)
        return history

    @classmethod
    def repair(cls, path: Path) -> tuple[Path, int]:
        """A history found damaged inside (past the checks at open): move it aside, start a new one, and copy
        into it every row that can still be read. Returns where the damaged file is kept, and how many
        sessions came across. The damaged file is never changed.
        """
        aside = _move_aside(path)
        with cls.open(path) as fresh:
            copied = _salvage(aside, fresh._db)
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
                if version != SCHEMA_VERSION:
                    raise sqlite3.DatabaseError("not this version")
                db.execute("SELECT id FROM sessions ORDER BY id DESC LIMIT 1").fetchall()
            except sqlite3.DatabaseError:
                db.close()
                continue
            history = cls(path, db, f"Your history can't be written ({reason}), so new sessions won't be "
                                    "saved. The ones kept so far are all there.")
            history.read_only = True
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
            raise HistoryError(f"{path}: your history can't be read ({exc}).") from None
        return cls(path, db, None)

    @staticmethod
    def _connect(path: Path) -> sqlite3.Connection:
        db = sqlite3.connect(path, isolation_level=None, timeout=5.0, check_same_thread=False)
        try:
            db.execute("PRAGMA busy_timeout = 5000")
            mode = db.execute("PRAGMA journal_mode = WAL").fetchone()[0]  # reads the header: fails if damaged
            if str(mode).lower() != "wal":
                raise sqlite3.OperationalError(f"the journal can't be switched to WAL ({mode})")
            db.execute("PRAGMA synchronous = FULL")
            db.execute("PRAGMA foreign_keys = ON")
            tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise HistoryError(f"{path} was written by a newer selfmassage (history version "
                                   f"{version}); update the app to read it.")
            if version == 0 and tables:
                raise _NotOurs("the file holds tables that are not a selfmassage history")
            if version >= 1 and not _TABLES.issubset(tables):
                raise _NotOurs("tables are missing")
            for number in range(version, SCHEMA_VERSION):
                db.execute("BEGIN IMMEDIATE")
                try:
                    MIGRATIONS[number](db)
                    db.execute(f"PRAGMA user_version = {number + 1}")
                    db.execute("COMMIT")
                except BaseException:
                    db.execute("ROLLBACK")
                    raise
            # Touch the data so a damaged root page shows now, not in the middle of a session.
            db.execute("SELECT id FROM sessions ORDER BY id DESC LIMIT 1").fetchall()
        except BaseException:
            db.close()
            raise
        return db

    def close(self) -> None:
        for session_id in list(self._locks):
            self._release(session_id)
        self._db.close()

    def __enter__(self) -> History:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One transaction; BEGIN IMMEDIATE takes the write lock up front, so it never deadlocks."""
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
            self._db.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                self._db.execute("ROLLBACK")
            raise

    # -- running sessions and their locks ------------------------------------------------------

    def _lock_path(self, session_id: int) -> Path:
        return self.path.with_name(f"{self.path.name}.session-{session_id}.lock")

    def _hold(self, session_id: int) -> None:
        fd = os.open(self._lock_path(session_id), os.O_RDWR | os.O_CREAT, 0o600)
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        self._locks[session_id] = fd

    def _release(self, session_id: int) -> None:
        fd = self._locks.pop(session_id, None)
        if fd is None:
            return
        with contextlib.suppress(OSError):
            self._lock_path(session_id).unlink()
        os.close(fd)

    def _owner_alive(self, session_id: int) -> bool:
        if session_id in self._locks:
            return True
        if fcntl is None:
            return False
        try:
            fd = os.open(self._lock_path(session_id), os.O_RDWR)
        except OSError:
            return False  # no lock file: its process never got that far, or cleaned up
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        finally:
            os.close(fd)  # closing drops our lock too
        return False

    def mark_interrupted(self) -> list[int]:
        """Sessions left `running` by a process that is gone become `interrupted`; returns their ids."""
        running = [row[0] for row in self._db.execute(
            "SELECT id FROM sessions WHERE status = ?", (RUNNING,))]
        abandoned = [ident for ident in running if not self._owner_alive(ident)]
        if abandoned:
            with self._write() as db:
                db.executemany(
                    "UPDATE sessions SET status = ?, ended_at_utc = last_seen_utc "
                    "WHERE id = ? AND status = ?",
                    [(INTERRUPTED, ident, RUNNING) for ident in abandoned])
            for ident in abandoned:
                with contextlib.suppress(OSError):
                    self._lock_path(ident).unlink()
        return abandoned

    # -- writing a session as it runs ----------------------------------------------------------

    def _routine_id(self, db: sqlite3.Connection, text: str) -> int:
        digest = sha256_hex(text.encode("utf-8"))
        row = db.execute("SELECT id FROM routine_copies WHERE digest = ?", (digest,)).fetchone()
        if row is not None:
            return int(row[0])
        return int(db.execute("INSERT INTO routine_copies (digest, json) VALUES (?, ?)",
                              (digest, text)).lastrowid)

    def start_session(self, routine: Routine, started_at: datetime) -> int:
        """Write the session row (status `running`) with a copy of the routine as run; returns its id."""
        from selfmassage.core.routine_format import routine_to_dict

        text = json.dumps(routine_to_dict(routine), ensure_ascii=False, sort_keys=True)
        start = utc_text(started_at)
        with self._write() as db:
            routine_id = self._routine_id(db, text)
            session_id = int(db.execute(
                "INSERT INTO sessions (routine_name, routine_id, started_at_utc, utc_offset_minutes, "
                "local_day, last_seen_utc, status) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (routine.name, routine_id, start, offset_minutes(started_at), local_day_of(started_at),
                 start, RUNNING)).lastrowid)
            # Lock before the row is committed, so no other process can see it running and unowned.
            self._hold(session_id)
        return session_id

    def record_step(
        self, session_id: int, *, index: int, stage: str, technique: str, area: str,
        planned_seconds: int, actual_seconds: float, skipped: bool,
        active_seconds: float | None = None, at: datetime | None = None,
    ) -> int:
        """Add one finished step (one transaction); returns its sequence number in the session."""
        with self._write() as db:
            seq = db.execute("SELECT COALESCE(MAX(seq) + 1, 0) FROM steps WHERE session_id = ?",
                             (session_id,)).fetchone()[0]
            db.execute(
                "INSERT INTO steps (session_id, seq, step_index, stage, technique, area, planned_seconds, "
                "actual_seconds, skipped) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (session_id, seq, index, str(stage), str(technique), area, planned_seconds,
                 max(0.0, actual_seconds), int(skipped)))
            sets, values = [], []
            if active_seconds is not None:
                sets.append("active_seconds = MAX(active_seconds, ?)")
                values.append(max(0.0, active_seconds))
            if at is not None:
                sets.append("last_seen_utc = ?")
                values.append(utc_text(at))
            if sets:
                db.execute(f"UPDATE sessions SET {', '.join(sets)} WHERE id = ?", (*values, session_id))
        return int(seq)

    def finish_session(self, session_id: int, status: str, ended_at: datetime,
                       active_seconds: float) -> None:
        if status not in ENDED_STATUSES:
            raise ValueError(f"a session ends completed, stopped or interrupted, not {status!r}")
        end = utc_text(ended_at)
        with self._write() as db:
            db.execute("UPDATE sessions SET status = ?, ended_at_utc = ?, last_seen_utc = ?, "
                       "active_seconds = ? WHERE id = ?",
                       (status, end, end, max(0.0, active_seconds), session_id))
        self._release(session_id)

    def save_checkin(self, session_id: int, checkin: CheckIn) -> None:
        symptoms = ";".join(sorted(str(symptom) for symptom in checkin.symptoms))
        with self._write() as db:
            db.execute("UPDATE sessions SET feeling = ?, symptoms = ?, note = ? WHERE id = ?",
                       (checkin.feeling, symptoms, checkin.note, session_id))

    def delete_session(self, session_id: int) -> bool:
        with self._write() as db:
            row = db.execute("SELECT routine_id FROM sessions WHERE id = ?", (session_id,)).fetchone()
            if row is None:
                return False
            db.execute("DELETE FROM steps WHERE session_id = ?", (session_id,))
            db.execute("DELETE FROM sessions WHERE id = ?", (session_id,))
            if row[0] is not None:  # drop the routine copy when no session uses it any more
                db.execute("DELETE FROM routine_copies WHERE id = ? AND NOT EXISTS "
                           "(SELECT 1 FROM sessions WHERE routine_id = ?)", (row[0], row[0]))
        self._release(session_id)
        return True

    # -- reading -------------------------------------------------------------------------------

    def sessions(
        self, since: date | None = None, *, until: date | None = None, newest_first: bool = False,
        limit: int | None = None, offset: int = 0,
    ) -> list[SessionRow]:
        """Sessions whose local start date is in [since, until], by start time."""
        where, values = self._day_range(since, until)
        order = "DESC" if newest_first else "ASC"
        sql = (f"SELECT {_SESSION_COLUMNS} FROM sessions{where} "
               f"ORDER BY started_at_utc {order}, id {order}")
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            values += [limit, offset]
        return [_session(row) for row in self._db.execute(sql, values)]

    def count_sessions(self, since: date | None = None, until: date | None = None) -> int:
        where, values = self._day_range(since, until)
        return int(self._db.execute(f"SELECT COUNT(*) FROM sessions{where}", values).fetchone()[0])

    @staticmethod
    def _day_range(since: date | None, until: date | None) -> tuple[str, list[Any]]:
        clauses, values = [], []
        if since is not None:
            clauses.append("local_day >= ?")
            values.append(since.toordinal())
        if until is not None:
            clauses.append("local_day <= ?")
            values.append(until.toordinal())
        return (" WHERE " + " AND ".join(clauses) if clauses else ""), values

    def session(self, session_id: int) -> SessionRow | None:
        row = self._db.execute(f"SELECT {_SESSION_COLUMNS} FROM sessions WHERE id = ?",
                               (session_id,)).fetchone()
        return None if row is None else _session(row)

    def steps(self, session_id: int) -> list[StepRow]:
        return [StepRow(seq, index, stage, technique, area, planned, float(actual), bool(skipped))
                for seq, index, stage, technique, area, planned, actual, skipped in self._db.execute(
                    "SELECT seq, step_index, stage, technique, area, planned_seconds, actual_seconds, "
                    "skipped FROM steps WHERE session_id = ? ORDER BY seq", (session_id,))]

    def routine_copy(self, session_id: int) -> dict[str, Any] | None:
        """The routine as it was run, in its file shape; None for imported sessions."""
        row = self._db.execute("SELECT r.json FROM sessions s JOIN routine_copies r ON r.id = s.routine_id "
                               "WHERE s.id = ?", (session_id,)).fetchone()
        return None if row is None else json.loads(row[0])

    # -- figures for the plan (aggregated in SQL; see core.stats.HistoryFigures) --------------

    def week_totals(self, first: date, last: date) -> dict[date, tuple[int, float]]:
        """Completed sessions per ISO week (keyed by its Monday): (count, active seconds)."""
        rows = self._db.execute(
            "SELECT local_day - (local_day - 1) % 7 AS monday, COUNT(*), TOTAL(active_seconds) "
            "FROM sessions WHERE status = ? AND local_day BETWEEN ? AND ? GROUP BY monday",
            (COMPLETED, first.toordinal(), last.toordinal()))
        return {date.fromordinal(monday): (count, seconds) for monday, count, seconds in rows}

    def day_counts(self, first: date | None = None, last: date | None = None) -> list[tuple[date, int]]:
        """Completed sessions per local day, oldest first."""
        clauses, values = ["status = ?"], [COMPLETED]
        if first is not None:
            clauses.append("local_day >= ?")
            values.append(first.toordinal())
        if last is not None:
            clauses.append("local_day <= ?")
            values.append(last.toordinal())
        rows = self._db.execute(f"SELECT local_day, COUNT(*) FROM sessions WHERE {' AND '.join(clauses)} "
                                "GROUP BY local_day ORDER BY local_day", values)
        return [(date.fromordinal(day), count) for day, count in rows]

    def routine_counts(self) -> dict[str, int]:
        """Completed sessions per routine name: the one used most is the one a reminder suggests."""
        rows = self._db.execute("SELECT routine_name, COUNT(*) FROM sessions WHERE status = ? "
                                "GROUP BY routine_name", (COMPLETED,))
        return {name: count for name, count in rows}

    def symptom_reports(self, first: date, last: date) -> list[tuple[date, frozenset[str]]]:
        """Check-ins that noted any symptom, from sessions of any status, oldest first."""
        rows = self._db.execute(
            "SELECT local_day, symptoms FROM sessions WHERE local_day BETWEEN ? AND ? AND symptoms != '' "
            "ORDER BY local_day", (first.toordinal(), last.toordinal()))
        return [(date.fromordinal(day), frozenset(text.split(";"))) for day, text in rows]

    def minutes_by(self, kind: str, first: date | None = None, last: date | None = None) -> dict[str, float]:
        """Active seconds of completed sessions' steps per technique or per area."""
        column = {"technique": "technique", "area": "area"}[kind]
        clauses, values = ["s.status = ?"], [COMPLETED]
        if first is not None:
            clauses.append("s.local_day >= ?")
            values.append(first.toordinal())
        if last is not None:
            clauses.append("s.local_day <= ?")
            values.append(last.toordinal())
        rows = self._db.execute(
            f"SELECT t.{column}, TOTAL(t.actual_seconds) FROM sessions s "
            f"JOIN steps t ON t.session_id = s.id WHERE {' AND '.join(clauses)} "
            f"GROUP BY t.{column}", values)
        return {name: float(seconds) for name, seconds in rows}

    # -- import --------------------------------------------------------------------------------

    def has_session(self, started_at: datetime, routine_name: str) -> bool:
        return self._db.execute(
            "SELECT 1 FROM sessions WHERE started_at_utc = ? AND routine_name = ? LIMIT 1",
            (utc_text(started_at), routine_name)).fetchone() is not None

    def add_imported(self, sessions: Iterable[ImportedSession]) -> tuple[int, int]:
        """Add all in one transaction, skipping any already there (same start and routine).

        Returns (added, skipped).
        """
        added = skipped = 0
        with self._write() as db:
            for item in sessions:
                start = utc_text(item.started_at)
                if db.execute("SELECT 1 FROM sessions WHERE started_at_utc = ? AND routine_name = ? LIMIT 1",
                              (start, item.routine_name)).fetchone():
                    skipped += 1
                    continue
                if item.status not in ENDED_STATUSES:
                    raise ValueError(f"an imported session can't be {item.status!r}")
                end = utc_text(item.ended_at) if item.ended_at is not None else None
                symptoms = ";".join(sorted(str(symptom) for symptom in item.checkin.symptoms))
                db.execute(
                    "INSERT INTO sessions (routine_name, started_at_utc, utc_offset_minutes, local_day, "
                    "ended_at_utc, last_seen_utc, status, active_seconds, feeling, symptoms, note) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (item.routine_name, start, offset_minutes(item.started_at),
                     local_day_of(item.started_at), end, end or start, item.status,
                     max(0.0, item.active_seconds), item.checkin.feeling, symptoms, item.checkin.note))
                added += 1
        return added, skipped

    def add_sessions(self, sessions: Iterable[RecordedSession]) -> int:
        """Add finished sessions with their steps in one transaction; returns how many."""
        from selfmassage.core.routine_format import routine_to_dict

        copies: dict[int, int] = {}  # id(routine) → routine_copies.id, so a batch hashes each routine once
        count = 0
        with self._write() as db:
            for item in sessions:
                if item.status not in ENDED_STATUSES:
                    raise ValueError(f"a finished session can't be {item.status!r}")
                routine_id = copies.get(id(item.routine))
                if routine_id is None:
                    text = json.dumps(routine_to_dict(item.routine), ensure_ascii=False, sort_keys=True)
                    routine_id = copies[id(item.routine)] = self._routine_id(db, text)
                start = utc_text(item.started_at)
                end = utc_text(item.ended_at) if item.ended_at is not None else None
                symptoms = ";".join(sorted(str(symptom) for symptom in item.checkin.symptoms))
                session_id = db.execute(
                    "INSERT INTO sessions (routine_name, routine_id, started_at_utc, utc_offset_minutes, "
                    "local_day, ended_at_utc, last_seen_utc, status, active_seconds, feeling, symptoms, "
                    "note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (item.routine.name, routine_id, start, offset_minutes(item.started_at),
                     local_day_of(item.started_at), end, end or start, item.status,
                     max(0.0, item.active_seconds), item.checkin.feeling, symptoms,
                     item.checkin.note)).lastrowid
                db.executemany(
                    "INSERT INTO steps (session_id, seq, step_index, stage, technique, area, "
                    "planned_seconds, actual_seconds, skipped) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [(session_id, step.seq, step.index, str(step.stage), str(step.technique), step.area,
                      step.planned_seconds, step.actual_seconds, int(step.skipped)) for step in item.steps])
                count += 1
        return count

    def integrity_ok(self) -> bool:
        """SQLite's own full check; slow on a big file, for tests and repair, not for every open."""
        return self._db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


class _NotOurs(sqlite3.DatabaseError):
    """A readable SQLite file that is not a selfmassage history: treated like a damaged one."""


_COPIED_COLUMNS = {
    "routine_copies": "id, digest, json",
    "sessions": "id, routine_name, routine_id, started_at_utc, utc_offset_minutes, local_day, ended_at_utc, "
                "last_seen_utc, status, active_seconds, feeling, symptoms, note",
    "steps": "session_id, seq, step_index, stage, technique, area, planned_seconds, actual_seconds, skipped",
}


def _damaged_notice(aside: Path, copied: int) -> str:
    if not copied:
        return (f"Your history file could not be read, so a new one was started. "
                f"The old one is kept at {aside}.")
    return (f"Your history file was damaged, so a new one was started with the {copied} "
            f"{'session' if copied == 1 else 'sessions'} that could still be read. "
            f"The damaged file is kept at {aside}.")


def _salvage(aside: Path, new: sqlite3.Connection) -> int:
    """Copy what can be read of a damaged history (already moved aside, never written) into a new one."""
    # Without a WAL beside it, `immutable` reads the file as it is and makes no -shm or -wal next to it;
    # with one, its committed pages are read too.
    wal = aside.with_name(aside.name + "-wal")
    query = "mode=ro" if wal.exists() and wal.stat().st_size else "immutable=1"
    try:
        old = sqlite3.connect(f"{aside.resolve().as_uri()}?{query}", uri=True)
    except sqlite3.DatabaseError:
        return 0
    try:
        return _copy_readable(old, new)
    except sqlite3.DatabaseError:
        return 0
    finally:
        old.close()


def _copy_readable(old: sqlite3.Connection, new: sqlite3.Connection) -> int:
    """Every row of each table that can be read, in the table's own order (no damaged index is used);
    a table read stops at its first damaged page. Returns how many sessions came across."""
    sessions = 0
    new.execute("BEGIN IMMEDIATE")
    try:
        for table, columns in _COPIED_COLUMNS.items():
            marks = ", ".join("?" * len(columns.split(",")))
            insert = f"INSERT OR IGNORE INTO {table} ({columns}) VALUES ({marks})"
            try:
                for row in old.execute(f"SELECT {columns} FROM {table} NOT INDEXED"):
                    try:
                        new.execute(insert, row)
                    except sqlite3.IntegrityError:
                        if table != "sessions":
                            continue  # a step of a session that could not be read
                        new.execute(insert, (*row[:2], None, *row[3:]))  # its routine copy was lost
                    sessions += table == "sessions"
            except sqlite3.DatabaseError:
                continue  # the rest of this table is past a damaged page
        new.execute("COMMIT")
    except BaseException:
        new.execute("ROLLBACK")
        raise
    return sessions


# SQLite's primary result codes that mean "can't write here", and what to tell the person.
_PLAIN_REASONS = {3: "no permission", 8: "the folder or file is read-only", 10: "the disk can't be written",
                  13: "the disk is full", 14: "the folder or file can't be opened for writing"}


def _plain_reason(exc: sqlite3.DatabaseError) -> str:
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None and code & 0xFF in _PLAIN_REASONS:
        return _PLAIN_REASONS[code & 0xFF]
    return str(exc)


def _move_aside(path: Path) -> Path:
    """Rename the file (and its WAL and shared-memory files) to `<name>.corrupt-YYYYmmdd-HHMMSS`."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.corrupt-{stamp}")
    number = 1
    while aside.exists():
        number += 1
        aside = path.with_name(f"{path.name}.corrupt-{stamp}-{number}")
    try:
        path.rename(aside)
        for suffix in ("-wal", "-shm"):
            companion = path.with_name(path.name + suffix)
            if companion.exists():
                companion.rename(aside.with_name(aside.name + suffix))
    except OSError as exc:
        raise HistoryError(f"{path}: your history can't be read and can't be moved aside "
                           f"({exc.strerror}); nothing was changed.") from None
    return aside


def sha256_hex(data: bytes) -> str:
    """SHA-256 of `data`, in hex: the interpreter's own implementation where it has one.

    hashlib would load OpenSSL's libcrypto for this one digest of a few kB: 3.5 MiB more of the window's
    memory for the whole run (docs/benchmarks.md). The digest is the same either way.
    """
    try:
        from _sha256 import sha256  # type: ignore[import-not-found]  # Python 3.11
    except ImportError:
        try:
            from _sha2 import sha256  # type: ignore[import-not-found,no-redef]  # 3.12 and later
        except ImportError:  # built without them
            from hashlib import sha256
    return str(sha256(data).hexdigest())
