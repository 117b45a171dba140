"""The child side of the session benchmarks: runs a session in the real window and notes when things happen.

What is noted, all with time.monotonic():
- every engine event as the first listener hears it (the timer woke, the engine polled) and as the last one
  does (the session view and the sound have had it), and the engine's own `lateness()` at the first, which
  for the first event gives the start of the ideal schedule (start + active seconds);
- every cue the window's player is asked to play, with the ideal time of the event it belongs to;
- when the player's worker thread calls simpleaudio's `play_buffer` and when it returns (by then ALSA has
  opened and set up the device and simpleaudio's playback thread has the samples);
- when the ALSA file plugin creates each output file (an inotify watch on the folder; each device open
  makes a new file), as seen by a thread of this process.

Nothing in the app is changed: the hooks wrap the player's `play` on the instance and the `play_buffer`
attribute of the simpleaudio module, which the player looks up on every cue.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import os
import struct
import sys
import threading
import time
import traceback
import wave
from collections import deque
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

Function = TypeVar("Function", bound=Callable[..., Any])


def fatal(function: Function) -> Function:
    """A slip in the probe ends the process at once: Qt would print it and carry on, and the parent wait."""

    @functools.wraps(function)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        try:
            return function(*args, **kwargs)
        except BaseException:
            traceback.print_exc()
            sys.stderr.flush()
            os._exit(3)

    return guarded  # type: ignore[return-value]


# Let the window finish what it loads after showing (routines, the sound player) before the session starts.
SETTLE_SECONDS = 0.3
# After the session ends, give the worker time to start the last cue before reporting.
AFTER_END_SECONDS = 0.5


def bench_routine(spec: str, window: Any) -> Any:
    """`builtin:NAME` from the window's library, or `steps:COUNTxSECONDS[:TECHNIQUE]` made here."""
    kind, _, value = spec.partition(":")
    if kind == "builtin":
        entry = window.library.find(value)
        if entry is None or entry.routine is None:
            raise SystemExit(f"no usable routine {value!r}")
        return entry.routine
    if kind == "steps":
        from selfmassage.core.routine import Routine, Step
        from selfmassage.core.techniques import Stage, Technique

        value, _, only = value.partition(":")  # steps:6x10:rubbing, one technique throughout
        count, _, seconds = value.partition("x")
        techniques = ((Technique(only),) if only
                      else (Technique.STROKING, Technique.RUBBING, Technique.KNEADING))
        areas = ("upper back", "lower back")
        stages = list(Stage)
        total = int(count)
        steps = tuple(
            Step(stage=stages[min(len(stages) - 1, i * len(stages) // total)],
                 technique=techniques[(i // 2) % len(techniques)], area=areas[i % 2], seconds=int(seconds))
            for i in range(total)
        )
        return Routine(name=f"Benchmark: {total} steps of {seconds} s", steps=steps)
    raise SystemExit(f"bad routine spec {spec!r}")


class FileCreations:
    """Notes when files appear in a folder (inotify IN_CREATE), on a thread of its own."""

    IN_CREATE = 0x00000100

    def __init__(self, folder: Path) -> None:
        self.created: list[tuple[str, float]] = []
        libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
        self._fd = libc.inotify_init1(0)
        if self._fd < 0 or libc.inotify_add_watch(self._fd, str(folder).encode(), self.IN_CREATE) < 0:
            raise OSError(ctypes.get_errno(), "inotify")
        threading.Thread(target=self._read, name="bench-inotify", daemon=True).start()

    def _read(self) -> None:
        while True:
            data = os.read(self._fd, 65536)
            seen = time.monotonic()
            offset = 0
            while offset < len(data):
                _wd, _mask, _cookie, length = struct.unpack_from("iIII", data, offset)
                name = data[offset + 16 : offset + 16 + length].rstrip(b"\0").decode()
                self.created.append((name, seen))
                offset += 16 + length


class SessionProbe:
    def __init__(self, target: str, routine: str, seconds: float, emit: Callable[..., None]) -> None:
        self.target = target
        self.routine_spec = routine
        self.seconds = seconds
        self.emit = emit
        self.window: Any = None
        self.engine: Any = None
        self.events: list[dict[str, Any]] = []
        self.queued: deque[dict[str, Any]] = deque()  # cues asked for, not yet matched to a device open
        self.cues: list[dict[str, Any]] = []
        self.notes: list[str] = []
        self.session_at: float | None = None
        self.anchor: float | None = None
        self.reported = False
        alsa_dir = os.environ.get("SELFMASSAGE_BENCH_ALSA_DIR")
        self.files = FileCreations(Path(alsa_dir)) if alsa_dir else None

    # -- the window is up ----------------------------------------------------------------------------

    @fatal
    def shown(self, watcher: Any) -> None:
        self.window = watcher.window
        self.emit(event="shown", target=self.target, at=time.monotonic(), painted=watcher.painted_at,
                  platform=QApplication.platformName())
        if self.target == "bare":
            QTimer.singleShot(0, self._idle)
        else:
            QTimer.singleShot(round(SETTLE_SECONDS * 1000), self._start_session)

    @fatal
    def _idle(self) -> None:
        self.session_at = time.monotonic()
        self.emit(event="session", at=self.session_at)
        QTimer.singleShot(round(self.seconds * 1000), self._report)

    @fatal
    def _start_session(self) -> None:
        window = self.window
        routine = bench_routine(self.routine_spec, window)
        self._hook_sound(window)
        window.session_started.connect(self._session_started)
        self.session_at = time.monotonic()
        QTimer.singleShot(0, self._none_today)  # a returning user: N on today's question
        if not window.start_session(routine):
            raise SystemExit("the window did not start the session")
        self.emit(event="session", at=self.session_at, routine=routine.name, steps=len(routine.steps),
                  planned_seconds=routine.total_seconds)
        QTimer.singleShot(round(self.seconds * 1000), self._report)

    @fatal
    def _none_today(self) -> None:
        """Answer "none of these" on the today-question that comes before every session."""
        dialog = QApplication.activeModalWidget()
        if dialog is not None and hasattr(dialog, "states") and hasattr(dialog, "no_button"):
            dialog.no_button.click()
        elif self.engine is None:
            QTimer.singleShot(5, self._none_today)

    @fatal
    def _session_started(self, driver: Any) -> None:
        self.engine = driver.engine
        # First and last listener: when the engine begins delivering an event (the timer woke and polled),
        # and when every listener of the window (view, sound) is done with it. The engine has no public
        # way to listen first, so this goes into its listener list.
        self.engine._listeners.insert(0, self._heard_first)
        # Last: the window subscribes its sound after this signal and the driver forwards to the view when
        # it starts the engine, so subscribe at the engine's start, after all of them.
        engine = self.engine
        start = engine.start

        def subscribe_last_then_start() -> None:
            engine.subscribe(self._heard_last)
            start()

        engine.start = subscribe_last_then_start

    # -- what the listeners hear -------------------------------------------------------------------------

    @fatal
    def _heard_first(self, event: Any) -> None:
        now = time.monotonic()
        # The engine's own view: now minus the event's place in the ideal schedule. For the first event
        # that is now minus the session's start, which gives the parent the anchor of the schedule.
        lateness = self.engine.lateness()
        if self.anchor is None:
            self.anchor = now - lateness  # the session's start: the first event is due at active time 0
        index = getattr(event, "index", None)
        self.events.append({"type": type(event).__name__, "at": event.at, "index": index, "first": now,
                            "engine_lateness": lateness})

    @fatal
    def _heard_last(self, event: Any) -> None:
        self.events[-1]["last"] = time.monotonic()
        if type(event).__name__ == "SessionFinished":
            QTimer.singleShot(round(AFTER_END_SECONDS * 1000), self._report)

    # -- sound -------------------------------------------------------------------------------------------

    def _hook_sound(self, window: Any) -> None:
        player = getattr(window, "player", None)
        if player is None:
            self.notes.append("the window has no cue player")
            return
        from selfmassage.resources import asset_path
        from selfmassage.sound.cues import Cue

        sizes: dict[int, str] = {}
        for cue in Cue:
            with wave.open(str(asset_path("sounds", cue.filename)), "rb") as wav:
                sizes[wav.getnframes() * wav.getnchannels() * wav.getsampwidth()] = cue.value
        original_play = player.play
        original_speak = getattr(player, "speak", None)

        @fatal
        def note_queued(kind: str, name: str) -> None:
            now = time.monotonic()
            # Asked for while the engine delivers an event: the event's place in the ideal schedule.
            ideal = self.anchor + self.engine.active_time() if self.engine is not None else None
            self.queued.append({"kind": kind, "cue": name, "queued": now, "ideal": ideal})

        def play(cue: Any) -> None:
            note_queued("cue", str(getattr(cue, "value", cue)))
            original_play(cue)

        def speak(prompt: Any) -> None:
            note_queued("prompt", " ".join(getattr(prompt, "clips", ())))
            original_speak(prompt)  # type: ignore[misc]

        player.play = play
        if original_speak is not None:
            player.speak = speak
        try:
            import simpleaudio
        except ImportError:
            self.notes.append("simpleaudio is not installed")
            return
        original_play_buffer = simpleaudio.play_buffer

        def play_buffer(data: bytes, *args: Any, **kwargs: Any) -> Any:
            entered = time.monotonic()
            result = original_play_buffer(data, *args, **kwargs)
            note_played(len(data), entered, time.monotonic())
            return result

        @fatal
        def note_played(size: int, entered: float, returned: float) -> None:
            # A cue is known by its length in bytes; anything else is a spoken prompt.
            cue = sizes.get(size)
            kind = "cue" if cue is not None else "prompt"
            if cue is None and self.queued and self.queued[0]["cue"] == "tempo":
                kind, cue = "cue", "tempo"  # a steady tempo's next beats as one sound (the click train)

            def matches(item: dict[str, Any]) -> bool:
                return item["kind"] == kind and (kind == "prompt" or item["cue"] == cue)

            # What the worker dropped (stale, muted, a tempo click after words) never reached the device.
            while self.queued and not matches(self.queued[0]):
                self.cues.append({**self.queued.popleft(), "dropped": True})
            item = self.queued.popleft() if self.queued else {"kind": kind, "cue": cue, "queued": None,
                                                              "ideal": None}
            self.cues.append({**item, "entered": entered, "returned": returned, "dropped": False})

        simpleaudio.play_buffer = play_buffer

    # -- the report ---------------------------------------------------------------------------------------

    @fatal
    def _report(self) -> None:
        if self.reported:
            return
        self.reported = True
        if self.engine is not None and getattr(self.window, "player", None) is not None:
            wait_idle = getattr(self.window.player, "wait_idle", None)
            if wait_idle is not None:
                wait_idle(1.0)
        self.emit(event="report", at=time.monotonic(), session_at=self.session_at, events=self.events,
                  cues=self.cues + [{**item, "dropped": None} for item in self.queued],
                  files=self.files.created if self.files else [], notes=self.notes)
        # The parent reads /proc/PID now; it closes our stdin when done.
        sys.stdin.readline()
        os._exit(0)
