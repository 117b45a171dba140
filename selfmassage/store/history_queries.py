"""Reading the history: sessions, their steps and routine copies, and the figures the plan is drawn from."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, datetime
from typing import Any

from selfmassage.core.session_status import SessionStatus
from selfmassage.store.builtin_names import shown_routine_name
from selfmassage.store.history_rows import SESSION_COLUMNS, SessionRow, StepRow, session_from_row
from selfmassage.store.history_time import utc_text


class HistoryQueries:
    """The reading half of History; needs only its connection."""

    _db: sqlite3.Connection
    # Whether the file counts completed sessions per day (schema 2): only a read-only older file does not.
    _days_counted = True

    def sessions(
        self, since: date | None = None, *, until: date | None = None, newest_first: bool = False,
        limit: int | None = None, offset: int = 0,
    ) -> list[SessionRow]:
        """Sessions whose local start date is in [since, until], by start time."""
        where, values = self._where(since, until)
        order = "DESC" if newest_first else "ASC"
        sql = (f"SELECT {SESSION_COLUMNS} FROM sessions{where} "
               f"ORDER BY started_at_utc {order}, id {order}")
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            values += [limit, offset]
        return [session_from_row(row) for row in self._db.execute(sql, values)]

    def count_sessions(self, since: date | None = None, until: date | None = None) -> int:
        where, values = self._where(since, until)
        return int(self._db.execute(f"SELECT COUNT(*) FROM sessions{where}", values).fetchone()[0])

    @staticmethod
    def _where(since: date | None, until: date | None, *, completed: bool = False,
               prefix: str = "") -> tuple[str, list[Any]]:
        """The WHERE clause for sessions on local days in [since, until] (either end open), only completed
        ones if asked; `prefix` names the sessions table in a join ("s.")."""
        clauses: list[str] = []
        values: list[Any] = []
        if completed:
            clauses.append(f"{prefix}status = ?")
            values.append(SessionStatus.COMPLETED.value)
        if since is not None:
            clauses.append(f"{prefix}local_day >= ?")
            values.append(since.toordinal())
        if until is not None:
            clauses.append(f"{prefix}local_day <= ?")
            values.append(until.toordinal())
        return (" WHERE " + " AND ".join(clauses) if clauses else ""), values

    def session(self, session_id: int) -> SessionRow | None:
        row = self._db.execute(f"SELECT {SESSION_COLUMNS} FROM sessions WHERE id = ?",
                               (session_id,)).fetchone()
        return None if row is None else session_from_row(row)

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
            (SessionStatus.COMPLETED.value, first.toordinal(), last.toordinal()))
        return {date.fromordinal(monday): (count, seconds) for monday, count, seconds in rows}

    def day_counts(self, first: date | None = None, last: date | None = None) -> list[tuple[date, int]]:
        """Completed sessions per local day, oldest first."""
        if self._days_counted:
            where, values = self._where(first, last)
            rows = self._db.execute(
                f"SELECT local_day, sessions FROM completed_days{where} ORDER BY local_day", values)
        else:
            where, values = self._where(first, last, completed=True)
            rows = self._db.execute(f"SELECT local_day, COUNT(*) FROM sessions{where} "
                                    "GROUP BY local_day ORDER BY local_day", values)
        return [(date.fromordinal(day), count) for day, count in rows]

    def routine_counts(self) -> dict[str, int]:
        """Completed sessions per routine, by the name shown now (a built-in routine run in another language
        counts under today's name): the one used most is the one a reminder suggests."""
        rows = self._db.execute("SELECT routine_name, COUNT(*) FROM sessions WHERE status = ? "
                                "GROUP BY routine_name", (SessionStatus.COMPLETED.value,))
        counts: dict[str, int] = {}
        for name, count in rows:
            shown = shown_routine_name(name)
            counts[shown] = counts.get(shown, 0) + count
        return counts

    def symptom_reports(self, first: date, last: date) -> list[tuple[date, frozenset[str]]]:
        """Check-ins that noted any symptom, from sessions of any status, oldest first."""
        rows = self._db.execute(
            "SELECT local_day, symptoms FROM sessions WHERE local_day BETWEEN ? AND ? AND symptoms != '' "
            "ORDER BY local_day", (first.toordinal(), last.toordinal()))
        return [(date.fromordinal(day), frozenset(text.split(";"))) for day, text in rows]

    def minutes_by(self, kind: str, first: date | None = None, last: date | None = None) -> dict[str, float]:
        """Active seconds of completed sessions' steps per technique or per area."""
        column = {"technique": "technique", "area": "area"}[kind]
        where, values = self._where(first, last, completed=True, prefix="s.")
        rows = self._db.execute(
            f"SELECT t.{column}, TOTAL(t.actual_seconds) FROM sessions s "
            f"JOIN steps t ON t.session_id = s.id{where} "
            f"GROUP BY t.{column}", values)
        return {name: float(seconds) for name, seconds in rows}

    def has_session(self, started_at: datetime, routine_name: str) -> bool:
        return self._db.execute(
            "SELECT 1 FROM sessions WHERE started_at_utc = ? AND routine_name = ? LIMIT 1",
            (utc_text(started_at), routine_name)).fetchone() is not None

    def integrity_ok(self) -> bool:
        """SQLite's own full check; slow on a big file, for tests and repair, not for every open."""
        return self._db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
