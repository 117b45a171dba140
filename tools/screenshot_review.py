"""Screenshot of the review page in the main window, with a few months of sample history, for the README.

    xvfb-run -a -s "-screen 0 1280x1024x24" .venv/bin/python tools/screenshot_review.py \
        docs/screenshots/review.png

The window is built as the app builds it (the routine editor and the history hooked in), in a temporary
home, so your own settings and history are never touched; the date is fixed, so the shot is the same every
time. Offscreen (QT_QPA_PLATFORM=offscreen) works too, for a quick look.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

# Run from a checkout without installing: the repo root goes first on the path.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def _settle(milliseconds: int = 400) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(milliseconds, loop.quit)
    loop.exec()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--size", default="1240x1000", help="WxH of the window (default 1240x1000)")
    parser.add_argument("--weeks", type=int, default=12, choices=(12, 26, 52))
    args = parser.parse_args(argv)
    width, height = (int(part) for part in args.size.split("x"))
    home = Path(tempfile.mkdtemp(prefix="selfmassage-review-"))
    for variable in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_RUNTIME_DIR", "XDG_CACHE_HOME"):
        os.environ[variable] = str(home / variable.lower())
        Path(os.environ[variable]).mkdir(parents=True, mode=0o700)

    from PySide6.QtWidgets import QApplication

    from selfmassage.core.checkin import CheckIn, Symptom
    from selfmassage.qt.editor_hook import add_routine_editor
    from selfmassage.qt.history_hook import add_history
    from selfmassage.qt.main_window import MainWindow
    from selfmassage.qt.parts import real_parts
    from selfmassage.resources import assets_dir
    from selfmassage.sound.silent import SilentPlayer
    from selfmassage.store.history import History
    from selfmassage.store.library import RoutineLibrary
    from selfmassage.store.paths import history_path, routines_dir, settings_path
    from selfmassage.store.settings import Settings
    from tools.sample_history import main as fill

    app = QApplication.instance() or QApplication(sys.argv[:1])  # noqa: F841 - kept for the window's life
    zone = ZoneInfo("Europe/Berlin")
    now = datetime(2026, 11, 19, 21, 30, tzinfo=zone)  # a Thursday evening
    path = history_path()
    fill(["--db", str(path), "--count", "17", "--until", "2026-11-18", "--seed", "10"])
    with History.open(path) as history:
        # Two recent check-ins that noted pain, so the page shows how a warning reads.
        for session in history.sessions(newest_first=True, limit=3)[:2]:
            history.save_checkin(session.id, CheckIn(2, frozenset({Symptom.PAIN}), ""))

    settings = Settings(settings_path())
    library = RoutineLibrary(routines_dir(), assets_dir() / "routines")
    window = MainWindow(settings, library, real_parts(settings))
    add_routine_editor(window)
    hook = add_history(window, now=lambda: now, tray_available=False)
    window.resize(width, height)
    window.show()
    window.set_player(SilentPlayer())
    window.refresh_routines()
    hook.load(path)
    window.statusBar().clearMessage()  # the passing "no tray" line of a virtual screen
    hook.open_review()
    review = hook.review
    assert review is not None
    review.set_weeks(args.weeks)
    review.wait_for_minutes()
    _settle()
    review.select_row(1)
    _settle()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(args.out))
    print(f"Saved {args.out}")
    hook.close()
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
