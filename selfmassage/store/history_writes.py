"""Writing the history: a session as it runs (one short transaction per step), its check-in, deletion,
and whole sessions at once from a backup or sample data."""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import TYPE_CHECKING

from selfmassage.core.checkin import CheckIn
from selfmassage.core.session_status import SessionStatus
from selfmassage.store.digest import sha256_hex
from selfmassage.store.history_locks import SessionLocks
from selfmassage.store.history_rows import ENDED_STATUSES, ImportedSession, RecordedSession
from selfmassage.store.history_time import local_day_of, offset_minutes, utc_text

if TYPE_CHECKING:
    from selfmassage.core.routine import Routine


class HistoryWrites:
    """The writing half of History; needs its connection and the running sessions' locks."""

    _db: sqlite3.Connection
    _locks: SessionLocks

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

    def mark_interrupted(self) -> list[int]:
        """Sessions left `running` by a process that is gone become `interrupted`; returns their ids."""
        running = [row[0] for row in self._db.execute(
            "SELECT id FROM sessions WHERE status = ?", (SessionStatus.RUNNING.value,))]
        abandoned = [ident for ident in running if not self._locks.owner_alive(ident)]
        if abandoned:
            with self._write() as db:
                db.executemany(
                    "UPDATE sessions SET status = ?, ended_at_utc = last_seen_utc "
                    "WHERE id = ? AND status = ?",
                    [(SessionStatus.INTERRUPTED.value, ident, SessionStatus.RUNNING.value)
                     for ident in abandoned])
            for ident in abandoned:
                self._locks.forget(ident)
        self._sweep_ended_locks()
        return abandoned

    def _sweep_ended_locks(self) -> None:
        """A process killed after writing its session's end, before removing its lock file, left one."""
        listed = self._locks.listed()
        if not listed:
            return
        marks = ", ".join("?" * len(listed))
        ended = [row[0] for row in self._db.execute(  # a session being started has no row yet: kept
            f"SELECT id FROM sessions WHERE status != ? AND id IN ({marks})",
            (SessionStatus.RUNNING.value, *listed))]
        for ident in ended:
            if not self._locks.owner_alive(ident):
                self._locks.forget(ident)

    def _routine_id(self, db: sqlite3.Connection, text: str) -> int:
        digest = sha256_hex(text.encode("utf-8"))
        row = db.execute("SELECT id FROM routine_copies WHERE digest = ?", (digest,)).fetchone()
        if row is not None:
            return int(row[0])
        return int(db.execute("INSERT INTO routine_copies (digest, json) VALUES (?, ?)",
                              (digest, text)).lastrowid)

    def start_session(self, routine: Routine, started_at: datetime) -> int:
        """Write the session row (status `running`) with a copy of the routine as run; returns its id."""
        text = _routine_json(routine)
        start = utc_text(started_at)
        with self._write() as db:
            routine_id = self._routine_id(db, text)
            session_id = int(db.execute(
                "INSERT INTO sessions (routine_name, routine_id, started_at_utc, utc_offset_minutes, "
                "local_day, last_seen_utc, status) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (routine.name, routine_id, start, offset_minutes(started_at), local_day_of(started_at),
                 start, SessionStatus.RUNNING.value)).lastrowid)
            # Lock before the row is committed, so no other process can see it running and unowned.
            self._locks.hold(session_id)
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

    def finish_session(self, session_id: int, status: SessionStatus, ended_at: datetime,
                       active_seconds: float) -> None:
        if status not in ENDED_STATUSES:
            raise ValueError(f"a session ends completed, stopped or interrupted, not {status!r}")
        end = utc_text(ended_at)
        with self._write() as db:
            db.execute("UPDATE sessions SET status = ?, ended_at_utc = ?, last_seen_utc = ?, "
                       "active_seconds = ? WHERE id = ?",
                       (status, end, end, max(0.0, active_seconds), session_id))
        self._locks.release(session_id)

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
        self._locks.release(session_id)
        return True

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
                # Counted on this computer's calendar, whatever offset the row was written with (a row
                # stamped Z at 23:15 on a Sunday is a Monday session in Berlin); shown in its own offset.
                local = item.started_at.astimezone()
                symptoms = ";".join(sorted(str(symptom) for symptom in item.checkin.symptoms))
                db.execute(
                    "INSERT INTO sessions (routine_name, started_at_utc, utc_offset_minutes, local_day, "
                    "ended_at_utc, last_seen_utc, status, active_seconds, feeling, symptoms, note) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (item.routine_name, start, offset_minutes(item.started_at),
                     local_day_of(local), end, end or start, item.status,
                     max(0.0, item.active_seconds), item.checkin.feeling, symptoms, item.checkin.note))
                added += 1
        return added, skipped

    def add_sessions(self, sessions: Iterable[RecordedSession]) -> int:
        """Add finished sessions with their steps in one transaction; returns how many."""
        copies: dict[int, int] = {}  # id(routine) → routine_copies.id, so a batch hashes each routine once
        count = 0
        with self._write() as db:
            for item in sessions:
                if item.status not in ENDED_STATUSES:
                    raise ValueError(f"a finished session can't be {item.status!r}")
                routine_id = copies.get(id(item.routine))
                if routine_id is None:
                    text = _routine_json(item.routine)
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


def _routine_json(routine: Routine) -> str:
    """The routine as run, in its file shape. Its format module loads with the first session written:
    reading the history (`selfmassage stats`, the review) needs no routine model."""
    from selfmassage.core.routine_format import routine_to_dict

    return json.dumps(routine_to_dict(routine), ensure_ascii=False, sort_keys=True)
