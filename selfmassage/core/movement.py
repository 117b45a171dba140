"""How the hand moves in a step: which way over the area, in what kind of motion, along which path.

Directions are data. Each body-map region declares, per technique, the way the hand travels over it: stroking
and squeezing go along the veins and lymph, toward the heart (up the back and the legs, down the neck, in
over the shoulders); rubbing makes small circles that travel along the area (back down the spine, as in the
guide's sequence). A step may set its own `direction`; "circles" keeps the area's way but moves in circles.

The window gets a plain description (`Movement`): the kind of motion and, per side, a path of points in
the body map's own proportions (0–1 across, 0–1 down the 200 × 400 drawing), start to end. It only draws.
"""

from __future__ import annotations

import functools
import itertools
import math
import re
from dataclasses import dataclass
from enum import StrEnum

from selfmassage.core.areas import (
    ALONG_THE_SPINE,
    COLLAR_ZONE,
    GLUTES,
    LEGS,
    LOWER_BACK,
    NECK,
    SHOULDER_BLADES,
    SHOULDERS,
    regions_for,
)
from selfmassage.core.routine import Step
from selfmassage.core.techniques import Direction, Side, Technique

Point = tuple[float, float]
Path = tuple[Point, ...]

MAP_WIDTH, MAP_HEIGHT = 200.0, 400.0  # assets/bodymap.svg's viewBox
# Where the heart is on the figure seen from behind: the person's left (the viewer's left too), mid-chest.
HEART: Point = (94 / MAP_WIDTH, 118 / MAP_HEIGHT)


class Motion(StrEnum):
    """What the hand does while it travels."""

    STROKE = "stroke"  # one long, light glide
    CIRCLES = "circles"  # small circles, one a beat
    PUSH = "push"  # a slow press along the muscle
    GRIP_ROLL = "grip-roll"  # grip a bundle of muscle and roll it against the bone
    DOTS = "dots"  # quick light taps

    @property
    def seconds_per_pass(self) -> float:
        """How long one pass along the path takes, for a demonstration at a calm pace."""
        return _SECONDS_PER_PASS[self]


_SECONDS_PER_PASS = {Motion.STROKE: 3.0, Motion.CIRCLES: 5.0, Motion.PUSH: 4.0, Motion.GRIP_ROLL: 6.0,
                     Motion.DOTS: 4.0}

TECHNIQUE_MOTION: dict[Technique, Motion] = {
    Technique.STROKING: Motion.STROKE,
    Technique.RUBBING: Motion.CIRCLES,
    Technique.SQUEEZING: Motion.PUSH,
    Technique.KNEADING: Motion.GRIP_ROLL,
    Technique.VIBRATION: Motion.DOTS,
}

_UP, _DOWN = Direction.UP, Direction.DOWN
_IN, _OUT = Direction.TOWARD_SPINE, Direction.AWAY_FROM_SPINE


def _flow(heart: Direction, *, rubbing: Direction | None = None, kneading: Direction | None = None
          ) -> dict[Technique, Direction]:
    """Stroking, squeezing and vibration follow the flow to the heart; rubbing and kneading may differ."""
    return {Technique.STROKING: heart, Technique.SQUEEZING: heart, Technique.VIBRATION: heart,
            Technique.RUBBING: rubbing or heart, Technique.KNEADING: kneading or heart}


# Per region, per technique: the way the hand travels when the step does not say.
FLOW: dict[str, dict[Technique, Direction]] = {
    LOWER_BACK: _flow(_UP),
    ALONG_THE_SPINE: _flow(_UP, rubbing=_DOWN),  # "back down the spine with small circles"
    SHOULDER_BLADES: _flow(_IN),  # at the height of the heart: in toward the spine
    COLLAR_ZONE: _flow(_DOWN, kneading=_IN),  # kneaded from the shoulder in to the neck
    SHOULDERS: _flow(_IN),
    NECK: _flow(_DOWN),
    GLUTES: _flow(_UP),
    LEGS: _flow(_UP),
}

# Each region's paths on the person's left half of the drawing (the right half mirrors it), in the
# drawing's units: "long" from top to bottom, "across" from the outer edge in to the spine.
_LONG: dict[str, Path] = {
    NECK: ((96.0, 61.0), (96.0, 76.0)),
    COLLAR_ZONE: ((84.0, 80.0), (84.0, 98.0)),
    SHOULDERS: ((51.0, 90.0), (49.0, 102.0), (46.0, 113.0)),
    SHOULDER_BLADES: ((76.0, 104.0), (77.0, 122.0), (80.0, 138.0)),
    ALONG_THE_SPINE: ((94.25, 92.0), (94.25, 188.0)),
    LOWER_BACK: ((84.0, 153.0), (84.0, 190.0)),
    GLUTES: ((82.0, 200.0), (82.0, 225.0)),
    LEGS: ((80.0, 241.0), (81.0, 300.0), (81.0, 356.0)),
}
_ACROSS: dict[str, Path] = {
    NECK: ((92.0, 68.0), (99.0, 68.0)),
    COLLAR_ZONE: ((62.0, 88.0), (80.0, 88.0), (97.0, 86.0)),
    SHOULDERS: ((42.0, 106.0), (50.0, 102.0), (58.0, 98.0)),
    SHOULDER_BLADES: ((67.0, 112.0), (86.0, 116.0)),
    ALONG_THE_SPINE: ((90.5, 140.0), (98.0, 140.0)),
    LOWER_BACK: ((71.0, 170.0), (97.0, 170.0)),
    GLUTES: ((67.0, 212.0), (97.0, 212.0)),
    LEGS: ((70.0, 280.0), (91.0, 280.0)),
}


