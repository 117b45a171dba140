"""`selfmassage` with no command: the window opens, lists the routines, and only one runs at a time."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

OPEN_AND_LOOK = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from selfmassage.qt.app import run_app

app = QApplication(sys.argv[:1])

def look():
    window = next(w for w in app.topLevelWidgets() if w.objectName() == "main_window")
    if not window.built:  # a busy machine: the rest of the window comes after the first paint
        QTimer.singleShot(100, look)
        return
    names = [entry.name for entry in window.picker._entries]
    print("shown", window.isVisible(), "routines", len(names), "player", window.player is not None)
    print("first", window.picker.current_entry().name)
    window.close()

QTimer.singleShot(300, look)
sys.exit(run_app())
"""


def run(code: str, home: Path) -> subprocess.CompletedProcess[str]:
    (home / "runtime").chmod(0o700)  # else platformdirs falls back to a runtime folder shared by all tests
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                          env=env, cwd=Path(__file__).resolve().parents[2], check=False)


def test_the_window_opens_with_the_built_in_routines_and_quits_cleanly(isolated_dirs):
    result = run(OPEN_AND_LOOK, isolated_dirs)
    assert result.returncode == 0, result.stderr[-600:]
    assert "shown True routines 6 player True" in result.stdout
    assert "Traceback" not in result.stderr


OPEN_THE_EDITOR = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from selfmassage.qt.app import run_app

app = QApplication(sys.argv[:1])

def edit():
    window = next(w for w in app.topLevelWidgets() if w.objectName() == "main_window")
    if not window.built:  # a busy machine: the rest of the window comes after the first paint
        QTimer.singleShot(100, edit)
        return
    menus = [action.text() for action in window.menuBar().actions()]
    print("menus", menus)
    act = next(a for a in window.findChildren(type(window.actions["start"])) if a.text() == "Edit routines…")
    act.trigger()
    print("page", window.current_page())
    window.close()

QTimer.singleShot(300, edit)
sys.exit(run_app())
"""


def test_the_routine_editor_has_its_menu_and_its_page_in_the_window(isolated_dirs):
    result = run(OPEN_THE_EDITOR, isolated_dirs)
    assert result.returncode == 0, result.stderr[-600:]
    assert "menus ['&Session', '&View', 'S&ound', '&Routines', 'H&istory', '&Help']" in result.stdout
    assert "page routines" in result.stdout


OPEN_FROM_LOGIN = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QSystemTrayIcon
from selfmassage.cli import main

app = QApplication(sys.argv[:1])
if sys.argv[1] == "tray":  # the desktop has a tray (offscreen has none)
    QSystemTrayIcon.isSystemTrayAvailable = staticmethod(lambda: True)

def look():
    window = next(w for w in app.topLevelWidgets() if w.objectName() == "main_window")
    print("menus", [action.text() for action in window.menuBar().actions()])
    print("shown", window.isVisible())
    print("status", window.statusBar().currentMessage())
    window.actions["quit"].trigger()

QTimer.singleShot(400, look)
sys.exit(main(["--tray"]))
"""


def test_started_at_login_the_window_stays_in_the_tray_and_the_history_opens(isolated_dirs):
    result = run(OPEN_FROM_LOGIN.replace("sys.argv[1]", "'tray'"), isolated_dirs)
    assert result.returncode == 0, result.stderr[-600:]
    assert "shown False" in result.stdout
    assert "'&Routines', 'H&istory', '&Help'" in result.stdout
    assert (isolated_dirs / "data" / "selfmassage" / "history.sqlite3").is_file()
    assert "Traceback" not in result.stderr


def test_started_at_login_with_no_tray_the_window_shows_and_says_so(isolated_dirs):
    result = run(OPEN_FROM_LOGIN.replace("sys.argv[1]", "'no tray'"), isolated_dirs)
    assert result.returncode == 0, result.stderr[-600:]
    assert "shown True" in result.stdout
    assert "status No tray here: reminders show only while the window is open." \
        in result.stdout


