"""A real session killed with SIGKILL at 50 random moments: no finished step is lost; the next start works.

Each run is `python -m selfmassage run NAME --speed X` in its own process, on a routine imported into this
test's data folder. The process prints a line per step as it starts it; a step that was announced means the
one before it had finished, and the recorder commits a finished step (and the session row) before the next
step is announced. So after a kill, the history must hold at least every step before the last announced one.
"""

from __future__ import annotations

import json
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from selfmassage.cli import main
from selfmassage.core.events import SessionStatus
from selfmassage.store.history import History
from selfmassage.store.paths import history_path

ROOT = Path(__file__).resolve().parents[2]
NAME = "Crash test"
STEPS = 36
SECONDS = 2  # per step: 72 s of routine
SPEED = 200.0  # 0.36 s a run
KILLS = 50
STEP_LINE = re.compile(rb"^\[(\d+)/(\d+)\] ", re.MULTILINE)


def crash_routine() -> dict:
    steps = [{"stage": "preparatory", "technique": "stroking", "area": "lower back", "seconds": SECONDS}
             for _ in range(STEPS - 1)]
    steps.append({"stage": "final", "technique": "stroking", "area": "lower back", "seconds": SECONDS})
    return {"format": 1, "name": NAME, "steps": steps}


def start_run() -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "selfmassage", "run", NAME, "--speed", str(SPEED), "--mute",
         "--keep-rehearsal"],
        # Unbuffered: readline() must not keep lines that communicate() would then never see.
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=os.environ.copy(), bufsize=0)


def read_until_first_step(process: subprocess.Popen[bytes]) -> bytes:
    assert process.stdout is not None
    seen = b""
    while not STEP_LINE.search(seen):
        line = process.stdout.readline()
        assert line, f"the session ended before its first step: {seen!r} {process.stderr.read()!r}"
        seen += line
    return seen


def announced(output: bytes) -> int:
    """The number of the last step the process announced (1-based), 0 when none."""
    numbers = [int(match.group(1)) for match in STEP_LINE.finditer(output)]
    assert numbers == list(range(1, len(numbers) + 1)), "steps are announced in order, none left out"
    return numbers[-1] if numbers else 0


def integrity(path: Path) -> str:
    db = sqlite3.connect(path)
    try:
        return db.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        db.close()


@pytest.fixture
def imported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "crash-test.json"
    source.write_text(json.dumps(crash_routine()), encoding="utf-8")
    assert main(["routines", "import", str(source)]) == 0
    capsys.readouterr()


def test_fifty_kills_lose_no_finished_step_and_the_next_start_works(imported):
    rng = random.Random(6)  # the same 50 moments on every run of the suite
    run_seconds = STEPS * SECONDS / SPEED
    path = history_path()
    kills_mid_session = 0
    for attempt in range(KILLS):
        process = start_run()
        try:
            output = read_until_first_step(process)
            # Spread over the whole run, a little past its end too (a kill as it finishes).
            time.sleep(rng.uniform(0.0, run_seconds * 1.1))
            process.send_signal(signal.SIGKILL)
            rest, errors = process.communicate(timeout=10)
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
        output += rest
        assert b"Traceback" not in errors, errors.decode(errors="replace")
        last = announced(output)
        done = b"Done:" in output

        assert integrity(path) == "ok", f"kill {attempt}"
        with History.open(path) as history:  # the next open: marks what the killed process left
            sessions = history.sessions()
            assert len(sessions) == attempt + 1, "every announced session is in the history, once"
            session = sessions[-1]
            steps = history.steps(session.id)
            assert history.integrity_ok()
        if done or (session.status == SessionStatus.COMPLETED and last == STEPS):
            # The history hears the end before the screen: a kill between the two leaves it completed.
            assert session.status == SessionStatus.COMPLETED and len(steps) == STEPS
        else:
            kills_mid_session += 1
            assert session.status == SessionStatus.INTERRUPTED, f"kill {attempt}: {session.status}"
            # Step `last` was announced, so steps 1 … last-1 had finished and were committed before it;
            # step `last` itself may have finished too, just before the kill.
            assert last - 1 <= len(steps) <= last, f"kill {attempt}: {last} announced, {len(steps)} kept"
        assert [step.index for step in steps] == list(range(len(steps)))
        assert all(not step.skipped and step.actual_seconds == SECONDS for step in steps)
        assert not list(path.parent.glob("*.lock")), "the next open cleared the killed session's lock"
    assert kills_mid_session >= 40, "the kills fell inside sessions, not after them"

    # The next start works: a whole session after fifty kills.
    finished = subprocess.run(
        [sys.executable, "-m", "selfmassage", "run", NAME, "--speed", "1000", "--mute", "--keep-rehearsal"],
        cwd=ROOT, capture_output=True, timeout=60)
    assert finished.returncode == 0, finished.stderr.decode(errors="replace")
    assert announced(finished.stdout) == STEPS and b"Done:" in finished.stdout
    with History.open(path) as history:
        sessions = history.sessions()
        assert sessions[-1].status == SessionStatus.COMPLETED and len(history.steps(sessions[-1].id)) == STEPS
        assert not [session for session in sessions if session.status == SessionStatus.RUNNING]
        assert history.integrity_ok()


class CheckingOutput:
    """The terminal, as the runner writes to it: at each announced step, a second connection (another
    process would see the same) must already find the session and every step before it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.checked: list[tuple[int, int, bool]] = []  # (step announced, steps on disk, session row there)

    def write(self, text: str) -> int:
        match = STEP_LINE.match(text.encode())
        if match:
            db = sqlite3.connect(f"{self.path.as_uri()}?mode=ro", uri=True)
            try:
                sessions = db.execute("SELECT COUNT(*) FROM sessions").fetchone()[0]
                steps = db.execute("SELECT COUNT(*) FROM steps").fetchone()[0]
            finally:
                db.close()
            self.checked.append((int(match.group(1)), steps, sessions == 1))
        return len(text)

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False


def test_each_step_is_committed_before_the_next_is_announced(tmp_path):
    from selfmassage.core.routine_format import parse_routine
    from selfmassage.runner import run_in_terminal
    from selfmassage.store.recorder import SessionRecorder

    routine, problems = parse_routine(crash_routine())
    assert routine is not None and problems == []
    path = tmp_path / "history.sqlite3"
    out = CheckingOutput(path)
    with History.open(path) as history:
        run_in_terminal(routine, speed=1000, out=out,  # type: ignore[arg-type]
                        recorder=lambda engine: SessionRecorder(history, engine))
    assert out.checked == [(number, number - 1, True) for number in range(1, STEPS + 1)]
