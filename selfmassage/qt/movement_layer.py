"""The movement layer: a soft trace over the body map showing how the hand moves in the current step.

It draws what the core describes (selfmassage.core.movement): a faint path with an arrowhead for the way to
go, and on it, moving calmly, the hand's mark — a glide for stroking, small circles for rubbing (one a beat,
with the click), a slow press for squeezing, a grip that rolls for kneading, light taps for vibration.

It is cheap on purpose: a transparent child of the map that repaints only the paths' rectangle, at a modest
frame rate (rubbing moves only on the beat), and only while the session runs. Still, with no animation, when
the person wants less motion: the path and its arrow stay.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, QPointF, QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QWidget

from selfmassage.core.movement import Motion, Movement, Trace, heading_at, length, point_along

# Frames a second while a mark glides: enough to read as motion, few enough to cost little.
FRAME_MS = {Motion.STROKE: 100, Motion.PUSH: 125, Motion.GRIP_ROLL: 125, Motion.DOTS: 100}
# A stroke glides, then the hand lifts and comes back through the air: the mark fades for this long.
LIFT_SECONDS = 0.8
CIRCLE_SPACING = 13.0  # between rubbing's circles, in the drawing's units (the figure is 400 high)

_MARK = QColor(255, 250, 240, 235)  # warm white: reads on the lit area and on the grey figure alike
_EDGE = QColor(40, 20, 10, 150)  # a dark halo under every line, so it never depends on colour alone


class MovementLayer(QWidget):
    frame = Signal()  # one new picture: a glide's frame or a rubbing beat

    def __init__(self, body_map: QWidget) -> None:
        super().__init__(body_map)
        self._map = body_map
        self._area_now: QRectF | None = None  # the map's drawing rectangle, while one paint runs
        self.movement: Movement | None = None
        self.running = False
        self.animated = True
        self.tempo = 80
        self.beats = 0  # rubbing: circles done on this side
        self.elapsed = 0.0  # seconds of motion shown on this side (pauses excluded)
        self._since = QElapsedTimer()
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.TimerType.CoarseTimer)
        self.timer.timeout.connect(self._tick)
        self._own_beats = True  # False while the session's TempoBeats drive the circles
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setAccessibleName("Movement")
        self.setGeometry(body_map.rect())
        body_map.installEventFilter(self)
        self.hide()

    # --- what it shows ---------------------------------------------------------------------------
    def show_movement(self, movement: Movement | None, *, tempo: int = 80, beats_from_session: bool = False
                      ) -> None:
        """A new step or side: start its motion from the beginning."""
        self._repaint()  # where the old paths were
        self.movement, self.tempo = movement, tempo
        self.beats, self.elapsed = 0, 0.0
        self._own_beats = not beats_from_session
        self.setAccessibleDescription(describe(movement))
        self.setVisible(movement is not None)
        self._repaint()
        self._arm()

    def set_running(self, running: bool) -> None:
        """The session runs or is paused; paused, the picture holds still."""
        self.running = running
        self._arm()

    def set_animated(self, animated: bool) -> None:
        """False for less motion: the path and its arrow only."""
        self.animated = animated
        self._repaint()
        self._arm()

    def beat(self) -> None:
        """One rubbing movement (the session's TempoBeat): the circle moves on."""
        if self.movement is not None and self.running and self.animated:
            self.beats += 1
            self._repaint()
            self.frame.emit()

    def clear(self) -> None:
        self.show_movement(None)

    # --- timing ----------------------------------------------------------------------------------
    def _interval(self) -> int | None:
        movement = self.movement
        if movement is None or not self.running or not self.animated:
            return None
        if movement.motion is Motion.CIRCLES:
            return round(60_000 / self.tempo) if self._own_beats else None
        return FRAME_MS[movement.motion]

    def _arm(self) -> None:
        interval = self._interval()
        if interval is None:
            self.timer.stop()
            return
        self._since.start()
        if not self.timer.isActive() or self.timer.interval() != interval:
            self.timer.start(interval)

    def _tick(self) -> None:
        self.elapsed += self._since.restart() / 1000
        if self.movement is not None and self.movement.motion is Motion.CIRCLES:
            self.beat()
            return
        self._repaint()
        self.frame.emit()

    def fraction(self) -> float:
        """How far along its path the mark is now (0–1); for a stroke, 1 while the hand lifts."""
        if self.movement is None:
            return 0.0
        motion = self.movement.motion
        if motion is Motion.CIRCLES:
            return self._circle_index(self.movement.traces[0]) / self._circle_count(self.movement.traces[0])
        seconds = motion.seconds_per_pass
        cycle = seconds + (LIFT_SECONDS if motion is Motion.STROKE else 0.0)
        return min(1.0, (self.elapsed % cycle) / seconds)

    # --- geometry --------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._map and event.type() == QEvent.Type.Resize:
            self.setGeometry(self._map.rect())
        return False

    def _scale(self) -> float:
        """Pixels per unit of the drawing (400 high)."""
        return self._area().height() / 400

    def _area(self) -> QRectF:
        if self._area_now is not None:
            return self._area_now
        area = getattr(self._map, "map_rect", None)
        return area() if area is not None else QRectF(self.rect())

    def _to_px(self, point: tuple[float, float]) -> QPointF:
        area = self._area()
        return QPointF(area.x() + point[0] * area.width(), area.y() + point[1] * area.height())

    def paths_rect(self) -> QRect:
        """The one rectangle this layer ever repaints: its paths, with room for the marks."""
        if self.movement is None or not self.movement.traces:
            return QRect()
        points = [self._to_px(p) for trace in self.movement.traces for p in trace.points]
        xs, ys = [p.x() for p in points], [p.y() for p in points]
        margin = 13 * self._scale() + 4
        return QRectF(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys)).adjusted(
            -margin, -margin, margin, margin).toAlignedRect()

    def _repaint(self) -> None:
        rect = self.paths_rect()
        if not rect.isEmpty():
            self.update(rect)

    def _circle_count(self, trace: Trace) -> int:
        return max(3, round(length(trace.points) / CIRCLE_SPACING) + 1)

    def _circle_index(self, trace: Trace) -> int:
        return self.beats % self._circle_count(trace)

    # --- drawing ---------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        if self.movement is None:
            return
        self._area_now = self._area()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        scale = self._scale()
        for trace in self.movement.traces:
            points = [self._to_px(p) for p in trace.points]
            self._draw_path(painter, points, trace.points, scale)
            if self.animated:
                self._draw_mark(painter, trace, scale)
        painter.end()
        self._area_now = None

    def _pen(self, colour: QColor, width: float, *, dashed: bool = False) -> QPen:
        pen = QPen(colour, width)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        if dashed:
            pen.setDashPattern([2.0, 2.5])
        return pen

    def _draw_path(self, painter: QPainter, points: list[QPointF], raw: tuple[tuple[float, float], ...],
                   scale: float) -> None:
        """The way to go: a faint dashed line and an arrowhead at its end (the whole picture when still)."""
        path = QPainterPath(points[0])
        for point in points[1:]:
            path.lineTo(point)
        still = not self.animated
        width = max(1.5, (2.0 if still else 1.3) * scale)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for colour, extra in ((_EDGE, 1.5), (_faded(_MARK, 1.0 if still else 0.55), 0.0)):
            painter.setPen(self._pen(colour, width + extra, dashed=not still))
            painter.drawPath(path)
        dx, dy = heading_at(raw, 1.0)
        tip = points[-1]
        size = max(6.0, 7.5 * scale)
        back = QPointF(tip.x() - dx * size, tip.y() - dy * size)
        side = QPointF(-dy * size * 0.6, dx * size * 0.6)
        head = QPolygonF([tip, back + side, back - side])
        edge = QPen(_EDGE, 1.2)
        edge.setJoinStyle(Qt.PenJoinStyle.MiterJoin)  # a sharp tip reads as an arrow, a round one as a dot
        painter.setPen(edge)
        painter.setBrush(_faded(_MARK, 1.0 if still else 0.8))
        painter.drawPolygon(head)

    def _draw_mark(self, painter: QPainter, trace: Trace, scale: float) -> None:
        motion = self.movement.motion if self.movement is not None else Motion.STROKE
        if motion is Motion.CIRCLES:
            self._draw_circles(painter, trace, scale)
            return
        fraction = self.fraction()
        centre = self._to_px(point_along(trace.points, fraction))
        dx, dy = heading_at(trace.points, fraction)
        if motion is Motion.STROKE:
            self._draw_stroke(painter, trace, fraction, scale)
        elif motion is Motion.PUSH:
            self._draw_push(painter, trace, centre, (dx, dy), fraction, scale)
        elif motion is Motion.GRIP_ROLL:
            self._draw_grip(painter, centre, (dx, dy), scale)
        else:
            self._draw_taps(painter, centre, (dx, dy), scale)

    def _draw_stroke(self, painter: QPainter, trace: Trace, fraction: float, scale: float) -> None:
        cycle = Motion.STROKE.seconds_per_pass
        lifting = (self.elapsed % (cycle + LIFT_SECONDS)) > cycle
        alpha = 0.35 if lifting else 1.0  # the hand lifts away softly: no blink
        tail = [self._to_px(point_along(trace.points, max(0.0, fraction - 0.3 * k / 4))) for k in range(5)]
        path = QPainterPath(tail[-1])
        for point in reversed(tail[:-1]):
            path.lineTo(point)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(self._pen(_faded(_MARK, 0.7 * alpha), max(3.0, 4.0 * scale)))
        painter.drawPath(path)
        self._blob(painter, tail[0], 5.5 * scale, alpha)

    def _draw_circles(self, painter: QPainter, trace: Trace, scale: float) -> None:
        count = self._circle_count(trace)
        now = self._circle_index(trace)
        radius = max(4.0, 5.0 * scale)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for k in range(count):
            centre = self._to_px(point_along(trace.points, k / count))  # the arrow has the last stretch
            strength = {0: 1.0, 1: 0.5}.get(now - k, 0.15) if k <= now else 0.15
            # A ring: the hand's small circle. Done ones stay faintly; the one now is bright.
            for colour, width in ((_faded(_EDGE, strength), 2.2 * scale + 1.5),
                                  (_faded(_MARK, 0.35 + 0.65 * strength), 2.2 * scale)):
                painter.setPen(self._pen(colour, max(1.5, width)))
                painter.drawEllipse(centre, radius, radius)
            if k == now:  # where the hand is on its circle: a quarter turn on at each beat
                turn = self.beats * math.pi / 2
                self._blob(painter, QPointF(centre.x() + radius * math.cos(turn),
                                            centre.y() + radius * math.sin(turn)), 1.8 * scale, 1.0)

    def _draw_push(self, painter: QPainter, trace: Trace, centre: QPointF, heading: tuple[float, float],
                   fraction: float, scale: float) -> None:
        pressed = QPainterPath(self._to_px(trace.points[0]))
        for k in range(1, 9):
            pressed.lineTo(self._to_px(point_along(trace.points, fraction * k / 8)))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(self._pen(_faded(_MARK, 0.6), max(3.0, 4.0 * scale)))
        painter.drawPath(pressed)
        dx, dy = heading
        half = 9.0 * scale
        across = QPointF(-dy * half, dx * half)
        for colour, width in ((_EDGE, 5.0 * scale + 2), (_MARK, 5.0 * scale)):
            painter.setPen(self._pen(colour, max(3.0, width)))
            painter.drawLine(centre - across, centre + across)

    def _draw_grip(self, painter: QPainter, centre: QPointF, heading: tuple[float, float],
                   scale: float) -> None:
        roll = 28 * math.sin(self.elapsed * math.pi)  # a slow roll, one way then back, every 2 s
        angle = math.degrees(math.atan2(heading[1], heading[0])) + roll
        radius = 7.5 * scale
        box = QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for colour, width in ((_EDGE, 3.0 * scale + 2), (_MARK, 3.0 * scale)):
            painter.setPen(self._pen(colour, max(2.0, width)))
            for start in (angle + 30, angle + 210):  # thumb and fingers, closing on the muscle
                painter.drawArc(box, round(-start * 16), -120 * 16)
        self._blob(painter, centre, 2.4 * scale, 0.9)

    def _draw_taps(self, painter: QPainter, centre: QPointF, heading: tuple[float, float],
                   scale: float) -> None:
        dx, dy = heading
        spread = 7.0 * scale
        for k, (along, across) in enumerate(((0.0, 0.0), (-0.8, 0.9), (-0.8, -0.9))):
            # Quick, soft taps: each dot swells and settles in turn, never blinking off.
            swell = 0.5 + 0.5 * math.sin(self.elapsed * 2 * math.pi * 2.5 - k * 2.1)
            point = QPointF(centre.x() + (dx * along - dy * across) * spread,
                            centre.y() + (dy * along + dx * across) * spread)
            self._blob(painter, point, (2.2 + 1.6 * swell) * scale, 0.55 + 0.45 * swell)

    def _blob(self, painter: QPainter, centre: QPointF, radius: float, alpha: float) -> None:
        painter.setPen(self._pen(_faded(_EDGE, alpha), 1.3))
        painter.setBrush(_faded(_MARK, alpha))
        painter.drawEllipse(centre, max(2.0, radius), max(2.0, radius))


def _faded(colour: QColor, alpha: float) -> QColor:
    faded = QColor(colour)
    faded.setAlphaF(colour.alphaF() * max(0.0, min(1.0, alpha)))
    return faded


_SAYS = {Motion.STROKE: "a long light glide", Motion.CIRCLES: "small circles, one with each click",
         Motion.PUSH: "a slow press along the muscle", Motion.GRIP_ROLL: "a grip that rolls the muscle",
         Motion.DOTS: "quick light taps"}
_WAYS = {"up": "upward", "down": "downward", "toward-spine": "in toward the spine",
         "away-from-spine": "out from the spine", "circles": "in circles"}


def describe(movement: Movement | None) -> str:
    """What the layer shows, in words, for a screen reader."""
    if movement is None:
        return "No movement shown."
    sides = {trace.side.value for trace in movement.traces}
    where = f" on the {sides.pop()} side" if len(sides) == 1 else ""
    return f"The hand moves {_WAYS[movement.direction.value]}{where}: {_SAYS[movement.motion]}."
