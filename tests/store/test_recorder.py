"""The recorder writes each step into the history as it finishes, with a fake clock driving the engine."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta

from selfmassage.core.checkin import CheckIn
from selfmassage.core.clock import FakeClock
from selfmassage.core.engine import SessionEngine
from selfmassage.core.events import Event, SessionStatus, StepFinished, StepStarted
from selfmassage.store.history import History
from selfmassage.store.recorder import SessionRecorder
from tests.history_support import BERLIN, ROUTINE, open_history


class WallClock:
    """Wall time that follows the fake monotonic clock, from a fixed start."""

    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock
        self.origin = clock.now()

    def __call__(self) -> datetime:
        elapsed = timedelta(seconds=self.clock.now() - self.origin)
        return datetime(2026, 11, 19, 19, 0, tzinfo=BERLIN) + elapsed


def run_setup(tmp_path):
    history = open_history(tmp_path)
    clock = FakeClock()
    engine = SessionEngine(ROUTINE, clock)
    recorder = SessionRecorder(history, engine, wall_clock=WallClock(clock), elapsed=clock)
    return history, clock, engine, recorder


def test_each_step_is_on_disk_as_soon_as_it_finishes(tmp_path):
    history, clock, engine, recorder = run_setup(tmp_path)
    seen: list[tuple[int, int]] = []  # (step starting, steps another connection can read by then)

    def reader_check(event: Event) -> None:
        if isinstance(event, StepStarted):
            other = sqlite3.connect(history.path)
            count = other.execute("SELECT COUNT(*) FROM steps").fetchone()[0]
            other.close()
            seen.append((event.index, count))

    engine.subscribe(reader_check)
    engine.start()
    session = history.session(recorder.session_id)
    assert session.status == SessionStatus.RUNNING
    assert session.started_at == datetime(2026, 11, 19, 19, 0, tzinfo=BERLIN)
    for step in ROUTINE.steps:
        clock.advance(step.seconds)
        engine.poll()
    assert seen == [(0, 0), (1, 1), (2, 2), (3, 3)]
    done = history.session(recorder.session_id)
    assert (done.status, done.active_seconds) == (SessionStatus.COMPLETED, ROUTINE.total_seconds)
    assert done.ended_at == done.started_at + timedelta(seconds=ROUTINE.total_seconds)
    assert [(row.index, row.planned_seconds, row.actual_seconds, row.skipped)
            for row in history.steps(recorder.session_id)] == [
        (number, step.seconds, float(step.seconds), False) for number, step in enumerate(ROUTINE.steps)]
    history.close()


def test_skip_back_and_stop_are_kept_as_they_happened(tmp_path):
    history, clock, engine, recorder = run_setup(tmp_path)
    engine.start()
    clock.advance(1)
    engine.skip()  # step 0 skipped after 1 s
    clock.advance(1)
    engine.back()  # step 1 left after 1 s, back to step 0
    clock.advance(2)
    engine.poll()  # step 0 done in full
    clock.advance(0.5)
    engine.stop()
    rows = [(row.seq, row.index, row.actual_seconds, row.skipped)
            for row in history.steps(recorder.session_id)]
    assert rows == [(0, 0, 1.0, True), (1, 1, 1.0, True), (2, 0, 2.0, False), (3, 1, 0.5, True)]
    session = history.session(recorder.session_id)
    assert (session.status, session.active_seconds) == (SessionStatus.STOPPED, 4.5)
    assert recorder.save_checkin(CheckIn(2, note="Too fast."))
    assert history.session(recorder.session_id).note == "Too fast."
    history.close()


def test_a_history_that_cannot_be_written_never_stops_the_session(tmp_path):
    history, clock, engine, recorder = run_setup(tmp_path)
    told: list[str] = []
    recorder._on_problem = told.append
    engine.start()
    history._db.execute("PRAGMA query_only = ON")  # as a read-only disk: every write now fails
    for step in ROUTINE.steps:
        clock.advance(step.seconds)
        engine.poll()
    assert engine.status is not None and engine.status is SessionStatus.COMPLETED
    assert len(told) == 1 and "can't be saved" in told[0] and "goes on" in told[0]
    assert recorder.problem == told[0]
    assert not recorder.save_checkin(CheckIn(3))
    history._db.execute("PRAGMA query_only = OFF")
    assert history.session(recorder.session_id).status == SessionStatus.RUNNING  # what was there is untouched
    history.close()


def test_stopping_before_start_writes_nothing(tmp_path):
    history, _, engine, recorder = run_setup(tmp_path)
    engine.stop()
    assert recorder.session_id is None
    assert history.sessions() == []
    history.close()


def test_a_step_finished_then_a_crash_leaves_that_step(tmp_path):
    history, clock, engine, recorder = run_setup(tmp_path)
    finished: list[int] = []
    engine.subscribe(lambda event: finished.append(event.index) if isinstance(event, StepFinished) else None)
    engine.start()
    clock.advance(ROUTINE.steps[0].seconds + 1)
    engine.poll()
    history._locks.release(recorder.session_id)  # the process "dies": its lock goes with it
    history._db.close()
    with History.open(history.path) as again:
        session = again.session(recorder.session_id)
        assert session.status == "interrupted"
        assert [row.index for row in again.steps(recorder.session_id)] == finished == [0]
