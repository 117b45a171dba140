"""CSV backup: a round trip keeps every field; a bad row is named by line and nothing is added."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from selfmassage.core.checkin import Symptom
from selfmassage.store.history_csv import COLUMNS, CsvImportError, export_csv, import_csv
from tests.history_support import BERLIN, NEW_YORK, add, open_history

HEADER = ",".join(COLUMNS)


@pytest.fixture
def history(tmp_path):
    with open_history(tmp_path / "a") as opened:
        yield opened


def write(tmp_path, text: str, name: str = "in.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_header_is_exactly_the_columns(history, tmp_path):
    add(history, datetime(2026, 11, 19, 19, 5, tzinfo=BERLIN))
    export_csv(history, tmp_path / "out.csv")
    lines = (tmp_path / "out.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "started_at,ended_at,routine,status,active_seconds,feeling,symptoms,note"
    assert lines[1] == ("2026-11-19T19:05:00+01:00,2026-11-19T19:25:00+01:00,Quick back,completed,1200,"
                        ",,")


def test_round_trip_keeps_every_field(tmp_path):
    (tmp_path / "a").mkdir()
    with open_history(tmp_path / "a") as source:
        add(source, datetime(2026, 11, 19, 19, 5, tzinfo=BERLIN), feeling=4,
            symptoms=(Symptom.PAIN, Symptom.DIZZINESS), note='Sore, then "better"\nnext day fine')
        add(source, datetime(2026, 3, 8, 1, 30, tzinfo=NEW_YORK), status="stopped", minutes=3.25)
        add(source, datetime(2026, 11, 20, 7, 0, tzinfo=BERLIN), status="interrupted", minutes=1)
        export_csv(source, tmp_path / "backup.csv")
        before = [(s.started_at, s.ended_at, s.routine_name, s.status, round(s.active_seconds, 1),
                   s.feeling, s.symptoms, s.note) for s in source.sessions()]
    with open_history(tmp_path / "b") as target:
        result = import_csv(target, tmp_path / "backup.csv")
        assert (result.added, result.skipped) == (3, 0)
        after = [(s.started_at, s.ended_at, s.routine_name, s.status, round(s.active_seconds, 1),
                  s.feeling, s.symptoms, s.note) for s in target.sessions()]
        export_csv(target, tmp_path / "again.csv")
    assert after == before
    assert after[0][0].utcoffset() == timedelta(hours=-5)  # each keeps its own offset
    assert (tmp_path / "again.csv").read_bytes() == (tmp_path / "backup.csv").read_bytes()


def test_import_twice_adds_once(history, tmp_path):
    path = write(tmp_path, f"{HEADER}\n2026-11-19T19:05:00+01:00,,Quick back,completed,600,,,\n"
                           f"2026-11-21T19:05:00+01:00,,Quick back,completed,600,,,\n")
    assert import_csv(history, path).added == 2
    again = import_csv(history, path)
    assert (again.added, again.skipped) == (0, 2)
    assert history.count_sessions() == 2


def test_same_moment_in_another_offset_is_the_same_session(history, tmp_path):
    add(history, datetime(2026, 11, 19, 19, 5, tzinfo=BERLIN))
    path = write(tmp_path, f"{HEADER}\n2026-11-19T18:05:00Z,,Quick back,completed,600,,,\n"
                           f"2026-11-19T18:05:00Z,,Other routine,completed,600,,,\n")
    result = import_csv(history, path)
    assert (result.added, result.skipped) == (1, 1)  # same start but another routine is another session


def test_bad_rows_are_named_by_line_and_nothing_is_added(history, tmp_path):
    path = write(tmp_path, "\n".join([
        HEADER,
        "2026-11-19T19:05:00+01:00,,Fine,completed,600,4,pain;dizziness,ok",  # line 2: good
        "2026-11-19T19:05:00,,No offset,completed,600,,,",  # 3
        "2026-11-20T19:05:00+01:00,,Bad feeling,completed,600,7,,",  # 4
        '2026-11-21T19:05:00+01:00,,Multi,completed,600,,,"two',  # 5: a note over two lines
        'lines"',
        "2026-11-22T19:05:00+01:00,,Bad symptom,completed,600,,back pain,",  # 7
        "2026-11-23T19:05:00+01:00,,Bad status,running,600,,,",  # 8
        "2026-11-24T19:05:00+01:00,2026-11-24T18:00:00+01:00,Ends early,completed,600,,,",  # 9
        "2026-11-25T19:05:00+01:00,,Too few",  # 10
        "2026-11-26T19:05:00+01:00,,,completed,600,,,",  # 11: no routine
        "2026-11-27T19:05:00+01:00,,Negative,completed,-5,,,",  # 12
    ]) + "\n")
    with pytest.raises(CsvImportError) as raised:
        import_csv(history, path)
    problems = raised.value.problems
    assert [problem.split(":")[0] for problem in problems] == [
        "line 3", "line 4", "line 7", "line 8", "line 9", "line 10", "line 11", "line 12"]
    assert "needs its UTC offset" in problems[0]
    assert "feeling must be empty or 1–5, not '7'" in problems[1]
    assert "'back pain' is not one of pain, headache" in problems[2]
    assert "status must be completed, stopped, interrupted" in problems[3]
    assert "ended_at is before started_at" in problems[4]
    assert "has 3 columns; it needs 8" in problems[5]
    assert history.count_sessions() == 0


def test_a_wrong_header_is_refused(history, tmp_path):
    path = write(tmp_path, "date,routine\n2026-11-19,Quick back\n")
    with pytest.raises(CsvImportError, match="line 1: the header must be exactly"):
        import_csv(history, path)


def test_a_spreadsheets_bom_and_blank_lines_are_fine(history, tmp_path):
    path = tmp_path / "excel.csv"
    path.write_bytes(("\ufeff" + HEADER + "\r\n2026-11-19T19:05:00+01:00,,Quick back,Completed,600.5,,"
                      "Pain ; ,\r\n,,,,,,,\r\n").encode("utf-8"))
    assert import_csv(history, path).added == 1
    session = history.sessions()[0]
    assert (session.status, session.active_seconds, session.symptoms) == ("completed", 600.5, ("pain",))


def test_not_utf8_is_unreadable(history, tmp_path):
    path = tmp_path / "latin1.csv"
    path.write_bytes((HEADER + "\n2026-11-19T19:05:00+01:00,,Rücken,completed,600,,,\n").encode("latin-1"))
    with pytest.raises(CsvImportError) as raised:
        import_csv(history, path)
    assert raised.value.unreadable and "not UTF-8" in raised.value.problems[0]


def test_running_sessions_are_not_exported(history, tmp_path):
    from tests.history_support import ROUTINE

    history.start_session(ROUTINE, datetime(2026, 11, 19, 19, 5, tzinfo=BERLIN))
    assert export_csv(history, tmp_path / "out.csv") == 0


def test_a_row_is_counted_on_this_computers_calendar_whatever_its_offset(history, tmp_path, monkeypatch):
    import time

    monkeypatch.setenv("TZ", "Europe/Berlin")
    time.tzset()
    try:
        # 23:15 on Sunday 22 November in UTC is 00:15 on Monday 23 November in Berlin: next week.
        path = write(tmp_path, f"{HEADER}\n2026-11-22T23:15:00Z,,Quick back,completed,600,,,\n"
                               f"2026-11-22T22:15:00-01:00,,Other routine,completed,600,,,\n")
        assert import_csv(history, path).added == 2
        monday = datetime(2026, 11, 23).date()
        assert [day for day, _ in history.day_counts()] == [monday]
        assert set(history.week_totals(monday, monday)) == {monday}
        assert {session.local_day for session in history.sessions()} == {monday}
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
