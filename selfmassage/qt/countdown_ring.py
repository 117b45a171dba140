"""The step's countdown: big mm:ss inside a ring that fills as the step goes by.

It changes only when the session tells it (once a second), so it costs nothing between seconds, and then
it repaints only what changed: the digits and the piece of arc the second added. Its accessible description
says the time in words ("4 minutes 12 seconds left in this step"), so a screen reader reads what the ring
shows.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from selfmassage.i18n import _
from selfmassage.qt.a11y import spoken_duration


class CountdownRing(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = "00:00"
        self._caption = ""
        self._fraction = 0.0
        self._spoken = _("No step yet.")
        self._fonts: tuple[float, QFont, QFontMetricsF] | None = None  # the digits' font for one side
        self.setMinimumSize(160, 160)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(_("Time left in this step"))
        # It paints its own background, the card's (the palette's Base): a second then repaints its digits
        # and a piece of arc only, not the card and the page behind them as well.
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._describe()

    def set_time(self, text: str, fraction_done: float, seconds_left: int | None = None) -> None:
        """`text` like 04:12; `fraction_done` 0 at the step's start, 1 at its end; `seconds_left` for the
        words (read from `text` when not given)."""
        fraction = max(0.0, min(1.0, fraction_done))
        if fraction < self._fraction:
            self.update()  # a new step: the arc starts again
        else:
            if fraction > self._fraction:
                self.update(self._arc_rect(self._fraction, fraction))
            if text != self._text:
                self.update(self._text_rect(text).united(self._text_rect(self._text)))
        self._text = text
        self._fraction = fraction
        seconds = seconds_left if seconds_left is not None else _seconds_in(text)
        self._spoken = (_("{time} left in this step").format(time=spoken_duration(seconds))
                        if seconds is not None else text)
        self._describe()

    def set_caption(self, caption: str) -> None:
        """A word under the time, e.g. "Paused"; empty for none."""
        self._caption = caption
        self._describe()
        self.update()

    def spoken(self) -> str:
        """What the ring shows, in words."""
        return self.accessibleDescription()

    def _describe(self) -> None:
        self.setAccessibleDescription(f"{self._spoken}. {self._caption}." if self._caption else self._spoken)

    def text(self) -> str:
        return self._text

    def caption(self) -> str:
        return self._caption

    def fraction_done(self) -> float:
        return self._fraction

    def sizeHint(self) -> QSize:
        return QSize(320, 320)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return width

    # -- where things are drawn -----------------------------------------------------------------------

    def _square(self) -> tuple[QRectF, float, float]:
        """The ring's square, its side, and the arc's thickness."""
        side = min(self.width(), self.height())
        square = QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)
        return square, side, max(8.0, side * 0.06)

    def _ring(self) -> tuple[QRectF, float]:
        """The rectangle the arc's centre line runs on, and the arc's thickness."""
        square, _side, thickness = self._square()
        inset = thickness / 2 + 2
        return square.adjusted(inset, inset, -inset, -inset), thickness

    def _digits(self, side: float) -> tuple[QFont, QFontMetricsF]:
        """The digits' font and its metrics, made once per side and font: each second asks for them twice
        (the old digits' place and the new) and paints with them."""
        if self._fonts is None or self._fonts[0] != side:
            font = QFont(self.font())
            font.setBold(True)
            font.setPixelSize(max(12, round(side * 0.25)))
            self._fonts = side, font, QFontMetricsF(font)
        return self._fonts[1], self._fonts[2]

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._fonts = None
        super().changeEvent(event)

    def _text_box(self) -> QRectF:
        square, side, _thickness = self._square()
        return QRectF(square.x(), square.y() + side * 0.30, side, side * 0.34)

    def _text_rect(self, text: str) -> QRect:
        """Where `text` is drawn, with a margin for antialiasing."""
        box = self._text_box()
        _square, side, _thickness = self._square()
        metrics = self._digits(side)[1]
        width = min(box.width(), metrics.horizontalAdvance(text) + metrics.height() * 0.2)
        height = min(box.height(), metrics.height())
        drawn = QRectF(0, 0, width, height)
        drawn.moveCenter(box.center())
        return drawn.toAlignedRect().adjusted(-2, -2, 2, 2)

    def _arc_rect(self, start: float, end: float) -> QRect:
        """What the arc covers between two fractions of the step, round caps and antialiasing included."""
        ring, thickness = self._ring()
        centre, rx, ry = ring.center(), ring.width() / 2, ring.height() / 2

        def point(fraction: float) -> QPointF:  # clockwise from 12 o'clock
            angle = fraction * 2 * math.pi
            return QPointF(centre.x() + rx * math.sin(angle), centre.y() - ry * math.cos(angle))

        # The ends, and any of 3, 6 and 9 o'clock the arc passes (the box's extremes).
        turns = [quarter / 4 for quarter in (1, 2, 3) if start < quarter / 4 < end]
        points = [point(f) for f in (start, end, *turns)]
        xs, ys = [p.x() for p in points], [p.y() for p in points]
        pad = thickness / 2 + 2
        box = QRectF(min(xs) - pad, min(ys) - pad, max(xs) - min(xs) + 2 * pad, max(ys) - min(ys) + 2 * pad)
        return box.toAlignedRect().adjusted(-1, -1, 1, 1)

    def paintEvent(self, event: QPaintEvent) -> None:
        pal = self.palette()
        square, side, _thickness = self._square()
        ring, thickness = self._ring()
        painter = QPainter(self)
        # The card's colour, as a brush the palette already has: fillRect with a colour or a new QBrush makes
        # PySide6 build QGradient's enums to choose among its overloads (~0.2 MiB kept for the session).
        painter.setBackground(pal.brush(QPalette.ColorRole.Base))
        painter.eraseRect(event.rect())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(pal.color(QPalette.ColorRole.Mid), thickness)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.drawEllipse(ring)
        if self._fraction > 0:
            pen.setColor(pal.color(QPalette.ColorRole.Highlight))
            painter.setPen(pen)
            # Qt angles are 1/16 degree, counter-clockwise from 3 o'clock: start at 12, go clockwise.
            painter.drawArc(ring, 90 * 16, -round(self._fraction * 360 * 16))
        painter.setFont(self._digits(side)[0])
        painter.setPen(pal.color(QPalette.ColorRole.WindowText))
        painter.drawText(self._text_box(), Qt.AlignmentFlag.AlignCenter, self._text)
        if self._caption:
            small = QFont(self.font())
            small.setPixelSize(max(10, round(side * 0.08)))
            small.setBold(True)
            painter.setFont(small)
            painter.setPen(pal.color(QPalette.ColorRole.Highlight))
            caption_box = QRectF(square.x(), square.y() + side * 0.64, side, side * 0.12)
            painter.drawText(caption_box, Qt.AlignmentFlag.AlignCenter, self._caption)
        painter.end()


def _seconds_in(text: str) -> int | None:
    """04:12 → 252, 1:02:03 → 3723; None for anything else."""
    parts = text.split(":")
    if not all(part.isdigit() for part in parts):
        return None
    total = 0
    for part in parts:
        total = total * 60 + int(part)
    return total
