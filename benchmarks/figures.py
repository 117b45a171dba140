"""The figures: each runs child processes in a Bench environment and returns what it measured, in ms/MiB/s."""

from __future__ import annotations

import json
import os
import queue
import subprocess
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from benchmarks.environment import ROOT, Bench, apply_settings

PROBE = Path(__file__).resolve().parent / "probe.py"
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
PAGE_TIMEOUT = 60.0  # seconds a child may take to show its window before the figure is called broken


class ChildFailed(RuntimeError):
    pass


# -- small statistics ---------------------------------------------------------------------------------


def percentile(values: list[float], share: float) -> float:
    """Linear between the closest ranks (numpy's default); `share` from 0 to 100."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    place = (len(ordered) - 1) * share / 100
    low = int(place)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (place - low)


def summary(values: list[float]) -> dict[str, float]:
    return {"n": len(values), "median": percentile(values, 50), "p99": percentile(values, 99),
            "max": max(values) if values else float("nan"), "min": min(values) if values else float("nan")}


# -- one child process ---------------------------------------------------------------------------------


class Child:
    """A probe process whose output is read on threads, so a silent or stuck child ends in a timeout."""

    def __init__(self, bench: Bench, *args: str) -> None:
        self.process = subprocess.Popen([bench.python, str(PROBE), *args], env=bench.env, cwd=ROOT, text=True,
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.pid = self.process.pid
        self._lines: queue.Queue[str | None] = queue.Queue()
        self._errors: list[str] = []
        threading.Thread(target=self._pump, args=(self.process.stdout, self._lines.put), daemon=True).start()
        threading.Thread(target=self._pump, args=(self.process.stderr, self._errors.append),
                         daemon=True).start()

    @staticmethod
    def _pump(stream: IO[str] | None, put: Callable[[Any], None]) -> None:
        assert stream is not None
        for line in stream:
            put(line)
        put(None)

    def stderr(self) -> str:
        return "".join(line for line in self._errors if line)[-3000:]

    def read_event(self, want: str, timeout: float) -> dict[str, Any]:
        """The next JSON line whose event is `want`; the child's stderr in the error if it fails first."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                line = self._lines.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                raise ChildFailed(f"no '{want}' from the probe in {timeout:.0f} s: {self.stderr()}") from None
            if line is None:
                self.process.wait(5)
                raise ChildFailed(f"the probe ended (exit {self.process.returncode}) before '{want}': "
                                  f"{self.stderr()}")
            if line.startswith("{"):
                message = json.loads(line)
                if message.get("event") == want:
                    return message

    def end(self) -> int:
        """Close stdin (the probe waits on it), then wait; kill a child that does not go."""
        try:
            if self.process.stdin:
                self.process.stdin.close()
            return self.process.wait(timeout=10)
        except (subprocess.TimeoutExpired, BrokenPipeError):
            self.process.kill()
            return self.process.wait()


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS  # utime, stime (fields 14, 15)


def _status_kib(pid: int, key: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1])
    raise KeyError(key)


# -- start-up ------------------------------------------------------------------------------------------


def startup_once(bench: Bench, target: str) -> dict[str, float]:
    spawned = time.monotonic()
    child = Child(bench, target, "startup")
    try:
        shown = child.read_event("shown", PAGE_TIMEOUT)
    finally:
        code = child.end()
    if code != 0:
        raise ChildFailed(f"{target} exited {code}: {child.stderr()}")
    return {"shown_ms": (shown["at"] - spawned) * 1000,
            "exposed_ms": (shown["exposed"] - spawned) * 1000 if shown.get("exposed") else float("nan"),
            "interpreter_ms": (shown["probe_started"] - spawned) * 1000,
            "platform": shown["platform"], "size": shown["size"]}


def startup(bench: Bench, runs: int, warmup: int = 1) -> dict[str, Any]:
    """Bare and app alternately, `runs` each after `warmup` pairs that only fill the file cache."""
    for _ in range(warmup):
        startup_once(bench, "bare")
        startup_once(bench, "app")
    samples: dict[str, list[dict[str, float]]] = {"bare": [], "app": []}
    for _ in range(runs):
        for target in ("bare", "app"):
            samples[target].append(startup_once(bench, target))
    result: dict[str, Any] = {"runs": runs}
    for target, rows in samples.items():
        shown = [row["shown_ms"] for row in rows]
        result[target] = {"shown_ms": summary(shown), "samples_ms": [round(value, 1) for value in shown],
                          # Spawn to PySide6 imported (the probe's first line): the floor both share.
                          "pyside_imported_ms": percentile([row["interpreter_ms"] for row in rows], 50),
                          "platform": rows[0]["platform"], "window_size": rows[0]["size"]}
    result["ratio"] = result["app"]["shown_ms"]["median"] / result["bare"]["shown_ms"]["median"]
    # Less swayed by other work on the machine than the medians (the target is on the medians).
    result["ratio_of_fastest"] = result["app"]["shown_ms"]["min"] / result["bare"]["shown_ms"]["min"]
    return result


