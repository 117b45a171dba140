"""Puts the session history into the main window: every session recorded as it runs, the review page and a
History menu (with the Plan submenu, plan_menu, and the tray's reminders and start at login, tray_hook).

The app calls `add_history(window)` once the rest of the window is built (menus, the picker's History
button), then `hook.load(history_path())`: opening the history file, which may mean moving a damaged one
aside, never delays the first paint.

The window asks this hook for each session's recorder (`keep_sessions`) and session_wiring subscribes it
before the sound and the window, so each finished step is committed before the next one is cued or shown —
as in the terminal. The check-in goes from the summary straight to that recorder.

Nothing here ever stops a session or ends in a traceback: a history that can't be opened or written costs
one line in the window's notice banner, and the session runs on unsaved. A file found damaged after it
opened (by a session, the review, the tray) is said once, naming it, and the window goes on without it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QPushButton

from selfmassage.core.engine import SessionEngine
from selfmassage.core.plan import Plan
from selfmassage.core.session_result import SessionResult
from selfmassage.i18n import _
from selfmassage.qt.missing_pieces import tell_missing_pieces
from selfmassage.qt.pages import Page
from selfmassage.qt.plan_menu import PlanMenu
from selfmassage.qt.tray_hook import TrayHook
from selfmassage.store.history import History, HistoryError, is_damaged
from selfmassage.store.history_rescue import damaged_since_open
from selfmassage.store.recorder import SessionRecorder, local_now

if TYPE_CHECKING:
    from selfmassage.qt.main_window import MainWindow
    from selfmassage.qt.notifier import DesktopNotifier
    from selfmassage.qt.review import ReviewPage
    from selfmassage.qt.review_screen import ReviewScreen


class _NoHistory:
    """No sessions at all: what the tray works from when the history can't be opened."""

    def week_totals(self, first: date, last: date) -> dict[date, tuple[int, float]]:
        return {}

    def day_counts(self, first: date | None = None, last: date | None = None) -> list[tuple[date, int]]:
        return []

    def symptom_reports(self, first: date, last: date) -> list[tuple[date, frozenset[str]]]:
        return []


