"""The command line speaks the terminal's language: Russian help, messages and plurals under LANG=ru_RU.UTF-8,
English under an English locale, English again (never a traceback) on a terminal that can't show Cyrillic,
and `--json` always English and safe to print."""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from selfmassage import i18n
from selfmassage.cli import main
from selfmassage.cli.parser import build_parser
from selfmassage.store.paths import routines_dir

ROOT = Path(__file__).resolve().parents[2]
CYRILLIC = re.compile("[а-яА-ЯёЁ]")
HEADER = "started_at,ended_at,routine,status,active_seconds,feeling,symptoms,note"

# Every command the parser knows, as typed before --help.
COMMANDS = [[], ["routines"], ["routines", "list"], ["routines", "show"], ["routines", "validate"],
            ["routines", "import"], ["routines", "export"], ["run"], ["history"], ["history", "export"],
            ["history", "import"], ["stats"], ["plan"]]


@pytest.fixture
def russian():
    i18n.setup("ru")
    yield
    i18n.setup("en")


def run_cli(args: list[str], **environment: str) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items()
           if key not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG", "PYTHONIOENCODING")}
    env.update(environment)
    return subprocess.run([sys.executable, "-m", "selfmassage", *args], capture_output=True, cwd=ROOT,
                          env=env,
                          timeout=60)


def help_of(args: list[str], capsys) -> str:
    with pytest.raises(SystemExit) as exit_:
        main([*args, "--help"])
    assert exit_.value.code == 0
    return capsys.readouterr().out


def english_help_texts() -> set[str]:
    """Every help line, description and title the parser holds in English."""
    i18n.setup("en")
    texts: set[str] = set()
    parsers = [build_parser()]
    while parsers:
        parser = parsers.pop()
        texts.add(parser.description or "")
        for action in parser._actions:
            texts.add(action.help or "")
            if isinstance(action, argparse._SubParsersAction):
                parsers.extend(action.choices.values())
        texts.update(group.title or "" for group in parser._action_groups)
    return {text for text in texts if text and text != argparse.SUPPRESS}


@pytest.mark.parametrize("environment", [
    {"LANG": "ru_RU.UTF-8"}, {"LANGUAGE": "ru:en", "LANG": "en_GB.UTF-8"},
], ids=["LANG", "LANGUAGE"])
def test_selfmassage_help_is_russian_under_a_russian_locale(environment):
    result = run_cli(["--help"], **environment)
    out = result.stdout.decode("utf-8")
    assert result.returncode == 0, result.stderr
    assert out.startswith("использование: selfmassage")
    for russian_line in ("параметры:", "показать эту справку и выйти", "команды:",
                         "Самомассаж дома с подсказками. Без команды открывает окно."):
        assert russian_line in out
    assert "usage:" not in out and "options:" not in out


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "selfmassage")
def test_every_commands_help_has_no_english_sentence_left(command, capsys):
    english = english_help_texts()
    i18n.setup("ru")
    try:
        out = help_of(command, capsys)
    finally:
        i18n.setup("en")
    flat = " ".join(out.split())  # argparse wraps long help lines
    assert out.startswith("использование: ")
    assert CYRILLIC.search(out)
    left = [text for text in english if " ".join(text.split()) in flat]
    assert left == []
    # argparse's own words, from its gettext domain, are translated too.
    assert not re.search(r"\b(usage|options|positional arguments|show this help message)\b", out)


def test_a_wrong_command_is_refused_in_russian(russian, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["routines", "bogus"])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert "selfmassage routines: ошибка: аргумент ДЕЙСТВИЕ: неверный выбор: 'bogus'" in err


@pytest.mark.parametrize(("sessions", "said"), [
    ("1", "1 сеанс в неделю."), ("2", "2 сеанса в неделю."), ("5", "5 сеансов в неделю."),
])
def test_plan_says_its_sessions_in_the_right_plural_form(russian, cli, sessions, said):
    code, out, _err = cli("plan", sessions)
    assert code == 0
    assert out.splitlines()[0] == f"Теперь ваш план — свой: {said}"


