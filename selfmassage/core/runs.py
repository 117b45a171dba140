"""Runs: back-to-back steps of one technique on one spot, which the guide's 10-s caps apply to.

The guide's limit is per area, not per step: three 10-s rubbing steps on the lower back in a row rub it for
30 s. A spot is one place on one side ("lower back", left). A step covers the spots its area names: "lower
back" covers both sides, "lower back, left" only the left, "back" every zone of the back. A both-sides step
works its left side and then its right side, so its two halves cover different spots, and two both-sides
steps in a row alternate sides instead of staying on one. A run is the longest stretch of steps, one after
another, with the same technique, each covering the same spot; it is named by the steps it is made of.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from selfmassage.core.areas import regions_for
from selfmassage.core.routine import Step
from selfmassage.core.techniques import Side, Technique
from selfmassage.i18n import _

Spot = tuple[str, Side]

_BOTH = (Side.LEFT, Side.RIGHT)


# Between the parts of an area's text, as the body map splits them.
_SEPARATORS = re.compile(r",|;|&|\+|/|\band\b|\bthen\b")
_SIDE_WORDS = frozenset({"left", "right", "side", "sides", "both", "the", "of", "on"})


def _place_keys(area: str) -> tuple[str, ...]:
    """The places an area names: body-map regions, each with the part of it a word like "upper" names
    ("along the spine, upper" is not "along the spine, lower"), or the area's own words when it is not on
    the map."""
    regions = regions_for(area)
    words = [w for w in re.findall(r"[a-z0-9]+", area.casefold()) if w not in ("left", "right")]
    if not regions:
        return (" ".join(words),)
    parts = [part for part in _SEPARATORS.split(area.casefold()) if not regions_for(part)]
    qualifier = " ".join(w for part in parts for w in re.findall(r"[a-z0-9]+", part)
                         if w not in _SIDE_WORDS)
    return tuple(f"{region} {qualifier}".strip() for region in regions)


def area_sides(area: str) -> tuple[Side, ...]:
    """The sides an area's words name: "left shoulder" only the left, "shoulders" both."""
    words = set(re.findall(r"[a-z]+", area.casefold()))
    named = tuple(side for side in _BOTH if side.value in words)
    return named if len(named) == 1 else _BOTH


@lru_cache(maxsize=1024)
def area_spots(area: str, sides: tuple[Side, ...] | None = None) -> frozenset[Spot]:
    """Every spot an area covers, on the given sides (by default the sides its words name)."""
    sides = area_sides(area) if sides is None else sides
    return frozenset((place, side) for place in _place_keys(area) for side in sides)


def _segments(step: Step) -> list[tuple[frozenset[Spot], int]]:
    """What one step works, in order: (spots, seconds) for each side it works in turn."""
    if step.both_sides:
        return [(area_spots(step.area, (side,)), step.seconds) for side in _BOTH]
    return [(area_spots(step.area), step.seconds)]


@dataclass(frozen=True)
class Run:
    """Back-to-back work of one technique on one spot: the 1-based steps and the seconds it adds up to."""

    technique: Technique
    steps: tuple[int, ...]
    seconds: int
    area: str  # the first step's area, to name the run by

    @property
    def first(self) -> int:
        return self.steps[0]


def runs(steps: Sequence[Step], technique: Technique, numbers: Sequence[int] | None = None) -> list[Run]:
    """Every longest run of `technique`, each set of steps once, in step order.

    `numbers` are the steps' numbers when they are not 1, 2, 3, … (a file with a step that can't be read).
    """
    numbers = list(numbers) if numbers is not None else list(range(1, len(steps) + 1))
    segments = [(number, step, spots)
                for number, step in zip(numbers, steps, strict=True) for spots, _seconds in _segments(step)]
    found: set[tuple[int, ...]] = set()
    for spot in {spot for _number, step, spots in segments if step.technique is technique for spot in spots}:
        run: list[int] = []
        for number, step, spots in segments:
            if step.technique is technique and spot in spots:
                if not run or run[-1] != number:
                    run.append(number)
            elif run:
                found.add(tuple(run))
                run = []
        if run:
            found.add(tuple(run))
    # A run inside a longer one (the same steps seen from one side) says nothing the longer one doesn't.
    longest = [run for run in found if not any(set(run) < set(other) for other in found)]
    by_number = dict(zip(numbers, steps, strict=True))
    return sorted((Run(technique, run, sum(by_number[n].seconds for n in run), by_number[run[0]].area)
                   for run in longest), key=lambda run: run.steps)


def name_steps(numbers: Sequence[int]) -> str:
    """"step 3", "steps 3 and 4", "steps 3–5", "steps 3, 5 and 6"."""
    if len(numbers) == 1:
        return _("step {number}").format(number=numbers[0])
    if len(numbers) > 2 and list(numbers) == list(range(numbers[0], numbers[-1] + 1)):
        return _("steps {first}–{last}").format(first=numbers[0], last=numbers[-1])
    return _("steps {numbers} and {last}").format(numbers=", ".join(map(str, numbers[:-1])), last=numbers[-1])
