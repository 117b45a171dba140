"""One-click fixes for the editor: each one clears the problem it is offered for, or is not offered.

A fix is worked out on the draft as it stands and checked before it is offered: applied, it must leave no
problem of the same rule on the steps it made or changed. So a fix for "rubbing one area too long" never
hands back the same 11 s in two steps on the same area.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

from selfmassage.core.problems import Problem
from selfmassage.core.routine import Routine
from selfmassage.core.rules import validate
from selfmassage.core.runs import Spot, area_spots
from selfmassage.core.techniques import (
    KNOWN_AREAS,
    RUB_CAP_SECONDS,
    VIBRATION_CAP_SECONDS,
    Intensity,
    Side,
    Sides,
    Stage,
    Technique,
)
from selfmassage.i18n import _, pgettext

# The stroking a fix adds: long enough to warm up or calm down, short enough to notice.
STROKING_SECONDS = 30

# The editor's draft steps (duck-typed: stage, technique, area, seconds, intensity, note as on a Step).
Steps = tuple[Any, ...]
RoutineOf = Callable[[Steps], Routine]

_OTHER_SIDE = re.compile(r"\b(left|right)\b", re.IGNORECASE)
_SWAP = {"left": "right", "right": "left"}

_LIGHT_RULES = ("stroking-light", "end-light", "pregnancy")

CAPS = {Technique.RUBBING: RUB_CAP_SECONDS, Technique.VIBRATION: VIBRATION_CAP_SECONDS}


class FixKind(StrEnum):
    ALTERNATE = "alternate"  # spread a run's time over its area and another one, in turns
    SHORTEN = "shorten"  # a run becomes one step of the cap
    OPENING_STROKING = "opening-stroking"
    CLOSING_STROKING = "closing-stroking"
    LIGHT = "light"
    MODERATE = "moderate"
    AREA_DIRECTION = "area-direction"  # the step's own direction goes: its area's flow applies


@dataclass(frozen=True)
class Fix:
    """A one-click change that clears a problem.

    `index` is the 0-based step it works on, if any; `count` how many steps from there it replaces (a
    run); `area` the other area an alternating fix moves to.
    """

    kind: FixKind
    label: str
    index: int | None = None
    count: int = 1
    area: str = ""


def fixed_steps(steps: Steps, fix: Fix) -> tuple[Steps, int | None, range]:
    """`steps` with `fix` applied: (the new steps, the step to show, the steps it made or changed)."""
    items = list(steps)
    if not items or (fix.index is None and fix.kind not in (FixKind.OPENING_STROKING,
                                                             FixKind.CLOSING_STROKING)):
        return steps, None, range(0)
    kind = type(items[0])  # the draft's own step type, with its defaults for what a stroking step leaves out
    if fix.kind is FixKind.OPENING_STROKING:
        items.insert(0, kind(Stage.PREPARATORY, Technique.STROKING, items[0].area, STROKING_SECONDS))
        if len(items) == 2:  # a lone step also needs stroking after it, or it is a last step unstroked
            items.append(kind(Stage.FINAL, Technique.STROKING, items[-1].area, STROKING_SECONDS))
            return tuple(items), 0, range(0, 3)
        return tuple(items), 0, range(0, 1)
    if fix.kind is FixKind.CLOSING_STROKING:
        items.append(kind(Stage.FINAL, Technique.STROKING, items[-1].area, STROKING_SECONDS))
        return tuple(items), len(items) - 1, range(len(items) - 1, len(items))
    assert fix.index is not None
    at = fix.index
    if fix.kind is FixKind.AREA_DIRECTION:
        items[at] = replace(items[at], direction=None)
        return tuple(items), at, range(at, at + 1)
    if fix.kind in (FixKind.LIGHT, FixKind.MODERATE):
        level = Intensity.LIGHT if fix.kind is FixKind.LIGHT else Intensity.MODERATE
        items[at] = replace(items[at], intensity=level)
        return tuple(items), at, range(at, at + 1)
    run = items[at:at + fix.count]
    first = run[0]
    total = sum(step.seconds for step in run)
    cap = CAPS[first.technique]
    if fix.kind is FixKind.SHORTEN:
        new = [replace(first, seconds=cap)]
    else:
        # An odd number of turns starts and ends on the run's own area, so the steps around it, which
        # were not part of the run, still are not.
        turns = math.ceil(total / cap)
        turns += 1 - turns % 2
        base, extra = divmod(total, turns)
        new = [replace(first, seconds=base + (1 if turn < extra else 0)) if turn % 2 == 0
               else replace(first, area=fix.area, seconds=base + (1 if turn < extra else 0), note="")
               for turn in range(turns)]
    items[at:at + fix.count] = new
    return tuple(items), at, range(at, at + len(new))


def _clears(steps: Steps, problem: Problem, fix: Fix, routine_of: RoutineOf) -> bool:
    """Whether `fix` leaves no problem of `problem`'s rule on the steps it touches."""
    new_steps, _shown, touched = fixed_steps(steps, fix)
    numbers = {index + 1 for index in touched}
    return not any(other.rule == problem.rule and numbers & set(other.step_numbers)
                   for other in validate(routine_of(new_steps)))


