"""The main window: pages (picker, session, summary) in a stack, the menus, and the settings they change.

Other parts of the app plug in here: `add_page(name, widget)` and `show_page(name)` for a page of their own
(the routine editor, the history review), `menu(title)` for a menu to put their actions in,
`picker.add_button(...)` beside Start, `refresh_routines()` after routines change on disk, and the signals
`session_started(SessionDriver)` (every engine event follows on `driver.event`) and
`session_ended(SessionResult)`.

The window is built in two steps so that it shows fast (docs/benchmarks.md, start-up): `MainWindow(settings)`
is its first frame (the picker waiting for its routines, the menus' titles), made without the `Qt` namespace,
QStyle or the core, whose Python enums PySide6 builds on first use; `build_rest(library, parts)` adds the
rest once it is on screen. `MainWindow(settings, library, parts)` does both at once (tests, tools).

Before the first session, once, after the safety questions, the window offers a sound test (sound_intro).
High contrast and Large text reach every page: the window's own through its style sheet, pages added with
`add_page` and the dialogs through the app's palette and font (theme.apply_theme), the check-in through its
`apply_look`; a focus ring (focus_ring) marks keyboard focus wherever no style sheet draws one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

# Only what the first frame needs is imported here, and nothing that touches the `Qt` namespace: PySide6
# builds its ~90 enums in Python on first use (~25 ms). The session's modules come with `build_rest`.
from PySide6.QtCore import QByteArray, QEvent, QObject, Signal
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QStackedWidget, QVBoxLayout, QWidget

from selfmassage.qt.notice import NoticeBanner
from selfmassage.qt.picker import RoutinePicker
from selfmassage.qt.theme import (
    apply_theme,
    colours,
    refresh_fonts,
    rescale_relative_fonts,
    stylesheet,
    text_scale,
)
from selfmassage.qt.window_fit import ScreenFit, opening_size, scrolling, set_minimum
from selfmassage.store.settings import Settings

if TYPE_CHECKING:
    from PySide6.QtGui import QAction, QCloseEvent, QIcon

    from selfmassage.core.checkin import CheckIn
    from selfmassage.core.routine import Routine
    from selfmassage.core.session_result import SessionResult
    from selfmassage.qt import dialogs
    from selfmassage.qt.parts import SessionAudio, WindowParts
    from selfmassage.qt.session_driver import SessionDriver
    from selfmassage.qt.sound_intro import SoundIntroDialog
    from selfmassage.sound.check import SoundCheckResult
    from selfmassage.sound.interface import CuePlayer
    from selfmassage.store.library import RoutineLibrary

APP_TITLE = "selfmassage"
PICKER, SESSION, SUMMARY = "picker", "session", "summary"
# What a screen reader calls the page stack while each page shows (it says the stack's name on a change).
PAGE_TITLES = {PICKER: "Choose a routine", SESSION: "Session", SUMMARY: "Your session"}


class _SoundRelay(QObject):
    """Carries news from the sound thread (a problem, a finished sound check) to the window's thread."""

    problem = Signal(str)
    checked = Signal(object)  # SoundCheckResult


