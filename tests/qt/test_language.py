"""The window's language: Qt's own buttons in it, View ▸ Language remembered for the next start, and
`LANG=ru_RU.UTF-8 selfmassage` opening in Russian."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLabel, QMessageBox, QTreeView

from selfmassage import i18n
from selfmassage.qt.language import use_language
from selfmassage.qt.language_menu import add_language_menu
from selfmassage.store.settings import Settings

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def in_russian(qapp):
    assert use_language(qapp, "ru") == "ru"
    yield
    use_language(qapp, "en")


def test_qts_own_standard_buttons_speak_russian(in_russian):
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Отмена"
    message = QMessageBox(QMessageBox.Icon.Question, "", "", QMessageBox.StandardButton.Yes
                          | QMessageBox.StandardButton.No)
    assert message.button(QMessageBox.StandardButton.No).text().replace("&", "") == "Нет"


@pytest.mark.parametrize("mode", [QFileDialog.AcceptMode.AcceptOpen, QFileDialog.AcceptMode.AcceptSave],
                         ids=["import", "export"])
def test_the_file_dialog_is_russian_even_where_qts_own_catalogue_has_a_gap(in_russian, qtbot, mode):
    # The dialog Import… and Export… open where the desktop has none of its own (as here, offscreen).
    dialog = QFileDialog(None, "", "", "JSON (*.json)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(mode)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    labels = sorted(label.text() for label in dialog.findChildren(QLabel)
                    if label.isVisible() and label.text())
    assert labels == ["&Имя файла:", "&Папка:", "&Типы файлов:"]
    assert dialog.findChild(QLabel, "lookInLabel").buddy() is not None  # Alt+П still reaches the folder box
    # The files' Type column: a folder is a Папка, not a Folder.
    files = dialog.findChild(QTreeView, "treeView")
    dialog.setDirectory(str(ROOT))
    qtbot.waitUntil(lambda: files.model().rowCount(files.rootIndex()) > 0)
    types = {files.model().index(row, 2, files.rootIndex()).data()
             for row in range(files.model().rowCount(files.rootIndex()))}
    assert "Папка" in types and "Folder" not in types


def test_back_in_english_the_buttons_are_english_again(qapp):
    use_language(qapp, "ru")
    use_language(qapp, "en")
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Cancel"
    dialog = QFileDialog()
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    assert dialog.findChild(QLabel, "lookInLabel").text() == "&Look in:"


def test_view_language_is_remembered_for_the_next_start(make_window, settings_path):
    window = make_window()
    actions = add_language_menu(window)
    view = window.menu("&View")
    language_menu = next(a.menu() for a in view.actions() if a.menu() is not None and a.text() == "&Language")
    assert [a.text() for a in language_menu.actions()] == ["As the system (English)", "English", "Русский"]
    assert actions[""].isChecked()
    actions["ru"].trigger()
    assert actions["ru"].isChecked() and not actions[""].isChecked()
    assert Settings(settings_path).get("language") == "ru"
    assert window.statusBar().currentMessage() == \
        "selfmassage will speak Русский the next time you open it."
    assert i18n.language() == "en"  # this window stays in one language


def test_lang_ru_opens_the_window_in_russian(isolated_dirs):
    code = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from selfmassage.qt.app import run_app

app = QApplication(sys.argv[:1])

def look():
    window = next(w for w in app.topLevelWidgets() if w.objectName() == "main_window")
    if not window.built:  # a busy machine: the menus' entries come with the rest, after the first paint
        QTimer.singleShot(100, look)
        return
    view = window.menu("&View")
    print("language menu", [a.text() for a in view.actions() if a.menu() is not None])
    try:
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        print("cancel", box.button(QDialogButtonBox.StandardButton.Cancel).text())
    finally:
        window.close()

QTimer.singleShot(300, look)
sys.exit(run_app())
"""
    (isolated_dirs / "runtime").chmod(0o700)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LANG": "ru_RU.UTF-8"}
    env.pop("LANGUAGE")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT,
                          timeout=60, check=False)
    assert done.returncode == 0, done.stderr[-600:]
    assert "language menu ['&Язык']" in done.stdout
    assert "cancel Отмена" in done.stdout
