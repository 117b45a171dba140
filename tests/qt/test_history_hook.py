"""The history in the real window: sessions kept as they run, the review, the plan, the tray, reminders, start
at login, and a line in the window for every missing piece — driven as a person would, on a fake clock."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTime, QTimer
from PySide6.QtWidgets import QApplication
from qt_helpers import activate, advance, answer_box, while_asked

from selfmassage.core.checkin import Symptom
from selfmassage.core.events import SessionFinished, StepStarted
from selfmassage.core.plan import Plan, PlanKind
from selfmassage.qt.history_hook import HistoryHook, add_history
from selfmassage.qt.main_window import MainWindow
from selfmassage.qt.missing_pieces import MISSING_BUILTINS, tell_missing_pieces
from selfmassage.qt.reminders_dialog import RemindersDialog
from selfmassage.qt.review import ReviewPage
from selfmassage.qt.tray_hook import TRAY_FLAG
from selfmassage.store import autostart
from selfmassage.store.history import History
from selfmassage.store.paths import history_path
from selfmassage.store.settings import Settings
from tests.history_support import BERLIN, MONDAY_EVENING, add

ROOT = Path(__file__).resolve().parents[2]
NO_TRAY = "No tray here: reminders show only while the window is open."


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "data" / "history.sqlite3"


@pytest.fixture
def with_history(make_window: Callable[..., MainWindow], db: Path) -> Iterator[Callable[..., HistoryHook]]:
    """The window as the app builds it: the history hook first, its file opened after the window shows."""
    hooks: list[HistoryHook] = []

    def make(path: Path | None = None, *, tray: bool = False) -> HistoryHook:
        window = make_window()
        hook = add_history(window, tray_available=tray)
        hook.load(path or db)
        hooks.append(hook)
        return hook

    yield make
    for hook in hooks:
        window = hook.window
        if window.driver is not None and window.driver.running:
            window.driver.stop()
        hook.close()


def start(qtbot: Any, window: MainWindow, name: str = "Short back") -> None:
    assert window.picker.select(name)
    qtbot.keyClick(window.picker.list, Qt.Key.Key_Return)
    assert window.current_page() == "session"


def sessions_in(path: Path) -> list[Any]:
    with History.open(path) as fresh:  # read back as the next start would
        return [(row, fresh.steps(row.id)) for row in fresh.sessions()]


def banner_lines(window: MainWindow) -> list[str]:
    return window.notice.text().splitlines() if window.notice.isVisible() else []


# -- sessions kept as they run -------------------------------------------------------------------------


def test_a_whole_session_is_kept_with_its_steps_and_the_checkin(qtbot, with_history, clock, db):
    hook = with_history()
    window = hook.window
    start(qtbot, window)
    with qtbot.waitSignal(window.driver.finished, timeout=2000):
        advance(window, clock, 12)
    panel = window.summary.checkin_panel
    panel.set_feeling(4)
    panel.symptom_boxes[Symptom.FATIGUE].setChecked(True)
    with qtbot.waitSignal(window.session_ended, timeout=1000):
        qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)

    [(session, steps)] = sessions_in(db)
    assert (session.routine_name, session.status, round(session.active_seconds)) == (
        "Short back", "completed", 12)
    assert [(step.technique, step.area, step.planned_seconds) for step in steps] == [
        ("stroking", "lower back", 3), ("rubbing", "shoulder blades", 4), ("kneading", "shoulders", 3),
        ("stroking", "neck", 2)]
    assert session.feeling == 4 and session.symptoms == ("fatigue",)
    assert banner_lines(window) == []  # nothing went wrong, nothing to say


def test_stopping_keeps_the_session_as_stopped_with_the_steps_done(qtbot, with_history, clock, db):
    hook = with_history()
    window = hook.window
    start(qtbot, window)
    advance(window, clock, 4)  # the first step (3 s) done, one second into the second
    qtbot.keyClick(window, Qt.Key.Key_Escape)  # the stop panel, paused
    with qtbot.waitSignal(window.driver.finished, timeout=2000):
        qtbot.mouseClick(window.sessions.stop_panel.now_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(window.session_ended, timeout=1000):
        qtbot.mouseClick(window.summary.done_button, Qt.MouseButton.LeftButton)
    [(session, steps)] = sessions_in(db)
    assert session.status == "stopped" and session.feeling is None
    # The step in progress is kept as cut short (skipped), with the second it had run.
    assert [(step.technique, step.skipped, step.actual_seconds) for step in steps] == [
        ("stroking", False, 3.0), ("rubbing", True, 1.0)]


def test_each_step_is_on_disk_before_anything_else_hears_the_next(qtbot, with_history, clock, db):
    """A listener that subscribes to the engine after the history (as the sound does), and the window's own
    events: at each step's start the session and every step before it are committed, and at the end the
    session is already marked completed."""
    hook = with_history()
    window = hook.window
    seen: list[tuple[str, int, int, str]] = []

    def committed() -> tuple[int, str]:
        reader = History.open_readonly(db)
        try:
            rows = reader.sessions()
            return (len(reader.steps(rows[0].id)), rows[0].status) if rows else (-1, "none")
        finally:
            reader.close()

    def probe(where: str) -> Callable[[object], None]:
        def hear(event: object) -> None:
            if isinstance(event, StepStarted):
                seen.append((where, event.index, *committed()))
            elif isinstance(event, SessionFinished):
                seen.append((where, -1, *committed()))
        return hear

    window.session_started.connect(lambda driver: driver.engine.subscribe(probe("engine")))
    window.session_started.connect(lambda driver: driver.event.connect(probe("window")))
    start(qtbot, window)
    advance(window, clock, 12)
    for where in ("engine", "window"):
        heard = [entry[1:] for entry in seen if entry[0] == where]
        assert heard == [(0, 0, "running"), (1, 1, "running"), (2, 2, "running"), (3, 3, "running"),
                         (-1, 4, "completed")], where


def test_the_recorder_is_subscribed_before_the_sound_and_the_window(qtbot, with_history):
    hook = with_history()
    window = hook.window
    start(qtbot, window)
    listeners = window.driver.engine._listeners
    audio = window.sessions.wired.sound
    assert listeners[0] is hook.recorder is window.sessions.wired.recorder
    assert listeners[1:3] == [audio.cues._on_event, audio.voice._on_event]  # then the sound
    assert listeners[-1] == window.driver._forward  # the window hears last


# -- the review ---------------------------------------------------------------------------------------


def test_the_review_opens_from_the_menu_and_shows_the_new_session(qtbot, with_history, clock):
    hook = with_history()
    window = hook.window
    start(qtbot, window)
    advance(window, clock, 12)
    qtbot.mouseClick(window.summary.done_button, Qt.MouseButton.LeftButton)
    assert window.current_page() == "picker"
    qtbot.keyClick(window, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() == "review"
    review = hook.review
    assert review is not None and review.isVisible()
    assert review.stats.this_week.sessions == 1
    assert review.chart.bar_values()[-1] == 1 and review.chart.bar_rect(11).height() > 0  # this week's bar
    assert review.model.total == 1 and review.model.row(0).routine_name == "Short back"
    assert review.count_label.text() == "1 in all"
    qtbot.keyClick(review.table, Qt.Key.Key_Escape)  # Esc: back to the routines
    assert window.current_page() == "picker"

    # A second session while the page exists: it is read again, not shown stale.
    start(qtbot, window)
    advance(window, clock, 12)
    qtbot.mouseClick(window.summary.done_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(hook.button, Qt.MouseButton.LeftButton)  # the History button beside Start
    assert window.current_page() == "review" and review.model.total == 2
    qtbot.mouseClick(hook.screen.back_button, Qt.MouseButton.LeftButton)
    assert window.current_page() == "picker"


def test_a_builtin_routine_run_in_russian_is_named_in_english_in_the_review(qtbot, with_history, db):
    # Run in the terminal in Russian, as a person would; the history keeps the Russian name.
    env = {key: value for key, value in os.environ.items() if key not in ("LANGUAGE", "LC_ALL", "LANG")}
    command = ["run", "Evening relax with a massage ball", "--speed", "1000", "--mute", "--keep-rehearsal"]
    done = subprocess.run([sys.executable, "-m", "selfmassage", *command], env={**env, "LANG": "ru_RU.UTF-8"},
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    with History.open(history_path()) as history:
        add(history, datetime(2026, 11, 17, 19, 30, tzinfo=BERLIN))  # "Quick back", a routine of yours
    hook = with_history(history_path())
    window = hook.window
    qtbot.keyClick(window, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    review = hook.review
    assert window.current_page() == "review" and review.model.total == 2
    names = [review.model.index(row, 1).data() for row in range(2)]
    assert names == ["Evening relax with a massage ball", "Quick back"]
    assert review.model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole) == "Evening relax with a massage ball"
    review.select_row(0)
    assert "· Evening relax with a massage ball ·" in review.details.toPlainText()
    assert "Вечерний" not in review.details.toPlainText()


def test_the_plan_menu_sets_the_plan_for_the_review_and_the_settings(qtbot, with_history, settings_path):
    hook = with_history()
    window = hook.window
    assert hook.plan_menu.actions[PlanKind.PREVENTIVE].isChecked()
    hook.plan_menu.actions[PlanKind.PAIN_RELIEF].trigger()
    assert Settings(settings_path).get("plan") == "pain-relief"
    hook.open_review()
    assert hook.review.plan.kind is PlanKind.PAIN_RELIEF

    def answer(panel) -> None:
        field = panel.focusWidget()  # the number has the keyboard
        qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(field, "3")
        qtbot.keyClick(field, Qt.Key.Key_Return)

    while_asked(answer)
    hook.plan_menu.actions[PlanKind.CUSTOM].trigger()
    saved = Settings(settings_path)
    assert (saved.get("plan"), saved.get("plan_per_week")) == ("custom", 3)
    assert hook.review.plan.kind is PlanKind.CUSTOM and hook.review.per_week_box.value() == 3
    assert hook.plan_menu.actions[PlanKind.CUSTOM].text() == "Your own: 3 a week…"
    # And the other way: the review's own plan box checks the menu.
    review = hook.review
    review.plan_box.setCurrentIndex(review.plan_box.findData("preventive"))
    assert hook.plan_menu.actions[PlanKind.PREVENTIVE].isChecked()
    assert window.current_page() == "review"


def test_export_from_the_menu_writes_the_sessions(qtbot, with_history, clock, tmp_path, monkeypatch):
    hook = with_history()
    window = hook.window
    start(qtbot, window)
    advance(window, clock, 12)
    qtbot.mouseClick(window.summary.done_button, Qt.MouseButton.LeftButton)
    target = tmp_path / "backup.csv"
    monkeypatch.setattr("selfmassage.qt.review_csv.file_to_save", lambda *args: str(target))
    hook.export_action.trigger()
    assert window.current_page() == "review"
    lines = target.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("started_at,ended_at,routine,status") and len(lines) == 2
    assert ",Short back,completed," in lines[1]
    assert "Exported 1 session" in hook.review.status_line.text()


# -- the tray, reminders, start at login ----------------------------------------------------------------


def test_no_tray_is_told_once_and_everything_else_works(qtbot, make_window, clock, db, settings_path):
    Settings(settings_path).set("reminders", True)
    window = make_window()
    hook = add_history(window, tray_available=False)
    hook.load(db)
    hook.load(db)  # told once, however often the history is opened again
    assert banner_lines(window) == [NO_TRAY]
    assert hook.tray_hook.tray is not None and not hook.tray_hook.in_tray
    start(qtbot, window)
    advance(window, clock, 12)
    qtbot.mouseClick(window.summary.done_button, Qt.MouseButton.LeftButton)
    assert [row.status for row, _ in sessions_in(db)] == ["completed"]
    hook.close()


def test_no_tray_without_reminders_is_a_passing_line_not_a_banner(qtbot, with_history):
    hook = with_history(tray=False)
    assert banner_lines(hook.window) == []
    assert hook.window.statusBar().currentMessage() == NO_TRAY


def test_a_reminder_with_no_notifications_shows_in_the_window(qtbot, with_history):
    hook = with_history(tray=False)
    hook.tray_hook.tray.remind()
    assert banner_lines(hook.window) == ["Time for your massage. Pick a routine when you're ready."]


def test_the_tray_starts_a_routine_through_the_safety_questions(qtbot, with_history, clock):
    hook = with_history(tray=True)
    window = hook.window
    assert hook.tray_hook.in_tray
    hook.tray_hook.tray.menu.aboutToShow.emit()  # as when the person opens the tray's menu
    assert hook.tray_hook.tray.routine_actions() == ["Both sides", "Short back", "Another one"]
    asked: list[str] = []

    class Refuse:
        def before_session(self, parent: object, routine: Any) -> bool:
            asked.append(routine.name)
            return False

    window.parts.safety = Refuse()
    hook.tray_hook.tray._routines_menu.actions()[1].trigger()
    assert asked == ["Short back"] and window.current_page() == "picker"
    window.parts.safety = None
    hook.tray_hook.tray._routines_menu.actions()[1].trigger()
    assert window.current_page() == "session" and window.driver.routine.name == "Short back"
    assert not hook.tray_hook.start_from_tray("Both sides")  # one session at a time
    assert window.statusBar().currentMessage() == "A session is running: finish or stop it first."
    assert "Next session: today." in hook.tray_hook.tray.due_line


def test_the_close_button_hides_to_the_tray_while_reminders_are_on_and_quit_ends(
        qtbot, with_history, settings_path, monkeypatch):
    Settings(settings_path).set("reminders", True)
    hook = with_history(tray=True)
    window = hook.window
    quits: list[bool] = []
    monkeypatch.setattr(QApplication, "quit", staticmethod(lambda: quits.append(True)))
    window.close()  # what the window's close button does
    assert window.isHidden() and hook.tray_hook.tray.icon.isVisible()
    assert Settings(settings_path).get("window_geometry") == ""  # hidden, not closed: nothing saved yet
    assert quits == []
    hook.tray_hook.tray.open_requested.emit()  # a click on the tray icon
    assert window.isVisible()
    window.actions["quit"].trigger()  # Session ▸ Quit (Ctrl+Q) closes for real
    assert not window.isVisible() and quits == [True]
    assert Settings(settings_path).get("window_geometry") != ""
    window.show()
    quits.clear()
    hook.tray_hook.tray.quit_requested.emit()  # and so does the tray's Quit
    assert not window.isVisible() and quits == [True]


def test_quit_during_a_session_asks_first_and_keeps_going_on_no(qtbot, with_history, clock, monkeypatch,
                                                                settings_path):
    Settings(settings_path).set("reminders", True)
    hook = with_history(tray=True)
    window = hook.window
    quits: list[bool] = []
    monkeypatch.setattr(QApplication, "quit", staticmethod(lambda: quits.append(True)))
    start(qtbot, window)
    asked = answer_box("Keep going")
    window.close()  # the close button during a session asks, as it always did: a session is never hidden
    assert asked == ["A session is running. Stop it and quit?"]
    assert window.isVisible() and window.driver.running
    activate(qtbot, window)
    answer_box("Keep going")
    assert not hook.window.quit()
    assert window.isVisible() and window.driver.running and quits == []


def test_the_close_button_closes_as_usual_with_reminders_off(qtbot, with_history, settings_path):
    hook = with_history(tray=True)
    window = hook.window
    window.close()
    assert not window.isVisible()
    assert Settings(settings_path).get("window_geometry") != ""  # closed, as before there was a tray


def test_the_reminders_dialog_saves_the_days_and_time_and_aims_the_reminder(
        qtbot, with_history, settings_path):
    hook = with_history(tray=True)
    window = hook.window
    assert hook.tray_hook.tray.armed_for is None  # off by default

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, RemindersDialog):
            QTimer.singleShot(5, answer)
            return
        dialog.on_box.setChecked(True)
        for number, box in enumerate(dialog.day_boxes):
            box.setChecked(number in (1, 5))  # Tuesday and Saturday
        assert dialog.save_button.isEnabled()
        dialog.day_boxes[1].setChecked(False)
        dialog.day_boxes[5].setChecked(False)
        assert not dialog.save_button.isEnabled() and dialog.hint.text() == "Pick at least one day."
        dialog.day_boxes[1].setChecked(True)
        dialog.day_boxes[5].setChecked(True)
        dialog.time_edit.setTime(QTime(7, 30))
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, answer)
    hook.tray_hook.reminders_action.trigger()
    saved = Settings(settings_path)
    assert (saved.get("reminders"), saved.get("reminder_days"), saved.get("reminder_time")) == (
        True, [1, 5], "07:30")
    armed = hook.tray_hook.tray.armed_for
    assert armed is not None and armed.weekday() in (1, 5) and (armed.hour, armed.minute) == (7, 30)
    activate(qtbot, window)


def test_start_at_login_writes_and_removes_the_autostart_entry(qtbot, with_history, settings_path):
    hook = with_history()
    entry = autostart.autostart_path()
    assert not hook.tray_hook.login_action.isChecked() and not entry.exists()
    hook.tray_hook.login_action.trigger()
    assert entry.is_file()
    command = autostart.command_of(entry.read_text(encoding="utf-8"))
    assert command[-1] == TRAY_FLAG and command[:-1] == autostart.default_command()
    assert Settings(settings_path).get("autostart") is True
    hook.tray_hook.login_action.trigger()
    assert not entry.exists() and not hook.tray_hook.login_action.isChecked()
    assert Settings(settings_path).get("autostart") is False


def test_start_at_login_that_cannot_be_written_says_so_and_stays_off(qtbot, with_history, tmp_path,
                                                                      monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(blocker))  # the autostart folder would be below a file
    hook = with_history()
    hook.tray_hook.login_action.trigger()
    assert not hook.tray_hook.login_action.isChecked()
    assert hook.window.statusBar().currentMessage().startswith("Start at login can't be set")


# -- missing pieces ---------------------------------------------------------------------------------------


def test_a_damaged_history_is_moved_aside_and_the_notice_says_where(qtbot, with_history, db, clock):
    db.parent.mkdir(parents=True)
    db.write_bytes(b"this is not a database" * 100)
    hook = with_history()
    window = hook.window
    [line] = banner_lines(window)
    [aside] = db.parent.glob("history.sqlite3.corrupt-*")
    assert str(aside) in line and "new one was started" in line
    assert aside.read_bytes() == b"this is not a database" * 100  # kept as it was
    start(qtbot, window)  # and the new history keeps sessions
    advance(window, clock, 12)
    qtbot.mouseClick(window.summary.done_button, Qt.MouseButton.LeftButton)
    assert len(sessions_in(db)) == 1


def damage(db: Path) -> bytes:
    """Garbage over the whole history file while the window has it open (its WAL written in first)."""
    other = sqlite3.connect(db)
    other.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    other.close()
    garbage = b"garbage!" * (db.stat().st_size // 8)
    db.write_bytes(garbage)
    return garbage


DAMAGED = ("Your history file {db} is damaged. Quit selfmassage and open it again: it keeps the damaged file "
           "and starts a new history with every session that can still be read.")


def backup_to_import(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    backup = tmp_path / "backup.csv"
    backup.write_text("started_at,ended_at,routine,status,active_seconds,feeling,symptoms,note\n"
                      "2026-11-19T08:00:00+01:00,,Morning,completed,900,5,,\n", encoding="utf-8")
    monkeypatch.setattr("selfmassage.qt.review_csv.file_to_open", lambda *args: str(backup))


def the_next_start_keeps_it_aside(db: Path, garbage: bytes) -> None:
    with History.open(db) as fresh:  # as the next start opens it
        assert fresh.notice is not None and "is kept at" in fresh.notice
    [aside] = (path for path in db.parent.glob("history.sqlite3.corrupt-*")
               if not path.name.endswith(("-wal", "-shm")))
    assert aside.read_bytes() == garbage


def test_an_import_into_a_history_damaged_since_it_opened_says_so_and_the_window_learns_of_it(
        qtbot, with_history, db, tmp_path, monkeypatch):
    hook = with_history()
    window = hook.window
    review = hook.open_review() and hook.review
    assert review is not None
    backup_to_import(tmp_path, monkeypatch)
    garbage = damage(db)
    qtbot.mouseClick(review.import_button, Qt.MouseButton.LeftButton)
    # As when History ▸ Import meets it: the page and the window's banner say so once, and the window goes
    # on without the file (no session kept in it, nothing more imported) until the next start rescues it.
    assert hook.review is None and hook.screen.content.text() == (
        f"Your history can't be shown. {DAMAGED.format(db=db)}")
    assert any(DAMAGED.format(db=db) in line for line in banner_lines(window))
    assert not hook.saving and not hook.import_action.isEnabled()
    assert db.read_bytes() == garbage  # nothing written over it
    the_next_start_keeps_it_aside(db, garbage)


def test_the_review_alone_says_in_one_line_that_an_import_met_a_damaged_history(
        qtbot, tmp_path, monkeypatch):
    path = tmp_path / "history.sqlite3"
    with History.open(path) as history:
        review = ReviewPage(history)
        qtbot.addWidget(review)
        backup_to_import(tmp_path, monkeypatch)
        garbage = damage(path)
        with qtbot.waitSignal(review.damaged):
            qtbot.mouseClick(review.import_button, Qt.MouseButton.LeftButton)
        assert review.status_line.text() == (
            f"Nothing was imported from backup.csv. {DAMAGED.format(db=path)}")
    assert path.read_bytes() == garbage


def a_session_to_delete(hook: HistoryHook) -> Any:
    assert hook.history is not None
    add(hook.history, MONDAY_EVENING)
    review = hook.open_review() and hook.review
    assert review is not None
    review.select_row(0)
    assert review.delete_button.isEnabled()
    return review


def test_a_delete_in_a_history_damaged_since_it_opened_says_so_and_the_window_learns_of_it(
        qtbot, with_history, db):
    hook = with_history()
    review = a_session_to_delete(hook)
    garbage = damage(db)
    asked = answer_box("Delete")
    qtbot.mouseClick(review.delete_button, Qt.MouseButton.LeftButton)
    assert asked and "can't be undone" in asked[0]
    assert review.status_line.text() == f"Nothing was deleted. {DAMAGED.format(db=db)}"
    assert hook.review is None and hook.screen.content.text() == (
        f"Your history can't be shown. {DAMAGED.format(db=db)}")
    assert any(DAMAGED.format(db=db) in line for line in banner_lines(hook.window))
    assert not hook.saving
    assert db.read_bytes() == garbage
    the_next_start_keeps_it_aside(db, garbage)


def test_a_delete_while_another_program_holds_the_history_says_so_and_keeps_the_session(
        qtbot, with_history, db):
    hook = with_history()
    review = a_session_to_delete(hook)
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")  # another program writing: the delete waits its 5 s, then gives up
    try:
        answer_box("Delete")
        qtbot.mouseClick(review.delete_button, Qt.MouseButton.LeftButton)
        assert review.status_line.text() == (
            "The session of Mon 16 Nov 2026, 19:00 was not deleted: another program is writing to your "
            "history; try again in a moment.")
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert hook.review is review and hook.saving  # nothing is wrong with the file: the window goes on
    assert [row.started_at for row, _steps in sessions_in(db)] == [MONDAY_EVENING]
    answer_box("Delete")  # and once the other program is done, the delete works
    with qtbot.waitSignal(review.changed):
        qtbot.mouseClick(review.delete_button, Qt.MouseButton.LeftButton)
    assert sessions_in(db) == []


def test_the_import_menu_with_a_history_damaged_since_it_opened_says_so_on_the_page(
        qtbot, with_history, db, tmp_path, monkeypatch):
    hook = with_history()
    backup_to_import(tmp_path, monkeypatch)
    garbage = damage(db)
    hook.import_action.trigger()  # History ▸ Import history…
    window = hook.window
    assert window.current_page() == "review" and hook.review is None
    shown = hook.screen.content
    assert shown is not None and shown.text().startswith(
        f"Your history can't be shown. Your history file {db} is damaged. Quit selfmassage")
    assert db.read_bytes() == garbage
    qtbot.keyClick(hook.screen.back_button, Qt.Key.Key_Escape)  # and the way back works
    assert window.current_page() == "picker"
    the_next_start_keeps_it_aside(db, garbage)


def test_a_session_ending_on_a_history_damaged_since_it_opened_runs_to_the_end_and_says_so(
        qtbot, with_history, db, clock):
    hook = with_history()
    window = hook.window
    hook.open_review()  # the review was looked at, so a session's end reads it again
    window.back_to_routines()
    garbage = damage(db)
    start(qtbot, window)
    with qtbot.waitSignal(window.driver.finished, timeout=2000):
        advance(window, clock, 12)
    with qtbot.waitSignal(window.session_ended, timeout=1000):
        qtbot.mouseClick(window.summary.done_button, Qt.MouseButton.LeftButton)
    assert window.current_page() == "picker"
    assert any(f"{db}" in line and "damaged" in line for line in banner_lines(window))
    assert hook.review is None and hook.screen.content.text().startswith("Your history can't be shown.")
    assert db.read_bytes() == garbage


def test_a_data_folder_that_cannot_be_made_runs_the_session_and_says_once_it_is_not_saved(
        qtbot, with_history, tmp_path, clock):
    blocker = tmp_path / "a-file"
    blocker.write_text("")  # a folder below a regular file can't be made, even by root
    hook = with_history(blocker / "selfmassage" / "history.sqlite3")
    window = hook.window
    assert hook.history is None and not hook.saving
    start(qtbot, window)
    with qtbot.waitSignal(window.driver.finished, timeout=2000) as finished:
        advance(window, clock, 12)
    assert finished.args[0].status.value == "completed"
    qtbot.mouseClick(window.summary.done_button, Qt.MouseButton.LeftButton)
    [line] = banner_lines(window)
    assert "can't create the folder for your history" in line and "won't be saved" in line
    assert not blocker.is_dir()
    hook.open_review()  # the review says why there is nothing to show, and the way back works
    assert "can't be shown" in hook.screen.content.text()
    assert not hook.export_action.isEnabled()
    qtbot.mouseClick(hook.screen.back_button, Qt.MouseButton.LeftButton)
    assert window.current_page() == "picker"


def test_a_history_that_stops_taking_writes_mid_session_is_told_once_and_the_session_ends(
        qtbot, with_history, clock, monkeypatch, db):
    hook = with_history()
    window = hook.window
    start(qtbot, window)
    advance(window, clock, 1)

    def full(*args: object, **kwargs: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(hook.history, "record_step", full)
    with qtbot.waitSignal(window.driver.finished, timeout=2000):
        advance(window, clock, 11)
    assert banner_lines(window) == [
        "This session can't be saved to your history (database or disk is full). It goes on anyway."]
    [(session, steps)] = sessions_in(db)
    assert session.status == "running" and steps == []  # its row from the start; nothing else is claimed


def test_missing_pieces_each_get_one_line(qtbot, make_window, db, routines_dirs, settings_path, monkeypatch):
    from selfmassage.qt import body_map

    settings_path.parent.mkdir(parents=True, exist_ok=True)
    settings_path.write_text('{"volume": "loud"}', encoding="utf-8")
    for path in routines_dirs[0].glob("*.json"):
        path.unlink()  # no built-in routines
    monkeypatch.setattr(body_map.BodyMap, "_reload",
                        lambda self: setattr(self, "problem", body_map.MISSING_MAP))  # as with no map file
    window = make_window()
    hook = add_history(window, tray_available=False)
    hook.load(db)
    assert banner_lines(window) == [
        body_map.MISSING_MAP, MISSING_BUILTINS, f"{settings_path}: volume can't be 'loud'; using 0.8."]
    tell_missing_pieces(hook.window)  # again: nothing new to say
    assert len(banner_lines(window)) == 3
    assert window.picker.select("Another one")  # your own routine is there, and starts
    qtbot.keyClick(window.picker.list, Qt.Key.Key_Return)
    assert window.current_page() == "session"
    hook.close()


def test_a_settings_file_that_cannot_be_written_costs_one_line(qtbot, with_history, monkeypatch):
    hook = with_history()
    window = hook.window

    def refuse(self: Settings) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Settings, "save", refuse)
    hook.plan_menu.actions[PlanKind.PAIN_RELIEF].trigger()
    assert window.settings.get("plan") == "pain-relief"  # holds until the window closes
    assert window.statusBar().currentMessage().startswith("Your settings can't be saved (Permission denied)")


def test_the_review_waits_while_a_session_runs_and_leaving_the_summary_hands_it_on(qtbot, with_history, clock,
                                                                                    db):
    hook = with_history()
    window = hook.window
    start(qtbot, window)
    hook.review_action.trigger()  # the session's page stays in front: it is the only way back to it
    assert window.current_page() == "session"
    assert window.statusBar().currentMessage() == "Your history opens once the session is over."
    advance(window, clock, 12)
    assert window.current_page() == "summary"
    with qtbot.waitSignal(window.session_ended, timeout=1000) as ended:
        hook.review_action.trigger()  # from the summary, as Done does
    assert ended.args[0].checkin is None and window.current_page() == "review"
    qtbot.keyClick(hook.review.table, Qt.Key.Key_Escape)
    assert window.current_page() == "picker" and window.windowTitle() == "selfmassage"


def test_a_history_that_can_only_be_read_is_shown_with_no_import_or_delete(qtbot, with_history, db, clock,
                                                                           monkeypatch):
    with History.open(db):
        pass  # a history with nothing in it, then the folder turns read-only
    monkeypatch.setattr("selfmassage.store.history.connect", lambda path: (_ for _ in ()).throw(
        sqlite3.OperationalError("attempt to write a readonly database")))
    hook = with_history()
    window = hook.window
    assert hook.history is not None and hook.history.read_only and not hook.saving
    [line] = banner_lines(window)
    assert "new sessions won't be saved" in line
    start(qtbot, window)
    advance(window, clock, 12)
    qtbot.mouseClick(window.summary.done_button, Qt.MouseButton.LeftButton)
    assert banner_lines(window) == [line]  # the session ran; nothing more to say
    hook.open_review()
    assert hook.review.import_button.isHidden() and hook.review.delete_button.isHidden()
    assert not hook.import_action.isEnabled() and hook.export_action.isEnabled()


def test_on_pain_relief_the_checkin_asks_if_it_still_bothers_and_offers_preventive_once_eased(
        qtbot, with_history, clock, settings_path):
    hook = with_history()
    window = hook.window
    hook.set_plan(Plan(PlanKind.PAIN_RELIEF))
    assert "treating pain is a professional's work" in window.notice.text()  # said once, on choosing it
    start(qtbot, window)
    advance(window, clock, 12)
    panel = window.summary.checkin_panel
    assert panel.eased_box.isVisible() and not panel.preventive_button.isVisible()
    qtbot.mouseClick(panel.eased_button, Qt.MouseButton.LeftButton)
    assert panel.eased_hint.isVisible() and "1–2 sessions a week" in panel.eased_hint.text()
    qtbot.mouseClick(panel.preventive_button, Qt.MouseButton.LeftButton)
    assert Settings(settings_path).get("plan") == "preventive"


def test_on_other_plans_the_checkin_does_not_ask_about_pain(qtbot, with_history, clock):
    hook = with_history()
    start(qtbot, hook.window)
    advance(hook.window, clock, 12)
    assert not hook.window.summary.checkin_panel.eased_box.isVisible()