# -- a session in the window (or the bare script idling) -------------------------------------------------


@dataclass
class SessionRun:
    target: str
    seconds: float  # measured wall time between the child's "session" and "report"
    cpu_seconds: float
    peak_rss_mib: float
    rss_mib: float
    report: dict[str, Any]
    started: dict[str, Any]


def run_session(bench: Bench, target: str, seconds: float, routine: str,
                settings: dict[str, Any] | None = None) -> SessionRun:
    apply_settings(bench, settings or {})
    for old in bench.alsa_dir.iterdir():
        old.unlink()
    child = Child(bench, target, "session", "--seconds", str(seconds), "--routine", routine)
    try:
        child.read_event("shown", PAGE_TIMEOUT)
        started = child.read_event("session", PAGE_TIMEOUT)
        cpu_before, began = _cpu_seconds(child.pid), time.monotonic()
        report = child.read_event("report", seconds + PAGE_TIMEOUT)
        cpu_after, ended = _cpu_seconds(child.pid), time.monotonic()
        peak = _status_kib(child.pid, "VmHWM") / 1024
        rss = _status_kib(child.pid, "VmRSS") / 1024
    finally:
        child.end()
    return SessionRun(target, ended - began, cpu_after - cpu_before, peak, rss, report, started)


# The busiest minute a routine has: rubbing, 10 s an area (the guide's cap), the dot moving on every beat,
# a step and its cues and words every 10 s.
RUBBING_MINUTE = "steps:{count}x10:rubbing"


def memory_and_cpu(bench: Bench, seconds: float, routine: str) -> dict[str, Any]:
    """The routine's first `seconds` in the window, and as long of rubbing; the bare script idles as long."""
    bare = run_session(bench, "bare", seconds, routine)
    app = run_session(bench, "app", seconds, routine)
    rubbing = run_session(bench, "app", seconds, RUBBING_MINUTE.format(count=max(1, round(seconds / 10))))
    return {
        "seconds": seconds,
        "routine": app.started.get("routine"),
        "cues": cue_latency(app.report),
        "notes": app.report["notes"],
        "bare": {"peak_rss_mib": bare.peak_rss_mib, "rss_mib": bare.rss_mib,
                 "cpu_s_per_min": bare.cpu_seconds / bare.seconds * 60},
        "app": {"peak_rss_mib": app.peak_rss_mib, "rss_mib": app.rss_mib,
                "cpu_s_per_min": app.cpu_seconds / app.seconds * 60},
        "rubbing": {"routine": rubbing.started.get("routine"), "peak_rss_mib": rubbing.peak_rss_mib,
                    "cpu_s_per_min": rubbing.cpu_seconds / rubbing.seconds * 60},
        "extra_mib": max(app.peak_rss_mib, rubbing.peak_rss_mib) - bare.peak_rss_mib,
    }


# A step starts (or a stage with it), and the end of the session: what a person waits to hear.
BOUNDARY_CUES = ("stage", "step_start", "switch", "done")


def timing_and_cues(bench: Bench, steps: int) -> dict[str, Any]:
    """A real-clock routine of `steps` one-second steps in the window, with sound to ALSA files."""
    # No voice: a prompt ("Kneading." "Lower back.") lasts longer than a one-second step, so each step's
    # cue would wait for the words before it. The session figure runs a real routine with the voice on.
    run = run_session(bench, "app", steps + 30.0, f"steps:{steps}x1", settings={"voice": False})
    events = run.report["events"]
    # The ideal schedule: the session's start plus each event's active seconds (no pauses here).
    anchor = events[0]["first"] - events[0]["engine_lateness"]
    for event in events:
        event["late_ms"] = (event["first"] - anchor - event["at"]) * 1000
        event["done_ms"] = (event.get("last", event["first"]) - anchor - event["at"]) * 1000
    boundaries = [e for e in events if e["type"] == "StepStarted" and e["index"]]
    finished = [e for e in events if e["type"] == "SessionFinished"]
    planned_end = anchor + run.started["planned_seconds"]
    result: dict[str, Any] = {
        "steps": steps,
        # When the engine began delivering each step's start: timer precision and event-loop delay.
        "boundaries": summary([e["late_ms"] for e in boundaries]),
        # When every listener of the window (session view, sound) was done with it.
        "boundaries_handled": summary([e["done_ms"] for e in boundaries]),
        "all_events": summary([e["late_ms"] for e in events]),
        "end_late_ms": (finished[0]["first"] - planned_end) * 1000 if finished else None,
        "notes": run.report["notes"],
    }
    result["cues"] = cue_latency(run.report)
    return result


