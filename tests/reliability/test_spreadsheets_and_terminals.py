"""The CSV backup opened in a spreadsheet, stored text printed to a terminal, and terminals or environments
that are not the usual: a formula never runs, an escape code never reaches the screen, an ASCII terminal,
a closed pipe, no HOME and no XDG_RUNTIME_DIR each end in plain output or one line, never a traceback."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import os
import pwd
import subprocess
import sys
import warnings
from datetime import datetime
from pathlib import Path

import pytest

from selfmassage.core.plan import Course, CourseState
from selfmassage.store.history import History
from selfmassage.store.paths import history_path, runtime_dir
from tests.history_support import BERLIN, ROUTINE, add
from tests.reliability.test_no_room import read_only

ROOT = Path(__file__).resolve().parents[2]
HEADER = "started_at,ended_at,routine,status,active_seconds,feeling,symptoms,note"
EVENING = datetime(2026, 11, 17, 19, 30, tzinfo=BERLIN)
FORMULAS = ["=HYPERLINK(\"http://evil.example\",\"click\")", "+1+2", "-2+3", "@SUM(A1)", "\tindented",
            "\rreturn first", "'=already quoted", "''@twice", "plain note", "'just a quote"]


def stored_notes() -> list[tuple[str, str]]:
    with History.open(history_path()) as history:
        return [(session.routine_name, session.note) for session in history.sessions()]


def csv_row(started: str = "2026-11-17T19:30:00+01:00", *, routine: str = "Quick back",
            note: str = "") -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow(
        [started, "", routine, "completed", "600", "", "", note])
    return out.getvalue()


def import_text(cli, tmp_path: Path, text: str) -> tuple[int, str, str]:
    path = tmp_path / "backup.csv"
    path.write_text(text, encoding="utf-8")
    return cli("history", "import", str(path))


# -- spreadsheets -------------------------------------------------------------------------------------------


def test_formulas_are_written_as_text_and_read_back_exactly(cli, tmp_path):
    with History.open(history_path()) as history:
        for minute, note in enumerate(FORMULAS):
            routine = dataclasses.replace(ROUTINE, name="=cmd|' /C calc'!A0" if minute == 0 else "Quick back")
            add(history, EVENING.replace(minute=minute), routine=routine, note=note)
    before = stored_notes()
    target = tmp_path / "backup.csv"
    assert cli("history", "export", str(target))[0] == 0
    rows = list(csv.DictReader(target.open(encoding="utf-8", newline="")))
    for row in rows:  # what a spreadsheet would see first in each cell
        for cell in (row["routine"], row["note"]):
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    assert rows[0]["routine"] == "'=cmd|' /C calc'!A0"
    assert rows[0]["note"] == "'=HYPERLINK(\"http://evil.example\",\"click\")"
    assert rows[8]["note"] == "plain note" and rows[9]["note"] == "'just a quote"  # nothing added needlessly
    history_path().unlink()
    code, out, err = cli("history", "import", str(target))
    assert (code, err) == (0, "") and out == f"Imported {len(FORMULAS)} sessions.\n"
    assert stored_notes() == before


@pytest.mark.parametrize("note", ["\x1b]0;owned\x07", "bell\x07", "nul\x00", "\x1b[2J clear", "c1 \x9b"])
def test_a_note_with_control_characters_is_refused_on_import(note, cli, tmp_path):
    code, out, err = import_text(cli, tmp_path, HEADER + "\n" + csv_row(note=note))
    assert code == 1 and out == ""
    assert "line 2: note may hold line breaks and tabs but no other control characters" in err
    assert stored_notes() == []


def test_stored_text_with_control_characters_is_printed_visibly(cli):
    routine = dataclasses.replace(ROUTINE, name="Back\u202eevil")
    with History.open(history_path()) as history:
        add(history, EVENING, routine=routine, note="\x1b]0;owned\x07\x1b[2J two\nlines")
    code, out, _ = cli("history")
    assert code == 0
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out
    assert "Back\\u202eevil" in out and "“\\x1b]0;owned\\x07\\x1b[2J two\\nlines”" in out


def test_a_file_cut_off_inside_a_quoted_field_is_a_bad_line(cli, tmp_path):
    text = HEADER + "\n" + csv_row() + '2026-11-18T19:30:00+01:00,,Quick back,completed,600,,,"cut off he'
    code, out, err = import_text(cli, tmp_path, text)
    assert code == 1 and out == ""
    assert err.splitlines()[0].endswith("line 3: the file ends inside a quoted field; it looks cut off")
    assert stored_notes() == []


@pytest.mark.parametrize("started", ["0999-06-01T10:00:00+00:00", "0001-01-01T00:00:00+14:00",
                                     "9999-12-31T23:00:00-14:00", "1969-12-31T12:00:00+00:00"])
def test_dates_outside_1970_to_9998_are_refused_in_one_line(started, cli, tmp_path):
    code, out, err = import_text(cli, tmp_path, HEADER + "\n" + csv_row(started))
    assert code == 1 and out == ""
    assert f"line 2: started_at '{started}' is outside the years 1970–9998" in err
    assert stored_notes() == []


def test_a_bad_header_is_an_unreadable_file_with_no_rows_to_fix(cli, tmp_path):
    code, _, err = import_text(cli, tmp_path, "date,what\n" + csv_row())
    assert code == 2
    assert err.splitlines() == [f"{tmp_path / 'backup.csv'}: line 1: the header must be exactly {HEADER}"]


def test_import_into_a_read_only_history_is_one_line(cli, tmp_path):
    with History.open(history_path()) as history:
        add(history, EVENING)
    before = history_path().read_bytes()
    source = tmp_path / "backup.csv"
    source.write_text(HEADER + "\n" + csv_row("2026-11-18T19:30:00+01:00"), encoding="utf-8")
    with read_only(history_path().parent):
        code, out, err = cli("history", "import", str(source))
    assert code == 1 and out == ""
    assert err.splitlines()[-1] == "selfmassage: your history can't be written, so nothing was imported."
    assert history_path().read_bytes() == before


# -- terminals and environments -----------------------------------------------------------------------------


def program(*args: str, env: dict[str, str], **options: object) -> subprocess.CompletedProcess[str]:
    streams = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, **options}
    done = subprocess.run([sys.executable, "-m", "selfmassage", *args], cwd=ROOT, text=True, timeout=60,
                          env=env, encoding="utf-8", errors="replace", **streams)
    assert "Traceback" not in done.stderr, done.stderr
    return done


# As a person's terminal has them: Python reads LANG=C and LC_ALL=C as UTF-8 for itself (PEP 538 and 540),
# but the terminal behind them may show ASCII only.
ASCII_TERMINALS = [{"LC_ALL": "C", "PYTHONUTF8": "0", "LANG": ""}, {"LANG": "C"}, {"LC_ALL": "C"},
                   {"PYTHONIOENCODING": "ascii"}, {"LANG": "ru_RU.UTF-8", "PYTHONIOENCODING": "ascii"}]
ASCII_IDS = ["C locale, no UTF-8 mode", "LANG=C", "LC_ALL=C", "ascii", "Russian asked, ascii"]


def ascii_environment(terminal: dict[str, str]) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items()
           if key not in ("PYTHONUTF8", "PYTHONIOENCODING", "LANG", "LANGUAGE", "LC_ALL", "LC_CTYPE")}
    return {**env, **terminal}


@pytest.mark.parametrize("terminal", ASCII_TERMINALS, ids=ASCII_IDS)
def test_a_terminal_that_cannot_show_utf8_gets_plain_ascii(terminal):
    with History.open(history_path()) as history:
        add(history, EVENING, note="Shoulders “tight” – better")
    env = ascii_environment(terminal)
    for args in (["plan"], ["stats"], ["history"], ["routines", "list"], ["--help"], ["run", "--help"],
                 ["routines", "show", "Classic back session"], ["run", "No such routine"],
                 ["run", "Evening relax with a massage ball", "--speed", "1000", "--mute", "--no-history"]):
        done = program(*args, env=env)
        assert done.returncode == (1 if "No such routine" in args else 0), (args, done.stderr)
        assert done.stdout.isascii() and done.stderr.isascii(), (args, done.stdout + done.stderr)
    assert '"tight" - better' in program("history", env=env).stdout
    assert "1-2 sessions a week" in program("plan", env=env).stdout
    assert "Classic back session (built-in) - 21:35, 44 steps" in program(
        "routines", "show", "Classic back session", env=env).stdout
    run = program("run", "Classic back session", "--speed", "1000", "--mute", "--no-history", env=env).stdout
    assert "[1/44] Stroking, lower back - 01:00" in run


@pytest.mark.parametrize("terminal", ASCII_TERMINALS[1:4], ids=ASCII_IDS[1:4])
def test_a_file_written_from_an_ascii_terminal_is_ascii_and_its_json_keeps_every_letter(terminal, tmp_path):
    shown_json = program("routines", "show", "Classic back session", "--json", env=os.environ.copy()).stdout
    routine = json.loads(shown_json)
    source = tmp_path / "evening.json"
    source.write_text(json.dumps({**routine, "name": "Спина — вечер"}, ensure_ascii=False), encoding="utf-8")
    assert program("routines", "import", str(source), env=os.environ.copy()).returncode == 0
    env = ascii_environment(terminal)
    listing, shown = tmp_path / "list.txt", tmp_path / "list.json"
    with listing.open("wb") as out:
        assert program("routines", "list", env=env, stdout=out).returncode == 0
    with shown.open("wb") as out:
        assert program("routines", "list", "--json", env=env, stdout=out).returncode == 0
    assert listing.read_bytes().isascii() and shown.read_bytes().isascii()
    assert "????? - ?????" in listing.read_text(encoding="ascii")  # the terminal can't show these letters
    names = [row["name"] for row in json.loads(shown.read_text(encoding="ascii"))]
    assert "Спина — вечер" in names  # a program reading the JSON gets them all back


def test_output_to_a_closed_pipe_ends_quietly():
    read_end, write_end = os.pipe()
    os.close(read_end)  # like `| head -c 100` that has had enough before the output comes
    try:
        done = program("routines", "list", "--json", env=os.environ.copy(), stdout=write_end)
    finally:
        os.close(write_end)
    assert done.returncode == 141 and done.stderr == ""


def test_no_home_and_no_account_entry_is_one_line(cli, monkeypatch):
    for variable in ("HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME"):
        monkeypatch.delenv(variable, raising=False)

    def no_entry(uid: int) -> pwd.struct_passwd:
        raise KeyError(f"getpwuid(): uid not found: {uid}")

    monkeypatch.setattr(pwd, "getpwuid", no_entry)  # as for a uid with no line in /etc/passwd
    for args in (["plan"], ["routines", "list"], ["history"]):
        code, out, err = cli(*args)
        assert code == 1 and out == ""
        assert err == ("selfmassage: can't tell where your files go: set HOME to your home folder "
                       "(or XDG_DATA_HOME and XDG_CONFIG_HOME) and try again\n")


def test_no_runtime_folder_is_handled_without_a_warning(monkeypatch):
    monkeypatch.delenv("XDG_RUNTIME_DIR")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        folder = runtime_dir()
    # Not the shared /tmp/runtime-UID platformdirs falls back to, which anyone could make first.
    assert folder == Path(os.environ["XDG_CACHE_HOME"]) / "selfmassage" / "run"


def test_a_course_that_lapsed_after_one_session_says_session():
    course = Course(CourseState.NONE, 0, 0, None, None, lapsed_at=1)
    assert "stopped after 1 session." in course.summary()
    assert "stopped after 2 sessions." in dataclasses.replace(course, lapsed_at=2).summary()


def test_json_output_is_unchanged_by_the_ascii_fallback():
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    done = program("routines", "show", "Classic back session", "--json", env=env)
    assert done.returncode == 0 and json.loads(done.stdout)["name"] == "Classic back session"
