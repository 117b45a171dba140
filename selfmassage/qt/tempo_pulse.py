"""A visual metronome for rubbing: a dot that jumps to the other side on each of the engine's beats.

Rubbing goes back and forth, so the dot does too. It moves only when a TempoBeat arrives, and it jumps
rather than glides: the click carries the tempo to someone who is not looking, and from 2 m a dot that
lands on the beat reads as well as one that slides. A glide cost a repaint per frame; a jump costs one
repaint of the dot's old and new places per beat, nothing in between.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from selfmassage.i18n import _, ngettext


class TempoPulse(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.beats = 0  # beats shown since the last reset
        self.set_tempo(80)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(_("Rubbing tempo"))
        # It paints its own background, the card's (the palette's Base): a beat then repaints the dot's two
        # places only, not the card and the page behind them as well.
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def set_tempo(self, per_minute: int) -> None:
        self.setAccessibleDescription(ngettext(
            "A dot that jumps from side to side {count} time a minute: rub in time with it, one stroke each "
            "way.",
            "A dot that jumps from side to side {count} times a minute: rub in time with it, one stroke each "
            "way.",
            per_minute).format(count=per_minute))

    def reset(self) -> None:
        if self.beats % 2:
            self._repaint_dots()
        self.beats = 0

    def beat(self) -> None:
        """One rubbing movement: the dot jumps to the other side."""
        self.beats += 1
        self._repaint_dots()

    def side(self) -> str:
        return "right" if self.beats % 2 else "left"

    def dot_rect(self, side: str | None = None) -> QRect:
        """Where the dot is drawn on `side` (now when None), with room for its antialiased edge."""
        left, right, middle, radius = self._geometry()
        x = right if (side or self.side()) == "right" else left
        dot = QRectF(x - radius, middle - radius, radius * 2, radius * 2)
        return dot.toAlignedRect().adjusted(-1, -1, 1, 1)

    def _repaint_dots(self) -> None:
        # Only where the dot was and where it is: the track and the card behind it stay as they are.
        self.update(self.dot_rect("left"))
        self.update(self.dot_rect("right"))

    def _geometry(self) -> tuple[float, float, float, float]:
        """The two turning points' x, the track's y and the dot's radius."""
        height = self.height()
        radius = height * 0.36
        return radius + 4, self.width() - radius - 4, height / 2, radius

    def sizeHint(self) -> QSize:
        return QSize(280, 44)

    def minimumSizeHint(self) -> QSize:
        return QSize(120, 28)

    def paintEvent(self, event: QPaintEvent) -> None:
        pal = self.palette()
        left, right, middle, radius = self._geometry()
        painter = QPainter(self)
        # The card's colour, as a brush the palette already has: fillRect with a colour or a new QBrush makes
        # PySide6 build QGradient's enums to choose among its overloads (~0.2 MiB kept for the session).
        painter.setBackground(pal.brush(QPalette.ColorRole.Base))
        painter.eraseRect(event.rect())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(pal.color(QPalette.ColorRole.Mid), max(4.0, self.height() * 0.12))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.drawLine(QPointF(left, middle), QPointF(right, middle))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(pal.color(QPalette.ColorRole.Mid))
        for end in (left, right):  # the two turning points
            painter.drawEllipse(QPointF(end, middle), radius * 0.45, radius * 0.45)
        painter.setBrush(QColor(pal.color(QPalette.ColorRole.Highlight)))
        x = right if self.beats % 2 else left
        painter.drawEllipse(QPointF(x, middle), radius, radius)
        painter.end()
