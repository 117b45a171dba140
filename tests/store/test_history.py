"""The history file: schema and durability, damaged files moved aside, sessions left running by a crash."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from selfmassage.core.checkin import CheckIn, Symptom
from selfmassage.core.events import SessionStatus
from selfmassage.store.digest import sha256_hex
from selfmassage.store.history import History, HistoryError
from selfmassage.store.history_schema import SCHEMA_VERSION
from tests.history_support import BERLIN, ROUTINE, add, open_history

START = datetime(2026, 11, 19, 19, 5, 30, 123456, tzinfo=BERLIN)


def test_a_new_history_has_the_schema_version_wal_and_full_sync(tmp_path):
    with open_history(tmp_path) as history:
        db = history._db
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION >= 1
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert history.notice is None


def test_opening_again_keeps_everything(tmp_path):
    with open_history(tmp_path) as history:
        add(history, START)
    with open_history(tmp_path) as again:
        assert [session.routine_name for session in again.sessions()] == ["Quick back"]


def test_a_session_is_written_at_start_and_step_by_step(tmp_path):
    with open_history(tmp_path) as history:
        ident = history.start_session(ROUTINE, START)
        running = history.session(ident)
        assert (running.status, running.started_at, running.ended_at) == (
            SessionStatus.RUNNING, START.replace(microsecond=0), None)
        assert running.started_at.utcoffset() == timedelta(hours=1)
        step = ROUTINE.steps[0]
        history.record_step(ident, index=0, stage=step.stage, technique=step.technique, area=step.area,
                            planned_seconds=2, actual_seconds=2.0, skipped=False, active_seconds=2.0,
                            at=START + timedelta(seconds=2))
        assert history.session(ident).active_seconds == 2.0
        history.finish_session(ident, SessionStatus.COMPLETED, START + timedelta(minutes=1), 10.0)
        history.save_checkin(ident, CheckIn(4, frozenset({Symptom.PAIN, Symptom.FATIGUE}), "Loose now."))
        done = history.session(ident)
        assert (done.status, done.active_seconds, done.feeling, done.symptoms, done.note) == (
            SessionStatus.COMPLETED, 10.0, 4, ("fatigue", "pain"), "Loose now.")
        assert [(row.seq, row.index, row.technique, row.actual_seconds) for row in history.steps(ident)] == [
            (0, 0, "stroking", 2.0)]
        assert history.routine_copy(ident)["name"] == "Quick back"
        assert len(history.routine_copy(ident)["steps"]) == len(ROUTINE.steps)


def test_a_time_without_its_offset_is_refused(tmp_path):
    with open_history(tmp_path) as history, pytest.raises(ValueError, match="offset"):
        history.start_session(ROUTINE, datetime(2026, 11, 19, 19, 0))


def test_the_routine_as_run_is_kept_once_however_often_it_is_run(tmp_path):
    with open_history(tmp_path) as history:
        first = history.start_session(ROUTINE, START)
        second = history.start_session(ROUTINE, START + timedelta(days=2))
        assert history.routine_copy(first) == history.routine_copy(second)
        assert history._db.execute("SELECT COUNT(*) FROM routine_copies").fetchone()[0] == 1


def test_sessions_since_a_local_date_and_newest_first(tmp_path):
    with open_history(tmp_path) as history:
        add(history, *(START + timedelta(days=days) for days in (0, 3, 7)))
        assert len(history.sessions(date(2026, 11, 22))) == 2
        assert [s.local_day for s in history.sessions(newest_first=True, limit=2)] == [
            date(2026, 11, 26), date(2026, 11, 22)]
        assert history.count_sessions(date(2026, 11, 20), date(2026, 11, 23)) == 1


def test_delete_removes_the_session_and_its_steps(tmp_path):
    with open_history(tmp_path) as history:
        add(history, START, START + timedelta(days=1))
        first, second = history.sessions()
        assert history.delete_session(first.id)
        assert not history.delete_session(first.id)
        assert [s.id for s in history.sessions()] == [second.id]
        assert history.steps(first.id) == []
        assert history._db.execute("SELECT COUNT(*) FROM steps").fetchone()[0] == len(ROUTINE.steps)


def test_a_damaged_file_is_moved_aside_never_deleted_and_you_are_told_where(tmp_path):
    path = tmp_path / "history.sqlite3"
    junk = b"this is not a database at all\n" * 200
    path.write_bytes(junk)
    with History.open(path) as history:
        assert history.sessions() == []
        asides = list(tmp_path.glob("history.sqlite3.corrupt-*"))
        assert len(asides) == 1
        assert asides[0].read_bytes() == junk
        assert asides[0].name[len("history.sqlite3.corrupt-"):][8] == "-"  # YYYYmmdd-HHMMSS
        assert history.notice is not None and str(asides[0]) in history.notice
        assert "\n" not in history.notice
        add(history, START)  # the new one works
    with History.open(path) as again:
        assert again.notice is None and len(again.sessions()) == 1


def test_a_file_damaged_inside_is_moved_aside_too(tmp_path):
    path = tmp_path / "history.sqlite3"
    with History.open(path) as history:
        add(history, *(START + timedelta(days=days) for days in range(50)))
        history._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw = bytearray(path.read_bytes())
    raw[100:4096] = b"\xff" * (4096 - 100)  # the schema's page, past the header
    path.write_bytes(bytes(raw))
    with History.open(path) as history:
        assert history.notice is not None and "kept at" in history.notice
    assert len(list(tmp_path.glob("history.sqlite3.corrupt-*"))) == 1


def test_another_programs_database_is_moved_aside(tmp_path):
    path = tmp_path / "history.sqlite3"
    other = sqlite3.connect(path)
    other.execute("CREATE TABLE recipes (name TEXT)")
    other.commit()
    other.close()
    with History.open(path) as history:
        assert history.notice is not None
    assert len(list(tmp_path.glob("history.sqlite3.corrupt-*"))) == 1


def test_a_newer_apps_history_is_left_alone(tmp_path):
    path = tmp_path / "history.sqlite3"
    with History.open(path):
        pass
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.commit()
    db.close()
    with pytest.raises(HistoryError, match="newer selfmassage"):
        History.open(path)
    assert path.exists() and not list(tmp_path.glob("*.corrupt-*"))


def test_a_folder_that_cannot_be_created_is_a_plain_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(HistoryError, match="can't create the folder"):
        History.open(blocker / "sub" / "history.sqlite3")


CRASH = textwrap.dedent("""
    import os, sys
    from datetime import datetime
    from pathlib import Path
    from selfmassage.store.history import History
    from tests.history_support import ROUTINE
    history = History.open(Path(sys.argv[1]))
    ident = history.start_session(ROUTINE, datetime(2026, 11, 19, 19, 0).astimezone())
    step = ROUTINE.steps[0]
    history.record_step(ident, index=0, stage=step.stage, technique=step.technique, area=step.area,
                        planned_seconds=step.seconds, actual_seconds=step.seconds, skipped=False,
                        active_seconds=2.0, at=datetime(2026, 11, 19, 19, 0, 2).astimezone())
    print(ident, flush=True)
    sys.stdin.read()  # wait here, running, until killed
