"""Puts the session history into the main window: every session recorded as it runs, the review page, a
History menu, the tray with its reminders, start at login, and a line in the window for each missing piece.

The app calls `add_history(window)` before the window shows (menus, the picker's History button), then
`hook.load(history_path())` once it has shown: opening the history file, which may mean moving a damaged one
aside, never delays the first paint.

Who hears a session first: the recorder subscribes to the engine in the window's `session_started`, which
the window emits before it hooks up the sound and before the driver subscribes its own forwarder (at
start). So each finished step is committed before the next one is cued or shown — as in the terminal.
Call `add_history` before any other hook that listens to `session_started`.

Nothing here ever stops a session or ends in a traceback: a history that can't be opened or written costs
one line in the window's notice banner, and the session runs on unsaved.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QSystemTrayIcon,
    QVBoxLayout,
    QWidget,
)

from selfmassage.core.plan import CUSTOM_MAX, CUSTOM_MIN, Plan, PlanKind, plan_from_settings
from selfmassage.core.session_result import SessionResult
from selfmassage.qt.reminders_dialog import RemindersDialog
from selfmassage.qt.review import ReviewPage
from selfmassage.qt.tray import BY_WINDOW, ReminderTray
from selfmassage.store import autostart
from selfmassage.store.history import History, HistoryError
from selfmassage.store.recorder import SessionRecorder, local_now

if TYPE_CHECKING:
    from selfmassage.qt.main_window import MainWindow
    from selfmassage.qt.notifier import DesktopNotifier
    from selfmassage.qt.session_driver import SessionDriver

REVIEW_PAGE = "review"
PICKER_PAGE = "picker"
SUMMARY_PAGE = "summary"
TRAY_FLAG = "--tray"  # what the autostart entry adds: start in the tray, the window hidden
MISSING_BUILTINS = ("The built-in routines are missing, so only your own are listed. Reinstall selfmassage "
                    "to get them back.")
STILL_IN_TRAY = "selfmassage is still here, in the tray, for your reminders. Quit from its menu."


class _SavingSettings:
    """The settings as the review page sees them: a file that can't be written costs one line, never an
    exception out of a combo box's signal."""

    def __init__(self, settings: Any, on_problem: Callable[[OSError], None]) -> None:
        self._settings = settings
        self._on_problem = on_problem

    def get(self, name: str) -> Any:
        return self._settings.get(name)

    def set(self, name: str, value: Any) -> None:
        try:
            self._settings.set(name, value)
        except OSError as exc:  # the value holds in memory; the file keeps the old one
            self._on_problem(exc)


class _NoHistory:
    """No sessions at all: what the tray works from when the history can't be opened."""

    def week_totals(self, first: date, last: date) -> dict[date, tuple[int, float]]:
        return {}

    def day_counts(self, first: date | None = None, last: date | None = None) -> list[tuple[date, int]]:
        return []

    def symptom_reports(self, first: date, last: date) -> list[tuple[date, frozenset[str]]]:
        return []


