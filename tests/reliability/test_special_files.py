"""What a real file system holds, met by the command line: existing files, links, pipes, devices, sockets,
folders, missing folders and empty names.

Exports never clobber: an existing file only with --force (then replaced atomically, keeping its mode,
written through a link), and never a pipe, a device, a socket or a folder. Reads take only plain files and
at most their size cap: a pipe or /dev/zero is refused in one line instead of hanging or filling the
memory. Anything that could hang or eat memory runs in a child process with a timeout and a memory limit.
"""

from __future__ import annotations

import json
import os
import resource
import socket
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from selfmassage.store.paths import routines_dir

ROOT = Path(__file__).resolve().parents[2]
ROUTINE = "Classic back session"
EXPORTS = {"routine": ("routines", "export", ROUTINE), "history": ("history", "export")}


def child(*args: str, timeout: float = 30) -> subprocess.CompletedProcess[str]:
    """`selfmassage ARGS` as its own process: 1 GiB of memory at most, and a timeout, so a hang fails."""
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))

    done = subprocess.run([sys.executable, "-m", "selfmassage", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=timeout, preexec_fn=limit, env=os.environ.copy())
    assert "Traceback" not in done.stderr, done.stderr
    return done


def one_line(err: str) -> str:
    lines = err.splitlines()
    assert len(lines) == 1, err
    return lines[0]


@pytest.fixture
def unix_socket(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "listening.sock"
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
        server.bind(str(path))
        yield path


def special(kind: str, tmp_path: Path, unix_socket: Path) -> Path:
    """A file system entry that is not a plain file, made in the test's own folder."""
    path = tmp_path / f"a-{kind}"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "device":
        if os.geteuid() != 0:
            return Path("/dev/null")  # only root makes device nodes; nothing is ever written to it
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # a null device of our own
    elif kind == "socket":
        return unix_socket
    else:
        path.mkdir()
    return path


# -- exports ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("what", sorted(EXPORTS))
def test_an_existing_file_is_kept_unless_force_is_given(what, tmp_path, cli):
    target = tmp_path / "backup.txt"
    target.write_text("my own notes\n")
    before = target.stat()
    code, out, err = cli(*EXPORTS[what], str(target))
    assert code == 1 and out == ""
    assert one_line(err) == (f"selfmassage: {target}: can't be written: it already exists; add --force to "
                             "replace it. Nothing was changed.")
    assert target.read_text() == "my own notes\n" and target.stat().st_ino == before.st_ino


@pytest.mark.parametrize("what", sorted(EXPORTS))
def test_force_replaces_a_file_whole_and_keeps_its_mode(what, tmp_path, cli):
    target = tmp_path / "backup.txt"
    target.write_text("old")
    target.chmod(0o644)
    code, _, err = cli(*EXPORTS[what], str(target), "--force")
    assert code == 0 and err == ""
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    assert target.read_text() != "old" and not list(tmp_path.glob(".*.tmp"))


@pytest.mark.parametrize("what", sorted(EXPORTS))
def test_force_through_a_link_writes_its_target_and_the_link_stays(what, tmp_path, cli):
    real = tmp_path / "real.txt"
    real.write_text("old")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    assert cli(*EXPORTS[what], str(link), "--force")[0] == 0
    assert link.is_symlink() and link.resolve() == real
    assert real.read_text() != "old"


@pytest.mark.parametrize("kind", ["fifo", "device", "socket", "folder"])
@pytest.mark.parametrize("what", sorted(EXPORTS))
def test_a_pipe_device_socket_or_folder_is_never_written_even_with_force(what, kind, tmp_path, unix_socket,
                                                                         cli):
    path = special(kind, tmp_path, unix_socket)
    mode = path.stat().st_mode
    code, out, err = cli(*EXPORTS[what], str(path), "--force")
    assert code == 1 and out == ""
    word = {"fifo": "named pipe", "device": "device", "socket": "socket", "folder": "folder"}[kind]
    assert one_line(err) == (f"selfmassage: {path}: can't be written: it is a {word}, not a file. "
                             "Nothing was changed.")
    assert path.stat().st_mode == mode  # still the same kind of thing


@pytest.mark.parametrize("what", sorted(EXPORTS))
def test_a_missing_folder_is_named_and_not_made(what, tmp_path, cli):
    target = tmp_path / "typo" / "backup.txt"
    code, _, err = cli(*EXPORTS[what], str(target))
    assert code == 1
    assert f"the folder {tmp_path / 'typo'} does not exist" in one_line(err)
    assert not (tmp_path / "typo").exists()


@pytest.mark.parametrize("args", [("routines", "export", ROUTINE, ""), ("history", "export", ""),
                                  ("history", "import", ""), ("routines", "import", ""),
                                  ("routines", "validate", "")])
def test_an_empty_file_name_is_one_plain_line(args, cli):
    code, out, err = cli(*args)
    assert code == 2 and out == ""
    assert one_line(err) == "selfmassage: FILE is empty; give the name of a file."


# -- reads --------------------------------------------------------------------------------------------------


@pytest.fixture
def odd_sources(tmp_path: Path) -> list[tuple[str, Path]]:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    link = tmp_path / "zero.json"
    link.symlink_to("/dev/zero")
    folder = tmp_path / "folder.json"
    folder.mkdir()
    return [("a named pipe", fifo), ("a device", Path("/dev/zero")), ("a device", Path("/dev/urandom")),
            ("a device", link), ("a folder", folder)]


@pytest.mark.parametrize("command", [("routines", "validate"), ("routines", "import"), ("history", "import")])
def test_pipes_devices_and_folders_are_refused_at_once_in_one_line(command, odd_sources):
    for kind, path in odd_sources:
        done = child(*command, str(path))
        assert done.returncode in (1, 2) and done.stdout == ""
        line = one_line(done.stderr)
        said = f"it is {kind}, not a file"
        assert line.endswith((f"{path}: {said}", f"{path}: can't be read: {said}")), line


def test_an_unreadable_entry_in_the_routines_folder_is_listed_and_never_blocks_the_rest():
    folder = routines_dir()
    folder.mkdir(parents=True)
    os.mkfifo(folder / "pipe.json")
    (folder / "zero.json").symlink_to("/dev/zero")
    (folder / "mine.json").write_text(json.dumps({"format": 1, "name": "Mine", "steps": [
        {"stage": "final", "technique": "stroking", "area": "neck", "seconds": 2}]}))
    listed = child("routines", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    rows = {row["name"]: row for row in json.loads(listed.stdout)}
    assert rows["pipe"]["usable"] is False and rows["pipe"]["problem"] == "it is a named pipe, not a file"
    assert rows["zero"]["usable"] is False and rows["zero"]["problem"] == "it is a device, not a file"
    assert rows["Mine"]["usable"] is True and len(rows) == 9  # six built in, and the three here
    shown = child("routines", "list")
    assert "pipe" in shown.stdout and "can't be read: it is a named pipe, not a file" in shown.stdout
    ran = child("run", "Mine", "--speed", "1000", "--mute", "--no-history")
    assert ran.returncode == 0 and "Done:" in ran.stdout


def test_a_folder_named_like_a_routine_file_is_said_once_not_twice(cli):
    (routines_dir() / "odd.json").mkdir(parents=True)
    code, out, _ = cli("routines", "list")
    assert code == 0
    (line,) = [line for line in out.splitlines() if line.startswith("odd ")]
    assert line.endswith("can't be read: it is a folder, not a file")
