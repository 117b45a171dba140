"""Runs a SessionEngine on Qt's event loop: one single-shot timer armed for the engine's next deadline.

No polling tick: the window sleeps until the next thing is due (a second of the countdown, a tempo beat, the
end of a step), polls the engine, and arms the timer again. Every engine event is passed on as a Qt signal.

The window wires a session through selfmassage.session_wiring: the history's recorder, the sound, and last
this driver's forwarder (`listen()`), so each event is on disk and cued before the window shows it.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from selfmassage.core.clock import Clock
from selfmassage.core.engine import EngineState, SessionEngine
from selfmassage.core.events import Event, SessionFinished
from selfmassage.core.routine import Routine
from selfmassage.core.session_result import SessionResult


def _local_now() -> datetime:
    return datetime.now().astimezone()


class SessionDriver(QObject):
    event = Signal(object)  # every engine event, in order (selfmassage.core.events)
    finished = Signal(object)  # SessionResult, once, when the engine finishes

    def __init__(
        self,
        routine: Routine,
        clock: Clock,
        *,
        tempo_beats: bool = True,
        sleep_clock: Clock | None = None,
        now: Callable[[], datetime] = _local_now,
        parent: QObject | None = None,
    ) -> None:
        """`sleep_clock`: a clock that runs on while the computer sleeps (SleepClock), so the engine pauses;
        `now`: the date and time a session starts and ends, for the result."""
        super().__init__(parent)
        self.clock = clock
        self.engine = SessionEngine(routine, clock, tempo_beats=tempo_beats, sleep_clock=sleep_clock)
        self._now = now
        self.started_at: datetime | None = None
        self.result: SessionResult | None = None
        self._listening = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        # Cues must land within 20 ms of their moment; a coarse timer may be 5 % late.
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(self.wake)

    @property
    def routine(self) -> Routine:
        return self.engine.routine

    @property
    def running(self) -> bool:
        return self.engine.state in (EngineState.RUNNING, EngineState.PAUSED)

    @property
    def paused(self) -> bool:
        return self.engine.state is EngineState.PAUSED

    # -- commands: each one lets the engine act, then arms the timer for whatever is next ----------

    def listen(self) -> Callable[[Event], None]:
        """Subscribe the forwarder that turns engine events into `event` signals, once; after every other
        listener (start() does it, if nothing did before)."""
        if not self._listening:
            self._listening = True
            self.engine.subscribe(self._forward)
        return self._forward

    def start(self) -> None:
        self.listen()
        self.started_at = self._now()
        self.engine.start()
        self._arm()

    def toggle_pause(self) -> None:
        self.engine.toggle_pause()
        self._arm()

    def skip(self) -> None:
        self.engine.skip()
        self._arm()

    def back(self) -> None:
        self.engine.back()
        self._arm()

    def stop(self) -> None:
        self.engine.stop()
        self._arm()

    def wake(self) -> None:
        """Deliver what is due by now and arm the timer again. Also right after the clock jumps."""
        self.engine.poll()
        self._arm()

    def seconds_to_next(self) -> float | None:
        """Real seconds until the timer fires, or None when nothing is due (paused, ended)."""
        deadline = self.engine.next_deadline()
        if deadline is None:
            return None
        delay = max(0.0, deadline - self.clock.now())
        real_seconds = getattr(self.clock, "real_seconds", None)  # a ScaledClock runs faster
        return float(real_seconds(delay)) if real_seconds is not None else delay

    # -- inner workings ----------------------------------------------------------------------------

    def _arm(self) -> None:
        delay = self.seconds_to_next()
        if delay is None:
            self.timer.stop()
            return
        # Round up (a timer a hair early would only poll for nothing and aim again), but not float dust.
        self.timer.start(math.ceil(delay * 1000 - 1e-6))

    def _forward(self, event: Event) -> None:
        if isinstance(event, SessionFinished):
            self.timer.stop()
            self.result = SessionResult(
                routine=self.engine.routine,
                status=event.status,
                active_seconds=event.active_seconds,
                records=tuple(self.engine.records),
                started_at=self.started_at or self._now(),
                ended_at=self._now(),
            )
        self.event.emit(event)
        if isinstance(event, SessionFinished):
            self.finished.emit(self.result)
