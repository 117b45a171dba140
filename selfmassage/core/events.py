"""What the session engine tells the window, the sound and the history.

Every event carries `at`: the session's active time (seconds, pauses excluded) at which it was due, so a
listener can tell how late it was delivered.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from selfmassage.core.routine import Step
from selfmassage.core.session_status import SessionStatus  # also read from here by the session's page
from selfmassage.core.techniques import Side, Stage


class PauseReason(StrEnum):
    USER = "user"  # the person pressed pause
    SLEEP = "sleep"  # the computer slept; the session waits where it was


@dataclass(frozen=True)
class StepStarted:
    at: float
    index: int
    step: Step
    next_step: Step | None
    # True when the step changed because of skip or back, not because time ran out.
    by_user: bool = False
    # The light stroking of a gentle finish (SessionEngine.finish_gently), not a step of the routine.
    closing: bool = False


@dataclass(frozen=True)
class StageChanged:
    at: float
    stage: Stage
    previous: Stage | None


@dataclass(frozen=True)
class SideStarted:
    """A both-sides step starts a side: left right after StepStarted, right after the switch."""

    at: float
    index: int
    side: Side


@dataclass(frozen=True)
class SideSwitch:
    """The left side is done: `seconds` to move the hands across before the right side starts."""

    at: float
    index: int
    seconds: int


@dataclass(frozen=True)
class SecondLeft:
    """Each whole second left in what runs now (seconds_left ≥ 1), for the countdown.

    What runs now is the step, or for a both-sides step one side or the switch between them.
    """

    at: float
    index: int
    seconds_left: int


@dataclass(frozen=True)
class FinalCountdown:
    """The last 3, 2, 1 seconds of a step: the tick cue."""

    at: float
    index: int
    seconds_left: int


@dataclass(frozen=True)
class TempoBeat:
    """One rubbing movement at the routine's tempo."""

    at: float
    index: int
    beat: int


@dataclass(frozen=True)
class StepFinished:
    """A step (or one side of a both-sides step: one event per side, `side` set) ended.

    `planned_seconds` is per side, so the history counts each side as the time it planned and got.
    """

    at: float
    index: int
    step: Step
    planned_seconds: int
    actual_seconds: float
    skipped: bool
    side: Side | None = None


@dataclass(frozen=True)
class Paused:
    at: float
    reason: PauseReason = PauseReason.USER


@dataclass(frozen=True)
class Resumed:
    at: float


@dataclass(frozen=True)
class SessionFinished:
    at: float
    status: SessionStatus
    active_seconds: float
    steps_done: int


Event = (
    StepStarted
    | StageChanged
    | SideStarted
    | SideSwitch
    | SecondLeft
    | FinalCountdown
    | TempoBeat
    | StepFinished
    | Paused
    | Resumed
    | SessionFinished
)
