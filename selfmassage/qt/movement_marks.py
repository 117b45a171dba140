"""How the movement layer draws: the still path (a dashed line and its arrowhead, rubbing's faint rings) and
the moving mark for each kind of motion. Plain QPainter, no state of its own: the layer says where things are.

`mark_points` gives the points a mark covers, so the layer repaints only around the mark's old and new place.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass
from typing import NamedTuple

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPixmap, QPolygonF

from selfmassage.core.movement import Motion, Path, Trace, heading_at, length, point_along

CIRCLE_SPACING = 13.0  # between rubbing's circles, in the drawing's units (the figure is 400 high)
TAIL = 0.3  # how much of the path a stroke's fading tail covers

MARK = QColor(255, 250, 240, 235)  # warm white: reads on the lit area and on the grey figure alike
EDGE = QColor(40, 20, 10, 150)  # a dark halo under every line, so it never depends on colour alone


@dataclass(frozen=True)
class Frame:
    """Where the motion is: the mark's place along the path, the seconds shown, the beats done."""

    motion: Motion
    fraction: float
    elapsed: float
    beats: int
    lifting: bool  # a stroke's hand comes back through the air


class Geometry:
    """From the drawing's 0–1 units to the widget's pixels. Made anew when the step or the size changes, so it
    keeps the points it has worked out: a session's frames come back to the same few places."""

    def __init__(self, area: QRectF, ratio: float = 1.0) -> None:
        self.area = area
        self.scale = area.height() / 400  # pixels per unit of the drawing
        self.ratio = ratio  # device pixels per pixel, for the sprites
        self._along: dict[tuple[Path, float], QPointF] = {}

    def px(self, point: tuple[float, float]) -> QPointF:
        return QPointF(self.area.x() + point[0] * self.area.width(),
                       self.area.y() + point[1] * self.area.height())

    def along(self, points: Path, fraction: float) -> QPointF:
        key = (points, round(fraction, 4))
        found = self._along.get(key)
        if found is None:
            if len(self._along) >= 1024:  # the Learn page's frames run on real time: no end of places
                self._along.clear()
            found = self._along[key] = self.px(point_along(points, key[1]))
        return found


@functools.lru_cache(maxsize=64)
def _circles_on(points: Path) -> int:
    return max(3, round(length(points) / CIRCLE_SPACING) + 1)


def circle_count(trace: Trace) -> int:
    return _circles_on(trace.points)


def circle_place(trace: Trace, beats: int) -> int:
    return beats % circle_count(trace)


def faded(colour: QColor, alpha: float) -> QColor:
    result = QColor(colour)
    result.setAlphaF(colour.alphaF() * max(0.0, min(1.0, alpha)))
    return result


def pen(colour: QColor, width: float, *, dashed: bool = False) -> QPen:
    result = QPen(colour, width)
    result.setCapStyle(Qt.PenCapStyle.RoundCap)
    result.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    if dashed:
        result.setDashPattern([2.0, 2.5])
    return result


# --- the still picture ---------------------------------------------------------------------------------
def draw_path(painter: QPainter, geo: Geometry, trace: Trace, *, still: bool) -> None:
    """The way to go: a faint dashed line and an arrowhead at its end (the whole picture when still)."""
    points = [geo.px(p) for p in trace.points]
    path = QPainterPath(points[0])
    for point in points[1:]:
        path.lineTo(point)
    width = max(1.5, (2.0 if still else 1.3) * geo.scale)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for colour, extra in ((EDGE, 1.5), (faded(MARK, 1.0 if still else 0.55), 0.0)):
        painter.setPen(pen(colour, width + extra, dashed=not still))
        painter.drawPath(path)
    dx, dy = heading_at(trace.points, 1.0)
    tip = points[-1]
    size = max(6.0, 7.5 * geo.scale)
    back = QPointF(tip.x() - dx * size, tip.y() - dy * size)
    side = QPointF(-dy * size * 0.6, dx * size * 0.6)
    edge = QPen(EDGE, 1.2)
    edge.setJoinStyle(Qt.PenJoinStyle.MiterJoin)  # a sharp tip reads as an arrow, a round one as a dot
    painter.setPen(edge)
    painter.setBrush(faded(MARK, 1.0 if still else 0.8))
    painter.drawPolygon(QPolygonF([tip, back + side, back - side]))