class ReviewScreen(QWidget):
    """The review page with a way back to the routines: the Back button, or Esc."""

    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("review_screen")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 0)
        layout.setSpacing(0)
        row = QHBoxLayout()
        self.back_button = QPushButton("Back to routines", self)
        self.back_button.setToolTip("Back to your routines (Esc)")
        self.back_button.setAccessibleName("Back to routines")
        self.back_button.setAccessibleDescription("Back to the list of routines (Esc)")
        self.back_button.clicked.connect(self.back_requested.emit)
        row.addWidget(self.back_button)
        row.addStretch(1)
        layout.addLayout(row)
        self._layout = layout
        self.content: QWidget | None = None

    def set_content(self, widget: QWidget) -> None:
        if self.content is not None:
            self._layout.removeWidget(self.content)
            self.content.deleteLater()
        self.content = widget
        widget.setParent(self)
        self._layout.addWidget(widget, 1)

    def show_message(self, text: str) -> None:
        label = QLabel(text, self)
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.set_content(label)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # A key event, not a window shortcut: in full screen the window's own Esc leaves full screen first.
        if event.key() == Qt.Key.Key_Escape:
            self.back_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class HistoryHook(QObject):
    """Owns the history inside a window: the recorder of the running session, the review, the tray."""

    def __init__(
        self,
        window: MainWindow,
        history: History | None = None,
        *,
        now: Callable[[], datetime] = local_now,
        tray_available: bool | None = None,
        notifier: DesktopNotifier | Callable[[], DesktopNotifier] | None = None,
    ) -> None:
        """`notifier`: the desktop's notification service (the app passes one; without it reminders go to
        the tray's balloon or the window)."""
        super().__init__(window)
        self.window = window
        self.history: History | None = None
        self.missing: str | None = None  # why there is no history, once an open failed
        self.recorder: SessionRecorder | None = None
        self.screen: ReviewScreen | None = None
        self.review: ReviewPage | None = None
        self.tray: ReminderTray | None = None
        self._now = now
        self._tray_available = tray_available
        self._notifier = notifier
        self._owned = False  # closed by close() only if this hook opened it
        self._settings_told = False
        self._told_still_in_tray = False
        self._closed = False
        self._settings = _SavingSettings(window.settings, self._settings_problem)
        # First, before anything else can subscribe to a new session's engine (see the module docstring).
        window.session_started.connect(self._session_started)
        window.session_ended.connect(self._session_ended)
        self._make_menu()
        self.button = QPushButton("History")
        self.button.setToolTip("How often you massage, against your plan (Ctrl+H)")
        self.button.setAccessibleName("History")
        self.button.setAccessibleDescription(self.button.toolTip())
        self.button.clicked.connect(self.open_review)
        window.picker.add_button(self.button)
        # Quit (Ctrl+Q, the menu, the tray) closes for real; the close button may only hide to the tray.
        self._quitting = False
        quit_action = window.actions["quit"]
        quit_action.triggered.disconnect(window.close)
        quit_action.triggered.connect(self.quit)
        window.installEventFilter(self)
        if history is not None:
            self.use_history(history)

    # -- the history ---------------------------------------------------------------------------------

    def load(self, path: Path) -> None:
        """After the window shows: open the history, start the tray, tell what is missing."""
        self.open(path)
        self.tell_missing_pieces()

    def open(self, path: Path) -> History | None:
        if self.history is not None and self._owned:
            self.history.close()
        self.history, self._owned = None, False
        try:
            history = History.open(path)
        except HistoryError as exc:
            self._no_history(str(exc))
            return None
        self.use_history(history)
        self._owned = True
        return history

    def use_history(self, history: History) -> None:
        self.history = history
        self.missing = None
        if history.notice:  # a damaged file moved aside (where it is kept), or a read-only one
            self.window.notice.tell_once(history.notice)
        if self.screen is not None:
            self._fill_screen()
        self._start_tray(history)
        self._update_actions()

    def _no_history(self, reason: str) -> None:
        self.history = None
        self.missing = reason
        self.window.notice.tell_once(f"{reason} Your sessions won't be saved; everything else works.")
        if self.screen is not None:
            self._fill_screen()
        self._start_tray(_NoHistory())
        self._update_actions()

    @property
    def saving(self) -> bool:
        """Whether a session started now would be kept."""
        return self.history is not None and not self.history.read_only

    def close(self) -> None:
        """When the app ends: the tray icon goes, and a history this hook opened is closed."""
        if self._closed:
            return
        self._closed = True
        self.window.session_started.disconnect(self._session_started)
        self.window.session_ended.disconnect(self._session_ended)
        self.window.removeEventFilter(self)
        self.recorder = None
        if self.tray is not None:
            self.tray.hide()
        if self.history is not None and self._owned:
            self.history.close()
        self.history = None

    # -- sessions ------------------------------------------------------------------------------------

    def _session_started(self, driver: SessionDriver) -> None:
        if self.tray is not None:  # no reminder while it runs or is paused, and ten minutes after
            self.tray.session_started()
            driver.finished.connect(self._session_over)
        self.recorder = None
        if self.saving and not driver.routine.practice:  # a try-out from the Learn page is not a massage
            assert self.history is not None
            self.recorder = SessionRecorder(self.history, driver.engine, wall_clock=self._now,
                                            on_problem=self.window.notice.tell_once)

    def _session_over(self, _result: SessionResult) -> None:
        """The routine ended or was stopped (before any check-in): the reminder's ten quiet minutes start."""
        if self.tray is not None and not self._closed:
            self.tray.session_ended()

    def _session_ended(self, result: SessionResult) -> None:
        recorder, self.recorder = self.recorder, None
        if recorder is not None and result.checkin is not None:
            recorder.save_checkin(result.checkin)  # a failure is told through the recorder's on_problem
        self._history_changed()

    def _history_changed(self) -> None:
        if self.review is not None:
            self.review.refresh()
        if self.tray is not None:
            self.tray.refresh()

    # -- the review page -----------------------------------------------------------------------------

    def ensure_screen(self) -> ReviewScreen:
        if self.screen is None:
            self.screen = ReviewScreen()
            self.screen.back_requested.connect(self.back_to_routines)
            self.screen.setWindowTitle("Your history")  # what a screen reader calls the page
            self.window.add_page(REVIEW_PAGE, self.screen)
            self._fill_screen()
        return self.screen

    def _fill_screen(self) -> None:
        assert self.screen is not None
        self.review = None
        if self.history is None:
            why = self.missing or "It opens in a moment."
            self.screen.show_message(f"Your history can't be shown. {why}")
            return
        review = ReviewPage(self.history, self._settings, now=self._now)
        if self.history.read_only:  # its notice says why; an import or a delete could only fail
            review.import_button.hide()
            review.delete_button.hide()
        review.plan_changed.connect(self._plan_changed)
        review.changed.connect(self._history_changed)
        self.screen.set_content(review)
        self.review = review

    def open_review(self) -> ReviewScreen | None:
        """Show the review; None during a session, whose page must stay in reach."""
        window = self.window
        if window.driver is not None and window.driver.running:
            window.statusBar().showMessage("Your history opens once the session is over.", 10_000)
            return None
        if window.current_page() == SUMMARY_PAGE:
            window.back_to_routines()  # leaving the summary, as Done does: the session is handed on
        fresh = self.screen is None
        screen = self.ensure_screen()
        if self.review is not None and not fresh:
            self.review.refresh()  # sessions run, imported or deleted elsewhere since it was last shown
        self.window.show_page(REVIEW_PAGE)
        (self.review.table if self.review is not None else screen.back_button).setFocus()
        return screen

    def back_to_routines(self) -> None:
        self.window.back_to_routines()

    def export_history(self) -> None:
        if self.open_review() is not None and self.review is not None:
            self.review.export_csv()

    def import_history(self) -> None:
        if self.open_review() is not None and self.review is not None:
            self.review.import_csv()

    # -- the plan ------------------------------------------------------------------------------------

    @property
    def plan(self) -> Plan:
        settings = self.window.settings
        return plan_from_settings(settings.get("plan"), settings.get("plan_per_week"))

    def set_plan(self, plan: Plan) -> None:
        if self.review is not None:
            self.review.set_plan(plan)  # saves it and says so through plan_changed
            return
        self._settings.set("plan", plan.kind.value)
        self._settings.set("plan_per_week", plan.per_week)
        self._plan_changed(plan)

    def ask_custom_plan(self) -> None:
        number, ok = QInputDialog.getInt(self.window, "Your own plan", "Sessions a week:",
                                         self.plan.per_week, CUSTOM_MIN, CUSTOM_MAX)
        if ok:
            self.set_plan(Plan(PlanKind.CUSTOM, number))
        else:
            self._show_plan()

    def _plan_changed(self, _plan: Plan) -> None:
        self._show_plan()
        if self.tray is not None:
            self.tray.refresh()

    def _show_plan(self) -> None:
        plan = self.plan
        self.plan_actions[plan.kind].setChecked(True)
        custom = self.plan_actions[PlanKind.CUSTOM]
        custom.setText(f"Your own: {plan.per_week} a week…" if plan.kind is PlanKind.CUSTOM
                       else "Your own number a week…")

    # -- reminders, the tray, start at login ---------------------------------------------------------

    def _start_tray(self, figures: Any) -> None:
        if self.tray is not None:
            self.tray.history = figures
            self.tray.refresh()
            return
        # The routines the window has just read; the tray reads them again each time its menu opens.
        listed = [entry.name for entry in self.window.picker.entries() if entry.usable]
        tray = ReminderTray(figures, self.window.settings, listed, now=self._now,
                            tray_available=self._tray_available, notifier=self._notifier, parent=self)
        tray.start_requested.connect(self.start_from_tray)
        tray.picker_requested.connect(self.show_picker)
        tray.open_requested.connect(self.bring_window)
        tray.quit_requested.connect(self.quit)
        tray.reminder_due.connect(self._reminder_due)
        tray.menu.aboutToShow.connect(lambda: tray.set_routines(self._routine_names()))
        self.tray = tray
        driver = self.window.driver
        if driver is not None and driver.running:  # the history opened after a session began
            tray.session_started()
            driver.finished.connect(self._session_over)
        if tray.notice:
            # Only someone who asked for reminders needs the banner; for anyone else a passing line will do.
            if self.window.settings.get("reminders"):
                self.window.notice.tell_once(tray.notice)
            else:
                self.window.statusBar().showMessage(tray.notice, 15_000)

    @property
    def in_tray(self) -> bool:
        """Whether the tray icon is showing (a desktop with a tray)."""
        return self.tray is not None and self.tray.icon is not None

    def _routine_names(self) -> list[str]:
        return [entry.name for entry in self.window.library.entries() if entry.usable]

    def start_from_tray(self, name: str) -> bool:
        """Start a routine picked in the tray: the same safety questions as Start, in the window."""
        self.bring_window()
        entry = self.window.library.find(name)
        if entry is None or entry.routine is None or not entry.usable:
            self.window.statusBar().showMessage(f"{name} can't be started: it is no longer there.", 15_000)
            return False
        started = self.window.start_session(entry.routine)
        if not started and self.window.driver is not None and self.window.driver.running:
            self.window.statusBar().showMessage("A session is running: finish or stop it first.", 15_000)
        return started

    def show_picker(self, name: str) -> None:
        """The reminder or the tray icon was clicked: the window, on the picker with `name` chosen. A
        running session keeps its page; a finished one's summary is left as Done leaves it."""
        self.bring_window()
        window = self.window
        if window.driver is not None and window.driver.running:
            return
        if window.current_page() != PICKER_PAGE:
            window.back_to_routines()
        if name:
            window.picker.select(name)
        window.picker.list.setFocus()

    def bring_window(self) -> None:
        from selfmassage.qt.app import bring_to_front

        bring_to_front(self.window)

    def quit(self) -> bool:
        """Quit: close the window (which asks first during a session), then end the app, whose window may
        have been hidden in the tray. False when the person chose to keep going."""
        self._quitting = True
        try:
            closed = self.window.close()
        finally:
            self._quitting = False
        if closed:
            QApplication.quit()
        return closed

    def _reminder_due(self, text: str) -> None:
        if self.tray is None or self.tray.delivered_by != BY_WINDOW:
            return  # the desktop showed it: a notification, or the tray's balloon
        if not self.window.isHidden():
            self.window.notice.show_message(text)

    def edit_reminders(self) -> None:
        settings = self.window.settings
        dialog = RemindersDialog(bool(settings.get("reminders")), settings.get("reminder_days"),
                                 settings.get("reminder_time"), self.window)
        if dialog.exec():
            on, days, at = dialog.chosen()
            self._settings.set("reminders", on)
            if days:
                self._settings.set("reminder_days", days)
            self._settings.set("reminder_time", at)
            if self.tray is not None:
                self.tray.refresh()
        dialog.deleteLater()

    def set_start_at_login(self, on: bool) -> None:
        try:
            if on:
                autostart.enable_autostart([*autostart.default_command(), TRAY_FLAG])
            else:
                autostart.disable_autostart()
        except OSError as exc:
            self.window.statusBar().showMessage(
                f"Start at login can't be {'set' if on else 'turned off'} ({exc.strerror or exc}).", 20_000)
        enabled = autostart.autostart_enabled()
        self.login_action.setChecked(enabled)
        if enabled == on:
            self._settings.set("autostart", on)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The window's close button hides it to the tray while reminders are on: they need the app running.
        Quit (Ctrl+Q, the menus) closes it for real."""
        if (watched is self.window and event.type() == QEvent.Type.Close and not self._quitting
                and self.in_tray and self.window.settings.get("reminders")
                and not (self.window.driver is not None and self.window.driver.running)):
            self.window.hide()
            event.ignore()
            if self.tray is not None and self.tray.icon is not None and not self._told_still_in_tray:
                self._told_still_in_tray = True
                if QSystemTrayIcon.supportsMessages():
                    self.tray.icon.showMessage("selfmassage", STILL_IN_TRAY,
                                               QSystemTrayIcon.MessageIcon.Information, 8000)
            return True
        return False

    # -- missing pieces ------------------------------------------------------------------------------

    def tell_missing_pieces(self) -> list[str]:
        """One line each in the banner for what the app lacks but works without; returns the lines."""
        told = []
        body_map = self.window.session_view.body_map
        problem = getattr(body_map, "problem", None)
        if problem:
            told.append(str(problem))
        builtin = self.window.library.builtin_dir
        if builtin is None or not any(builtin.glob("*.json")):
            told.append(MISSING_BUILTINS)
        told.extend(self.window.settings.problems)
        for line in told:
            self.window.notice.tell_once(line)
        return told

    def _settings_problem(self, exc: OSError) -> None:
        if not self._settings_told:
            self._settings_told = True
            self.window.statusBar().showMessage(
                f"Your settings can't be saved ({exc.strerror or exc}); they hold until you quit.", 20_000)

    # -- the menu ------------------------------------------------------------------------------------

    def _make_menu(self) -> None:
        menu = self.window.menu("H&istory")
        self.review_action = self._action(menu, "Review…", self.open_review, "Ctrl+H",
                                          "How often you massage, against your plan")
        self.export_action = self._action(menu, "Export history…", self.export_history, "",
                                          "Save every session to a CSV file")
        self.import_action = self._action(menu, "Import history…", self.import_history, "",
                                          "Add sessions from a CSV backup")
        menu.addSeparator()
        plan_menu = menu.addMenu("Plan")
        plan_menu.menuAction().setStatusTip("How often you mean to massage")
        group = QActionGroup(self)
        self.plan_actions: dict[PlanKind, QAction] = {}
        for kind, text in ((PlanKind.PREVENTIVE, "Preventive: 1–2 a week"),
                           (PlanKind.PAIN_RELIEF, "Pain relief: every other day"),
                           (PlanKind.CUSTOM, "Your own number a week…")):
            action = QAction(text, self)
            action.setCheckable(True)
            action.setStatusTip(f"Your plan: {text.rstrip('…').lower()}")
            group.addAction(action)
            plan_menu.addAction(action)
            self.plan_actions[kind] = action
        for kind in (PlanKind.PREVENTIVE, PlanKind.PAIN_RELIEF):
            self.plan_actions[kind].triggered.connect(
                lambda _checked=False, kind=kind: self.set_plan(Plan(kind)))
        self.plan_actions[PlanKind.CUSTOM].triggered.connect(self.ask_custom_plan)
        self._show_plan()
        menu.addSeparator()
        self.reminders_action = self._action(menu, "Reminders…", self.edit_reminders, "",
                                             "A reminder on the days and at the time you choose")
        self.login_action = QAction("Start at login", self)
        self.login_action.setCheckable(True)
        self.login_action.setChecked(autostart.autostart_enabled())
        self.login_action.setStatusTip("Open selfmassage in the tray when you log in")
        self.login_action.toggled.connect(self._login_toggled)
        menu.addAction(self.login_action)
        self._update_actions()

    def _login_toggled(self, on: bool) -> None:
        if on != autostart.autostart_enabled():
            self.set_start_at_login(on)

    def _action(self, menu: Any, text: str, slot: Callable[[], object], keys: str, tip: str) -> QAction:
        action = QAction(text, self)
        if keys:
            action.setShortcut(QKeySequence(keys))
        action.setStatusTip(tip)
        action.setToolTip(f"{tip} ({keys})" if keys else tip)
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        self.window.addAction(action)  # shortcuts work on every page
        return action

    def _update_actions(self) -> None:
        has_history = self.history is not None
        self.export_action.setEnabled(has_history)
        self.import_action.setEnabled(self.saving)


def add_history(window: MainWindow, history: History | None = None, **options: Any) -> HistoryHook:
    """The one call the app makes after building its main window (before any other session listener)."""
    return HistoryHook(window, history, **options)
