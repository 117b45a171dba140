"""Screenshots of the main window for the README: the picker, a running step, the summary with the check-in.

Also the Learn page, the first session's sound test, and in the high-contrast theme the running step, the
picker (the keyboard's focus ring on Start), the routine editor (focus on a problem's fix) and the history
review (a week picked with the keyboard).

The running step is also taken in the high-contrast theme. Last, a contact sheet (tools/contact_sheet.py):
every page and the first-run dialogs at 1024x600 and 1920x1080 in Large text and High contrast; the window
must be allowed 1920x1080, hence the screen's size:

    xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python tools/screenshots.py docs/screenshots

A fake clock freezes the session at a chosen moment (mid-rubbing, its area lit on the body map), and the
settings, safety answers and history go to a temporary home, so your own are never touched. Offscreen
(QT_QPA_PLATFORM=offscreen) works too, for a quick look.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # this tree, not an installed copy

ROUTINE = "Classic back session"


def shot_arguments(doc: str) -> argparse.ArgumentParser:
    """The screenshot tools' arguments: where the pictures go, and the window's size."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("out", type=Path, nargs="?", default=Path("docs/screenshots"))
    parser.add_argument("--size", default="1280x800", help="WxH of the window (default 1280x800)")
    return parser


def scratch_home() -> Path:
    """A temporary home for the settings, safety answers and history, so your own are never touched; set
    before any of the app's modules is imported."""
    home = Path(tempfile.mkdtemp(prefix="selfmassage-shots-"))
    for variable in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_RUNTIME_DIR", "XDG_CACHE_HOME"):
        os.environ[variable] = str(home / variable.lower())
        Path(os.environ[variable]).mkdir(parents=True)
    return home


def answered_parts(settings: Any, home: Path) -> tuple[Any, Any]:
    """The window's parts on a fake clock, the safety questions and today's answered "no"; (parts, clock)."""
    from datetime import datetime

    from selfmassage.core.clock import FakeClock
    from selfmassage.core.safety import QUESTION_IDS
    from selfmassage.qt.parts import real_parts
    from selfmassage.qt.safety_gate import DialogSafetyGate
    from selfmassage.store.safety import SafetyStore

    store = SafetyStore(home / "safety.json")
    store.record(dict.fromkeys(QUESTION_IDS, False), datetime.now().astimezone())
    clock = FakeClock()
    parts = real_parts(settings)
    parts.clock = lambda: clock
    parts.safety = DialogSafetyGate(store, today=lambda parent, pregnancy=False: True)  # "none of these"
    return parts, clock


def save_shot(app: object, window: Any, path: Path) -> None:
    """The window as it shows now; activated first, for the keyboard's focus shows only in the active one."""
    window.activateWindow()
    _settle(app)
    window.grab().save(str(path))
    print(f"Saved {path}")


def into_rubbing(window: Any, clock: Any, routine: Any) -> None:
    """Start `routine` in `window` and go 4 s into its first rubbing step of 8 s or more (a known area, the
    circles on the map), one second of the fake clock at a time."""
    from selfmassage.core.techniques import Technique

    rubbing = next(i for i, step in enumerate(routine.steps)
                   if step.technique is Technique.RUBBING and step.seconds >= 8)
    window.start_session(routine)
    driver = window.driver
    assert driver is not None
    while driver.engine.index < rubbing:
        clock.advance(1)
        driver.wake()
    for _ in range(4):
        clock.advance(1)
        driver.wake()


