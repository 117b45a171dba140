"""The session page: what to do now, where, for how long, and what comes next — readable from 2 m.

It only shows: engine events come in through a SessionDriver's `event` signal, and the buttons trigger the
main window's actions (so a button, its menu item and its key do exactly the same thing).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from selfmassage.core.cautions import GO_IN_GENTLY, goes_in_hard
from selfmassage.core.engine import SessionEngine
from selfmassage.core.events import (
    Event,
    Paused,
    PauseReason,
    Resumed,
    SecondLeft,
    SideStarted,
    SideSwitch,
    StageChanged,
    StepStarted,
    TempoBeat,
)
from selfmassage.core.routine import Step, format_duration
from selfmassage.core.techniques import SIDE_SWITCH_SECONDS, Side, Technique, instruction_for
from selfmassage.i18n import _
from selfmassage.qt.a11y import spoken_duration
from selfmassage.qt.session_layout import SessionLayout
from selfmassage.qt.session_widgets import SessionActions, pause_note, progress_text, step_meta


class SessionView(SessionLayout):
    """The page, shown event by event; its widgets and their type are `SessionLayout`'s."""

    title_changed = Signal(str)  # "04:12 · Kneading", for the window title and the taskbar

    def __init__(self, actions: SessionActions, parent: QWidget | None = None) -> None:
        super().__init__(actions, parent)
        self._engine: SessionEngine | None = None
        self._step: Step | None = None
        self._next: Step | None = None
        self._index = 0
        self._paused = False
        self._caution = ""  # "Go in gently" after a jump from light to firm, for that step

    # -- what the main window calls ---------------------------------------------------------------

    def begin(self, engine: SessionEngine) -> None:
        """Show a fresh session, before its first step starts. The engine is only read, never driven."""
        self._engine = engine
        self._paused = False
        self._step = None
        self.stages.set_stages(engine.routine.stages)
        self.pulse.set_tempo(engine.routine.tempo)
        self.tempo_label.setText(_("Rub in time: {tempo} a minute").format(tempo=engine.routine.tempo))
        self.ring.set_caption("")
        self.pause_note.hide()
        self._fit_to(engine.routine)
        if self.body_map is not None:
            self.body_map.set_area(None)  # type: ignore[attr-defined]

    def show_event(self, event: Event) -> None:
        """One engine event (connected to SessionDriver.event)."""
        if isinstance(event, StageChanged):
            self.stages.set_current(event.stage)
        elif isinstance(event, StepStarted):
            caution = _(GO_IN_GENTLY) if goes_in_hard(self._step, event.step, by_user=event.by_user) else ""
            self._show_step(event.index, event.step, event.next_step, caution)
        elif isinstance(event, SideStarted):
            self._show_side(event.side)
        elif isinstance(event, SideSwitch):
            self._show_switch()
        elif isinstance(event, SecondLeft) and event.index == self._index:
            self._show_time(event.seconds_left)
        elif isinstance(event, TempoBeat) and event.index == self._index:
            self.pulse.beat()
        elif isinstance(event, Paused | Resumed):
            self._show_paused(event)

    def countdown_text(self) -> str:
        return self.ring.text()

    # -- inner workings ----------------------------------------------------------------------------

    def _show_step(self, index: int, step: Step, next_step: Step | None, caution: str = "") -> None:
        if self._engine is not None:
            self._routine = self._engine.routine  # a gentle finish adds its stroking step
        assert self._routine is not None
        self._caution = caution
        self._index, self._step, self._next = index, step, next_step
        count = len(self._routine.steps)
        self.meta.setText(step_meta(index + 1, count, step))
        self._show_work(side=None)
        if self.body_map is not None:
            self.body_map.set_area(step.area)  # type: ignore[attr-defined]
        self._show_time(step.seconds)

    def _show_work(self, side: Side | None) -> None:
        """The technique, area, instruction and what comes next, for the step or one side of it."""
        step = self._step
        assert step is not None
        self.technique.setText(step.technique.label)
        area = step.shown_area[:1].upper() + step.shown_area[1:]
        self.area.setText(_("{area} · {side} side").format(area=area, side=side.label.lower())
                          if side is not None else area)
        instruction = instruction_for(step.technique, step.note)
        self.instruction.setText(f"{self._caution} {instruction}" if self._caution else instruction)
        if side is Side.LEFT:
            self.next_label.setText(_("Next: the right side"))
        else:
            self.next_label.setText(_("Next: {step}").format(step=self._next.describe()) if self._next
                                    else _("Last step"))
        rubbing = step.technique is Technique.RUBBING
        self.pulse.reset()
        self.pulse.setVisible(rubbing)
        self.tempo_label.setVisible(rubbing)

    def _show_side(self, side: Side) -> None:
        self._show_work(side)
        if side is Side.RIGHT:  # the left side's countdown starts with StepStarted; the right one here
            assert self._step is not None
            self._show_time(self._step.seconds)

    def _show_switch(self) -> None:
        step = self._step
        assert step is not None
        self.technique.setText(_("Switch sides"))
        area = step.shown_area[:1].upper() + step.shown_area[1:]
        self.area.setText(_("{area} · right side next").format(area=area))
        self.instruction.setText(_("Move your hands to the right side."))
        self.next_label.setText(_("Next: {technique}, {area}, right side").format(
            technique=step.technique.label, area=step.shown_area))
        self.pulse.setVisible(False)
        self.tempo_label.setVisible(False)
        self._show_time(SIDE_SWITCH_SECONDS)

    def _show_paused(self, event: Paused | Resumed) -> None:
        self._paused = isinstance(event, Paused)
        slept = isinstance(event, Paused) and event.reason is PauseReason.SLEEP
        self.ring.set_caption(_("Paused") if self._paused else "")
        self.pause_note.setText(pause_note(slept))
        self.pause_note.setVisible(self._paused)
        self._emit_title()

    def _show_time(self, seconds_left: int) -> None:
        assert self._routine is not None and self._engine is not None
        part_seconds = self._engine.part_seconds
        self.ring.set_time(format_duration(seconds_left), 1 - seconds_left / part_seconds, seconds_left)
        total = self._routine.total_seconds
        # Read at the event's own moment (the engine answers for it during delivery): exact, never late.
        left = round(self._engine.total_remaining())
        # QProgressBar.setValue repaints at once, and with it the whole page, inside the engine's event:
        # the sound thread then waits for the GIL to start the cue. Let it paint with the rest of the frame.
        value = round(1000 * (total - left) / total)
        if value != self.progress.value():
            self.progress.setUpdatesEnabled(False)
            self.progress.setValue(value)
            self.progress.setUpdatesEnabled(True)  # schedules the repaint
        self.progress_label.setText(progress_text(left, total))
        self.progress.setAccessibleDescription(_("{left} left of {total}").format(left=spoken_duration(left),
                                                                                  total=spoken_duration(total)))
        self._emit_title()

    def _emit_title(self) -> None:
        if self._step is None:
            return
        parts = [self.ring.text(), self.technique.text()]
        if self._paused:
            parts.insert(0, _("Paused"))
        self.title_changed.emit(" · ".join(parts))
