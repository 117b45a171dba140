"""How a session ended, as the engine reports it and the history keeps it.

A module of its own so that reading the history (`selfmassage stats`, the review) needs neither the
engine's events nor the routine model.
"""

from __future__ import annotations

from enum import StrEnum


class SessionStatus(StrEnum):
    RUNNING = "running"  # only in the history: a session under way, or cut off before its end was written
    COMPLETED = "completed"
    STOPPED = "stopped"
    INTERRUPTED = "interrupted"
