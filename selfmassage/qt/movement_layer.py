"""The movement layer: a soft trace over the body map showing how the hand moves in the current step.

It draws what the core describes (selfmassage.core.movement): a faint path with an arrowhead for the way to
go, and on it, moving calmly, the hand's mark — a glide for stroking, small circles for rubbing (one a beat,
with the click), a slow press for squeezing, a grip that rolls for kneading, light taps for vibration.

It is cheap on purpose: a transparent child of the (opaque) map, its paths drawn once per step and side, that
repaints only the mark's old and new places, twice a second in step with the countdown (rubbing on the
beat, with the click), and only while the session runs; the mark is copied from small pictures drawn once
(movement_marks). With less motion, the path and its arrow stay and nothing moves.
"""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, QPoint, QPointF, QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QWidget

from selfmassage.core.movement import Motion, Movement
from selfmassage.i18n import N_, _
from selfmassage.qt import movement_marks as marks
from selfmassage.qt.movement_marks import Frame, Geometry

# On its own (the Learn page), a new picture every so often: the mark steps along its path rather than
# gliding, as the tempo dot jumps. A paint pass costs 1-2 ms of CPU however small, so a glide at 10 frames a
# second cost as much as the rest of a session; a few steps a second read just as well from across the room.
FRAME_MS = {Motion.STROKE: 333, Motion.PUSH: 500, Motion.GRIP_ROLL: 400, Motion.DOTS: 250}
PACED_FRAME_SECONDS = 0.5  # in a session: a frame on each second of the countdown and one in between
# A stroke glides, then the hand lifts and comes back through the air: the mark fades for this long.
LIFT_SECONDS = 0.8


