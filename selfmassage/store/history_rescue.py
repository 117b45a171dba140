"""A damaged history: moved aside (never deleted, never changed), and every row that still reads copied
into a new one."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from selfmassage.i18n import N_, _, ngettext, os_reason
from selfmassage.store.history_schema import HistoryError

_COPIED_COLUMNS = {
    "routine_copies": "id, digest, json",
    "sessions": "id, routine_name, routine_id, started_at_utc, utc_offset_minutes, local_day, ended_at_utc, "
                "last_seen_utc, status, active_seconds, feeling, symptoms, note",
    "steps": "session_id, seq, step_index, stage, technique, area, planned_seconds, actual_seconds, skipped",
}


def damaged_notice(aside: Path, copied: int) -> str:
    if not copied:
        return _("Your history file could not be read, so a new one was started. The old one is kept at "
                 "{path}.").format(path=aside)
    return ngettext("Your history file was damaged, so a new one was started with the {n} session that "
                    "could still be read. The damaged file is kept at {path}.",
                    "Your history file was damaged, so a new one was started with the {n} sessions that "
                    "could still be read. The damaged file is kept at {path}.", copied).format(
        n=copied, path=aside)


def damaged_since_open(path: Path) -> str:
    """What the window says of a history found damaged while it was open: the next start rescues it, as
    `History.open` moves a damaged file aside and carries over what reads."""
    return _("Your history file {path} is damaged. Quit selfmassage and open it again: it keeps the damaged "
             "file and starts a new history with every session that can still be read.").format(path=path)


def salvage(aside: Path, new: sqlite3.Connection) -> int:
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


# SQLite's primary result codes that mean "can't write here (now)", and what to tell the person; busy (5)
# and locked (6) come after the 5 s a write waits for another program's transaction.
_BUSY = N_("another program is writing to your history; try again in a moment")
_PLAIN_REASONS = {3: N_("no permission"), 5: _BUSY, 6: _BUSY, 8: N_("the folder or file is read-only"),
                  10: N_("the disk can't be written"), 13: N_("the disk is full"),
                  14: N_("the folder or file can't be opened for writing")}


def plain_reason(exc: sqlite3.DatabaseError) -> str:
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None and code & 0xFF in _PLAIN_REASONS:
        return _(_PLAIN_REASONS[code & 0xFF])
    return str(exc)


def move_aside(path: Path) -> Path:
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
        raise HistoryError(_("{path}: your history can't be read and can't be moved aside ({reason}); "
                             "nothing was changed.").format(path=path, reason=os_reason(exc))) from None
    return aside
