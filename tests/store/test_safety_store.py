"""The safety answers on disk: remembered across starts, written whole, and a bad file never crashes."""

import json
import os
from datetime import UTC, datetime, timedelta

import pytest

from selfmassage.core.safety import QUESTION_IDS
from selfmassage.store import paths
from selfmassage.store.safety import SafetyStore

NOW = datetime(2025, 3, 1, 19, 0, tzinfo=UTC)
ALL_NO = dict.fromkeys(QUESTION_IDS, False)


@pytest.fixture
def path(tmp_path):
    return tmp_path / "config" / "safety.json"


def test_never_checked_when_there_is_no_file(path):
    store = SafetyStore(path)
    assert store.last_checked is None
    assert store.answers == {}
    assert store.needs_check(NOW) is True
    assert store.problems == []


def test_answers_and_time_survive_a_restart(path):
    SafetyStore(path).record(ALL_NO, NOW)
    again = SafetyStore(path)
    assert again.answers == ALL_NO
    assert again.last_checked == NOW
    assert again.problems == []


def test_all_no_is_not_asked_again_for_30_days(path):
    SafetyStore(path).record(ALL_NO, NOW)
    store = SafetyStore(path)
    assert store.needs_check(NOW + timedelta(days=29)) is False
    assert store.needs_check(NOW + timedelta(days=30)) is True


def test_a_yes_last_time_is_asked_again_next_time(path):
    SafetyStore(path).record({**ALL_NO, "cancer": True}, NOW)
    store = SafetyStore(path)
    assert store.answers["cancer"] is True
    assert store.needs_check(NOW + timedelta(minutes=5)) is True


def test_answers_missing_a_question_are_asked_again(path):
    partial = {key: value for key, value in ALL_NO.items() if key != "clots"}
    SafetyStore(path).record(partial, NOW)
    assert SafetyStore(path).needs_check(NOW) is True


def test_request_recheck_asks_again_even_after_a_restart_until_answered(path):
    store = SafetyStore(path)
    store.record(ALL_NO, NOW)
    store.request_recheck()
    assert store.needs_check(NOW) is True
    assert SafetyStore(path).needs_check(NOW) is True
    store.record(ALL_NO, NOW + timedelta(minutes=1))
    assert SafetyStore(path).needs_check(NOW + timedelta(minutes=2)) is False


def test_a_naive_time_is_stored_with_its_offset(path):
    SafetyStore(path).record(ALL_NO, datetime(2025, 3, 1, 19, 0))
    saved = json.loads(path.read_text())["checked_at"]
    assert datetime.fromisoformat(saved).tzinfo is not None


def test_the_write_is_atomic_and_leaves_no_temp_files(path):
    store = SafetyStore(path)
    store.record(ALL_NO, NOW)
    store.record({**ALL_NO, "cancer": True}, NOW + timedelta(days=1))
    store.request_recheck()
    assert sorted(p.name for p in path.parent.iterdir()) == ["safety.json"]
    assert json.loads(path.read_text())["answers"]["cancer"] is True


def test_a_failed_write_keeps_the_old_file_whole_and_says_so(path, monkeypatch):
    store = SafetyStore(path)
    store.record(ALL_NO, NOW)
    before = path.read_bytes()

    def disk_full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    store.record({**ALL_NO, "cancer": True}, NOW + timedelta(days=1))
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == ["safety.json"]
    assert len(store.problems) == 1 and str(path) in store.problems[0]
    assert store.needs_check(NOW + timedelta(days=1)) is True  # memory holds the "yes" for this run


def test_a_folder_that_cannot_be_written_is_a_problem_not_a_crash(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    store = SafetyStore(blocker / "safety.json")
    store.record(ALL_NO, NOW)
    store.record(ALL_NO, NOW)
    saving = [line for line in store.problems if "can't save" in line]
    assert len(saving) == 1 and str(blocker / "safety.json") in saving[0]
    assert store.needs_check(NOW) is False  # this run remembers; the next start will ask again


@pytest.mark.parametrize(
    "content",
    [
        b"{not json",
        b"\xff\xfe\x00",
        b"[]",
        b'{"checked_at": 12, "answers": {}}',
        b'{"checked_at": "last tuesday", "answers": {}}',
        b'{"checked_at": "2025-03-01T19:00:00+00:00", "answers": {"fever": "no"}}',
        b'{"checked_at": "2025-03-01T19:00:00+00:00", "answers": []}',
        b'{"checked_at": "2025-03-01T19:00:00+00:00", "answers": {}, "recheck": "yes"}',
    ],
)
def test_a_corrupt_file_means_never_checked_with_one_plain_problem(path, content):
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    store = SafetyStore(path)
    assert store.last_checked is None
    assert store.answers == {}
    assert store.needs_check(NOW) is True
    assert len(store.problems) == 1
    problem = store.problems[0]
    assert str(path) in problem and "\n" not in problem and "Traceback" not in problem


def test_a_corrupt_file_is_replaced_by_the_next_answers(path):
    path.parent.mkdir(parents=True)
    path.write_text("garbage")
    SafetyStore(path).record(ALL_NO, NOW)
    again = SafetyStore(path)
    assert again.problems == []
    assert again.needs_check(NOW) is False


def test_the_default_store_lives_in_the_user_config_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    assert SafetyStore.default().path == paths.config_dir() / "safety.json"
    assert SafetyStore.default().path.is_relative_to(tmp_path / "xdg")
