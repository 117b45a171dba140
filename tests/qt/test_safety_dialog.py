"""The safety check as a person meets it: answered by mouse or keyboard, a "yes" stops the session."""

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from selfmassage.core.routine import Routine, Step
from selfmassage.core.safety import QUESTION_IDS, QUESTIONS
from selfmassage.core.techniques import Profile, Stage, Technique
from selfmassage.qt.safety_dialog import PregnancyNoteDialog, SafetyDialog, ask_safety
from selfmassage.store.safety import SafetyStore

NOW = datetime(2025, 3, 1, 19, 0, tzinfo=UTC)
ALL_NO = dict.fromkeys(QUESTION_IDS, False)
STEPS = (Step(Stage.PREPARATORY, Technique.STROKING, "lower back", 60),)
BACK = Routine("Back", STEPS)
PREGNANCY = Routine("Gentle back", STEPS, profile=Profile.PREGNANCY)


@pytest.fixture
def store(tmp_path):
    return SafetyStore(tmp_path / "safety.json")


@pytest.fixture
def parent(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    return window


def on_open(act: Callable[[QDialog], None]) -> list[QDialog | None]:
    """Run `act` on whatever modal dialog is open once the event loop turns; returns what it saw."""
    seen: list[QDialog | None] = []

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        seen.append(dialog)
        if dialog is None:
            return
        try:
            act(dialog)
        except BaseException:
            dialog.reject()  # never leave a test hanging in exec(); pytest-qt reports the error
            raise

    QTimer.singleShot(0, run)
    return seen


def click(qtbot, button):
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def answer_all(qtbot, dialog, yes=()):
    for question_id in QUESTION_IDS:
        button = dialog.yes_button(question_id) if question_id in yes else dialog.no_button(question_id)
        click(qtbot, button)


def test_all_no_goes_ahead_and_is_remembered(qtbot, parent, store):
    def act(dialog):
        assert isinstance(dialog, SafetyDialog)
        assert not dialog.continue_button.isEnabled()
        answer_all(qtbot, dialog)
        assert dialog.continue_button.isEnabled()
        click(qtbot, dialog.continue_button)

    seen = on_open(act)
    assert ask_safety(parent, store, BACK, now=NOW) is True
    assert len(seen) == 1
    assert store.answers == ALL_NO
    assert SafetyStore(store.path).last_checked == NOW


def test_continue_waits_until_every_question_is_answered(qtbot):
    dialog = SafetyDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    for question_id in QUESTION_IDS[:-1]:
        click(qtbot, dialog.no_button(question_id))
    assert not dialog.continue_button.isEnabled()
    assert dialog.progress.text() == "1 question left to answer."
    click(qtbot, dialog.yes_button(QUESTION_IDS[-1]))
    assert dialog.continue_button.isEnabled()
    assert dialog.progress.text() == "All questions answered."


def test_nothing_is_chosen_at_first():
    dialog = SafetyDialog()
    assert dialog.answers() == {}
    for question_id in QUESTION_IDS:
        assert not dialog.yes_button(question_id).isChecked()
        assert not dialog.no_button(question_id).isChecked()
    dialog.deleteLater()


def test_any_yes_shows_the_doctor_message_and_does_not_start(qtbot, parent, store):
    shown = {}

    def act(dialog):
        answer_all(qtbot, dialog, yes={"clots"})
        click(qtbot, dialog.continue_button)
        shown["stop"] = dialog.showing_stop() and dialog.stop_message.isVisible()
        shown["message"] = dialog.stop_message.text()
        shown["list"] = dialog.yes_list.accessibleName()
        click(qtbot, dialog.close_button)

    on_open(act)
    assert ask_safety(parent, store, BACK, now=NOW) is False
    assert shown["stop"] is True
    assert "Please ask a doctor before you massage" in shown["message"]
    assert "blood clot" in shown["list"]
    assert "fever" not in shown["list"]  # only what the person said yes to
    # The "yes" is remembered, so the next session asks again, even a minute later.
    assert store.answers["clots"] is True
    assert SafetyStore(store.path).needs_check(NOW + timedelta(minutes=1)) is True


def test_a_yes_by_mistake_can_be_changed(qtbot, parent, store):
    def act(dialog):
        answer_all(qtbot, dialog, yes={"fever"})
        click(qtbot, dialog.continue_button)
        assert dialog.showing_stop()
        click(qtbot, dialog.back_button)
        assert not dialog.showing_stop()
        click(qtbot, dialog.no_button("fever"))
        click(qtbot, dialog.continue_button)

    on_open(act)
    assert ask_safety(parent, store, BACK, now=NOW) is True
    assert store.answers == ALL_NO


def test_keyboard_only_y_and_n_answer_and_enter_continues(qtbot, parent, store):
    def act(dialog):
        assert dialog.focusWidget() is dialog.yes_button(QUESTION_IDS[0])
        for _ in QUESTION_IDS:
            qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_N)
        assert dialog.focusWidget() is dialog.continue_button
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)

    on_open(act)
    assert ask_safety(parent, store, BACK, now=NOW) is True
    assert store.answers == ALL_NO


def test_keyboard_only_tab_moves_between_questions_and_space_answers(qtbot):
    dialog = SafetyDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    # The keyboard starts on the first question.
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.yes_button("fever"))
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Right)  # Yes → No within the question
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Space)
    assert dialog.answers() == {"fever": False}
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.yes_button("skin")


