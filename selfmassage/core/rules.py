"""The guide's rules, checked on a routine. Each rule has a stable id the CLI and the editor show."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from selfmassage.core.areas import regions_for
from selfmassage.core.movement import flow_direction
from selfmassage.core.problems import Problem, Severity
from selfmassage.core.routine import Routine, Step, format_duration
from selfmassage.core.runs import area_spots, name_steps, runs
from selfmassage.core.techniques import (
    PREGNANCY_MAX_SECONDS,
    PREGNANCY_TECHNIQUES,
    RUB_CAP_SECONDS,
    VIBRATION_CAP_SECONDS,
    Direction,
    Intensity,
    Profile,
    Stage,
    Technique,
)
from selfmassage.i18n import _, pgettext

RULE_IDS = (
    "rub-cap",
    "vibration-cap",
    "stage-order",
    "pregnancy",
    "open-close",
    "stroking-light",
    "ramp",
    "end-light",
    "knead-after-squeeze",
    "deep-longest",
    "vibration-gentle",
    "toward-heart",
)

Rule = Callable[[Routine], list[Problem]]


def _error(rule: str, message: str, step: int | None = None) -> Problem:
    return Problem(Severity.ERROR, rule, message, step=step)


def _warning(rule: str, message: str, step: int | None = None) -> Problem:
    return Problem(Severity.WARNING, rule, message, step=step)


def _caps(routine: Routine, numbers: Sequence[int] | None = None) -> list[Problem]:
    problems = []
    for technique, rule, cap in ((Technique.RUBBING, "rub-cap", RUB_CAP_SECONDS),
                                 (Technique.VIBRATION, "vibration-cap", VIBRATION_CAP_SECONDS)):
        for run in runs(routine.steps, technique, numbers):
            if run.seconds <= cap:
                continue
            if len(run.steps) == 1:
                message = _("{technique} on one area for {seconds} s is too much; keep it to {cap} s, or "
                            "move on to another area.").format(technique=technique.label,
                                                               seconds=run.seconds, cap=cap)
            else:
                message = _("{steps} are {seconds} s of {technique} on one area ({area}); keep it to {cap} "
                            "s, then move on to another area.").format(
                    steps=name_steps(run.steps).capitalize(), seconds=run.seconds,
                    technique=technique.label.lower(), area=pgettext("area", run.area), cap=cap)
            problems.append(Problem(Severity.ERROR, rule, message, step=run.first, steps=run.steps))
    return problems


def _stage_order(routine: Routine) -> list[Problem]:
    problems = []
    for number, (before, step) in enumerate(zip(routine.steps, routine.steps[1:], strict=False), start=2):
        if step.stage.order < before.stage.order:
            problems.append(_error(
                "stage-order",
                _("A {stage} step can't follow a {before} one; move it earlier or change its stage.").format(
                    stage=step.stage.label.lower(), before=before.stage.label.lower()),
                number,
            ))
    return problems


def _pregnancy(routine: Routine) -> list[Problem]:
    if routine.profile is not Profile.PREGNANCY:
        return []
    problems = []
    for number, step in enumerate(routine.steps, start=1):
        changes = []
        if step.technique not in PREGNANCY_TECHNIQUES:
            changes.append(_("make it stroking or rubbing, not {technique}").format(
                technique=step.technique.label.lower()))
        if step.intensity is not Intensity.LIGHT:
            changes.append(_("make it light, not {intensity}").format(intensity=step.intensity.label))
        if step.stage is Stage.DEEP:
            changes.append(_("move it out of the deep stage"))
        if changes:
            problems.append(_error(
                "pregnancy", _("In pregnancy every step is light stroking or rubbing; {changes}.").format(
                    changes="; ".join(changes)),
                number,
            ))
    if routine.total_seconds > PREGNANCY_MAX_SECONDS:
        problems.append(_error(
            "pregnancy",
            _("In pregnancy keep a session to 45 min; this one lasts {length}.").format(
                length=format_duration(routine.total_seconds)),
        ))
    return problems


def _vibration_gentle(routine: Routine) -> list[Problem]:
    return [
        _warning("vibration-gentle", _("Vibration is never intense; make this step light or moderate."),
                 number)
        for number, step in enumerate(routine.steps, start=1)
        if step.technique is Technique.VIBRATION and step.intensity is Intensity.FIRM
    ]


def _open_close(routine: Routine) -> list[Problem]:
    problems = []
    steps = routine.steps
    if steps[0].technique is not Technique.STROKING:
        problems.append(_warning("open-close", _("Start with light stroking to warm up; add a stroking "
                                                 "step first."), 1))
    if steps[-1].technique is not Technique.STROKING and len(steps) > 1:
        problems.append(_warning("open-close", _("End with stroking to calm the muscles; add a stroking "
                                                 "step last."), len(steps)))
    return problems


def _stroking_light(routine: Routine) -> list[Problem]:
    return [
        _warning("stroking-light", _("Stroking is always light; set this step's intensity to light."),
                 number)
        for number, step in enumerate(routine.steps, start=1)
        if step.technique is Technique.STROKING and step.intensity is not Intensity.LIGHT
    ]


def _ramp(routine: Routine) -> list[Problem]:
    problems = []
    for number, (before, step) in enumerate(zip(routine.steps, routine.steps[1:], strict=False), start=2):
        if abs(step.intensity.level - before.intensity.level) >= 2:
            problems.append(_warning(
                "ramp",
                _("Intensity jumps from {before} to {after}; put a moderate step between them.").format(
                    before=before.intensity.label, after=step.intensity.label),
                number,
            ))
    return problems


def _end_light(routine: Routine) -> list[Problem]:
    if routine.steps[-1].intensity is Intensity.LIGHT:
        return []
    return [_warning("end-light", _("Slow down at the end; make the last step light."), len(routine.steps))]


def _knead_after_squeeze(routine: Routine) -> list[Problem]:
    """Kneading needs squeezing earlier on the same area: squeezing the legs does not prepare the spine."""
    problems = []
    squeezed: set[tuple[str, object]] = set()
    for number, step in enumerate(routine.steps, start=1):
        if step.technique is Technique.SQUEEZING:
            squeezed |= area_spots(step.area)
        elif step.technique is Technique.KNEADING and not area_spots(step.area) <= squeezed:
            problems.append(_warning(
                "knead-after-squeeze",
                _("Squeeze {area} before you knead it; add a squeezing step on it earlier.").format(
                    area=step.shown_area),
                number,
            ))
    return problems


def _deep_longest(routine: Routine) -> list[Problem]:
    totals = routine.stage_seconds()
    deep = totals[Stage.DEEP]
    if not deep:
        return []
    others = {stage: seconds for stage, seconds in totals.items() if stage is not Stage.DEEP}
    # Name the longest other stage: beating any shorter one would not clear the warning.
    longest = max(others, key=lambda stage: others[stage])
    if others[longest] < deep:
        return []
    return [_warning(
        "deep-longest",
        _("The deep stage should be the longest; make it longer than the {stage} stage ({length}, deep "
          "has {deep}).").format(stage=longest.label.lower(), length=format_duration(others[longest]),
                                            deep=format_duration(deep)),
    )]


# The ways a direction reads in a sentence: "goes up", "goes in toward the spine".
_WAYS: dict[Direction, Callable[[], str]] = {
    Direction.UP: lambda: pgettext("way", "up"),
    Direction.DOWN: lambda: pgettext("way", "down"),
    Direction.TOWARD_SPINE: lambda: pgettext("way", "in toward the spine"),
    Direction.AWAY_FROM_SPINE: lambda: pgettext("way", "out from the spine"),
}
# The techniques the guide says move with the flow of blood and lymph, toward the heart.
_WITH_THE_FLOW = (Technique.STROKING, Technique.SQUEEZING)


def against_the_flow(step: Step) -> bool:
    """Whether a stroking or squeezing step's own direction goes against its area's flow to the heart
    (core.movement's directions) on any region of the map its area covers. "circles" keeps the area's
    way, and an area the map does not know has no flow to go against."""
    technique, direction = step.technique, step.direction
    if technique not in _WITH_THE_FLOW or direction is None or direction is Direction.CIRCLES:
        return False
    return any(flow_direction(region, technique) is not direction for region in regions_for(step.area))


def _toward_heart(routine: Routine) -> list[Problem]:
    problems = []
    for number, step in enumerate(routine.steps, start=1):
        if against_the_flow(step) and step.direction is not None:
            flow = flow_direction(regions_for(step.area)[0], step.technique)
            problems.append(_warning(
                "toward-heart",
                _("{technique} on the {area} goes {flow}, toward the heart; this step goes {way}, against "
                  "the flow. Use the area's own direction.").format(
                    technique=step.technique.label, area=pgettext("area", step.area),
                    flow=_WAYS[flow](), way=_WAYS[step.direction]()),
                number,
            ))
    return problems


# The caps are checked apart: their messages name steps, so they need the steps' real numbers.
RULES: tuple[Rule, ...] = (
    _stage_order,
    _pregnancy,
    _open_close,
    _stroking_light,
    _ramp,
    _end_light,
    _knead_after_squeeze,
    _deep_longest,
    _vibration_gentle,
    _toward_heart,
)


def validate(routine: Routine, numbers: Sequence[int] | None = None) -> list[Problem]:
    """Every rule's problems, in step order (routine-wide problems last), errors first within a step.

    `numbers` are the steps' own numbers when they are not 1, 2, 3, … (a file's readable steps only).
    """
    if not routine.steps:
        # A draft in the editor; the file format already refuses a routine with no steps.
        return []
    problems = [problem for rule in RULES for problem in rule(routine)]
    if numbers is not None:
        problems = [replace(p, step=numbers[p.step - 1]) if p.step is not None else p for p in problems]
    problems += _caps(routine, numbers)
    return sorted(problems, key=lambda p: (p.step is None, p.step or 0, p.severity is Severity.WARNING))
