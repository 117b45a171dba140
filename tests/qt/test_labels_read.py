"""What a screen reader reads from a label is what the label shows, on every page and dialog.

On AT-SPI a Qt label exposes no text of its own: its accessible name is all a screen reader gets. A label's
name must therefore be its visible text, or, where a short name helps ("What the sound test found"), its
description must be. tests/atspi checks the same through the real bus for the pages of a session.
"""

from __future__ import annotations

import re
from datetime import datetime

from a11y_helpers import while_modal, words
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel, QWidget
from qt_helpers import advance

from selfmassage.core.checkin import Symptom
from selfmassage.qt.dialogs import VolumeDialog
from selfmassage.qt.editor_hook import add_routine_editor
from selfmassage.qt.review import ReviewPage
from selfmassage.qt.safety_dialog import SafetyDialog
from selfmassage.qt.sound_intro import SoundIntroDialog
from selfmassage.sound.check import WORKS
from tests.history_support import BERLIN, add, open_history


def shown(label: QLabel) -> str:
    """The label's text as a person reads it: rich text made plain, a mnemonic's & gone, spaces single."""
    text = label.text()
    if label.textFormat() == Qt.TextFormat.RichText or re.search(r"<\w+[^>]*>", text):
        document = QTextDocument()
        document.setHtml(text)
        text = document.toPlainText()
    return " ".join(text.replace("&", "").split())


def _words_of(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.casefold()))


def misread(root: QWidget) -> list[str]:
    """Each visible label under `root` whose text reaches a screen reader neither as name nor description."""
    wrong = []
    for label in root.findChildren(QLabel):
        text = shown(label)
        if not label.isVisible() or not text:
            continue
        name, description = (" ".join(part.replace("&", "").split()) for part in words(label))
        # Its text, or every word of it in a name that says what a symbol means ("✓ 1 Preparatory" read
        # as "Stage 1, Preparatory: done").
        if text not in (name, description) and not _words_of(text) <= _words_of(name):
            wrong.append(f"{label.objectName() or type(label.parent()).__name__}: shows {text!r}, "
                         f"reads {name!r} / {description!r}")
    return wrong


def checked_labels(root: QWidget) -> int:
    return sum(1 for label in root.findChildren(QLabel) if label.isVisible() and shown(label))


def test_the_picker_reads_its_details_as_shown(window):
    assert window.picker.select("Short back")
    assert misread(window) == []
    assert checked_labels(window) >= 5  # heading, name, source, description, facts, stages…
    names = [words(label)[0] for label in window.picker.findChildren(QLabel) if label.isVisible()]
    assert "A tiny routine for tests." in names


def test_the_session_page_mid_step_paused_and_at_a_switch_of_sides(qtbot, window, clock):
    assert window.picker.select("Short back")
    qtbot.keyClick(window.picker.list, Qt.Key.Key_Return)
    advance(window, clock, 4)
    assert misread(window) == []
    assert checked_labels(window.session_view) >= 6  # technique, area, meta, instruction, next, progress
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert window.session_view.pause_note.isVisible()
    assert misread(window) == []
    window.driver.stop()
    window.back_to_routines()
    assert window.picker.select("Both sides")
    qtbot.keyClick(window.picker.list, Qt.Key.Key_Return)
    advance(window, clock, 4.5)  # into the switch between the sides
    assert window.session_view.technique.text() == "Switch sides"
    assert misread(window) == []


def test_the_summary_the_check_in_its_advice_and_the_thanks(qtbot, window, clock):
    assert window.picker.select("Short back")
    qtbot.keyClick(window.picker.list, Qt.Key.Key_Return)
    advance(window, clock, 12)
    panel = window.summary.checkin_panel
    panel.symptom_boxes[Symptom.PAIN].click()
    assert panel.hint.isVisible()
    assert misread(window) == []
    panel.save_button.click()
    assert window.summary.thanks.isVisible()
    assert misread(window) == []


def test_the_review_page(qtbot, window, tmp_path):
    with open_history(tmp_path) as history:
        add(history, datetime(2026, 11, 2, 19, tzinfo=BERLIN), datetime(2026, 11, 17, 19, tzinfo=BERLIN),
            feeling=4)
        page = ReviewPage(history, window.settings, now=lambda: datetime(2026, 11, 19, 21, tzinfo=BERLIN))
        window.add_page("review", page)
        window.show_page("review")
        qtbot.waitUntil(lambda: bool(page.technique_bars.values()))
        page.select_row(0)
        assert misread(window) == []
        assert checked_labels(page) >= 4
        page.close()


def test_the_editor_page(qtbot, window):
    page = add_routine_editor(window).open()
    assert page.select_routine("Another one")
    assert misread(window) == []
    assert checked_labels(page) >= 4


def test_the_safety_questions_and_the_ask_a_doctor_page(qtbot, window):
    def look(dialog: SafetyDialog) -> list[str]:
        wrong = misread(dialog)
        for row in dialog.rows:
            row.set_answer(row is dialog.rows[0])
        dialog.continue_button.click()
        wrong += misread(dialog)
        dialog.reject()
        return wrong

    seen = while_modal(SafetyDialog, look)
    window.ask_safety_again()
    assert seen == [[]]


def test_the_sound_test_and_the_volume_window_with_their_results(qtbot, window, make_window):
    def look(dialog: VolumeDialog) -> list[str]:
        qtbot.keyClick(dialog.test_button, Qt.Key.Key_Space)
        qtbot.waitUntil(lambda: dialog.result.text() == WORKS, timeout=5000)
        wrong = misread(dialog)
        dialog.reject()
        return wrong

    seen = while_modal(VolumeDialog, look)
    window.open_volume()
    assert seen == [[]]
    intro = SoundIntroDialog(voice_on=True, problem="No sound device answered.", parent=window)
    intro.show()
    assert intro.result.isVisible()
    assert misread(intro) == []
    intro.deleteLater()
