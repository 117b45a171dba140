"""`selfmassage run`: a guided session in the terminal, with the same engine and cues as the window."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable
from typing import TextIO

from selfmassage.core.clock import ScaledClock
from selfmassage.core.engine import EngineState, SessionEngine
from selfmassage.core.events import (
    Event,
    Paused,
    SecondLeft,
    SessionFinished,
    SessionStatus,
    SideStarted,
    SideSwitch,
    StageChanged,
    StepStarted,
)
from selfmassage.core.routine import Routine, format_duration
from selfmassage.core.techniques import instruction_for
from selfmassage.i18n import _, ngettext
from selfmassage.session_wiring import MakeRecorder, wire_session
from selfmassage.sound.interface import CuePlayer
from selfmassage.sound.session_audio import SessionAudio


class TerminalView:
    """Prints a line per step and, on a terminal, one countdown line rewritten in place."""

    def __init__(self, engine: SessionEngine, out: TextIO) -> None:
        self.engine = engine
        self.out = out
        self.live = out.isatty()

    def __call__(self, event: Event) -> None:
        engine = self.engine
        count = len(engine.routine.steps)
        if isinstance(event, StageChanged):
            self._line("== " + _("{stage} stage").format(stage=event.stage.label) + " ==")
        elif isinstance(event, StepStarted):
            step = event.step
            self._line(f"[{event.index + 1}/{count}] {step.describe()} — {format_duration(step.seconds)}")
            self._line(f"    {instruction_for(step.technique, step.note)}")
            if event.next_step is not None:
                self._line("    " + _("next: {step}").format(step=event.next_step.describe()))
            self._countdown(step.seconds)
        elif isinstance(event, SideStarted):
            self._line("    " + _("{side} side").format(side=event.side.label))
            self._countdown(engine.step.seconds)
        elif isinstance(event, SideSwitch):
            self._line("    " + _("Switch sides"))
            self._countdown(event.seconds)
        elif isinstance(event, SecondLeft):
            self._countdown(event.seconds_left)
        elif isinstance(event, Paused):
            self._line(_("Paused."))
        elif isinstance(event, SessionFinished):
            if event.status is SessionStatus.COMPLETED:
                line = ngettext("Done: {length} of massage, {done} of {n} step.",
                                "Done: {length} of massage, {done} of {n} steps.", count)
            else:
                line = ngettext("Stopped: {length} of massage, {done} of {n} step.",
                                "Stopped: {length} of massage, {done} of {n} steps.", count)
            self._line(line.format(length=format_duration(round(event.active_seconds)), done=event.steps_done,
                                   n=count))

    def _countdown(self, seconds_left: int) -> None:
        if self.live:
            left = format_duration(round(self.engine.total_remaining()))
            routine_left = _("(routine: {left} left)").format(left=left)
            self.out.write(f"\r    {format_duration(seconds_left)}   {routine_left}  ")
            self.out.flush()

    def _line(self, text: str) -> None:
        if self.live:
            self.out.write("\r\033[K")
        self.out.write(text + "\n")
        self.out.flush()


def run_in_terminal(
    routine: Routine,
    *,
    speed: float = 1.0,
    out: TextIO | None = None,
    listeners: tuple[Callable[[Event], None], ...] = (),
    player: CuePlayer | None = None,
    tempo_click: bool = True,
    voice: bool = False,
    short_routines: Iterable[str] = (),
    recorder: MakeRecorder | None = None,
) -> SessionEngine:
    """Runs to the end, or until Ctrl-C, which stops the session cleanly. Returns the finished engine.

    `recorder` makes the history's recorder for the engine; `wire_session` subscribes it first, then the
    sound, then the lines on screen (and any `listeners`), so the history hears every event first.
    """
    out = out if out is not None else sys.stdout  # read now: a default bound at import goes stale
    clock = ScaledClock(speed)
    engine = SessionEngine(routine, clock)

    def sound(engine: SessionEngine) -> SessionAudio | None:
        if player is None:
            return None
        return SessionAudio(engine, player, tempo_click=tempo_click, voice=voice,
                            short_routines=short_routines)

    def view(engine: SessionEngine) -> TerminalView:
        shown = TerminalView(engine, out)
        engine.subscribe(shown)
        for listener in listeners:
            engine.subscribe(listener)
        return shown

    wire_session(engine, recorder=recorder, sound=sound, view=view)
    try:
        engine.start()
        while engine.state is EngineState.RUNNING:
            deadline = engine.next_deadline()
            if deadline is not None:
                time.sleep(max(0.0, clock.real_seconds(deadline - clock.now())))
            engine.poll()
    except KeyboardInterrupt:
        engine.stop()
    return engine
