"""Plays a running session's cues: subscribes to a SessionEngine and hands each cue to a CuePlayer."""

from __future__ import annotations

from selfmassage.core.engine import SessionEngine
from selfmassage.core.events import Event, SecondLeft, SessionFinished, TempoBeat
from selfmassage.core.step_timeline import FINAL_COUNTDOWN_SECONDS
from selfmassage.sound.cues import TICK_CLEARANCE, Cue, CueMap
from selfmassage.sound.interface import CuePlayer

# Events the engine delivers this late (a stalled event loop catching up) are history: a burst of old
# ticks and chimes would only confuse. Seconds of session time.
LATE_LIMIT = 1.0


class SessionSound:
    def __init__(
        self,
        engine: SessionEngine,
        player: CuePlayer,
        tempo_click: bool = True,
        *,
        late_limit: float = LATE_LIMIT,
    ) -> None:
        self._engine = engine
        self.player = player
        self._map = CueMap(tempo_click=tempo_click)
        self._late_limit = late_limit
        self._attached = True
        engine.subscribe(self._on_event)

    @property
    def tempo_click(self) -> bool:
        return self._map.tempo_click

    @tempo_click.setter
    def tempo_click(self, value: bool) -> None:
        self._map.tempo_click = bool(value)

    def detach(self) -> None:
        """Play nothing more for this engine (the engine has no unsubscribe)."""
        self._attached = False
        self.player.keep_time(None)

    def _on_event(self, event: Event) -> None:
        if not self._attached:
            return
        cues = self._map.cues_for(event)  # always, so the previous step stays right even when silent
        self._keep_time(event, cues)
        if not cues:
            return
        # The end of the session is always worth hearing, however late.
        late = self._engine.lateness()
        if late > self._late_limit and not isinstance(event, SessionFinished):
            return
        for cue in cues:
            self.player.play(cue)

    def _keep_time(self, event: Event, cues: list[Cue]) -> None:
        """The tempo holds from a beat that clicks until anything but the seconds going by: a pause, the
        step's end. The beats that surely follow are the part's, up to its final countdown (whose ticks
        the clicks keep clear of, beat by beat)."""
        if isinstance(event, SecondLeft):
            return
        if not (isinstance(event, TempoBeat) and Cue.TEMPO in cues):
            self.player.keep_time(None)
            return
        period = 60.0 / self._engine.routine.tempo
        seconds = self._engine.part_seconds
        quiet_from = seconds - min(FINAL_COUNTDOWN_SECONDS, seconds - 1) - TICK_CLEARANCE
        ahead = 0
        while (event.beat + ahead + 1) * period < quiet_from:
            ahead += 1
        self.player.keep_time(period, ahead)
