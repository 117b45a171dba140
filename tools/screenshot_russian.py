"""The window in Russian for the README: the routine picker, a running step, the Learn page and the editor.

    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python tools/screenshot_russian.py docs/screenshots

As tools/screenshots.py, with a fake clock and a temporary home; the language is chosen as View ▸
Language would, so Qt's own texts are Russian too.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # this tree, not an installed copy

from tools.screenshots import answered_parts, into_rubbing, save_shot, scratch_home, shot_arguments

ROUTINE = "Classic back session"  # found by its English name in any language


def main(argv: list[str] | None = None) -> int:
    args = shot_arguments(__doc__).parse_args(argv)
    width, height = (int(part) for part in args.size.split("x"))
    home = scratch_home()

    from PySide6.QtWidgets import QApplication

    from selfmassage.core.techniques import Technique
    from selfmassage.qt.editor_hook import add_routine_editor
    from selfmassage.qt.language import use_language
    from selfmassage.qt.learn_hook import add_learn_page
    from selfmassage.qt.main_window import MainWindow
    from selfmassage.qt.movement_hook import add_movement
    from selfmassage.resources import assets_dir
    from selfmassage.sound.silent import SilentPlayer
    from selfmassage.store.library import RoutineLibrary
    from selfmassage.store.settings import Settings

    app = QApplication.instance() or QApplication(sys.argv[:1])
    use_language(app, "ru")
    settings = Settings(home / "settings.json")
    settings.sound_intro_done = True
    parts, clock = answered_parts(settings, home)
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
        save_shot(app, window, args.out / name)

    entry = window.library.find(ROUTINE)
    assert entry is not None and window.picker.select(entry.name)
    shot("picker-ru.png")
    routine = window.picker.current_routine()
    assert routine is not None
    into_rubbing(window, clock, routine)
    shot("session-ru.png")
    window.driver.stop()
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
