"""Every page and dialog at 800x600, 1024x600, 1366x768 and 1920x1080, in normal, Large text, High contrast
and both: the window fills the screen and no more, nothing overlaps, no text is cut, no button is outside
its window (layout_check says what counts). The screens come from tests/qt/screens.json (tests/conftest.py),
so one app moves its window from screen to screen."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from layout_check import layout_problems
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QGuiApplication, QImage, QPalette, QScreen
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QScrollArea,
    QSizeGrip,
    QStyleOptionViewItem,
    QWidget,
)
from qt_helpers import activate, advance, every_builtin_routine, while_asked

from selfmassage.core.checkin import Symptom
from selfmassage.core.safety import QUESTION_IDS
from selfmassage.core.techniques import Intensity, Technique
from selfmassage.qt.dialogs import VolumeDialog
from selfmassage.qt.editor_hook import add_routine_editor
from selfmassage.qt.editor_window import EditorWindow
from selfmassage.qt.history_hook import add_history
from selfmassage.qt.language import use_language
from selfmassage.qt.learn_hook import add_learn_page
from selfmassage.qt.main_window import MainWindow
from selfmassage.qt.question_panel import QuestionPanel
from selfmassage.qt.reminders_dialog import RemindersDialog
from selfmassage.qt.safety_dialog import SafetyDialog
from selfmassage.qt.sound_intro import SoundIntroDialog
from selfmassage.qt.theme import colours
from selfmassage.qt.today_dialog import TodayDialog
from selfmassage.sound.check import SoundCheckResult, advice
from selfmassage.sound.interface import NO_DEVICE
from selfmassage.store.library import RoutineLibrary
from tests.history_support import BERLIN, add, open_history

SIZES = ("800x600", "1024x600", "1366x768", "1920x1080")
MODES = {"normal": (False, False), "large text": (True, False), "high contrast": (False, True),
         "both": (True, True)}
LANGUAGES = ("en", "ru")
CLASSIC = "Classic back session"


def screen_named(name: str) -> QScreen:
    screens = {screen.name(): screen for screen in QApplication.screens()}
    assert name in screens, (f"no {name} screen among {list(screens)}: run offscreen (QT_QPA_PLATFORM="
                             "offscreen), where tests/conftest.py gives Qt those of tests/qt/screens.json")
    return screens[name]


def fill_screen(qtbot: Any, window: QWidget, name: str) -> None:
    """Move `window` to the screen called `name` and make it as big as that screen lets it be."""
    screen = screen_named(name)
    room = screen.availableGeometry()
    window.resize(window.minimumSize())  # small enough to sit on any of them
    window.move(room.topLeft())  # as a person drags it there: Qt then says it is on that screen
    window.windowHandle().setScreen(screen)
    qtbot.waitUntil(lambda: window.screen().name() == name and room.contains(window.frameGeometry()))
    frame = window.frameGeometry().size() - window.size()
    window.resize(room.size() - frame)
    QApplication.processEvents()


def look_at(qtbot: Any, top: QWidget, where: str) -> list[str]:
    qtbot.waitExposed(top)
    for _ in range(3):  # a layout request posts the next: a scroll area sizes its page, the page lays out
        QApplication.processEvents()
    return [f"{where}: {problem}" for problem in layout_problems(top)]


@pytest.fixture
def routines_dirs(tmp_path: Path) -> tuple[Path, Path]:
    return every_builtin_routine(tmp_path)


@pytest.fixture(params=MODES)
def mode(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture
def looked(qtbot: Any, make_window: Callable[..., MainWindow],
           tmp_path: Path) -> Iterator[Callable[..., Any]]:
    """A window in the mode asked for, with the editor and the history (a few sessions) plugged in."""
    hooks, editors = [], []

    def make(mode: str) -> tuple[MainWindow, Any, Any]:
        window = make_window()
        editor = add_routine_editor(window)
        with open_history(tmp_path) as history:
            add(history, *(datetime(2026, 11, day, 19, tzinfo=BERLIN) for day in (2, 3, 4, 10, 17)))
        now = datetime(2026, 11, 19, 21, tzinfo=BERLIN)
        hook = add_history(window, tray_available=False, now=lambda: now)
        hook.load(tmp_path / "history.sqlite3")
        hooks.append(hook)
        editors.append(editor)
        large, contrast = MODES[mode]
        window.set_large_text(large)
        window.set_high_contrast(contrast)
        wanted = QApplication.palette().color(QPalette.ColorRole.Window)
        qtbot.waitUntil(lambda: window.palette().color(QPalette.ColorRole.Window) == wanted)
        return window, hook, editor

    yield make
    for editor in editors:  # a test that failed half way leaves no question about unsaved changes
        if editor.page is not None:
            editor.page.editor.draft.mark_saved()
    for hook in hooks:
        if hook.window.driver is not None and hook.window.driver.running:
            hook.window.driver.stop()
        hook.close()


def fits(problems: list[str]) -> None:
    assert not problems, "\n".join(["", *problems])


def classic(window: MainWindow) -> str:
    """The classic routine's name in the language in use."""
    return next(entry.name for entry in window.picker.entries() if entry.path.stem == "classic-back-session")


