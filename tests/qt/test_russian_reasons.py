"""The window says why a file can't be imported in Russian: the system's reasons and the JSON parser's are
translated, in the routine editor's import and the review's CSV import alike."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from selfmassage.qt.editor_window import EditorWindow
from selfmassage.qt.language import use_language
from selfmassage.qt.review import ReviewPage
from selfmassage.qt.routine_prompts import Prompts
from selfmassage.store.library import RoutineLibrary
from selfmassage.store.settings import Settings
from tests.history_support import open_history


@pytest.fixture
def in_russian(qapp: QApplication) -> Iterator[None]:
    use_language(qapp, "ru")
    yield
    use_language(qapp, "en")


class ImportPrompts(Prompts):
    """The file the person picks, and the errors the window shows them."""

    def __init__(self) -> None:
        super().__init__(None)  # type: ignore[arg-type]
        self.picked: Path | None = None
        self.errors: list[str] = []

    def open_file(self) -> Path | None:
        return self.picked

    def error(self, title: str, text: str) -> None:
        self.errors.append(f"{title}: {text}")


@pytest.fixture
def editor(qtbot, in_russian, routines_dirs) -> tuple[EditorWindow, ImportPrompts]:
    builtin, user = routines_dirs
    prompts = ImportPrompts()
    window = EditorWindow(RoutineLibrary(user, builtin), prompts=prompts)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window, prompts


@pytest.mark.parametrize(("content", "said"), [
    (None, "«gone.json» нельзя импортировать: нет такого файла или папки"),
    ('{"name": "Evening",\n "steps": [}', "неверный JSON: ожидалось значение в строке 2, столбце 12"),
    ('{"name": "Evening" "steps": []}', "неверный JSON: ожидалась запятая (,) в строке 1, столбце 20"),
    ('"Evening', "неверный JSON: строка без закрывающей кавычки начинается в строке 1, столбце 1"),
])
def test_the_editors_import_says_what_is_wrong_in_russian(editor, tmp_path, content, said):
    window, prompts = editor
    picked = tmp_path / "gone.json"
    if content is not None:
        picked.write_text(content, encoding="utf-8")
    prompts.picked = picked
    window.page.files.import_action.trigger()
    assert len(prompts.errors) == 1
    assert said in prompts.errors[0] and str(picked) in prompts.errors[0]
    assert not any(word in prompts.errors[0] for word in ("No such", "Expecting", "Unterminated"))


def test_the_reviews_import_of_a_vanished_file_says_so_in_russian(qtbot, in_russian, tmp_path, monkeypatch):
    history = open_history(tmp_path)
    page = ReviewPage(history, Settings(tmp_path / "settings.json"))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    gone = tmp_path / "sessions.csv"
    monkeypatch.setattr("selfmassage.qt.review_csv.file_to_open", lambda *args: str(gone))
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    assert page.status_line.text() == "Не удаётся прочитать sessions.csv: нет такого файла или папки."
    assert history.count_sessions() == 0