class HistoryHook(QObject):
    """Owns the history inside a window: the recorder of each session, the review, the plan, the tray."""

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
        self.recorder: SessionRecorder | None = None  # the last session's
        self.screen: ReviewScreen | None = None
        self.review: ReviewPage | None = None
        self._now = now
        self._owned = False  # closed by close() only if this hook opened it
        self._closed = False
        window.keep_sessions(self._make_recorder)
        window.session_ended.connect(self._history_changed)
        window.preventive_wanted.connect(lambda: self.set_plan(Plan()))
        menu = window.menu("H&istory")
        self.review_action = window.add_action("review", _("Review…"), self.open_review, menu=menu,
                                               keys="Ctrl+H",
                                               tip=_("How often you massage, against your plan"))
        self.export_action = window.add_action("export_history", _("Export history…"), self.export_history,
                                               menu=menu, tip=_("Save every session to a CSV file"))
        self.import_action = window.add_action("import_history", _("Import history…"), self.import_history,
                                               menu=menu, tip=_("Add sessions from a CSV backup"))
        menu.addSeparator()
        self.plan_menu = PlanMenu(menu, window.settings, window)
        self.plan_menu.chosen.connect(self.set_plan)
        menu.addSeparator()
        self.tray_hook = TrayHook(window, menu, now=now, tray_available=tray_available, notifier=notifier)
        self._update_actions()
        self.button = QPushButton(_("History"))
        self.button.setToolTip(_("How often you massage, against your plan (Ctrl+H)"))
        self.button.setAccessibleName(_("History"))
        self.button.setAccessibleDescription(self.button.toolTip())
        self.button.clicked.connect(self.open_review)
        window.add_picker_button(self.button)
        if history is not None:
            self.use_history(history)

    # -- the history ---------------------------------------------------------------------------------

    def load(self, path: Path) -> None:
        """After the window shows: open the history, start the tray, tell what is missing."""
        self.open(path)
        tell_missing_pieces(self.window)

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
        self.tray_hook.start(history)
        self._update_actions()

    def _no_history(self, reason: str) -> None:
        self.history = None
        self.missing = reason
        unsaved = _("Your sessions won't be saved; everything else works.")
        self.window.notice.tell_once(f"{reason} {unsaved}")
        if self.screen is not None:
            self._fill_screen()
        self.tray_hook.start(_NoHistory())
        self._update_actions()

    def _history_damaged(self) -> None:
        """The file was found damaged since it opened: said once, and the window goes on without it (no
        sessions saved, nothing to review or remind from) until the next start moves it aside and carries
        over what still reads (History.open)."""
        if self.history is None:
            return
        path = self.history.path
        if self._owned:
            self.history.close()
        self._owned = False
        self._no_history(damaged_since_open(path))

    @property
    def saving(self) -> bool:
        """Whether a session started now would be kept."""
        return self.history is not None and not self.history.read_only

    def close(self) -> None:
        """When the app ends: the tray icon goes, and a history this hook opened is closed."""
        if self._closed:
            return
        self._closed = True
        self.window.keep_sessions(None)
        self.window.session_ended.disconnect(self._history_changed)
        self.tray_hook.close()
        self.recorder = None
        if self.history is not None and self._owned:
            self.history.close()
        self.history = None

    # -- sessions ------------------------------------------------------------------------------------

    def _make_recorder(self, engine: SessionEngine) -> SessionRecorder | None:
        self.recorder = None
        if self.saving and not engine.routine.practice:  # a try-out from the Learn page is not a massage
            assert self.history is not None
            self.recorder = SessionRecorder(self.history, engine, wall_clock=self._now,
                                            on_problem=self._recording_problem)
        return self.recorder

    def _recording_problem(self, problem: str) -> None:
        """The session runs on unsaved; a damaged file is said once, for everything, not per session."""
        if self.recorder is not None and self.recorder.damaged:
            self._history_damaged()
        else:
            self.window.notice.tell_once(problem)

    def _history_changed(self, _result: SessionResult | None = None) -> None:
        try:
            if self.review is not None:
                self.review.refresh()
            self.tray_hook.refresh()
        except sqlite3.DatabaseError as exc:
            if not is_damaged(exc):
                raise
            self._history_damaged()

    # -- the review page -----------------------------------------------------------------------------

    def ensure_screen(self) -> ReviewScreen:
        if self.screen is None:
            # The review's modules (its charts, table, CSV) load when it is first opened.
            from selfmassage.qt.review_screen import ReviewScreen

            self.screen = ReviewScreen()
            self.screen.setWindowTitle(_("Your history"))  # what a screen reader calls the page
            self.screen.back_requested.connect(self.window.back_to_routines)
            self.window.add_page(Page.REVIEW, self.screen, themed=True)
            self._fill_screen()
        return self.screen

    def _fill_screen(self) -> None:
        assert self.screen is not None
        self.review = None
        if self.history is None:
            why = self.missing or _("It opens in a moment.")
            self.screen.show_message(_("Your history can't be shown. {why}").format(why=why))
            return
        from selfmassage.qt.review import ReviewPage  # with the screen, when first opened

        review = ReviewPage(self.history, self.window.settings, now=self._now)
        if self.history.read_only:  # its notice says why; an import or a delete could only fail
            review.import_button.hide()
            review.delete_button.hide()
        review.plan_changed.connect(self._plan_changed)
        review.changed.connect(self._history_changed)
        review.damaged.connect(self._history_damaged)  # as when opening or refreshing it finds that
        self.screen.set_content(review)
        self.review = review

    def open_review(self) -> ReviewScreen | None:
        """Show the review; None during a session, whose page must stay in reach."""
        window = self.window
        if window.sessions.running:
            window.statusBar().showMessage(_("Your history opens once the session is over."), 10_000)
            return None
        if window.current_page() == Page.SUMMARY:
            window.back_to_routines()  # leaving the summary, as Done does: the session is handed on
        fresh = self.screen is None
        try:
            screen = self.ensure_screen()
            if self.review is not None and not fresh:
                self.review.refresh()  # sessions run, imported or deleted elsewhere since it was last shown
        except sqlite3.DatabaseError as exc:
            if not is_damaged(exc) or self.screen is None:
                raise
            self._history_damaged()  # and the page says so
            screen = self.screen
        window.show_page(Page.REVIEW)
        (self.review.table if self.review is not None else screen.back_button).setFocus()
        return screen

    def export_history(self) -> None:
        if self.open_review() is not None and self.review is not None:
            self.review.export_csv()

    def import_history(self) -> None:
        if self.open_review() is not None and self.review is not None:
            self.review.import_csv()

    # -- the plan ------------------------------------------------------------------------------------

    def set_plan(self, plan: Plan) -> None:
        if self.review is not None:
            self.review.set_plan(plan)  # saves it and says so through plan_changed
            return
        self.window.settings.plan = plan.kind.value
        self.window.settings.plan_per_week = plan.per_week
        self._plan_changed(plan)

    def _plan_changed(self, plan: Plan) -> None:
        if plan.advice:  # the guide's word on this plan, once a run
            self.window.notice.tell_once(plan.advice)
        self.plan_menu.show_plan()
        self.tray_hook.refresh()

    def _update_actions(self) -> None:
        self.export_action.setEnabled(self.history is not None)
        self.import_action.setEnabled(self.saving)


def add_history(window: MainWindow, history: History | None = None, **options: Any) -> HistoryHook:
    """The one call the app makes after building its main window."""
    return HistoryHook(window, history, **options)
