"""A private desktop with a screen reader's view of it, for the AT-SPI test.

`Desktop(folder)` starts, each in a process group of its own so that it can be killed whole: Xvfb on a free
display (-displayfd), a D-Bus session (dbus-launch), the AT-SPI bus (at-spi-bus-launcher), openbox (so focus
moves as on a desktop), the real app with Qt's accessibility on, and tests/atspi/reader.py, which listens on
the bus as Orca does. It runs under Debian's /usr/bin/python3, the only one pyatspi imports with.

Every wait has a deadline; on the way out everything started here is killed by its process group.
"""

from __future__ import annotations

import contextlib
import json
import os
import select
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SYSTEM_PYTHON = "/usr/bin/python3"
BUS_LAUNCHER = "/usr/libexec/at-spi-bus-launcher"

Node = dict[str, Any]


class DesktopError(RuntimeError):
    pass


class Desktop:
    def __init__(self, folder: Path, *, app_args: tuple[str, ...] = (), window_timeout: float = 40) -> None:
        self.folder = folder
        self.app_args = app_args
        self.window_timeout = window_timeout
        self.env = dict(os.environ)
        self._groups: list[subprocess.Popen[bytes]] = []
        self._bus_pid: int | None = None
        self.reader: subprocess.Popen[str] | None = None
        self.heard: list[Node] = []  # every announcement and focus change so far, in order

    # -- starting and stopping ---------------------------------------------------------------------

    def __enter__(self) -> Desktop:
        try:
            self._start()
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def _start(self) -> None:
        home = self.folder / "home"
        for name, path in (("HOME", home), ("XDG_CONFIG_HOME", home / ".config"),
                           ("XDG_DATA_HOME", home / ".local" / "share"), ("XDG_CACHE_HOME", home / ".cache"),
                           ("XDG_RUNTIME_DIR", self.folder / "runtime")):
            path.mkdir(parents=True, exist_ok=True, mode=0o700)
            self.env[name] = str(path)
        self.env.update(QT_QPA_PLATFORM="xcb", QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",
                        QT_ACCESSIBILITY="1", NO_AT_BRIDGE="0", LANG="C.UTF-8")
        self.env.pop("WAYLAND_DISPLAY", None)
        self._start_display()
        self._start_bus()
        self._spawn([BUS_LAUNCHER, "--launch-immediately"], "at-spi-bus-launcher")
        self._spawn(["openbox", "--sm-disable"], "openbox")
        self._start_reader()
        app = [sys.executable, "-m", "selfmassage", *self.app_args]
        self.app = self._spawn(app, "app", cwd=ROOT)
        self.wait_for(lambda: any(node["role"] == "frame" for node in self.tree()), "the app's window",
                      timeout=self.window_timeout)

    def _spawn(self, command: list[str], log: str, **kwargs: Any) -> subprocess.Popen[bytes]:
        with open(self.folder / f"{log}.log", "wb") as out:
            process = subprocess.Popen(command, env=self.env, stdin=subprocess.DEVNULL, stdout=out,
                                       stderr=subprocess.STDOUT, start_new_session=True, **kwargs)
        self._groups.append(process)
        return process

    def _start_display(self) -> None:
        """Xvfb on the first free display; again if it did not answer there."""
        for _attempt in range(3):
            server = self._try_display()
            if server is not None:
                return
        raise DesktopError(f"no Xvfb display came up:\n{self.log('xvfb')}")

    def _try_display(self) -> subprocess.Popen[bytes] | None:
        read, write = os.pipe()
        try:
            server = self._spawn(["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x800x24",
                                  "-nolisten", "tcp", "-noreset"], "xvfb", pass_fds=(write,))
            os.close(write)
            write = -1
            # Xvfb writes the number, then a newline in a second write: read up to the newline, or the second
            # write meets a closed pipe and the server dies.
            got = b""
            deadline = time.monotonic() + 20
            while not got.endswith(b"\n") and time.monotonic() < deadline:
                ready, _, _ = select.select([read], [], [], max(0.0, deadline - time.monotonic()))
                chunk = os.read(read, 64) if ready else b""
                if not chunk:
                    break
                got += chunk
            number = got.decode().strip()
        finally:
            os.close(read)
            if write != -1:
                os.close(write)
        self.env["DISPLAY"] = f":{number}"
        answered = number.isdigit() and subprocess.run(
            ["xdotool", "getdisplaygeometry"], env=self.env, capture_output=True, timeout=10).returncode == 0
        if answered and server.poll() is None:
            return server
        _kill_group(server)
        self._groups.remove(server)
        return None

    def _start_bus(self) -> None:
        done = subprocess.run(["dbus-launch", "--sh-syntax"], env=self.env, capture_output=True, text=True,
                              timeout=20, check=True, start_new_session=True)
        for line in done.stdout.splitlines():
            name, _, value = line.partition("=")
            value = value.rstrip(";").strip("'")
            if name == "DBUS_SESSION_BUS_ADDRESS":
                self.env[name] = value
            elif name == "DBUS_SESSION_BUS_PID":
                self._bus_pid = int(value)
        if "DBUS_SESSION_BUS_ADDRESS" not in self.env or self._bus_pid is None:
            raise DesktopError(f"dbus-launch gave no bus: {done.stdout!r} {done.stderr!r}")

    def _start_reader(self) -> None:
        self.reader = subprocess.Popen([SYSTEM_PYTHON, str(HERE / "reader.py")], env=self.env, text=True,
                                       stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                       stderr=open(self.folder / "reader.log", "w"),  # noqa: SIM115
                                       start_new_session=True)
        if not self._read_line(20).get("ready"):
            raise DesktopError("the AT-SPI reader did not start")

    def close(self) -> None:
        if self.reader is not None and self.reader.stdin is not None:
            with contextlib.suppress(OSError):
                self.reader.stdin.close()
            self._groups.append(self.reader)  # type: ignore[arg-type]
        for process in reversed(self._groups):
            _kill_group(process)
        if self._bus_pid is not None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self._bus_pid, signal.SIGKILL)
        self._groups.clear()

    def log(self, name: str) -> str:
        path = self.folder / f"{name}.log"
        return path.read_text(errors="replace") if path.exists() else ""

    # -- what the screen reader gets ---------------------------------------------------------------

    def _ask(self, command: str, timeout: float = 30) -> dict[str, Any]:
        assert self.reader is not None and self.reader.stdin is not None
        self.reader.stdin.write(json.dumps({"cmd": command}) + "\n")
        self.reader.stdin.flush()
        return self._read_line(timeout)

    def _read_line(self, timeout: float) -> dict[str, Any]:
        assert self.reader is not None and self.reader.stdout is not None
        ready, _, _ = select.select([self.reader.stdout], [], [], timeout)
        if not ready:
            raise DesktopError(f"the AT-SPI reader gave no answer in {timeout} s")
        line = self.reader.stdout.readline()
        if not line:
            raise DesktopError(f"the AT-SPI reader ended: {self.log('reader')}")
        return json.loads(line)

    def tree(self) -> list[Node]:
        """The app's objects as the bus shows them, depth first; inside hidden ones nothing."""
        return self._ask("tree")["tree"]

    def listen(self) -> list[Node]:
        """What arrived since the last call (also kept in `heard`)."""
        news = self._ask("heard")["heard"]
        self.heard.extend(news)
        return news

    def announcements(self) -> list[str]:
        self.listen()
        return [item["text"] for item in self.heard if item["kind"] == "announcement"]

    def focused(self) -> Node | None:
        """The object with the keyboard focus in the active window, as the tree shows it."""
        return focused(self.tree())

    def wait_for(self, condition: Callable[[], object], what: str, timeout: float = 15) -> Any:
        """Ask `condition` again every 0.1 s until it gives something true; that is returned."""
        deadline = time.monotonic() + timeout
        while True:
            got = condition()
            if got:
                return got
            if time.monotonic() > deadline:
                raise DesktopError(f"waited {timeout} s for {what}\napp log:\n{self.log('app')[-3000:]}")
            time.sleep(0.1)

    def active_window(self) -> Node | None:
        """The app's window or dialog that has the keyboard now."""
        return next((node for node in self.tree() if node["depth"] == 1 and "active" in node["states"]), None)

    def wait_for_window(self, name: str, timeout: float = 15) -> Node:
        def up() -> Node | None:
            node = self.active_window()
            return node if node is not None and node["name"] == name else None

        return self.wait_for(up, f"the window {name!r} (the active one is {self.active_window()})", timeout)

    def wait_for_focus(self, role: str, name: str, timeout: float = 15) -> Node:
        def on_it() -> Node | None:
            node = self.focused()
            return node if node and node["role"] == role and node["name"] == name else None

        return self.wait_for(on_it, f"the focus on {role} {name!r} (it is on {self.focused()})", timeout)

    def wait_to_hear(self, text: str, timeout: float = 15) -> str:
        """The first announcement (since the start) that contains `text`."""
        def said() -> str | None:
            return next((said for said in self.announcements() if text in said), None)

        return self.wait_for(said, f"an announcement with {text!r} (heard {self.announcements()})", timeout)

    # -- the keyboard ------------------------------------------------------------------------------

    def keys(self, *keys: str, delay_ms: int = 60) -> None:
        """Press keys as a person would (xdotool names: Tab, Return, space, Right, ctrl+h, y)."""
        subprocess.run(["xdotool", "key", "--delay", str(delay_ms), *keys], env=self.env, timeout=20,
                       check=True, capture_output=True)


