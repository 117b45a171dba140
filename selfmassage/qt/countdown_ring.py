"""The step's countdown: big mm:ss inside a ring that fills as the step goes by.

It changes only when the session tells it (once a second), so it costs nothing between seconds. Its
accessible description says the time in words ("4 minutes 12 seconds left in this step"), so a screen
reader reads what the ring shows.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QFont, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from selfmassage.qt.a11y import spoken_duration


class CountdownRing(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = "00:00"
        self._caption = ""
        self._fraction = 0.0
        self._spoken = "No step yet."
        self.setMinimumSize(160, 160)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName("Time left in this step")
        self._describe()

    def set_time(self, text: str, fraction_done: float, seconds_left: int | None = None) -> None:
        """`text` like 04:12; `fraction_done` 0 at the step's start, 1 at its end; `seconds_left` for the
        words (read from `text` when not given)."""
        self._text = text
        self._fraction = max(0.0, min(1.0, fraction_done))
        seconds = seconds_left if seconds_left is not None else _seconds_in(text)
        self._spoken = f"{spoken_duration(seconds)} left in this step" if seconds is not None else text
        self._describe()
        self.update()

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

    def paintEvent(self, event: QPaintEvent) -> None:
        pal = self.palette()
        side = min(self.width(), self.height())
        thickness = max(8.0, side * 0.06)
        square = QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)
        ring = square.adjusted(thickness / 2 + 2, thickness / 2 + 2, -thickness / 2 - 2, -thickness / 2 - 2)
        painter = QPainter(self)
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
        font = QFont(self.font())
        font.setBold(True)
        font.setPixelSize(max(12, round(side * 0.25)))
        painter.setFont(font)
        painter.setPen(pal.color(QPalette.ColorRole.WindowText))
        text_box = QRectF(square.x(), square.y() + side * 0.30, side, side * 0.34)
        painter.drawText(text_box, Qt.AlignmentFlag.AlignCenter, self._text)
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
