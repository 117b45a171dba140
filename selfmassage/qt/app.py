"""Start the window: show it first, then load what takes time (routines, sounds) once the loop runs."""

from __future__ import annotations

import linecache
import sys
from typing import TYPE_CHECKING

from selfmassage import APP_ID

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QWidget

    from selfmassage.core.engine import SessionEngine
    from selfmassage.qt.history_hook import HistoryHook
    from selfmassage.qt.notifier import DesktopNotifier
    from selfmassage.qt.parts import WindowParts
    from selfmassage.sound.interface import CuePlayer
    from selfmassage.store.settings import Settings


class SessionAudio:
    """A session's cues and spoken prompts, as the terminal runner hooks them up: cue first, then words."""

    def __init__(self, engine: SessionEngine, player: CuePlayer, settings: Settings) -> None:
        from selfmassage.sound.session_sound import SessionSound
        from selfmassage.sound.voice import PromptStyle, SessionVoice

        self.settings = settings
        self.cues = SessionSound(engine, player, tempo_click=bool(settings.get("tempo_click")))
        style = PromptStyle.for_routine(engine.routine.name, settings.get("voice_short_routines"))
        self.voice = SessionVoice(engine, player, enabled=False, style=style)
        self.set_voice(bool(settings.get("voice")))

    def set_voice(self, on: bool) -> None:
        """The app voice speaks when it is on and the screen reader has not been given the prompts."""
        from selfmassage.core.announcements import SpokenPrompts

        self.voice.enabled = on and SpokenPrompts(self.settings.get("spoken_prompts")).by_app_voice

    def detach(self) -> None:
        self.cues.detach()
        self.voice.detach()


def real_parts(settings: Settings) -> WindowParts:
    from selfmassage.core.clock import MonotonicClock, SleepClock
    from selfmassage.qt.body_map import BodyMap
    from selfmassage.qt.checkin_dialog import CheckInPanel
    from selfmassage.qt.parts import WindowParts
    from selfmassage.qt.safety_gate import DialogSafetyGate
    from selfmassage.store.safety import SafetyStore

    return WindowParts(
        clock=MonotonicClock,
        sleep_watch=SleepClock,  # the boot clock: a sleep shows, a time-of-day change doesn't
        session_audio=lambda engine, player: SessionAudio(engine, player, settings),
        body_map=lambda parent: BodyMap(parent, high_contrast=bool(settings.get("high_contrast"))),
        checkin_panel=CheckInPanel,
        safety=DialogSafetyGate(SafetyStore.default()),
    )


