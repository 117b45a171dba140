"""Render the review page with a few months of sample history to a PNG (offscreen is fine).

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/screenshot_review.py docs/screenshots/review.png
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

# Run from a checkout without installing: the repo root goes first on the path.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--size", default="1180x860", help="WxH (default 1180x860)")
    parser.add_argument("--weeks", type=int, default=12, choices=(12, 26, 52))
    args = parser.parse_args(argv)
    width, height = (int(part) for part in args.size.split("x"))

    from PySide6.QtWidgets import QApplication

    from selfmassage.core.checkin import CheckIn, Symptom
    from selfmassage.qt.review import ReviewPage
    from selfmassage.store.history import History
    from tools.sample_history import main as fill

    app = QApplication.instance() or QApplication(sys.argv[:1])
    zone = ZoneInfo("Europe/Berlin")
    now = datetime(2026, 11, 19, 21, 30, tzinfo=zone)  # a Thursday evening
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "history.sqlite3"
        fill(["--db", str(path), "--count", "17", "--until", "2026-11-18", "--seed", "10"])
        page = None
        with History.open(path) as history:
            # Two recent check-ins that noted pain, so the page shows how a warning reads.
            recent = history.sessions(newest_first=True, limit=3)
            for session in recent[:2]:
                history.save_checkin(session.id, CheckIn(2, frozenset({Symptom.PAIN}), ""))
            page = ReviewPage(history, now=lambda: now)
            page.set_weeks(args.weeks)
            page.resize(width, height)
            page.show()
            page.wait_for_minutes()
            app.processEvents()
            page.select_row(1)
            app.processEvents()
            args.out.parent.mkdir(parents=True, exist_ok=True)
            page.grab().save(str(args.out))
            page.close()
    print(f"Saved {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
