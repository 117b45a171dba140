from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from selfmassage import __version__
from selfmassage.store.paths import routines_dir


def test_version_prints_and_exits_zero(cli):
    with pytest.raises(SystemExit) as exit_info:
        cli("--version")
    assert exit_info.value.code == 0


def test_version_from_python_dash_m():
    result = subprocess.run([sys.executable, "-m", "selfmassage", "--version"], capture_output=True,
                            text=True, check=False)
    assert result.returncode == 0
    assert result.stdout.strip() == f"selfmassage {__version__}"


def test_validate_clean_file_exits_zero_and_prints_nothing(cli, write_json, clean_routine):
    code, out, err = cli("routines", "validate", str(write_json("ok.json", clean_routine)))
    assert (code, out, err) == (0, "", "")


def test_validate_reports_each_problem_on_its_own_line(cli, write_json, clean_routine):
    clean_routine["steps"][1]["seconds"] = 14
    clean_routine["steps"][4]["intensity"] = "moderate"
    path = write_json("bad.json", clean_routine)
    code, out, _ = cli("routines", "validate", str(path))
    assert code == 1
    lines = out.splitlines()
    assert f"{path}: step 2: error [rub-cap]" in lines[0]
    assert any(line.startswith(f"{path}: step 5: warning [end-light]") for line in lines)
    assert any(line.startswith(f"{path}: step 5: warning [stroking-light]") for line in lines)


def test_validate_warnings_only_exits_zero(cli, write_json, clean_routine):
    clean_routine["steps"][4]["technique"] = "kneading"
    code, out, _ = cli("routines", "validate", str(write_json("warn.json", clean_routine)))
    assert code == 0
    assert "warning [open-close]" in out


def test_validate_field_problem_names_the_field(cli, write_json, clean_routine):
    clean_routine["steps"][2]["technique"] = "pummelling"
    path = write_json("field.json", clean_routine)
    code, out, _ = cli("routines", "validate", str(path))
    assert code == 1
    assert out.strip().startswith(f"{path}: step 3: error [field] technique must be one of")


def _field_and_rule_problems(routine: dict) -> dict:
    routine["steps"][0]["speed"] = "fast"  # step 1: an unknown key
    routine["steps"][1]["seconds"] = 6  # steps 2 and 3: 11 s of rubbing on the lower back
    routine["steps"].insert(2, {"stage": "medium-deep", "technique": "rubbing", "area": "lower back",
                                "seconds": 5})
    routine["steps"][3]["tempo"] = 70  # step 4: another unknown key
    return routine


def test_validate_reports_field_and_rule_problems_together_in_step_order(cli, write_json, clean_routine):
    path = write_json("both.json", _field_and_rule_problems(clean_routine))
    code, out, err = cli("routines", "validate", str(path))
    assert (code, err) == (1, "")
    heads = [line.removeprefix(f"{path}: ").split(" [")[0] for line in out.splitlines()]
    assert heads == ["step 1: error", "step 2: error", "step 4: error", "routine: warning"]
    assert "[field] unknown key 'speed'" in out and "[field] unknown key 'tempo'" in out
    assert "step 2: error [rub-cap] Steps 2 and 3 are 11 s of rubbing" in out


def test_import_reports_every_problem_and_imports_nothing(cli, write_json, clean_routine):
    path = write_json("both.json", _field_and_rule_problems(clean_routine))
    code, out, err = cli("routines", "import", str(path))
    assert (code, out) == (1, "")
    lines = err.splitlines()
    assert [line.split(": ")[2] for line in lines] == ["step 1", "step 2", "step 4", "routine"]
    assert all(line.startswith(f"selfmassage: {path}: ") for line in lines)
    assert "[rub-cap]" in lines[1]
    assert not routines_dir().exists() or not list(routines_dir().iterdir())


def test_validate_not_json_exits_two_with_one_line(cli, write_json, clean_routine):
    good = write_json("good.json", clean_routine)
    broken = write_json("broken.json", "{not json")
    code, _out, err = cli("routines", "validate", str(good), str(broken))
    assert code == 2
    assert err.count("\n") == 1
    assert err.startswith(f"{broken}: not valid JSON")
    assert "Traceback" not in err


def test_validate_missing_file_exits_two(cli, tmp_path):
    code, _, err = cli("routines", "validate", str(tmp_path / "nope.json"))
    assert code == 2
    assert "can't be read" in err


