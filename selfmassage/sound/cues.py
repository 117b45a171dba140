"""The sound cues and which of them each session event gets.

Pure and stateful only in what a listener must remember (the previous step, a stage change just heard, the
last tick), so the whole mapping is tested with a fake clock and no sound at all.
"""

from __future__ import annotations

from enum import StrEnum

from selfmassage.core.events import (
    Event,
    FinalCountdown,
    SessionFinished,
    SessionStatus,
    SideStarted,
    SideSwitch,
    StageChanged,
    StepStarted,
    TempoBeat,
)
from selfmassage.core.routine import Step
from selfmassage.core.techniques import Side

# A tempo beat this close after a tick would blur into it; the tick matters more, so the beat stays silent.
TICK_CLEARANCE = 0.15


class Cue(StrEnum):
    """Values are the file stems in assets/sounds/ (made by tools/make_sounds.py)."""

    STEP_START = "step_start"  # a new technique begins
    SWITCH = "switch"  # same technique, move your hands to the next area
    STAGE = "stage"  # a new stage begins
    TICK = "tick"  # each of a step's last three seconds
    DONE = "done"  # the session is finished
    TEMPO = "tempo"  # one rubbing movement, at the routine's tempo

    @property
    def filename(self) -> str:
        return f"{self.value}.wav"


def step_cue(step: Step, previous: Step | None) -> Cue:
    """Switch only when the hands keep the technique and move to another area; anything else is a new step."""
    if previous is not None and previous.technique is step.technique and previous.area != step.area:
        return Cue.SWITCH
    return Cue.STEP_START


class CueMap:
    """Turns engine events, in the order the engine sends them, into the cues to play."""

    def __init__(self, *, tempo_click: bool = True) -> None:
        self.tempo_click = tempo_click
        self.previous_step: Step | None = None
        self._stage_just_changed = False
        self._last_tick_at: float | None = None

    def cues_for(self, event: Event) -> list[Cue]:
        match event:
            case StageChanged():
                # The engine sends the stage change right before its first step: one cue says both.
                self._stage_just_changed = True
                return [Cue.STAGE]
            case StepStarted(step=step):
                previous, self.previous_step = self.previous_step, step
                if self._stage_just_changed:
                    self._stage_just_changed = False
                    return []
                return [step_cue(step, previous)]
            case SideSwitch():
                # A both-sides step's first side is done: the hands move, as between two areas.
                return [Cue.SWITCH]
            case SideStarted(side=Side.RIGHT):
                return [Cue.STEP_START]  # the switch is over: begin the second side
            case FinalCountdown(at=at):
                self._last_tick_at = at
                return [Cue.TICK]
            case TempoBeat(at=at):
                if not self.tempo_click:
                    return []
                if self._last_tick_at is not None and abs(at - self._last_tick_at) < TICK_CLEARANCE:
                    return []
                return [Cue.TEMPO]
            case SessionFinished(status=SessionStatus.COMPLETED):
                return [Cue.DONE]
        return []
