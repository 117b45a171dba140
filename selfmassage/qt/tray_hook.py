"""The tray in the window: its icon and menu, the reminders (and the dialog that sets them), start at login,
and the close policy that hides the window to the tray while reminders are on."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from selfmassage.core.session_result import SessionResult
from selfmassage.i18n import N_, _, os_reason
from selfmassage.qt.pages import Page
from selfmassage.qt.reminders_dialog import RemindersDialog
from selfmassage.qt.session_driver import SessionDriver
from selfmassage.qt.tray import BY_WINDOW, ReminderTray
from selfmassage.store import autostart

if TYPE_CHECKING:
    from selfmassage.qt.main_window import MainWindow
    from selfmassage.qt.notifier import DesktopNotifier

TRAY_FLAG = "--tray"  # what the autostart entry adds: start in the tray, the window hidden
STILL_IN_TRAY = N_("selfmassage is still here, in the tray, for your reminders. Quit from its menu.")


class TrayHook(QObject):
    """`start(figures)` once the history is open (or known missing); `tray` is None until then."""

    def __init__(self, window: MainWindow, menu: QMenu, *, now: Callable[[], datetime],
                 tray_available: bool | None = None,
                 notifier: DesktopNotifier | Callable[[], DesktopNotifier] | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.tray: ReminderTray | None = None
        self._now = now
        self._tray_available = tray_available
        self._notifier = notifier
        self._told_still_in_tray = False
        self._closed = False
        self.reminders_action = window.add_action(
            "reminders", _("Reminders…"), self.edit_reminders, menu=menu,
            tip=_("A reminder on the days and at the time you choose"))
        self.login_action = QAction(_("Start at login"), self)
        self.login_action.setCheckable(True)
        self.login_action.setChecked(autostart.autostart_enabled())
        self.login_action.setStatusTip(_("Open selfmassage in the tray when you log in"))
        self.login_action.toggled.connect(self._login_toggled)
        menu.addAction(self.login_action)
        window.set_close_policy(self.hides_on_close)
        window.session_started.connect(self._session_started)

    def start(self, figures: Any) -> None:
        """The tray with these figures (a History, or none at all); again: new figures for it."""
        if self.tray is not None:
            self.tray.history = figures
            self.tray.refresh()
            return
        window = self.window
        # The routines the window has just read; the tray reads them again each time its menu opens.
        listed = [entry.name for entry in window.picker.entries() if entry.usable]
        tray = ReminderTray(figures, window.settings, listed, now=self._now,
                            tray_available=self._tray_available, notifier=self._notifier, parent=self)
        tray.start_requested.connect(self.start_from_tray)
        tray.picker_requested.connect(self.show_picker)
        tray.open_requested.connect(window.bring_to_front)
        tray.quit_requested.connect(window.quit)
        tray.reminder_due.connect(self._reminder_due)
        tray.menu.aboutToShow.connect(lambda: tray.set_routines(self._routine_names()))
        self.tray = tray
        driver = window.driver
        if driver is not None and driver.running:  # the history opened after a session began
            self._session_started(driver)
        if tray.notice:
            # Only someone who asked for reminders needs the banner; for anyone else a passing line will do.
            if window.settings.reminders:
                window.notice.tell_once(tray.notice)
            else:
                window.statusBar().showMessage(tray.notice, 15_000)

    def refresh(self) -> None:
        if self.tray is not None:
            self.tray.refresh()

    def close(self) -> None:
        self._closed = True
        self.window.session_started.disconnect(self._session_started)
        if self.tray is not None:
            self.tray.hide()

    @property
    def in_tray(self) -> bool:
        """Whether the tray icon is showing (a desktop with a tray)."""
        return self.tray is not None and self.tray.icon is not None

    def _routine_names(self) -> list[str]:
        return [entry.name for entry in self.window.library.entries() if entry.usable]

    def _session_started(self, driver: SessionDriver) -> None:
        if self.tray is not None:  # no reminder while it runs or is paused, and ten minutes after
            self.tray.session_started()
            driver.finished.connect(self._session_over)

    def _session_over(self, _result: SessionResult) -> None:
        """The routine ended or was stopped (before any check-in): the reminder's ten quiet minutes start."""
        if self.tray is not None and not self._closed:
            self.tray.session_ended()

    def start_from_tray(self, name: str) -> bool:
        """Start a routine picked in the tray: the same safety questions as Start, in the window."""
        window = self.window
        window.bring_to_front()
        entry = window.library.find(name)
        if entry is None or entry.routine is None or not entry.usable:
            gone = _("{name} can't be started: it is no longer there.").format(name=name)
            window.statusBar().showMessage(gone, 15_000)
            return False
        started = window.start_session(entry.routine)
        if not started and window.sessions.running:
            window.statusBar().showMessage(_("A session is running: finish or stop it first."), 15_000)
        return started

    def show_picker(self, name: str) -> None:
        """The reminder or the tray icon was clicked: the window, on the picker with `name` chosen. A
        running session keeps its page; a finished one's summary is left as Done leaves it."""
        window = self.window
        window.bring_to_front()
        if window.sessions.running:
            return
        if window.current_page() != Page.PICKER:
            window.back_to_routines()
        if name:
            window.picker.select(name)
        window.picker.list.setFocus()

    def _reminder_due(self, text: str) -> None:
        if self.tray is None or self.tray.delivered_by != BY_WINDOW:
            return  # the desktop showed it: a notification, or the tray's balloon
        if not self.window.isHidden():
            self.window.notice.show_message(text)

    def edit_reminders(self) -> None:
        settings = self.window.settings
        dialog = RemindersDialog(settings.reminders, settings.reminder_days, settings.reminder_time,
                                 self.window)
        if dialog.exec():
            on, days, at = dialog.chosen()
            settings.reminders = on
            if days:
                settings.reminder_days = days
            settings.reminder_time = at
            self.refresh()
        dialog.deleteLater()

    def set_start_at_login(self, on: bool) -> None:
        try:
            if on:
                autostart.enable_autostart([*autostart.default_command(), TRAY_FLAG])
            else:
                autostart.disable_autostart()
        except OSError as exc:
            problem = (_("Start at login can't be set ({reason}).") if on
                       else _("Start at login can't be turned off ({reason})."))
            self.window.statusBar().showMessage(problem.format(reason=os_reason(exc)), 20_000)
        enabled = autostart.autostart_enabled()
        self.login_action.setChecked(enabled)
        if enabled == on:
            self.window.settings.autostart = on

    def _login_toggled(self, on: bool) -> None:
        if on != autostart.autostart_enabled():
            self.set_start_at_login(on)

    def hides_on_close(self) -> bool:
        """The window's close button hides it to the tray while reminders are on: they need the app
        running. Quit (Ctrl+Q, the menus) closes it for real."""
        if self._closed or not (self.in_tray and self.window.settings.reminders):
            return False
        assert self.tray is not None and self.tray.icon is not None
        if not self._told_still_in_tray:
            self._told_still_in_tray = True
            if QSystemTrayIcon.supportsMessages():
                self.tray.icon.showMessage("selfmassage", _(STILL_IN_TRAY),
                                           QSystemTrayIcon.MessageIcon.Information, 8000)
        return True
