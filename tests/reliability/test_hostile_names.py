"""Routines with hostile names, through the library's save and `routines import`: stored inside the routines
folder under a safe file name, or refused with one line that names the field — never written elsewhere.

Which and why: a name that is a path (`../../x`), a device name on Windows (`CON`) or any other odd but
printable text is a fine name to show, so it is kept as the routine's name and only the file name is made
safe. A name the file format refuses — empty after trimming, over 80 characters, a line break or another
control character — is refused at save and at import: written, it would be listed as unreadable next time.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from selfmassage.cli import main
from selfmassage.core.routine import Routine, Step
from selfmassage.core.routine_format import dumps_routine
from selfmassage.core.techniques import Stage, Technique
from selfmassage.store.library import LibraryError, RoutineLibrary, Source
from selfmassage.store.paths import routines_dir

KEPT = ["../../x", "CON", "/etc/passwd", "..", "..\\..\\x", "nul.json", "COM1", "名前", "-rf", "~"]
REFUSED = {
    "   ": "name must be 1–80 characters long, not 0.",
    "x" * 10_000: "name must be 1–80 characters long, not 10000.",
    "a\nb": "name must be one line with no control characters.",
    "even\ring": "name must be one line with no control characters.",
    "\x1b[31mred": "name must be one line with no control characters.",
    "two\u2028lines": "name may not hold line or paragraph separators or text-direction controls.",
    "Back\u202eevil": "name may not hold line or paragraph separators or text-direction controls.",
    "\u2066isolated\u2069": "name may not hold line or paragraph separators or text-direction controls.",
    "\u200b\u200b": "name must hold a character you can see.",
    "\u3164": "name must hold a character you can see.",
    "\u00ad\u2800": "name must hold a character you can see.",
}


def routine(name: str) -> Routine:
    return Routine(name, (Step(Stage.FINAL, Technique.STROKING, "neck", 5),))


def all_files(root: Path) -> set[Path]:
    return {path for path in root.rglob("*") if path.is_file()}


def assert_only_inside(before: set[Path], root: Path, folder: Path) -> None:
    for path in all_files(root) - before:
        assert path.resolve().is_relative_to(folder.resolve()), f"{path} is outside {folder}"


@pytest.mark.parametrize("name", KEPT)
def test_a_path_like_or_reserved_name_is_kept_and_its_file_stays_in_the_folder(name, tmp_path):
    library = RoutineLibrary(tmp_path / "data" / "routines", None)
    before = all_files(tmp_path)
    path = library.save(routine(name))
    assert path.parent == library.user_dir
    assert not path.name.startswith(".") and path.stem.lower() not in {"con", "nul", "com1"}
    assert_only_inside(before, tmp_path, library.user_dir)
    (entry,) = library.entries()
    assert entry.name == name and entry.usable and entry.path == path  # it loads back, name unchanged


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_a_name_the_format_refuses_is_not_saved(name, tmp_path):
    library = RoutineLibrary(tmp_path / "routines", None)
    with pytest.raises(LibraryError) as refused:
        library.save(routine(name))
    message = str(refused.value)
    assert message.endswith(REFUSED[name]) and "\n" not in message and len(message) < 250
    assert not library.user_dir.exists() or not any(library.user_dir.iterdir())


@pytest.mark.parametrize("name", [*KEPT, *sorted(REFUSED)])
def test_import_stores_safely_or_refuses_naming_the_file_and_the_field(name, tmp_path, capsys):
    source = tmp_path / "shared.json"
    source.write_text(dumps_routine(routine(name)), encoding="utf-8")
    before = all_files(tmp_path)
    code = main(["routines", "import", str(source)])
    out, err = capsys.readouterr()
    folder = routines_dir()
    assert_only_inside(before, tmp_path, folder)
    if name in REFUSED:
        assert code == 1 and out == ""
        assert err == f"selfmassage: {source}: routine: error [field] {REFUSED[name]}\n"
        assert not folder.exists() or not any(folder.iterdir())
        return
    assert code == 0 and err == ""
    (stored,) = folder.iterdir()
    assert json.loads(stored.read_text(encoding="utf-8"))["name"] == name
    assert main(["routines", "show", "--json", "--", name]) == 0
    assert json.loads(capsys.readouterr().out)["name"] == name


def test_a_hostile_name_can_not_replace_a_file_by_its_stem(tmp_path):
    """Two names that make the same safe stem get two files; neither overwrites the other."""
    library = RoutineLibrary(tmp_path / "routines", None)
    first = library.save(routine("../../x"))
    second = library.save(routine("x"))
    assert first != second
    names = sorted(entry.name for entry in library.entries() if entry.source is Source.USER)
    assert names == ["../../x", "x"]


def test_names_equal_after_nfc_and_case_folding_are_the_same_name(tmp_path, capsys):
    """"Café" typed on one keyboard (é as one character) and "CAFE\u0301" from another file (E and an accent):
    the same name to a person, so the second import clashes instead of making a look-alike twin."""
    library = RoutineLibrary(tmp_path / "routines", None)
    library.save(routine("Café"))
    with pytest.raises(LibraryError, match="exists"):
        library.save(routine("CAFE\u0301"))
    assert library.find("cafe\u0301").name == "Café"  # found by either spelling
    source = tmp_path / "shared.json"
    source.write_text(dumps_routine(routine("Straße")), encoding="utf-8")
    assert main(["routines", "import", str(source)]) == 0
    source.write_text(dumps_routine(routine("STRASSE")), encoding="utf-8")
    assert main(["routines", "import", str(source)]) == 1
    assert "a routine called 'STRASSE' exists" in capsys.readouterr().err
    assert len(list(routines_dir().iterdir())) == 1


# -- the editor's save -------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", [*KEPT[:3], *sorted(REFUSED)])
def test_the_editor_saves_inside_the_folder_or_refuses_with_the_reason(name, tmp_path, qtbot):
    from selfmassage.core.editing import RoutineDraft
    from selfmassage.qt.editor import RoutineEditor

    library = RoutineLibrary(tmp_path / "data" / "routines", None)
    shown: list[tuple[str, str]] = []
    editor = RoutineEditor(library, show_error=lambda title, text: shown.append((title, text)))
    qtbot.addWidget(editor)
    editor.open_draft(RoutineDraft.new())
    before = all_files(tmp_path)
    # As typed or pasted into the name field (a paste can bring a line break; the field caps the length).
    editor.name_edit.setText(name)
    editor.name_edit.textEdited.emit(editor.name_edit.text())
    saved = editor.save()
    assert_only_inside(before, tmp_path, library.user_dir)
    if name in REFUSED:
        assert not saved and len(shown) == 1
        assert not library.user_dir.exists() or not any(library.user_dir.iterdir())
        return
    assert saved and shown == []
    (entry,) = library.entries()
    assert entry.name == name and entry.usable
