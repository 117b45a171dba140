"""Clock trouble: the countdown follows the monotonic clock, so a wall clock set an hour either way during a
session changes nothing (not the countdown, not a step, not the history); a sleep of the computer still
pauses the session; weekly figures follow the wall clock in local time.

Three clocks, faked together the way a computer moves them:
- monotonic: runs while awake; stops while asleep (Linux); never set.
- boot (CLOCK_BOOTTIME): runs while awake and asleep; never set.
- wall (time.time): runs while awake and asleep; jumps when the time of day is set (by hand, by NTP).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest

from selfmassage.core import clock as clock_module
from selfmassage.core.clock import MonotonicClock, SleepClock
from selfmassage.core.engine import EngineState, SessionEngine
from selfmassage.core.events import Event, Paused, PauseReason, SecondLeft, SessionStatus, StepFinished
from selfmassage.store.history import History
from selfmassage.store.history_csv import export_csv, import_csv
from selfmassage.store.recorder import SessionRecorder
from tests.history_support import BERLIN, ROUTINE

ROOT = Path(__file__).resolve().parents[2]
EVENING = datetime(2026, 11, 19, 19, 0, tzinfo=BERLIN)


class Computer:
    """The three clocks of one computer, and the things that move them."""

    def __init__(self) -> None:
        self.monotonic = 5_000.0
        self.boot = 5_100.0
        self.wall = EVENING.timestamp()

    def awake(self, seconds: float) -> None:
        self.monotonic += seconds
        self.boot += seconds
        self.wall += seconds

    def set_time(self, shift: float) -> None:
        self.wall += shift  # only the time of day moves

    def sleep(self, seconds: float) -> None:
        self.boot += seconds
        self.wall += seconds

    def wall_datetime(self) -> datetime:
        return datetime.fromtimestamp(self.wall, BERLIN)

    def time_module(self) -> SimpleNamespace:
        """What core.clock reads as `time`: the real module's names, this computer's numbers."""
        boot_id = 7

        def clock_gettime(clock_id: int) -> float:
            assert clock_id == boot_id
            return self.boot

        return SimpleNamespace(monotonic=lambda: self.monotonic, time=lambda: self.wall,
                               clock_gettime=clock_gettime, CLOCK_BOOTTIME=boot_id)


class Session:
    """A session as the app runs it: the real clock classes, the sleep watch on, the recorder writing."""

    def __init__(self, computer: Computer, history: History) -> None:
        self.computer = computer
        self.engine = SessionEngine(ROUTINE, MonotonicClock(), sleep_clock=SleepClock())
        self.recorder = SessionRecorder(history, self.engine, wall_clock=computer.wall_datetime)
        self.events: list[Event] = []
        self.countdown: list[tuple[float, float]] = []  # (active time, what the countdown shows)
        self.engine.subscribe(self.seen)

    def seen(self, event: Event) -> None:
        self.events.append(event)
        if isinstance(event, SecondLeft):
            self.countdown.append((self.engine.active_time(), self.engine.step_remaining()))

    def run(self, *, at_second: int | None = None, trouble: object = None) -> None:
        """Run to the end, polled every second like the window's timer; `trouble` happens once."""
        self.engine.start()
        second = 0
        while self.engine.state is EngineState.RUNNING:
            if second == at_second:
                trouble()  # type: ignore[operator]
            self.computer.awake(1)
            self.engine.poll()
            second += 1


@pytest.fixture
def computer(monkeypatch) -> Computer:
    computer = Computer()
    monkeypatch.setattr(clock_module, "time", computer.time_module())
    return computer


def run_session(tmp_path: Path, name: str, computer: Computer, **trouble: object) -> tuple[Session, History]:
    history = History.open(tmp_path / f"{name}.sqlite3")
    session = Session(computer, history)
    session.run(**trouble)  # type: ignore[arg-type]
    return session, history


@pytest.mark.parametrize("shift", [3600.0, -3600.0], ids=["an hour ahead", "an hour back"])
def test_a_wall_clock_set_mid_session_changes_nothing(tmp_path, computer, shift):
    calm, calm_history = run_session(tmp_path, "calm", computer)
    computer.__init__()  # the same evening again
    jumped, history = run_session(tmp_path, "jumped", computer, at_second=4,
                                  trouble=lambda: computer.set_time(shift))

    assert not [event for event in jumped.events if isinstance(event, Paused)]
    assert jumped.events == calm.events  # every event, at the same active time
    assert jumped.countdown == calm.countdown
    (kept,) = history.sessions()
    (reference,) = calm_history.sessions()
    assert kept.status == SessionStatus.COMPLETED and kept.active_seconds == ROUTINE.total_seconds
    assert (kept.started_at, kept.ended_at) == (reference.started_at, reference.ended_at)
    assert kept.ended_at == EVENING + timedelta(seconds=ROUTINE.total_seconds)
    assert history.steps(kept.id) == calm_history.steps(reference.id)

    # The backup of this history reads back in: no session ends before it began.
    export_csv(history, tmp_path / "backup.csv")
    with History.open(tmp_path / "restored.sqlite3") as restored:
        assert import_csv(restored, tmp_path / "backup.csv").added == 1
        assert restored.sessions()[0].ended_at == kept.ended_at
    history.close()
    calm_history.close()


