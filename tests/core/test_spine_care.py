"""A "yes" to osteochondrosis or a disc hernia: steps beside the spine run light; the rest as written."""

from __future__ import annotations

from selfmassage.core.routine import Routine, Step
from selfmassage.core.spine_care import soften_for_spine, would_soften
from selfmassage.core.techniques import Intensity, Stage, Technique

ROUTINE = Routine("Back", (
    Step(Stage.PREPARATORY, Technique.STROKING, "lower back", 30),
    Step(Stage.DEEP, Technique.KNEADING, "along the spine, left", 60, Intensity.FIRM),
    Step(Stage.DEEP, Technique.KNEADING, "glutes", 60, Intensity.FIRM),
    Step(Stage.DEEP, Technique.SQUEEZING, "back", 60, Intensity.MODERATE),
    Step(Stage.DEEP, Technique.KNEADING, "neck", 30, Intensity.MODERATE),
    Step(Stage.FINAL, Technique.STROKING, "shoulders", 30),
))


def test_steps_beside_the_spine_become_light_and_others_stay_as_written():
    softened = soften_for_spine(ROUTINE)
    assert [step.intensity for step in softened.steps] == [
        Intensity.LIGHT, Intensity.LIGHT, Intensity.FIRM, Intensity.LIGHT, Intensity.LIGHT, Intensity.LIGHT]
    assert [step.area for step in softened.steps] == [step.area for step in ROUTINE.steps]
    assert ROUTINE.steps[1].intensity is Intensity.FIRM  # the routine itself is untouched


def test_a_routine_light_beside_the_spine_is_not_marked():
    assert would_soften(ROUTINE)
    light = soften_for_spine(ROUTINE)
    assert not would_soften(light) and soften_for_spine(light) is light
