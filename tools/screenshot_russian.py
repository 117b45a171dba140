"""The window in Russian for the README: the routine picker, a running step, the Learn page and the editor.

    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python tools/screenshot_russian.py docs/screenshots

As tools/screenshots.py, with a fake clock and a temporary home; the language is chosen as View ▸
Language would, so Qt's own texts are Russian too.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # this tree, not an installed copy

ROUTINE = "Classic back session"  # found by its English name in any language


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, nargs="?", default=Path("docs/screenshots"))
    parser.add_argument("--size", default="1280x800", help="WxH of the window (default 1280x800)")
    args = parser.parse_args(argv)
    width, height = (int(part) for part in args.size.split("x"))
    home = Path(tempfile.mkdtemp(prefix="selfmassage-shots-"))
    for variable in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_RUNTIME_DIR", "XDG_CACHE_HOME"):
        os.environ[variable] = str(home / variable.lower())
        Path(os.environ[variable]).mkdir(parents=True)

    from datetime import datetime

    from PySide6.QtWidgets import QApplication

    from selfmassage.core.clock import FakeClock
    from selfmassage.core.safety import QUESTION_IDS
    from selfmassage.core.techniques import Technique
    from selfmassage.qt.editor_hook import add_routine_editor
    from selfmassage.qt.language import use_language
    from selfmassage.qt.learn_page import add_learn_page
    from selfmassage.qt.main_window import MainWindow
    from selfmassage.qt.movement_hook import add_movement
    from selfmassage.qt.parts import real_parts
    from selfmassage.qt.safety_gate import DialogSafetyGate
    from selfmassage.resources import assets_dir
    from selfmassage.sound.silent import SilentPlayer
    from selfmassage.store.library import RoutineLibrary
    from selfmassage.store.safety import SafetyStore
    from selfmassage.store.settings import Settings
    from tools.screenshots import _settle

    app = QApplication.instance() or QApplication(sys.argv[:1])
    use_language(app, "ru")
    settings = Settings(home / "settings.json")
    settings.set("sound_intro_done", True)
    store = SafetyStore(home / "safety.json")
    store.record(dict.fromkeys(QUESTION_IDS, False), datetime.now().astimezone())
    clock = FakeClock()
    parts = real_parts(settings)
    parts.clock = lambda: clock
    parts.safety = DialogSafetyGate(store, today=lambda parent, pregnancy=False: True)  # "none of these"
    window = MainWindow(settings, RoutineLibrary(home / "routines", assets_dir() / "routines"), parts)
    window.resize(width, height)
    window.show()
    window.set_player(SilentPlayer())
    editor = add_routine_editor(window)
    learn = add_learn_page(window, add_movement(window, desktop_less_motion=lambda: True))
    window.refresh_routines()
    window.statusBar().clearMessage()
    args.out.mkdir(parents=True, exist_ok=True)

    def shot(name: str) -> None:
        window.activateWindow()
        _settle(app)
        path = args.out / name
        window.grab().save(str(path))
        print(f"Saved {path}")

    entry = window.library.find(ROUTINE)
    assert entry is not None and window.picker.select(entry.name)
    shot("picker-ru.png")
    routine = window.picker.current_routine()
    assert routine is not None
    window.start_session(routine)
    driver = window.driver
    assert driver is not None
    rubbing = next(i for i, step in enumerate(routine.steps)
                   if step.technique is Technique.RUBBING and step.seconds >= 8)
    while driver.engine.index < rubbing:
        clock.advance(1)
        driver.wake()
    for _ in range(4):
        clock.advance(1)
        driver.wake()
    shot("session-ru.png")
    driver.stop()
    window.back_to_routines()
    page = learn.open()
    assert page is not None
    page.show_technique(Technique.SQUEEZING)
    shot("learn-ru.png")
    window.back_to_routines()
    assert window.picker.select(entry.name)
    editor.open()
    shot("editor-ru.png")
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
