"""The language chosen in the window's View ▸ Language holds in the terminal too: over LANG and LANGUAGE (set
once for the whole desktop), not over LC_ALL (set to override every locale setting, for one command), and
never on a terminal that can't show its letters."""

from __future__ import annotations

import json
import re

import pytest

from selfmassage.store.paths import settings_path
from selfmassage.store.settings import Settings
from tests.cli.test_cli_language import run_cli

CYRILLIC = re.compile("[а-яА-ЯёЁ]")


def choose(language: str) -> None:
    Settings(settings_path()).set("language", language)


@pytest.mark.parametrize("environment", [
    {"LANG": "en_GB.UTF-8"}, {"LANGUAGE": "en_US:en", "LANG": "en_US.UTF-8"}, {"LANG": "C.UTF-8"},
], ids=["LANG", "LANGUAGE", "C.UTF-8"])
def test_russian_chosen_in_the_window_is_spoken_by_the_commands(environment):
    choose("ru")
    listed = run_cli(["routines", "list"], **environment)
    assert listed.returncode == 0, listed.stderr
    assert "Классический массаж спины" in listed.stdout.decode()
    helped = run_cli(["stats", "--help"], **environment).stdout.decode()
    assert helped.startswith("использование: selfmassage stats")


def test_english_chosen_in_the_window_holds_in_a_russian_terminal():
    choose("en")
    listed = run_cli(["routines", "list"], LANG="ru_RU.UTF-8")
    assert "Classic back session" in listed.stdout.decode()
    assert not CYRILLIC.search(listed.stdout.decode())


def test_as_the_system_follows_the_terminal_again():
    choose("")
    assert "Классический массаж спины" in run_cli(["routines", "list"], LANG="ru_RU.UTF-8").stdout.decode()
    assert "Classic back session" in run_cli(["routines", "list"], LANG="en_GB.UTF-8").stdout.decode()


@pytest.mark.parametrize(("environment", "shown"), [
    ({"LC_ALL": "C.UTF-8", "LANG": "ru_RU.UTF-8"}, "Classic back session"),
    ({"LC_ALL": "en_GB.UTF-8"}, "Classic back session"),
    ({"LANG": "C"}, "Classic back session"),  # a terminal that may show ASCII only
    ({"LANG": "ru_RU.UTF-8", "PYTHONIOENCODING": "ascii"}, "Classic back session"),
])
def test_lc_all_and_an_ascii_terminal_still_get_english(environment, shown):
    choose("ru")
    listed = run_cli(["routines", "list"], **environment)
    assert listed.returncode == 0, listed.stderr
    out = listed.stdout.decode("utf-8")
    assert shown in out and not CYRILLIC.search(out) and "?????" not in out


def test_json_stays_english_whatever_was_chosen():
    choose("ru")
    listed = run_cli(["routines", "list", "--json"], LANG="ru_RU.UTF-8")
    names = [row["name"] for row in json.loads(listed.stdout)]
    assert "Classic back session" in names


def test_a_damaged_settings_file_is_left_for_the_commands_that_use_it():
    settings_path().parent.mkdir(parents=True, exist_ok=True)
    settings_path().write_text("{not json", encoding="utf-8")
    listed = run_cli(["routines", "list"], LANG="en_GB.UTF-8")
    assert listed.returncode == 0 and "Classic back session" in listed.stdout.decode()
    assert settings_path().read_text(encoding="utf-8") == "{not json"  # not moved aside by a listing
