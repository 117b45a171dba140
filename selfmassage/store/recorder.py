"""Writes a running session into the history as it happens: the row at start, each step as it finishes.

Each finished step is committed while the engine delivers StepFinished, before it announces the next
step, so whatever the person has seen or heard start, the step before it is already on disk.

The wall clock is read once, when the session starts; every later time written (a step's end, the
session's end) is that start plus the time passed on a clock that runs through a sleep but never jumps
when the time of day is set (core.clock.SleepClock). So a wall clock set back an hour mid-session never
makes a session end before it began (which a CSV backup could not be read back from).

A history that can't be written (disk full, no rights) never stops the session: the recorder notes one
plain line in `problem`, tells `on_problem` once, and stops writing.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import datetime, timedelta

from selfmassage.core.checkin import CheckIn
from selfmassage.core.clock import Clock, SleepClock
from selfmassage.core.engine import SessionEngine
from selfmassage.core.events import Event, SessionFinished, StepFinished, StepStarted
from selfmassage.i18n import _, os_reason
from selfmassage.store.history import History, HistoryError, is_damaged
from selfmassage.store.history_time import local_now  # also read from here by the window's hooks


class SessionRecorder:
    def __init__(
        self,
        history: History,
        engine: SessionEngine,
        wall_clock: Callable[[], datetime] = local_now,
        on_problem: Callable[[str], None] | None = None,
        elapsed: Clock | None = None,
    ) -> None:
        self.history = history
        self.engine = engine
        self._wall_clock = wall_clock
        self._elapsed = elapsed if elapsed is not None else SleepClock()
        self._origin: tuple[datetime, float] | None = None  # (wall clock, elapsed clock) at the start
        self._on_problem = on_problem
        self.session_id: int | None = None
        self.problem: str | None = None
        self.damaged = False  # the problem is the history file's damage (history_schema.is_damaged)
        self.steps_written = 0
        engine.subscribe(self)

    def __call__(self, event: Event) -> None:
        if self.problem is not None:
            return
        try:
            if isinstance(event, StepStarted) and self.session_id is None:
                self._origin = (self._wall_clock(), self._elapsed.now())
                self.session_id = self.history.start_session(self.engine.routine, self._origin[0])
            elif isinstance(event, StepFinished) and self.session_id is not None:
                step = event.step
                self.history.record_step(
                    self.session_id, index=event.index, stage=step.stage, technique=step.technique,
                    area=step.area, planned_seconds=event.planned_seconds,
                    actual_seconds=event.actual_seconds, skipped=event.skipped,
                    active_seconds=event.at, at=self._now())
                self.steps_written += 1
            elif isinstance(event, SessionFinished) and self.session_id is not None:
                self.history.finish_session(self.session_id, event.status.value, self._now(),
                                            event.active_seconds)
        except (sqlite3.Error, OSError, HistoryError) as exc:
            self._fail(exc)

    def _now(self) -> datetime:
        """The session's start on the wall clock plus the time passed since, never a jump of the clock."""
        if self._origin is None:
            return self._wall_clock()
        started, at = self._origin
        return started + timedelta(seconds=max(0.0, self._elapsed.now() - at))

    def save_checkin(self, checkin: CheckIn) -> bool:
        """Keep the after-session check-in with this session; False when there is nothing to keep it on."""
        if self.session_id is None or self.problem is not None:
            return False
        try:
            self.history.save_checkin(self.session_id, checkin)
        except (sqlite3.Error, OSError) as exc:
            self._fail(exc)
            return False
        return True

    def _fail(self, exc: BaseException) -> None:
        self.damaged = is_damaged(exc)
        reason = os_reason(exc) if isinstance(exc, OSError) else str(exc)
        self.problem = _("This session can't be saved to your history ({reason}). It goes on anyway.").format(
            reason=reason)
        if self._on_problem is not None:
            self._on_problem(self.problem)