def start_classic(qtbot: Any, window: MainWindow) -> None:
    assert window.picker.select(classic(window))
    qtbot.keyClick(window.picker.list, Qt.Key.Key_Return)
    assert window.current_page() == "session"


@pytest.fixture(params=LANGUAGES)
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    """The language the window is made in: English, and Russian, whose words are longer."""
    use_language(qapp, request.param)
    yield request.param
    use_language(qapp, "en")


def card_names_cut(window: MainWindow) -> list[str]:
    """Routine names in the picker's list cut without a "…", or without the whole name in the tooltip."""
    problems = []
    picker = window.picker
    card = picker.list.itemDelegate()
    for row in range(picker.list.count()):
        index = picker.list.model().index(row, 0)
        option = QStyleOptionViewItem()
        option.initFrom(picker.list)
        option.rect = picker.list.visualRect(index)
        option.font = picker.list.font()
        whole = index.data(Qt.ItemDataRole.DisplayRole).split("\n")
        metrics = [QFontMetrics(font) for font in card._fonts(option)]
        for shown, text, font in zip(card.shown_lines(option, index), whole, metrics, strict=True):
            if font.horizontalAdvance(shown) > card._box(option).width() + 1:
                problems.append(f"picker: {text!r} is drawn wider than its card")
            if shown != text and not (shown.endswith("…") and text in card.tooltip(option, index)):
                problems.append(f"picker: {text!r} is cut to {shown!r} without a tooltip that has it")
    return problems


def dialogs(window: MainWindow) -> list[tuple[str, Callable[[], QDialog]]]:
    """Every dialog the window opens, each at its tallest: the notes, the answers, the test's advice."""
    no_sound = advice(NO_DEVICE)  # the longest thing a sound test says, in the language in use
    def today() -> QDialog:
        return TodayDialog(window, pregnancy=True)

    def today_no_massage() -> QDialog:
        dialog = TodayDialog(window, pregnancy=True)
        dialog.yes_button.click()
        return dialog

    def safety() -> QDialog:
        return SafetyDialog(window, pregnancy=True)

    def safety_ask_a_doctor() -> QDialog:
        dialog = SafetyDialog(window, pregnancy=True)
        for question_id in QUESTION_IDS:
            dialog.set_answer(question_id, True)
        dialog.continue_button.click()
        return dialog

    def sound_test() -> QDialog:
        dialog = SoundIntroDialog(voice_on=True, problem=no_sound, parent=window)
        return dialog

    def volume() -> QDialog:
        dialog = VolumeDialog(1.0, lambda _volume: None, 1.0, lambda _volume: None, window)
        dialog.show_check(SoundCheckResult(False, no_sound))
        return dialog

    def reminders() -> QDialog:
        return RemindersDialog(True, [], "19:00", window)

    return [("today's question", today), ("no massage today", today_no_massage), ("safety", safety),
            ("ask a doctor", safety_ask_a_doctor), ("sound test", sound_test), ("volume", volume),
            ("reminders", reminders)]


