"""The computer slept during a session: the engine pauses where it was, never bursts through steps."""

from __future__ import annotations

from selfmassage.core.clock import FakeClock
from selfmassage.core.engine import EngineState, SessionEngine
from selfmassage.core.events import (
    Event,
    Paused,
    PauseReason,
    Resumed,
    SessionFinished,
    StepFinished,
    StepStarted,
)
from selfmassage.core.routine import Routine, Step
from selfmassage.core.sleep_watch import SLEEP_GAP_SECONDS
from selfmassage.core.techniques import Stage, Technique


def routine() -> Routine:
    steps = tuple(Step(stage=Stage.PREPARATORY, technique=Technique.STROKING, area=area, seconds=20)
                  for area in ("lower back", "shoulders", "neck"))
    return Routine(name="Three", steps=steps)


class Session:
    """An engine with a fake monotonic clock and a fake wall clock, and everything it said."""

    def __init__(self, *, watch: bool = True) -> None:
        self.clock = FakeClock(start=500.0)
        self.wall = FakeClock(start=1_760_000_000.0)
        self.engine = SessionEngine(routine(), self.clock, sleep_clock=self.wall if watch else None)
        self.events: list[Event] = []
        self.engine.subscribe(self.events.append)
        self.engine.start()

    def awake(self, seconds: float) -> None:
        """Time passes with the computer awake: both clocks move, the engine is polled each second."""
        for _ in range(int(seconds)):
            self.clock.advance(1)
            self.wall.advance(1)
            self.engine.poll()

    def of(self, kind: type) -> list:
        return [event for event in self.events if isinstance(event, kind)]


def test_a_sleep_pauses_the_session_where_it_was():
    s = Session()
    s.awake(12)
    # Linux: the monotonic clock stops while asleep; the wall clock does not.
    s.wall.advance(45 * 60)
    s.clock.advance(0.5)  # waking up
    s.engine.poll()
    assert s.engine.state is EngineState.PAUSED
    assert s.engine.pause_reason is PauseReason.SLEEP
    assert s.of(Paused) == [Paused(at=12.0, reason=PauseReason.SLEEP)]
    assert s.engine.index == 0
    assert s.engine.step_remaining() == 8


def test_nothing_goes_on_until_the_person_goes_on_with_one_key():
    s = Session()
    s.awake(12)
    s.wall.advance(3600)
    s.engine.poll()
    s.clock.advance(300)  # reading the message, getting back into position
    s.wall.advance(300)
    s.engine.poll()
    assert s.engine.next_deadline() is None
    assert len(s.of(StepFinished)) == 0
    s.engine.toggle_pause()
    assert s.engine.state is EngineState.RUNNING
    assert s.engine.pause_reason is None
    assert s.of(Resumed) == [Resumed(at=12.0)]
    s.awake(8)
    assert [e.at for e in s.of(StepStarted)] == [0.0, 20.0]


def test_where_the_monotonic_clock_runs_through_the_sleep_no_step_is_skipped():
    s = Session()
    s.awake(5)
    # Both clocks moved an hour, and the engine is polled long after its deadline.
    s.clock.advance(3600)
    s.wall.advance(3600)
    s.engine.poll()
    assert s.engine.state is EngineState.PAUSED
    assert s.engine.pause_reason is PauseReason.SLEEP
    assert s.of(Paused)[0].at == 5.0
    assert s.of(StepFinished) == []
    s.engine.resume()
    s.awake(15)
    assert [e.at for e in s.of(StepStarted)] == [0.0, 20.0]
    assert s.engine.total_remaining() == 40


def test_a_wall_jump_of_thirty_seconds_or_less_changes_nothing():
    s = Session()
    s.awake(3)
    s.wall.advance(SLEEP_GAP_SECONDS)  # e.g. the time was set by the network
    s.awake(1)
    assert s.engine.state is EngineState.RUNNING
    s.wall.advance(SLEEP_GAP_SECONDS + 0.5)
    s.awake(1)
    assert s.engine.state is EngineState.PAUSED


def test_a_sleep_during_a_pause_the_person_made_asks_for_nothing_more():
    s = Session()
    s.awake(4)
    s.engine.pause()
    s.wall.advance(7200)
    s.clock.advance(2)
    s.engine.resume()
    s.awake(2)
    assert s.engine.state is EngineState.RUNNING
    assert [e.reason for e in s.of(Paused)] == [PauseReason.USER]


def test_a_sleep_noticed_by_skip_pauses_before_the_skip():
    s = Session()
    s.awake(6)
    s.wall.advance(600)
    s.engine.skip()
    # The sleep is noticed first; the skip then moves on from where the session was, still paused.
    assert s.of(Paused)[0].reason is PauseReason.SLEEP
    assert [(e.actual_seconds, e.skipped) for e in s.of(StepFinished)] == [(6.0, True)]
    assert s.engine.state is EngineState.PAUSED


def test_without_a_wall_clock_the_engine_does_not_watch_for_sleep():
    s = Session(watch=False)
    s.clock.advance(100)
    s.engine.poll()
    assert s.of(Paused) == []
    assert len(s.of(SessionFinished)) == 1
