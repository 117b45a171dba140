"""History at scale: `selfmassage stats --weeks 52` and opening the review with 100,000 stored sessions.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/history_scale.py [--count 100000] [--json]

Targets (issue 7): stats ≤ 150 ms, opening the review ≤ 300 ms. The sample database is made once by
tools/sample_history.py (10 years, several sessions a day: the most a weekly query can meet) and kept in
the cache folder. Prints a table, or JSON with --json.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGETS = {"stats_weeks_52_ms": 150.0, "review_open_ms": 300.0}

# Runs in a fresh process: one warm-up page (the window and its style already exist in the real app),
# then each timed open is History.open + ReviewPage + show + the first paint.
REVIEW_PROBE = """
import json, statistics, sys, time
from pathlib import Path
from PySide6.QtWidgets import QApplication
app = QApplication([])
from selfmassage.qt.review import ReviewPage
from selfmassage.store.history import History
path, runs = Path(sys.argv[1]), int(sys.argv[2])
times, minutes = [], []
for number in range(runs + 1):
    began = time.perf_counter()
    history = History.open(path)
    page = ReviewPage(history)
    page.set_weeks(52)
    page.resize(1180, 860)
    page.show()
    app.processEvents()
    opened = time.perf_counter()
    page.wait_for_minutes(60000)
    app.processEvents()
    if number:  # the first is the warm-up
        times.append((opened - began) * 1000)
        minutes.append((time.perf_counter() - began) * 1000)
    page.close()
    page.deleteLater()
    app.processEvents()
    history.close()
# The heaviest count, all time, runs on the worker; the GUI thread must keep turning meanwhile.
from PySide6.QtCore import QElapsedTimer, QTimer
history = History.open(path)
page = ReviewPage(history)
page.show()
page.wait_for_minutes(60000)
app.processEvents()
ticks, clock = [], QElapsedTimer()
timer = QTimer()
timer.setInterval(10)
timer.timeout.connect(lambda: ticks.append(clock.elapsed()))
clock.start()
timer.start()
began = time.perf_counter()
page.period_box.setCurrentIndex(page.period_box.count() - 1)
while page.minutes_pending or not page.technique_bars.values():
    app.processEvents()
    time.sleep(0.001)
all_time = (time.perf_counter() - began) * 1000
gaps = [later - earlier for earlier, later in zip(ticks, ticks[1:])]
print(json.dumps({"open": times, "with_minutes": minutes, "all_time": all_time,
                  "stall": max(gaps, default=0)}))
"""


def _env(data_home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["XDG_DATA_HOME"] = str(data_home)
    env["XDG_CONFIG_HOME"] = str(data_home / "config")
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # a real install has its bytecode compiled
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return env


def sample_database(count: int, cache: Path) -> Path:
    """data_home/selfmassage/history.sqlite3 holding `count` sessions, made once and reused."""
    data_home = cache / f"history-{count}"
    path = data_home / "selfmassage" / "history.sqlite3"
    done = data_home / "complete"
    if not done.exists():
        for stale in path.parent.glob("history.sqlite3*"):
            stale.unlink()
        years = "10" if count > 400 else "1"
        subprocess.run([sys.executable, str(ROOT / "tools" / "sample_history.py"), "--db", str(path),
                        "--count", str(count), "--years", years, "--seed", "3"],
                       check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
        done.write_text("ok\n")
    return path


def _median_ms(command: list[str], env: dict[str, str], runs: int) -> float:
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL, cwd=ROOT)  # warm the cache
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
        times.append((time.perf_counter() - began) * 1000)
    return statistics.median(times)


def _step_write_ms(path: Path, steps: int) -> tuple[float, float]:
    """The cost of one durable step write (a commit with an fsync), on a copy-free fresh session."""
    from datetime import datetime

    from selfmassage.core.routine import Routine, Step
    from selfmassage.core.techniques import Stage, Technique
    from selfmassage.store.history import History

    routine = Routine("Bench", (Step(Stage.PREPARATORY, Technique.STROKING, "lower back", 5),))
    times = []
    with History.open(path) as history:
        ident = history.start_session(routine, datetime.now().astimezone())
        for number in range(steps):
            began = time.perf_counter()
            history.record_step(ident, index=0, stage="preparatory", technique="stroking", area="lower back",
                                planned_seconds=5, actual_seconds=5.0, skipped=False,
                                active_seconds=5.0 * (number + 1), at=datetime.now().astimezone())
            times.append((time.perf_counter() - began) * 1000)
        history.delete_session(ident)
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, int(len(times) * 0.99))]


def run(count: int, runs: int, cache: Path) -> dict[str, object]:
    path = sample_database(count, cache)
    env = _env(path.parent.parent)
    python = sys.executable
    stats_ms = _median_ms([python, "-m", "selfmassage", "stats", "--weeks", "52"], env, runs)
    bare_ms = _median_ms([python, "-c", "pass"], env, runs)
    probe = subprocess.run([python, "-c", REVIEW_PROBE, str(path), str(max(3, runs // 2))], env=env,
                           check=True, capture_output=True, text=True, cwd=ROOT)
    review = json.loads(probe.stdout.strip().splitlines()[-1])
    write_median, write_p99 = _step_write_ms(path, 50)
    return {
        "sessions": count,
        "database_mib": round(path.stat().st_size / 2**20, 1),
        "stats_weeks_52_ms": round(stats_ms, 1),
        "python_bare_start_ms": round(bare_ms, 1),
        "review_open_ms": round(statistics.median(review["open"]), 1),
        "review_with_minutes_ms": round(statistics.median(review["with_minutes"]), 1),
        "all_time_minutes_ms": round(review["all_time"], 1),
        "gui_longest_stall_ms": review["stall"],
        "step_write_median_ms": round(write_median, 2),
        "step_write_p99_ms": round(write_p99, 2),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--cache", type=Path,
                        default=Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache"))
                        / "selfmassage-bench")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    args.cache.mkdir(parents=True, exist_ok=True)
    sys.path.insert(0, str(ROOT))
    with tempfile.TemporaryDirectory():
        result = run(args.count, args.runs, args.cache)
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    rows = [
        ("stats --weeks 52 (process, median)", f"{result['stats_weeks_52_ms']} ms", "≤ 150 ms"),
        ("  bare `python -c pass`, for scale", f"{result['python_bare_start_ms']} ms", ""),
        ("open the review, 52 weeks (median)", f"{result['review_open_ms']} ms", "≤ 300 ms"),
        ("  … until minutes per technique/area are in", f"{result['review_with_minutes_ms']} ms",
         "(worker thread)"),
        ("minutes for all time, on the worker", f"{result['all_time_minutes_ms']} ms", ""),
        ("  longest GUI stall meanwhile (10 ms timer)", f"{result['gui_longest_stall_ms']} ms", ""),
        ("one step written (commit + fsync), median", f"{result['step_write_median_ms']} ms", ""),
        ("one step written, p99", f"{result['step_write_p99_ms']} ms", ""),
    ]
    print(f"History at scale: {result['sessions']:,} sessions, {result['database_mib']} MiB")
    for name, value, target in rows:
        print(f"  {name:<46} {value:>10}  {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
