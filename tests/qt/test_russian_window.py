"""The whole window in Russian, as the app builds it: every menu, the Learn page and its practice, the
review's frame, the tray's menu, the reminders and the questions it asks — no English word to see or hear."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu
from qt_helpers import advance, answer_box, while_asked
from russian_helpers import english_lines, menu_texts, shown_texts

from selfmassage.core.lessons import LESSONS
from selfmassage.core.movement import movement_for
from selfmassage.core.routine import Step
from selfmassage.core.techniques import Intensity, Sides, Stage, Technique
from selfmassage.i18n import _
from selfmassage.qt.editor_hook import RoutineEditorHook, add_routine_editor
from selfmassage.qt.history_hook import HistoryHook, add_history
from selfmassage.qt.language import use_language
from selfmassage.qt.language_menu import add_language_menu
from selfmassage.qt.learn_hook import LEARN_PAGE, LearnHook, add_learn_page
from selfmassage.qt.main_window import MainWindow
from selfmassage.qt.menu_entry_switch import add_menu_entry_switch
from selfmassage.qt.movement_hook import add_movement
from selfmassage.qt.movement_layer import describe
from selfmassage.qt.reminders_dialog import RemindersDialog
from selfmassage.qt.routine_prompts import Unsaved
from selfmassage.qt.tray_hook import STILL_IN_TRAY

# The test routines' own names and descriptions (tests/qt/qt_helpers.py): a routine's words stay as written.
ROUTINE_WORDS = ("Short back", "Another one", "Both sides", "A tiny routine for tests.",
                 "The same, by another name.", "broken")


@pytest.fixture
def in_russian(qapp: QApplication) -> Iterator[None]:
    use_language(qapp, "ru")
    yield
    use_language(qapp, "en")


class Parts:
    """The window with every part the app adds after its first frame (as qt/app_rest.py does)."""

    def __init__(self, window: MainWindow, editor: RoutineEditorHook, history: HistoryHook,
                 learn: LearnHook) -> None:
        self.window, self.editor, self.history, self.learn = window, editor, history, learn


@pytest.fixture
def russian(make_window, in_russian, tmp_path: Path) -> Parts:
    window = make_window()
    editor = add_routine_editor(window)
    history = add_history(window, tray_available=False)
    add_menu_entry_switch(window)
    add_language_menu(window)
    learn = add_learn_page(window, add_movement(window))
    history.load(tmp_path / "data" / "history.sqlite3")
    return Parts(window, editor, history, learn)


def english(texts: Iterator[str]) -> list[str]:
    return english_lines(texts, kept=ROUTINE_WORDS)


def test_every_menu_is_russian_and_each_letter_opens_one_item(qtbot, russian: Parts):
    window = russian.window
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles == ["&Сеанс", "&Вид", "&Звук", "&Программы", "&История", "Сп&равка"]
    menus = [action.menu() for action in window.menuBar().actions()]
    for menu in menus:
        assert english(menu_texts(menu)) == [], menu.title()
    history = window.menu("History")
    assert [action.text() for action in history.actions() if not action.isSeparator()][:3] == [
        "Обзор…", "Экспорт истории…", "Импорт истории…"]
    assert window.actions["learn"].text() == "Освоить приёмы…"
    assert window.actions["show_movement"].text() == "Показывать движение"

    def letters(menu: QMenu) -> list[str]:
        found = []
        for action in menu.actions():
            text = action.text().replace("&&", "")
            if "&" in text:
                found.append(text[text.index("&") + 1].lower())
            if action.menu() is not None:
                assert len(set(letters(action.menu()))) == len(letters(action.menu())), action.text()
        return found

    bar_letters = [title[title.index("&") + 1].lower() for title in titles]
    assert len(set(bar_letters)) == len(bar_letters)
    for menu in menus:
        assert len(set(letters(menu))) == len(letters(menu)), menu.title()


def test_the_plan_submenu_counts_your_own_sessions_in_russian(qtbot, russian: Parts):
    window = russian.window
    plan_menu = russian.history.plan_menu
    texts = [action.text() for action in plan_menu.actions.values()]
    assert texts == ["Профилактика: 1–2 раза в неделю", "При боли: через день", "Своё число раз в неделю…"]
    for number, shown in ((1, "Свой: 1 раз в неделю…"), (3, "Свой: 3 раза в неделю…"),
                          (5, "Свой: 5 раз в неделю…")):
        window.settings.plan, window.settings.plan_per_week = "custom", number
        plan_menu.show_plan()
        assert plan_menu.actions[plan_menu.plan.kind].text() == shown
    def read(panel) -> list[object]:
        words = [[panel.title.text(), panel.text.text()], english(shown_texts(panel))]
        qtbot.keyClick(panel.focusWidget(), Qt.Key.Key_Escape)
        return words

    asked = while_asked(read)
    plan_menu.ask_custom_plan()
    asked = [part for words in asked for part in words]
    assert asked == [["Свой план", "Сеансов в неделю:"], []]


def test_the_learn_page_tells_each_technique_in_russian(qtbot, russian: Parts):
    page = russian.learn.open()
    assert page is not None
    assert russian.window.current_page() == LEARN_PAGE
    assert russian.learn.button.text() == "Освоить"
    for row, lesson in enumerate(LESSONS):
        page.list.setCurrentRow(row)
        assert page.title.text() == lesson.technique.label
        assert english(shown_texts(page)) == [], lesson.technique.value
    page.list.setCurrentRow(1)
    assert page.title.text() == "Растирание"
    assert page.texts["how_long"].text() == "Не больше 10 секунд на одной области, потом переходите дальше."
    assert page.try_button.text() == "Попробовать 20 с"
    assert page.list.item(4).text() == "Вибрация\nлёгкие удары"
    assert page.layer.accessibleDescription() == (
        "Рука движется вверх: маленькие круги, по одному на щелчок.")


def test_the_practice_runs_in_russian_and_says_so_when_it_ends(qtbot, russian: Parts, clock):
    window = russian.window
    page = russian.learn.open()
    assert page is not None
    qtbot.keyClick(page.list, Qt.Key.Key_End)  # vibration
    qtbot.mouseClick(page.try_button, Qt.MouseButton.LeftButton)
    assert window.current_page() == "session"
    view = window.session_view
    assert view.technique.text() == "Вибрация"
    assert view.instruction.text() == LESSONS[4].how
    assert view.instruction.text().startswith("Поколачивайте расслабленными кончиками пальцев")
    assert window.driver is not None and window.driver.routine.name == "Практика: вибрация"
    assert english(shown_texts(view)) == []
    with qtbot.waitSignal(window.driver.finished, timeout=2000):
        advance(window, clock, 24)
    assert window.current_page() == LEARN_PAGE
    assert page.done_note.text() == ("Вы попробовали вибрацию: 23 с. Попробуйте ещё раз, выберите другой "
                                     "приём или вернитесь к программам.")


def test_the_movement_is_described_in_russian_side_by_side():
    step = Step(Stage.DEEP, Technique.KNEADING, "shoulders", 20, intensity=Intensity.MODERATE,
                sides=Sides.BOTH)
    use_language(QApplication.instance(), "ru")
    try:
        both = describe(movement_for(step))
        assert both.startswith("Рука движется ") and both.endswith(": захват, который перекатывает мышцу.")
        assert describe(None) == "Движение не показано."
    finally:
        use_language(QApplication.instance(), "en")


def test_the_review_the_tray_and_the_reminders_are_russian(qtbot, russian: Parts):
    window = russian.window
    screen = russian.history.open_review()
    assert screen is not None
    assert screen.back_button.text() == "К программам"
    assert english(shown_texts(screen)) == []
    review = russian.history.review
    assert review is not None
    assert [button.text() for button in review.range_buttons.buttons()] == [
        "✓ 12 недель", "26 недель", "52 недели"]
    tray = russian.history.tray_hook.tray
    assert tray is not None
    assert english(menu_texts(tray.menu)) == []
    assert tray.due_line == "Следующий сеанс: сегодня."
    assert _(STILL_IN_TRAY) == "selfmassage остаётся в трее ради ваших напоминаний. Выйти можно из его меню."
    dialog = RemindersDialog(True, [0, 3], "19:00", window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert english(shown_texts(dialog)) == []


def test_quitting_during_a_session_asks_in_russian(qtbot, russian: Parts):
    window = russian.window
    assert window.picker.select("Short back")
    qtbot.keyClick(window.picker.list, Qt.Key.Key_Return)
    assert window.current_page() == "session"
    seen = answer_box("Продолжить")
    assert not window.sessions.stop_to_quit()
    assert seen == ["Идёт сеанс. Остановить его и выйти?"]
    assert window.pages.accessibleName() == "Сеанс: Short back"


@pytest.fixture
def russian_editor(russian: Parts, routines_dirs):
    """The editor on a new routine of its own (no problems to list: the rules' words are the core's)."""
    (routines_dirs[1] / "broken.json").unlink()  # its reason is Python's JSON parser's, in English
    page = russian.editor.open(then="new")
    assert russian.window.current_page() == "routines"
    yield page
    page.prompts.unsaved = lambda name: Unsaved.DISCARD  # closing the window asks no question left open


def test_the_routine_editor_speaks_russian_keeping_the_files_english(qtbot, russian: Parts, russian_editor):
    page = russian_editor
    editor = page.editor
    assert editor.name_edit.text() == "Новая программа"  # a new routine is named in your language
    assert english(shown_texts(page)) == []
    model = editor.table.model()
    headers = [model.headerData(column, Qt.Orientation.Horizontal) for column in range(model.columnCount())]
    assert headers == ["#", "Этап", "Приём", "Область", "Время", "Нажим"]
    assert [model.index(0, column).data() for column in (1, 2, 3, 5)] == [
        "Подготовительный", "Поглаживание", "поясница", "Лёгкий"]
    assert editor.step_box.title() == "Шаг 1"
    assert editor.area_combo.currentText() == "поясница"
    assert editor.problems.title.text() == "Проблем нет: программа следует руководству."
    # The area picked by its Russian name is kept by its English one, as the file format has it.
    editor.area_combo.setEditText("лопатки")
    assert editor.draft.steps[0].area == "shoulder blades"
    editor.area_combo.setEditText("поясница, чуть выше")  # your own words stay as you typed them
    assert editor.draft.steps[0].area == "поясница, чуть выше"
    assert model.index(0, 3).data() == "поясница, чуть выше"
    assert english(shown_texts(page)) == []
    assert editor.bar.undo_action.text() == "Отменить изменение шага"
    editor.intensity_combo.setCurrentIndex(editor.intensity_combo.findText("Умеренный"))
    assert editor.draft.steps[0].intensity is Intensity.MODERATE
    assert editor.problems.title.text() == "<b>1 предупреждение</b>. Сохранить всё равно можно."
    assert english(row_words for row in editor.problems.rows
                   for row_words in (row.show_button.text(), row.show_button.accessibleName())) == []
    assert model.index(0, 0).data(Qt.ItemDataRole.AccessibleTextRole) == "Шаг 1, 1 предупреждение"


def test_the_editor_asks_about_unsaved_changes_in_russian(qtbot, russian: Parts, russian_editor):
    page = russian_editor
    page.editor.name_edit.selectAll()
    qtbot.keyClicks(page.editor.name_edit, "Spina")  # QTest types ASCII only
    assert page.editor.draft.dirty
    seen = answer_box("Отмена")
    page.done_button.click()
    assert seen == ["Вы изменили «Spina». Сохранить изменения, прежде чем продолжить?"]
    assert russian.window.current_page() == "routines"  # cancelled: still editing
    assert page.editor.bar.status_label.text() == "Не сохранено."


def test_the_preview_plays_in_russian(qtbot, russian: Parts, russian_editor):
    page = russian_editor
    dialog = page.open_preview(page.editor.draft.routine)
    qtbot.waitUntil(lambda: dialog.stage_label.text().startswith("Этап: Подготовительный"), timeout=3000)
    assert dialog.windowTitle() == "Просмотр — Новая программа"
    assert dialog.accessibleDescription().startswith("Программа в 10 раз быстрее, со звуками.")
    assert english(shown_texts(dialog)) == []
    dialog.close()