def cue_latency(report: dict[str, Any]) -> dict[str, Any]:
    """From each boundary's ideal time to its cue: queued, picked up by the worker, playing, file made."""
    asked = [c for c in report["cues"] if c.get("ideal") is not None]
    played = [c for c in report["cues"] if c.get("dropped") is False]  # cues and prompts, in device order
    boundary = [c for c in played if c["kind"] == "cue" and c["cue"] in BOUNDARY_CUES and c.get("ideal")]
    result: dict[str, Any] = {
        "asked": sum(1 for c in asked if c["kind"] == "cue"),
        "played": sum(1 for c in played if c["kind"] == "cue"),
        "dropped": sum(1 for c in asked if c.get("dropped") and c["kind"] == "cue"),
        "prompts_played": sum(1 for c in played if c["kind"] == "prompt"),
        "boundary_cues": len(boundary),
        # The engine delivered the event and the window's sound listener queued the cue.
        "queued_ms": summary([(c["queued"] - c["ideal"]) * 1000 for c in boundary]),
        # The worker thread picked it up and called play_buffer.
        "picked_up_ms": summary([(c["entered"] - c["ideal"]) * 1000 for c in boundary]),
        # play_buffer returned: device opened and set up, samples handed to simpleaudio's playback thread.
        "started_ms": summary([(c["returned"] - c["ideal"]) * 1000 for c in boundary]),
    }
    # Cross-check: the ALSA file plugin makes one output file per device open, in open order.
    files = sorted(report["files"], key=lambda item: item[1])
    if files and len(files) == len(played):
        pairs = zip(files, played, strict=True)
        made = [(stamp - c["ideal"]) * 1000 for (_, stamp), c in pairs if c in boundary]
        result["file_created_ms"] = summary(made)
    else:
        result["file_created_ms"] = None
        result["files_seen"] = len(files)
    return result


# -- history at scale ----------------------------------------------------------------------------------

HISTORY_PROBE = Path(__file__).resolve().parent / "history_probe.py"
HISTORY_SCALE = Path(__file__).resolve().parent / "history_scale.py"


def history(bench: Bench, sessions: int, runs: int) -> dict[str, Any]:
    """history_scale.py's figures (warm), plus the first open of the review in a fresh process (cold).

    history_scale.py (written with the history) makes the sample database with tools/sample_history.py and
    times `selfmassage stats --weeks 52` as a process and the review opened again in a running Qt app. The
    cold open here adds what a person's first click pays: importing the review's modules.
    """
    cache = bench.home / "history-cache"
    env = bench.child_env(PYTHONPATH=str(ROOT))
    began = time.monotonic()
    scale = _json_child(bench, env, str(HISTORY_SCALE), "--count", str(sessions), "--runs", str(runs),
                        "--cache", str(cache), "--json")
    took = time.monotonic() - began
    from benchmarks.history_scale import sample_database

    data_home = sample_database(sessions, cache).parent.parent  # made above: only its path is asked here
    env = {**env, "XDG_DATA_HOME": str(data_home)}
    in_process = [_json_child(bench, env, str(HISTORY_PROBE), "stats", "--weeks", "52") for _ in range(runs)]
    cold = [_json_child(bench, env, str(HISTORY_PROBE), "review") for _ in range(runs)]

    def median_of(rows: list[dict[str, Any]], key: str) -> float:
        return percentile([row[key] for row in rows], 50)

    return {
        "sessions": sessions,
        "seconds": took,
        "runs": runs,
        "scale": scale,
        "stats_ms": scale["stats_weeks_52_ms"],
        "stats_in_process_ms": {key: median_of(in_process, key)
                                for key in ("import_ms", "open_ms", "compute_ms", "total_ms")},
        "review_ms": scale["review_open_ms"],
        "review_cold_ms": summary([row["total_ms"] for row in cold]),
        "review_cold_parts_ms": {key: median_of(cold, key) for key in ("import_ms", "build_ms", "paint_ms")},
    }


def _json_child(bench: Bench, env: dict[str, str], *args: str) -> dict[str, Any]:
    done = subprocess.run([bench.python, *args], env=env, cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        raise ChildFailed(f"{' '.join(args)} exited {done.returncode}: {done.stderr[-2000:]}")
    return json.loads(done.stdout[done.stdout.index("{"):])