def draw_rings(painter: QPainter, geo: Geometry, trace: Trace) -> None:
    """Rubbing's small circles along the path, faint: the mark lights one of them on each beat."""
    count = circle_count(trace)
    for k in range(count):
        _ring(painter, geo, geo.along(trace.points, k / count), 0.15)


def _ring(painter: QPainter, geo: Geometry, centre: QPointF, strength: float, turn: int | None = None
          ) -> None:
    sprite = _ring_sprite(round(ring_radius(geo) * 4) / 4, round(geo.scale * 8) / 8, strength, turn,
                          geo.ratio)
    _put(painter, sprite, centre)


class Sprite(NamedTuple):
    """A small square picture drawn once, and half its side (in pixels), to centre it without asking Qt."""

    picture: QPixmap
    half: float


def _put(painter: QPainter, sprite: Sprite, centre: QPointF) -> None:
    """A sprite centred on `centre`: a copy, not a drawing, which is what keeps a frame cheap."""
    painter.drawPixmap(QPointF(centre.x() - sprite.half, centre.y() - sprite.half), sprite.picture)


def _sprite(half: float, ratio: float) -> tuple[Sprite, QPainter, QPointF]:
    side = math.ceil(2 * half + 4)
    picture = QPixmap(round(side * ratio), round(side * ratio))
    picture.setDevicePixelRatio(ratio)
    picture.fill(Qt.GlobalColor.transparent)
    painter = QPainter(picture)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    return Sprite(picture, side / 2), painter, QPointF(side / 2, side / 2)


@functools.lru_cache(maxsize=64)
def _ring_sprite(radius: float, scale: float, strength: float, turn: int | None, ratio: float) -> Sprite:
    sprite, painter, centre = _sprite(radius + 2.2 * scale + 3, ratio)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for colour, width in ((faded(EDGE, strength), 2.2 * scale + 1.5),
                          (faded(MARK, 0.35 + 0.65 * strength), 2.2 * scale)):
        painter.setPen(pen(colour, max(1.5, width)))
        painter.drawEllipse(centre, radius, radius)
    if turn is not None:  # where the hand is on its circle
        angle = turn * math.pi / 2
        hand = QPointF(centre.x() + radius * math.cos(angle), centre.y() + radius * math.sin(angle))
        _blob_on(painter, hand, 1.8 * scale, 1.0)
    painter.end()
    return sprite


@functools.lru_cache(maxsize=64)
def _blob_sprite(radius: float, alpha: float, ratio: float) -> Sprite:
    sprite, painter, centre = _sprite(radius + 1, ratio)
    _blob_on(painter, centre, radius, alpha)
    painter.end()
    return sprite


def ring_radius(geo: Geometry) -> float:
    return max(4.0, 5.0 * geo.scale)


# --- the moving mark -----------------------------------------------------------------------------------
def mark_points(geo: Geometry, trace: Trace, frame: Frame) -> list[QPointF]:
    """The points the mark covers now (with `mark_margin` around them)."""
    points = trace.points
    if frame.motion is Motion.CIRCLES:
        count = circle_count(trace)
        now = circle_place(trace, frame.beats)
        return [geo.along(points, k / count) for k in (max(0, now - 1), now)]
    if frame.motion is Motion.STROKE:
        return [geo.along(points, max(0.0, frame.fraction - TAIL * k / 4)) for k in range(5)]
    if frame.motion is Motion.PUSH:  # the pressed line behind the bar
        return [geo.along(points, frame.fraction * k / 8) for k in range(9)]
    return [geo.along(points, frame.fraction)]


def mark_margin(geo: Geometry) -> float:
    return 12 * geo.scale + 4


def draw_mark(painter: QPainter, geo: Geometry, trace: Trace, frame: Frame) -> None:
    if frame.motion is Motion.CIRCLES:
        _draw_circle_now(painter, geo, trace, frame)
        return
    centre = geo.along(trace.points, frame.fraction)
    heading = heading_at(trace.points, frame.fraction)
    if frame.motion is Motion.STROKE:
        _draw_stroke(painter, geo, mark_points(geo, trace, frame), frame)
    elif frame.motion is Motion.PUSH:
        _draw_push(painter, geo, mark_points(geo, trace, frame), centre, heading)
    elif frame.motion is Motion.GRIP_ROLL:
        _draw_grip(painter, geo, centre, heading, frame.elapsed)
    else:
        _draw_taps(painter, geo, centre, heading, frame.elapsed)


