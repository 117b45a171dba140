"""One window at a time: a second start brings the running window to the front instead of opening a copy.

The first start holds the lock file in the runtime dir (store.instance.InstanceLock: an flock, which the
kernel drops when a process dies, so a killed window's lock is simply taken over) and listens on a local
socket beside it. A later start finds the lock held, sends "raise" on that socket, and exits.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from selfmassage.store.instance import InstanceLock

# QtNetwork is imported when it is used: the window listens only after its first frame (app.py), and the
# import costs several ms of start-up.
if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

RAISE = b"raise\n"
# How long a second start keeps trying to reach a first one that holds the lock but is still starting.
REACH_SECONDS = 3.0


class SingleInstance(QObject):
    raise_requested = Signal()

    def __init__(self, runtime_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lock = InstanceLock(runtime_dir / "window.lock")
        self.socket_path = runtime_dir / "window.socket"
        self._server: QLocalServer | None = None

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
        from PySide6.QtNetwork import QLocalServer

        if self._server is not None:
            return
        # The lock is ours, so any socket file left here is a killed window's: clear it, then listen.
        QLocalServer.removeServer(str(self.socket_path))
        server = QLocalServer(self)
        if not server.listen(str(self.socket_path)):
            # The window still works; only a second start can't reach it (it will say so and exit).
            log.warning("can't listen for a second start at %s: %s", self.socket_path, server.errorString())
        server.newConnection.connect(self._take_connections)
        self._server = server
        log.info("the window holds %s; a second start brings it to the front", self.lock.path)

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        self.lock.release()

    def _take_connections(self) -> None:
        assert self._server is not None
        while (connection := self._server.nextPendingConnection()) is not None:
            connection.readyRead.connect(lambda connection=connection: self._read(connection))
            connection.disconnected.connect(connection.deleteLater)
            if connection.bytesAvailable():
                self._read(connection)

    def _read(self, connection: QLocalSocket) -> None:
        if bytes(connection.readAll().data()).startswith(RAISE.strip()):
            log.info("a second start asked this window to come to the front")
            self.raise_requested.emit()

    def _ask_the_running_one(self) -> bool:
        from PySide6.QtNetwork import QLocalSocket

        deadline = time.monotonic() + REACH_SECONDS
        while True:
            socket = QLocalSocket()
            socket.connectToServer(str(self.socket_path))
            if socket.waitForConnected(500):
                socket.write(RAISE)
                sent = socket.waitForBytesWritten(1000)
                socket.disconnectFromServer()
                return sent
            if time.monotonic() >= deadline:
                log.warning("the running window did not answer at %s", self.socket_path)
                return False
            time.sleep(0.1)  # it holds the lock but is not listening yet: it is still starting
