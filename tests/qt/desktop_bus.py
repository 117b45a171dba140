"""A private desktop for the notification tests: its own X display (Xvfb), its own D-Bus session bus (a
dbus-daemon that starts no services by itself) and, when asked, Debian's dunst as the notification service.

Every process is started here and killed at the end; nothing waits by sleeping: readiness is read from
the processes' own output (the display number, the bus address) or asked of the bus, with timeouts.
"""

from __future__ import annotations

import itertools
import os
import select
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtDBus import QDBusConnection

BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir={folder}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""
# dunst opens its context menu through this "dmenu": it picks the action whose label starts with `Start`.
PICKER = """#!/bin/sh
grep -m1 '^#Start'
"""
TIMEOUT = 15.0


def _read_line(process: subprocess.Popen[bytes], stream: int, what: str) -> str:
    """One line a process writes when it is ready (its display number, its address)."""
    ready, _, _ = select.select([stream], [], [], TIMEOUT)
    if not ready:
        raise RuntimeError(f"{what} did not start within {TIMEOUT:.0f} s")
    line = b""
    while not line.endswith(b"\n"):
        chunk = os.read(stream, 1)
        if not chunk:
            break
        line += chunk
    if not line.strip():
        raise RuntimeError(f"{what} ended at start (exit code {process.poll()})")
    return line.decode().strip()


@dataclass
class Desktop:
    folder: Path
    display: str = ""
    address: str = ""
    processes: list[subprocess.Popen[bytes]] = field(default_factory=list)
    dunst_log: Path | None = None
    cleanup: list[Path] = field(default_factory=list)

    @property
    def env(self) -> dict[str, str]:
        env = dict(os.environ, DISPLAY=self.display, DBUS_SESSION_BUS_ADDRESS=self.address)
        env.pop("WAYLAND_DISPLAY", None)
        return env

    def start_dunst(self) -> Path:
        """dunst, printing each notification it gets to the returned file."""
        config = self.folder / "dunstrc"
        picker = self.folder / "pick-start"
        picker.write_text(PICKER)
        picker.chmod(0o755)
        config.write_text(f"[global]\n    dmenu = {picker}\n")
        self.dunst_log = self.folder / "dunst.out"
        log = self.dunst_log.open("wb")
        self.processes.append(subprocess.Popen(
            ["dunst", "-config", str(config), "-print"], env=self.env, stdout=log,
            stderr=subprocess.DEVNULL, start_new_session=True))
        log.close()
        return self.dunst_log

    def dunstctl(self, *args: str) -> str:
        return subprocess.run(["dunstctl", *args], env=self.env, capture_output=True, text=True,
                              timeout=TIMEOUT, check=True).stdout

    def printed(self) -> str:
        return self.dunst_log.read_text(errors="replace") if self.dunst_log is not None else ""

    def stop(self) -> None:
        for process in reversed(self.processes):
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        self.processes.clear()
        for path in self.cleanup:
            shutil.rmtree(path, ignore_errors=True)


@contextmanager
def private_desktop(folder: Path) -> Iterator[Desktop]:
    """Xvfb and a private session bus; the caller may add dunst. All stopped on the way out."""
    desktop = Desktop(folder)
    try:
        read, write = os.pipe()
        xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "800x600x24",
                                 "-nolisten", "tcp"], pass_fds=(write,), stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, start_new_session=True)
        desktop.processes.append(xvfb)
        os.close(write)
        desktop.display = ":" + _read_line(xvfb, read, "Xvfb")
        os.close(read)
        folder.mkdir(parents=True, exist_ok=True)
        # A socket's path must stay short (108 bytes): not under pytest's long folder names.
        bus_folder = Path(tempfile.mkdtemp(prefix="smbus-"))
        desktop.cleanup.append(bus_folder)
        config = folder / "bus.conf"
        config.write_text(BUS_CONFIG.format(folder=bus_folder))
        bus = subprocess.Popen(["dbus-daemon", f"--config-file={config}", "--nofork", "--nopidfile",
                                "--print-address=1"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                               start_new_session=True)
        desktop.processes.append(bus)
        assert bus.stdout is not None
        desktop.address = _read_line(bus, bus.stdout.fileno(), "dbus-daemon")
        yield desktop
    finally:
        desktop.stop()


_connections = itertools.count()


@contextmanager
def connected_bus(desktop: Desktop) -> Iterator[QDBusConnection]:
    """A connection of the test's own to the private desktop's session bus, closed at the end."""
    name = f"test-bus-{next(_connections)}"
    connection = QDBusConnection.connectToBus(desktop.address, name)
    assert connection.isConnected()
    try:
        yield connection
    finally:
        QDBusConnection.disconnectFromBus(name)
