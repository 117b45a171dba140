"""Generated bad and odd routine files: loading, validation and import never crash, and say what is wrong.

Together these tests feed well over 1,000 generated files through the readers.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from selfmassage.core.problems import Severity
from selfmassage.core.routine import Routine, Step, name_problem
from selfmassage.core.routine_format import (
    MAX_FILE_BYTES,
    ROUTINE_KEYS,
    STEP_KEYS,
    RoutineFileError,
    dumps_routine,
    loads_routine,
)
from selfmassage.core.rules import validate
from selfmassage.core.techniques import Intensity, Profile, Stage, Technique, Variant
from selfmassage.store.library import LibraryError, RoutineLibrary

FUZZ = settings(max_examples=350, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

json_leaf = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=False, allow_infinity=False), st.text(max_size=30),
)
json_value = st.recursive(
    json_leaf,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)

good_step = st.fixed_dictionaries({
    "stage": st.sampled_from([s.value for s in Stage]),
    "technique": st.sampled_from([t.value for t in Technique]),
    "area": st.text(min_size=1, max_size=60).filter(lambda s: s.strip()),
    "seconds": st.integers(min_value=1, max_value=900),
})


def odd_value_for(key: str) -> st.SearchStrategy[object]:
    """Values a careless editor or a hostile file might put under a key."""
    odd = ["", " ", "\x00", "\n", "x" * 1000, 10**20, -1, 1e308, True]
    return st.one_of(json_value, st.sampled_from(odd))


@st.composite
def mutated_routine(draw: st.DrawFn) -> dict[str, object]:
    data: dict[str, object] = {
        "format": 1,
        "name": draw(st.text(max_size=90)),
        "steps": draw(st.lists(good_step, min_size=0, max_size=6)),
    }
    for key in draw(st.lists(st.sampled_from([*ROUTINE_KEYS, "extra"]), max_size=3)):
        data[key] = draw(odd_value_for(key))
    steps = data.get("steps")
    if isinstance(steps, list) and steps and draw(st.booleans()):
        index = draw(st.integers(min_value=0, max_value=len(steps) - 1))
        step = dict(steps[index]) if isinstance(steps[index], dict) else {}
        step[draw(st.sampled_from([*STEP_KEYS, "sides", "colour"]))] = draw(odd_value_for("step"))
        steps[index] = step
    return data


def _check_problems_are_clear(problems: list) -> None:
    for problem in problems:
        text = str(problem)
        assert "\n" not in text and len(text) < 400
        if problem.rule == "field":
            assert problem.severity is Severity.ERROR
            assert problem.field


@FUZZ
@given(st.binary(max_size=300))
def test_any_bytes_either_load_or_give_one_clear_reason(raw):
    try:
        routine, problems = loads_routine(raw)
    except RoutineFileError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    _check_problems_are_clear(problems)
    if routine is not None:
        _check_problems_are_clear(validate(routine))


@FUZZ
@given(mutated_routine())
def test_odd_routines_give_field_problems_never_an_exception(data):
    raw = json.dumps(data).encode()
    routine, problems = loads_routine(raw)
    _check_problems_are_clear(problems)
    if routine is None:
        assert any(problem.rule == "field" for problem in problems)
    else:
        _check_problems_are_clear(validate(routine))
        again, _ = loads_routine(dumps_routine(routine).encode())
        assert again == routine


@FUZZ
@given(json_value)
def test_any_json_value_is_handled(value):
    routine, problems = loads_routine(json.dumps(value).encode())
    assert routine is None
    _check_problems_are_clear(problems)


# Cc covers DEL and C1 (U+0080–U+009F), which one-line fields refuse like C0.
printable = st.characters(min_codepoint=32, max_codepoint=0x2FFF, exclude_categories=("Cc",))
not_squeezing = [technique for technique in Technique if technique is not Technique.SQUEEZING]

valid_routine = st.builds(
    Routine,
    name=st.text(alphabet=printable, min_size=1, max_size=80)
    .map(str.strip).filter(lambda name: name and name_problem(name) is None),  # blank or bidi: refused
    steps=st.lists(
        st.builds(
            Step,
            stage=st.sampled_from(Stage), technique=st.sampled_from(not_squeezing),
            area=st.text(alphabet=printable, min_size=1, max_size=60)
            .map(str.strip).filter(bool),
            seconds=st.integers(1, 900), intensity=st.sampled_from(Intensity),
            variant=st.none(), note=st.text(alphabet="abc .,é", max_size=300).map(str.strip),
        ) | st.builds(
            Step, stage=st.sampled_from(Stage), technique=st.just(Technique.SQUEEZING), area=st.just("neck"),
            seconds=st.integers(1, 900), intensity=st.sampled_from(Intensity),
            variant=st.none() | st.sampled_from(Variant),
        ),
        min_size=1, max_size=12,
    ).map(tuple),
    description=st.text(alphabet="ab \n", max_size=500).map(str.strip),
    tempo=st.integers(60, 100),
    profile=st.sampled_from(Profile),
)


@FUZZ
@given(valid_routine)
def test_valid_routines_round_trip_unchanged(routine):
    text = dumps_routine(routine)
    loaded, problems = loads_routine(text.encode())
    assert problems == []
    assert loaded == routine
    assert dumps_routine(loaded) == text


ODD_FILES = {
    "invalid-utf8.json": b'{"format": 1, "name": "\xff\xfe"}',
    "empty.json": b"",
    "spaces.json": b"   \n\t ",
    "deep.json": b"[" * 100_000 + b"]" * 100_000,
    "nan.json": b'{"format": 1, "name": "x", "tempo": NaN, "steps": []}',
    "two-mib.json": b'{"format": 1, "name": "' + b"x" * (2 * 1024 * 1024) + b'"}',
    "duplicate.json": b'{"format": 1, "name": "a", "name": "b", "steps": []}',
    "control.json": json.dumps({"format": 1, "name": "bad\u0007name\n", "steps": [
        {"stage": "final", "technique": "stroking", "area": "neck", "seconds": 5}]}).encode(),
    "huge-number.json": b'{"format": 1, "name": "x", "steps": [{"stage": "final", "technique": "stroking", '
                        b'"area": "neck", "seconds": 1' + b"0" * 5000 + b"}]}",
}


@pytest.mark.parametrize("name", sorted(ODD_FILES))
def test_odd_files_are_refused_by_import_with_the_file_named(name, tmp_path: Path):
    path = tmp_path / name
    path.write_bytes(ODD_FILES[name])
    library = RoutineLibrary(tmp_path / "routines", None)
    with pytest.raises(LibraryError) as refused:
        library.import_file(path)
    message = str(refused.value)
    assert message.startswith(f"{path}: ")
    assert "\n" not in message
    assert not (tmp_path / "routines").exists() or not any((tmp_path / "routines").iterdir())


def test_a_bom_is_accepted():
    routine = Routine("Bom", (Step(Stage.FINAL, Technique.STROKING, "neck", 5),))
    raw = "\ufeff".encode() + dumps_routine(routine).encode()
    routine, problems = loads_routine(raw)
    assert routine is not None and problems == []


def test_two_mib_is_refused_before_parsing():
    with pytest.raises(RoutineFileError, match="1 MiB"):
        loads_routine(b"[" * (MAX_FILE_BYTES + 1))
