"""Import and export choose their file in Qt's own chooser where the desktop has none (here, offscreen, as
under a bare X session): it opens over the window and as big as the screen lets it, the files' four
columns, the places beside them and the buttons' icons in view; the file a person types is the one used."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QFontMetrics, QImage
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QSplitter, QToolButton, QTreeView
from test_layout import fill_screen

from selfmassage.qt.editor_hook import add_routine_editor
from selfmassage.qt.history_hook import add_history
from selfmassage.qt.main_window import MainWindow

HEADER = "started_at,ended_at,routine,status,active_seconds,feeling,symptoms,note"


def while_choosing(look: Callable[[QFileDialog], object]) -> list[object]:
    """Once the file chooser is open, call `look(chooser)` (which must close it); its result, or what it
    raised (the chooser is then cancelled), lands in the list returned."""
    seen: list[object] = []

    def check() -> None:
        chooser = QApplication.activeModalWidget()
        if not isinstance(chooser, QFileDialog) or not chooser.isVisible():
            QTimer.singleShot(5, check)
            return
        try:
            seen.append(look(chooser))
        except Exception as exc:
            seen.append(exc)
            chooser.reject()

    QTimer.singleShot(0, check)
    return seen


def icon_colours(button: QToolButton) -> int:
    """How many colours the button's middle has: one or two for an empty box, many for an icon."""
    image = button.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    inner = image.rect().adjusted(5, 5, -5, -5)
    return len({image.pixel(x, y) for x in range(inner.left(), inner.right())
                for y in range(inner.top(), inner.bottom())})


def fits_and_choose(window: MainWindow, path: Path) -> list[object]:
    """Once the chooser opens: check it fits the screen over `window`, then choose `path` in it."""
    def look(chooser: QFileDialog) -> None:
        QApplication.processEvents()  # its second fit, once it is framed
        room = window.screen().availableGeometry()
        where = chooser.frameGeometry()
        assert room.contains(where), (where, room)
        assert where.width() >= min(900, room.width()), "as wide as the screen lets it"
        middle = window.frameGeometry().center()
        assert abs(where.center().x() - middle.x()) <= 2 and abs(where.center().y() - middle.y()) <= 2
        tree = chooser.findChild(QTreeView, "treeView")
        header = tree.header()
        shown = [column for column in range(header.count()) if not header.isSectionHidden(column)]
        assert len(shown) == 4
        assert sum(header.sectionSize(column) for column in shown) <= tree.viewport().width()
        metrics = QFontMetrics(header.font())
        for column in shown:
            label = str(tree.model().headerData(column, header.orientation()))
            assert header.sectionSize(column) >= metrics.horizontalAdvance(label), label
        assert header.sectionSize(0) >= tree.sizeHintForColumn(0), "every file's name in full"
        places = chooser.findChild(QSplitter, "splitter").sizes()[0]
        assert places >= metrics.horizontalAdvance("Computer") + 40, "the places beside the files"
        for button in chooser.findChildren(QToolButton):
            if button.isVisible():
                assert icon_colours(button) > 6, f"{button.objectName()} shows no icon"
        field = chooser.findChild(QLineEdit, "fileNameEdit")
        field.setText(str(path))  # as a person types the file's name
        chooser.accept()

    return while_choosing(look)


@pytest.mark.parametrize("screen", ["800x600", "1024x600"])
@pytest.mark.parametrize("large", [False, True], ids=["normal", "large text"])
def test_importing_sessions_chooses_the_file_in_a_chooser_that_fits_the_screen(
        qtbot: Any, make_window: Callable[..., MainWindow], tmp_path: Path, screen: str, large: bool) -> None:
    window = make_window()
    hook = add_history(window, tray_available=False)
    hook.load(tmp_path / "history.sqlite3")
    window.set_large_text(large)
    fill_screen(qtbot, window, screen)
    backup = tmp_path / "backup.csv"
    backup.write_text(f"{HEADER}\n2026-11-17T19:30:00+01:00,,Quick back,completed,600,,,\n", encoding="utf-8")
    looked = fits_and_choose(window, backup)
    window.actions["import_history"].trigger()
    assert looked == [None], looked
    qtbot.waitUntil(lambda: "Imported 1 session" in hook.review.status_line.text())
    hook.close()


def test_a_routine_is_imported_through_the_chooser(qtbot: Any, make_window: Callable[..., MainWindow],
                                                   tmp_path: Path, routines_dirs: tuple[Path, Path]) -> None:
    window = make_window()
    add_routine_editor(window)
    fill_screen(qtbot, window, "1024x600")
    builtin, _user = routines_dirs
    routine = json.loads((builtin / "short-back.json").read_text(encoding="utf-8"))
    source = tmp_path / "evening.json"
    source.write_text(json.dumps({**routine, "name": "Evening stretch"}), encoding="utf-8")
    looked = fits_and_choose(window, source)
    window.actions["import_routine"].trigger()
    assert looked == [None], looked
    qtbot.waitUntil(lambda: window.library.find("Evening stretch") is not None)

