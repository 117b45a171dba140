"""Every problem of a routine file at once: its field problems and the guide's rules, in step order.

A file with a wrong field still has steps that read fine; the guide's rules run on those, so an unknown key
in step 1 does not hide a rubbing run that is too long in step 3. A step that can't be read at all (no
technique, say) is left out of the rules, and the steps around it keep their own numbers.
"""

from __future__ import annotations

from typing import Any

from selfmassage.core.problems import Problem, Severity
from selfmassage.core.routine import Routine, Step
from selfmassage.core.routine_format import _choice, _parse_step, decode_json, parse_routine
from selfmassage.core.rules import validate
from selfmassage.core.techniques import Profile

# What the guide's rules read of a step; a fault anywhere else leaves the step fit to check.
_RULE_KEYS = ("stage", "technique", "area", "seconds", "sides", "intensity")


def in_step_order(problems: list[Problem]) -> list[Problem]:
    """Step by step, the routine as a whole last; within a step errors first, then the order found."""
    return sorted(problems, key=lambda p: (p.step is None, p.step or 0, p.severity is Severity.WARNING))


def _readable_steps(data: dict[str, Any]) -> list[tuple[int, Step]]:
    raw_steps = data.get("steps")
    if not isinstance(raw_steps, list):
        return []
    readable = []
    for number, raw in enumerate(raw_steps, start=1):
        if isinstance(raw, dict):
            step = _parse_step({key: raw[key] for key in _RULE_KEYS if key in raw}, number, [])
            if step is not None:
                readable.append((number, step))
    return readable


def check_routine_data(data: object, source: str = "") -> tuple[Routine | None, list[Problem]]:
    """A decoded JSON value → (the routine when every field is right, every problem in step order)."""
    routine, problems = parse_routine(data, source)
    if routine is not None:
        return routine, in_step_order(problems + validate(routine))
    if not isinstance(data, dict):
        return None, problems
    readable = _readable_steps(data)
    if not readable:
        return None, in_step_order(problems)
    profile = _choice(data, "profile", Profile, [], required=False, default=Profile.STANDARD)
    partial = Routine(name="", steps=tuple(step for _, step in readable), profile=profile or Profile.STANDARD)
    return None, in_step_order(problems + validate(partial, [number for number, _ in readable]))


def check_routine_bytes(raw: bytes, source: str = "") -> tuple[Routine | None, list[Problem]]:
    """Bytes → as `check_routine_data`; RoutineFileError when they are not JSON at all."""
    return check_routine_data(decode_json(raw), source)