def test_keyboard_only_a_yes_then_space_on_close(qtbot, parent, store):
    def act(dialog):
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Y)
        for _ in QUESTION_IDS[1:]:
            qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_N)
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
        assert dialog.showing_stop()
        assert dialog.focusWidget() is dialog.close_button
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Space)

    on_open(act)
    assert ask_safety(parent, store, BACK, now=NOW) is False
    assert store.answers["fever"] is True


def test_escape_closes_without_starting_or_remembering(qtbot, parent, store):
    def act(dialog):
        click(qtbot, dialog.no_button("fever"))
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    on_open(act)
    assert ask_safety(parent, store, BACK, now=NOW) is False
    assert store.last_checked is None


def test_not_asked_again_within_30_days(qtbot, parent, store):
    store.record(ALL_NO, NOW)
    seen = on_open(lambda dialog: dialog.reject())
    assert ask_safety(parent, store, BACK, now=NOW + timedelta(days=29)) is True
    qtbot.waitUntil(lambda: len(seen) == 1)
    assert seen == [None]  # no dialog was open when the timer fired


def test_asked_again_after_30_days(qtbot, parent, store):
    store.record(ALL_NO, NOW)
    later = NOW + timedelta(days=30)

    def act(dialog):
        assert isinstance(dialog, SafetyDialog)
        answer_all(qtbot, dialog)
        click(qtbot, dialog.continue_button)

    seen = on_open(act)
    assert ask_safety(parent, store, BACK, now=later) is True
    assert len(seen) == 1
    assert store.last_checked == later


@pytest.mark.parametrize("how", ["request_recheck", "force"])
def test_asked_again_when_the_person_asks(qtbot, parent, store, how):
    store.record(ALL_NO, NOW)
    if how == "request_recheck":
        store.request_recheck()
    seen = on_open(lambda dialog: click(qtbot, dialog.cancel_button))
    assert ask_safety(parent, store, BACK, now=NOW + timedelta(days=1), force=how == "force") is False
    assert len(seen) == 1 and isinstance(seen[0], SafetyDialog)


def test_the_pregnancy_note_is_in_the_checklist_for_a_pregnancy_routine(qtbot, parent, store):
    shown = {}

    def act(dialog):
        shown["visible"] = dialog.pregnancy_note is not None and dialog.pregnancy_note.isVisible()
        shown["text"] = dialog.pregnancy_note.accessibleDescription() if dialog.pregnancy_note else ""
        answer_all(qtbot, dialog)
        click(qtbot, dialog.continue_button)

    on_open(act)
    assert ask_safety(parent, store, PREGNANCY, now=NOW) is True
    assert shown["visible"] is True
    assert "45 minutes" in shown["text"] and "lie on your side" in shown["text"]


def test_a_standard_routine_has_no_pregnancy_note(qtbot):
    dialog = SafetyDialog()
    qtbot.addWidget(dialog)
    assert dialog.pregnancy_note is None
    assert dialog.with_care_note.accessibleDescription().count("doctor") == 1


@pytest.mark.parametrize(("button", "expected"), [("continue_button", True), ("cancel_button", False)])
def test_the_pregnancy_note_is_shown_each_time_even_when_checked(qtbot, parent, store, button, expected):
    store.record(ALL_NO, NOW)
    shown = {}

    def act(dialog):
        shown["type"] = type(dialog)
        shown["text"] = dialog.note.accessibleName()
        click(qtbot, getattr(dialog, button))

    on_open(act)
    assert ask_safety(parent, store, PREGNANCY, now=NOW + timedelta(days=2)) is expected
    assert shown["type"] is PregnancyNoteDialog
    assert "light techniques only" in shown["text"].lower()


def test_every_control_has_an_accessible_name(qtbot):
    dialog = SafetyDialog(pregnancy=True)
    qtbot.addWidget(dialog)
    from PySide6.QtWidgets import QAbstractButton

    buttons = dialog.findChildren(QAbstractButton)
    assert len(buttons) == 2 * len(QUESTIONS) + 4
    for button in buttons:
        assert button.accessibleName(), button.text()
    # A group of two radio buttons per question, read as "Question 1 of 9: Do you have a fever? Yes / No".
    assert dialog.yes_button("fever").accessibleName() == "Yes"
    assert dialog.rows[0].accessibleName() == f"Question 1 of {len(QUESTIONS)}: Do you have a fever?"
    assert dialog.rows[0].accessibleDescription().startswith("Yes / No")


def test_text_is_large(qtbot):
    dialog = SafetyDialog()
    qtbot.addWidget(dialog)
    assert dialog.rows[0].label.font().pointSize() >= 15
    assert dialog.yes_button("fever").font().pointSize() >= 15


def test_the_built_in_pregnancy_routine_gets_its_note(qtbot, parent):
    from selfmassage.resources import asset_path
    from selfmassage.store.library import Source, read_routine_file

    entry = read_routine_file(asset_path("routines", "pregnancy-safe-light-massage.json"), Source.BUILTIN)
    assert entry.routine is not None
    store = SafetyStore.default()  # the config dir, isolated per test by tests/conftest.py
    shown = {}

    def act(dialog):
        shown["note"] = dialog.pregnancy_note is not None and dialog.pregnancy_note.isVisible()
        answer_all(qtbot, dialog)
        click(qtbot, dialog.continue_button)

    on_open(act)
    assert ask_safety(parent, store, entry.routine, now=NOW) is True
    assert shown["note"] is True
    assert SafetyStore.default().last_checked == NOW
