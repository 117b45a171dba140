"""Start the window."""

from __future__ import annotations

import sys


def run_app() -> int:
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    from selfmassage.qt.single_instance import SingleInstance
    from selfmassage.store.paths import runtime_dir

    app = QApplication.instance() or QApplication(sys.argv)
    instance = SingleInstance(runtime_dir())
    if not instance.claim():
        print("selfmassage is already open; its window was brought to the front.", file=sys.stderr)
        return 0
    try:
        window = QMainWindow()
        window.setWindowTitle("selfmassage")
        window.setCentralWidget(QLabel("selfmassage"))
        window.resize(900, 640)
        window.show()
        instance.raise_requested.connect(lambda: bring_to_front(window))
        return app.exec()
    finally:
        instance.release()


def bring_to_front(window: object) -> None:
    """Un-minimise, raise and focus the window (a second start asked for it)."""
    window.showNormal() if window.isMinimized() else window.show()  # type: ignore[attr-defined]
    window.raise_()  # type: ignore[attr-defined]
    window.activateWindow()  # type: ignore[attr-defined]
