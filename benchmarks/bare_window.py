"""The reference: the least a PySide6 app does — an empty QMainWindow, shown, and the event loop.

Kept to what any PySide6 window pays; sized like selfmassage's first window so both paint the same area.
"""

import sys

from PySide6.QtWidgets import QApplication, QMainWindow


def main() -> int:
    app = QApplication(sys.argv)
    window = QMainWindow()
    window.resize(900, 640)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
