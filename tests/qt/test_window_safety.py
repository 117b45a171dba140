"""The safety questions stand between Start and the session: a "yes" keeps the session from starting."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from selfmassage.core.safety import QUESTION_IDS
from selfmassage.qt.safety_dialog import PregnancyNoteDialog, SafetyDialog
from selfmassage.qt.safety_gate import DialogSafetyGate
from selfmassage.store.safety import SafetyStore


def when_open(kind, act) -> list[object]:
    """Run `act(dialog)` on the next modal dialog of `kind` once it is open; the list gets what was seen."""
    seen: list[object] = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind):
            QTimer.singleShot(5, look)
            return
        seen.append(dialog)
        try:
            act(dialog)
        except BaseException:
            dialog.reject()  # never leave the test hanging in exec()
            raise

    QTimer.singleShot(0, look)
    return seen


def answer(qtbot, dialog, yes=()):
    for question_id in QUESTION_IDS:
        button = dialog.yes_button(question_id) if question_id in yes else dialog.no_button(question_id)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.continue_button, Qt.MouseButton.LeftButton)


def fresh_gate(window, tmp_path) -> SafetyStore:
    store = SafetyStore(tmp_path / "never-asked.json")
    window.parts.safety = DialogSafetyGate(store)
    return store


def test_a_first_session_asks_and_a_yes_keeps_it_from_starting(qtbot, window, tmp_path):
    store = fresh_gate(window, tmp_path)
    stopped = {}

    def say_yes(dialog):
        answer(qtbot, dialog, yes={"fever"})
        stopped["page"] = dialog.showing_stop()
        qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)

    seen = when_open(SafetyDialog, say_yes)
    assert window.picker.select("Short back")
    qtbot.keyClick(window.picker.list, Qt.Key.Key_Return)
    assert len(seen) == 1 and stopped["page"] is True
    assert window.current_page() == "picker"
    assert window.driver is None
    assert store.answers["fever"] is True


def test_all_no_goes_ahead_into_the_session(qtbot, window, tmp_path):
    fresh_gate(window, tmp_path)
    seen = when_open(SafetyDialog, lambda dialog: answer(qtbot, dialog))
    assert window.picker.select("Short back")
    qtbot.keyClick(window.picker.list, Qt.Key.Key_Return)
    assert len(seen) == 1
    assert window.current_page() == "session"
    assert window.session_view.technique.text() == "Stroking"


def test_answered_recently_it_starts_at_once(qtbot, window):
    assert window.picker.select("Short back")
    qtbot.keyClick(window.picker.list, Qt.Key.Key_Return)
    assert window.current_page() == "session"


def test_a_pregnancy_routine_shows_its_note_first(qtbot, window, routines_dirs):
    import json

    from qt_helpers import SHORT

    builtin, _user = routines_dirs
    gentle = {**SHORT, "name": "Gentle", "profile": "pregnancy",
              "steps": [step for step in SHORT["steps"] if step["technique"] in ("stroking", "rubbing")]}
    (builtin / "gentle.json").write_text(json.dumps(gentle), encoding="utf-8")
    window.refresh_routines()
    seen = when_open(PregnancyNoteDialog, lambda dialog: dialog.reject())
    assert window.picker.select("Gentle")
    qtbot.keyClick(window.picker.list, Qt.Key.Key_Return)
    assert len(seen) == 1
    assert window.current_page() == "picker"  # "not now" on the note: no session


def test_the_help_menu_asks_the_questions_again(qtbot, window, safety_store):
    seen = when_open(SafetyDialog, lambda dialog: answer(qtbot, dialog, yes={"fever"}) or dialog.reject())
    window.actions["safety"].trigger()
    assert len(seen) == 1
    assert safety_store.answers["fever"] is True  # kept: the next session asks again
