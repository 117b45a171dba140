"""The safety questions stand between Start and the session: a "yes" keeps the session from starting."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from selfmassage.core import safety
from selfmassage.core.safety import QUESTION_IDS
from selfmassage.core.techniques import Intensity
from selfmassage.qt.safety_dialog import SafetyDialog
from selfmassage.qt.safety_gate import DialogSafetyGate
from selfmassage.qt.today_dialog import TodayDialog
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


def real_today(window, store) -> None:
    """The window asks today's question for real (the other tests answer it "none of these")."""
    window.parts.safety = DialogSafetyGate(store)


def none_today(qtbot) -> list[TodayDialog]:
    """Answer the next today-question with the N key, as a person would."""
    return when_open(TodayDialog, lambda dialog: qtbot.keyClick(dialog, Qt.Key.Key_N))


def start(qtbot, window, name: str = "Short back") -> None:
    assert window.picker.select(name)
    qtbot.keyClick(window.picker.list, Qt.Key.Key_Return)


def test_a_first_session_asks_and_a_yes_keeps_it_from_starting(qtbot, window, tmp_path):
    store = fresh_gate(window, tmp_path)
    stopped = {}

    def say_yes(dialog):
        answer(qtbot, dialog, yes={"cancer"})
        stopped["page"] = dialog.showing_stop()
        qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)

    today = none_today(qtbot)
    seen = when_open(SafetyDialog, say_yes)
    start(qtbot, window)
    assert len(today) == 1 and len(seen) == 1 and stopped["page"] is True
    assert window.current_page() == "picker"
    assert window.driver is None
    assert store.answers["cancer"] is True


def test_all_no_goes_ahead_into_the_session(qtbot, window, tmp_path):
    fresh_gate(window, tmp_path)
    none_today(qtbot)
    seen = when_open(SafetyDialog, lambda dialog: answer(qtbot, dialog))
    start(qtbot, window)
    assert len(seen) == 1
    assert window.current_page() == "session"
    assert window.session_view.technique.text() == "Stroking"


def test_todays_question_comes_before_every_session_with_the_list(qtbot, window, safety_store):
    real_today(window, safety_store)  # the checklist was answered just now: only today's question
    shown: list[str] = []
    for attempt in range(1, 3):
        when_open(TodayDialog, lambda dialog: shown.append(dialog.states.text())
                  or qtbot.keyClick(dialog, Qt.Key.Key_N))
        start(qtbot, window)
        assert window.current_page() == "session" and len(shown) == attempt
        assert all(state in shown[-1] for state in safety.TODAY_STATES)
        window.driver.stop()
        window.back_to_routines()


def test_a_yes_today_means_no_session_and_says_why(qtbot, window, safety_store):
    real_today(window, safety_store)
    said = {}

    def yes_today(dialog):
        qtbot.keyClick(dialog, Qt.Key.Key_Y)
        said["stop"] = dialog.showing_stop() and dialog.stop_message.text()
        qtbot.keyClick(dialog.close_button, Qt.Key.Key_Space)

    when_open(TodayDialog, yes_today)
    start(qtbot, window)
    assert said["stop"] == safety.TODAY_STOP_MESSAGE
    assert window.current_page() == "picker" and window.driver is None


def test_a_pregnancy_routine_shows_its_note_with_todays_question(qtbot, window, routines_dirs, safety_store):
    import json

    from qt_helpers import SHORT

    builtin, _user = routines_dirs
    gentle = {**SHORT, "name": "Gentle", "profile": "pregnancy",
              "steps": [step for step in SHORT["steps"] if step["technique"] in ("stroking", "rubbing")]}
    (builtin / "gentle.json").write_text(json.dumps(gentle), encoding="utf-8")
    window.refresh_routines()
    real_today(window, safety_store)
    notes = []
    when_open(TodayDialog, lambda dialog: notes.append(dialog.pregnancy_note) or dialog.reject())
    start(qtbot, window, "Gentle")
    assert notes and notes[0] is not None and notes[0].accessibleName() == safety.PREGNANCY_TITLE
    assert window.current_page() == "picker"  # closed: no session


def test_a_spine_yes_makes_every_step_beside_the_spine_light_and_says_so_once(qtbot, window, safety_store,
                                                                               routines_dirs):
    import json

    _builtin, user = routines_dirs
    spine_work = user / "spine-work.json"
    spine_work.write_text(json.dumps({"format": 1, "name": "Spine work", "steps": [
        {"stage": "preparatory", "technique": "stroking", "area": "lower back", "seconds": 3},
        {"stage": "medium-deep", "technique": "rubbing", "area": "along the spine", "seconds": 4,
         "intensity": "moderate"},
        {"stage": "deep", "technique": "kneading", "area": "neck", "seconds": 3, "intensity": "firm"},
        {"stage": "deep", "technique": "kneading", "area": "shoulders", "seconds": 3,
         "intensity": "moderate"},
        {"stage": "final", "technique": "stroking", "area": "lower back", "seconds": 2}]}), encoding="utf-8")
    before = spine_work.read_bytes()
    window.refresh_routines()
    assert not any(window.picker.softened(entry) for entry in window.picker.entries())  # no spine answer yet
    safety_store.record({**dict.fromkeys(QUESTION_IDS, False), "spine": True}, safety_store.last_checked)
    window.refresh_routines()
    # The picker marks the routines that will run lighter than written: only one works hard by the spine.
    marked = {entry.name for entry in window.picker.entries() if window.picker.softened(entry)}
    assert marked == {"Spine work"}
    assert window.picker.select("Spine work")
    assert "lighter beside your spine" in window.picker.source.text()
    start(qtbot, window, "Spine work")
    assert window.current_page() == "session"
    engine = window.driver.engine
    assert [step.intensity for step in engine.routine.steps] == [Intensity.LIGHT] * 3 + [Intensity.MODERATE,
                                                                                       Intensity.LIGHT]
    assert window.notice.isVisible() and safety.SPINE_SOFTENED in window.notice.text()
    assert spine_work.read_bytes() == before  # the routine file is never changed


def test_the_help_menu_asks_the_questions_again(qtbot, window, safety_store):
    seen = when_open(SafetyDialog, lambda dialog: answer(qtbot, dialog, yes={"cancer"}) or dialog.reject())
    window.actions["safety"].trigger()
    assert len(seen) == 1
    assert safety_store.answers["cancer"] is True  # kept: the next session asks again