class MainWindow(QMainWindow):
    session_started = Signal(object)  # SessionDriver, just started
    session_ended = Signal(object)  # SessionResult, once per session, with the check-in if one was given

    def __init__(self, settings: Settings, library: RoutineLibrary | None = None,
                 parts: WindowParts | None = None, parent: QWidget | None = None) -> None:
        """With a library, the whole window; without one, only its first frame (the picker, waiting for
        the routines, and the menus' titles), and `build_rest(library, parts)` adds the rest once it shows."""
        super().__init__(parent)
        self.settings = settings
        self.player: CuePlayer | None = None
        self.driver: SessionDriver | None = None
        self.result: SessionResult | None = None  # the last session's, until it is handed on
        self._result_pending = False
        self._audio: SessionAudio | None = None
        self._sound_notice_shown = False
        self._checking_sound = False
        self._check_report: Callable[[SoundCheckResult], None] | None = None
        self._settings_notice_shown = False
        self._relay = _SoundRelay(self)
        self._relay.problem.connect(self.show_sound_notice)
        self._relay.checked.connect(self._sound_checked)
        self.actions: dict[str, QAction] = {}
        self.built = False  # True once build_rest has run

        self.setWindowTitle(APP_TITLE)
        self.setObjectName("main_window")
        sheet = self._theme_the_app(style=False)  # before the widgets, so they are made in its font
        self._make_menus()

        self.pages = QStackedWidget(self)
        self._page_names: dict[str, QWidget] = {}
        self._page_titles: dict[str, str] = {}
        self.notice = NoticeBanner(self)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        notice_row = QVBoxLayout()
        notice_row.setContentsMargins(20, 12, 20, 0)
        notice_row.addWidget(self.notice)
        layout.addLayout(notice_row)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)

        self.picker = RoutinePicker(self)
        self.picker.start_requested.connect(self.start_session)
        self.picker.current_changed.connect(self._routine_chosen)
        self.picker.short_prompts_toggled.connect(self.set_short_prompts)
        self._style_own_widgets(sheet)  # before the picker is laid out in the stack: styled once, not twice
        self.add_page(PICKER, self.picker)
        self._restore_geometry()
        if library is not None:
            self.build_rest(library, parts)

    def build_rest(self, library: RoutineLibrary, parts: WindowParts | None = None) -> None:
        """The actions and their keys, the session and summary pages; the routines come with
        `refresh_routines()` and the sound with `set_player`."""
        from selfmassage.qt.parts import WindowParts
        from selfmassage.qt.session_view import SessionActions, SessionView
        from selfmassage.qt.summary import SummaryPage

        self.library = library
        self.parts = parts or WindowParts()
        self._make_actions()
        self._fill_menus()
        self.session_view = SessionView(SessionActions(
            back=self.actions["back"], pause=self.actions["pause"], skip=self.actions["skip"],
            stop=self.actions["stop"], mute=self.actions["mute"]), self)
        self.session_view.title_changed.connect(lambda text: self.setWindowTitle(f"{text} · {APP_TITLE}"))
        if self.parts.body_map is not None:
            self.session_view.set_body_map(self.parts.body_map(self.session_view.map_card))
        self.summary = SummaryPage(self)
        self.summary.checkin_submitted.connect(self._checkin_given)
        self.summary.checkin_skipped.connect(self._hand_on_result)
        self.summary.done_requested.connect(self.back_to_routines)
        self.add_page(SESSION, self.session_view)
        self.add_page(SUMMARY, self.summary)
        from selfmassage.qt.session_prompts import PromptChoice

        self.prompt_choice = PromptChoice(self)  # Spoken prompts by…, Time left (T), a screen reader's words
        self.built = True
        for number in range(self.pages.count()):  # the PageScrollers of add_page
            self.pages.widget(number).leave_tab_to_the_page()
        self._apply_look()
        self._update_actions()

    # -- pages and menus: where other parts of the app plug in ------------------------------------

    def add_page(self, name: str, widget: QWidget, title: str = "") -> None:
        """Add a page to the window's stack; `show_page(name)` brings it up. `title` is what a screen reader
        calls it (else the widget's window title, else the name)."""
        self._page_names[name] = widget
        self._page_titles[name] = title or widget.windowTitle() or PAGE_TITLES.get(name, name.capitalize())
        # In a scroll area: a page that needs more room than the window has scrolls, never grows it.
        scroller = scrolling(widget)
        scroller.setAccessibleName(self._page_titles[name])
        if self.built:
            scroller.leave_tab_to_the_page()
        self.pages.addWidget(scroller)
        if self.pages.count() == 1:
            self.pages.setAccessibleName(self._page_titles[name])

    def show_page(self, name: str, title: str = "") -> None:
        """Bring up page `name`; the keyboard goes to its first control unless it is already in the page."""
        from selfmassage.qt.a11y import focus_first

        page = self._page_names[name]
        self.pages.setCurrentWidget(page.parentWidget().parentWidget())  # its PageScroller
        # The stack is read out on every page change: by the page's title, not as an unnamed pane.
        self.pages.setAccessibleName(title or self._page_titles[name])
        focus_first(page)
        self._update_actions()

    def current_page(self) -> str:
        current = self.pages.currentWidget()
        return next(name for name, widget in self._page_names.items()
                    if widget.parentWidget().parentWidget() is current)

    def menu(self, title: str) -> QMenu:
        """The top-level menu called `title`, made (just before Help) if there is none yet."""
        for action in self.menuBar().actions():
            if action.menu() is not None and action.text().replace("&", "") == title.replace("&", ""):
                return action.menu()  # type: ignore[return-value]
        menu = QMenu(title, self)
        self.menuBar().insertMenu(self._menus["help"].menuAction(), menu)
        return menu

    # -- routines and sound, filled in after the window shows --------------------------------------

    def refresh_routines(self) -> None:
        """Read the routine folders again (at start, after the editor saves) and keep the selection."""
        current = self.picker.current_entry()
        wanted = current.name if current is not None else self.settings.get("last_routine")
        self.picker.set_entries(self.library.entries(), select=wanted)
        if self.focusWidget() is None:
            # The list, not the first button in the window (a notice's Close): Enter starts from there.
            self.picker.list.setFocus()
        self._update_actions()

    def set_player(self, player: CuePlayer) -> None:
        """The cue player, once it is made (after the window shows); mute and volume come from settings."""
        self.player = player
        player.muted = bool(self.settings.get("muted"))
        player.volume = float(self.settings.get("volume"))
        player.voice_volume = float(self.settings.get("voice_volume"))
        if player.problem:
            self.show_sound_notice(str(player.problem))
        self._update_actions()

    def report_sound_problem(self, problem: object) -> None:
        """Hand this to the player as `on_problem`; safe to call from any thread."""
        self._relay.problem.emit(str(problem))

    def show_sound_notice(self, problem: str) -> None:
        """One notice a run; the session carries on without sound."""
        if self._sound_notice_shown:
            return
        self._sound_notice_shown = True
        self.notice.show_message(problem.strip())  # the player's sentence says what happened and what to do

    # -- the session -------------------------------------------------------------------------------

    def start_session(self, routine: Routine) -> bool:
        """Ask the safety questions when due, then run `routine`; False when it did not start."""
        if self.driver is not None and self.driver.running:
            return False
        if self.parts.safety is not None and not self.parts.safety.before_session(self, routine):
            return False
        self.offer_sound_test()
        self._hand_on_result()
        self._remember("last_routine", routine.name)
        if self.driver is not None:  # the last session's: done with
            self.driver.deleteLater()
        from selfmassage.qt.session_driver import SessionDriver

        driver = SessionDriver(routine, self.parts.clock(), sleep_watch=self.parts.sleep_watch(), parent=self)
        self.driver = driver
        self.session_view.begin(driver.engine)
        driver.event.connect(self.session_view.show_event)
        driver.event.connect(self._event_for_actions)
        driver.finished.connect(self._session_finished)
        self.show_page(SESSION, f"Session: {routine.name}")
        # Who hears each event first: the history (subscribed here), then the sound, then the window.
        self.session_started.emit(driver)
        if self.player is not None and self.parts.session_audio is not None:
            self._audio = self.parts.session_audio(driver.engine, self.player)
        driver.start()
        self._update_actions()
        self.session_view.buttons["pause"].setFocus()
        return True

    def ask_to_stop(self) -> None:
        if self.driver is None or not self.driver.running:
            return
        from selfmassage.qt import dialogs

        if dialogs.confirm(self, "Stop the session?", "Stop here? You can start again any time.",
                           yes="Stop", no="Keep going"):
            # The answer may come after the routine ended on its own; stop() then does nothing.
            self.driver.stop()

    def back_to_routines(self) -> None:
        self._hand_on_result()
        self.setWindowTitle(APP_TITLE)
        self.show_page(PICKER)
        self.picker.list.setFocus()

    def _session_finished(self, result: SessionResult) -> None:
        from selfmassage.core.events import SessionStatus

        self.result = result
        self._result_pending = True
        if self._audio is not None:
            self._audio.detach()
            self._audio = None
        make_panel = self.parts.checkin_panel
        panel = make_panel(self.summary.checkin_card) if make_panel is not None else None
        self.summary.show_result(result, panel)
        self.setWindowTitle(f"{'Done' if result.status is SessionStatus.COMPLETED else 'Stopped'} · "
                            f"{APP_TITLE}")
        self.show_page(SUMMARY)
        # The check-in's first choice, not the panel itself: a screen reader then says where it is.
        focus_panel = getattr(panel, "focus_first", None)
        focus_panel() if focus_panel is not None else self.summary.done_button.setFocus()

    def _checkin_given(self, checkin: CheckIn) -> None:
        if self.result is not None:
            self.result = self.result.with_checkin(checkin)
        self._hand_on_result()

    def _hand_on_result(self) -> None:
        """Emit session_ended once: when the check-in is given, or the summary is left without it."""
        if self._result_pending and self.result is not None:
            self._result_pending = False
            self.session_ended.emit(self.result)

    # -- actions and menus -------------------------------------------------------------------------

    def _action(self, name: str, text: str, slot: Any, *, keys: str | list[str] = "", tip: str = "",
                checkable: bool = False) -> QAction:
        from PySide6.QtGui import QAction, QKeySequence

        action = QAction(text, self)
        action.setObjectName(f"{name}_action")
        keys = [keys] if isinstance(keys, str) else keys
        if keys and keys[0]:
            action.setShortcuts([QKeySequence(key) for key in keys])
        shown = QKeySequence(keys[0]).toString(QKeySequence.SequenceFormat.NativeText) if keys[0] else ""
        action.setToolTip(f"{tip or text.replace('…', '')} ({shown})" if shown else tip or text)
        action.setStatusTip(tip or text)
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        self.addAction(action)  # shortcuts work on every page, menu bar hidden or not
        self.actions[name] = action
        return action

    def _make_actions(self) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QKeySequence, QShortcut

        from selfmassage.qt import dialogs

        # Enter itself is the picker's (RoutinePicker.keyPressEvent): a window-wide Enter would take the
        # key from every page another part of the app adds.
        start = self._action("start", "Start", self.picker_start, tip="Start the chosen routine")
        start.setText("Start\tEnter")
        self._action("pause", "Pause", self._toggle_pause, keys="Space", tip="Pause or resume")
        self._action("skip", "Skip", self._skip, keys="Right", tip="Skip to the next step")
        self._action("back", "Back", self._back, keys="Left", tip="Back to the previous step")
        # Esc is a separate shortcut (see _escape): in full screen it leaves full screen first.
        stop = self._action("stop", "Stop…", self.ask_to_stop, tip="Stop the session")
        stop.setText("Stop…\tEsc")
        stop.setToolTip("Stop the session (Esc; in full screen, Esc first leaves full screen)")
        # Enabled only in full screen or during a session, so Esc still cancels things on other pages.
        self._escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self._escape_pressed)
        self._action("quit", "Quit", self.close, keys="Ctrl+Q", tip="Quit selfmassage")
        self._action("full_screen", "Full screen", self.toggle_full_screen, keys="F11",
                     tip="Full screen, with the biggest text", checkable=True)
        self._action("large_text", "Large text", self.set_large_text, tip="Bigger text everywhere",
                     checkable=True)
        self._action("high_contrast", "High contrast", self.set_high_contrast,
                     tip="Black, white and one strong colour", checkable=True)
        self._action("mute", "Mute", self.set_muted, keys="M", tip="Sound cues on or off", checkable=True)
        self._action("volume", "Volume…", self.open_volume, tip="How loud the cues and the voice are")
        self._action("voice", "Spoken prompts", self.set_voice,
                     tip="Say each step's name and what comes next", checkable=True)
        self._action("sound_check", "Test sound…", lambda: self.test_sound(),
                     tip="Play every sound once, and say what to check if there is none")
        self._action("safety", "Safety questions…", self.ask_safety_again,
                     tip="Go through the safety questions again")
        self._action("about", "About selfmassage", lambda: dialogs.show_about(self),
                     tip="The version, and what selfmassage does")
        self.actions["large_text"].setChecked(bool(self.settings.get("large_text")))
        self.actions["high_contrast"].setChecked(bool(self.settings.get("high_contrast")))
        self.actions["voice"].setChecked(bool(self.settings.get("voice")))

    def _make_menus(self) -> None:
        # The titles are in the first frame; build_rest fills them (their actions bring the Qt namespace).
        bar = self.menuBar()
        # Qt gives a menu bar the desktop's menu font; the app's, as refresh_fonts would (it needs the Qt
        # namespace), so the bar keeps its size when the rest of the window is built.
        bar.setProperty("theme_font", True)
        bar.setFont(QApplication.font())
        bar.setAccessibleName("Menu bar")
        bar.setAccessibleDescription("Session, View, Sound and the other menus. Alt and a menu's underlined "
                                     "letter opens it.")
        self._menus = {name: bar.addMenu(title) for name, title in
                       (("session", "&Session"), ("view", "&View"), ("sound", "S&ound"), ("help", "&Help"))}

    def _fill_menus(self) -> None:
        session = self._menus["session"]
        for name in ("start", "pause", "skip", "back", "stop"):
            session.addAction(self.actions[name])
        session.addSeparator()
        session.addAction(self.actions["quit"])
        for name in ("full_screen", "large_text", "high_contrast"):
            self._menus["view"].addAction(self.actions[name])
        for name in ("mute", "volume", "voice", "sound_check"):
            self._menus["sound"].addAction(self.actions[name])
        help_menu = self._menus["help"]
        help_menu.addAction(self.actions["safety"])
        help_menu.addSeparator()
        help_menu.addAction(self.actions["about"])

    def _update_actions(self) -> None:
        if not self.built:
            return
        page = self.current_page() if self.pages.count() else PICKER
        running = self.driver is not None and self.driver.running and page == SESSION
        for name in ("pause", "skip", "back", "stop"):
            self.actions[name].setEnabled(running)
        self.actions["start"].setEnabled(page == PICKER and self.picker.current_routine() is not None)
        paused = running and self.driver is not None and self.driver.paused
        if paused != self._shown_paused:
            self._shown_paused = paused
            pause = self.actions["pause"]
            pause.setText("Resume" if paused else "Pause")
            pause.setIcon(self._icon("play" if paused else "pause"))
            pause.setToolTip(f"{'Resume' if paused else 'Pause'} (Space)")
        self.actions["safety"].setEnabled(self.parts.safety is not None)
        self._escape.setEnabled(running or self.isFullScreen())
        # The check's sounds would mix with a session's cues.
        self.actions["sound_check"].setEnabled(self.player is not None and not running
                                               and not self._checking_sound)

    def _event_for_actions(self, event: object) -> None:
        # Only these change what the actions can do; a beat or a second changes nothing here.
        from selfmassage.core.events import Paused, Resumed, SessionFinished

        if isinstance(event, Paused | Resumed | SessionFinished):
            self._update_actions()

    # -- what the actions do -----------------------------------------------------------------------

    def picker_start(self) -> None:
        if self.current_page() == PICKER:
            self.picker.request_start()

    def _toggle_pause(self) -> None:
        if self.driver is not None:
            self.driver.toggle_pause()
            self._update_actions()

    def _skip(self) -> None:
        if self.driver is not None:
            self.driver.skip()

    def _back(self) -> None:
        if self.driver is not None:
            self.driver.back()

    def _escape_pressed(self) -> None:
        # Esc first leaves full screen, as in a video player; out of full screen it asks to stop.
        if self.isFullScreen():
            self.toggle_full_screen()
        elif self.current_page() == SESSION:
            self.ask_to_stop()

    def toggle_full_screen(self) -> None:
        from PySide6.QtCore import Qt

        self.setWindowState(self.windowState() ^ Qt.WindowState.WindowFullScreen)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.WindowStateChange and self.built:  # F11, or the desktop's own key
            self.actions["full_screen"].setChecked(self.isFullScreen())
            self._update_actions()

    def set_large_text(self, on: bool) -> None:
        self._remember("large_text", bool(on))
        self._apply_look()

    def set_high_contrast(self, on: bool) -> None:
        self._remember("high_contrast", bool(on))
        self._apply_look()

    def set_muted(self, muted: bool) -> None:
        self._remember("muted", bool(muted))
        if self.player is not None:
            self.player.muted = bool(muted)
        self._show_muted(bool(muted))

    def _show_muted(self, muted: bool) -> None:
        mute = self.actions["mute"]
        mute.setChecked(muted)
        mute.setText("Unmute" if muted else "Mute")
        mute.setToolTip(f"{'Sound is off: turn it on' if muted else 'Turn the sound off'} (M)")
        mute.setIcon(self._icon("muted" if muted else "sound"))

    def set_volume(self, volume: float) -> None:
        self._remember("volume", max(0.0, min(1.0, float(volume))))
        if self.player is not None:
            self.player.volume = float(self.settings.get("volume"))

    def set_voice_volume(self, volume: float) -> None:
        self._remember("voice_volume", max(0.0, min(1.0, float(volume))))
        if self.player is not None:
            self.player.voice_volume = float(self.settings.get("voice_volume"))

    def open_volume(self) -> None:
        from selfmassage.qt import dialogs

        dialog = dialogs.VolumeDialog(
            float(self.settings.get("volume")), self.set_volume,
            float(self.settings.get("voice_volume")), self.set_voice_volume, self,
            voice_on=bool(self.settings.get("voice")), on_voice_toggle=self.set_voice)
        dialog.test_button.setEnabled(self._can_test_sound())
        dialog.test_button.clicked.connect(lambda: self._test_sound_in(dialog))
        dialog.exec()
        dialog.deleteLater()

    def set_voice(self, on: bool) -> None:
        """Spoken prompts on or off, from the Sound menu, the volume window or the first sound test."""
        self._remember("voice", bool(on))
        self.actions["voice"].setChecked(bool(on))
        if self._audio is not None:
            self._audio.set_voice(bool(on))

    def set_short_prompts(self, routine: str, on: bool) -> None:
        """Whether `routine`'s spoken prompts name only what changes (setting voice_short_routines)."""
        names = [name for name in self.settings.get("voice_short_routines") if name != routine]
        self._remember("voice_short_routines", [*names, routine] if on else names)

    def _routine_chosen(self, entry: object) -> None:
        name = getattr(entry, "name", None)
        self.picker.set_short_prompts(name is not None and name in self.settings.get("voice_short_routines"))
        self._update_actions()

    def _can_test_sound(self) -> bool:
        # The check's sounds would mix with a session's cues.
        return not self._checking_sound and not (self.driver is not None and self.driver.running)

    def test_sound(self, report: Callable[[SoundCheckResult], None] | None = None) -> bool:
        """Play every cue and a voice clip on the sound thread; False if it can't start now.

        What was found goes to `report` (a dialog that shows it in place), else to a message box.
        """
        if not self._can_test_sound():
            return False
        self._checking_sound = True
        self._check_report = report
        self._update_actions()
        self.statusBar().showMessage("Playing every sound once…")
        # Before the player is ready (it opens after the window shows), the check opens a device of its own.
        from selfmassage.sound.check import start_sound_check

        start_sound_check(self._relay.checked.emit, self.player, volume=float(self.settings.get("volume")),
                          voice_volume=float(self.settings.get("voice_volume")))
        return True

    def _test_sound_in(self, dialog: dialogs.VolumeDialog | SoundIntroDialog) -> None:
        """Test sound pressed in a dialog: it says there what was found."""
        if self.test_sound(dialog.show_check):
            dialog.show_checking()

    def _sound_checked(self, result: SoundCheckResult) -> None:
        self._checking_sound = False
        report, self._check_report = self._check_report, None
        self._update_actions()
        self.statusBar().clearMessage()
        if report is not None:
            try:
                report(result)
                return
            except RuntimeError:  # the dialog that asked was closed meanwhile
                self.statusBar().showMessage(result.message, 20_000)
                return
        from selfmassage.qt import dialogs

        dialogs.tell(self, "Test sound", result.message)

    def offer_sound_test(self) -> None:
        """Before the first session, once: Can you hear this? (Test sound, Spoken prompts, Continue)."""
        if self.settings.get("sound_intro_done"):
            return
        from selfmassage.qt.sound_intro import SoundIntroDialog
        from selfmassage.sound.check import advice

        problem = self.player.problem if self.player is not None else None
        dialog = SoundIntroDialog(voice_on=bool(self.settings.get("voice")),
                                  problem=advice(str(problem)) if problem else None, parent=self)
        dialog.test_button.clicked.connect(lambda: self._test_sound_in(dialog))
        dialog.voice.toggled.connect(self.set_voice)
        dialog.exec()
        self._remember("sound_intro_done", True)
        dialog.deleteLater()

    def ask_safety_again(self) -> None:
        if self.parts.safety is not None:
            self.parts.safety.ask_again(self)

    def _theme_the_app(self, *, style: bool = True) -> str:
        """The app's palette and font (and style) for the settings; returns the sheet for the window's
        own widgets. The first frame takes Fusion from the command line (run_app), not the app's own style:
        that brings QStyle's enums (see theme.apply_theme)."""
        high_contrast = bool(self.settings.get("high_contrast"))
        self._colours = colours(high_contrast)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            large = bool(self.settings.get("large_text"))
            return apply_theme(app, high_contrast=high_contrast, large_text=large, style=style)
        return stylesheet(self._colours)

    def _own_widgets(self) -> list[QWidget]:
        # The sheet goes on the window's own widgets only, never on an ancestor of another branch's
        # widgets (the check-in panel, a page added with add_page, the dialogs): see theme.apply_theme.
        mine: list[QWidget] = [self.picker, self.notice, self.menuBar()]
        if self.built:
            mine[1:1] = [self.session_view, *self.summary.own_widgets()]
        return mine

    def _style_own_widgets(self, sheet: str) -> None:
        for widget in self._own_widgets():
            widget.setStyleSheet(sheet)

    def _apply_look(self) -> None:
        """High contrast and Large text, after a change or once build_rest has made the other pages."""
        from selfmassage.qt import focus_ring, icons

        large = bool(self.settings.get("large_text"))
        high_contrast = bool(self.settings.get("high_contrast"))
        self._style_own_widgets(self._theme_the_app())
        mine = self._own_widgets()
        for widget in mine:
            focus_ring.mark_styled(widget)  # the sheet's :focus rules draw the ring here
        refresh_fonts([self, *(w for top in mine for w in (top, *top.findChildren(QWidget)))])
        app = QApplication.instance()
        if isinstance(app, QApplication):
            focus_ring.install(app)  # the other pages and the dialogs: a ring in the accent colour
        for page in self._page_names.values():
            if page not in (self.picker, self.session_view, self.summary):
                rescale_relative_fonts(page)  # Qt hands them the new font; their headings scale here
        apply_look = getattr(self.summary.checkin_panel, "apply_look", None)
        if apply_look is not None:
            apply_look()  # the check-in's own calm look, in the new colours and size
        self.session_view.set_text_scale(text_scale(large))
        set_high_contrast = getattr(self.session_view.body_map, "set_high_contrast", None)
        if set_high_contrast is not None:
            set_high_contrast(high_contrast)
        for name, kind in (("start", "play"), ("skip", "skip"), ("back", "back"), ("stop", "stop")):
            self.actions[name].setIcon(self._icon(kind))
        self.picker.start_button.setIcon(icons.icon("play", self._colours.accent_text))
        self._show_muted(bool(self.settings.get("muted")))
        self._shown_paused: bool | None = None  # draw the pause action afresh in the new colours
        self._update_actions()

    def _remember(self, name: str, value: object) -> None:
        """Change a setting and save it; a settings file that can't be written never stops the window."""
        try:
            self.settings.set(name, value)
        except OSError as exc:  # the value still holds in memory until the window closes
            if not self._settings_notice_shown:
                self._settings_notice_shown = True
                reason = exc.strerror or exc
                self.statusBar().showMessage(
                    f"Your settings can't be saved ({reason}); they hold until you quit.", 20_000)

    remember = _remember  # for the window's parts

    def _icon(self, kind: str) -> QIcon:
        from selfmassage.qt import icons

        return icons.icon(kind, self._colours.text)

    # -- window geometry and closing ---------------------------------------------------------------

    def _restore_geometry(self) -> None:
        set_minimum(self)  # in code: the pages' layouts never make the window grow (window_fit)
        saved = self.settings.get("window_geometry")
        if not saved or not self.restoreGeometry(QByteArray.fromBase64(saved.encode("ascii"))):
            self.resize(opening_size(self))
        self._screen_fit = ScreenFit(self)  # and it stays inside its screen's free area

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.driver is not None and self.driver.running:
            from selfmassage.qt import dialogs

            if not dialogs.confirm(self, "Quit selfmassage?", "A session is running. Stop it and quit?",
                                   yes="Stop and quit", no="Keep going"):
                event.ignore()
                return
            self.driver.stop()
        self._hand_on_result()
        self._remember("window_geometry", bytes(self.saveGeometry().toBase64().data()).decode("ascii"))
        super().closeEvent(event)


def app_icon() -> QIcon:
    """The app's icon once assets/icons/selfmassage.svg exists; an empty icon until then."""
    from PySide6.QtGui import QIcon

    from selfmassage.resources import assets_dir

    path = assets_dir() / "icons" / "selfmassage.svg"
    return QIcon(str(path)) if path.is_file() else QIcon()
