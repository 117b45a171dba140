"""Runs selfmassage's window or the bare script in this process, and reports on stdout what it measured.

    probe.py app|bare startup                          # when the main window first showed, then quit
    probe.py app|bare session --seconds N [--routine R] # shown, then a session (app) or idling (bare)

The probe makes no window and no QApplication of its own: it wraps `QMainWindow.show` so that the first
window shown gets an event filter (on that window only, so the cost does not grow with the app's widget
count), and reports `time.monotonic()` — CLOCK_MONOTONIC, the same clock in every process on Linux —
when the window's first paint has been done and flushed (a zero-delay timer posted at the first Paint).
The app and the bare script pass through the very same hook; the parent notes the time just before it
spawns the process.

Each report is one JSON line. In session mode, after N seconds the probe prints its report and then waits
for stdin to close, so the parent can read /proc/PID at that moment (peak RSS, CPU) before the process
ends.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the tree under test, not a copy installed in the venv

from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QMainWindow  # noqa: E402

STARTED = time.monotonic()  # after the interpreter and PySide6 import: both targets pay the same


def emit(**fields: Any) -> None:
    sys.stdout.write(json.dumps(fields) + "\n")
    sys.stdout.flush()


class FirstShow(QObject):
    """Watches one window: its QWindow's first Expose, its first Paint, and the moment that paint is done."""

    def __init__(self, window: QMainWindow, on_shown: Any) -> None:
        super().__init__()
        self.window = window
        self.on_shown = on_shown
        self.exposed_at: float | None = None
        self.painted_at: float | None = None
        self.done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.done:
            return False
        kind = event.type()
        if kind == QEvent.Type.Expose and self.exposed_at is None:
            self.exposed_at = time.monotonic()
            # Watch the window's paints from now on: filters added last are asked first, so this one sees
            # the first Paint before any the app added when it showed the window, and its zero-delay timer
            # comes before theirs (work the app does after its first frame is not counted as start-up).
            self.window.installEventFilter(self)
        elif kind == QEvent.Type.Paint and watched is self.window and self.painted_at is None:
            self.painted_at = time.monotonic()
            # Fires once the whole paint pass (children too) is done and flushed to the screen.
            QTimer.singleShot(0, self._shown)
        return False

    def _shown(self) -> None:
        self.done = True
        try:
            self.on_shown(self)
        except BaseException:  # Qt would print it and go on; the parent would wait for nothing
            import traceback

            traceback.print_exc()
            sys.stderr.flush()
            os._exit(3)


def install_show_hook(on_shown: Any) -> None:
    original_show = QMainWindow.show
    watchers: list[FirstShow] = []

    def show(window: QMainWindow) -> None:
        original_show(window)
        if not watchers:
            watcher = FirstShow(window, on_shown)
            watchers.append(watcher)
            handle = window.windowHandle()
            if handle is not None:
                handle.installEventFilter(watcher)  # the paint follows the expose, inside its handling
            else:
                window.installEventFilter(watcher)

    QMainWindow.show = show  # type: ignore[method-assign]


def run_target(target: str) -> int:
    if target == "bare":
        from benchmarks.bare_window import main as bare_main

        return bare_main()
    from selfmassage.cli import main as app_main

    sys.argv = ["selfmassage"]
    return app_main([])


# -- start-up -------------------------------------------------------------------------------------------


def startup(target: str) -> int:
    def shown(watcher: FirstShow) -> None:
        emit(event="shown", target=target, at=time.monotonic(), exposed=watcher.exposed_at,
             painted=watcher.painted_at, probe_started=STARTED, platform=QApplication.platformName(),
             size=[watcher.window.width(), watcher.window.height()])
        QApplication.quit()

    install_show_hook(shown)
    return run_target(target)


# -- a session, or idling ---------------------------------------------------------------------------------


def main() -> int:
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument("target", choices=("app", "bare"))
    parser.add_argument("mode", choices=("startup", "session"))
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--routine", default="builtin:Classic back session")
    args = parser.parse_args()
    if args.mode == "startup":
        return startup(args.target)
    from benchmarks.session_probe import SessionProbe

    probe = SessionProbe(args.target, args.routine, args.seconds, emit)
    install_show_hook(probe.shown)
    code = run_target(args.target)
    os._exit(code)  # the report is out; skip interpreter teardown


if __name__ == "__main__":
    sys.exit(main())
