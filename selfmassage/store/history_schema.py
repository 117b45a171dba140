"""The history's SQLite file: its tables, their migrations, and opening it safely.

Durability: WAL journal with `synchronous=FULL`. Every write is one short transaction (the session row at
start, one per finished step, one at the end). In WAL mode a committed transaction is in the WAL file
before `COMMIT` returns, so a killed process (SIGKILL, a crash) loses nothing committed; FULL also syncs
the WAL to the disk at every commit, so a power cut loses nothing committed either (NORMAL would only
sync at checkpoints, and a power cut could drop the last few steps). The price is one fsync per step
boundary — about 0.3 ms measured here, against steps that last seconds.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from selfmassage.i18n import _

# SQLite's primary result codes for a file that is damaged or not a database at all.
_SQLITE_CORRUPT, _SQLITE_NOTADB = 11, 26


class HistoryError(Exception):
    """The history can't be used (no rights, disk full, a newer app's file): one plain line."""


class NotOurs(sqlite3.DatabaseError):
    """A readable SQLite file that is not a selfmassage history: treated like a damaged one."""


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


# A completed session's day counted in, or out, of `completed_days` (a day with none has no row).
_COUNT_IN = ("INSERT INTO completed_days (local_day, sessions) VALUES (NEW.local_day, 1) "
             "ON CONFLICT (local_day) DO UPDATE SET sessions = sessions + 1;")
_COUNT_OUT = ("DELETE FROM completed_days WHERE local_day = OLD.local_day AND sessions = 1; "
              "UPDATE completed_days SET sessions = sessions - 1 WHERE local_day = OLD.local_day;")


def _v2(db: sqlite3.Connection) -> None:
    """Completed sessions per local day, kept by triggers as sessions come, end, change and go. The course
    is walked over every day there ever was a session: reading 3,650 days takes ~2 ms where counting
    86,000 sessions took ~10 (100,000 sessions over 10 years)."""
    db.execute("CREATE TABLE completed_days (local_day INTEGER PRIMARY KEY, sessions INTEGER NOT NULL)")
    db.execute("INSERT INTO completed_days (local_day, sessions) SELECT local_day, COUNT(*) FROM sessions "
               "WHERE status = 'completed' GROUP BY local_day")
    for name, event, when, body in (
            ("completed_day_added", "INSERT", "NEW.status = 'completed'", _COUNT_IN),
            ("completed_day_removed", "DELETE", "OLD.status = 'completed'", _COUNT_OUT),
            ("completed_day_left", "UPDATE OF status, local_day", "OLD.status = 'completed'", _COUNT_OUT),
            ("completed_day_joined", "UPDATE OF status, local_day", "NEW.status = 'completed'", _COUNT_IN)):
        db.execute(f"CREATE TRIGGER {name} AFTER {event} ON sessions WHEN {when} BEGIN {body} END")


def _run_each(db: sqlite3.Connection, script: str) -> None:
    """Run statements one by one: executescript() would COMMIT the migration's transaction half-way."""
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


# Migration i takes the schema from version i to i + 1; never edit one that has shipped, append.
MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (_v1, _v2)
SCHEMA_VERSION = len(MIGRATIONS)
# The tables each version has (a file that lacks one of its version's is not ours: moved aside).
TABLES_SINCE = {1: {"routine_copies", "sessions", "steps"}, 2: {"completed_days"}}


def connect(path: Path) -> sqlite3.Connection:
    """Open the file in WAL mode, migrate it to this version, and touch its data; raises on damage."""
    db = sqlite3.connect(path, isolation_level=None, timeout=5.0, check_same_thread=False)
    try:
        db.execute("PRAGMA busy_timeout = 5000")
        mode = db.execute("PRAGMA journal_mode = WAL").fetchone()[0]  # reads the header: fails if damaged
        if str(mode).lower() != "wal":
            raise sqlite3.OperationalError(_("the journal can't be switched to WAL ({mode})").format(
                mode=mode))
        db.execute("PRAGMA synchronous = FULL")
        db.execute("PRAGMA foreign_keys = ON")
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise HistoryError(_("{path} was written by a newer selfmassage (history version {version}); "
                                 "update the app to read it.").format(path=path, version=version))
        if version == 0 and tables:
            raise NotOurs("the file holds tables that are not a selfmassage history")
        if any(number <= version and not needed.issubset(tables) for number, needed in TABLES_SINCE.items()):
            raise NotOurs("tables are missing")
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


def is_damaged(exc: BaseException) -> bool:
    """True for SQLite's "the file is damaged" errors, met while reading or writing an open history."""
    return isinstance(exc, sqlite3.DatabaseError) and is_corrupt(exc)


def is_corrupt(exc: sqlite3.DatabaseError) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (_SQLITE_CORRUPT, _SQLITE_NOTADB)
    text = str(exc).lower()
    return "not a database" in text or "malformed" in text
