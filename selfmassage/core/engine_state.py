"""Where a session is: the engine's state, the part of a step that runs now, and a step as it was done."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, auto

from selfmassage.core.routine import Step
from selfmassage.core.techniques import Side


class EngineState(Enum):
    READY = auto()
    RUNNING = auto()
    PAUSED = auto()
    FINISHED = auto()


class StepPart(Enum):
    """What of the step runs now: all of it (one side), or a side or the switch of a both-sides step."""

    WHOLE = auto()
    LEFT = auto()
    SWITCH = auto()
    RIGHT = auto()

    @property
    def side(self) -> Side | None:
        return {StepPart.LEFT: Side.LEFT, StepPart.RIGHT: Side.RIGHT}.get(self)


@dataclass(frozen=True)
class StepRecord:
    """One step as it was done: for the summary and the history."""

    index: int
    step: Step
    planned_seconds: int
    actual_seconds: float
    skipped: bool
    side: Side | None = None  # set for each side of a both-sides step
