"""Plays a running session's cues: subscribes to a SessionEngine and hands each cue to a CuePlayer."""

from __future__ import annotations

from selfmassage.core.engine import SessionEngine
from selfmassage.core.events import Event, SessionFinished
from selfmassage.sound.cues import CueMap
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

    def _on_event(self, event: Event) -> None:
        if not self._attached:
            return
        cues = self._map.cues_for(event)  # always, so the previous step stays right even when silent
        if not cues:
            return
        # The end of the session is always worth hearing, however late.
        late = self._engine.lateness()
        if late > self._late_limit and not isinstance(event, SessionFinished):
            return
        for cue in cues:
            self.player.play(cue)
