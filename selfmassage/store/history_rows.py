"""What the history hands out and takes in: a session, a step, a session from a backup or from samples."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from selfmassage.core.checkin import CheckIn
from selfmassage.core.session_status import SessionStatus
from selfmassage.store.builtin_names import shown_routine_name
from selfmassage.store.history_time import aware

if TYPE_CHECKING:  # reading the history needs no routine model
    from selfmassage.core.routine import Routine

# How a session may end; a `running` one has not ended yet.
ENDED_STATUSES = (SessionStatus.COMPLETED, SessionStatus.STOPPED, SessionStatus.INTERRUPTED)


@dataclass(frozen=True)
class SessionRow:
    id: int
    routine_name: str
    started_at: datetime  # aware, in the UTC offset the person was in
    ended_at: datetime | None
    status: SessionStatus
    active_seconds: float
    feeling: int | None
    symptoms: tuple[str, ...]
    note: str

    @property
    def routine_shown(self) -> str:
        """Its routine's name to show: a built-in routine's in the language in use, whatever it ran in."""
        return shown_routine_name(self.routine_name)

    @property
    def local_day(self) -> date:
        """The day it counts on: this computer's calendar, from the moment it started."""
        return self.started_at.astimezone().date()

    @property
    def counted(self) -> bool:
        """Only completed sessions count toward the plan."""
        return self.status == SessionStatus.COMPLETED


@dataclass(frozen=True)
class StepRow:
    seq: int  # the order it was done in; a step done again after "back" gets a new one
    index: int  # its place in the routine
    stage: str
    technique: str
    area: str
    planned_seconds: int
    actual_seconds: float
    skipped: bool


@dataclass(frozen=True)
class ImportedSession:
    """A session from a CSV backup: no routine copy and no steps."""

    routine_name: str
    started_at: datetime
    ended_at: datetime | None
    status: SessionStatus
    active_seconds: float
    checkin: CheckIn


@dataclass(frozen=True)
class RecordedSession:
    """A whole session at once, steps and all: for sample data and tests, written in one transaction."""

    routine: Routine
    started_at: datetime
    ended_at: datetime | None
    status: SessionStatus
    active_seconds: float
    steps: tuple[StepRow, ...] = ()
    checkin: CheckIn = field(default_factory=CheckIn)


SESSION_COLUMNS = ("id, routine_name, started_at_utc, utc_offset_minutes, ended_at_utc, last_seen_utc, "
                                  "status, active_seconds, feeling, symptoms, note")


def session_from_row(row: Sequence[Any]) -> SessionRow:
    (ident, name, started, minutes, ended, last_seen, status, active, feeling, symptoms, note) = row
    if ended is None and status == SessionStatus.INTERRUPTED:
        ended = last_seen
    return SessionRow(
        id=ident, routine_name=name, started_at=aware(started, minutes),  # type: ignore[arg-type]
        ended_at=aware(ended, minutes), status=SessionStatus(status), active_seconds=float(active),
        feeling=feeling,
        symptoms=tuple(part for part in symptoms.split(";") if part), note=note,
    )