def test_list_shows_user_routines_and_a_broken_one_without_hiding_others(cli, clean_routine):
    folder = routines_dir()
    folder.mkdir(parents=True)
    (folder / "mine.json").write_text(json.dumps(clean_routine))
    (folder / "broken.json").write_text("[1, 2")
    code, out, _ = cli("routines", "list", "--json")
    assert code == 0
    rows = {row["name"]: row for row in json.loads(out)}
    assert rows["Quick back"]["source"] == "user"
    assert rows["Quick back"]["steps"] == 5
    assert rows["Quick back"]["total_seconds"] == 13
    assert rows["Quick back"]["usable"] is True
    assert rows["broken"]["usable"] is False
    assert "not valid JSON" in rows["broken"]["problem"]
    code, out, _ = cli("routines", "list")
    assert "Quick back" in out and "can't be read" in out


def test_import_then_show_then_export_round_trips(cli, write_json, clean_routine, tmp_path):
    code, out, _ = cli("routines", "import", str(write_json("in.json", clean_routine)))
    assert code == 0
    stored = routines_dir() / "quick-back.json"
    assert stored.is_file()
    code, out, _ = cli("routines", "show", "quick back", "--json")
    assert code == 0
    assert json.loads(out)["steps"][2]["variant"] == "palm-base"
    code, out, _ = cli("routines", "show", "Quick back")
    assert "Kneading, shoulders" in out
    target = tmp_path / "out.json"
    code, _, _ = cli("routines", "export", "Quick back", str(target))
    assert code == 0
    assert json.loads(target.read_text()) == json.loads(stored.read_text())


def test_import_refuses_existing_name_unless_replace(cli, write_json, clean_routine):
    path = write_json("in.json", clean_routine)
    assert cli("routines", "import", str(path))[0] == 0
    code, _, err = cli("routines", "import", str(path))
    assert code == 1
    assert "exists" in err
    clean_routine["description"] = "Second version"
    path = write_json("in2.json", clean_routine)
    assert cli("routines", "import", str(path), "--replace")[0] == 0
    stored = list(routines_dir().glob("*.json"))
    assert len(stored) == 1
    assert json.loads(stored[0].read_text())["description"] == "Second version"


def test_import_refuses_a_routine_with_errors(cli, write_json, clean_routine):
    clean_routine["steps"][1]["seconds"] = 30
    code, _, err = cli("routines", "import", str(write_json("in.json", clean_routine)))
    assert code == 1
    assert "[rub-cap]" in err
    assert not routines_dir().exists() or not list(routines_dir().iterdir())


def test_show_and_export_unknown_routine_fail_cleanly(cli, tmp_path):
    code, _, err = cli("routines", "show", "No such routine")
    assert code == 1 and "no routine called" in err
    code, _, err = cli("routines", "export", "No such routine", str(tmp_path / "x.json"))
    assert code == 1 and "no routine called" in err


def test_run_at_high_speed_prints_every_step_and_finishes(cli, write_json, clean_routine):
    cli("routines", "import", str(write_json("in.json", clean_routine)))
    code, out, _ = cli("run", "Quick back", "--speed", "200")
    assert code == 0
    assert "[1/5] Stroking, lower back" in out
    assert "[4/5] Kneading, shoulders" in out
    assert "next: Kneading, shoulders" in out
    assert out.strip().splitlines()[-1].startswith("Done: 00:13 of massage, 5 of 5 steps.")


def test_run_refuses_bad_speed_and_unknown_routine(cli):
    code, _, err = cli("run", "Quick back", "--speed", "0")
    assert code == 1 and "--speed" in err
    code, _, err = cli("run", "Nothing like it")
    assert code == 1 and "no routine called" in err


def test_run_stops_cleanly_on_ctrl_c(write_json, clean_routine, tmp_path):
    """A real process, a real SIGINT: a one-line stop summary, no traceback."""
    import signal
    import time

    clean_routine["steps"][0]["seconds"] = 60
    path = write_json("long.json", clean_routine)
    env = dict(os.environ)
    subprocess.run([sys.executable, "-m", "selfmassage", "routines", "import", str(path)], env=env,
                   check=True, capture_output=True)
    process = subprocess.Popen([sys.executable, "-m", "selfmassage", "run", "Quick back"], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert process.stdout is not None
    first = process.stdout.readline()  # the stage line: the session is running
    assert "Preparatory" in first
    deadline = time.monotonic() + 10
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=max(1, deadline - time.monotonic()))
    assert process.returncode == 130
    assert "Stopped:" in out
    assert "Traceback" not in err


def test_cli_commands_do_not_import_qt(tmp_path):
    code = ("import sys; from selfmassage.cli import main; main(['routines', 'list']); "
            "print(any(name.startswith('PySide6') for name in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            cwd=Path(__file__).resolve().parents[2])
    assert result.stdout.strip().splitlines()[-1] == "False"
