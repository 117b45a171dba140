"""Start the window."""

from __future__ import annotations

import sys


def run_app() -> int:
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    window = QMainWindow()
    window.setWindowTitle("selfmassage")
    window.setCentralWidget(QLabel("selfmassage"))
    window.resize(900, 640)
    window.show()
    return app.exec()
