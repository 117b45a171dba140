"""Generated bad and odd routine files through the command line a person uses: `routines import` and
`routines validate`, in-process (no subprocess per file).

tests/core/test_fuzz_routine_files.py feeds 1,400 generated files to loading and validation; this adds 600
more through import and validate: never a traceback, a line for every problem that names the file and the
field, nothing written for a refused file, and a file that imports is stored exactly as the app writes it
and loads back unchanged.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from datetime import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from selfmassage.cli import main
from selfmassage.core.file_check import check_routine_bytes
from selfmassage.core.problems import Problem
from selfmassage.core.routine_format import MAX_FILE_BYTES, RoutineFileError, dumps_routine, loads_routine
from selfmassage.store.history import History
from selfmassage.store.paths import history_path, routines_dir
from tests.core.test_fuzz_routine_files import ODD_FILES, mutated_routine, valid_routine
from tests.history_support import BERLIN, add

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


# -- CSV backups --------------------------------------------------------------------------------------------

CSV_HEADER = "started_at,ended_at,routine,status,active_seconds,feeling,symptoms,note"
FORMULA_START = "=+-@\t\r"
# Any text a note may hold: printable, tabs, line breaks, quotes and commas, but no other control character.
note_text = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="".join(
    chr(code) for code in [*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0)])), max_size=40)
name_text = st.text(st.characters(min_codepoint=0x20, max_codepoint=0x2FF, blacklist_categories=("Cc", "Cs")),
                    min_size=1, max_size=30).map(str.strip).filter(bool)
BAD_CELLS = {  # column index → a value that makes the row bad
    0: ["0999-06-01T10:00:00+00:00", "9999-12-31T23:00:00-14:00", "0001-01-01T00:00:00+14:00", "yesterday",
        "2026-11-02T19:00:00"],
    3: ["running", "done", ""],
    4: ["-5", "nan", "1e400", "many"],
    5: ["0", "6", "good"],
    6: ["pain;nonsense"],
    7: ["\x1b]0;owned\x07", "bell\x07", "nul\x00", "\x1b[2J", "c1 \x9b"],
}


def as_written(text: str) -> str:
    """A cell as the app's own export writes it: a formula's first character behind a '."""
    return "'" + text if text.lstrip("'").startswith(tuple(FORMULA_START)) else text


@st.composite
def csv_backup(draw: st.DrawFn) -> tuple[bytes, list[tuple[str, str]] | None]:
    """A CSV file, and the (routine, note) pairs it must store — or None when it must be refused whole."""
    rows, expected, bad = [], [], False
    for number in range(draw(st.integers(0, 6))):
        name, note = draw(name_text), draw(note_text)
        cells = [f"2026-11-{number + 1:02d}T19:00:00+01:00", "", as_written(name), "completed", "600",
                 draw(st.sampled_from(["", "1", "5"])), draw(st.sampled_from(["", "pain", "fatigue;pain"])),
                 as_written(note)]
        if draw(st.integers(0, 4)) == 0:
            column = draw(st.sampled_from(sorted(BAD_CELLS)))
            cells[column] = draw(st.sampled_from(BAD_CELLS[column]))
            bad = True
        if draw(st.integers(0, 30)) == 0:
            cells = cells[:draw(st.integers(1, 7))]  # a row missing columns
            bad = True
        rows.append(cells)
        expected.append((name, note))
    out = io.StringIO()
    ending = draw(st.sampled_from(["\n", "\r\n"]))
    # With LF endings a lone CR is only safe inside quotes; a spreadsheet quotes every cell then.
    quoting = csv.QUOTE_ALL if ending == "\n" else csv.QUOTE_MINIMAL
    writer = csv.writer(out, lineterminator=ending, quoting=quoting)
    writer.writerow(CSV_HEADER.split(","))
    writer.writerows(rows)
    text = out.getvalue()
    cut = draw(st.sampled_from(["", "", "", "quote", "bytes"]))
    if cut == "quote":  # cut off inside a quoted field, as a copy that stopped short
        text += '2026-11-30T19:00:00+01:00,,Cut,completed,600,,,"the rest is lost'
        bad = True
    raw = (b"\xef\xbb\xbf" if draw(st.booleans()) else b"") + text.encode("utf-8")
    if cut == "bytes":
        raw = raw[:draw(st.integers(0, len(raw)))]
        return raw, None  # whatever is left: imported, or refused with nothing changed
    return raw, None if bad or not rows else expected


SEEDED: list[tuple[bytes, list[tuple]]] = []


def stored() -> tuple[bytes, list[tuple]]:
    with History.open(history_path()) as history:
        rows = [(session.started_at, session.routine_name, session.status, session.feeling,
                 session.symptoms, session.note) for session in history.sessions()]
    return history_path().read_bytes(), rows


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(backup=csv_backup())
def test_any_csv_backup_is_stored_exactly_or_refused_with_nothing_stored_changed(backup, tmp_path, capsys):
    raw, expected = backup
    if not SEEDED:  # one session already kept, which must stay as it is; made once, copied in each time
        with History.open(history_path()) as history:
            add(history, datetime(2026, 10, 1, 19, 0, tzinfo=BERLIN), note="=kept as it was")
        SEEDED.append(stored())
    history_path().write_bytes(SEEDED[0][0])
    before = SEEDED[0]
    source = tmp_path / "backup.csv"
    source.write_bytes(raw)
    code = main(["history", "import", str(source)])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    if code != 0:
        assert code in (1, 2) and out == "" and err
        assert stored() == before, "a refused file changes nothing stored"
        assert all(line.startswith((f"{source}: ", "selfmassage: ")) for line in err.splitlines())
        assert expected is None, f"a good file was refused: {err}"
        return
    assert err == ""
    if expected is not None:
        after = [(name, note) for _, name, _, _, _, note in stored()[1]]
        assert after == [("Quick back", "=kept as it was"), *expected]
