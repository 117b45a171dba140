"""A command loads only what it needs: `selfmassage stats` reads the history and the plan, and never imports
the `run` command, its engine and sound, or the routines' rules (the parser declares every command's
arguments without importing the commands). Measured: that import was half of `stats` on 100,000 sessions."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

from tests.history_support import open_history, session_at

ROOT = Path(__file__).resolve().parents[2]
# Modules of other commands that `stats` must not pay for.
NOT_FOR_STATS = ("selfmassage.cli.run", "selfmassage.runner", "selfmassage.session_wiring",
                 "selfmassage.sound", "selfmassage.core.engine", "selfmassage.core.events",
                 "selfmassage.cli.routines", "selfmassage.store.library", "selfmassage.core.rules",
                 "selfmassage.cli.history", "selfmassage.store.history_csv")

PROBE = """
import json, sys
from selfmassage.cli import main
code = main(sys.argv[1:])
print(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""


def _command(*args: str) -> tuple[dict[str, object], str]:
    result = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, timeout=60,
                            env=dict(os.environ), cwd=ROOT, check=False)
    assert result.returncode == 0, result.stderr
    *shown, last = result.stdout.splitlines()
    return json.loads(last), "\n".join(shown)


def _loaded(modules: object, names: tuple[str, ...]) -> list[str]:
    assert isinstance(modules, list)
    packages = tuple(f"{name}." for name in names)
    return [module for module in modules if module in names or module.startswith(packages)]


def test_stats_imports_neither_the_run_command_nor_sound(tmp_path):
    with open_history(Path(os.environ["XDG_DATA_HOME"]) / "selfmassage") as history:
        history.add_sessions([session_at(datetime.now().astimezone() - timedelta(days=1))])
    seen, shown = _command("stats", "--weeks", "2")
    assert seen["code"] == 0
    this_week = [line for line in shown.splitlines() if line.rstrip().endswith("this week")]
    assert len(this_week) == 1  # the table is there, with this week's row
    assert _loaded(seen["modules"], NOT_FOR_STATS) == []