""")


def start_crashing_session(path: Path) -> tuple[subprocess.Popen[str], int]:
    process = subprocess.Popen([sys.executable, "-c", CRASH, str(path)], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, text=True, cwd=Path(__file__).parents[2])
    assert process.stdout is not None
    return process, int(process.stdout.readline())


def test_a_session_left_running_by_a_killed_process_is_interrupted_at_the_next_open(tmp_path):
    path = tmp_path / "history.sqlite3"
    process, ident = start_crashing_session(path)
    try:
        # While its process lives, another open (say `selfmassage stats`) leaves it running.
        with History.open(path) as history:
            assert history.session(ident).status == SessionStatus.RUNNING
    finally:
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
    with History.open(path) as history:
        session = history.session(ident)
        assert session.status == SessionStatus.INTERRUPTED
        assert session.ended_at == session.started_at + timedelta(seconds=2)  # its last step's end
        assert session.active_seconds == 2.0
        assert len(history.steps(ident)) == 1  # the finished step survived the kill
        assert history.integrity_ok()
        assert not list(tmp_path.glob("*.lock"))


def test_finish_refuses_running_as_an_end_status(tmp_path):
    with open_history(tmp_path) as history:
        ident = history.start_session(ROUTINE, START)
        with pytest.raises(ValueError):
            history.finish_session(ident, SessionStatus.RUNNING, START, 0)
        history.finish_session(ident, SessionStatus.STOPPED, START + timedelta(seconds=5), 5)
        assert history.session(ident).status == SessionStatus.STOPPED


def test_the_routine_copy_is_keyed_by_its_sha256_without_loading_openssl(tmp_path):
    # The key must be SHA-256 itself (histories written before keep theirs), and writing a session must
    # not load OpenSSL's libcrypto for it (3.5 MiB of the window's memory).
    import hashlib

    for data in (b"", b"routine", "Schulter, links — é".encode() * 4000):
        assert sha256_hex(data) == hashlib.sha256(data).hexdigest()
    script = textwrap.dedent(f"""
        import sys
        from datetime import datetime, timezone
        from pathlib import Path
        from tests.history_support import ROUTINE
        from selfmassage.store.history import History
        with History.open(Path({str(tmp_path / "h.sqlite3")!r})) as history:
            history.start_session(ROUTINE, datetime(2026, 11, 2, 18, 0, tzinfo=timezone.utc))
        print("_hashlib" in sys.modules)
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False,
                            cwd=Path(__file__).resolve().parents[2])
    assert result.stdout.strip() == "False", result.stderr[-500:]


def test_a_lock_left_by_a_kill_just_after_the_end_was_written_goes_at_the_next_open(tmp_path):
    with open_history(tmp_path) as history:
        ident = history.start_session(ROUTINE, START)
        lock = history._locks.path(ident)
        fd = history._locks._held.pop(ident)  # killed between writing the end and removing the lock file
        history.finish_session(ident, SessionStatus.COMPLETED, START + timedelta(minutes=1), 10.0)
        os.close(fd)
    assert lock.exists()
    starting = lock.with_name(lock.name.replace(f"-{ident}.", f"-{ident + 1}."))
    starting.touch()  # another process starting a session: its row isn't committed yet
    with open_history(tmp_path) as history:
        assert history.session(ident).status == SessionStatus.COMPLETED
    assert not lock.exists() and starting.exists()
