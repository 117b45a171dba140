from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from selfmassage.core.routine import Routine, Step
from selfmassage.core.routine_format import dumps_routine
from selfmassage.core.techniques import Intensity, Stage, Technique
from selfmassage.store.library import LibraryError, RoutineLibrary, Source, safe_file_stem


def routine(name: str = "Mine") -> Routine:
    return Routine(name=name, steps=(
        Step(Stage.PREPARATORY, Technique.STROKING, "lower back", 20),
        Step(Stage.DEEP, Technique.SQUEEZING, "shoulders", 30, Intensity.MODERATE),
        Step(Stage.FINAL, Technique.STROKING, "lower back", 20),
    ))


@pytest.fixture
def library(tmp_path: Path) -> RoutineLibrary:
    builtin = tmp_path / "builtin"
    builtin.mkdir()
    (builtin / "classic.json").write_text(dumps_routine(routine("Classic back")))
    return RoutineLibrary(tmp_path / "user", builtin)


def test_save_then_entries_lists_builtin_first_then_user(library):
    library.save(routine("Zebra"))
    library.save(routine("apple"))
    names = [(entry.name, entry.source) for entry in library.entries()]
    assert names == [("Classic back", Source.BUILTIN), ("apple", Source.USER), ("Zebra", Source.USER)]


def test_saved_file_is_canonical_and_leaves_no_temp_files(library):
    path = library.save(routine())
    assert path.read_text() == dumps_routine(routine())
    assert sorted(p.name for p in library.user_dir.iterdir()) == ["mine.json"]


def test_save_refuses_errors_and_builtin_names(library):
    bad = dataclasses.replace(routine(), steps=(Step(Stage.DEEP, Technique.RUBBING, "neck", 30),))
    with pytest.raises(LibraryError, match="rub-cap"):
        library.save(bad)
    with pytest.raises(LibraryError, match="built-in"):
        library.save(routine("classic BACK"))


def test_save_refuses_a_clash_unless_replace_and_keeps_one_file(library):
    library.save(routine())
    with pytest.raises(LibraryError, match="exists"):
        library.save(routine("MINE"))
    library.save(dataclasses.replace(routine(), description="new"), replace=True)
    files = list(library.user_dir.iterdir())
    assert len(files) == 1
    assert json.loads(files[0].read_text())["description"] == "new"


def test_rename_replaces_the_old_file(library):
    library.save(routine("Before"))
    library.save(routine("After"), old_name="Before")
    assert [entry.name for entry in library.entries() if entry.source is Source.USER] == ["After"]
    assert [p.name for p in library.user_dir.iterdir()] == ["after.json"]


def test_a_corrupt_file_is_listed_with_its_reason_and_others_still_load(library):
    library.save(routine("Good one"))
    (library.user_dir / "broken.json").write_bytes(b"\xff\xfe not text")
    (library.user_dir / "wrong.json").write_text(json.dumps({"format": 1, "name": "Wrong", "steps": 3}))
    entries = {entry.path.name: entry for entry in library.entries()}
    assert entries["good-one.json"].usable
    assert "not UTF-8" in entries["broken.json"].error
    assert entries["wrong.json"].routine is None
    assert entries["wrong.json"].problems[0].field == "steps"


def test_a_file_over_one_mebibyte_is_refused_unread(library):
    library.user_dir.mkdir(parents=True)
    (library.user_dir / "huge.json").write_bytes(b" " * (1024 * 1024 + 1))
    (entry,) = [entry for entry in library.entries() if entry.source is Source.USER]
    assert "1 MiB" in entry.error


@pytest.mark.parametrize("name", ["../../x", "CON", "a/b\\c", "..", "   ", "名前", "x" * 10_000, "a\nb"])
def test_safe_file_stem_stays_inside_the_folder(name, tmp_path):
    stem = safe_file_stem(name)
    assert stem and "/" not in stem and "\\" not in stem and not stem.startswith(".")
    assert len(stem) <= 60
    assert stem.lower() not in {"con", "prn", "aux", "nul"}
    assert (tmp_path / f"{stem}.json").resolve().parent == tmp_path.resolve()


def test_two_names_with_the_same_file_stem_get_two_files(library):
    library.save(routine("Back: evening"))
    library.save(routine("Back evening"))
    assert sorted(p.name for p in library.user_dir.iterdir()) == ["back-evening-2.json", "back-evening.json"]


def test_delete_removes_user_routines_but_never_builtins(library):
    library.save(routine())
    library.delete("mine")
    assert library.find("Mine") is None
    with pytest.raises(LibraryError, match="built in"):
        library.delete("Classic back")
