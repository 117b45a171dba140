"""`selfmassage history`, `history export/import`, `stats` and `plan`: output and exit codes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from selfmassage import i18n
from selfmassage.core.checkin import Symptom
from selfmassage.store.history import History
from selfmassage.store.paths import history_path
from tests.history_support import BERLIN, add

NOW = datetime(2026, 11, 19, 21, 0, tzinfo=BERLIN)  # a Thursday evening
HEADER = "started_at,ended_at,routine,status,active_seconds,feeling,symptoms,note"
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def fixed_now(monkeypatch):
    monkeypatch.setattr("selfmassage.cli.common.now", lambda: NOW)


@pytest.fixture
def some_history():
    with History.open(history_path()) as history:
        add(history, datetime(2026, 11, 2, 19, 0, tzinfo=BERLIN), datetime(2026, 11, 4, 19, 0, tzinfo=BERLIN),
            datetime(2026, 11, 6, 19, 0, tzinfo=BERLIN), minutes=20)
        add(history, datetime(2026, 11, 17, 19, 30, tzinfo=BERLIN), minutes=25, feeling=4,
            symptoms=(Symptom.PAIN,), note="Shoulders tight")
        add(history, datetime(2026, 11, 18, 7, 0, tzinfo=BERLIN), status="stopped", minutes=4)


def test_history_lists_one_line_per_session(cli, some_history):
    code, out, _ = cli("history")
    lines = out.splitlines()
    assert code == 0 and len(lines) == 5
    assert lines[3] == ("2026-11-17 19:30  completed      25:00  Quick back · feeling 4/5 · pain · "
                        "“Shoulders tight”")
    assert lines[4].startswith("2026-11-18 07:00  stopped        04:00  Quick back")


def test_history_since_and_json(cli, some_history):
    code, out, _ = cli("history", "--since", "2026-11-17", "--json")
    rows = json.loads(out)
    assert code == 0 and [row["status"] for row in rows] == ["completed", "stopped"]
    assert rows[0] == {"id": 4, "routine": "Quick back", "started_at": "2026-11-17T19:30:00+01:00",
                       "ended_at": "2026-11-17T19:55:00+01:00", "status": "completed",
                       "active_seconds": 1500.0, "feeling": 4, "symptoms": ["pain"],
                       "note": "Shoulders tight", "during_rest": False}


def test_history_with_nothing_yet_and_a_bad_date(cli):
    code, out, _ = cli("history")
    assert (code, out.strip()) == (0, "No sessions yet.")
    code, _, err = cli("history", "--since", "17/11/2026")
    assert code == 1 and "--since must be a date like 2026-09-01" in err


def test_stats_per_week_with_plan_course_and_warnings(cli, some_history):
    code, out, _ = cli("stats", "--weeks", "3")
    lines = out.splitlines()
    assert code == 0
    assert lines[0].startswith("Plan: preventive. 1–2 sessions a week")
    assert lines[2].split() == ["2026-W45", "2026-11-02", "3", "60.0", "above"]
    assert lines[3].split() == ["2026-W46", "2026-11-09", "0", "0.0", "below"]
    assert lines[4].split() == ["2026-W47", "2026-11-16", "1", "25.0", "on-target", "this", "week"]
    assert lines[5] == "Course 1: session 4 of 12–15, since 2 Nov 2026."
    assert lines[6].startswith("Warning: You massaged 3 or more times in week 2026-W45.")


def test_stats_json(cli, some_history):
    code, out, _ = cli("stats", "--weeks", "52", "--json")
    data = json.loads(out)
    assert code == 0 and len(data["weeks"]) == 52
    assert data["weeks"][-1]["week"] == "2026-W47" and data["weeks"][-1]["this_week"]
    assert data["course"]["sessions"] == 4 and data["course"]["complete"] is False
    assert [warning["kind"] for warning in data["warnings"]] == ["too-many"]


def test_stats_refuses_a_silly_number_of_weeks(cli):
    code, _, err = cli("stats", "--weeks", "0")
    assert code == 1 and "--weeks must be from 1 to 520" in err


def test_plan_shows_and_sets(cli, some_history):
    code, out, _ = cli("plan")
    assert code == 0 and out.startswith("Your plan: preventive. 1–2 sessions a week")
    code, out, _ = cli("plan", "pain-relief")
    assert code == 0 and out.startswith("Your plan is now pain relief")
    code, out, _ = cli("stats", "--weeks", "1", "--json")
    assert json.loads(out)["plan"]["name"] == "pain-relief"
    code, out, _ = cli("plan", "3")
    assert code == 0 and "3 sessions a week" in out
    assert "The guide suggests 1–2 sessions a week" in out  # above the guide's 1–2: its advice
    assert "The guide suggests" not in cli("plan", "2")[1]
    cli("plan", "3")
    assert json.loads(cli("stats", "--json")[1])["plan"] == {
        "name": "3", "kind": "custom", "low": 3, "high": 3, "description": "3 sessions a week."}
    code, _, err = cli("plan", "daily")
    assert code == 1 and "a plan is preventive, pain-relief or a number" in err


def test_export_then_import_elsewhere_round_trips(cli, some_history, tmp_path, monkeypatch):
    target = tmp_path / "backup.csv"
    code, out, _ = cli("history", "export", str(target))
    assert code == 0 and out.strip() == f"Exported 5 sessions to {target}"
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "elsewhere"))
    code, out, _ = cli("history", "import", str(target))
    assert (code, out.strip()) == (0, "Imported 5 sessions.")
    code, out, _ = cli("history", "import", str(target))
    assert (code, out.strip()) == (0, "Imported 0 sessions; 5 already there.")


def test_import_with_bad_rows_exits_1_names_lines_and_adds_nothing(cli, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text(f"{HEADER}\n2026-11-19T19:05:00+01:00,,Fine,completed,600,,,\n"
                    f"2026-11-20T19:05:00+01:00,,Bad,completed,600,9,,\n", encoding="utf-8")
    code, out, err = cli("history", "import", str(path))
    assert code == 1 and out == ""
    assert f"{path}: line 3: feeling must be empty or 1–5" in err
    assert "nothing was imported" in err
    assert cli("history")[1].strip() == "No sessions yet."


def test_import_of_a_missing_or_binary_file_exits_2(cli, tmp_path):
    code, _, err = cli("history", "import", str(tmp_path / "missing.csv"))
    assert code == 2 and "can't be read" in err
    binary = tmp_path / "x.csv"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    code, _, err = cli("history", "import", str(binary))
    assert code == 2 and "not UTF-8" in err


def test_a_damaged_history_is_moved_aside_and_the_command_says_where(cli):
    path = history_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"garbage" * 1000)
    code, out, err = cli("history")
    assert code == 0 and out.strip() == "No sessions yet."
    assert "could not be read" in err and "history.sqlite3.corrupt-" in err


def test_run_keeps_the_session_and_no_history_keeps_nothing(cli, write_json, clean_routine):
    cli("routines", "import", str(write_json("in.json", clean_routine)))
    assert cli("run", "Quick back", "--speed", "200", "--mute", "--no-history")[0] == 0
    assert cli("history")[1].strip() == "No sessions yet."
    # Sped up, a run is kept only when asked (how the recorder is tested without waiting 13 s).
    assert cli("run", "Quick back", "--speed", "200", "--mute", "--keep-rehearsal")[0] == 0
    rows = json.loads(cli("history", "--json")[1])
    assert [(row["routine"], row["status"], row["active_seconds"]) for row in rows] == [
        ("Quick back", "completed", 13.0)]
    with History.open(history_path()) as history:
        assert len(history.steps(rows[0]["id"])) == 5


def test_a_run_faster_than_real_time_is_a_rehearsal_and_is_not_kept(cli, write_json, clean_routine):
    cli("routines", "import", str(write_json("in.json", clean_routine)))
    code, out, err = cli("run", "Quick back", "--speed", "100", "--mute")
    assert code == 0 and "Done:" in out
    assert err == "selfmassage: at 100× speed this is a rehearsal; it won't be kept in your history.\n"
    assert cli("history")[1].strip() == "No sessions yet."
    stats = json.loads(cli("stats", "--weeks", "1", "--json")[1])
    assert stats["weeks"][-1]["sessions"] == 0 and stats["course"]["sessions"] == 0


def test_a_killed_run_leaves_its_finished_steps_and_shows_as_interrupted(cli, write_json, clean_routine):
    clean_routine["steps"][2]["seconds"] = 60
    path = write_json("slow.json", clean_routine)
    cli("routines", "import", str(path))
    process = subprocess.Popen([sys.executable, "-m", "selfmassage", "run", "Quick back", "--mute"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env=dict(os.environ), cwd=ROOT)
    assert process.stdout is not None
    for line in process.stdout:
        if line.startswith("[3/5]"):  # step 3 has started, so steps 1 and 2 have finished
            break
    process.send_signal(signal.SIGKILL)
    process.wait()
    rows = json.loads(cli("history", "--json")[1])
    assert [row["status"] for row in rows] == ["interrupted"]
    with History.open(history_path()) as history:
        assert [step.index for step in history.steps(rows[0]["id"])] == [0, 1]
        assert history.integrity_ok()


def test_stats_and_history_do_not_import_qt():
    code = ("import sys; from selfmassage.cli import main; main(['stats']); main(['history']); "
            "print(any(name.startswith('PySide6') for name in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            cwd=ROOT)
    assert result.stdout.strip().splitlines()[-1] == "False"


def terminal_session(name: str, **language: str) -> None:
    """A session run in the terminal as a person would, in their terminal's language, kept in the history."""
    env = {key: value for key, value in os.environ.items() if key not in ("LANGUAGE", "LC_ALL", "LANG")}
    command = ["run", name, "--speed", "1000", "--mute", "--keep-rehearsal"]
    done = subprocess.run([sys.executable, "-m", "selfmassage", *command],
                          env={**env, **language}, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr


RUSSIAN_EVENING = "Вечерний отдых с массажным мячом"


@pytest.mark.parametrize(("ran_in", "shown_in", "said", "kept"), [
    ({"LANG": "ru_RU.UTF-8"}, "en", "Evening relax with a massage ball", RUSSIAN_EVENING),
    ({"LANG": "en_GB.UTF-8"}, "ru", RUSSIAN_EVENING, "Evening relax with a massage ball"),
], ids=["run in Russian, read in English", "run in English, read in Russian"])
def test_a_builtin_routine_is_named_in_todays_language_whatever_it_ran_in(cli, ran_in, shown_in, said, kept):
    terminal_session("Evening relax with a massage ball", **ran_in)
    i18n.setup(shown_in)
    try:
        code, out, _err = cli("history")
    finally:
        i18n.setup("en")
    assert code == 0 and out.rstrip().endswith(said)
    with History.open(history_path()) as history:
        assert [row.routine_name for row in history.sessions()] == [kept]  # nothing stored was rewritten
        assert history.routine_counts() == {"Evening relax with a massage ball": 1}


def test_the_json_list_names_a_builtin_routine_in_english_and_yours_as_you_named_it(cli):
    terminal_session("Evening relax with a massage ball", LANG="ru_RU.UTF-8")
    with History.open(history_path()) as history:
        add(history, datetime(2026, 11, 17, 19, 30, tzinfo=BERLIN))  # "Quick back", a routine of yours
    code, out, _err = cli("history", "--json")
    assert code == 0
    assert sorted(row["routine"] for row in json.loads(out)) == ["Evening relax with a massage ball",
                                                                 "Quick back"]