class MovementLayer(QWidget):
    """In a session (`paced`), the session's own events move the mark: each TempoBeat a rubbing circle, each
    second of the countdown (and half a second after it) the other marks. The window repaints for those
    events anyway, so the mark's frames mostly ride on paint passes that happen regardless. On its own (the
    Learn page), its timer does the same at FRAME_MS."""

    frame = Signal()  # one new picture: a glide's frame or a rubbing beat

    def __init__(self, body_map: QWidget) -> None:
        super().__init__(body_map)
        self._map = body_map
        self._geo: Geometry | None = None  # the map's drawing rectangle, kept until the map resizes
        self._still: tuple[QPoint, QPixmap] | None = None  # the paths, drawn once, and where they go
        self._mark = QRect()  # where the moving mark was last drawn
        self._now: tuple[Frame, QRect] | None = None  # this frame and where its mark goes, worked out once
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
        self._paced = False  # True while the session's beats and seconds move the mark
        self._beats = False  # True while the session's TempoBeats move rubbing's circles
        self.half = QTimer(self)  # a session's frame half a second after each of its seconds
        self.half.setSingleShot(True)
        self.half.setTimerType(Qt.TimerType.CoarseTimer)
        self.half.timeout.connect(self._tick)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        # Opaque: it copies the map's own picture under its paths, so a frame paints this widget alone
        # (a map without a picture of its own, a stand-in, gets a see-through layer instead).
        self._backdrop = getattr(body_map, "picture", None)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, self._backdrop is not None)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setAccessibleName(_("Movement"))
        self.setGeometry(body_map.rect())
        body_map.installEventFilter(self)
        self.hide()

    # --- what it shows ---------------------------------------------------------------------------
    def show_movement(self, movement: Movement | None, *, tempo: int = 80, paced: bool = False,
                      beats: bool = False) -> None:
        """A new step or side: start its motion from the beginning. `paced`: the session calls `second`
        (and `beat`, when it has `beats`); else the layer's own timer moves the mark."""
        self._repaint()  # where the old paths were
        self._forget_pictures()
        self.movement, self.tempo = movement, tempo
        self.beats, self.elapsed = 0, 0.0
        self._paced, self._beats = paced, beats
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
        self._still, self._now = None, None
        self._repaint()
        self._arm()

    def beat(self) -> None:
        """One rubbing movement (the session's TempoBeat): the circle moves on."""
        if self.movement is not None and self.running and self.animated:
            self.beats += 1
            self._now = None
            self._move_mark()
            self.frame.emit()

    def second(self) -> None:
        """A second of the session's countdown: the mark moves on now, and again half a second later."""
        if not self._moving() or self.movement is None:
            return
        if self.movement.motion is Motion.CIRCLES:
            if not self._beats:  # circles on a step with no tempo beats: one a second
                self._tick()
            return
        self._tick()
        self.half.start(round(PACED_FRAME_SECONDS * 1000))

    def clear(self) -> None:
        self.show_movement(None)

    # --- timing ----------------------------------------------------------------------------------
    def _moving(self) -> bool:
        return self.movement is not None and self.running and self.animated

    def _interval(self) -> int | None:
        movement = self.movement
        if movement is None or not self._moving() or self._paced:
            return None
        if movement.motion is Motion.CIRCLES:
            return round(60_000 / self.tempo)
        return FRAME_MS[movement.motion]

    def _arm(self) -> None:
        if self._moving():
            self._since.start()
        else:
            self.half.stop()
        interval = self._interval()
        if interval is None:
            self.timer.stop()
            return
        if not self.timer.isActive() or self.timer.interval() != interval:
            self.timer.start(interval)

    def _tick(self) -> None:
        self._now = None
        # Paced, a frame is half a second of the session's own time (a pause is not counted, a slow wake
        # does not jump); on its own, the real time since the last frame.
        self.elapsed += PACED_FRAME_SECONDS if self._paced else self._since.restart() / 1000
        if self.movement is not None and self.movement.motion is Motion.CIRCLES:
            self.beat()
            return
        self._move_mark()
        self.frame.emit()

    def fraction(self) -> float:
        """How far along its path the mark is now (0–1); for a stroke, 1 while the hand lifts."""
        if self.movement is None:
            return 0.0
        motion = self.movement.motion
        if motion is Motion.CIRCLES:
            trace = self.movement.traces[0]
            return marks.circle_place(trace, self.beats) / marks.circle_count(trace)
        seconds = motion.seconds_per_pass
        cycle = seconds + (LIFT_SECONDS if motion is Motion.STROKE else 0.0)
        return min(1.0, (self.elapsed % cycle) / seconds)

    # --- geometry --------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._map and event.type() == QEvent.Type.Resize:
            self.setGeometry(self._map.rect())
            self._forget_pictures()
        return False

    def _geometry(self) -> Geometry:
        if self._geo is None:
            area = getattr(self._map, "map_rect", None)
            drawing = area() if area is not None else QRectF(self.rect())
            self._geo = Geometry(drawing, self.devicePixelRatioF())
        return self._geo

    def _forget_pictures(self) -> None:
        self._geo, self._still, self._mark, self._now = None, None, QRect(), None

    def paths_rect(self) -> QRect:
        """The most this layer ever repaints: its paths, with room for the marks."""
        if self.movement is None or not self.movement.traces:
            return QRect()
        geo = self._geometry()
        return _bounds([geo.px(p) for trace in self.movement.traces for p in trace.points],
                       marks.mark_margin(geo))

    def mark_rect(self) -> QRect:
        """Where the moving mark is drawn now: a frame repaints this and where it was before."""
        if self.movement is None or not self.animated:
            return QRect()
        return self._current()[1]

    def _current(self) -> tuple[Frame, QRect]:
        """This frame and its mark's rectangle, worked out once for the repaint and the paint."""
        if self._now is None:
            assert self.movement is not None
            geo, frame = self._geometry(), self._frame()
            points = [p for trace in self.movement.traces for p in marks.mark_points(geo, trace, frame)]
            self._now = frame, _bounds(points, marks.mark_margin(geo))
        return self._now

    def _repaint(self) -> None:
        """Everything: a new step or side, or the look changed."""
        rect = self.paths_rect()
        if not rect.isEmpty():
            self.update(rect)
        self._mark = QRect()

    def _move_mark(self) -> None:
        """A frame: only the mark's old and new places."""
        now = self.mark_rect()
        dirty = now.united(self._mark) if not self._mark.isEmpty() else now
        self._mark = now
        if not dirty.isEmpty():
            self.update(dirty)

    def _frame(self) -> Frame:
        motion = self.movement.motion if self.movement is not None else Motion.STROKE
        cycle = motion.seconds_per_pass + (LIFT_SECONDS if motion is Motion.STROKE else 0.0)
        return Frame(motion, self.fraction(), self.elapsed, self.beats,
                     lifting=(self.elapsed % cycle) > motion.seconds_per_pass)

    # --- drawing ---------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        if self.movement is None:
            return
        geo = self._geometry()
        painter = QPainter(self)
        if self._backdrop is not None:
            painter.drawPixmap(0, 0, self._backdrop())  # the map itself; all of it is clipped to the frame
        painter.drawPixmap(*self._still_picture(geo))
        if self.animated:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            frame = self._current()[0]
            for trace in self.movement.traces:
                marks.draw_mark(painter, geo, trace, frame)
        painter.end()
        if self.animated and self._mark.isEmpty():
            self._mark = self.mark_rect()

    def _still_picture(self, geo: Geometry) -> tuple[QPoint, QPixmap]:
        """The paths and arrows (and rubbing's faint rings), drawn once per step, side, size and look, into
        a picture of `paths_rect()`'s size (a few hundred kB less than one of the whole map)."""
        if self._still is None:
            ratio = self.devicePixelRatioF()
            place = self.paths_rect()
            if place.isEmpty():  # not laid out yet: nothing to draw on
                return place.topLeft(), QPixmap()
            picture = QPixmap(place.size() * ratio)
            picture.setDevicePixelRatio(ratio)
            picture.fill(Qt.GlobalColor.transparent)
            painter = QPainter(picture)
            painter.translate(-place.topLeft())
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            assert self.movement is not None
            for trace in self.movement.traces:
                marks.draw_path(painter, geo, trace, still=not self.animated)
                if self.animated and self.movement.motion is Motion.CIRCLES:
                    marks.draw_rings(painter, geo, trace)
            painter.end()
            self._still = place.topLeft(), picture
        return self._still