@dataclass(frozen=True)
class Trace:
    """One path the hand takes on one side of one region, start to end, in 0–1 map units."""

    region: str
    side: Side
    points: Path


@dataclass(frozen=True)
class Movement:
    """What the window draws for a step (or one side of it)."""

    motion: Motion
    direction: Direction  # the way it travels: up, down, toward or away from the spine
    traces: tuple[Trace, ...]

    @property
    def regions(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(trace.region for trace in self.traces))


def flow_direction(region: str, technique: Technique) -> Direction:
    """The region's own way for the technique; "up" for a region the table does not know."""
    return FLOW.get(region, {}).get(technique, Direction.UP)


def travel(step: Step, region: str) -> tuple[Motion, Direction]:
    """The motion and the way it travels on `region`: the step's own direction, else the area's flow."""
    motion = TECHNIQUE_MOTION[step.technique]
    own = flow_direction(region, step.technique)
    if step.direction is None:
        return motion, own
    if step.direction is Direction.CIRCLES:
        return Motion.CIRCLES, own
    return motion, step.direction


_SIDE_WORDS = {Side.LEFT: re.compile(r"\bleft\b"), Side.RIGHT: re.compile(r"\bright\b")}


def named_side(area: str) -> Side | None:
    """The side an area's text names ("legs, left"), or None when it names neither or both."""
    found = [side for side, pattern in _SIDE_WORDS.items() if pattern.search(area.lower())]
    return found[0] if len(found) == 1 else None


def path_for(region: str, direction: Direction, side: Side) -> Path:
    """The region's path on `side`, start to end, in 0–1 map units; empty for an unknown region."""
    if region not in _LONG:
        return ()
    across = direction in (Direction.TOWARD_SPINE, Direction.AWAY_FROM_SPINE)
    points = (_ACROSS if across else _LONG)[region]
    if direction in (Direction.UP, Direction.AWAY_FROM_SPINE):
        points = tuple(reversed(points))
    if side is Side.RIGHT:
        points = tuple((MAP_WIDTH - x, y) for x, y in points)
    return tuple((x / MAP_WIDTH, y / MAP_HEIGHT) for x, y in points)


def movement_for(step: Step, side: Side | None = None) -> Movement | None:
    """How the hand moves in `step`, on `side` (a both-sides step's current one) or on the side its area
    names; both sides when neither is known. None when the area is not on the body map."""
    regions = [region for region in regions_for(step.area) if region in _LONG]
    if not regions:
        return None
    chosen = side or named_side(step.area)
    sides = (chosen,) if chosen is not None else (Side.LEFT, Side.RIGHT)
    motion, direction = travel(step, regions[0])
    traces = []
    for region in regions:
        _, way = travel(step, region)
        traces.extend(Trace(region, each, path_for(region, way, each)) for each in sides)
    return Movement(motion, direction, tuple(traces))


def _dist(a: Point, b: Point) -> float:
    # In the drawing's units: 0–1 across and 0–1 down are not the same length.
    return math.hypot((b[0] - a[0]) * MAP_WIDTH, (b[1] - a[1]) * MAP_HEIGHT)


@functools.lru_cache(maxsize=256)
def _pieces(points: Path) -> tuple[float, ...]:
    """Each segment's length. Kept per path: the window asks for points along the same few paths several
    times a frame, and a frame's Python is most of what it costs."""
    return tuple(_dist(a, b) for a, b in itertools.pairwise(points))


def length(points: Path) -> float:
    """A path's length in the drawing's units (the figure is 400 high)."""
    return sum(_pieces(points))


def point_along(points: Path, fraction: float) -> Point:
    """The point `fraction` (0–1) of the way along a path, by distance."""
    if not points:
        raise ValueError("a path needs at least one point")
    fraction = min(1.0, max(0.0, fraction))
    pieces = _pieces(points)
    remaining = sum(pieces) * fraction
    for (a, b), piece in zip(itertools.pairwise(points), pieces, strict=True):
        if piece and remaining <= piece:
            t = remaining / piece
            return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)
        remaining -= piece
    return points[-1]


def heading_at(points: Path, fraction: float) -> Point:
    """The unit direction of travel at `fraction` of the way along a path, as it looks on the drawing."""
    here = point_along(points, max(0.0, fraction - 0.02))
    there = point_along(points, min(1.0, fraction + 0.02))
    dx, dy = (there[0] - here[0]) * MAP_WIDTH, (there[1] - here[1]) * MAP_HEIGHT
    size = math.hypot(dx, dy) or 1.0
    return dx / size, dy / size
