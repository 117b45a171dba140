"""Run every benchmark, print a table against the targets and the JSON, and write the JSON to a file.

    .venv/bin/python -m benchmarks            # the full run: about 6 minutes
    .venv/bin/python -m benchmarks --quick    # tiny sizes, one or two runs each: keeps the benchmark working

Exit status: 0 when every figure was measured (whether or not it met its target), 2 when one could not be.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks import figures
from benchmarks.environment import ROOT, bench_environment, machine

FIGURES = ("startup", "session", "timing", "history")


@dataclass(frozen=True)
class Sizes:
    startup_runs: int
    startup_warmup: int
    session_seconds: float
    timing_steps: int
    history_sessions: int
    history_runs: int


FULL = Sizes(startup_runs=12, startup_warmup=1, session_seconds=60.0, timing_steps=120,
             history_sessions=100_000, history_runs=5)
QUICK = Sizes(startup_runs=2, startup_warmup=0, session_seconds=3.0, timing_steps=4,
              history_sessions=300, history_runs=1)


@dataclass(frozen=True)
class Row:
    figure: str
    measured: str
    target: str
    met: bool | None  # None: not measured


def _ok(value: float | None, limit: float) -> bool | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return value <= limit


def rows_for(results: dict[str, Any]) -> list[Row]:
    rows: list[Row] = []
    startup = results.get("startup")
    if isinstance(startup, dict) and "ratio" in startup:
        app, bare = startup["app"]["shown_ms"]["median"], startup["bare"]["shown_ms"]["median"]
        rows.append(Row("start-up (median)", f"{app:.0f} ms vs bare {bare:.0f} ms = {startup['ratio']:.2f}×",
                        "≤ 1.30× bare", _ok(startup["ratio"], 1.3)))
    session = results.get("session")
    if isinstance(session, dict) and "app" in session:
        rows.append(Row(f"memory (peak RSS, {session['seconds']:.0f}-s session)",
                        f"{session['app']['peak_rss_mib']:.0f} MiB vs bare "
                        f"{session['bare']['peak_rss_mib']:.0f} MiB = +{session['extra_mib']:.0f} MiB",
                        "≤ bare + 40 MiB",
                        _ok(session["extra_mib"], 40)))
        rows.append(Row("CPU while a session runs", f"{session['app']['cpu_s_per_min']:.2f} s/min "
                        f"(bare idle {session['bare']['cpu_s_per_min']:.2f})", "≤ 0.6 s/min",
                        _ok(session["app"]["cpu_s_per_min"], 0.6)))
        rubbing = session["rubbing"]["cpu_s_per_min"]
        rows.append(Row("  … a minute of rubbing, 10-s steps", f"{rubbing:.2f} s/min", "≤ 0.6 s/min",
                        _ok(rubbing, 0.6)))
    timing = results.get("timing")
    if isinstance(timing, dict) and "boundaries" in timing:
        late = timing["boundaries"]
        end = timing.get("end_late_ms")
        rows.append(Row(f"timing: step boundaries ({late['n']})",
                        f"p99 {late['p99']:.1f} ms, max {late['max']:.1f} ms", "p99 ≤ 10 ms, max ≤ 30 ms",
                        None if late["n"] == 0 else late["p99"] <= 10 and late["max"] <= 30))
        handled = timing["boundaries_handled"]
        rows.append(Row("  … and handled by the window's listeners",
                        f"p99 {handled['p99']:.1f} ms, max {handled['max']:.1f} ms", "(no target)", None))
        rows.append(Row("timing: end vs planned end", "—" if end is None else f"{end:+.1f} ms",
                        "within 10 ms", None if end is None else abs(end) <= 10))
        cues = timing["cues"]["started_ms"]
        rows.append(Row(f"cue latency: boundary → playing ({cues['n']})",
                        f"p99 {cues['p99']:.1f} ms, max {cues['max']:.1f} ms", "p99 ≤ 20 ms",
                        _ok(cues["p99"], 20) if cues["n"] else None))
    history = results.get("history")
    if isinstance(history, dict) and "stats_ms" in history:
        count = f"{history['sessions']:,} sessions"
        rows.append(Row(f"history: `stats --weeks 52`, {count}",
                        f"{history['stats_ms']:.0f} ms "
                        f"(in-process {history['stats_in_process_ms']['total_ms']:.0f} ms)",
                        "≤ 150 ms", _ok(history["stats_ms"], 150)))
        rows.append(Row(f"history: open the review, {count}", f"{history['review_ms']:.0f} ms", "≤ 300 ms",
                        _ok(history["review_ms"], 300)))
        cold = history["review_cold_ms"]["median"]
        rows.append(Row("  … the first time, importing its modules", f"{cold:.0f} ms", "≤ 300 ms",
                        _ok(cold, 300)))
    for name, value in results.items():
        if isinstance(value, dict) and "error" in value:
            rows.append(Row(name, "could not be measured: " + value["error"].splitlines()[0][:120], "", None))
    return rows


def table(rows: list[Row]) -> str:
    mark = {True: "met", False: "MISSED", None: "—"}
    cells = [("figure", "measured", "target", "")]
    cells += [(row.figure, row.measured, row.target, mark[row.met]) for row in rows]
    widths = [max(len(cell[i]) for cell in cells) for i in range(4)]
    lines = [" | ".join(cell[i].ljust(widths[i]) for i in range(4)).rstrip() for cell in cells]
    lines.insert(1, "-+-".join("-" * width for width in widths))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="tiny sizes and few repetitions (for the tests)")
    parser.add_argument("--only", action="append", choices=FIGURES, help="run only this figure (repeatable)")
    parser.add_argument("--display", choices=("auto", "xvfb", "offscreen"), default="auto",
                        help="auto: our own Xvfb when installed, else Qt's offscreen platform")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "last-run.json",
                        help="where to write the JSON (default benchmarks/last-run.json)")
    parser.add_argument("--python", default=sys.executable, help="the interpreter to run the app with")
    args = parser.parse_args(argv)
    sizes = QUICK if args.quick else FULL
    wanted = args.only or list(FIGURES)

    began = time.monotonic()
    results: dict[str, Any] = {}
    with bench_environment(args.display, args.python) as bench:
        steps: dict[str, Callable[[], dict[str, Any]]] = {
            "startup": lambda: figures.startup(bench, sizes.startup_runs, sizes.startup_warmup),
            "session": lambda: figures.memory_and_cpu(bench, sizes.session_seconds,
                                                      "builtin:Classic back session"),
            "timing": lambda: figures.timing_and_cues(bench, sizes.timing_steps),
            "history": lambda: figures.history(bench, sizes.history_sessions, sizes.history_runs),
        }
        for name in FIGURES:
            if name not in wanted:
                continue
            print(f"benchmarks: {name} …", file=sys.stderr, flush=True)
            try:
                results[name] = steps[name]()
            except Exception as error:
                results[name] = {"error": f"{type(error).__name__}: {error}",
                                 "traceback": traceback.format_exc()}
        display = bench.display
    rows = rows_for(results)
    report = {
        "quick": args.quick,
        "display": display,
        "machine": machine(args.python),
        "seconds": round(time.monotonic() - began, 1),
        "sizes": sizes.__dict__,
        "table": [row.__dict__ for row in rows],
        "figures": results,
    }
    text = json.dumps(report, indent=2, ensure_ascii=False)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text + "\n", encoding="utf-8")
    print(text)
    print()
    print(f"selfmassage benchmarks ({'quick' if args.quick else 'full'}, {display}, "
          f"{report['machine']['cpu']}, {report['machine']['nproc']} CPUs) — JSON in {args.out}")
    print(table(rows))
    broken = [name for name, value in results.items() if "error" in value]
    for name in broken:
        print(f"\n{name} could not be measured:\n{results[name]['traceback']}", file=sys.stderr)
    return 2 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
