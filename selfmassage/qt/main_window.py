"""The main window's first frame, and the small public API through which the rest of the app plugs in.

The window is built in two steps so that it shows fast (docs/benchmarks.md, start-up): `MainWindow(settings)`
is its first frame (the picker waiting for its routines, the menus' titles), made without the `Qt` namespace,
QStyle or the core, whose Python enums PySide6 builds on first use; `build_rest(library, parts)` imports
window_rest, the one lazy import, and adds the rest once the frame is on screen. `MainWindow(settings,
library, parts)` does both at once (tests, tools).

Other parts of the app plug in through:
- `add_page(name, widget)`, `show_page(name)`, `current_page()` (names: qt.pages.Page);
- `add_action(name, text, slot, menu=..., keys=..., tip=...)` and `menu(title)`;
- `add_picker_button(button)`, beside Start; `refresh_routines()` after routines change on disk;
- `keep_sessions(make_recorder)`: who records each session (session_wiring puts it first);
- `add_close_check(check)`: may refuse a close (unsaved changes); `set_close_policy(hide)`: hide instead of
  closing (the tray); `quit()` closes for real;
- the signals `session_started(SessionDriver)` and `session_ended(SessionResult)`.
The session is run by session_control, the sound by sound_control.
"""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import TYPE_CHECKING

# Only what the first frame needs is imported here, and nothing that touches the `Qt` namespace: PySide6
# builds its ~90 enums in Python on first use (~25 ms). The session's modules come with `build_rest`.
from PySide6.QtCore import QByteArray, QEvent, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QMenu,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from selfmassage.i18n import N_, _, os_reason
from selfmassage.qt.notice import NoticeBanner
from selfmassage.qt.pages import Page
from selfmassage.qt.picker import RoutinePicker
from selfmassage.qt.theme import apply_theme, colours, stylesheet
from selfmassage.qt.window_fit import ScreenFit, opening_size, scrolling, set_minimum
from selfmassage.store.builtin_names import shown_routine_name
from selfmassage.store.settings import Settings

# All of these come after the first frame, with window_rest (QAction, with QKeySequence and QIcon, brings
# ~10 enums PySide6 builds in Python).
if TYPE_CHECKING:
    from PySide6.QtGui import QAction, QShortcut

    from selfmassage.core.routine import Routine
    from selfmassage.qt.parts import WindowParts
    from selfmassage.qt.session_control import SessionControl
    from selfmassage.qt.session_driver import SessionDriver
    from selfmassage.qt.session_view import SessionView
    from selfmassage.qt.sound_control import SoundControl
    from selfmassage.qt.summary import SummaryPage
    from selfmassage.session_wiring import MakeRecorder
    from selfmassage.sound.interface import CuePlayer
    from selfmassage.store.library import RoutineLibrary

APP_TITLE = "selfmassage"
# Every top-level menu, for the catalogue: the parts ask for theirs by these English titles (see `menu`).
MENU_TITLES = (N_("&Session"), N_("&View"), N_("S&ound"), N_("&Routines"), N_("H&istory"), N_("&Help"))
# What a screen reader calls the page stack while each page shows (it says the stack's name on a change).
PAGE_TITLES = {Page.PICKER: N_("Choose a routine"), Page.SESSION: N_("Session"),
               Page.SUMMARY: N_("Your session")}