def focused(tree: list[Node]) -> Node | None:
    """The focused object inside the active window (a window keeps its last focus when it goes behind)."""
    windows = [index for index, node in enumerate(tree) if node["depth"] == 1]
    active = next((i for i in windows if "active" in tree[i]["states"]), None)
    nodes = tree if active is None else _subtree(tree, active)
    return next((node for node in nodes if "focused" in node["states"]), None)


def parent_of(tree: list[Node], node: Node | None) -> Node:
    """The object that holds `node` (the nearest one before it, one level up)."""
    assert node is not None
    index = tree.index(node)
    return next(tree[i] for i in range(index - 1, -1, -1) if tree[i]["depth"] == node["depth"] - 1)


def _subtree(tree: list[Node], start: int) -> list[Node]:
    depth = tree[start]["depth"]
    end = next((i for i in range(start + 1, len(tree)) if tree[i]["depth"] <= depth), len(tree))
    return tree[start:end]


def find(tree: list[Node], role: str | None = None, name: str | None = None,
         showing: bool = True) -> list[Node]:
    return [node for node in tree
            if (role is None or node["role"] == role) and (name is None or node["name"] == name)
            and (not showing or "showing" in node["states"])]


def missing_tools() -> list[str]:
    """What bootstrap.sh installs for this test and is not here."""
    needed = ["Xvfb", "dbus-launch", "openbox", "xdotool", SYSTEM_PYTHON, BUS_LAUNCHER]
    return [tool for tool in needed if shutil.which(tool) is None and not Path(tool).exists()]


def _kill_group(process: subprocess.Popen[Any]) -> None:
    try:
        os.killpg(process.pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=5)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=5)
