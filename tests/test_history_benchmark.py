"""The history-at-scale benchmark still runs (on a tiny history here; the figures live in the benchmark)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_history_benchmark_runs_on_a_tiny_history(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "history_scale.py"), "--count", "60", "--runs", "1",
         "--cache", str(tmp_path), "--json"],
        capture_output=True, text=True, timeout=300, check=False, env=env, cwd=ROOT)
    assert result.returncode == 0, result.stderr[-600:]
    figures = json.loads(result.stdout)
    assert figures["sessions"] == 60
    for name in ("stats_weeks_52_ms", "review_open_ms", "all_time_minutes_ms", "step_write_median_ms"):
        assert figures[name] > 0
