"""Who is running which session: an advisory lock on a small file next to the database per running session.

Another process that opens the history marks `running` sessions `interrupted` only when nobody holds their
lock, so `selfmassage stats` in a terminal never cuts off a session the window is running.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

try:  # advisory locks: Linux and macOS; elsewhere every other running session counts as abandoned
    import fcntl
except ImportError:  # pragma: no cover - not on the platforms we test
    fcntl = None  # type: ignore[assignment]


class SessionLocks:
    """The lock files of one history's running sessions, and the ones this process holds."""

    def __init__(self, history_path: Path) -> None:
        self._history_path = history_path
        self._held: dict[int, int] = {}  # session id → fd of its held lock file

    def path(self, session_id: int) -> Path:
        return self._history_path.with_name(f"{self._history_path.name}.session-{session_id}.lock")

    def hold(self, session_id: int) -> None:
        fd = os.open(self.path(session_id), os.O_RDWR | os.O_CREAT, 0o600)
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        self._held[session_id] = fd

    def release(self, session_id: int) -> None:
        fd = self._held.pop(session_id, None)
        if fd is None:
            return
        with contextlib.suppress(OSError):
            self.path(session_id).unlink()
        os.close(fd)

    def release_all(self) -> None:
        for session_id in list(self._held):
            self.release(session_id)

    def owner_alive(self, session_id: int) -> bool:
        if session_id in self._held:
            return True
        if fcntl is None:
            return False
        try:
            fd = os.open(self.path(session_id), os.O_RDWR)
        except OSError:
            return False  # no lock file: its process never got that far, or cleaned up
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        finally:
            os.close(fd)  # closing drops our lock too
        return False

    def listed(self) -> list[int]:
        """The sessions that have a lock file now, held or left behind."""
        prefix = f"{self._history_path.name}.session-"
        numbers = [path.name[len(prefix):-len(".lock")]
                   for path in self._history_path.parent.glob(f"{prefix}*.lock")]
        return sorted(int(number) for number in numbers if number.isdigit())

    def forget(self, session_id: int) -> None:
        """The lock file of a session found abandoned."""
        with contextlib.suppress(OSError):
            self.path(session_id).unlink()
