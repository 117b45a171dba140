"""One window at a time: a lock file in the runtime dir.

The lock is an `flock` on the file, which the kernel drops when the process dies, so a lock left by a killed
process is simply taken over; the PID written inside is only for people reading it.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from pathlib import Path


class InstanceLock:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    def acquire(self) -> bool:
        """True when this process now holds the lock; False when another live process does."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            return False
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        self._fd = fd
        return True

    def holder_pid(self) -> int | None:
        with contextlib.suppress(OSError, ValueError):
            return int(self.path.read_text().strip())
        return None

    def release(self) -> None:
        """Let go, leaving the file in place: removing it would let a start that had opened it just before
        lock the old, removed file while another start locks a new one — two windows."""
        if self._fd is None:
            return
        with contextlib.suppress(OSError):
            os.ftruncate(self._fd, 0)  # no PID inside: nobody holds it
        os.close(self._fd)
        self._fd = None
