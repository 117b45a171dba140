"""Why a file can't be read, in the terminal's language: the system's reasons (no such file, permission
denied, a folder), the JSON parser's (what it expected, at which line and column) and the CSV reader's are
Russian in Russian, and read as Python says them in English."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from selfmassage import i18n
from selfmassage.store import files


@pytest.fixture
def russian():
    i18n.setup("ru")
    yield
    i18n.setup("en")


@pytest.fixture
def broken(tmp_path: Path) -> dict[str, Path]:
    folder = tmp_path / "a-folder.json"
    folder.mkdir()
    unclosed = tmp_path / "unclosed.json"
    unclosed.write_text('{"name": "Evening",\n "steps": [}\n', encoding="utf-8")
    no_colon = tmp_path / "no-colon.json"
    no_colon.write_text('{"name" "Evening"}', encoding="utf-8")
    return {"missing": tmp_path / "gone.json", "folder": folder, "unclosed": unclosed, "no colon": no_colon}


@pytest.mark.parametrize(("command", "file", "russian_line"), [
    (["routines", "validate"], "missing", "gone.json: не удалось прочитать: нет такого файла или папки"),
    (["routines", "import"], "missing", "selfmassage: {path}: нет такого файла или папки"),
    (["routines", "validate"], "folder", "a-folder.json: это папка, а не файл"),
    (["routines", "validate"], "unclosed",
     "unclosed.json: неверный JSON: ожидалось значение в строке 2, столбце 12"),
    (["routines", "import"], "no colon",
     "no-colon.json: неверный JSON: ожидалось двоеточие (:) в строке 1, столбце 9"),
    (["history", "import"], "missing", "gone.json: не удалось прочитать: нет такого файла или папки"),
])
def test_a_file_that_cant_be_read_is_told_in_russian(russian, cli, broken, command, file, russian_line):
    path = broken[file]
    code, _out, err = cli(*command, str(path))
    assert code != 0
    assert russian_line.format(path=path) in err
    assert not any(word in err for word in ("No such", "Expecting", "directory", "Traceback"))


@pytest.mark.parametrize(("row", "said"), [
    ('"x"y,,Morning,completed,900,5,,', "строка 2: неверный CSV (после закрывающей кавычки нужна запятая)"),
    ('"' + "x" * 200_000 + '",,Morning,completed,900,5,,',
     "строка 2: неверный CSV (поле длиннее допустимого (131072))"),
])
def test_a_history_file_that_is_not_csv_says_why_in_russian(russian, cli, tmp_path, row, said):
    bad = tmp_path / "sessions.csv"
    bad.write_text("started_at,ended_at,routine,status,active_seconds,feeling,symptoms,note\n" + row + "\n",
                   encoding="utf-8")
    code, _out, err = cli("history", "import", str(bad))
    assert code != 0
    assert said in err and "expected" not in err and "field limit" not in err


def test_permission_denied_is_told_in_russian(russian, cli, broken, monkeypatch):
    # Root reads any file, so the system's refusal is made here as the kernel makes it.
    def refuse(path, *args, **kwargs):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))

    monkeypatch.setattr(files.os, "open", refuse)
    code, _out, err = cli("routines", "validate", str(broken["unclosed"]))
    assert code != 0
    assert "unclosed.json: не удалось прочитать: нет прав доступа" in err


def test_english_keeps_pythons_own_words(cli, broken):
    _code, _out, err = cli("routines", "validate", str(broken["missing"]), str(broken["unclosed"]))
    assert "gone.json: can't be read: No such file or directory" in err
    assert "unclosed.json: not valid JSON: Expecting value at line 2, column 12" in err


def test_a_reason_the_app_words_itself_is_kept_and_a_rare_one_stays_as_python_says(russian):
    refused = files.FileRefused(Path("x.json"), i18n._("it is a named pipe, not a file"))
    assert i18n.os_reason(refused) == "это именованный канал, а не файл"
    rare = OSError(errno.ETIMEDOUT, os.strerror(errno.ETIMEDOUT))
    assert i18n.os_reason(rare) == os.strerror(errno.ETIMEDOUT)
    assert i18n.os_reason(OSError("no errno at all")) == "no errno at all"
    assert i18n.json_reason("Invalid \\escape: 'q'") == "неверный символ после \\: 'q'"
    assert i18n.json_reason("Something new in Python 3.14") == "Something new in Python 3.14"
