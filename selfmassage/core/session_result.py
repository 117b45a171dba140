"""What one session was, once it ended: for the summary now and the history later. No Qt here."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from selfmassage.core.checkin import CheckIn
from selfmassage.core.engine_state import StepRecord
from selfmassage.core.routine import Routine
from selfmassage.core.session_status import SessionStatus


@dataclass(frozen=True)
class SessionResult:
    routine: Routine  # the routine as it was run
    status: SessionStatus
    active_seconds: float  # massage time, pauses excluded
    records: tuple[StepRecord, ...]  # every step as it was done, skips and repeats included
    started_at: datetime  # wall clock, time-zone aware
    ended_at: datetime
    checkin: CheckIn | None = None  # None until the person answers (or if they never do)

    @property
    def steps_total(self) -> int:
        return len(self.routine.steps)

    @property
    def steps_done(self) -> int:
        """Steps run to their end; a step done twice (after Back) counts once."""
        return len({record.index for record in self.records if not record.skipped})

    def with_checkin(self, checkin: CheckIn) -> SessionResult:
        return replace(self, checkin=checkin)
