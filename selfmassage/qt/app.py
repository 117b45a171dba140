"""Start the window: show its first frame, then load what takes time (app_rest: the rest of the window,
routines, history, sound) once that frame is on screen. This module, main_window and the few modules they
import are the first-frame shell (docs/architecture.md)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from selfmassage import APP_ID
from selfmassage.i18n import _
from selfmassage.qt.language import use_language
from selfmassage.qt.main_window import MainWindow
from selfmassage.qt.single_instance import SingleInstance
from selfmassage.store.paths import runtime_dir, settings_path
from selfmassage.store.settings import Settings

if TYPE_CHECKING:
    from selfmassage.qt.app_rest import AppRest


def run_app(argv: list[str] | None = None, *, in_tray: bool = False) -> int:
    """`in_tray`: start with the window hidden, as at login; shown anyway on a desktop with no tray.

    The first frame is the window with the picker waiting for its routines, made from few modules; the
    rest of the window, its other parts, the routines and the sound follow once it is on screen.
    """
    existing = QApplication.instance()
    # Fusion from the start, as Qt's own option: asking for it in code would build QStyle's enums before
    # the first frame (see main_window); the window's own style, built on Fusion, follows with the rest.
    args = [*(argv or sys.argv), "-style", "Fusion"]
    app = existing if isinstance(existing, QApplication) else QApplication(args)
    instance = SingleInstance(runtime_dir())
    if not instance.claim(listen=False):  # listening waits for the first frame: see build_the_rest
        print(_("selfmassage is already open; its window was brought to the front."), file=sys.stderr)
        return 0
    rest: AppRest | None = None
    try:
        app.setApplicationName("selfmassage")
        app.setApplicationDisplayName("selfmassage")
        app.setOrganizationName("selfmassage")
        app.setDesktopFileName(APP_ID)  # Wayland's app id: the compositor finds the menu entry and icon
        settings = Settings(settings_path())
        use_language(app, settings.language)  # before the first word is shown
        window = MainWindow(settings)  # its first frame
        if not in_tray:
            window.show()

        def build_the_rest() -> None:
            nonlocal rest
            from selfmassage.qt.app_rest import AppRest  # the one lazy import: after the first paint

            rest = AppRest(app, window, instance, in_tray=in_tray)

        # Hidden in the tray there is no first frame to wait for.
        after_first_paint(window, build_the_rest, at_latest_ms=0 if in_tray else 1000)
        return app.exec()
    finally:
        if rest is not None:
            rest.close()
        instance.release()


def after_first_paint(window: QWidget, then: Callable[[], None], *, at_latest_ms: int = 1000) -> None:
    """Run `then` once the window's first frame is on screen, or after `at_latest_ms` if it never paints
    (started minimised).

    A zero-delay timer set before the loop runs would fire before the window is exposed and painted (the
    expose comes back from the display server), so the work it does would keep the window blank.
    """
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
