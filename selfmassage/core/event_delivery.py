"""How a session's events reach its listeners, and how a listener's command waits its turn.

A listener may give commands (stop on a step's end, pause at a cue). Such a command waits until the event
has reached every listener and the engine is between events, then runs: listeners all hear the same events
in the same order, and nothing comes after the last one.
"""

from __future__ import annotations

from collections.abc import Callable

from selfmassage.core.events import Event

Listener = Callable[[Event], None]


class EventDelivery:
    """Listeners in the order they subscribed; commands given mid-event kept until it is out."""

    def __init__(self) -> None:
        self._listeners: list[Listener] = []
        self._emitting = False
        self._deferred: list[Callable[[], None]] = []
        self._settling = False

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def _emit(self, event: Event) -> None:
        outer, self._emitting = self._emitting, True
        try:
            for listener in list(self._listeners):
                listener(event)
        finally:
            self._emitting = outer

    def _deferred_by_listener(self, command: Callable[[], None]) -> bool:
        """True when a listener gave `command` mid-event: it is kept to run once the event is out."""
        if not self._emitting:
            return False
        self._deferred.append(command)
        return True

    def _settle(self) -> None:
        """Run the commands listeners gave meanwhile, in the order they gave them."""
        if self._settling:  # a command run from here handles its own moment; the loop below goes on
            return
        self._settling = True
        try:
            while self._deferred:
                self._deferred.pop(0)()
        finally:
            self._settling = False
