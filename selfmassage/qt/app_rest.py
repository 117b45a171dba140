"""Everything the app adds once its window's first frame is on screen: the rest of the window, the routine
editor, the history (with the tray), the menu entry switch and the language menu, every routine file, and
the sound. app.run_app imports this module once, after the first paint: the one lazy step of start-up."""

from __future__ import annotations

import linecache
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QWidget

from selfmassage.qt.editor_hook import add_routine_editor
from selfmassage.qt.history_hook import HistoryHook, add_history
from selfmassage.qt.language_menu import add_language_menu
from selfmassage.qt.learn_hook import add_learn_page
from selfmassage.qt.main_window import MainWindow
from selfmassage.qt.menu_entry_switch import add_menu_entry_switch
from selfmassage.qt.movement_hook import add_movement
from selfmassage.qt.parts import real_parts
from selfmassage.qt.single_instance import SingleInstance
from selfmassage.qt.window_rest import app_icon
from selfmassage.resources import assets_dir
from selfmassage.sound.interface import CuePlayer
from selfmassage.sound.player import make_player
from selfmassage.store.library import RoutineLibrary
from selfmassage.store.paths import history_path, routines_dir

if TYPE_CHECKING:
    from selfmassage.qt.notifier import DesktopNotifier


class AppRest:
    """What `close()` ends when the app quits: the history hook (and its tray) and the player."""

    def __init__(self, app: QApplication, window: MainWindow, instance: SingleInstance, *,
                 in_tray: bool) -> None:
        settings = window.settings
        app.setWindowIcon(app_icon())
        builtin = assets_dir() / "routines"
        window.build_rest(RoutineLibrary(routines_dir(), builtin if builtin.is_dir() else None),
                          real_parts(settings))
        add_routine_editor(window)  # a Routines menu and "Edit routines"; its page is made when opened
        self.history: HistoryHook = add_history(window, notifier=notifier_for(window))
        add_menu_entry_switch(window)
        add_language_menu(window)
        add_learn_page(window, add_movement(window))  # the movement on the map, and Help ▸ Learn
        instance.raise_requested.connect(window.bring_to_front)
        instance.listen()
        window.refresh_routines()
        self.player: CuePlayer = make_player(settings.muted, settings.volume,
                                             on_problem=window.report_sound_problem,
                                             voice_volume=settings.voice_volume)
        window.set_player(self.player)
        self.history.load(history_path())  # with the tray, and a line for each missing piece
        if in_tray and not self.history.tray_hook.in_tray:
            window.show()  # no tray to open it from
        # PySide6's import hook reads the source of every module imported after it (inspect.getsource),
        # and linecache keeps it all: ~5 MiB of text no one reads. A traceback reads its lines again.
        linecache.clearcache()

    def close(self) -> None:
        self.history.close()
        self.player.close()


def notifier_for(window: QWidget) -> Callable[[], DesktopNotifier]:
    """The notification service, made once reminders are on: QtDBus and the session bus only then (an
    optional piece, like the tray: loaded when wanted, not at start)."""

    def make() -> DesktopNotifier:
        from selfmassage.qt.notifier import desktop_notifier

        return desktop_notifier(window)

    return make
