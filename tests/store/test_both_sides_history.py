"""A both-sides step in the history: each side is a row of its own, and both count in the totals."""

from __future__ import annotations

from datetime import datetime

from selfmassage.core.clock import FakeClock
from selfmassage.core.engine import EngineState, SessionEngine
from selfmassage.core.events import SessionStatus
from selfmassage.core.routine import Routine, Step
from selfmassage.core.techniques import Sides, Stage, Technique
from selfmassage.store.recorder import SessionRecorder
from tests.history_support import BERLIN, open_history

ROUTINE = Routine(name="Sides", steps=(
    Step(stage=Stage.PREPARATORY, technique=Technique.STROKING, area="lower back", seconds=20),
    Step(stage=Stage.MEDIUM_DEEP, technique=Technique.RUBBING, area="shoulders", seconds=10,
         sides=Sides.BOTH),
    Step(stage=Stage.FINAL, technique=Technique.STROKING, area="lower back", seconds=20),
))


def test_both_sides_are_kept_and_counted(tmp_path):
    history = open_history(tmp_path)
    clock = FakeClock()
    engine = SessionEngine(ROUTINE, clock)
    evening = datetime(2026, 11, 19, 19, 0, tzinfo=BERLIN)
    recorder = SessionRecorder(history, engine, wall_clock=lambda: evening, elapsed=clock)
    engine.start()
    while engine.state is EngineState.RUNNING:
        clock.advance(engine.next_deadline() - clock.now())
        engine.poll()
    rows = history.steps(recorder.session_id)
    assert [(row.index, row.area, row.planned_seconds, row.actual_seconds, row.skipped) for row in rows] == [
        (0, "lower back", 20, 20.0, False),
        (1, "shoulders", 10, 10.0, False),  # left
        (1, "shoulders", 10, 10.0, False),  # right
        (2, "lower back", 20, 20.0, False),
    ]
    session = history.session(recorder.session_id)
    assert (session.status, session.active_seconds) == (SessionStatus.COMPLETED, ROUTINE.total_seconds)
    assert ROUTINE.total_seconds == 20 + 10 + 3 + 10 + 20
    assert history.minutes_by("area")["shoulders"] == 20.0  # both sides; the switch is no massage