@pytest.mark.parametrize(("rows", "said"), [
    (1, "Добавлен 1 сеанс."), (2, "Добавлено 2 сеанса."), (5, "Добавлено 5 сеансов."),
    (21, "Добавлен 21 сеанс."),
])
def test_history_import_counts_sessions_in_russian(russian, cli, tmp_path, rows, said):
    lines = [HEADER] + [f"2026-11-{day:02d}T19:00:00+01:00,2026-11-{day:02d}T19:20:00+01:00,"
                        "Classic back session,completed,1200,,," for day in range(1, rows + 1)]
    backup = tmp_path / "backup.csv"
    backup.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, err = cli("history", "import", str(backup))
    assert (code, err) == (0, "")
    assert out == said + "\n"


def test_validate_says_the_guides_rules_in_russian(russian, cli, write_json, clean_routine):
    clean_routine["steps"][1]["seconds"] = 12
    clean_routine["steps"].append({"stage": "final", "technique": "rubbing", "area": "neck", "seconds": 5,
                                   "colour": "red"})
    code, out, _err = cli("routines", "validate", str(write_json("r.json", clean_routine)))
    assert code == 1
    assert ("шаг 2: ошибка [rub-cap] Растирание на одном участке 12 с — слишком долго; не дольше 10 с, или "
            "перейдите на другой участок.") in out
    assert "шаг 6: ошибка [field] неизвестный ключ 'colour'; уберите его (можно: stage, technique," in out


def test_a_terminal_session_speaks_russian(russian, tmp_path, capsys):
    from selfmassage.core.routine_format import loads_routine
    from selfmassage.runner import run_in_terminal

    routine, _problems = loads_routine(json.dumps({"format": 1, "name": "Short", "steps": [
        {"stage": "preparatory", "technique": "stroking", "area": "lower back", "seconds": 1},
        {"stage": "final", "technique": "stroking", "area": "lower back", "seconds": 1, "sides": "both"},
    ]}).encode())
    run_in_terminal(routine, speed=1000)
    out = capsys.readouterr().out
    assert "== Этап: Подготовительный ==" in out
    assert "[1/2] Поглаживание, поясница — 00:01" in out
    assert "    дальше: Поглаживание, поясница, обе стороны" in out
    assert "    Левая сторона" in out and "    Смените сторону" in out
    assert re.search(r"^Готово: 00:0\d массажа, 2 из 2 шагов\.$", out, re.MULTILINE)


def test_todays_question_is_asked_and_answered_in_russian(russian, capsys):
    from selfmassage.cli.run import ask_today_in_terminal

    assert ask_today_in_terminal(lambda _prompt: "н") is True
    out = capsys.readouterr().out
    assert out.startswith("Есть ли у вас сегодня что-то из этого?\n  - Повышенная температура\n")
    assert "Ответьте н (ничего из этого) или д (да, что-то из этого): " in out
    assert ask_today_in_terminal(lambda _prompt: "д") is False
    assert "Сегодня без массажа. " in capsys.readouterr().out


def test_english_stays_english_under_an_english_locale():
    result = run_cli(["plan"], LANG="en_GB.UTF-8")
    assert result.returncode == 0
    assert result.stdout.decode().startswith("Your plan: preventive. 1–2 sessions a week, in courses of "
                                             "12–15")
    help_text = run_cli(["stats", "--help"], LANG="en_GB.UTF-8").stdout.decode()
    assert help_text.startswith("usage: selfmassage stats") and "options:" in help_text
    assert not CYRILLIC.search(help_text)


@pytest.mark.parametrize("environment", [
    {"LANG": "C", "PYTHONIOENCODING": "ascii"},
    {"LANG": "C"},
    {"LANGUAGE": "ru", "LANG": "ru_RU.UTF-8", "PYTHONIOENCODING": "ascii"},
], ids=["C-ascii", "C", "russian-asked-ascii-terminal"])
@pytest.mark.parametrize("command", [["--help"], ["plan"], ["routines", "show", "Classic back session"],
                                     ["routines", "bogus"]], ids=" ".join)
