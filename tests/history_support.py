"""Helpers for the history tests: a tiny routine and sessions at exact local times."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from selfmassage.core.checkin import CheckIn, Symptom
from selfmassage.core.events import SessionStatus
from selfmassage.core.routine import Routine, Step
from selfmassage.core.techniques import Intensity, Stage, Technique
from selfmassage.store.history import History
from selfmassage.store.history_rows import RecordedSession, StepRow

BERLIN = ZoneInfo("Europe/Berlin")
MONDAY_EVENING = datetime(2026, 11, 16, 19, 0, tzinfo=BERLIN)  # a reminder's moment in the tests


class Clock:
    """The local time for code that asks for it: whatever the test set last."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now
NEW_YORK = ZoneInfo("America/New_York")

ROUTINE = Routine(
    name="Quick back",
    steps=(
        Step(Stage.PREPARATORY, Technique.STROKING, "lower back", 2),
        Step(Stage.MEDIUM_DEEP, Technique.RUBBING, "lower back", 3),
        Step(Stage.DEEP, Technique.KNEADING, "shoulders, left", 3, Intensity.MODERATE),
        Step(Stage.FINAL, Technique.STROKING, "lower back", 2),
    ),
)


def open_history(tmp_path: Path) -> History:
    return History.open(tmp_path / "history.sqlite3")


def session_at(
    when: datetime, status: SessionStatus = SessionStatus.COMPLETED, *, minutes: float = 20,
    routine: Routine = ROUTINE,
    symptoms: tuple[Symptom, ...] = (), feeling: int | None = None, note: str = "",
) -> RecordedSession:
    """A whole session starting at `when` (aware), its steps sharing `minutes` of massage."""
    seconds = minutes * 60
    share = seconds / len(routine.steps)
    steps = tuple(StepRow(number, number, step.stage, step.technique, step.area, step.seconds, share, False)
                  for number, step in enumerate(routine.steps))
    return RecordedSession(routine, when, when + timedelta(seconds=seconds), status, seconds, steps,
                           CheckIn(feeling, frozenset(symptoms), note))


def add(history: History, *whens: datetime, status: SessionStatus = SessionStatus.COMPLETED,
        **options: object) -> None:
    history.add_sessions(session_at(when, status, **options) for when in whens)  # type: ignore[arg-type]
