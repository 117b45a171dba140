"""Preview: a routine played fast, with its sound cues, so you can hear and see how it flows.

The same engine as a real session, on a ScaledClock; nothing is recorded anywhere. Like the session
view, it wakes once per engine event with one single-shot timer, never on a polling tick.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent, QFont, QShowEvent
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from selfmassage.core.clock import Clock, ScaledClock
from selfmassage.core.engine import EngineState, SessionEngine
from selfmassage.core.events import Event, SessionFinished
from selfmassage.core.routine import Routine, format_duration
from selfmassage.core.session_status import SessionStatus
from selfmassage.core.techniques import instruction_for
from selfmassage.i18n import _, ngettext
from selfmassage.qt.a11y import describe, spoken_duration
from selfmassage.sound.interface import CuePlayer
from selfmassage.sound.session_sound import SessionSound

PREVIEW_SPEED = 10.0



class Detachable(Protocol):
    def detach(self) -> None: ...


# Given the preview's engine, hooks the cues up to it (a SessionSound); the dialog detaches them on close.
SoundHook = Callable[[SessionEngine], Detachable | None]


def session_sound(player: CuePlayer, tempo_click: bool = True) -> SoundHook:
    """The hook that plays the preview through the app's player, as a real session would sound."""
    return lambda engine: SessionSound(engine, player, tempo_click)


class PreviewDialog(QDialog):
    def __init__(self, routine: Routine, *, speed: float = PREVIEW_SPEED, clock: Clock | None = None,
                 sound: SoundHook | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Preview — {routine}").format(routine=routine.name))
        describe(self, _("Preview of {routine}").format(routine=routine.name),
                 ngettext("The routine at {speed} times its speed, with its sounds. Nothing is recorded.",
                          "The routine at {speed} times its speed, with its sounds. Nothing is recorded.",
                          round(speed)).format(speed=f"{speed:g}"))
        self.speed = speed
        self.clock = clock or ScaledClock(speed)
        self.engine = SessionEngine(routine, self.clock)
        self.engine.subscribe(self._on_event)
        self._sound = sound(self.engine) if sound is not None else None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.poll)
        self._build(routine)

    def _build(self, routine: Routine) -> None:
        layout = QVBoxLayout(self)
        if self._sound is not None:
            playing = _("Playing at {speed}× speed, with its sounds. Nothing is recorded.")
        else:
            playing = _("Playing at {speed}× speed. Nothing is recorded.")
        self.note_label = note = QLabel(playing.format(speed=f"{self.speed:g}"))
        note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stage_label = QLabel()
        self.step_label = QLabel()
        self.instruction_label = QLabel()
        self.countdown_label = QLabel()
        self.countdown_label.setAccessibleName(_("Time left in this step"))
        self.next_label = QLabel()
        self.total_label = QLabel()
        big = QFont(self.font())
        big.setPointSizeF(big.pointSizeF() * 1.6)
        big.setBold(True)
        self.step_label.setFont(big)
        huge = QFont(self.font())
        huge.setPointSizeF(huge.pointSizeF() * 3.5)
        huge.setBold(True)
        self.countdown_label.setFont(huge)
        for label in (self.stage_label, self.step_label, self.instruction_label, self.countdown_label,
                      self.next_label, self.total_label):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)
            layout.addWidget(label)
        layout.insertWidget(0, note)
        buttons = QHBoxLayout()
        self.pause_button = QPushButton(_("Pause"))
        describe(self.pause_button, _("Pause"), _("Pause or go on with the preview."))
        self.pause_button.clicked.connect(self.toggle_pause)
        self.skip_button = QPushButton(_("Skip step"))
        describe(self.skip_button, _("Skip step"), _("Go on to the next step of the preview."))
        self.skip_button.clicked.connect(self.skip)
        self.close_button = QPushButton(_("Close"))
        describe(self.close_button, _("Close"), _("Stop the preview and close it; nothing is recorded."))
        self.close_button.clicked.connect(self.reject)
        buttons.addWidget(self.pause_button)
        buttons.addWidget(self.skip_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        self.resize(460, 360)
        self.stage_label.setText(_("{routine} — {duration} at full speed").format(
            routine=routine.name, duration=format_duration(routine.total_seconds)))

    # -- running -----------------------------------------------------------------------------------

    def start(self) -> None:
        self.engine.start()
        self.poll()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.engine.state is EngineState.READY:
            self.start()

    def poll(self) -> None:
        self.engine.poll()
        self._show()
        self._schedule()

    def _schedule(self) -> None:
        deadline = self.engine.next_deadline()
        if deadline is None:
            self._timer.stop()
            return
        wait = max(0.0, (deadline - self.clock.now()) / self.speed)
        self._timer.start(math.ceil(wait * 1000))

    def toggle_pause(self) -> None:
        self.engine.toggle_pause()
        paused = self.engine.state is EngineState.PAUSED
        self.pause_button.setText(_("Resume") if paused else _("Pause"))
        self.pause_button.setAccessibleName(self.pause_button.text())
        self.poll()

    def skip(self) -> None:
        self.engine.skip()
        self.poll()

    def _on_event(self, event: Event) -> None:
        if isinstance(event, SessionFinished):
            self._timer.stop()
            self.pause_button.setEnabled(False)
            self.skip_button.setEnabled(False)

    def _show(self) -> None:
        engine = self.engine
        if engine.state is EngineState.FINISHED:
            done = engine.status is SessionStatus.COMPLETED
            self.step_label.setText(_("Done") if done else _("Stopped"))
            self.instruction_label.setText(_("That is the whole routine.") if done else "")
            self.countdown_label.setText(format_duration(0))
            self.next_label.setText("")
            self.total_label.setText("")
            return
        if engine.state is EngineState.READY:
            return
        count = len(engine.routine.steps)
        step = engine.step
        self.stage_label.setText(_("{stage} stage · step {number} of {count}").format(
            stage=step.stage.label, number=engine.index + 1, count=count))
        self.step_label.setText(step.describe())
        self.instruction_label.setText(instruction_for(step.technique, step.note))
        left = math.ceil(engine.step_remaining() - 1e-9)
        self.countdown_label.setText(format_duration(left))
        self.countdown_label.setAccessibleDescription(
            _("{time} left in this step").format(time=spoken_duration(left)))
        following = engine.next_step
        self.next_label.setText(_("Next: {step}").format(step=following.describe()) if following
                                else _("Next: the end"))
        self.total_label.setText(_("{time} left in the routine").format(
            time=format_duration(math.ceil(engine.total_remaining() - 1e-9))))

    # -- closing -----------------------------------------------------------------------------------

    def done(self, result: int) -> None:
        self._stop()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._stop()
        super().closeEvent(event)

    def _stop(self) -> None:
        self._timer.stop()
        if self._sound is not None:
            self._sound.detach()  # closing a preview is silent: no end-of-session chime
        if self.engine.state in (EngineState.RUNNING, EngineState.PAUSED, EngineState.READY):
            self.engine.stop()
