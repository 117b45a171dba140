"""The child side of the history benchmark: time the weekly figures, or opening the review page, in-process.

    history_probe.py stats --weeks 52   # open the history and compute the stats, as `selfmassage stats` does
    history_probe.py review             # import, build and show the review page, to its first finished paint

Prints one JSON line with the times in milliseconds.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def stats(weeks: int) -> dict[str, float]:
    began = time.perf_counter()
    from selfmassage.cli.common import load_settings, now, plan_of
    from selfmassage.core.stats import compute_stats
    from selfmassage.store.history import History
    from selfmassage.store.paths import history_path

    imported = time.perf_counter()
    plan = plan_of(load_settings())
    with History.open(history_path()) as history:
        opened = time.perf_counter()
        compute_stats(history, plan, now(), weeks)
        computed = time.perf_counter()
        sessions = history.count_sessions()
    return {"import_ms": (imported - began) * 1000, "open_ms": (opened - imported) * 1000,
            "compute_ms": (computed - opened) * 1000, "total_ms": (computed - began) * 1000,
            "sessions": sessions}


def review() -> dict[str, float]:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    times: dict[str, float] = {}

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and "painted" not in times:
                times["painted"] = time.perf_counter()
                QTimer.singleShot(0, done)  # after the whole paint pass is flushed
            return False

    def done() -> None:
        times["shown"] = time.perf_counter()
        app.quit()

    began = time.perf_counter()
    from selfmassage.qt.review import create_review_page

    imported = time.perf_counter()
    page = create_review_page()
    built = time.perf_counter()
    watcher = FirstPaint()
    page.installEventFilter(watcher)
    page.resize(1120, 720)
    page.show()
    app.exec()
    page.close()
    return {"import_ms": (imported - began) * 1000, "build_ms": (built - imported) * 1000,
            "paint_ms": (times["shown"] - built) * 1000, "total_ms": (times["shown"] - began) * 1000,
            "page": type(page).__name__}


def main() -> int:
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument("what", choices=("stats", "review"))
    parser.add_argument("--weeks", type=int, default=52)
    args = parser.parse_args()
    result = stats(args.weeks) if args.what == "stats" else review()
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
