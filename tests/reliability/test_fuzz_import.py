"""Generated bad and odd routine files through the command line a person uses: `routines import` and
`routines validate`, in-process (no subprocess per file).

tests/core/test_fuzz_routine_files.py feeds 1,400 generated files to loading and validation; this adds 600
more through import and validate: never a traceback, a line for every problem that names the file and the
field, nothing written for a refused file, and a file that imports is stored exactly as the app writes it
and loads back unchanged.
"""

from __future__ import annotations

import json
import shutil

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from selfmassage.cli import main
from selfmassage.core.file_check import check_routine_bytes
from selfmassage.core.problems import Problem
from selfmassage.core.routine_format import MAX_FILE_BYTES, RoutineFileError, dumps_routine, loads_routine
from selfmassage.store.paths import routines_dir
from tests.core.test_fuzz_routine_files import ODD_FILES, mutated_routine, valid_routine

FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def names_its_field(problem: Problem) -> bool:
    """A field problem says which key is at fault; a step that is not an object at all is named by number."""
    if problem.rule != "field":
        return True
    assert problem.field
    if problem.field == "steps" and problem.step is not None:
        return problem.message.startswith("each step must be an object")
    if problem.field == "format" and problem.message.startswith("a routine file must hold one JSON object"):
        return True
    return problem.field in problem.message


@st.composite
def routine_file(draw: st.DrawFn) -> bytes:
    """A shared file as it might arrive: a mutated routine, a valid one, or odd bytes, maybe with a BOM."""
    kind = draw(st.sampled_from(["mutated", "valid", "bytes", "odd"]))
    if kind == "mutated":
        raw = json.dumps(draw(mutated_routine()), ensure_ascii=draw(st.booleans())).encode()
    elif kind == "valid":
        raw = dumps_routine(draw(valid_routine)).encode()
    elif kind == "bytes":
        raw = draw(st.binary(max_size=200))
    else:
        raw = ODD_FILES[draw(st.sampled_from(sorted(ODD_FILES)))]
    return (b"\xef\xbb\xbf" if draw(st.booleans()) else b"") + raw


def expected(raw: bytes) -> tuple[str | None, list[Problem]]:
    """What the format says of these bytes: the unreadable reason, or the field and rule problems."""
    if len(raw) > MAX_FILE_BYTES:  # refused by its size on disk, before it is read
        return "the file is over 1 MiB; a routine file may be at most 1 MiB", []
    try:
        _, problems = check_routine_bytes(raw)
    except RoutineFileError as exc:
        return str(exc), []
    return None, problems


@FUZZ
@given(raw=routine_file())
def test_import_of_any_file_is_stored_exactly_or_refused_naming_file_and_field(
    raw, tmp_path, capsys
):
    shutil.rmtree(routines_dir(), ignore_errors=True)
    source = tmp_path / "shared routine.json"
    source.write_bytes(raw)
    code = main(["routines", "import", str(source)])
    out, err = capsys.readouterr()
    unreadable, problems = expected(raw)
    errors = [problem for problem in problems if problem.is_error]
    if unreadable is not None or errors:
        assert code == 1 and out == ""
        # Unreadable: one line. Otherwise every problem, field and rule alike, a line each.
        reasons = [unreadable] if unreadable is not None else [str(problem) for problem in problems]
        assert err == "".join(f"selfmassage: {source}: {reason}\n" for reason in reasons)
        assert all(names_its_field(problem) for problem in problems)
        assert not routines_dir().exists() or not any(routines_dir().iterdir())
        return
    assert code == 0 and err == "", err
    (stored,) = routines_dir().iterdir()
    routine, _ = loads_routine(raw)
    assert routine is not None
    assert stored.read_text(encoding="utf-8") == dumps_routine(routine)  # the app's own canonical form
    again, field_problems = loads_routine(stored.read_bytes())
    assert field_problems == [] and again == routine


@FUZZ
@given(raw=routine_file())
def test_validate_names_the_file_on_every_line_and_the_field_in_every_field_problem(raw, tmp_path, capsys):
    source = tmp_path / "to check.json"
    source.write_bytes(raw)
    code = main(["routines", "validate", str(source)])
    out, err = capsys.readouterr()
    unreadable, problems = expected(raw)
    if unreadable is not None:
        assert (code, out, err) == (2, "", f"{source}: {unreadable}\n")
        return
    assert err == ""
    assert out.splitlines() == [f"{source}: {problem}" for problem in problems]
    assert all(names_its_field(problem) for problem in problems)
    assert code == (1 if any(problem.is_error for problem in problems) else 0)


@pytest.mark.parametrize("name", sorted(ODD_FILES))
def test_each_odd_file_is_refused_by_the_import_command(name, tmp_path, capsys):
    source = tmp_path / name
    source.write_bytes(ODD_FILES[name])
    assert main(["routines", "import", str(source)]) == 1
    out, err = capsys.readouterr()
    assert out == "" and err.startswith(f"selfmassage: {source}: ") and err.count("\n") == 1