def every_size(qtbot: Any, window: MainWindow, what: str, show: Callable[[], list[QWidget]]) -> list[str]:
    """The problems of what `show()` brings up (the window, or the dialogs it returns), at every size."""
    problems = []
    for size in SIZES:
        fill_screen(qtbot, window, size)
        tops = show()
        for top in tops:
            top.show()
        for top in tops or [window]:
            problems += look_at(qtbot, top, f"{size} {what}")
        for top in tops:  # over its window, not on another screen
            under = QGuiApplication.screenAt(top.frameGeometry().center())
            if under is None or under.name() != size:
                problems.append(f"{size} {what}: opens on {under.name() if under else 'no'} screen")
        for top in tops:
            top.close()
            top.deleteLater()
    return problems


def test_every_page_and_dialog(qtbot, looked, clock, mode, language):
    """The picker (every routine's card), the Learn page, each dialog, a running step, the step paused, the
    stop question, the summary with its check-in, before and after ticking Pain."""
    window, _, _ = looked(mode)
    learn = add_learn_page(window)
    problems: list[str] = []

    def picker() -> list[QWidget]:
        for entry in window.picker.entries():
            window.picker.select(entry.name)
            problems.extend(look_at(qtbot, window, f"{window.screen().name()} picker, {entry.name!r}"))
        problems.extend(card_names_cut(window))
        window.picker.select(classic(window))
        return []

    problems += every_size(qtbot, window, "picker", picker)
    learn.open()
    problems += every_size(qtbot, window, "Learn", lambda: [])
    window.back_to_routines()
    for name, make in dialogs(window):
        problems += every_size(qtbot, window, name, lambda make=make: [make()])
    activate(qtbot, window)  # as the desktop does when a dialog closes

    start_classic(qtbot, window)
    engine = window.driver.engine
    rubbing = next(i for i, step in enumerate(engine.routine.steps) if step.technique is Technique.RUBBING)
    while engine.index < rubbing:
        advance(window, clock, 1, step=1)
    advance(window, clock, 2, step=1)
    problems += every_size(qtbot, window, "session", lambda: [])
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert window.driver.paused
    problems += every_size(qtbot, window, "session paused", lambda: [])
    qtbot.keyClick(window, Qt.Key.Key_Space)
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert window.sessions.asking_to_stop
    problems += every_size(qtbot, window, "stop question", lambda: [])
    window.sessions.stop_panel.now_button.click()
    assert window.current_page() == "summary"
    problems += every_size(qtbot, window, "summary", lambda: [])
    window.summary.checkin_panel.symptom_boxes[Symptom.PAIN].setChecked(True)
    problems += every_size(qtbot, window, "summary, Pain ticked", lambda: [])
    fits(problems)


@pytest.mark.parametrize("size", SIZES)
def test_ticking_pain_keeps_save_where_it_was(qtbot, looked, clock, size):
    """The advice that comes with Pain shows above Save, never pushing Save from under the pointer."""
    window, _, _ = looked("both")
    fill_screen(qtbot, window, size)
    start_classic(qtbot, window)
    window.driver.stop()
    panel = window.summary.checkin_panel
    look_at(qtbot, window, size)
    where = {button: button.mapToGlobal(button.rect().center()) for button in (panel.skip_button,
             panel.save_button, window.summary.done_button)}
    panel.symptom_boxes[Symptom.PAIN].setChecked(True)
    qtbot.waitUntil(panel.hint.isVisible)
    fits(look_at(qtbot, window, size))
    assert {button: button.mapToGlobal(button.rect().center()) for button in where} == where
    assert all(window.rect().contains(window.mapFromGlobal(point)) for point in where.values())


def sideways(top: QWidget) -> list[str]:
    """A page, or a part of one that scrolls, that scrolls sideways: half of every line is out of sight.
    (A table of its own may, as the editor's steps do.)"""
    return [f"{type(area).__name__}({area.objectName() or area.accessibleName()!r}) scrolls sideways, "
            f"{area.widget().width()} px in {area.viewport().width()}"
            for area in top.findChildren(QScrollArea)
            if area.isVisible() and area.horizontalScrollBar().isVisible() and area.widget() is not None]


def within_reach(buttons: list[QAbstractButton]) -> list[str]:
    return [f"{button.text()!r} is hidden" for button in buttons if not button.isVisible()]


