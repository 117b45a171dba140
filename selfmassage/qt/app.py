"""Start the window: show it first, then load what takes time (routines, sounds) once the loop runs."""

from __future__ import annotations

import sys


def run_app(argv: list[str] | None = None) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from selfmassage.qt.main_window import MainWindow, app_icon
    from selfmassage.qt.parts import WindowParts
    from selfmassage.resources import assets_dir
    from selfmassage.store.instance import InstanceLock
    from selfmassage.store.library import RoutineLibrary
    from selfmassage.store.paths import routines_dir, runtime_dir, settings_path
    from selfmassage.store.settings import Settings

    lock = InstanceLock(runtime_dir() / "window.lock")
    if not lock.acquire():
        pid = lock.holder_pid()
        where = f" (process {pid})" if pid else ""
        print(f"selfmassage: the window is already open{where}.", file=sys.stderr)
        return 1
    try:
        existing = QApplication.instance()
        app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv)
        app.setApplicationName("selfmassage")
        app.setApplicationDisplayName("selfmassage")
        app.setOrganizationName("selfmassage")
        app.setDesktopFileName("selfmassage")
        app.setWindowIcon(app_icon())

        settings = Settings(settings_path())
        builtin = assets_dir() / "routines"
        library = RoutineLibrary(routines_dir(), builtin if builtin.is_dir() else None)
        window = MainWindow(settings, library, WindowParts())
        window.show()

        def load_the_rest() -> None:
            window.refresh_routines()
            for problem in settings.problems:
                window.statusBar().showMessage(problem, 15_000)

        QTimer.singleShot(0, load_the_rest)
        return app.exec()
    finally:
        lock.release()
