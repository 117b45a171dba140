"""No room, no rights: a data folder that can't be made, is read-only, or is on a full disk.

The session still runs to its end, the person is told once (one line) that it won't be saved, and nothing
already stored is touched: the history file and the routine files are byte-identical afterwards, and the
history opens with every session it had.

How the trouble is made, so that it also holds as root (CI runs as root, and root ignores file modes):
- a folder that can't be made: XDG_DATA_HOME below a regular file, so every mkdir fails (any user);
- read-only: a read-only bind mount of the data folder when root, file modes otherwise;
- full: RLIMIT_FSIZE of 0 bytes in the session's process (any user: every write that would grow a file
  fails), and, when root, a real 4 MiB tmpfs filled to the last byte.
"""

from __future__ import annotations

import contextlib
import json
import os
import resource
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from selfmassage.store.history import History
from tests.store.test_history_days import as_first_version

ROOT = Path(__file__).resolve().parents[2]
ROOT_USER = os.geteuid() == 0
NAME = "Quick back"
ROUTINE = {"format": 1, "name": NAME, "steps": [
    {"stage": "preparatory", "technique": "stroking", "area": "lower back", "seconds": 3},
    {"stage": "medium-deep", "technique": "rubbing", "area": "lower back", "seconds": 3},
    {"stage": "final", "technique": "stroking", "area": "lower back", "seconds": 3},
]}


def selfmassage(*args: str, env: dict[str, str] | None = None,
                preexec: Callable[[], None] | None = None) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([sys.executable, "-m", "selfmassage", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=60, env=env or os.environ.copy(), preexec_fn=preexec)
    assert "Traceback" not in done.stderr, done.stderr
    return done


def assert_runs_and_says_once_it_wont_be_saved(done: subprocess.CompletedProcess[str]) -> None:
    assert done.returncode == 0, done.stderr
    assert "[3/3]" in done.stdout and "Done: 00:09 of massage, 3 of 3 steps." in done.stdout
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert "won't be saved" in lines[0] or "can't be saved" in lines[0]


def snapshot(folder: Path) -> dict[Path, bytes]:
    """Every file kept there; SQLite's -wal and -shm side files are the library's scratch, not the data."""
    return {path.relative_to(folder): path.read_bytes() for path in sorted(folder.rglob("*"))
            if path.is_file() and not path.name.endswith(("-wal", "-shm"))}


def seed(data: Path, tmp_path: Path) -> dict[Path, bytes]:
    """A routine of one's own and one finished session; returns what is stored."""
    source = tmp_path / "quick.json"
    source.write_text(json.dumps(ROUTINE), encoding="utf-8")
    assert selfmassage("routines", "import", str(source)).returncode == 0
    assert selfmassage("run", NAME, "--speed", "1000", "--mute", "--keep-rehearsal").returncode == 0
    stored = snapshot(data)
    assert {path.name for path in stored} == {"history.sqlite3", "quick-back.json"}
    return stored


def assert_history_whole(data: Path) -> None:
    with History.open(data / "selfmassage" / "history.sqlite3") as history:
        assert history.integrity_ok()
        (session,) = history.sessions()
        assert session.status == "completed" and len(history.steps(session.id)) == 3


@pytest.fixture
def data() -> Path:
    return Path(os.environ["XDG_DATA_HOME"])


def test_a_data_folder_that_cannot_be_made(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    env = {**os.environ, "XDG_DATA_HOME": str(blocker / "data")}
    done = selfmassage("run", "Evening relax with a massage ball", "--speed", "1000", "--mute",
                       "--keep-rehearsal", env=env)
    assert done.returncode == 0 and "Done: 11:00 of massage" in done.stdout
    (line,) = done.stderr.splitlines()
    assert line.endswith("can't create the folder for your history (Not a directory). "
                         "This session won't be saved.")
    assert blocker.read_text() == "not a folder"


@contextlib.contextmanager
def read_only(folder: Path) -> Iterator[None]:
    if ROOT_USER:
        subprocess.run(["mount", "--bind", str(folder), str(folder)], check=True)
        try:
            subprocess.run(["mount", "-o", "remount,ro,bind", str(folder)], check=True)
            yield
        finally:
            subprocess.run(["umount", str(folder)], check=True)
        return
    paths = [folder, *folder.rglob("*")]
    modes = {path: path.stat().st_mode for path in paths}
    for path in paths:
        path.chmod(modes[path] & ~0o222)
    try:
        yield
    finally:
        for path in reversed(paths):
            path.chmod(modes[path])


def test_a_read_only_data_folder(data, tmp_path):
    stored = seed(data, tmp_path)
    other = tmp_path / "other.json"
    other.write_text(json.dumps({**ROUTINE, "name": "Another"}), encoding="utf-8")
    with read_only(data):
        with pytest.raises(OSError):
            (data / "probe").write_text("x")  # it really is read-only, for this user too
        assert_runs_and_says_once_it_wont_be_saved(
            selfmassage("run", NAME, "--speed", "1000", "--mute", "--keep-rehearsal"))
        # What was kept can still be looked at.
        listed = selfmassage("history", "--json")
        assert listed.returncode == 0 and len(json.loads(listed.stdout)) == 1
        assert "can't be written" in listed.stderr and "all there" in listed.stderr
        refused = selfmassage("routines", "import", str(other))
        assert refused.returncode == 1 and len(refused.stderr.splitlines()) == 1
        assert "can't be saved" in refused.stderr
    assert snapshot(data) == stored
    assert_history_whole(data)


def test_a_history_from_before_in_a_read_only_folder_still_shows_its_weeks_and_course(data, tmp_path):
    stored = seed(data, tmp_path)
    as_first_version(data / "selfmassage" / "history.sqlite3")  # it can't be brought up to date read-only
    stored = snapshot(data)
    with read_only(data):
        shown = selfmassage("stats", "--json")
        assert shown.returncode == 0, shown.stderr
        figures = json.loads(shown.stdout)
        assert figures["weeks"][-1]["sessions"] == 1 and figures["course"]["sessions"] == 1
        assert "can't be written" in shown.stderr and "all there" in shown.stderr
    assert snapshot(data) == stored


def no_file_may_grow() -> None:
    """In the session's process: every write past a file's end fails, as on a disk with no room left."""
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))


