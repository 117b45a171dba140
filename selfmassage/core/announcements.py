"""What a screen reader is told during a session: a sentence at each moment that matters, never every second.

The Qt layer hands these sentences to the screen reader (a polite announcement: it waits for what is being
read). They follow the same events the app voice speaks, so the setting `spoken_prompts` chooses which of
the two speaks them, and the two never talk over each other.
"""

from __future__ import annotations

import math
from enum import StrEnum

from selfmassage.core.engine import EngineState, SessionEngine
from selfmassage.core.events import (
    Event,
    Paused,
    PauseReason,
    Resumed,
    SecondLeft,
    SessionFinished,
    SessionStatus,
    SideStarted,
    SideSwitch,
    StageChanged,
    StepStarted,
)
from selfmassage.core.routine import Routine, Step, spoken_duration
from selfmassage.core.techniques import Side
from selfmassage.i18n import _, ngettext

# "10 seconds left" once a step, and only where the step is long enough for the warning to help.
LAST_SECONDS_NOTICE = 10
LONG_STEP_SECONDS = 30
# A step as long as this or longer is said in minutes ("2 minutes"), a shorter one in seconds ("90 seconds").
MINUTES_FROM = 120


class SpokenPrompts(StrEnum):
    """Who says the session's prompts (the setting `spoken_prompts`)."""

    APP_VOICE = "app voice"
    SCREEN_READER = "screen reader"
    BOTH = "both"

    @property
    def by_app_voice(self) -> bool:
        return self is not SpokenPrompts.SCREEN_READER

    @property
    def by_screen_reader(self) -> bool:
        return self is not SpokenPrompts.APP_VOICE


def step_length(seconds: int) -> str:
    """'90 seconds', '2 minutes 30 seconds': seconds while that is the easier number to picture."""
    if seconds < MINUTES_FROM:
        return ngettext("{n} second", "{n} seconds", seconds).format(n=seconds)
    return spoken_duration(seconds)


def step_sentence(step: Step) -> str:
    """'Kneading, lower back, firm, 90 seconds': what to do, where, how hard, how long."""
    parts = [step.technique.label, step.shown_area, step.intensity.label]
    if step.variant is not None:
        parts.append(step.variant.label)
    length = step_length(step.seconds)
    if step.both_sides:
        length = _("{length} each side, left side first").format(length=length)
    parts.append(length)
    return ", ".join(parts)


def session_start(routine: Routine) -> str:
    steps = len(routine.steps)
    return ngettext("Starting {name}: {n} step, {length}. Space pauses, T tells the time left.",
                    "Starting {name}: {n} steps, {length}. Space pauses, T tells the time left.",
                    steps).format(name=routine.name, n=steps, length=spoken_duration(routine.total_seconds))


def time_left(engine: SessionEngine) -> str:
    """The answer to T: the time left in the step (or side, or switch) and in the whole routine."""
    if engine.state is EngineState.READY:
        return _("The session has not started.")
    if engine.state is EngineState.FINISHED:
        return _("The session has ended.")
    # Whole seconds up, as the countdown shows them.
    now = spoken_duration(math.ceil(engine.step_remaining() - 1e-6))
    total = spoken_duration(math.ceil(engine.total_remaining() - 1e-6))
    if engine.switching:
        sentence = _("{now} left to switch sides, {total} left in the routine.")
    elif engine.side is Side.LEFT:
        sentence = _("{now} left on the left side, {total} left in the routine.")
    elif engine.side is Side.RIGHT:
        sentence = _("{now} left on the right side, {total} left in the routine.")
    else:
        sentence = _("{now} left in this step, {total} left in the routine.")
    sentence = sentence.format(now=now, total=total)
    if engine.state is EngineState.PAUSED:
        return _("Paused. {sentence}").format(sentence=sentence)
    return sentence


class SessionAnnouncer:
    """Turns a session's events into the sentences a screen reader hears; None for the rest."""

    def __init__(self, routine: Routine) -> None:
        self.routine = routine
        self._warned: set[tuple[int, Side | None]] = set()  # the steps (and sides) told "10 seconds left"
        self._part: Side | None = None
        self._part_seconds = 0

    def hear(self, event: Event) -> str | None:
        if isinstance(event, StageChanged):
            return _("{stage} stage.").format(stage=event.stage.label)
        if isinstance(event, StepStarted):
            self._part, self._part_seconds = None, event.step.seconds
            count = len(self.routine.steps)
            return _("Step {number} of {count}: {step}.").format(number=event.index + 1, count=count,
                                                                step=step_sentence(event.step))
        if isinstance(event, SideSwitch):
            self._part_seconds = 0
            return _("Switch sides. The right side in {length}.").format(length=step_length(event.seconds))
        if isinstance(event, SideStarted):
            self._part, self._part_seconds = event.side, self.routine.steps[event.index].seconds
            return _("Right side.") if event.side is Side.RIGHT else None
        if isinstance(event, SecondLeft):
            return self._last_seconds(event)
        if isinstance(event, Paused):
            if event.reason is PauseReason.SLEEP:
                return _("Paused while the computer slept. Press Space to go on.")
            return _("Paused. Press Space to go on.")
        if isinstance(event, Resumed):
            return _("Going on.")
        if isinstance(event, SessionFinished):
            if event.status is SessionStatus.COMPLETED:
                return _("Done. Well done: {length} of massage.").format(
                    length=spoken_duration(event.active_seconds))
            return _("Session stopped after {length}.").format(length=spoken_duration(event.active_seconds))
        return None

    def _last_seconds(self, event: SecondLeft) -> str | None:
        key = (event.index, self._part)
        if (event.seconds_left != LAST_SECONDS_NOTICE or self._part_seconds < LONG_STEP_SECONDS
                or key in self._warned):
            return None
        self._warned.add(key)
        return ngettext("{n} second left.", "{n} seconds left.", LAST_SECONDS_NOTICE).format(
            n=LAST_SECONDS_NOTICE)
