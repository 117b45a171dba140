"""A session's listeners hear each event in one order, recorder, then sound, then view, so whatever step a
person hears cued or sees shown, the step before it is already in the history."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from selfmassage.core.checkin import CheckIn
from selfmassage.core.clock import FakeClock
from selfmassage.core.engine import SessionEngine
from selfmassage.core.events import Event, StepStarted
from selfmassage.session_wiring import wire_session
from selfmassage.sound.cues import Cue
from selfmassage.sound.session_audio import SessionAudio
from selfmassage.sound.silent import RecordingPlayer
from selfmassage.store.recorder import SessionRecorder
from tests.history_support import ROUTINE, open_history


def on_disk(path: Path) -> tuple[int, int]:
    """(sessions, steps) another connection can read now."""
    other = sqlite3.connect(path)
    try:
        return (other.execute("SELECT COUNT(*) FROM sessions").fetchone()[0],
                other.execute("SELECT COUNT(*) FROM steps").fetchone()[0])
    finally:
        other.close()


class CheckingPlayer(RecordingPlayer):
    """Notes, at each step's cue, how many steps another connection could read at that moment."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self.on_disk_at_cue: list[int] = []

    def play(self, cue: Cue) -> None:
        super().play(cue)
        if cue in (Cue.STAGE, Cue.STEP_START, Cue.SWITCH):  # one of them at each step's start
            self.on_disk_at_cue.append(on_disk(self.path)[1])


def test_the_history_has_each_step_before_the_next_is_cued_or_shown(tmp_path):
    history = open_history(tmp_path)
    clock = FakeClock()
    engine = SessionEngine(ROUTINE, clock)
    player = CheckingPlayer(history.path)
    shown: list[tuple[int, int]] = []

    def view(engine: SessionEngine) -> object:
        def show(event: Event) -> None:
            if isinstance(event, StepStarted):
                shown.append(on_disk(history.path))
        engine.subscribe(show)
        return show

    wired = wire_session(engine, recorder=lambda engine: SessionRecorder(history, engine, elapsed=clock),
                         sound=lambda engine: SessionAudio(engine, player), view=view)
    engine.start()
    for step in ROUTINE.steps:
        clock.advance(step.seconds)
        engine.poll()
    every_step = list(range(len(ROUTINE.steps)))
    assert player.on_disk_at_cue == every_step  # step N is cued with steps 0 … N-1 on disk
    assert shown == [(1, done) for done in every_step]  # and shown with its session's row too
    assert wired.save_checkin(CheckIn(feeling=4))
    assert history.session(wired.recorder.session_id).feeling == 4
    history.close()


def test_the_listeners_are_subscribed_recorder_first_then_sound_then_view(tmp_path):
    history = open_history(tmp_path)
    engine = SessionEngine(ROUTINE, FakeClock())
    order: list[str] = []

    def made(name: str, thing: object) -> object:
        order.append(name)
        return thing

    wired = wire_session(
        engine,
        view=lambda engine: made("view", engine.subscribe(lambda event: None)),
        sound=lambda engine: made("sound", SessionAudio(engine, RecordingPlayer())),
        recorder=lambda engine: made("recorder", SessionRecorder(history, engine)))
    assert order == ["recorder", "sound", "view"]
    assert engine._listeners[0] == wired.recorder
    assert engine._listeners[1:3] == [wired.sound.cues._on_event, wired.sound.voice._on_event]
    history.close()


def test_without_a_recorder_a_check_in_has_nowhere_to_go_and_says_so():
    wired = wire_session(SessionEngine(ROUTINE, FakeClock()))
    assert wired.save_checkin(CheckIn(feeling=3)) is False