@contextlib.contextmanager
def tiny_disk(folder: Path) -> Iterator[Callable[[], None]]:
    """A 4 MiB tmpfs at `folder`; the context gives a function that fills it to the last byte."""
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(folder)], check=True)
    filler = folder / "filler"

    def fill() -> None:
        fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
        try:
            for size in (65536, 1):  # big blocks, then byte by byte to the very end
                with contextlib.suppress(OSError):
                    while True:
                        os.write(fd, b"\0" * size)
        finally:
            os.close(fd)

    try:
        yield fill
    finally:
        subprocess.run(["umount", str(folder)], check=True)


FULL = ["file-size-limit", *(["tmpfs"] if ROOT_USER else [])]


@pytest.mark.parametrize("how", FULL)
@pytest.mark.parametrize("window_open", [False, True], ids=["alone", "history open elsewhere"])
def test_a_full_disk(data, tmp_path, how, window_open):
    """Alone, the history can't even be opened for writing; with another process holding it open (the
    window, say), it opens, and the first write of the session fails instead: told once either way."""
    with contextlib.ExitStack() as stack:
        preexec = None
        if how == "tmpfs":
            fill = stack.enter_context(tiny_disk(data))
        stored = seed(data, tmp_path)
        if window_open:
            stack.enter_context(History.open(data / "selfmassage" / "history.sqlite3"))
        if how == "tmpfs":
            fill()
            assert os.statvfs(data).f_bavail == 0
        else:
            preexec = no_file_may_grow
        done = selfmassage("run", NAME, "--speed", "1000", "--mute", "--keep-rehearsal", preexec=preexec)
        assert_runs_and_says_once_it_wont_be_saved(done)
        if window_open:
            assert "This session can't be saved to your history" in done.stderr
        if how == "tmpfs":
            (data / "filler").unlink()
        assert {path: stored[path] for path in stored} == {path: snapshot(data)[path] for path in stored}
        assert_history_whole(data)
