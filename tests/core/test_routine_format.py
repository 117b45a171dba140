"""The routine file format, version 1: every bad input becomes a `field` problem naming the key and step,
and bytes that are not a routine file at all are refused with one plain sentence."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from selfmassage.core.problems import Problem, Severity
from selfmassage.core.routine_format import (
    MAX_FILE_BYTES,
    RoutineFileError,
    decode_json,
    dumps_routine,
    loads_routine,
    parse_routine,
)
from selfmassage.core.techniques import Intensity, Profile, Stage, Technique, Variant


def good() -> dict[str, Any]:
    """A valid file with every field used once; tests break one thing in a fresh copy."""
    return copy.deepcopy({
        "format": 1,
        "name": "Evening back relax",
        "description": "A calm back session.\nTen minutes before bed.",
        "tempo": 72,
        "profile": "standard",
        "steps": [
            {"stage": "preparatory", "technique": "stroking", "area": "lower back", "seconds": 30,
             "intensity": "light", "note": "Slide both palms up toward the shoulder blades."},
            {"stage": "medium-deep", "technique": "squeezing", "area": "along the spine", "seconds": 40,
             "intensity": "moderate", "variant": "palm-base"},
            {"stage": "deep", "technique": "kneading", "area": "shoulders", "seconds": 90,
             "intensity": "moderate"},
            {"stage": "final", "technique": "stroking", "area": "lower back", "seconds": 30},
        ],
    })


def with_step(number: int, **changes: Any) -> dict[str, Any]:
    data = good()
    data["steps"][number - 1].update(changes)
    return data


def without_key(data: dict[str, Any], key: str, step: int | None = None) -> dict[str, Any]:
    (data if step is None else data["steps"][step - 1]).pop(key)
    return data


def field_problems(data: object) -> list[Problem]:
    routine, problems = parse_routine(data)
    assert routine is None, "a file with a bad field must not give a routine"
    assert problems
    for problem in problems:
        assert problem.rule == "field" and problem.severity is Severity.ERROR and problem.is_error
        assert problem.message and "\n" not in problem.message
    return problems


def the_problem(data: object, field: str, step: int | None = None) -> Problem:
    """The one problem of a file with one fault: it names the field and the step."""
    problems = field_problems(data)
    assert len(problems) == 1, problems
    problem = problems[0]
    assert (problem.field, problem.step) == (field, step)
    return problem


def test_the_good_file_reads_with_no_problems() -> None:
    routine, problems = parse_routine(good(), source="evening.json")
    assert problems == []
    assert routine is not None
    assert routine.name == "Evening back relax"
    assert routine.tempo == 72
    assert routine.source == "evening.json"
    assert routine.steps[1].variant is Variant.PALM_BASE
    assert routine.steps[2].technique is Technique.KNEADING and routine.steps[2].stage is Stage.DEEP


# -- wrong types --------------------------------------------------------------------------------

@pytest.mark.parametrize(("key", "value", "shown"), [
    ("stage", 3, "a number"),
    ("technique", ["rubbing"], "a list"),
    ("area", 12, "a number"),
    ("intensity", None, "null"),
    ("variant", True, "true/false"),
    ("note", {"text": "x"}, "an object"),
])
def test_a_step_field_of_the_wrong_type(key: str, value: object, shown: str) -> None:
    problem = the_problem(with_step(2, **{key: value}), key, 2)
    assert shown in problem.message


@pytest.mark.parametrize(("key", "value"), [
    ("name", 5), ("description", ["a"]), ("tempo", "80"), ("profile", 1), ("steps", {"a": 1}),
])
def test_a_routine_field_of_the_wrong_type(key: str, value: object) -> None:
    data = good()
    data[key] = value
    the_problem(data, key)


# -- unknown choices ----------------------------------------------------------------------------

@pytest.mark.parametrize(("key", "value", "allowed"), [
    ("technique", "tapping", "stroking, rubbing, squeezing, kneading, vibration"),
    ("stage", "warm-up", "preparatory, medium-deep, deep, final"),
    ("intensity", "hard", "light, moderate, firm"),
    ("variant", "fist", "transverse, palm-edge, palm-base, two-hands"),
])
def test_an_unknown_choice_names_what_is_allowed(key: str, value: str, allowed: str) -> None:
    problem = the_problem(with_step(2, **{key: value}), key, 2)
    assert repr(value) in problem.message
    assert allowed in problem.message


def test_a_choice_is_case_sensitive() -> None:
    the_problem(with_step(1, technique="Stroking"), "technique", 1)


def test_a_variant_on_a_step_that_is_not_squeezing() -> None:
    problem = the_problem(with_step(3, variant="two-hands"), "variant", 3)
    assert "only for squeezing" in problem.message


@pytest.mark.parametrize("variant", [v.value for v in Variant])
def test_every_variant_is_fine_on_squeezing(variant: str) -> None:
    routine, problems = parse_routine(with_step(2, variant=variant))
    assert problems == [] and routine is not None
    assert routine.steps[1].variant is Variant(variant)


# -- seconds ------------------------------------------------------------------------------------

@pytest.mark.parametrize("seconds", [0, 901, -5, 1.5, "10", True, None])
def test_seconds_must_be_a_whole_number_from_1_to_900(seconds: object) -> None:
    problem = the_problem(with_step(4, seconds=seconds), "seconds", 4)
    assert "1 to 900" in problem.message


@pytest.mark.parametrize("seconds", [1, 900])
def test_seconds_at_the_limits_are_fine(seconds: int) -> None:
    routine, problems = parse_routine(with_step(4, seconds=seconds))
    assert problems == [] and routine is not None
    assert routine.steps[3].seconds == seconds


# -- text fields --------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["", "   ", "x" * 81, "Evening\tback", "Evening\x1b[31m back", "a\nb",
                                  "Evening\u009b31m back"])
def test_a_bad_name(name: str) -> None:
    data = good()
    data["name"] = name
    the_problem(data, "name")


def test_a_name_of_80_characters_is_fine_and_is_trimmed() -> None:
    data = good()
    data["name"] = "  " + "x" * 80 + " "
    routine, problems = parse_routine(data)
    assert problems == [] and routine is not None
    assert routine.name == "x" * 80


def test_a_description_of_501_characters() -> None:
    data = good()
    data["description"] = "d" * 501
    problem = the_problem(data, "description")
    assert "500" in problem.message
    data["description"] = "d" * 500
    assert parse_routine(data)[1] == []


def test_a_description_may_span_lines_but_not_hold_terminal_codes() -> None:
    data = good()
    data["description"] = "First line.\n\tSecond line."
    assert parse_routine(data)[1] == []
    data["description"] = "Looks calm\x1b]0;pwned\x07"
    the_problem(data, "description")
    data["description"] = "Looks calm\u009b31m"
    the_problem(data, "description")


def test_a_note_of_301_characters() -> None:
    problem = the_problem(with_step(1, note="n" * 301), "note", 1)
    assert "300" in problem.message
    assert parse_routine(with_step(1, note="n" * 300))[1] == []


@pytest.mark.parametrize("area", ["", "  ", "a" * 61, "lower\x00back"])
def test_a_bad_area(area: str) -> None:
    the_problem(with_step(2, area=area), "area", 2)


def test_an_escaped_surrogate_pair_is_one_character_and_fine() -> None:
    raw = json.dumps(good()).replace("Evening back relax", "Evening \\ud83c\\udf19").encode()
    routine, problems = loads_routine(raw)
    assert problems == [] and routine is not None
    assert routine.name == "Evening \U0001f319"


def test_any_area_name_is_allowed() -> None:
    routine, problems = parse_routine(with_step(2, area="left calf"))
    assert problems == [] and routine is not None and routine.steps[1].area == "left calf"


@pytest.mark.parametrize(("key", "step"), [("name", None), ("description", None), ("area", 2),
                                           ("note", 2)])
def test_text_that_cannot_be_written_back_as_utf8(key: str, step: int | None) -> None:
    # "\ud800" is legal JSON but a lone surrogate: saving or printing it would crash later.
    data = good() if step is None else with_step(step)
    (data if step is None else data["steps"][step - 1])[key] = "Back \ud800"
    the_problem(data, key, step)


# -- tempo and profile ----------------------------------------------------------------------------

@pytest.mark.parametrize("tempo", [59, 101, 80.5])
def test_tempo_outside_60_to_100(tempo: object) -> None:
    data = good()
    data["tempo"] = tempo
    problem = the_problem(data, "tempo")
    assert "60 to 100" in problem.message


@pytest.mark.parametrize("tempo", [60, 100])
def test_tempo_at_the_limits_is_fine(tempo: int) -> None:
    data = good()
    data["tempo"] = tempo
    routine, problems = parse_routine(data)
    assert problems == [] and routine is not None and routine.tempo == tempo


def test_an_unknown_profile() -> None:
    data = good()
    data["profile"] = "elderly"
    problem = the_problem(data, "profile")
    assert "standard, pregnancy" in problem.message


# -- unknown and missing keys ---------------------------------------------------------------------

def test_an_unknown_key_at_the_top() -> None:
    data = good()
    data["author"] = "me"
    problem = the_problem(data, "'author'")  # named as shown, so even an empty key is visible
    assert "'author'" in problem.message and "remove it" in problem.message


def test_an_unknown_key_in_a_step() -> None:
    problem = the_problem(with_step(3, pressure="high"), "'pressure'", 3)
    assert "'pressure'" in problem.message


def test_a_very_long_unknown_key_is_shortened_in_the_message() -> None:
    problems = field_problems(with_step(1, **{"k" * 5000: 1}))
    assert len(problems) == 1 and problems[0].step == 1
    assert len(problems[0].message) < 200


@pytest.mark.parametrize("key", ["format", "name", "steps"])
def test_a_required_routine_key_is_missing(key: str) -> None:
    problem = the_problem(without_key(good(), key), key)
    assert "missing" in problem.message


@pytest.mark.parametrize("key", ["stage", "technique", "area", "seconds"])
def test_a_required_step_key_is_missing(key: str) -> None:
    problem = the_problem(without_key(good(), key, step=3), key, 3)
    assert "missing" in problem.message


def test_every_fault_in_a_file_is_reported_at_once() -> None:
    data = with_step(2, seconds=0, technique="tap")
    data["steps"][3]["colour"] = "red"
    data["tempo"] = 200
    problems = field_problems(data)
    assert {(p.field, p.step) for p in problems} == {
        ("tempo", None), ("technique", 2), ("seconds", 2), ("'colour'", 4)}


# -- the steps list and the top level -------------------------------------------------------------

@pytest.mark.parametrize("count", [0, 201])
def test_a_routine_has_1_to_200_steps(count: int) -> None:
    data = good()
    data["steps"] = [data["steps"][0]] * count
    problem = the_problem(data, "steps")
    assert str(count) in problem.message and "200" in problem.message


def test_200_steps_are_fine() -> None:
    data = good()
    data["steps"] = [data["steps"][0]] * 200
    routine, problems = parse_routine(data)
    assert problems == [] and routine is not None and len(routine.steps) == 200


@pytest.mark.parametrize("item", ["stroking", 30, None, ["stroking"]])
def test_a_step_that_is_not_an_object(item: object) -> None:
    data = good()
    data["steps"][2] = item
    the_problem(data, "steps", 3)


@pytest.mark.parametrize("top", [[], "routine", 1, None])
def test_the_top_level_is_not_an_object(top: object) -> None:
    problems = field_problems(top)
    assert len(problems) == 1 and problems[0].step is None
    assert "object" in problems[0].message


@pytest.mark.parametrize("version", [2, 0, "1", 1.0, True])
def test_only_format_1_is_read(version: object) -> None:
    data = good()
    data["format"] = version
    problem = the_problem(data, "format")
    assert "1" in problem.message


# -- decode_json: bytes that are not a routine file --------------------------------------------------

def _refused(raw: bytes) -> str:
    with pytest.raises(RoutineFileError) as info:
        decode_json(raw)
    message = str(info.value)
    assert message and "\n" not in message
    return message


def test_over_1_mib_is_refused_without_being_parsed() -> None:
    # Not JSON at all: if it were parsed, the message would be about JSON, not size.
    message = _refused(b"{" * (MAX_FILE_BYTES + 1))
    assert "1 MiB" in message and "JSON" not in message


def test_a_valid_file_just_over_1_mib_is_still_refused() -> None:
    raw = json.dumps(good()).encode()
    raw += b" " * (MAX_FILE_BYTES + 1 - len(raw))
    assert "1 MiB" in _refused(raw)


def test_exactly_1_mib_is_read() -> None:
    raw = json.dumps(good()).encode()
    raw += b" " * (MAX_FILE_BYTES - len(raw))
    assert decode_json(raw) == good()


def test_not_utf8() -> None:
    raw = json.dumps(good()).encode().replace(b"Evening", b"\xe9vening")
    assert "UTF-8" in _refused(raw)
    assert "UTF-8" in _refused(json.dumps(good()).encode("utf-16"))


@pytest.mark.parametrize("raw", [b"", b"   \n\t", b"\xef\xbb\xbf"])
def test_empty(raw: bytes) -> None:
    assert "empty" in _refused(raw)


def test_invalid_json_says_where() -> None:
    message = _refused(b'{"format": 1,\n  "name": "x",\n  "steps": [}\n')
    assert "line 3" in message and "column" in message


def test_duplicate_keys_are_refused() -> None:
    message = _refused(b'{"format": 1, "name": "a", "name": "b", "steps": []}')
    assert "'name'" in message and "twice" in message


def test_duplicate_keys_inside_a_step_are_refused() -> None:
    assert "'seconds'" in _refused(b'{"steps": [{"seconds": 10, "seconds": 900}]}')


def test_deeply_nested_json_is_refused_not_a_crash() -> None:
    depth = 100_000
    message = _refused(b"[" * depth + b"]" * depth)
    assert "nested too deeply" in message


@pytest.mark.parametrize("constant", [b"NaN", b"Infinity", b"-Infinity"])
def test_nan_and_infinity_are_refused(constant: bytes) -> None:
    message = _refused(b'{"format": 1, "tempo": ' + constant + b"}")
    assert constant.decode().lstrip("-") in message


def test_a_number_too_long_to_read_is_refused() -> None:
    assert "number" in _refused(b'{"tempo": ' + b"9" * 5000 + b"}")


def test_a_byte_order_mark_is_accepted() -> None:
    raw = b"\xef\xbb\xbf" + json.dumps(good()).encode()
    assert decode_json(raw) == good()
    routine, problems = loads_routine(raw)
    assert problems == [] and routine is not None


# -- round trip and defaults ----------------------------------------------------------------------

def test_round_trip_gives_an_equal_routine() -> None:
    first, problems = loads_routine(json.dumps(good()).encode())
    assert problems == [] and first is not None
    text = dumps_routine(first)
    second, problems = loads_routine(text.encode("utf-8"))
    assert problems == []
    assert second == first
    written = json.loads(text)
    assert {k: v for k, v in written.items() if k != "steps"} == {
        k: v for k, v in good().items() if k != "steps"}
    assert written["steps"][3] == good()["steps"][3] | {"intensity": "light"}


def test_round_trip_keeps_text_outside_ascii() -> None:
    data = good()
    data["name"] = "Вечерний массаж спины 🌙"
    data["steps"][0]["note"] = "Ladite doucement vers le cœur."
    first, _ = parse_routine(data)
    assert first is not None
    second, problems = loads_routine(dumps_routine(first).encode("utf-8"))
    assert problems == [] and second == first
    assert "Вечерний" in dumps_routine(first)  # readable in the file, not \u-escaped


def test_defaults_are_applied_and_written_out() -> None:
    data = {"format": 1, "name": "Minimal",
            "steps": [{"stage": "preparatory", "technique": "stroking", "area": "legs", "seconds": 20}]}
    routine, problems = parse_routine(data)
    assert problems == [] and routine is not None
    assert routine.tempo == 80
    assert routine.profile is Profile.STANDARD
    assert routine.description == ""
    assert routine.steps[0].intensity is Intensity.LIGHT
    assert routine.steps[0].variant is None and routine.steps[0].note == ""
    written = json.loads(dumps_routine(routine))
    assert written["tempo"] == 80 and written["profile"] == "standard"
    assert written["steps"][0]["intensity"] == "light"
    assert "variant" not in written["steps"][0] and "note" not in written["steps"][0]
    again, _ = parse_routine(written)
    assert again == routine


def test_the_pregnancy_profile_is_read() -> None:
    data = good()
    data["profile"] = "pregnancy"
    routine, _ = parse_routine(data)
    assert routine is not None and routine.profile is Profile.PREGNANCY
