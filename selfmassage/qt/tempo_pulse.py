"""A visual metronome for rubbing: a dot that crosses to the other side on each of the engine's beats.

Rubbing goes back and forth, so the dot does too. It moves only when a TempoBeat arrives; the short glide
between sides is a one-off animation started by the beat, never a free-running timer.
"""

from __future__ import annotations

from PySide6.QtCore import QEasingCurve, QPointF, QRectF, QSize, Qt, QTimeLine
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

# Frames drawn on the way from one side to the other.
GLIDE_FRAMES = 3


class TempoPulse(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.beats = 0  # beats shown since the last reset
        self._position = 0.0  # 0 = left, 1 = right
        self._from = self._to = 0.0
        # A few frames per glide, not an animation at the screen's rate: each frame repaints the card under
        # the dot, and at 60 frames a second a minute of rubbing cost ~2 s of CPU (benchmarks).
        self._glide = QTimeLine(300, self)
        self._glide.setEasingCurve(QEasingCurve.Type.InOutSine)
        self._glide.valueChanged.connect(self._moved)
        self.set_tempo(80)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName("Rubbing tempo")

    def set_tempo(self, per_minute: int) -> None:
        duration = max(80, min(400, round(60_000 / per_minute * 0.6)))
        self._glide.setDuration(duration)
        self._glide.setUpdateInterval(max(1, duration // GLIDE_FRAMES))
        self.setAccessibleDescription(f"A dot that crosses at {per_minute} movements a minute: rub in time "
                                      "with it, one stroke each way.")

    def reset(self) -> None:
        self.beats = 0
        self._glide.stop()
        self._position = 0.0
        self.update()

    def beat(self) -> None:
        """One rubbing movement: glide to the other side."""
        self.beats += 1
        target = 1.0 if self.beats % 2 else 0.0
        self._glide.stop()
        self._from, self._to = self._position, target
        self._glide.setCurrentTime(0)
        self._glide.start()

    def side(self) -> str:
        return "right" if self.beats % 2 else "left"

    def _moved(self, value: float) -> None:
        self._position = self._from + (self._to - self._from) * float(value)
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(280, 44)

    def minimumSizeHint(self) -> QSize:
        return QSize(120, 28)

    def paintEvent(self, event: QPaintEvent) -> None:
        pal = self.palette()
        height = self.height()
        radius = height * 0.36
        left, right = radius + 4, self.width() - radius - 4
        middle = height / 2
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(pal.color(QPalette.ColorRole.Mid), max(4.0, height * 0.12))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.drawLine(QPointF(left, middle), QPointF(right, middle))
        painter.setPen(Qt.PenStyle.NoPen)
        for end in (left, right):  # the two turning points
            painter.setBrush(pal.color(QPalette.ColorRole.Mid))
            painter.drawEllipse(QPointF(end, middle), radius * 0.45, radius * 0.45)
        accent = QColor(pal.color(QPalette.ColorRole.Highlight))
        x = left + (right - left) * self._position
        painter.setBrush(accent)
        painter.drawEllipse(QRectF(x - radius, middle - radius, radius * 2, radius * 2))
        painter.end()
