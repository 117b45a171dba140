"""The engine on Qt's event loop: one single-shot timer aimed at the next deadline, never a polling tick."""

from __future__ import annotations

from PySide6.QtCore import Qt

from selfmassage.core.clock import FakeClock, ScaledClock
from selfmassage.core.events import SecondLeft, SessionStatus, StepStarted, TempoBeat
from selfmassage.core.routine import Routine, Step
from selfmassage.core.techniques import Stage, Technique
from selfmassage.qt.session_driver import SessionDriver

ROUTINE = Routine("Two steps", (
    Step(Stage.PREPARATORY, Technique.STROKING, "lower back", 3),
    Step(Stage.MEDIUM_DEEP, Technique.RUBBING, "lower back", 2),
), tempo=60)


def test_the_timer_is_one_single_shot_aimed_at_the_next_event(qtbot):
    clock = FakeClock()
    driver = SessionDriver(ROUTINE, clock)
    driver.start()
    assert driver.timer.isSingleShot()
    assert driver.timer.timerType() is Qt.TimerType.PreciseTimer
    assert driver.timer.isActive() and driver.timer.interval() == 1000  # "2 seconds left" is 1 s away
    clock.advance(0.4)
    driver.wake()  # nothing due yet: it only aims again, at what is left
    assert driver.timer.interval() == 600
    clock.advance(0.6)
    driver.wake()
    assert driver.engine.step_remaining() == 2
    driver.toggle_pause()
    assert not driver.timer.isActive()  # paused: nothing to wake up for
    driver.toggle_pause()
    assert driver.timer.interval() == 1000


def test_the_real_timer_runs_a_routine_to_the_end_in_order(qtbot):
    driver = SessionDriver(ROUTINE, ScaledClock(100.0))  # 5 s of routine in 50 ms of real time
    seen = []
    driver.event.connect(seen.append)
    with qtbot.waitSignal(driver.finished, timeout=5000) as finished:
        driver.start()
    result = finished.args[0]
    assert result.status is SessionStatus.COMPLETED
    assert result.steps_done == 2 and result.steps_total == 2
    assert [e.seconds_left for e in seen if isinstance(e, SecondLeft)] == [2, 1, 1]
    assert [e.index for e in seen if isinstance(e, StepStarted)] == [0, 1]
    assert [e.beat for e in seen if isinstance(e, TempoBeat)] == [1]
    assert result.started_at <= result.ended_at
    assert result.started_at.tzinfo is not None


def test_a_stop_by_closing_the_window_counts_as_stopped_with_its_records(qtbot):
    clock = FakeClock()
    driver = SessionDriver(ROUTINE, clock)
    driver.start()
    clock.advance(1)
    driver.wake()
    with qtbot.waitSignal(driver.finished, timeout=1000) as finished:
        driver.stop()
    result = finished.args[0]
    assert result.status is SessionStatus.STOPPED
    assert [(r.index, r.skipped, r.actual_seconds) for r in result.records] == [(0, True, 1.0)]
    assert result.steps_done == 0
    assert not driver.timer.isActive() and not driver.running


def test_listeners_that_subscribe_before_start_hear_each_event_before_the_window(qtbot):
    clock = FakeClock()
    driver = SessionDriver(ROUTINE, clock)
    order = []
    driver.engine.subscribe(lambda event: order.append(("history", type(event).__name__)))
    driver.event.connect(lambda event: order.append(("window", type(event).__name__)))
    driver.start()
    assert order[:2] == [("history", "StageChanged"), ("window", "StageChanged")]
