"""How the hand moves: each area's flow per technique (toward the heart for stroking), the step's own
direction field, and the paths the body map draws, on the side the step works."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from selfmassage.core.areas import (
    ALONG_THE_SPINE,
    COLLAR_ZONE,
    LEGS,
    LOWER_BACK,
    NECK,
    REGIONS,
    regions_for,
)
from selfmassage.core.editing import DraftStep
from selfmassage.core.movement import (
    FLOW,
    HEART,
    MAP_HEIGHT,
    MAP_WIDTH,
    Motion,
    movement_for,
    named_side,
    path_for,
    point_along,
)
from selfmassage.core.routine import Step
from selfmassage.core.routine_format import dumps_routine, loads_routine, parse_routine
from selfmassage.core.techniques import Direction, Side, Stage, Technique

ROUTINES = sorted((Path(__file__).resolve().parents[2] / "assets" / "routines").glob("*.json"))


def step(technique: Technique, area: str, direction: Direction | None = None) -> Step:
    return Step(Stage.PREPARATORY, technique, area, 10, direction=direction)


def distance_to_heart(point: tuple[float, float]) -> float:
    return math.hypot((point[0] - HEART[0]) * MAP_WIDTH, (point[1] - HEART[1]) * MAP_HEIGHT)


def test_every_region_declares_a_way_for_every_technique():
    assert set(FLOW) == set(REGIONS)
    for region, ways in FLOW.items():
        assert set(ways) == set(Technique), region
        assert Direction.CIRCLES not in ways.values()  # circles is how rubbing moves, not a way to go


@pytest.mark.parametrize("region", REGIONS)
@pytest.mark.parametrize("technique", [Technique.STROKING, Technique.SQUEEZING])
@pytest.mark.parametrize("side", list(Side))
def test_stroking_and_squeezing_end_nearer_the_heart_than_they_start(region, technique, side):
    path = path_for(region, FLOW[region][technique], side)
    assert distance_to_heart(path[-1]) < distance_to_heart(path[0])


@pytest.mark.parametrize(("region", "way"), [
    (LOWER_BACK, Direction.UP), (ALONG_THE_SPINE, Direction.UP), (LEGS, Direction.UP),
    (NECK, Direction.DOWN), (COLLAR_ZONE, Direction.DOWN),
])
def test_stroking_goes_up_the_back_and_legs_and_down_the_neck(region, way):
    assert FLOW[region][Technique.STROKING] is way
    start, end = path_for(region, way, Side.LEFT)[0], path_for(region, way, Side.LEFT)[-1]
    assert (end[1] < start[1]) == (way is Direction.UP)


def test_rubbing_travels_back_down_the_spine_in_small_circles():
    movement = movement_for(step(Technique.RUBBING, "along the spine"))
    assert movement is not None
    assert movement.motion is Motion.CIRCLES and movement.direction is Direction.DOWN
    for trace in movement.traces:
        assert trace.points[-1][1] > trace.points[0][1]


@pytest.mark.parametrize("path", ROUTINES, ids=lambda p: p.stem)
def test_stroking_on_every_built_in_step_goes_toward_the_heart(path):
    routine, problems = loads_routine(path.read_bytes())
    assert routine is not None, problems
    strokes = [s for s in routine.steps if s.technique is Technique.STROKING]
    assert strokes
    for each in strokes:
        movement = movement_for(each)
        assert movement is not None, f"{each.area!r} is not on the body map"
        assert movement.motion is Motion.STROKE
        for trace in movement.traces:
            assert distance_to_heart(trace.points[-1]) < distance_to_heart(trace.points[0]), each


def test_every_built_in_step_has_a_path_to_draw():
    for path in ROUTINES:
        routine, _ = loads_routine(path.read_bytes())
        assert routine is not None
        for each in routine.steps:
            assert movement_for(each) is not None, (path.name, each.area)


@pytest.mark.parametrize(("technique", "motion"), [
    (Technique.STROKING, Motion.STROKE), (Technique.RUBBING, Motion.CIRCLES),
    (Technique.SQUEEZING, Motion.PUSH), (Technique.KNEADING, Motion.GRIP_ROLL),
    (Technique.VIBRATION, Motion.DOTS),
])
def test_each_technique_moves_its_own_way(technique, motion):
    movement = movement_for(step(technique, "lower back"))
    assert movement is not None and movement.motion is motion


def test_a_step_may_set_its_own_direction():
    down = movement_for(step(Technique.SQUEEZING, "lower back", Direction.DOWN))
    assert down is not None and down.direction is Direction.DOWN
    assert all(t.points[-1][1] > t.points[0][1] for t in down.traces)
    inward = movement_for(step(Technique.STROKING, "lower back", Direction.TOWARD_SPINE))
    assert inward is not None
    left, right = inward.traces
    assert left.points[-1][0] > left.points[0][0] and right.points[-1][0] < right.points[0][0]
    outward = movement_for(step(Technique.STROKING, "lower back", Direction.AWAY_FROM_SPINE))
    assert outward is not None
    assert all(abs(t.points[-1][0] - 0.5) > abs(t.points[0][0] - 0.5) for t in outward.traces)


def test_circles_keep_the_areas_way_but_move_in_circles():
    movement = movement_for(step(Technique.KNEADING, "legs", Direction.CIRCLES))
    assert movement is not None
    assert movement.motion is Motion.CIRCLES and movement.direction is Direction.UP


def test_a_side_named_in_the_area_or_given_keeps_the_path_on_that_side():
    left = movement_for(step(Technique.RUBBING, "legs, left"))
    assert left is not None and [t.side for t in left.traces] == [Side.LEFT]
    assert all(x < 0.5 for x, _ in left.traces[0].points)  # seen from behind, the left is on the left
    right = movement_for(step(Technique.RUBBING, "legs"), Side.RIGHT)
    assert right is not None and [t.side for t in right.traces] == [Side.RIGHT]
    assert all(x > 0.5 for x, _ in right.traces[0].points)
    both = movement_for(step(Technique.RUBBING, "legs"))
    assert both is not None and [t.side for t in both.traces] == [Side.LEFT, Side.RIGHT]


def test_named_side_reads_whole_words_only():
    assert named_side("lower back, right") is Side.RIGHT
    assert named_side("Left shoulder") is Side.LEFT
    assert named_side("upright posture") is None
    assert named_side("left and right") is None


def test_an_area_of_several_places_has_a_path_on_each_and_one_off_the_map_none():
    whole_back = movement_for(step(Technique.STROKING, "whole back"))
    assert whole_back is not None
    assert whole_back.regions == regions_for("whole back")
    assert movement_for(step(Technique.STROKING, "forearm")) is None


def test_point_along_walks_a_bent_path_by_distance():
    path = ((0.0, 0.0), (0.5, 0.0), (0.5, 0.5))  # 100 across, then 200 down, in drawing units
    assert point_along(path, 0.0) == (0.0, 0.0)
    assert point_along(path, 1 / 3) == pytest.approx((0.5, 0.0))
    assert point_along(path, 2 / 3) == pytest.approx((0.5, 0.25))
    assert point_along(path, 1.5) == (0.5, 0.5)


# -- the file field -----------------------------------------------------------------------------

def routine_with(**fields: object) -> dict[str, object]:
    return {"format": 1, "name": "Flow", "steps": [
        {"stage": "preparatory", "technique": "stroking", "area": "lower back", "seconds": 30, **fields}]}


@pytest.mark.parametrize("value", [d.value for d in Direction])
def test_every_direction_reads_and_is_written_back(value):
    routine, problems = parse_routine(routine_with(direction=value))
    assert problems == [] and routine is not None
    assert routine.steps[0].direction is Direction(value)
    assert json.loads(dumps_routine(routine))["steps"][0]["direction"] == value


def test_no_direction_is_left_out_when_saved():
    routine, _ = parse_routine(routine_with())
    assert routine is not None and routine.steps[0].direction is None
    assert "direction" not in json.loads(dumps_routine(routine))["steps"][0]


@pytest.mark.parametrize(("value", "shown"), [("sideways", "'sideways'"), (3, "a number"),
                                               ("Up", "'Up'")])
def test_a_bad_direction_is_a_field_error_naming_the_allowed_ones(value, shown):
    routine, problems = parse_routine(routine_with(direction=value))
    assert routine is None
    [problem] = problems
    assert (problem.rule, problem.field, problem.step) == ("field", "direction", 1)
    assert shown in problem.message
    assert "up, down, toward-spine, away-from-spine, circles" in problem.message


def test_the_editor_keeps_a_steps_direction():
    original = step(Technique.SQUEEZING, "glutes", Direction.TOWARD_SPINE)
    draft = DraftStep.from_step(original)
    assert draft.to_step().direction is Direction.TOWARD_SPINE
    assert draft.to_dict()["direction"] == "toward-spine"