def _draw_circle_now(painter: QPainter, geo: Geometry, trace: Trace, frame: Frame) -> None:
    count = circle_count(trace)
    now = circle_place(trace, frame.beats)
    if now:
        _ring(painter, geo, geo.along(trace.points, (now - 1) / count), 0.5)  # the one just done
    # The hand goes round its circle a quarter turn a beat.
    _ring(painter, geo, geo.along(trace.points, now / count), 1.0, turn=frame.beats % 4)


def _draw_stroke(painter: QPainter, geo: Geometry, tail: list[QPointF], frame: Frame) -> None:
    alpha = 0.35 if frame.lifting else 1.0  # the hand lifts away softly: no blink
    for k in range(len(tail) - 1, 0, -1):  # a trail of fading dots behind the palm
        blob(painter, geo, tail[k], (4.0 - 0.6 * k) * geo.scale, alpha * (0.75 - 0.15 * k))
    blob(painter, geo, tail[0], 5.5 * geo.scale, alpha)


def _draw_push(painter: QPainter, geo: Geometry, pressed: list[QPointF], centre: QPointF,
               heading: tuple[float, float]) -> None:
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(pen(faded(MARK, 0.6), max(3.0, 4.0 * geo.scale)))
    painter.drawPolyline(pressed)
    dx, dy = heading
    half = 9.0 * geo.scale
    across = QPointF(-dy * half, dx * half)  # the heel of the palm, across the muscle
    for colour, width in ((EDGE, 5.0 * geo.scale + 2), (MARK, 5.0 * geo.scale)):
        painter.setPen(pen(colour, max(3.0, width)))
        painter.drawLine(centre - across, centre + across)


def _draw_grip(painter: QPainter, geo: Geometry, centre: QPointF, heading: tuple[float, float],
               elapsed: float) -> None:
    roll = 28 * math.sin(elapsed * math.pi)  # a slow roll, one way then back, every 2 s
    angle = math.degrees(math.atan2(heading[1], heading[0])) + roll
    radius = 7.5 * geo.scale
    box = QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for colour, width in ((EDGE, 3.0 * geo.scale + 2), (MARK, 3.0 * geo.scale)):
        painter.setPen(pen(colour, max(2.0, width)))
        for start in (angle + 30, angle + 210):  # thumb and fingers, closing on the muscle
            painter.drawArc(box, round(-start * 16), -120 * 16)
    blob(painter, geo, centre, 2.4 * geo.scale, 0.9)


def _draw_taps(painter: QPainter, geo: Geometry, centre: QPointF, heading: tuple[float, float],
               elapsed: float) -> None:
    dx, dy = heading
    spread = 7.0 * geo.scale
    for k, (along, across) in enumerate(((0.0, 0.0), (-0.8, 0.9), (-0.8, -0.9))):
        # Quick, soft taps: each dot swells and settles in turn, never blinking off.
        swell = 0.5 + 0.5 * math.sin(elapsed * 2 * math.pi * 2.5 - k * 2.1)
        point = QPointF(centre.x() + (dx * along - dy * across) * spread,
                        centre.y() + (dy * along + dx * across) * spread)
        blob(painter, geo, point, (2.2 + 1.6 * swell) * geo.scale, 0.55 + 0.45 * swell)


def blob(painter: QPainter, geo: Geometry, centre: QPointF, radius: float, alpha: float) -> None:
    """A soft dot: the palm, a fingertip. Drawn once per size and strength, then copied."""
    sprite = _blob_sprite(max(2.0, round(radius * 2) / 2), round(alpha * 10) / 10, geo.ratio)
    _put(painter, sprite, centre)


def _blob_on(painter: QPainter, centre: QPointF, radius: float, alpha: float) -> None:
    painter.setPen(pen(faded(EDGE, alpha), 1.3))
    painter.setBrush(faded(MARK, alpha))
    painter.drawEllipse(centre, max(2.0, radius), max(2.0, radius))