def _bounds(points: list[QPointF], margin: float) -> QRect:
    if not points:
        return QRect()
    xs, ys = [p.x() for p in points], [p.y() for p in points]
    return QRectF(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys)).adjusted(
        -margin, -margin, margin, margin).toAlignedRect()


_SAYS = {Motion.STROKE: N_("a long light glide"),
         Motion.CIRCLES: N_("small circles, one with each click"),
         Motion.PUSH: N_("a slow press along the muscle"),
         Motion.GRIP_ROLL: N_("a grip that rolls the muscle"),
         Motion.DOTS: N_("quick light taps")}
_WAYS = {"up": N_("upward"), "down": N_("downward"), "toward-spine": N_("in toward the spine"),
         "away-from-spine": N_("out from the spine"), "circles": N_("in circles")}
# Whole sentences, one for each side, so a language can say "on the left side" its own way.
_SENTENCES = {None: N_("The hand moves {way}: {motion}."),
              "left": N_("The hand moves {way} on the left side: {motion}."),
              "right": N_("The hand moves {way} on the right side: {motion}.")}


def describe(movement: Movement | None) -> str:
    """What the layer shows, in words, for a screen reader."""
    if movement is None:
        return _("No movement shown.")
    sides = {trace.side.value for trace in movement.traces}
    sentence = _SENTENCES[sides.pop() if len(sides) == 1 else None]
    return _(sentence).format(way=_(_WAYS[movement.direction.value]), motion=_(_SAYS[movement.motion]))