FIRST_FRAME = """
import linecache
import sys
from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
from selfmassage.qt.app import run_app

seen = {}
show = QMainWindow.show

def built_enums():
    import enum
    found, todo = set(), [enum.Enum]
    while todo:
        for sub in todo.pop().__subclasses__():
            found.add(sub.__name__)
            todo.append(sub)
    return found

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not seen:
            window = self.parent()
            seen["qt namespace"] = "Qt" in QtCore.__dict__  # PySide6 builds a class when first asked for it
            seen["qstyle"] = "QStyle" in QtWidgets.__dict__
            # Asking Qt for a widget it made (a scroll area's viewport) sets up every widget class
            seen["every widget class"] = "QWizard" in QtWidgets.__dict__
            seen["actions and keys"] = [name for name in ("QAction", "QKeySequence")
                                        if name in QtGui.__dict__]
            seen["datetime"] = "datetime" in sys.modules
            seen["icon names"] = "ThemeIcon" in built_enums()
            # (the module that makes the look light is read before it can: it is imported after PySide6)
            seen["sources kept"] = [name for name in linecache.cache
                                    if "selfmassage" in name and not name.endswith("feature_scan.py")]
            seen["modules"] = sorted(m for m in sys.modules if m.startswith("selfmassage."))
            seen["routine shown"] = window.picker.name.text()
            seen["start enabled"] = window.picker.start_button.isEnabled()
        return False

def show_and_watch(window):
    window.installEventFilter(FirstPaint(window))
    show(window)
    QTimer.singleShot(600, later)  # run_app made the QApplication: this test's script must not

def later():
    window = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "main_window")
    print("first frame", seen)
    print("then", window.picker.current_entry().name, window.picker.start_button.isEnabled(),
          [a.text() for a in window.menuBar().actions()])
    print("waiting", [m for m in ("selfmassage.qt.movement_layer", "selfmassage.qt.movement_marks",
                                  "selfmassage.qt.learn_page", "subprocess", "PySide6.QtNetwork", "html",
                                  "selfmassage.qt.routines_page", "selfmassage.qt.review")
                      if m in sys.modules])
    print("every widget class later", "QWizard" in QtWidgets.__dict__)
    window.close()

QMainWindow.show = show_and_watch
sys.exit(run_app(["selfmassage"]))
"""


def test_the_first_frame_shows_before_the_routines_and_the_sound_load_and_they_follow(isolated_dirs):
    # The window's first frame is made from few modules (docs/benchmarks.md, start-up): no session, sound
    # or history code, nor the Qt enums PySide6 builds in Python on first use (~35 ms between them), nor
    # every widget class's (~20 ms), nor actions, their keys and dates.
    result = run(FIRST_FRAME, isolated_dirs)
    assert result.returncode == 0, result.stderr[-600:]
    first = next(line for line in result.stdout.splitlines() if line.startswith("first frame"))
    assert "'qt namespace': False" in first and "'qstyle': False" in first
    assert "'every widget class': False" in first and "'actions and keys': []" in first
    assert "'datetime': False" in first
    assert "'icon names': False" in first  # QIcon's 151 theme-icon names: ~2.5 ms
    # PySide6's look at each module imported after it files no source lines (~5 MiB at the peak).
    assert "'sources kept': []" in first
    assert "'routine shown': 'Finding your routines…'" in first and "'start enabled': False" in first
    for slow in ("core.engine", "core.routine", "store.library", "store.history", "sound.player",
                 "qt.session_view", "qt.history_hook", "qt.editor_hook"):
        assert f"selfmassage.{slow}'" not in first, slow
    then = next(line for line in result.stdout.splitlines() if line.startswith("then"))
    assert then == ("then After-workout back and shoulders True "
                    "['&Session', '&View', 'S&ound', '&Routines', 'H&istory', '&Help']")
    # Memory: the movement's drawing waits for the first session or the Learn page, and asking the desktop
    # about less motion needs no subprocess module (half a MiB); listening for a second start needs no
    # QtNetwork (~3 MiB), nor rich text the html module's entity table (~1 MiB); the editor and the history
    # review load when first opened (~1 MiB). (core.movement's directions the rules use.)
    assert "waiting []" in result.stdout.splitlines()
    # Nor later, with the rest of the window built: no page's parent makes PySide6 set up every widget
    # class and their enums (~2 MiB).
    assert "every widget class later False" in result.stdout.splitlines()
