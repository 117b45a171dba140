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
from selfmassage.core.routine import Routine, Step
from selfmassage.core.techniques import Side
from selfmassage.i18n import ngettext

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


def spoken_duration(seconds: float) -> str:
    """A length as a screen reader should say it: '4 minutes 12 seconds', '1 minute', '45 seconds'."""
    hours, rest = divmod(max(0, int(seconds)), 3600)
    minutes, secs = divmod(rest, 60)
    parts = []
    if hours:
        parts.append(ngettext("{n} hour", "{n} hours", hours).format(n=hours))
    if minutes:
        parts.append(ngettext("{n} minute", "{n} minutes", minutes).format(n=minutes))
    if secs or not parts:
        parts.append(ngettext("{n} second", "{n} seconds", secs).format(n=secs))
    return " ".join(parts)


def step_length(seconds: int) -> str:
    """'90 seconds', '2 minutes 30 seconds': seconds while that is the easier number to picture."""
    return f"{seconds} second{'s' if seconds != 1 else ''}" if seconds < MINUTES_FROM \
        else spoken_duration(seconds)


def step_sentence(step: Step) -> str:
    """'Kneading, lower back, firm, 90 seconds': what to do, where, how hard, how long."""
    parts = [step.technique.label, step.area, step.intensity.value]
    if step.variant is not None:
        parts.append(step.variant.value.replace("-", " "))
    length = step_length(step.seconds)
    parts.append(f"{length} each side, left side first" if step.both_sides else length)
    return ", ".join(parts)


def session_start(routine: Routine) -> str:
    steps = len(routine.steps)
    return (f"Starting {routine.name}: {steps} step{'s' if steps != 1 else ''}, "
            f"{spoken_duration(routine.total_seconds)}. Space pauses, T tells the time left.")


def time_left(engine: SessionEngine) -> str:
    """The answer to T: the time left in the step (or side, or switch) and in the whole routine."""
    if engine.state is EngineState.READY:
        return "The session has not started."
    if engine.state is EngineState.FINISHED:
        return "The session has ended."
    if engine.switching:
        now = "to switch sides"
    elif engine.side is not None:
        now = f"on the {engine.side.value} side"
    else:
        now = "in this step"
    # Whole seconds up, as the countdown shows them.
    sentence = (f"{spoken_duration(math.ceil(engine.step_remaining() - 1e-6))} left {now}, "
                f"{spoken_duration(math.ceil(engine.total_remaining() - 1e-6))} left in the routine.")
    return f"Paused. {sentence}" if engine.state is EngineState.PAUSED else sentence


class SessionAnnouncer:
    """Turns a session's events into the sentences a screen reader hears; None for the rest."""

    def __init__(self, routine: Routine) -> None:
        self.routine = routine
        self._warned: set[tuple[int, Side | None]] = set()  # the steps (and sides) told "10 seconds left"
        self._part: Side | None = None
        self._part_seconds = 0

    def hear(self, event: Event) -> str | None:
        if isinstance(event, StageChanged):
            return f"{event.stage.label} stage."
        if isinstance(event, StepStarted):
            self._part, self._part_seconds = None, event.step.seconds
            count = len(self.routine.steps)
            return f"Step {event.index + 1} of {count}: {step_sentence(event.step)}."
        if isinstance(event, SideSwitch):
            self._part_seconds = 0
            return f"Switch sides. The right side in {step_length(event.seconds)}."
        if isinstance(event, SideStarted):
            self._part, self._part_seconds = event.side, self.routine.steps[event.index].seconds
            return "Right side." if event.side is Side.RIGHT else None
        if isinstance(event, SecondLeft):
            return self._last_seconds(event)
        if isinstance(event, Paused):
            if event.reason is PauseReason.SLEEP:
                return "Paused while the computer slept. Press Space to go on."
            return "Paused. Press Space to go on."
        if isinstance(event, Resumed):
            return "Going on."
        if isinstance(event, SessionFinished):
            if event.status is SessionStatus.COMPLETED:
                return f"Done. Well done: {spoken_duration(event.active_seconds)} of massage."
            return f"Session stopped after {spoken_duration(event.active_seconds)}."
        return None

    def _last_seconds(self, event: SecondLeft) -> str | None:
        key = (event.index, self._part)
        if (event.seconds_left != LAST_SECONDS_NOTICE or self._part_seconds < LONG_STEP_SECONDS
                or key in self._warned):
            return None
        self._warned.add(key)
        return f"{LAST_SECONDS_NOTICE} seconds left."