class MainWindow(QMainWindow):
    session_started = Signal(object)  # SessionDriver, just started
    preventive_wanted = Signal()  # the pain has eased: back to the preventive plan
    session_ended = Signal(object)  # SessionResult, once per session, with the check-in if one was given

    # Made by build_rest (window_rest.build):
    library: RoutineLibrary
    parts: WindowParts
    sessions: SessionControl
    sound: SoundControl
    session_view: SessionView
    summary: SummaryPage
    escape: QShortcut
    _rest: ModuleType  # window_rest

    def __init__(self, settings: Settings, library: RoutineLibrary | None = None,
                 parts: WindowParts | None = None, parent: QWidget | None = None) -> None:
        """With a library, the whole window; without one, only its first frame (the picker, waiting for
        the routines, and the menus' titles), and `build_rest(library, parts)` adds the rest once it shows."""
        super().__init__(parent)
        self.settings = settings
        settings.on_save_problem = self._settings_problem
        self._settings_notice_shown = False
        self.actions: dict[str, QAction] = {}
        self.built = False  # True once build_rest has run
        self.shown_paused: bool | None = None
        self._close_checks: list[Callable[[], bool]] = []
        self._hide_on_close: Callable[[], bool] | None = None
        self._quitting = False

        self.setWindowTitle(APP_TITLE)
        self.setObjectName("main_window")
        sheet = self.theme_the_app()  # before the widgets, so they are made in its font
        self._make_menus()

        self.pages = QStackedWidget(self)
        self._page_names: dict[str, QWidget] = {}
        self._themed_pages: list[QWidget] = []  # pages added later that wear the window's sheet
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
        self.picker.current_changed.connect(self._routine_chosen)
        self.style_own_widgets(sheet)  # before the picker is laid out in the stack: styled once, not twice
        self.add_page(Page.PICKER, self.picker)
        self._restore_geometry()
        if library is not None:
            self.build_rest(library, parts)

    def build_rest(self, library: RoutineLibrary, parts: WindowParts | None = None) -> None:
        """The actions and their keys, the session and summary pages; the routines come with
        `refresh_routines()` and the sound with `set_player`."""
        from selfmassage.qt import window_rest  # the one lazy import: after the first frame

        self._rest = window_rest
        window_rest.build(self, library, parts)

    # -- the public API: pages, menus, actions, closing --------------------------------------------

    def add_page(self, name: str, widget: QWidget, title: str = "", *, themed: bool = False) -> None:
        """Add a page to the window's stack; `show_page(name)` brings it up. `title` is what a screen reader
        calls it (else the widget's window title, else the name). `themed`: the page wears the window's
        style sheet, as the picker does (only for a page whose widgets take the app's font as they are)."""
        self._page_names[name] = widget
        if themed:
            self._themed_pages.append(widget)
            if self.built:
                self._rest.style_page(self, widget)
        self._page_titles[name] = title or widget.windowTitle() or _(PAGE_TITLES.get(name, name.capitalize()))
        # In a scroll area: a page that needs more room than the window has scrolls, never grows it.
        scroller = scrolling(widget)
        scroller.setAccessibleName(self._page_titles[name])
        if self.built:
            self._rest.leave_tab_to_the_page(scroller)
        self.pages.addWidget(scroller)
        if self.pages.count() == 1:
            self.pages.setAccessibleName(self._page_titles[name])

    def show_page(self, name: str, title: str = "") -> None:
        """Bring up page `name`; the keyboard goes to its first control unless it is already in the page."""
        page = self._page_names[name]
        self.pages.setCurrentWidget(page.parentWidget().parentWidget())  # its PageScroller
        # The stack is read out on every page change: by the page's title, not as an unnamed pane.
        self.pages.setAccessibleName(title or self._page_titles[name])
        if self.built:
            self._rest.focus_first(page)
        self.update_actions()

    def current_page(self) -> str:
        current = self.pages.currentWidget()
        return next(name for name, widget in self._page_names.items()
                    if widget.parentWidget().parentWidget() is current)

    def page_widgets(self) -> list[QWidget]:
        return list(self._page_names.values())

    def menu(self, title: str) -> QMenu:
        """The top-level menu called `title` (English, as in MENU_TITLES: shown in the language in use), made
        (just before Help) if there is none yet."""
        # By its English title, with or without its & (one of MENU_TITLES), shown in the language in use.
        bare = title.replace("&", "")
        title = _(next((known for known in MENU_TITLES if known.replace("&", "") == bare), title))
        for action in self.menuBar().actions():
            if action.menu() is not None and action.text().replace("&", "") == title.replace("&", ""):
                return action.menu()  # type: ignore[return-value]
        menu = QMenu(title, self)
        self.menuBar().insertMenu(self.menus["help"].menuAction(), menu)
        return menu

    def add_action(self, name: str, text: str, slot: Callable[..., object], *, menu: QMenu | None = None,
                   keys: str | list[str] = "", tip: str = "", checkable: bool = False) -> QAction:
        """An action whose keys work on every page; in `actions[name]`, and in `menu` if given."""
        action = self._rest.make_action(self, name, text, slot, keys=keys, tip=tip, checkable=checkable,
                                        menu=menu)
        self.actions[name] = action
        return action

    def add_picker_button(self, button: QPushButton) -> None:
        """A button beside Start (History, Edit routines)."""
        self.picker.add_button(button)

    def keep_sessions(self, make_recorder: MakeRecorder | None) -> None:
        """Who records each session from now on; None: no one."""
        self.sessions.make_recorder = make_recorder

    def add_close_check(self, check: Callable[[], bool]) -> None:
        """Asked before the window closes (Save / Discard / Cancel…); False keeps it open."""
        self._close_checks.append(check)

    def set_close_policy(self, hide_instead: Callable[[], bool]) -> None:
        """Asked when the window's close button is pressed: True hides it instead (the tray keeps the app
        running). `quit()` always closes, and then ends the app."""
        self._hide_on_close = hide_instead

    def quit(self) -> bool:
        """Close for real (asking first during a session), then end the app if it would run on hidden.
        False when the person chose to keep going."""
        self._quitting = True
        try:
            closed = self.close()
        finally:
            self._quitting = False
        if closed and self._hide_on_close is not None:
            QApplication.quit()
        return closed

    def bring_to_front(self) -> None:
        """Un-minimise, raise and focus the window (a second start, the tray, a reminder asked for it)."""
        self.showNormal() if self.isMinimized() else self.show()
        self.raise_()
        self.activateWindow()

    # -- routines, sound, session: filled in after the window shows ---------------------------------

    @property
    def driver(self) -> SessionDriver | None:
        return self.sessions.driver if self.built else None

    @property
    def player(self) -> CuePlayer | None:
        return self.sound.player if self.built else None

    def refresh_routines(self) -> None:
        """Read the routine folders again (at start, after the editor saves) and keep the selection."""
        current = self.picker.current_entry()
        entries = self.library.entries()
        wanted = current.name if current is not None else self.settings.last_routine
        if wanted and not any(entry.name == wanted for entry in entries):  # a built-in one, another language
            wanted = shown_routine_name(wanted)
        self.mark_spine_care()
        self.picker.set_entries(entries, select=wanted)
        if self.focusWidget() is None:
            # The list, not the first button in the window (a notice's Close): Enter starts from there.
            self.picker.list.setFocus()
        self.update_actions()

    def set_player(self, player: CuePlayer) -> None:
        """The cue player, once it is made (after the window shows); mute and volume come from settings."""
        self.sound.set_player(player)

    def report_sound_problem(self, problem: object) -> None:
        """Hand this to the player as `on_problem`; safe to call from any thread."""
        self.sound.report_problem(problem)

    def open_volume(self) -> None:
        self.sound.open_volume()

    def start_session(self, routine: Routine) -> bool:
        """Ask the safety questions when due, then run `routine`; False when it did not start."""
        return self.sessions.start(routine)

    def ask_to_stop(self) -> None:
        self.sessions.ask_to_stop()

    def back_to_routines(self) -> None:
        self.sessions.back_to_routines()

    def ask_safety_again(self) -> None:
        if self.parts.safety is not None:
            self.parts.safety.ask_again(self)
            self.mark_spine_care()

    def mark_spine_care(self) -> None:
        """The picker marks the routines a spine answer of "yes" would soften."""
        gate = self.parts.safety
        self.picker.set_spine_care(gate is not None and gate.spine_care)

    def update_actions(self) -> None:
        if self.built:
            self._rest.update_actions(self)

    def _routine_chosen(self, entry: object) -> None:
        name = getattr(entry, "name", None)
        self.picker.set_short_prompts(name is not None and name in self.settings.voice_short_routines)
        self.update_actions()

    # -- the look ----------------------------------------------------------------------------------

    def set_large_text(self, on: bool) -> None:
        self.settings.large_text = bool(on)
        self._apply_look()

    def set_high_contrast(self, on: bool) -> None:
        self.settings.high_contrast = bool(on)
        self._apply_look()

    def show_muted(self, muted: bool) -> None:
        self._rest.show_muted(self, muted)

    def _apply_look(self) -> None:
        self._rest.apply_look(self)

    def theme_the_app(self) -> str:
        """The app's palette and font for the settings; returns the sheet for the window's own widgets.
        The app's own style comes with the rest (window_rest.apply_look): it brings QStyle's enums."""
        high_contrast = self.settings.high_contrast
        self.colours = colours(high_contrast)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            large = self.settings.large_text
            return apply_theme(app, high_contrast=high_contrast, large_text=large)
        return stylesheet(self.colours)

    def own_widgets(self) -> list[QWidget]:
        # The sheet goes on the window's own widgets only, never on an ancestor of another branch's
        # widgets (the check-in panel, a page added with add_page, the dialogs): see theme.apply_theme.
        mine: list[QWidget] = [self.picker, self.notice, self.menuBar()]
        if self.built:
            mine[1:1] = [self.session_view, *self.summary.own_widgets()]
        return mine + self._themed_pages

    def style_own_widgets(self, sheet: str) -> None:
        for widget in self.own_widgets():
            widget.setStyleSheet(sheet)

    def _make_menus(self) -> None:
        # The titles are in the first frame; build_rest fills them (their actions bring the Qt namespace).
        bar = self.menuBar()
        # Qt gives a menu bar the desktop's menu font; the app's, as refresh_fonts would (it needs the Qt
        # namespace), so the bar keeps its size when the rest of the window is built.
        bar.setProperty("theme_font", True)
        bar.setFont(QApplication.font())
        bar.setAccessibleName(_("Menu bar"))
        bar.setAccessibleDescription(_("Session, View, Sound and the other menus. Alt and a menu's "
                                       "underlined letter opens it."))
        self.menus = {name: bar.addMenu(_(title)) for name, title in
                      (("session", "&Session"), ("view", "&View"), ("sound", "S&ound"), ("help", "&Help"))}

    def _settings_problem(self, exc: OSError) -> None:
        """A settings file that can't be written never stops the window: one line, once; the values hold in
        memory until it closes."""
        if not self._settings_notice_shown:
            self._settings_notice_shown = True
            self.statusBar().showMessage(
                _("Your settings can't be saved ({reason}); they hold until you quit.").format(
                    reason=os_reason(exc)), 20_000)

    # -- window geometry and closing ---------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.WindowStateChange and self.built:  # F11, or the desktop's own key
            self.actions["full_screen"].setChecked(self.isFullScreen())
            self.update_actions()

    def _restore_geometry(self) -> None:
        set_minimum(self)  # in code: the pages' layouts never make the window grow (window_fit)
        saved = self.settings.window_geometry
        if not saved or not self.restoreGeometry(QByteArray.fromBase64(saved.encode("ascii"))):
            self.resize(opening_size(self))
        self._screen_fit = ScreenFit(self)  # and it stays inside its screen's free area

    def closeEvent(self, event: QCloseEvent) -> None:
        running = self.built and self.sessions.running
        if not self._quitting and not running and self._hide_on_close is not None and self._hide_on_close():
            self.hide()
            event.ignore()
            return
        if not all(check() for check in self._close_checks):
            event.ignore()
            return
        if running and not self.sessions.stop_to_quit():
            event.ignore()
            return
        if self.built:
            self.sessions.hand_on_result()
        self.settings.window_geometry = bytes(self.saveGeometry().toBase64().data()).decode("ascii")
        super().closeEvent(event)
