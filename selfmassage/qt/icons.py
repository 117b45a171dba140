"""The control icons, drawn as simple shapes in the theme's text colour, so they match both themes and stay
sharp at any size (no image files, no icon theme needed)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap, QPolygonF

KINDS = ("play", "pause", "skip", "back", "stop", "sound", "muted")
_SIZE = 64


def _triangle(painter: QPainter, left: float, right: float, top: float, bottom: float) -> None:
    middle = (top + bottom) / 2
    painter.drawPolygon(QPolygonF([QPointF(left, top), QPointF(right, middle), QPointF(left, bottom)]))


def _speaker(painter: QPainter) -> None:
    path = QPainterPath()
    path.moveTo(8, 24)
    path.lineTo(20, 24)
    path.lineTo(34, 12)
    path.lineTo(34, 52)
    path.lineTo(20, 40)
    path.lineTo(8, 40)
    path.closeSubpath()
    painter.drawPath(path)


def draw(kind: str, colour: QColor, size: int = _SIZE) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(size / _SIZE, size / _SIZE)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    if kind == "play":
        _triangle(painter, 16, 52, 10, 54)
    elif kind == "pause":
        painter.drawRoundedRect(QRectF(14, 10, 13, 44), 3, 3)
        painter.drawRoundedRect(QRectF(37, 10, 13, 44), 3, 3)
    elif kind == "skip":
        _triangle(painter, 8, 40, 12, 52)
        painter.drawRoundedRect(QRectF(44, 12, 10, 40), 3, 3)
    elif kind == "back":
        painter.drawRoundedRect(QRectF(10, 12, 10, 40), 3, 3)
        painter.drawPolygon(QPolygonF([QPointF(56, 12), QPointF(24, 32), QPointF(56, 52)]))
    elif kind == "stop":
        painter.drawRoundedRect(QRectF(12, 12, 40, 40), 6, 6)
    elif kind in ("sound", "muted"):
        _speaker(painter)
        pen = QPen(colour, 5)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if kind == "sound":
            painter.drawArc(QRectF(30, 20, 16, 24), -50 * 16, 100 * 16)
            painter.drawArc(QRectF(30, 10, 28, 44), -50 * 16, 100 * 16)
        else:
            painter.drawLine(QPointF(42, 22), QPointF(58, 42))
            painter.drawLine(QPointF(58, 22), QPointF(42, 42))
    else:
        raise ValueError(f"no icon called {kind!r}")
    painter.end()
    return pixmap


def icon(kind: str, colour: QColor | str) -> QIcon:
    return QIcon(draw(kind, QColor(colour)))
