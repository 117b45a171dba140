"""The language: from the environment or the setting; plurals, dates and the voice follow it."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest

from selfmassage import i18n

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def russian():
    i18n.setup("ru")
    yield
    i18n.setup("en")


@pytest.mark.parametrize(("environment", "language"), [
    ({"LANG": "ru_RU.UTF-8"}, "ru"),
    ({"LANGUAGE": "ru:en", "LANG": "en_GB.UTF-8"}, "ru"),
    ({"LANGUAGE": "de:ru"}, "ru"),
    ({"LC_ALL": "ru_UA.utf8", "LANG": "en_US.UTF-8"}, "ru"),
    ({"LC_ALL": "de_DE.UTF-8", "LANG": "ru_RU.UTF-8"}, "en"),  # the first one set decides
    ({"LANG": "fr_FR.UTF-8"}, "en"),
    ({"LANG": "C.UTF-8"}, "en"),
    ({}, "en"),
])
def test_the_language_follows_the_environment_as_gettext_reads_it(monkeypatch, environment, language):
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(variable, raising=False)
    for variable, value in environment.items():
        monkeypatch.setenv(variable, value)
    assert i18n.system_language() == language


def test_a_chosen_language_wins_over_the_environment(monkeypatch):
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    try:
        assert i18n.setup("ru") == "ru" and i18n.language() == "ru"
        assert i18n._("Next:") == "Дальше:"
    finally:
        i18n.setup("en")
    assert i18n._("Next:") == "Next:"


def test_an_unknown_language_falls_back_to_the_system(monkeypatch):
    monkeypatch.setenv("LANGUAGE", "ru")
    try:
        assert i18n.setup("xx") == "ru"
    finally:
        i18n.setup("en")


@pytest.mark.parametrize(("seconds", "said"), [
    (60, "1 минута"), (120, "2 минуты"), (300, "5 минут"), (660, "11 минут"), (1260, "21 минута"),
    (1320, "22 минуты"), (1500, "25 минут"), (252, "4 минуты 12 секунд"), (3601, "1 час 1 секунда"),
    (0, "0 секунд"),
])
def test_russian_durations_take_the_right_plural_form(russian, seconds, said):
    from selfmassage.qt.a11y import spoken_duration

    assert spoken_duration(seconds) == said


def test_english_durations_are_as_before():
    from selfmassage.qt.a11y import spoken_duration

    assert [spoken_duration(s) for s in (252, 60, 1, 0, 3600)] == [
        "4 minutes 12 seconds", "1 minute", "1 second", "0 seconds", "1 hour"]


def test_dates_take_the_locales_form(russian):
    assert i18n.format_date(date(2026, 11, 2)) == "2 нояб. 2026\u202fг."
    assert i18n.format_moment(datetime(2026, 11, 24, 19, 5)) == "вт, 24 нояб. 2026\u202fг., 19:05"
    assert i18n.format_day(date(2026, 11, 2)) == "пн, 2 нояб."


def test_english_dates_are_as_before():
    assert i18n.format_date(date(2026, 11, 2)) == "2 Nov 2026"
    assert i18n.format_moment(datetime(2026, 11, 24, 19, 5)) == "Tue 24 Nov 2026, 19:05"
    assert i18n.format_day(date(2026, 11, 2)) == "Mon 2 Nov"


def test_the_course_date_in_the_plan_is_russian_in_russian(russian):
    from selfmassage.core.plan import _day

    assert _day(date(2026, 11, 2)) == "2 нояб. 2026\u202fг."


def test_the_voice_speaks_the_language_with_every_clip_there_is_in_english(russian):
    from selfmassage.sound.voice import SPOKEN, VoiceClips, voice_dir

    assert voice_dir() == ROOT / "assets" / "voice" / "ru"
    russian_clips, english_clips = VoiceClips(), VoiceClips(ROOT / "assets" / "voice")
    for stem in SPOKEN:
        assert stem in russian_clips and stem in english_clips, stem
    i18n.setup("en")
    assert voice_dir() == ROOT / "assets" / "voice"


def test_gettext_is_light_and_babel_waits_for_a_date_in_another_language():
    code = ("import sys; from selfmassage import i18n; i18n.setup('ru'); i18n._('Next:'); "
            "print('babel' in sys.modules); from datetime import date; i18n.format_date(date.today()); "
            "print('babel' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert done.stdout.split() == ["False", "True"]
