"""Pages that speak Russian through and through: no English word left on them, keys in Russian too."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication
from russian_helpers import english_words, shown_texts

from selfmassage.core.safety import QUESTION_IDS
from selfmassage.qt.language import use_language
from selfmassage.qt.safety_dialog import PregnancyNoteDialog, SafetyDialog


@pytest.fixture
def in_russian(qapp):
    use_language(qapp, "ru")
    yield
    use_language(qapp, "en")


def test_the_safety_check_is_all_russian_and_counts_in_russian(qtbot, in_russian):
    dialog = SafetyDialog(pregnancy=True)
    qtbot.addWidget(dialog)
    dialog.show()
    assert english_words(shown_texts(dialog)) == []
    assert dialog.windowTitle() == "Перед началом — selfmassage"
    for question_id in QUESTION_IDS[:-2]:
        dialog.no_button(question_id).click()
    assert dialog.progress.text() == "Осталось 2 вопроса."
    dialog.no_button(QUESTION_IDS[-2]).click()
    assert dialog.progress.text() == "Остался 1 вопрос."


def test_the_answers_russian_first_letters_answer_on_a_russian_keyboard(qtbot, in_russian):
    dialog = SafetyDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    first, second = QUESTION_IDS[:2]
    for button, letter in ((dialog.yes_button(first), "н"), (dialog.yes_button(second), "д")):  # Нет, Да
        button.setFocus()
        QApplication.sendEvent(button, QKeyEvent(QEvent.Type.KeyPress, 0x41D if letter == "н" else 0x414,
                                                 Qt.KeyboardModifier.NoModifier, letter))
    assert dialog.answers() == {first: False, second: True}


def test_the_doctor_page_is_all_russian(qtbot, in_russian):
    dialog = SafetyDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    for question_id in QUESTION_IDS:
        (dialog.yes_button if question_id == "fever" else dialog.no_button)(question_id).click()
    dialog.continue_button.click()
    assert dialog.showing_stop()
    assert english_words(shown_texts(dialog)) == []
    assert "У вас повышенная температура?" in dialog.yes_list.accessibleName()


def test_the_pregnancy_note_is_all_russian(qtbot, in_russian):
    dialog = PregnancyNoteDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert english_words(shown_texts(dialog)) == []