def _settle(app: object, milliseconds: int = 400) -> None:
    """Let paint events finish before a grab."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(milliseconds, loop.quit)
    loop.exec()


def main(argv: list[str] | None = None) -> int:
    parser = shot_arguments(__doc__)
    parser.add_argument("--keep-sheet", type=Path, help="also keep the contact sheet's pictures here")
    args = parser.parse_args(argv)
    width, height = (int(part) for part in args.size.split("x"))
    home = scratch_home()

    from datetime import datetime

    from PySide6.QtWidgets import QApplication, QWidget

    from selfmassage.core.checkin import Symptom
    from selfmassage.core.techniques import Technique
    from selfmassage.qt.editor_hook import add_routine_editor
    from selfmassage.qt.history_hook import add_history
    from selfmassage.qt.learn_hook import add_learn_page
    from selfmassage.qt.main_window import MainWindow
    from selfmassage.qt.movement_hook import add_movement
    from selfmassage.qt.sound_intro import SoundIntroDialog
    from selfmassage.resources import assets_dir
    from selfmassage.sound.check import WORKS, SoundCheckResult
    from selfmassage.sound.silent import SilentPlayer
    from selfmassage.store.library import RoutineLibrary
    from selfmassage.store.paths import history_path
    from selfmassage.store.settings import Settings
    from tools.sample_history import main as fill

    app = QApplication.instance() or QApplication(sys.argv[:1])
    settings = Settings(home / "settings.json")
    parts, clock = answered_parts(settings, home)
    library = RoutineLibrary(home / "routines", assets_dir() / "routines")
    window = MainWindow(settings, library, parts)
    editor = add_routine_editor(window)  # as the app does: its menu and the button beside Start
    # The History menu and button, a history in `home`; the date is fixed, so the review's shot is the same
    # every run (as in screenshot_review.py).
    now = datetime(2026, 11, 19, 21, 30).astimezone()
    history = add_history(window, now=lambda: now, tray_available=False)
    movement = add_movement(window, desktop_less_motion=lambda: False)  # the running step shows its circles
    learn = add_learn_page(window, movement)
    window.resize(width, height)
    window.show()
    window.set_player(SilentPlayer())
    window.refresh_routines()
    fill(["--db", str(history_path()), "--count", "17", "--seed", "10", "--until", "2026-11-19"])
    history.load(history_path())
    window.statusBar().clearMessage()  # the passing "no tray" line of a virtual screen
    args.out.mkdir(parents=True, exist_ok=True)

    def shot(name: str) -> None:
        save_shot(app, window, args.out / name)

    window.picker.select(ROUTINE)
    shot("picker.png")

    # The Learn page, squeezing's slow press part of the way up the legs (the moment held still).
    learn_page = learn.open()
    assert learn_page is not None
    learn_page.show_technique(Technique.SQUEEZING)
    learn_page.layer.elapsed = 2.2
    learn_page.layer.set_running(False)
    shot("learn.png")
    window.back_to_routines()
    window.picker.select(ROUTINE)

    # Before the first session, once: the sound test (taken here, then marked as offered).
    intro = SoundIntroDialog(voice_on=True, parent=window)
    intro.show()
    intro.show_check(SoundCheckResult(True, WORKS))
    _settle(app)
    intro.grab().save(str(args.out / "sound-check.png"))
    print(f"Saved {args.out / 'sound-check.png'}")
    intro.accept()
    settings.sound_intro_done = True

    window.set_high_contrast(True)
    window.picker.start_button.setFocus()
    shot("picker-high-contrast.png")
    page = editor.open()
    page.select_routine("Evening relax with a massage ball")
    page.files.duplicate_routine()  # yours now, so the editor can change it
    draft_editor = page.editor
    draft_editor.select_step(len(draft_editor.draft.steps) - 1)
    draft_editor.intensity_combo.setCurrentIndex(draft_editor.intensity_combo.findText("Moderate"))  # a fix
    _settle(app)
    next(button for row in draft_editor.problem_rows for button in row.fix_buttons).setFocus()
    shot("editor-high-contrast.png")
    draft_editor.draft.mark_saved()
    history.open_review()
    review = history.review
    assert review is not None, "the sample history did not open"
    review.wait_for_minutes()
    _settle(app)
    review.chart.setFocus()
    review.chart.pick(len(review.chart.weeks()) - 3)
    shot("review-high-contrast.png")
    window.set_high_contrast(False)
    window.back_to_routines()
    window.picker.select(ROUTINE)

    routine = window.picker.current_routine()
    assert routine is not None, f"{ROUTINE!r} is not among the built-in routines"
    into_rubbing(window, clock, routine)
    driver = window.driver
    shot("session.png")
    window.set_high_contrast(True)
    shot("session-high-contrast.png")
    window.set_high_contrast(False)

    while driver.running:
        clock.advance(1)
        driver.wake()
    panel = window.summary.checkin_panel
    set_feeling = getattr(panel, "set_feeling", None)
    if set_feeling is not None:  # as if the person had just answered
        set_feeling(4)
        panel.symptom_boxes[Symptom.FATIGUE].setChecked(True)  # type: ignore[union-attr]
    shot("summary.png")

    # The contact sheet: every page at 1024x600 and 1920x1080, in Large text and High contrast.
    from tools.contact_sheet import contact_sheet

    window.set_large_text(True)
    window.set_high_contrast(True)

    def picker() -> QWidget:
        window.back_to_routines()
        window.picker.select(ROUTINE)
        return window

    def session() -> QWidget:
        if not (window.driver is not None and window.driver.running):
            into_rubbing(window, clock, routine)
        return window

    def summary() -> QWidget:
        while window.driver is not None and window.driver.running:
            clock.advance(1)
            window.driver.wake()
        panel = window.summary.checkin_panel
        panel.set_feeling(2)
        panel.symptom_boxes[Symptom.PAIN].setChecked(True)
        return window

    def routine_editor() -> QWidget:
        editor.open()
        return window

    def review_page() -> QWidget:
        history.open_review()
        return window

    def safety() -> QWidget:
        from selfmassage.qt.safety_dialog import SafetyDialog

        dialog = SafetyDialog(window)
        dialog.show()
        return dialog

    def sound_check() -> QWidget:
        intro = SoundIntroDialog(voice_on=True, parent=window)
        intro.show()
        intro.show_check(SoundCheckResult(True, WORKS))
        return intro

    sheet = contact_sheet(window, [("picker", picker), ("session", session), ("summary", summary),
                                   ("editor", routine_editor), ("review", review_page), ("safety", safety),
                                   ("sound-check", sound_check)],
                          args.out / "contact-sheet.png", args.keep_sheet)
    print(f"Saved {sheet}")
    for dialog in app.topLevelWidgets():
        if dialog is not window:
            dialog.close()
    history.close()
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
