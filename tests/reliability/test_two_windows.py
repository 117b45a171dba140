"""Two windows at once: a second start brings the running window to the front and exits; a lock left by a
killed window is taken over. Two real processes each time, on Qt's offscreen platform.

The first process logs at info level to stdout (Python's logging, nothing special in the app), so the test
can see it come up, and see it asked to come to the front.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WINDOW = ("import logging, sys\n"
          "logging.basicConfig(level=logging.INFO, stream=sys.stdout, format='%(message)s')\n"
          "from selfmassage.cli import main\nsys.exit(main([]))")


def environment() -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONUNBUFFERED": "1"}


def start_window() -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", WINDOW], cwd=ROOT, env=environment(), text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def wait_for_line(process: subprocess.Popen[str], words: str) -> str:
    assert process.stdout is not None
    for line in process.stdout:  # blocks per line; the process logs as it goes
        if words in line:
            return line
    raise AssertionError(f"the window ended without saying {words!r}: {process.stderr.read()}")


def second_start() -> tuple[subprocess.CompletedProcess[str], float]:
    began = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "selfmassage"], cwd=ROOT, env=environment(), text=True,
                          capture_output=True, timeout=30)
    return done, time.monotonic() - began


def stop(process: subprocess.Popen[str], how: int = signal.SIGTERM) -> None:
    if process.poll() is None:
        process.send_signal(how)
    process.wait(timeout=10)


def test_a_second_start_brings_the_running_window_forward_and_exits():
    first = start_window()
    try:
        wait_for_line(first, "a second start brings it to the front")
        done, seconds = second_start()
        assert done.returncode == 0, done.stderr
        assert done.stderr == "selfmassage is already open; its window was brought to the front.\n"
        assert seconds < 10
        wait_for_line(first, "asked this window to come to the front")
        assert first.poll() is None, "the first window is still open"
    finally:
        stop(first)


def test_a_lock_left_by_a_killed_window_is_taken_over():
    killed = start_window()
    wait_for_line(killed, "a second start brings it to the front")
    stop(killed, signal.SIGKILL)
    runtime = Path(os.environ["XDG_RUNTIME_DIR"]) / "selfmassage"
    assert (runtime / "window.lock").exists() and (runtime / "window.socket").exists()  # left behind
    after = start_window()
    try:
        wait_for_line(after, "a second start brings it to the front")  # it is the window now
        done, _ = second_start()
        assert done.returncode == 0
        wait_for_line(after, "asked this window to come to the front")
    finally:
        stop(after)


QUIT_ONCE_LISTENING = """
import logging, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from selfmassage.cli import main

logging.basicConfig(level=logging.INFO, stream=sys.stdout, format='%(message)s')
app = QApplication(sys.argv[:1])

def quit_when_built():
    window = next((w for w in app.topLevelWidgets() if w.objectName() == "main_window"), None)
    if window is None or not window.built:  # a busy machine: it listens once the rest is built
        QTimer.singleShot(100, quit_when_built)
        return
    print("socket while open", __import__("os").path.exists(sys.argv[1]), flush=True)
    window.close()  # as a person closes it: a clean quit

QTimer.singleShot(300, quit_when_built)
sys.exit(main([]))
"""


def test_a_clean_quit_takes_its_socket_file_away_and_the_next_start_answers_again():
    runtime = Path(os.environ["XDG_RUNTIME_DIR"]) / "selfmassage"
    done = subprocess.run([sys.executable, "-c", QUIT_ONCE_LISTENING, str(runtime / "window.socket")],
                          cwd=ROOT, env=environment(), text=True, capture_output=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "socket while open True" in done.stdout
    assert not (runtime / "window.socket").exists()
    assert sorted(path.name for path in runtime.iterdir()) == ["window.lock"]  # kept: see InstanceLock
    after = start_window()
    try:
        wait_for_line(after, "a second start brings it to the front")
        second, _ = second_start()
        assert second.returncode == 0
        wait_for_line(after, "asked this window to come to the front")
    finally:
        stop(after)


def test_a_start_racing_a_closing_window_never_makes_two_holders(tmp_path):
    """A start opens the lock file just as the window closes; a third start comes right after."""
    import fcntl

    from selfmassage.store.instance import InstanceLock

    path = tmp_path / "window.lock"
    closing = InstanceLock(path)
    assert closing.acquire()
    racing = os.open(path, os.O_RDWR)  # the racing start has opened the file, not yet locked it
    closing.release()
    try:
        fcntl.flock(racing, fcntl.LOCK_EX | fcntl.LOCK_NB)  # now it locks: it is the window
        third = InstanceLock(path)
        assert not third.acquire(), "a third start must see the racing one's lock, on the same file"
        assert third.holder_pid() is None
    finally:
        os.close(racing)