def test_a_sleep_of_the_computer_still_pauses_where_the_session_was(tmp_path, computer):
    session, history = run_session(tmp_path, "slept", computer, at_second=3,
                                   trouble=lambda: computer.sleep(45 * 60))
    paused = [event for event in session.events if isinstance(event, Paused)]
    assert paused == [Paused(at=3.0, reason=PauseReason.SLEEP)]
    assert session.engine.state is EngineState.PAUSED
    # Where it was: the first step (2 s) done, the second 1 s in; nothing due during the sleep delivered.
    assert [event.index for event in session.events if isinstance(event, StepFinished)] == [0]
    assert (session.engine.index, session.engine.step_remaining()) == (1, 2.0)
    session.engine.resume()
    while session.engine.state is EngineState.RUNNING:
        computer.awake(1)
        session.engine.poll()
    (kept,) = history.sessions()
    assert kept.status == SessionStatus.COMPLETED and kept.active_seconds == ROUTINE.total_seconds
    # The end on record is the real end: the sleep counts as time passed, the session's own time does not.
    assert kept.ended_at >= EVENING + timedelta(seconds=45 * 60 + ROUTINE.total_seconds)
    history.close()


def test_the_sleep_clock_here_is_the_boot_clock_which_ignores_the_time_of_day():
    clock = SleepClock()
    assert not clock.follows_wall_clock, "Linux has CLOCK_BOOTTIME; the suite runs on Linux"
    before = clock.now()
    boot = time.clock_gettime(time.CLOCK_BOOTTIME)
    after = clock.now()
    assert before <= boot <= after
    # Booted less than a year ago, unlike seconds since 1970: it is not the wall clock.
    assert clock.now() < 365 * 24 * 3600 < time.time()


def test_old_sessions_that_end_before_they_began_still_export_and_import(tmp_path):
    """A session recorded before this fix, with the wall clock set back mid-session."""
    path = tmp_path / "history.sqlite3"
    with History.open(path) as history:
        ident = history.start_session(ROUTINE, EVENING)
        history.finish_session(ident, SessionStatus.COMPLETED, EVENING - timedelta(minutes=50), 600)
        export_csv(history, tmp_path / "backup.csv")
    with History.open(tmp_path / "restored.sqlite3") as restored:
        assert import_csv(restored, tmp_path / "backup.csv").added == 1
        (session,) = restored.sessions()
        assert session.ended_at == EVENING + timedelta(seconds=600)


# -- weekly figures follow the wall clock, in local time ---------------------------------------------------


@pytest.mark.parametrize("zone", ["UTC+14", "UTC-12"])
def test_weeks_count_the_local_day_a_session_started_on(tmp_path, zone):
    """The same moment is a different day 26 hours apart: each place counts the session on its own day."""
    hours = 14 if zone == "UTC+14" else -12
    # POSIX TZ strings need no time-zone database: "XXX-14" is 14 hours east of UTC.
    environ = {**os.environ, "TZ": f"XXX{-hours:+d}"}
    source = tmp_path / "r.json"
    source.write_text(json.dumps({"format": 1, "name": "Tiny", "steps": [
        {"stage": "final", "technique": "stroking", "area": "neck", "seconds": 2}]}), encoding="utf-8")

    def cli(*args: str) -> str:
        done = subprocess.run([sys.executable, "-m", "selfmassage", *args], cwd=ROOT, env=environ,
                              capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr
        return done.stdout

    cli("routines", "import", str(source))
    cli("run", "Tiny", "--speed", "100", "--mute", "--keep-rehearsal")
    (session,) = json.loads(cli("history", "--json"))
    started = datetime.fromisoformat(session["started_at"])
    assert started.utcoffset() == timedelta(hours=hours)
    local_day = started.date()
    weeks = json.loads(cli("stats", "--weeks", "2", "--json"))["weeks"]
    counted = {week["monday"]: week["sessions"] for week in weeks}
    monday = local_day - timedelta(days=local_day.weekday())
    assert counted[monday.isoformat()] == 1 and sum(counted.values()) == 1
