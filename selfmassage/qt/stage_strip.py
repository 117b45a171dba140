"""The four stages of a session in a row, the current one marked by a filled box, a ▶ and the word "now".

Colour is never the only mark: each stage's text says whether it is done (✓), now (▶ … now), still to come,
or not in this routine (–).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from selfmassage.core.techniques import Stage
from selfmassage.i18n import _
from selfmassage.qt.theme import set_style_flag

SPACING = 12


class StageStrip(QWidget):
    """In a row; in the picker's narrow card, two rows of two (or one under another) rather than cut."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._covered: tuple[Stage, ...] = tuple(Stage)
        self._current: Stage | None = None
        self._coverage = False  # the picker's view: which stages a routine has, no "now"
        self._pixel_size: int | None = None  # None: the app's font size
        self.labels: dict[Stage, QLabel] = {}
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(SPACING)
        self._columns = 0
        for stage in Stage:
            label = QLabel(self)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setContentsMargins(14, 8, 14, 8)
            self.labels[stage] = label
        self._arrange(len(self.labels))
        self.setAccessibleName(_("Stages of the session"))
        self._refresh()

    def set_stages(self, covered: tuple[Stage, ...], *, coverage: bool = False) -> None:
        """The stages this routine has; the others are shown as not in it. With `coverage` (the picker),
        the ones it has are ticked instead of waiting for a "now"."""
        self._covered = covered
        self._current = None
        self._coverage = coverage
        self._refresh()

    def set_current(self, stage: Stage | None) -> None:
        self._current = stage
        self._refresh()

    def set_pixel_size(self, pixels: int) -> None:
        self._pixel_size = pixels
        self._refresh()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._refresh()  # the labels' fonts are set from this widget's

    # -- one row, or two, or four: the picker's card may be narrow (Large text at 800 px) ------------

    def _arrange(self, columns: int) -> None:
        if columns == self._columns:
            return
        self._columns = columns
        for number, label in enumerate(self.labels.values()):
            self._grid.removeWidget(label)
            self._grid.addWidget(label, number // columns, number % columns)
        for column in range(len(self.labels)):
            self._grid.setColumnStretch(column, 1 if column < columns else 0)
        self.updateGeometry()

    def _cell(self) -> QSize:
        sizes = [label.sizeHint() for label in self.labels.values()]
        return QSize(max(size.width() for size in sizes), max(size.height() for size in sizes))

    def columns_for(self, width: int) -> int:
        """Four in a row where they fit (always on the session page), else two, else one."""
        count = len(self.labels)
        if not self._coverage:
            return count
        if sum(label.sizeHint().width() for label in self.labels.values()) + (count - 1) * SPACING <= width:
            return count
        return 2 if 2 * self._cell().width() + SPACING <= width else 1

    def minimumSizeHint(self) -> QSize:
        # As narrow as one stage, as tall as the rows it has now: a narrow card rearranges it (resizeEvent).
        if not self._coverage:
            return super().minimumSizeHint()
        return QSize(self._cell().width(), self._grid.minimumSize().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange(self.columns_for(event.size().width()))

    def current(self) -> Stage | None:
        return self._current

    def state_of(self, stage: Stage) -> str:
        """done, current, todo, covered (the picker's) or absent."""
        if stage not in self._covered:
            return "absent"
        if self._coverage:
            return "covered"
        if self._current is None:
            return "todo"
        if stage is self._current:
            return "current"
        return "done" if stage.order < self._current.order else "todo"

    def _refresh(self) -> None:
        for number, (stage, label) in enumerate(self.labels.items(), start=1):
            state = self.state_of(stage)
            text = {
                "current": _("▶ {number} {stage} · now"),
                "done": "✓ {number} {stage}",
                "todo": "{number} {stage}",
                "covered": "✓ {number} {stage}",
                "absent": "– {number} {stage}",
            }[state]
            label.setText(text.format(number=number, stage=stage.label))
            spoken = {"current": _("now, the current stage"), "done": _("done"), "todo": _("to come"),
                      "covered": _("in this routine"), "absent": _("not in this routine")}[state]
            label.setAccessibleName(_("Stage {number}, {stage}: {state}").format(
                number=number, stage=stage.label, state=spoken))
            label.setAccessibleDescription(_("Stage {number} of {count}.").format(number=number,
                                                                                  count=len(self.labels)))
            set_style_flag(label, "stage", state)
            # Bold in code after the restyle: a restyle resets the font, a font rule in the sheet its size.
            font = QFont(self.font())
            if self._pixel_size is not None:
                font.setPixelSize(self._pixel_size)
            font.setBold(state == "current")
            label.setFont(font)
        self.setAccessibleDescription(self.summary())
        self._arrange(self.columns_for(self.width()))
        self.updateGeometry()

    def summary(self) -> str:
        """The strip in words: the stage now and the ones done, or which stages the routine has."""
        by_state: dict[str, list[str]] = {}
        for stage in self.labels:
            by_state.setdefault(self.state_of(stage), []).append(stage.label)
        if self._coverage:
            words = [_("This routine has: {stages}.").format(stages=", ".join(by_state.get("covered", [])))]
        elif self._current is not None:
            words = [_("Now: stage {number} of {count}, {stage}.").format(
                number=self._current.order + 1, count=len(self.labels), stage=self._current.label)]
            if by_state.get("done"):
                words.append(_("Done: {stages}.").format(stages=", ".join(by_state["done"])))
            if by_state.get("todo"):
                words.append(_("To come: {stages}.").format(stages=", ".join(by_state["todo"])))
        else:
            words = [_("Stages: {stages}.").format(stages=", ".join(by_state.get("todo", [])) or _("none"))]
        if by_state.get("absent"):
            words.append(_("Not in this routine: {stages}.").format(stages=", ".join(by_state["absent"])))
        return " ".join(words)
