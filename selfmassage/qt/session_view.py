"""The session page: what to do now, where, for how long, and what comes next — readable from 2 m.

It only shows: engine events come in through a SessionDriver's `event` signal, and the buttons trigger the
main window's actions (so a button, its menu item and its key do exactly the same thing).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QAction, QFont, QKeyEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

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
from selfmassage.core.routine import Routine, Step, format_duration
from selfmassage.core.techniques import SIDE_SWITCH_SECONDS, Side, Technique, instruction_for
from selfmassage.i18n import _
from selfmassage.qt.a11y import spoken_duration
from selfmassage.qt.countdown_ring import CountdownRing
from selfmassage.qt.stage_strip import StageStrip
from selfmassage.qt.tempo_pulse import TempoPulse
from selfmassage.qt.text_fit import largest_fitting, text_fits

# Reference size at which the point sizes below are right; the page scales them with the window.
_REFERENCE = QSize(1100, 680)
def _pause_note(slept: bool) -> str:
    return _("Paused while the computer slept. Press Space to go on.") if slept \
        else _("Paused. Press Space to go on.")


_SIZES = {"technique": 56, "area": 34, "meta": 16, "instruction": 22, "next": 20, "progress": 18,
          "stages": 16, "buttons": 16, "tempo": 16}


@dataclass(frozen=True)
class SessionActions:
    """The main window's actions the page's buttons trigger."""

    back: QAction
    pause: QAction
    skip: QAction
    stop: QAction
    mute: QAction


def _label(parent: QWidget, name: str, *, wrap: bool = False, quiet: bool = False,
           accent: bool = False) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    if quiet:
        label.setProperty("quiet", True)
    if accent:
        label.setProperty("accent", True)
    return label


class _PressKeys(QObject):
    """Enter on a focused session button presses it (a tool button ignores Enter by itself).

    Space stays the window's pause key whatever has the focus: with eyes closed you can't know which
    button has it, and Space must always pause.
    """

    KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(watched, QToolButton) or not isinstance(event, QKeyEvent):
            return False
        plain = event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        if not plain or event.key() not in self.KEYS:
            return False
        if event.type() == QEvent.Type.ShortcutOverride:
            event.accept()  # the key is the button's, not the window shortcut's
            return True
        if event.type() == QEvent.Type.KeyPress:
            if not event.isAutoRepeat() and watched.isEnabled():
                watched.click()
            return True
        return event.type() == QEvent.Type.KeyRelease


def _hold_size(label: QLabel, widest: str) -> None:
    """Fix `label` at the size `widest` needs, so a new text of that shape does not relayout the page.

    QLabel.setText asks the layouts above it to redo themselves unless the label's size is fixed: once a
    second, that measured every wrapped label of the page again, and the window with them.
    """
    shown = label.text()
    label.setMinimumSize(0, 0)  # QLabel's size hint is never below its minimum size
    label.setText(widest)
    size = label.sizeHint()
    label.setText(shown)
    label.setFixedSize(size)


def _widest_digits(label: QLabel, text: str) -> str:
    """`text` with every digit made the font's widest, for a label whose digits change."""
    metrics = label.fontMetrics()
    widest = max("0123456789", key=metrics.horizontalAdvance)
    return "".join(widest if char.isdigit() else char for char in text)


def _bold(widget: QWidget) -> None:
    font = QFont(widget.font())
    font.setBold(True)
    widget.setFont(font)


def _card(parent: QWidget) -> QFrame:
    frame = QFrame(parent)
    frame.setProperty("card", True)
    return frame