def editor_at_every_size(qtbot: Any, window: MainWindow, what: str, buttons: list[QAbstractButton]
                         ) -> list[str]:
    problems = []
    for size in SIZES:
        fill_screen(qtbot, window, size)
        where = f"{what}, {size}"
        problems += look_at(qtbot, window, where)
        problems += [f"{where}: {problem}" for problem in sideways(window) + within_reach(buttons)]
    return problems


@pytest.mark.parametrize("mode", MODES)
def test_the_routine_editor(qtbot, looked, mode, language):
    """A built-in routine (its banner) and one of yours with a warning and its fix: the steps may scroll,
    Done, Undo, Redo, Preview, Start and Save stay in sight."""
    window, _, hook = looked(mode)
    page = hook.open()
    assert page.select_routine(classic(window))
    editor = page.editor
    problems = editor_at_every_size(qtbot, window, "built in", [page.done_button, editor.preview_button,
                                                                editor.duplicate_button])
    page.files.duplicate_routine()  # yours now
    assert not editor.read_only
    last = len(editor.draft.steps) - 1
    editor.select_step(last)
    editor.intensity_combo.setCurrentIndex(editor.intensity_combo.findData(Intensity.MODERATE.value))  # a fix
    assert editor.problem_rows and editor.draft.dirty
    problems += editor_at_every_size(qtbot, window, "yours, changed", [
        page.done_button, editor.undo_button, editor.redo_button, editor.preview_button, editor.start_button,
        editor.save_button])
    fits(problems)


@pytest.mark.parametrize("mode", MODES)
def test_the_history_review(qtbot, looked, mode, language):
    window, hook, _ = looked(mode)
    assert hook.open_review() is not None
    review = hook.review
    review.wait_for_minutes()
    qtbot.waitUntil(lambda: bool(review.technique_bars.values()))
    review.select_row(0)
    problems = []
    for size in SIZES:
        fill_screen(qtbot, window, size)
        problems += look_at(qtbot, window, size)
        problems += [f"{size}: {problem}" for problem in sideways(window)]
        problems += [f"{size}: {problem}" for problem in within_reach([hook.screen.back_button])]
    fits(problems)


def face(button: QAbstractButton, x: int, y: int) -> QColor:
    image = button.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    return QColor(image.pixel(x, y))


def near(colour: QColor, wanted: str) -> bool:
    other = QColor(wanted)
    return max(abs(colour.red() - other.red()), abs(colour.green() - other.green()),
               abs(colour.blue() - other.blue())) <= 24