def test_an_ascii_terminal_gets_plain_english_and_never_a_traceback(environment, command):
    result = run_cli(command, **environment)
    assert b"Traceback" not in result.stderr
    assert result.returncode in (0, 2), result.stderr
    raw = result.stdout + result.stderr
    # Nothing but ASCII reaches an ASCII terminal (a C locale alone is read as UTF-8 by Python).
    out = raw.decode("ascii" if environment.get("PYTHONIOENCODING") == "ascii" else "utf-8")
    assert not CYRILLIC.search(out)
    assert "usage:" in out or "Your plan" in out or "Classic back session" in out
    assert "?????" not in out  # not Russian words with every letter lost


def test_json_stays_english_under_a_russian_locale(russian, cli):
    code, out, _err = cli("stats", "--json", "--weeks", "1")
    assert code == 0
    stats = json.loads(out)
    assert stats["plan"]["description"].startswith("1–2 sessions a week")
    assert not CYRILLIC.search(out)
    code, out, _err = cli("routines", "show", "Classic back session", "--json")
    assert json.loads(out)["name"] == "Classic back session" and not CYRILLIC.search(out)


def test_json_escapes_c1_controls_from_stored_text(cli, tmp_path):
    # A history row imported from a CSV may hold C1 controls in its routine's name (U+009B starts an escape
    # code on some terminals); `history --json` must not send them raw, and JSON gives them back unchanged.
    backup = tmp_path / "backup.csv"
    backup.write_text(f"{HEADER}\n2026-11-02T19:00:00+01:00,2026-11-02T19:20:00+01:00,Back\u009b31m\u0085red,"
                      "completed,1200,,,\n", encoding="utf-8")
    assert cli("history", "import", str(backup))[0] == 0
    code, out, _err = cli("history", "--json")
    assert code == 0
    assert not re.search("[\u0080-\u009f]", out)
    assert "Back\\u009b31m\\u0085red" in out
    assert [row["routine"] for row in json.loads(out)] == ["Back\u009b31m\u0085red"]


def test_routines_list_json_escapes_c1_controls_in_a_file_name(cli):
    folder = routines_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "odd\u009bname.json").write_text("{}", encoding="utf-8")
    code, out, _err = cli("routines", "list", "--json")
    assert code == 0
    assert "\u009b" not in out and "odd\\u009bname.json" in out
    assert any(row["path"].endswith("odd\u009bname.json") for row in json.loads(out))


def terminal_columns(text: str) -> int:
    """The columns a terminal gives `text`: two for a wide character, none for a combining mark."""
    return sum(0 if unicodedata.combining(char) else 2 if unicodedata.east_asian_width(char) in "WF" else 1
               for char in text)


def test_routines_list_keeps_its_columns_in_line_with_long_and_wide_names(russian, cli, write_json,
                                                                          clean_routine):
    # A long Russian name, a Chinese one (each character two columns wide), one with combining accents.
    for name in ("Моя длинная программа для спины, плеч и шеи после работы", "按摩背部的晚间放松程序",
                 "e\u0301te\u0301 back"):
        assert cli("routines", "import", str(write_json("in.json", {**clean_routine, "name": name})))[0] == 0
    code, out, _err = cli("routines", "list")
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 9 and "Подробная расслабляющая последовательность для спины" in out
    # Where each line's step count ends and its source begins, in the columns a person sees.
    count_ends = {terminal_columns(re.match(r"^.*?\s+\d+(?=\s+\d\d:\d\d)", line).group()) for line in lines}
    source_starts = {terminal_columns(re.match(r"^.*\d\d:\d\d\s+", line).group()) for line in lines}
    assert len(count_ends) == 1 and len(source_starts) == 1, out