class SessionView(QWidget):
    title_changed = Signal(str)  # "04:12 · Kneading", for the window title and the taskbar

    def __init__(self, actions: SessionActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._engine: SessionEngine | None = None
        self._routine: Routine | None = None
        self._step: Step | None = None
        self._next: Step | None = None
        self._index = 0
        self._paused = False
        self._caution = ""  # "Go in gently" after a jump from light to firm, for that step
        self._text_scale = 1.0
        self._longest: dict[str, str] = {}
        self._fitting = False
        self._fitted_for: tuple[object, ...] = ()
        self.body_map: QWidget | None = None
        self._press_keys = _PressKeys(self)

        self.stages = StageStrip(self)

        main = _card(self)
        self.ring = CountdownRing(main)
        self.pulse = TempoPulse(main)
        self.tempo_label = _label(main, "tempo", quiet=True)
        self.tempo_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.technique = _label(main, "technique", wrap=True)
        _bold(self.technique)
        self.area = _label(main, "area", wrap=True, accent=True)
        _bold(self.area)
        self.meta = _label(main, "meta", wrap=True, quiet=True)
        self.instruction = _label(main, "instruction", wrap=True)
        self.next_label = _label(main, "next", wrap=True, quiet=True)
        self.pause_note = _label(main, "pause_note", wrap=True, accent=True)
        self.pause_note.setText(_pause_note(True))  # the longer one: its room is kept while it is hidden
        self.pause_note.hide()

        ring_column = QVBoxLayout()
        ring_column.setSpacing(10)
        ring_column.addWidget(self.ring, 1)
        ring_column.addWidget(self.pulse)
        ring_column.addWidget(self.tempo_label)
        text_column = QVBoxLayout()
        text_column.setSpacing(6)
        text_column.addStretch(1)
        text_column.addWidget(self.meta)
        text_column.addWidget(self.technique)
        text_column.addWidget(self.area)
        text_column.addSpacing(18)
        text_column.addWidget(self.instruction)
        text_column.addSpacing(12)
        text_column.addWidget(self.pause_note)
        text_column.addStretch(1)
        text_column.addWidget(self.next_label)
        main_layout = QHBoxLayout(main)
        main_layout.setContentsMargins(28, 24, 32, 24)
        main_layout.setSpacing(36)
        main_layout.addLayout(ring_column, 4)
        main_layout.addLayout(text_column, 7)
        # Keep the pulse's and the pause note's room when hidden, so nothing jumps when a rubbing step
        # starts or the session pauses.
        for widget in (self.pulse, self.tempo_label, self.pause_note):
            policy = widget.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            widget.setSizePolicy(policy)

        self.map_card = _card(self)
        self.map_layout = QVBoxLayout(self.map_card)
        self.map_layout.setContentsMargins(10, 10, 10, 10)
        self.map_card.hide()

        middle = QHBoxLayout()
        middle.setSpacing(20)
        middle.addWidget(main, 4)
        middle.addWidget(self.map_card, 1)

        self.progress = QProgressBar(self)
        self.progress.setTextVisible(False)
        self.progress.setRange(0, 1000)
        self.progress.setAccessibleName(_("Progress through the routine"))
        self.progress.setAccessibleDescription(_("Not started yet."))
        self.progress_label = _label(self, "progress", quiet=True)
        progress_row = QHBoxLayout()
        progress_row.setSpacing(16)
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.progress_label)

        self.buttons: dict[str, QToolButton] = {}
        controls = QHBoxLayout()
        controls.setSpacing(12)
        for name in ("back", "pause", "skip", "stop"):
            controls.addWidget(self._button(name, getattr(actions, name)))
        controls.addStretch(1)
        controls.addWidget(self._button("mute", actions.mute))

        root = QVBoxLayout(self)
        root.setContentsMargins(28, 14, 28, 14)
        root.setSpacing(12)
        root.addWidget(self.stages)
        root.addLayout(middle, 1)
        root.addLayout(progress_row)
        root.addLayout(controls)
        self._fit_fonts()

    def _button(self, name: str, action: QAction) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(f"{name}_button")
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        button.setIconSize(QSize(24, 24))
        _bold(button)
        button.setCheckable(action.isCheckable())
        # Not setDefaultAction: the menu item may show its key after a tab ("Stop…\tEsc"), the button not.
        button.clicked.connect(action.trigger)
        button.installEventFilter(self._press_keys)
        action.changed.connect(lambda: self._sync(button, action))
        self._sync(button, action)
        self.buttons[name] = button
        return button

    @staticmethod
    def _sync(button: QToolButton, action: QAction) -> None:
        text = action.text().split("\t")[0].rstrip("…")
        button.setText(text)
        button.setIcon(action.icon())
        button.setToolTip(action.toolTip())
        button.setAccessibleName(text)
        button.setAccessibleDescription(action.toolTip())
        button.setEnabled(action.isEnabled())
        button.setChecked(action.isChecked())

    # -- what the main window calls ---------------------------------------------------------------

    def set_body_map(self, widget: QWidget | None) -> None:
        """The panel beside the step: anything with `set_area(area: str | None)`."""
        if self.body_map is not None:
            self.map_layout.removeWidget(self.body_map)
            self.body_map.deleteLater()
        self.body_map = widget
        if widget is not None:
            widget.setParent(self.map_card)
            self.map_layout.addWidget(widget, 1)
        self.map_card.setVisible(widget is not None)

    def set_text_scale(self, scale: float) -> None:
        self._text_scale = scale
        self._fit_fonts()

    def begin(self, engine: SessionEngine) -> None:
        """Show a fresh session, before its first step starts. The engine is only read, never driven."""
        self._engine = engine
        self._routine = engine.routine
        self._paused = False
        self._step = None
        self.stages.set_stages(engine.routine.stages)
        self.pulse.set_tempo(engine.routine.tempo)
        self.tempo_label.setText(_("Rub in time: {tempo} a minute").format(tempo=engine.routine.tempo))
        self._hold_progress_label()
        self.ring.set_caption("")
        self.pause_note.hide()
        self._longest = _longest_texts(engine.routine)
        self._fit_fonts()
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
        detail = [_("Step {number} of {count}").format(number=index + 1, count=count),
                  _("{intensity} pressure").format(intensity=step.intensity.label)]
        if step.variant is not None:
            detail.append(step.variant.label)
        if step.both_sides:
            detail.append(_("both sides"))
        self.meta.setText("  ·  ".join(detail))
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
        self.pause_note.setText(_pause_note(slept))
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
        self.progress_label.setText(self._progress_text(left, total))
        self.progress.setAccessibleDescription(_("{left} left of {total}").format(left=spoken_duration(left),
                                                                                  total=spoken_duration(total)))
        self._emit_title()

    @staticmethod
    def _progress_text(left: int, total: int) -> str:
        return _("{left} left of {total}").format(left=format_duration(left), total=format_duration(total))

    def _hold_progress_label(self) -> None:
        """Its text changes every second; its size only with the font or the routine's length."""
        total = self._routine.total_seconds if self._routine is not None else 0
        label = self.progress_label
        _hold_size(label, _widest_digits(label, self._progress_text(total, total)))

    def _emit_title(self) -> None:
        if self._step is None:
            return
        parts = [self.ring.text(), self.technique.text()]
        if self._paused:
            parts.insert(0, _("Paused"))
        self.title_changed.emit(" · ".join(parts))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_fonts()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit_fonts()

    def _room(self) -> QSize:
        """The room the page is shown in: its scroll area's, bars aside, when it is in one (window_fit)."""
        viewport = self.parentWidget()
        area = viewport.parentWidget() if viewport is not None else None
        if isinstance(area, QAbstractScrollArea):
            return area.contentsRect().size()
        return self.size()

    def _fit_fonts(self) -> None:
        """Glanceable from 2 m: the type grows with the room (full screen makes it biggest), and shrinks
        until the routine's longest words fit, so nothing is cut and the buttons stay in view."""
        room = self._room()
        key = (room.width(), room.height(), self._text_scale, tuple(self._longest.items()))
        if self._fitting or key == self._fitted_for or not self.isVisible():
            return  # a hidden page is not laid out: it is fitted when it shows
        self._fitting = True
        try:
            fit = min(room.width() / _REFERENCE.width(), room.height() / _REFERENCE.height())
            wanted = max(0.7, min(fit, 2.5)) * self._text_scale
            shown = {name: label.text() for name, label in self._text_labels().items()}
            for name, text in self._longest.items():
                self._text_labels()[name].setText(text)
            largest_fitting(self._set_fonts, lambda: self._fits(room), wanted, smallest=0.35)
            for name, text in shown.items():
                self._text_labels()[name].setText(text)
            self._fitted_for = key
        finally:
            self._fitting = False

    def _text_labels(self) -> dict[str, QLabel]:
        return {"technique": self.technique, "area": self.area, "meta": self.meta,
                "instruction": self.instruction, "next": self.next_label}

    def _set_fonts(self, scale: float) -> None:
        targets: dict[str, list[QWidget]] = {
            "technique": [self.technique], "area": [self.area], "meta": [self.meta],
            "instruction": [self.instruction, self.pause_note], "next": [self.next_label],
            "progress": [self.progress_label], "buttons": list(self.buttons.values()),
            "tempo": [self.tempo_label],
        }
        for key, widgets in targets.items():
            for widget in widgets:
                font = QFont(widget.font())
                font.setPixelSize(round(_SIZES[key] * scale * 1.33))
                widget.setFont(font)
        self.stages.set_pixel_size(round(_SIZES["stages"] * scale * 1.33))
        self._hold_progress_label()
        self.pulse.setFixedHeight(round(40 * scale))

    def _fits(self, room: QSize) -> bool:
        """Laid out in `room`, every text of the page has the room it needs."""
        # Lay the page out now, in its new type, as the next frame would: each box inside the page in
        # turn, so every size hint is measured in the new type.
        holders = [self, *(child for child in self.findChildren(QWidget) if child.layout() is not None)]
        for _round in range(2):
            for holder in holders:
                holder.layout().invalidate()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
            for holder in holders:
                holder.layout().activate()
        minimum = self.minimumSizeHint()
        if minimum.width() > room.width() or minimum.height() > room.height():
            return False
        if self.size() != room:
            self.resize(room)
        for holder in holders:
            holder.layout().activate()
        widgets = [*self._text_labels().values(), self.pause_note, self.tempo_label, self.progress_label,
                   *self.stages.labels.values(), *self.buttons.values()]
        return all(text_fits(widget) for widget in widgets)


def _longest_texts(routine: Routine) -> dict[str, str]:
    """The longest text each of the page's labels will show during `routine`, to fit the type to."""
    count = len(routine.steps)
    steps = routine.steps
    candidates = {
        "technique": [step.technique.label for step in steps]
        + ([_("Switch sides")] if any(step.both_sides for step in steps) else []),
        "area": [_("{area} · right side next").format(area=step.area) if step.both_sides else step.area
                 for step in steps],
        "meta": [f"Step {count} of {count}  ·  {step.intensity.value} pressure"
                 + (f"  ·  {step.variant.value.replace('-', ' ')}" if step.variant is not None else "")
                 + ("  ·  both sides" if step.both_sides else "") for step in steps],
        "instruction": [instruction_for(step.technique, step.note) for step in steps],
        "next": [_("Next: {step}").format(step=step.describe()) for step in steps]
        + [_("Next: the right side")],
    }
    return {name: max(texts, key=len).capitalize() if name == "area" else max(texts, key=len)
            for name, texts in candidates.items()}
