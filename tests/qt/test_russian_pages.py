"""Pages that speak Russian through and through: no English word left on them, keys in Russian too."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from qt_helpers import advance
from russian_helpers import english_words, shown_texts

from selfmassage.core.safety import QUESTION_IDS
from selfmassage.qt.language import use_language
from selfmassage.qt.safety_dialog import SafetyDialog
from selfmassage.qt.sound_intro import SoundIntroDialog
from selfmassage.qt.stop_panel import StopPanel
from selfmassage.qt.today_dialog import TodayDialog


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
        (dialog.yes_button if question_id == "cancer" else dialog.no_button)(question_id).click()
    dialog.continue_button.click()
    assert dialog.showing_stop()
    assert english_words(shown_texts(dialog)) == []
    assert "У вас онкологическое заболевание, или вы от него лечитесь?" in dialog.yes_list.accessibleName()


def test_todays_question_with_the_pregnancy_note_is_all_russian_and_so_is_its_no(qtbot, in_russian):
    dialog = TodayDialog(pregnancy=True)
    qtbot.addWidget(dialog)
    dialog.show()
    assert english_words(shown_texts(dialog)) == []
    assert "Повышенная температура" in dialog.states.text()
    dialog.yes_button.click()
    assert dialog.showing_stop()
    assert english_words(shown_texts(dialog)) == []


def test_the_stop_question_is_all_russian(qtbot, in_russian):
    page = QWidget()
    qtbot.addWidget(page)
    page.resize(900, 600)
    panel = StopPanel(page)
    page.show()
    panel.open()
    assert panel.gently_button.text() == "Закончить мягко"
    assert english_words(shown_texts(panel)) == []


@pytest.fixture
def russian_window(qapp, make_window, in_russian):
    return make_window()


def test_a_session_in_russian_shows_the_step_the_stages_and_the_time_in_russian(qtbot, russian_window, clock):
    window = russian_window
    view = window.session_view
    assert window.picker.select("Short back")
    qtbot.keyClick(window.picker.list, Qt.Key.Key_Return)
    assert window.current_page() == "session"
    assert (view.technique.text(), view.area.text()) == ("Поглаживание", "Поясница")
    assert view.meta.text() == "Шаг 1 из 4  ·  лёгкий нажим"
    assert view.next_label.text() == "Дальше: Растирание, лопатки"
    assert view.progress_label.text() == "Осталось 00:12 из 00:12"
    assert view.ring.spoken() == "До конца шага: 3 секунды"
    assert view.instruction.text() == "Легко скользите всей ладонью по направлению к сердцу."
    user_words = {view.instruction}  # a user routine's own note stays as written (this one has none)
    shown = [text for widget in [view, *view.findChildren(QWidget)] if widget not in user_words
             for text in shown_texts(widget)]
    assert english_words(shown) == []
    assert window.actions["pause"].text() == "Пауза"
    # Every part asks for its menu by the English title; none makes a second, English one.
    assert [action.text() for action in window.menuBar().actions()] == ["&Сеанс", "&Вид", "&Звук", "Сп&равка"]
    sound = window.menu("Sound")
    assert [a.text() for a in sound.actions() if a.menu() is not None] == ["Кто &произносит подсказки"]
    assert window.actions["time_left"].text() == "Сколько осталось"
    advance(window, clock, 12)
    assert window.current_page() == "summary"
    assert window.summary.heading.text() == "Молодец. Сеанс завершён."
    assert window.summary.facts.text().startswith("Массаж: 12 с  ·  выполнено шагов: 4 из 4")
    assert english_words(shown_texts(window.summary)) == ["Short", "back"]  # the user routine's own name


def test_the_sound_test_before_the_first_session_is_all_russian(qtbot, in_russian):
    dialog = SoundIntroDialog(voice_on=True)
    qtbot.addWidget(dialog)
    dialog.show()
    assert english_words(shown_texts(dialog)) == []
    assert dialog.windowTitle() == "Вы это слышите? — selfmassage"
