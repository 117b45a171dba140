"""Where the benchmarks run: a display (our own Xvfb, or offscreen), a scratch home, sound to files."""

from __future__ import annotations

import contextlib
import json
import os
import platform
import select
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCREEN = "1280x800x24"
XVFB_WAIT_SECONDS = 15.0


@dataclass
class Bench:
    """What every child process gets: one display, a scratch home, ALSA writing to files."""

    python: str
    display: str  # "xvfb" or "offscreen"
    home: Path
    alsa_dir: Path
    env: dict[str, str] = field(default_factory=dict)

    def child_env(self, **extra: str) -> dict[str, str]:
        return {**self.env, **extra}


@contextlib.contextmanager
def xvfb() -> Iterator[str | None]:
    """Start an Xvfb of our own and yield its DISPLAY, or None when Xvfb is not installed or fails."""
    binary = shutil.which("Xvfb")
    if binary is None:
        yield None
        return
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        [binary, "-displayfd", str(write_end), "-screen", "0", SCREEN, "-nolisten", "tcp"],
        pass_fds=(write_end,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    number = b""
    with os.fdopen(read_end, "rb") as pipe:
        # Xvfb writes the display number once it accepts clients; one that never does is not waited for.
        if select.select([pipe], [], [], XVFB_WAIT_SECONDS)[0]:
            number = pipe.readline().strip()
    try:
        yield f":{number.decode()}" if number else None
    finally:
        server.terminate()
        try:
            server.wait(timeout=5)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


@contextlib.contextmanager
def bench_environment(display: str = "auto", python: str = sys.executable) -> Iterator[Bench]:
    """A scratch home with the safety questions already answered, sound to files, and a display."""
    with tempfile.TemporaryDirectory(prefix="selfmassage-bench-") as scratch, contextlib.ExitStack() as stack:
        home = Path(scratch)
        env = {key: value for key, value in os.environ.items()
               if key not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
        for variable, folder in (("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "config"),
                                 ("XDG_RUNTIME_DIR", "runtime"), ("XDG_CACHE_HOME", "cache")):
            path = home / folder
            path.mkdir(mode=0o700)
            env[variable] = str(path)
        env["HOME"] = str(home)
        # Each open of ALSA's default device writes a file of its own here (out.raw, out.raw.0001, ...).
        alsa_dir = home / "alsa"
        alsa_dir.mkdir()
        conf = home / "asound.conf"
        conf.write_text(f'pcm.!default {{ type file; slave.pcm "null"; file "{alsa_dir}/out.raw"; '
                        f'format "raw"; truncate false }}\n')
        env["ALSA_CONFIG_PATH"] = f"/usr/share/alsa/alsa.conf:{conf}"
        env["SELFMASSAGE_BENCH_ALSA_DIR"] = str(alsa_dir)
        # A real install has its bytecode compiled; a run that compiled every module would measure that.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        chosen = "offscreen"
        if display in ("auto", "xvfb"):
            number = stack.enter_context(xvfb())
            if number is not None:
                env["DISPLAY"] = number
                chosen = "xvfb"
            elif display == "xvfb":
                raise SystemExit("benchmarks: --display xvfb, but Xvfb is not installed or did not start")
        if chosen == "offscreen":
            env["QT_QPA_PLATFORM"] = "offscreen"
        bench = Bench(python=python, display=chosen, home=home, alsa_dir=alsa_dir, env=env)
        answer_safety_questions(bench)
        yield bench


def answer_safety_questions(bench: Bench) -> None:
    """A returning user: the safety questions were answered today, all "no", so no dialog comes first."""
    script = (
        "from datetime import datetime, UTC\n"
        "try:\n"
        "    from selfmassage.core.safety import QUESTION_IDS\n"
        "    from selfmassage.store.safety import SafetyStore\n"
        "except ImportError:\n"
        "    raise SystemExit(0)  # a tree without the safety check: nothing to answer\n"
        "SafetyStore.default().record({q: False for q in QUESTION_IDS}, datetime.now(UTC))\n"
    )
    subprocess.run([bench.python, "-c", script], env=bench.child_env(PYTHONPATH=str(ROOT)), check=True,
                   cwd=ROOT)


def apply_settings(bench: Bench, values: dict[str, object]) -> None:
    """The app's settings for the next run: `values` over the defaults (the file is made anew each time)."""
    script = (
        "import json, sys\n"
        "from selfmassage.store.paths import settings_path\n"
        "from selfmassage.store import settings as declared\n"
        "from selfmassage.store.settings import Settings\n"
        "path = settings_path()\n"
        "path.unlink(missing_ok=True)\n"
        "settings = Settings(path)\n"
        "if 'sound_intro_done' in declared.BY_NAME:  # a returning user: the sound test is behind them\n"
        "    settings.set('sound_intro_done', True)\n"
        "for key, value in json.loads(sys.argv[1]).items():\n"
        "    settings.set(key, value)\n"
    )
    subprocess.run([bench.python, "-c", script, json.dumps(values)],
                   env=bench.child_env(PYTHONPATH=str(ROOT)), check=True, cwd=ROOT)


def machine(python: str) -> dict[str, object]:
    """The machine and the versions the figures were measured with."""
    model = ""
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    memory = ""
    with contextlib.suppress(OSError):
        kib = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f"{kib / 1024 / 1024:.1f} GiB"
    versions = subprocess.run(
        [python, "-c", "import sys, PySide6; from PySide6 import QtCore; "
                       "print(sys.version.split()[0]); print(PySide6.__version__); print(QtCore.qVersion())"],
        capture_output=True, text=True, check=True,
    ).stdout.split()
    return {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "nproc": os.cpu_count(),
        "cpu": model or platform.processor(),
        "memory": memory,
        "kernel": platform.release(),
        "python": versions[0],
        "pyside6": versions[1],
        "qt": versions[2],
    }