def _spots(area: str, sides: Sides) -> frozenset[Spot]:
    """The spots a step on `area` works: a both-sides step works the area on the left and on the right,
    whatever side its words name."""
    return area_spots(area, (Side.LEFT, Side.RIGHT)) if sides is Sides.BOTH else area_spots(area)


def _span(steps: Steps, start: int, end: int) -> tuple[int, int]:
    """The steps a cap fix replaces, [start, end): the run, and every step of the same technique next to
    it that shares a spot with the run's first area (which the fix keeps) or with the step beside it, so
    what the fix puts in place cannot run on into the steps around it."""
    technique = steps[start].technique

    def spots(i: int) -> frozenset[Spot]:
        return _spots(steps[i].area, steps[i].sides)

    first = spots(start)
    while start > 0 and steps[start - 1].technique is technique and spots(start - 1) & (first | spots(start)):
        start -= 1
        first = spots(start)
    while end < len(steps) and steps[end].technique is technique and spots(end) & (first | spots(end - 1)):
        end += 1
    return start, end


def _partners(steps: Steps, start: int, end: int) -> list[str]:
    """Areas to take turns with, nearest first: the other side, the steps around the run, the map."""
    area, sides = steps[start].area, steps[start].sides
    mirrored = [_OTHER_SIDE.sub(lambda m: _SWAP[m.group(0).casefold()], area)]
    around = [steps[i].area for i in (start - 1, end, start - 2, end + 1) if 0 <= i < len(steps)]
    # A turn keeps the run's sides, so on a both-sides run the other side of the area is no partner.
    return [candidate for candidate in dict.fromkeys([*mirrored, *around, *KNOWN_AREAS])
            if candidate.strip() and not _spots(candidate, sides) & _spots(area, sides)]


def offered_fixes(steps: Steps, problem: Problem, routine_of: RoutineOf) -> list[Fix]:
    """The fixes that clear `problem`, checked; empty where the fix takes judgement.

    `routine_of` turns draft steps into a Routine (for the rules), keeping the rest of the draft.
    """
    numbers = problem.step_numbers
    if not numbers or not all(1 <= number <= len(steps) for number in numbers):
        return []
    index = numbers[0] - 1
    step = steps[index]
    candidates: list[Fix] = []
    if problem.rule in ("rub-cap", "vibration-cap") and step.technique in CAPS:
        index, end = _span(steps, index, numbers[-1])
        count = end - index
        cap = CAPS[step.technique]
        for area in _partners(steps, index, end):
            label = _("Take turns with {area}").format(area=pgettext("area", area))
            fix = Fix(FixKind.ALTERNATE, label, index, count, area)
            if _clears(steps, problem, fix, routine_of):
                candidates.append(fix)
                break
        candidates.append(Fix(FixKind.SHORTEN, _("Shorten to {cap} s").format(cap=cap), index, count))
    elif problem.rule == "open-close":
        if index == 0 and step.technique is not Technique.STROKING:
            label = _("Add stroking first and last") if len(steps) == 1 else _("Add stroking first")
            candidates.append(Fix(FixKind.OPENING_STROKING, label))
        elif index == len(steps) - 1 and step.technique is not Technique.STROKING:
            candidates.append(Fix(FixKind.CLOSING_STROKING, _("Add stroking last")))
    elif problem.rule in _LIGHT_RULES and step.intensity is not Intensity.LIGHT:
        candidates.append(Fix(FixKind.LIGHT, _("Make it light"), index))
    elif problem.rule == "vibration-gentle" and step.intensity is Intensity.FIRM:
        candidates.append(Fix(FixKind.MODERATE, _("Make it moderate"), index))
    elif problem.rule == "toward-heart" and getattr(step, "direction", None) is not None:
        candidates.append(Fix(FixKind.AREA_DIRECTION, _("Use the area's direction"), index))
    return [fix for fix in candidates if _clears(steps, problem, fix, routine_of)]
