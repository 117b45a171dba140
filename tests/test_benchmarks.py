"""The benchmark, run once on tiny sizes so it keeps working. Its timings are figures, never asserted here."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_quick_benchmark_measures_every_figure(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    done = subprocess.run([sys.executable, "-m", "benchmarks", "--quick", "--out", str(out)], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads(out.read_text())
    assert json.loads(done.stdout[: done.stdout.rindex("\n}") + 2]) == report  # the JSON it printed
    figures = report["figures"]
    assert set(figures) == {"startup", "session", "timing", "history"}
    assert not [name for name, figure in figures.items() if "error" in figure]
    # Every figure the issue asks for made a row of the table, with a number in it.
    names = " ".join(row["figure"] for row in report["table"])
    for figure in ("start-up", "memory", "CPU", "minute of rubbing", "timing: step boundaries",
                   "end vs planned end", "cue latency", "stats --weeks 52", "open the review"):
        assert figure in names
    assert all(row["met"] is not None or row["target"] == "(no target)" for row in report["table"])
    assert figures["startup"]["app"]["shown_ms"]["n"] == 2
    assert figures["timing"]["cues"]["played"] > 0
    assert report["machine"]["python"] == sys.version.split()[0]
    assert f"JSON in {out}" in done.stdout
