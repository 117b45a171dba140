"""Osteochondrosis or a disc hernia: only light, relaxing work beside the spine, never intense.

Hard pressing there can spread a hernia. With the safety answer "yes", a session runs every step whose area
is beside the spine at light intensity; the routine file itself is never changed.
"""

from __future__ import annotations

from dataclasses import replace

from selfmassage.core.areas import ALONG_THE_SPINE, COLLAR_ZONE, LOWER_BACK, NECK, regions_for
from selfmassage.core.routine import Routine, Step
from selfmassage.core.techniques import Intensity

# The places that lie over the spine or right beside it: the back's midline from the neck to the waist.
BESIDE_THE_SPINE = frozenset({NECK, COLLAR_ZONE, ALONG_THE_SPINE, LOWER_BACK})


def beside_the_spine(step: Step) -> bool:
    return bool(BESIDE_THE_SPINE & set(regions_for(step.area)))


def softened_steps(routine: Routine) -> list[int]:
    """The 0-based steps that a spine answer of "yes" makes light: beside the spine and not light yet."""
    return [index for index, step in enumerate(routine.steps)
            if beside_the_spine(step) and step.intensity is not Intensity.LIGHT]


def would_soften(routine: Routine) -> bool:
    return bool(softened_steps(routine))


def soften_for_spine(routine: Routine) -> Routine:
    """The routine as it runs for someone with osteochondrosis or a disc hernia."""
    changed = set(softened_steps(routine))
    if not changed:
        return routine
    steps = tuple(replace(step, intensity=Intensity.LIGHT) if index in changed else step
                  for index, step in enumerate(routine.steps))
    return replace(routine, steps=steps)