@pytest.mark.parametrize("mode", ["large text", "both"])
def test_the_editor_and_the_review_wear_the_apps_look(qtbot, looked, mode):
    """Buttons as the picker draws them (round, the theme's edge and face, the main action in the accent),
    text in the app's size, and table rows with room round their text."""
    window, history, hook = looked(mode)
    fill_screen(qtbot, window, "1366x768")
    look = colours(MODES[mode][1])
    page = hook.open()
    assert page.select_routine("Classic back session")
    page.files.duplicate_routine()
    editor = page.editor
    editor.select_step(0)
    editor.seconds_spin.setValue(editor.seconds_spin.value() + 5)  # Save is on
    QApplication.processEvents()
    window.picker.setFocus()  # no button has the focus ring
    for button in (page.done_button, editor.undo_button, editor.preview_button, editor.add_button):
        middle = button.height() // 2
        assert near(face(button, 0, middle), look.border), button.text()  # the theme's 2-px edge
        assert near(face(button, 6, middle), look.surface), button.text()
        assert near(face(button, 1, 1), look.window), button.text()  # a round corner
    save = editor.save_button
    assert near(face(save, 6, save.height() // 2), look.accent)
    body = QApplication.font().pointSizeF()
    for widget in (editor.name_edit, editor.table, page.list, editor.stage_combo):
        assert widget.font().pointSizeF() == pytest.approx(body), type(widget).__name__
    for table in (editor.table,):
        assert table.verticalHeader().defaultSectionSize() >= QFontMetrics(table.font()).height() + 12

    assert history.open_review() is not None
    review = history.review
    back = history.screen.back_button
    middle = back.height() // 2
    assert near(face(back, 0, middle), look.border) and near(face(back, 6, middle), look.surface)
    assert near(face(back, 1, 1), look.window)
    for widget in (review.table, review.plan_box):
        assert widget.font().pointSizeF() == pytest.approx(body), type(widget).__name__
    rows = review.table.verticalHeader().defaultSectionSize()
    assert rows >= QFontMetrics(review.table.font()).height() + 12


def test_the_window_fits_its_screen_and_never_grows_by_itself(qtbot, make_window, clock):
    window = make_window()
    assert window.size() == QSize(1120, 720)  # it opens at this size where the screen has the room
    for name in ("1366x768", "800x600", "720x540"):  # moved to a smaller screen, it shrinks to fit
        screen = screen_named(name)
        window.move(screen.availableGeometry().topLeft())
        window.windowHandle().setScreen(screen)
        qtbot.waitUntil(lambda screen=screen: screen.availableGeometry().contains(window.frameGeometry()))
    assert window.minimumSize().width() <= 720 and window.minimumSize().height() <= 540
    fill_screen(qtbot, window, "1024x600")
    size = window.size()
    window.set_large_text(True)
    window.set_high_contrast(True)
    assert window.picker.select(CLASSIC)
    qtbot.keyClick(window.picker.list, Qt.Key.Key_Return)
    advance(window, clock, 30, step=1)
    qtbot.keyClick(window, Qt.Key.Key_Space)
    window.driver.stop()
    window.summary.checkin_panel.symptom_boxes[Symptom.PAIN].setChecked(True)
    QApplication.processEvents()
    assert window.size() == size
    window.resize(720, 540)  # as small as it gets
    qtbot.waitUntil(lambda: window.size() == QSize(720, 540))


def questions(window: MainWindow, history: Any, editor: Any) -> list[tuple[str, Callable[[], object]]]:
    """Each question the window asks, by what a person does to meet it."""
    page = editor.open()
    assert page.select_routine(classic(window))
    page.files.duplicate_routine()  # yours, so it can be deleted
    return [("About", window.actions["about"].trigger), ("your own plan", history.plan_menu.ask_custom_plan),
            ("delete a routine", page.files.delete_routine), ("rename a routine", page.files.rename_routine),
            ("unsaved changes", lambda: page.prompts.unsaved(page.editor.name_edit.text())),
            ("quit during a session", lambda: (start_classic_from(window), window.sessions.stop_to_quit()))]


def start_classic_from(window: MainWindow) -> None:
    window.back_to_routines()
    assert window.picker.select(classic(window))
    window.picker.request_start()
    assert window.current_page() == "session"


def question_problems(qtbot: Any, window: MainWindow, panel: QuestionPanel, where: str,
                      look: Any) -> list[str]:
    """What is wrong with the question open in `window`; then Esc answers it."""
    problems = look_at(qtbot, window, where)
    if panel.geometry() != window.rect():
        problems.append(f"{where}: covers {panel.geometry()} of {window.rect()}")
    card = panel.card.grab().toImage()
    if not near(QColor(card.pixel(14, card.height() // 2)), look.surface):
        problems.append(f"{where}: the card is not in the theme's colour")
    if panel.text.font().pointSizeF() != pytest.approx(QApplication.font().pointSizeF()):
        problems.append(f"{where}: its text is {panel.text.font().pointSizeF()} pt")
    driver = window.driver
    if driver is not None and driver.running and not driver.paused:
        problems.append(f"{where}: the countdown runs on under the question")
    qtbot.keyClick(panel.focusWidget(), Qt.Key.Key_Escape)
    return problems


@pytest.mark.parametrize("mode", MODES)
def test_every_question_is_asked_in_the_window_in_its_look(qtbot, looked, mode, language):
    """Quit during a session, About, deleting a routine, unsaved changes and your own plan's number: a card
    in the window (not a stock box) in the theme and text size, that fits at every size; Esc answers it as
    "no", and the countdown waits while the quit question is open."""
    window, history, editor = looked(mode)
    look = colours(MODES[mode][1])
    problems: list[str] = []
    for size in SIZES:
        fill_screen(qtbot, window, size)
        for what, asking in questions(window, history, editor):
            seen = while_asked(lambda panel, where=f"{size} {what}": question_problems(qtbot, window, panel,
                                                                                       where, look))
            asking()
            qtbot.waitUntil(lambda seen=seen: bool(seen))
            problems += [str(found) for found in seen if found]
        driver = window.driver
        assert driver is not None and driver.running and not driver.paused  # "Keep going" goes on
        driver.stop()
    fits(problems)


@pytest.mark.parametrize("mode", ["high contrast", "both"])
def test_the_learn_pages_back_button_and_the_editors_own_window_wear_the_apps_look(qtbot, looked, mode,
                                                                                    routines_dirs):
    window, _, _ = looked(mode)
    fill_screen(qtbot, window, "1366x768")
    look = colours(MODES[mode][1])
    page = add_learn_page(window).open()
    back = page.back_button
    middle = back.height() // 2
    assert near(face(back, 0, middle), look.border) and near(face(back, 6, middle), look.surface)

    builtin, user = routines_dirs
    own = EditorWindow(RoutineLibrary(user, builtin))
    qtbot.addWidget(own)
    own.show()
    qtbot.waitExposed(own)
    assert own.page.select_routine(CLASSIC)
    own.page.files.duplicate_routine()
    own.page.editor.seconds_spin.setValue(own.page.editor.seconds_spin.value() + 5)  # Save is on
    save, undo = own.page.editor.save_button, own.page.editor.undo_button
    assert near(face(save, 6, save.height() // 2), look.accent)
    assert near(face(undo, 0, undo.height() // 2), look.border) and near(face(undo, 1, 1), look.window)
    assert own.page.editor.table.font().pointSizeF() == pytest.approx(QApplication.font().pointSizeF())
    own.page.editor.draft.mark_saved()


@pytest.mark.parametrize("mode", MODES)
def test_the_status_line_about_no_tray_is_whole_at_800_px(qtbot, looked, mode, language):
    """With no tray the window says so on its status line (tests/qt/test_history_hook.py); the line is
    drawn in one row that is cut, never wrapped, so the sentence must fit the smallest window."""
    window, _, _ = looked(mode)
    bar = window.statusBar()
    line = bar.currentMessage()
    assert line  # said once the history (and with it the tray) was plugged in
    fill_screen(qtbot, window, "800x600")
    grip = bar.findChild(QSizeGrip)
    room = bar.width() - (grip.width() if grip is not None and grip.isVisible() else 0) - 12
    assert QFontMetrics(bar.font()).horizontalAdvance(line) <= room, (line, room)


def test_the_chosen_step_stays_in_sight_when_the_window_changes_size(qtbot, looked):
    window, _, hook = looked("large text")
    page = hook.open()
    assert page.select_routine(classic(window))
    editor = page.editor
    for size in ("1920x1080", "800x600", "1366x768", "1024x600"):
        fill_screen(qtbot, window, size)
        for step in (len(editor.draft.steps) - 3, 2):
            editor.select_step(step)
            for other in SIZES:
                fill_screen(qtbot, window, other)
                look_at(qtbot, window, other)
                row = editor.table.visualRect(editor.table.currentIndex())
                assert editor.table.viewport().rect().contains(row), (size, other, step, row)


@pytest.mark.parametrize("mode", ["large text", "both"])
def test_at_800x600_in_large_text_the_steps_and_their_buttons_fit_the_editors_view(qtbot, looked, mode,
                                                                                  language):
    """The editor's part that scrolls is tall enough to show the steps with Add, Remove and Move under them
    at once: picking a step and moving it needs no scrolling back and forth."""
    window, _, hook = looked(mode)
    page = hook.open()
    assert page.select_routine(classic(window))
    page.files.duplicate_routine()
    editor = page.editor
    fill_screen(qtbot, window, "800x600")
    look_at(qtbot, window, "800x600")
    body = editor.scroll.widget()
    top = editor.table.mapTo(body, editor.table.rect().topLeft()).y()
    lowest = max(button.mapTo(body, button.rect().bottomLeft()).y() for button in (
        editor.add_button, editor.remove_button, editor.up_button, editor.down_button))
    room = editor.scroll.viewport().height()
    assert lowest - top <= room, (lowest - top, room)
