"""The session page's layout: the stages, the countdown ring beside the step's texts, the body map, the
progress bar and the buttons; and its type, fitted to the room so that it reads from 2 m and nothing is cut.

What the page shows, event by event, is `SessionView` (qt/session_view.py), built on this.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt
from PySide6.QtGui import QAction, QFont, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from selfmassage.core.routine import Routine
from selfmassage.core.techniques import instruction_for
from selfmassage.i18n import _
from selfmassage.qt.countdown_ring import CountdownRing
from selfmassage.qt.session_widgets import (
    PressKeys,
    SessionActions,
    bold,
    card,
    hold_size,
    pause_note,
    progress_text,
    session_label,
    step_meta,
    widest_digits,
)
from selfmassage.qt.stage_strip import StageStrip
from selfmassage.qt.tempo_pulse import TempoPulse
from selfmassage.qt.text_fit import largest_fitting, text_fits

# Reference size at which the point sizes below are right; the page scales them with the window.
_REFERENCE = QSize(1100, 680)
_SIZES = {"technique": 56, "area": 34, "meta": 16, "instruction": 22, "next": 20, "progress": 18,
          "stages": 16, "buttons": 16, "tempo": 16}


class SessionLayout(QWidget):
    """The page's widgets, laid out; `_fit_to(routine)` fits the type to that routine's longest texts."""

    def __init__(self, actions: SessionActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._routine: Routine | None = None  # the routine the type is fitted to
        self._text_scale = 1.0
        self._longest: dict[str, str] = {}
        self._fitting = False
        self._fitted_for: tuple[object, ...] = ()
        self.body_map: QWidget | None = None
        self._press_keys = PressKeys(self)

        self.stages = StageStrip(self)

        main = card(self)
        self.ring = CountdownRing(main)
        self.pulse = TempoPulse(main)
        self.tempo_label = session_label(main, "tempo", quiet=True)
        self.tempo_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.technique = session_label(main, "technique", wrap=True)
        bold(self.technique)
        self.area = session_label(main, "area", wrap=True, accent=True)
        bold(self.area)
        self.meta = session_label(main, "meta", wrap=True, quiet=True)
        self.instruction = session_label(main, "instruction", wrap=True)
        self.next_label = session_label(main, "next", wrap=True, quiet=True)
        self.pause_note = session_label(main, "pause_note", wrap=True, accent=True)
        self.pause_note.setText(pause_note(True))  # the longer one: its room is kept while it is hidden
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

        self.map_card = card(self)
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
        self.progress_label = session_label(self, "progress", quiet=True)
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
        bold(button)
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

    def _fit_to(self, routine: Routine) -> None:
        """Fit the type to `routine`'s longest texts."""
        self._routine = routine
        self._longest = _longest_texts(routine)
        self._hold_progress_label()
        self._fit_fonts()

    def set_text_scale(self, scale: float) -> None:
        """The look changed (Large text, High contrast): fit the type again even at the same scale, as the
        new look handed the labels the app's font."""
        self._text_scale = scale
        self._fitted_for = None
        self._fit_fonts()

    def _hold_progress_label(self) -> None:
        """Its text changes every second; its size only with the font or the routine's length."""
        total = self._routine.total_seconds if self._routine is not None else 0
        label = self.progress_label
        hold_size(label, widest_digits(label, progress_text(total, total)))

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
        # As the page shows them, in the language in use: the type is fitted to these very words.
        "area": [_("{area} · right side next").format(area=step.shown_area) if step.both_sides
                 else step.shown_area for step in steps],
        "meta": [step_meta(count, count, step) for step in steps],
        "instruction": [instruction_for(step.technique, step.note) for step in steps],
        "next": [_("Next: {step}").format(step=step.describe()) for step in steps]
        + [_("Next: the right side")],
    }
    return {name: max(texts, key=len).capitalize() if name == "area" else max(texts, key=len)
            for name, texts in candidates.items()}
