"""Completed sessions per local day, which the course is walked over: the file keeps the count itself
(schema 2), so the figures read a few thousand days instead of counting every session. Whatever happens to
the sessions, the count is the one the sessions give."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta
from pathlib import Path

from selfmassage.core.session_status import SessionStatus
from selfmassage.store.history import History
from selfmassage.store.history_csv import import_csv
from selfmassage.store.history_schema import SCHEMA_VERSION
from tests.history_support import MONDAY_EVENING, ROUTINE, add, open_history


def counted_from_sessions(history: History) -> list[tuple[date, int]]:
    rows = history._db.execute("SELECT local_day, COUNT(*) FROM sessions WHERE status = 'completed' "
                               "GROUP BY local_day ORDER BY local_day")
    return [(date.fromordinal(day), count) for day, count in rows]


def assert_days_match(history: History, expected: list[tuple[date, int]]) -> None:
    assert history.day_counts() == counted_from_sessions(history) == expected


def test_every_change_to_the_sessions_keeps_the_days_counted(tmp_path):
    monday, tuesday = MONDAY_EVENING.date(), MONDAY_EVENING.date() + timedelta(days=1)
    with open_history(tmp_path) as history:
        add(history, MONDAY_EVENING, MONDAY_EVENING + timedelta(hours=1), MONDAY_EVENING + timedelta(days=1))
        add(history, MONDAY_EVENING + timedelta(hours=2), status=SessionStatus.STOPPED)  # not counted
        assert_days_match(history, [(monday, 2), (tuesday, 1)])

        running = history.start_session(ROUTINE, MONDAY_EVENING + timedelta(days=2))
        assert_days_match(history, [(monday, 2), (tuesday, 1)])  # under way: not yet
        ended = MONDAY_EVENING + timedelta(days=2, minutes=9)
        history.finish_session(running, SessionStatus.COMPLETED, ended, 540.0)
        wednesday = monday + timedelta(days=2)
        assert_days_match(history, [(monday, 2), (tuesday, 1), (wednesday, 1)])

        [only_tuesday] = [row.id for row in history.sessions(tuesday, until=tuesday)]
        history.delete_session(only_tuesday)  # the day's last session: the day goes
        [first_monday, *_] = [row.id for row in history.sessions(monday, until=monday)]
        history.delete_session(first_monday)
        assert_days_match(history, [(monday, 1), (wednesday, 1)])

        backup = tmp_path / "backup.csv"
        backup.write_text("started_at,ended_at,routine,status,active_seconds,feeling,symptoms,note\n"
                          "2026-11-19T08:00:00+01:00,,Morning,completed,900,5,,\n"
                          "2026-11-19T18:00:00+01:00,,Evening,completed,600,,,\n"
                          "2026-11-20T08:00:00+01:00,,Morning,stopped,60,,,\n", encoding="utf-8")
        assert import_csv(history, backup).added == 3
        assert_days_match(history, [(monday, 1), (wednesday, 1), (date(2026, 11, 19), 2)])
        assert history.day_counts(date(2026, 11, 18), date(2026, 11, 19)) == [(wednesday, 1),
                                                                               (date(2026, 11, 19), 2)]


def as_first_version(path: Path) -> None:
    """The file as the app before schema 2 left it: the same tables but for the day count."""
    db = sqlite3.connect(path, isolation_level=None)
    for trigger in ("added", "removed", "left", "joined"):
        db.execute(f"DROP TRIGGER completed_day_{trigger}")
    db.execute("DROP TABLE completed_days")
    db.execute("PRAGMA user_version = 1")
    db.close()


def test_a_history_from_before_is_given_its_day_count_when_it_opens(tmp_path):
    with open_history(tmp_path) as history:
        add(history, MONDAY_EVENING, MONDAY_EVENING + timedelta(hours=1), MONDAY_EVENING + timedelta(days=3))
    as_first_version(tmp_path / "history.sqlite3")
    thursday = MONDAY_EVENING.date() + timedelta(days=3)
    with open_history(tmp_path) as history:
        assert history._db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 2
        assert_days_match(history, [(MONDAY_EVENING.date(), 2), (thursday, 1)])
        add(history, MONDAY_EVENING + timedelta(days=3, hours=1))  # and counted on from then
        assert_days_match(history, [(MONDAY_EVENING.date(), 2), (thursday, 2)])
