from __future__ import annotations

import json

import pytest

from selfmassage.store.settings import DECLARED, Settings


def test_defaults_when_there_is_no_file(tmp_path):
    settings = Settings(tmp_path / "settings.json")
    assert settings.get("muted") is False
    assert settings.get("volume") == 0.8
    assert settings.problems == []
    assert not (tmp_path / "settings.json").exists()


def test_a_change_is_saved_at_once_and_read_back(tmp_path):
    path = tmp_path / "cfg" / "settings.json"
    Settings(path).set("volume", 0.3)
    Settings(path).set("muted", True)
    again = Settings(path)
    assert (again.get("volume"), again.get("muted")) == (0.3, True)


def test_a_value_the_declaration_refuses_is_not_set(tmp_path):
    settings = Settings(tmp_path / "settings.json")
    with pytest.raises(ValueError):
        settings.set("volume", 1.5)
    with pytest.raises(ValueError):
        settings.set("reminder_time", "25:00")
    assert settings.get("volume") == 0.8


def test_bad_values_in_the_file_are_named_and_defaults_used(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"volume": "loud", "muted": True, "plan_per_week": True, "future": 1}))
    settings = Settings(path)
    assert settings.get("volume") == 0.8
    assert settings.get("muted") is True
    assert settings.get("plan_per_week") == 2
    assert len(settings.problems) == 2
    assert all(str(path) in line for line in settings.problems)
    assert "volume" in settings.problems[0] or "volume" in settings.problems[1]


def test_a_file_that_is_not_json_is_kept_aside_not_lost(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text("{volume: ")
    settings = Settings(path)
    assert settings.get("volume") == 0.8
    kept = list(tmp_path.glob("settings.json.bad-*"))
    assert len(kept) == 1 and kept[0].read_text() == "{volume: "
    assert kept[0].name in settings.problems[0]


def test_every_default_passes_its_own_declaration(tmp_path):
    settings = Settings(tmp_path / "settings.json")
    for setting in DECLARED:
        settings.set(setting.name, setting.default)
    assert Settings(tmp_path / "settings.json").problems == []
