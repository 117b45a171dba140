"""The routine file format, version 1: JSON in UTF-8. A sharing format, so it is kept exactly.

Reading never raises on bad content: every fault becomes a `field` problem naming the key. Only bytes that
are not JSON at all (or too big to parse) raise `RoutineFileError`; the caller names the file.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from typing import Any, Protocol, TypeVar

from selfmassage.core.problems import Problem, Severity
from selfmassage.core.routine import Routine, Step, name_problem
from selfmassage.core.techniques import (
    TEMPO_DEFAULT,
    TEMPO_MAX,
    TEMPO_MIN,
    Direction,
    Intensity,
    Profile,
    Sides,
    Stage,
    Technique,
    Variant,
)
from selfmassage.i18n import _, json_reason

FORMAT_VERSION = 1
MAX_FILE_BYTES = 1024 * 1024
MAX_NAME = 80
MAX_DESCRIPTION = 500
MAX_STEPS = 200
MAX_AREA = 60
MAX_NOTE = 300
MIN_SECONDS, MAX_SECONDS = 1, 900

E = TypeVar("E", Stage, Technique, Intensity, Variant, Profile, Sides, Direction)

ROUTINE_KEYS = ("format", "name", "description", "tempo", "profile", "steps")
# "sides" is optional: "one" (the default, left out on save) or "both", where seconds are per side.
# "direction" is optional: left out, the area's own flow for the technique (core.movement) applies.
STEP_KEYS = ("stage", "technique", "area", "seconds", "sides", "intensity", "variant", "direction", "note")


class RoutineFileError(Exception):
    """The bytes are not a routine file at all: too big, not UTF-8, or not JSON."""


class _DuplicateKey(ValueError):
    pass


class _Constant(ValueError):
    pass


def _reject_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    seen: dict[str, Any] = {}
    for key, value in pairs:
        if key in seen:
            raise _DuplicateKey(key)
        seen[key] = value
    return seen


def decode_json(raw: bytes) -> object:
    """Bytes → JSON value, or RoutineFileError with one plain sentence."""
    if len(raw) > MAX_FILE_BYTES:
        raise RoutineFileError(_("the file is {size} bytes; a routine file may be at most 1 MiB").format(
            size=f"{len(raw):,}"))
    try:
        text = raw.decode("utf-8-sig")  # a BOM from a Windows editor is harmless
    except UnicodeDecodeError as exc:
        raise RoutineFileError(_("the file is not UTF-8 text (byte {byte})").format(byte=exc.start)) from None
    if not text.strip():
        raise RoutineFileError(_("the file is empty"))
    try:
        return json.loads(text, object_pairs_hook=_reject_duplicates, parse_constant=_no_constant)
    except _DuplicateKey as exc:
        raise RoutineFileError(_("the key {key} appears twice in one object").format(key=repr(str(exc)))) \
            from None
    except _Constant as exc:
        raise RoutineFileError(_("not valid JSON: {name} is not allowed; write a number instead").format(
            name=exc)) from None
    except json.JSONDecodeError as exc:
        raise RoutineFileError(_("not valid JSON: {reason} at line {line}, column {column}").format(
            reason=json_reason(exc.msg), line=exc.lineno, column=exc.colno)) from None
    except RecursionError:
        raise RoutineFileError(_("not valid JSON: lists or objects are nested too deeply")) from None
    except ValueError:  # Python refuses to read an integer of more than 4,300 digits
        raise RoutineFileError(_("not valid JSON: a number is too long to read")) from None


def _no_constant(name: str) -> object:
    raise _Constant(name)  # NaN, Infinity or -Infinity: named in the message decode_json builds


def _field(message: str, field: str, step: int | None = None) -> Problem:
    return Problem(Severity.ERROR, "field", message, step=step, field=field)


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


# C0, DEL and C1 (U+0080–U+009F: some terminals read U+009B as the start of an escape code). Patterns, not a
# loop over characters: the window reads every routine file at start, and that loop was half the time.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
_CONTROL_BUT_LINE_BREAKS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # keeps \t \n \r
_SURROGATE = re.compile("[\ud800-\udfff]")


def _has_control(text: str, *, line_breaks: bool = False) -> bool:
    """A control character in `text`; with `line_breaks`, tab, newline and return are allowed."""
    return (_CONTROL_BUT_LINE_BREAKS if line_breaks else _CONTROL).search(text) is not None


def _has_surrogate(text: str) -> bool:
    return _SURROGATE.search(text) is not None


def _text(
    data: dict[str, Any], key: str, problems: list[Problem], *, required: bool, low: int, high: int,
    step: int | None = None, single_line: bool = True,
) -> str:
    if key not in data:
        if required:
            problems.append(_field(_("{key} is missing.").format(key=key), key, step))
        return ""
    value = data[key]
    if not isinstance(value, str):
        problems.append(_field(_("{key} must be text, not {kind}.").format(key=key, kind=_kind(value)), key,
                               step))
        return ""
    stripped = value.strip()
    if not low <= len(stripped) <= high:
        if low:
            wrong = _("{key} must be 1–{high} characters long, not {length}.")
        else:
            wrong = _("{key} must be at most {high} characters long, not {length}.")
        problems.append(_field(wrong.format(key=key, high=high, length=len(stripped)), key, step))
        return ""
    if _has_surrogate(stripped):
        # JSON allows "\ud800", but such text can never be saved or printed as UTF-8.
        broken = _("{key} holds a broken character escape (\\ud800–\\udfff); retype it.")
        problems.append(_field(broken.format(key=key), key, step))
        return ""
    if single_line and _has_control(stripped):
        problems.append(_field(_("{key} must be one line with no control characters.").format(key=key), key,
                               step))
        return ""
    # Line breaks and tabs are fine in a longer text; other control characters (a terminal's
    # escape codes in a shared file, say) would reach the screen when the routine is shown.
    if _has_control(stripped, line_breaks=True):
        problems.append(_field(_("{key} may hold line breaks but no other control characters.").format(
            key=key), key, step))
        return ""
    return stripped


def _choice(
    data: dict[str, Any], key: str, kind: type[E], problems: list[Problem], *,
    required: bool, default: E | None = None, step: int | None = None,
) -> E | None:
    if key not in data:
        if required:
            problems.append(_field(_("{key} is missing.").format(key=key), key, step))
        return default
    value = data[key]
    allowed = ", ".join(member.value for member in kind)  # the file's own words: they stay English
    if not isinstance(value, str) or value not in {member.value for member in kind}:
        shown = repr(value) if isinstance(value, str) else _kind(value)
        problems.append(_field(_("{key} must be one of {allowed}, not {value}.").format(
            key=key, allowed=allowed, value=shown[:40]), key, step))
        return default
    return kind(value)


def _whole_number(
    data: dict[str, Any], key: str, problems: list[Problem], *, low: int, high: int,
    required: bool, default: int, step: int | None = None,
) -> int:
    if key not in data:
        if required:
            problems.append(_field(_("{key} is missing.").format(key=key), key, step))
        return default
    value = data[key]
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        value = int(value)
    if not _is_int(value) or not low <= value <= high:
        shown = str(value)[:20] if _is_int(value) or isinstance(value, float) else _kind(value)
        problems.append(
            _field(_("{key} must be a whole number from {low} to {high}, not {value}.").format(
                key=key, low=low, high=high, value=shown), key, step)
        )
        return default
    return value


def _kind(value: object) -> str:
    names = {dict: _("an object"), list: _("a list"), str: _("text"), bool: _("true/false"),
             type(None): _("null"), int: _("a number"), float: _("a number")}
    return names.get(type(value), type(value).__name__)


def _unknown_keys(data: dict[str, Any], known: tuple[str, ...], problems: list[Problem],
                  step: int | None = None) -> None:
    for key in data:
        if key not in known:
            shown = key if len(key) <= 40 else key[:37] + "…"
            # The field is named as the user would see it, quotes and escapes included for odd keys.
            problems.append(_field(_("unknown key {key}; remove it (allowed: {allowed}).").format(
                key=repr(shown), allowed=", ".join(known)), repr(shown), step))


def _parse_step(data: object, number: int, problems: list[Problem]) -> Step | None:
    if not isinstance(data, dict):
        problems.append(_field(_("each step must be an object, not {kind}.").format(kind=_kind(data)),
                               "steps", number))
        return None
    before = len(problems)
    _unknown_keys(data, STEP_KEYS, problems, number)
    stage = _choice(data, "stage", Stage, problems, required=True, step=number)
    technique = _choice(data, "technique", Technique, problems, required=True, step=number)
    area = _text(data, "area", problems, required=True, low=1, high=MAX_AREA, step=number)
    seconds = _whole_number(data, "seconds", problems, low=MIN_SECONDS, high=MAX_SECONDS,
                            required=True, default=0, step=number)
    sides = _choice(data, "sides", Sides, problems, required=False, default=Sides.ONE, step=number)
    intensity = _choice(data, "intensity", Intensity, problems, required=False,
                        default=Intensity.LIGHT, step=number)
    variant = _choice(data, "variant", Variant, problems, required=False, step=number)
    direction = _choice(data, "direction", Direction, problems, required=False, step=number)
    note = _text(data, "note", problems, required=False, low=0, high=MAX_NOTE, step=number)
    if variant is not None and technique is not None and technique is not Technique.SQUEEZING:
        problems.append(_field(_("variant is only for squeezing; remove it from this step."), "variant",
                               number))
    if (len(problems) > before or stage is None or technique is None or intensity is None
            or sides is None):
        return None
    return Step(stage=stage, technique=technique, area=area, seconds=seconds, intensity=intensity,
                variant=variant, note=note, sides=sides, direction=direction)


def parse_routine(data: object, source: str = "") -> tuple[Routine | None, list[Problem]]:
    """A decoded JSON value → (routine, field problems). The routine is None when any field is wrong."""
    problems: list[Problem] = []
    if not isinstance(data, dict):
        problems.append(_field(_("a routine file must hold one JSON object, not {kind}.").format(
            kind=_kind(data)), "format"))
        return None, problems
    _unknown_keys(data, ROUTINE_KEYS, problems)
    if "format" not in data:
        problems.append(_field(_("format is missing; add \"format\": 1."), "format"))
    elif not _is_int(data["format"]) or data["format"] != FORMAT_VERSION:
        problems.append(_field(_("format must be {version}; this app reads version {version} files.").format(
            version=FORMAT_VERSION), "format"))
    name = _text(data, "name", problems, required=True, low=1, high=MAX_NAME)
    if name and (wrong := name_problem(name)):
        problems.append(_field(wrong, "name"))
        name = ""
    description = _text(data, "description", problems, required=False, low=0,
                        high=MAX_DESCRIPTION, single_line=False)
    tempo = _whole_number(data, "tempo", problems, low=TEMPO_MIN, high=TEMPO_MAX, required=False,
                          default=TEMPO_DEFAULT)
    profile = _choice(data, "profile", Profile, problems, required=False, default=Profile.STANDARD)
    steps: list[Step] = []
    raw_steps = data.get("steps")
    if "steps" not in data:
        problems.append(_field(_("steps is missing; a routine needs at least one step."), "steps"))
    elif not isinstance(raw_steps, list):
        problems.append(_field(_("steps must be a list, not {kind}.").format(kind=_kind(raw_steps)), "steps"))
    elif not 1 <= len(raw_steps) <= MAX_STEPS:
        problems.append(_field(_("a routine has 1–{most} steps, not {count}.").format(
            most=MAX_STEPS, count=len(raw_steps)), "steps"))
    else:
        for number, raw in enumerate(raw_steps, start=1):
            step = _parse_step(raw, number, problems)
            if step is not None:
                steps.append(step)
    if problems or profile is None:
        return None, problems
    routine = Routine(name=name, steps=tuple(steps), description=description, tempo=tempo,
                      profile=profile, source=source)
    return routine, problems


class StepFields(Protocol):
    """What a step's file shape is made from: a `Step`, or the editor's draft of one (core.editing)."""

    @property
    def stage(self) -> Stage: ...
    @property
    def technique(self) -> Technique: ...
    @property
    def area(self) -> str: ...
    @property
    def seconds(self) -> int: ...
    @property
    def sides(self) -> Sides: ...
    @property
    def intensity(self) -> Intensity: ...
    @property
    def variant(self) -> Variant | None: ...
    @property
    def direction(self) -> Direction | None: ...
    @property
    def note(self) -> str: ...


class RoutineFields(Protocol):
    """What a routine's file shape is made from: a `Routine`, or the editor's draft of one."""

    @property
    def name(self) -> str: ...
    @property
    def description(self) -> str: ...
    @property
    def tempo(self) -> int: ...
    @property
    def profile(self) -> Profile: ...
    @property
    def steps(self) -> Sequence[StepFields]: ...


def routine_to_dict(routine: RoutineFields) -> dict[str, Any]:
    """The routine in its file shape; optional fields left out when they hold nothing (or only spaces,
    which `parse_routine` would read as nothing), so the editor's draft and a saved file agree."""
    data: dict[str, Any] = {"format": FORMAT_VERSION, "name": routine.name}
    if routine.description.strip():
        data["description"] = routine.description
    data["tempo"] = routine.tempo
    data["profile"] = routine.profile.value
    data["steps"] = [step_to_dict(step) for step in routine.steps]
    return data


def step_to_dict(step: StepFields) -> dict[str, Any]:
    item: dict[str, Any] = {
        "stage": step.stage.value,
        "technique": step.technique.value,
        "area": step.area,
        "seconds": step.seconds,
    }
    if step.sides is not Sides.ONE:
        item["sides"] = step.sides.value
    item["intensity"] = step.intensity.value
    if step.variant is not None:
        item["variant"] = step.variant.value
    if step.direction is not None:
        item["direction"] = step.direction.value
    if step.note.strip():
        item["note"] = step.note
    return item


def dumps_routine(routine: Routine) -> str:
    return json.dumps(routine_to_dict(routine), ensure_ascii=False, indent=2) + "\n"


def loads_routine(raw: bytes, source: str = "") -> tuple[Routine | None, list[Problem]]:
    """Bytes → (routine, field problems); RoutineFileError when it is not JSON at all."""
    return parse_routine(decode_json(raw), source)
