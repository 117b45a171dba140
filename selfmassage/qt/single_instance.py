"""One window at a time: a second start brings the running window to the front instead of opening a copy.

The first start holds the lock file in the runtime dir (store.instance.InstanceLock: an flock, which the
kernel drops when a process dies, so a killed window's lock is simply taken over) and listens on a local
socket beside it. A later start finds the lock held, sends "raise" on that socket, and exits.
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSocketNotifier, Signal

from selfmassage.store.instance import InstanceLock

if TYPE_CHECKING:
    import socket

log = logging.getLogger(__name__)

RAISE = b"raise\n"
# How long a second start keeps trying to reach a first one that holds the lock but is still starting.
REACH_SECONDS = 3.0


class SingleInstance(QObject):
    """The socket is a plain Unix socket watched by the event loop: QtNetwork's QLocalServer did the same
    and cost ~3 MiB of the running window's memory for one word a second start may send."""

    raise_requested = Signal()

    def __init__(self, runtime_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lock = InstanceLock(runtime_dir / "window.lock")
        self.socket_path = runtime_dir / "window.socket"
        self._server: socket.socket | None = None
        self._watchers: dict[socket.socket, QSocketNotifier] = {}  # the server's, and each caller's

    def claim(self, *, listen: bool = True) -> bool:
        """True: this process is the window now. False: one is running, and it was asked to come forward.

        With `listen=False` a second start is answered only once `listen()` is called; until then it keeps
        trying for REACH_SECONDS, as it does while any first window is still starting.
        """
        if not self.lock.acquire():
            self._ask_the_running_one()
            return False
        if listen:
            self.listen()
        return True

    def listen(self) -> None:
        """Answer a second start from now on (the lock must be ours)."""
        import socket  # after the first frame (app.py): its enums cost start-up

        if self._server is not None:
            return
        # The lock is ours, so any socket file left here is a killed window's: clear it, then listen.
        server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            with contextlib.suppress(FileNotFoundError):
                self.socket_path.unlink()
            server.bind(str(self.socket_path))
            server.listen(4)
            server.setblocking(False)
        except OSError as error:
            server.close()
            # The window still works; only a second start can't reach it (it will say so and exit).
            log.warning("can't listen for a second start at %s: %s", self.socket_path, error)
            return
        self._server = server
        self._watch(server, self._take_connections)
        log.info("the window holds %s; a second start brings it to the front", self.lock.path)

    def release(self) -> None:
        """A clean quit: stop listening and take the socket file away, then let go of the lock. In that
        order: once the lock is free, a new window may already have made a socket file of its own."""
        for connection in list(self._watchers):
            self._forget(connection)
        if self._server is not None:
            with contextlib.suppress(OSError):  # gone already, or the runtime folder with it
                self.socket_path.unlink()
            self._server = None
        self.lock.release()

    def _watch(self, connection: socket.socket, ready: Callable[..., None]) -> None:
        watcher = QSocketNotifier(connection.fileno(), QSocketNotifier.Type.Read, self)
        watcher.activated.connect(ready)
        self._watchers[connection] = watcher

    def _forget(self, connection: socket.socket) -> None:
        watcher = self._watchers.pop(connection, None)
        if watcher is not None:
            watcher.setEnabled(False)
            watcher.deleteLater()
        connection.close()

    def _take_connections(self) -> None:
        assert self._server is not None
        while True:
            try:
                connection, _address = self._server.accept()
            except OSError:  # BlockingIOError: no one else is waiting
                return
            connection.setblocking(False)  # a caller that connects and says nothing never holds the window
            self._watch(connection, lambda *_signal, connection=connection: self._read(connection))

    def _read(self, connection: socket.socket) -> None:
        try:
            said = connection.recv(len(RAISE))
        except BlockingIOError:
            return
        except OSError:
            said = b""
        self._forget(connection)  # one word a connection, or nothing
        if said.startswith(RAISE.strip()):
            log.info("a second start asked this window to come to the front")
            self.raise_requested.emit()

    def _ask_the_running_one(self) -> bool:
        import socket  # see listen

        deadline = time.monotonic() + REACH_SECONDS
        while True:
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as caller:
                caller.settimeout(1.0)
                try:
                    caller.connect(str(self.socket_path))
                    caller.sendall(RAISE)
                    return True
                except OSError:
                    pass
            if time.monotonic() >= deadline:
                log.warning("the running window did not answer at %s", self.socket_path)
                return False
            time.sleep(0.1)  # it holds the lock but is not listening yet: it is still starting