def run_app(argv: list[str] | None = None, *, in_tray: bool = False) -> int:
    """`in_tray`: start with the window hidden, as at login; shown anyway on a desktop with no tray.

    The first frame is the window with the picker waiting for its routines, made from few modules; the
    rest of the window, its other parts, the routines and the sound follow once it is on screen.
    """
    from PySide6.QtWidgets import QApplication

    from selfmassage.qt.language import use_language
    from selfmassage.qt.main_window import MainWindow
    from selfmassage.qt.single_instance import SingleInstance
    from selfmassage.store.paths import runtime_dir, settings_path
    from selfmassage.store.settings import Settings

    existing = QApplication.instance()
    # Fusion from the start, as Qt's own option: asking for it in code would build QStyle's enums before
    # the first frame (see main_window); the window's own style, built on Fusion, follows with the rest.
    args = [*(argv or sys.argv), "-style", "Fusion"]
    app = existing if isinstance(existing, QApplication) else QApplication(args)
    instance = SingleInstance(runtime_dir())
    if not instance.claim(listen=False):  # listening waits for the first frame: see build_the_rest
        print("selfmassage is already open; its window was brought to the front.", file=sys.stderr)
        return 0
    player: CuePlayer | None = None
    history_hook: HistoryHook | None = None
    try:
        app.setApplicationName("selfmassage")
        app.setApplicationDisplayName("selfmassage")
        app.setOrganizationName("selfmassage")
        app.setDesktopFileName(APP_ID)  # Wayland's app id: the compositor finds the menu entry and icon
        settings = Settings(settings_path())
        use_language(app, settings.get("language"))  # before the first word is shown
        window = MainWindow(settings)  # its first frame
        if not in_tray:
            window.show()

        def build_the_rest() -> None:
            # After the first paint: the rest of the window, reading every routine file, the sound.
            nonlocal player, history_hook
            from selfmassage.qt.editor_hook import add_routine_editor
            from selfmassage.qt.history_hook import add_history
            from selfmassage.qt.language import add_language_menu
            from selfmassage.qt.learn_page import add_learn_page
            from selfmassage.qt.main_window import app_icon
            from selfmassage.qt.menu_entry_switch import add_menu_entry_switch
            from selfmassage.qt.movement_hook import add_movement
            from selfmassage.resources import assets_dir
            from selfmassage.sound.player import make_player
            from selfmassage.store.library import RoutineLibrary
            from selfmassage.store.paths import history_path, routines_dir

            app.setWindowIcon(app_icon())
            builtin = assets_dir() / "routines"
            window.build_rest(RoutineLibrary(routines_dir(), builtin if builtin.is_dir() else None),
                              real_parts(settings))
            add_routine_editor(window)  # a Routines menu and "Edit routines"; its page is made when opened
            # Before any other hook that listens for sessions: the history must hear each one first.
            history_hook = add_history(window, notifier=lambda: desktop_notifier(window))
            add_menu_entry_switch(window)
            add_language_menu(window)
            instance.raise_requested.connect(lambda: bring_to_front(window))
            instance.listen()
            window.refresh_routines()
            player = make_player(bool(settings.get("muted")), float(settings.get("volume")),
                                 on_problem=window.report_sound_problem,
                                 voice_volume=float(settings.get("voice_volume")))
            window.set_player(player)
            history_hook.load(history_path())  # with the tray, and a line for each missing piece
            if in_tray and not history_hook.in_tray:
                window.show()  # no tray to open it from
            add_learn_page(window, add_movement(window))  # the movement on the map, and Help ▸ Learn
            # PySide6's import hook reads the source of every module imported after it (inspect.getsource),
            # and linecache keeps it all: ~5 MiB of text no one reads. A traceback reads its lines again.
            linecache.clearcache()

        # Hidden in the tray there is no first frame to wait for.
        after_first_paint(window, build_the_rest, at_latest_ms=0 if in_tray else 1000)
        return app.exec()
    finally:
        if history_hook is not None:
            history_hook.close()
        if player is not None:
            player.close()
        instance.release()


def desktop_notifier(window: QWidget) -> DesktopNotifier:
    """The notification service, made once reminders are on: QtDBus and the session bus only then."""
    from selfmassage.qt.notifier import desktop_notifier as make

    return make(window)


def after_first_paint(window: QWidget, then: Callable[[], None], *, at_latest_ms: int = 1000) -> None:
    """Run `then` once the window's first frame is on screen, or after `at_latest_ms` if it never paints
    (started minimised).

    A zero-delay timer set before the loop runs would fire before the window is exposed and painted (the
    expose comes back from the display server), so the work it does would keep the window blank.
    """
    from PySide6.QtCore import QEvent, QObject, QTimer

    done = False

    def run_once() -> None:
        nonlocal done
        if not done:
            done = True
            then()

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                window.removeEventFilter(self)
                QTimer.singleShot(0, run_once)  # runs once this paint is done and flushed
            return False

    window.installEventFilter(FirstPaint(window))
    QTimer.singleShot(at_latest_ms, run_once)


def bring_to_front(window: object) -> None:
    """Un-minimise, raise and focus the window (a second start asked for it)."""
    window.showNormal() if window.isMinimized() else window.show()  # type: ignore[attr-defined]
    window.raise_()  # type: ignore[attr-defined]
    window.activateWindow()  # type: ignore[attr-defined]
