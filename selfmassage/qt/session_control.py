"""Runs one session at a time in the window: the safety questions, the session's wiring (session_wiring:
the history's recorder, then the sound, then the window), the pages it moves through, and the check-in,
which goes straight to the recorder."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from selfmassage.core.checkin import CheckIn
from selfmassage.core.engine import SessionEngine
from selfmassage.core.events import Paused, Resumed, SessionFinished, SessionStatus
from selfmassage.core.routine import Routine
from selfmassage.core.safety import SPINE_SOFTENED
from selfmassage.core.session_result import SessionResult
from selfmassage.i18n import _
from selfmassage.qt import dialogs
from selfmassage.qt.pages import Page
from selfmassage.qt.session_driver import SessionDriver
from selfmassage.qt.stop_panel import StopPanel
from selfmassage.session_wiring import MakeRecorder, WiredSession, wire_session

if TYPE_CHECKING:
    from selfmassage.qt.main_window import MainWindow

APP_TITLE = "selfmassage"


class SessionControl(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.driver: SessionDriver | None = None
        self.wired: WiredSession | None = None
        self.result: SessionResult | None = None  # the last session's, until it is handed on
        self._result_pending = False
        self.make_recorder: MakeRecorder | None = None  # set by whoever keeps the history
        self.stop_panel: StopPanel | None = None  # asks how to stop; made the first time Esc is pressed
        self._paused_to_ask = False  # the panel paused the session, so keeping going resumes it

    @property
    def running(self) -> bool:
        return self.driver is not None and self.driver.running

    def start(self, routine: Routine) -> bool:
        """Ask the safety questions when due, then run `routine`; False when it did not start."""
        window = self.window
        if self.running:
            return False
        gate = window.parts.safety
        if gate is not None and not gate.before_session(window, routine):
            return False
        window.mark_spine_care()
        softened = gate.routine_for_session(routine) if gate is not None else routine
        window.sound.offer_sound_test()
        self.hand_on_result()
        window.settings.last_routine = routine.name
        if self.driver is not None:  # the last session's: done with
            self.driver.deleteLater()
        driver = SessionDriver(softened, window.parts.clock(), sleep_clock=window.parts.sleep_clock(),
                               parent=window)
        self.driver = driver
        window.session_view.begin(driver.engine)
        driver.event.connect(window.session_view.show_event)
        driver.event.connect(self._event_for_actions)
        driver.finished.connect(self._finished)
        window.show_page(Page.SESSION, _("Session: {routine}").format(routine=routine.name))
        self.wired = wire_session(driver.engine, recorder=self.make_recorder, sound=window.sound.attach,
                                  view=self._listen)
        window.session_started.emit(driver)
        driver.start()
        if softened != routine:  # said once, as the session starts
            window.notice.show_message(_(SPINE_SOFTENED))
        window.update_actions()
        # The keys (Space, arrows, Esc, M, F11) are the window's: it must be the active window again once
        # the questions and the sound test have closed, which not every desktop does by itself.
        window.activateWindow()
        window.session_view.buttons["pause"].setFocus()
        return True

    def _listen(self, engine: SessionEngine) -> object:
        assert self.driver is not None and engine is self.driver.engine
        return self.driver.listen()

    @property
    def asking_to_stop(self) -> bool:
        return self.stop_panel is not None and self.stop_panel.isVisible()

    def ask_to_stop(self) -> None:
        """Esc or Stop: the session pauses and asks, in the window, to finish gently or to stop now."""
        if not self.running or self.driver is None:
            return
        panel = self._stop_panel()
        if panel.isVisible():  # Esc again: keep going
            panel.keep_button.click()
            return
        self._paused_to_ask = not self.driver.paused
        if self._paused_to_ask:
            self.driver.toggle_pause()
        panel.open()
        self.window.update_actions()

    def _stop_panel(self) -> StopPanel:
        if self.stop_panel is None:
            self.stop_panel = StopPanel(self.window.session_view)
            self.stop_panel.finish_gently.connect(lambda: self._stop_chosen("gently"))
            self.stop_panel.stop_now.connect(lambda: self._stop_chosen("now"))
            self.stop_panel.keep_going.connect(lambda: self._stop_chosen("keep"))
        return self.stop_panel

    def _stop_chosen(self, choice: str) -> None:
        driver = self.driver
        self.window.update_actions()
        if driver is None or not driver.running:  # the routine ended on its own meanwhile
            return
        if choice == "now":
            driver.stop()
        elif choice == "gently":
            driver.finish_gently()  # goes on from the pause at once
        elif self._paused_to_ask and driver.paused:
            driver.toggle_pause()
        if driver.running:
            self.window.session_view.buttons["pause"].setFocus()

    def stop_to_quit(self) -> bool:
        """The window is closing during a session: stop it if the person agrees; False keeps it going."""
        driver = self.driver
        assert driver is not None
        pause = not driver.paused  # the countdown waits while the question is open
        if pause:
            driver.toggle_pause()
        quit_now = dialogs.confirm(self.window, _("Quit selfmassage?"),
                                   _("A session is running. Stop it and quit?"),
                                   yes=_("Stop and quit"), no=_("Keep going"))
        if quit_now or not driver.running:
            if driver.running:
                driver.stop()
            return True
        if pause and driver.paused:
            driver.toggle_pause()
        self.window.update_actions()
        return False

    def toggle_pause(self) -> None:
        if self.driver is not None:
            self.driver.toggle_pause()
            self.window.update_actions()

    def skip(self) -> None:
        if self.driver is not None:
            self.driver.skip()

    def back(self) -> None:
        if self.driver is not None:
            self.driver.back()

    def back_to_routines(self) -> None:
        window = self.window
        self.hand_on_result()
        window.setWindowTitle(APP_TITLE)
        window.show_page(Page.PICKER)
        window.picker.list.setFocus()

    def _event_for_actions(self, event: object) -> None:
        # Only these change what the actions can do; a beat or a second changes nothing here.
        if isinstance(event, Paused | Resumed | SessionFinished):
            self.window.update_actions()

    def _finished(self, result: SessionResult) -> None:
        window = self.window
        self.result = result
        self._result_pending = True
        if self.wired is not None:
            self.wired.silence()
        make_panel = window.parts.checkin_panel
        panel = make_panel(window.summary.checkin_card) if make_panel is not None else None
        if panel is not None and window.settings.plan == "pain-relief":  # still bothering you?
            panel.ask_if_eased()  # type: ignore[attr-defined]
            panel.back_to_preventive.connect(window.preventive_wanted)  # type: ignore[attr-defined]
        window.summary.show_result(result, panel)
        done = _("Done · {app}") if result.status is SessionStatus.COMPLETED else _("Stopped · {app}")
        window.setWindowTitle(done.format(app=APP_TITLE))
        window.show_page(Page.SUMMARY)
        # The check-in's first choice, not the panel itself: a screen reader then says where it is.
        focus_panel = getattr(panel, "focus_first", None)
        focus_panel() if focus_panel is not None else window.summary.done_button.setFocus()

    def checkin_given(self, checkin: CheckIn) -> None:
        if self.wired is not None:
            self.wired.save_checkin(checkin)  # a failure is told through the recorder's on_problem
        if self.result is not None:
            self.result = self.result.with_checkin(checkin)
        self.hand_on_result()

    def hand_on_result(self) -> None:
        """Emit session_ended once: when the check-in is given, or the summary is left without it."""
        if self._result_pending and self.result is not None:
            self._result_pending = False
            self.window.session_ended.emit(self.result)
