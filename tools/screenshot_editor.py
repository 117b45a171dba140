"""Grab the routine editor with a warning shown, for the README.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/screenshot_editor.py docs/screenshots/editor.png

Uses the shipped built-in routines and one routine of "yours" in a temporary folder, so nothing in your
own data folder is read or changed.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

# Run from a checkout without installing: the repo root goes first on the path.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from selfmassage.core.routine import Routine, Step
from selfmassage.core.routine_format import dumps_routine
from selfmassage.core.techniques import Intensity, Stage, Technique, Variant

S, R, Q, K, V = (Technique.STROKING, Technique.RUBBING, Technique.SQUEEZING, Technique.KNEADING,
                 Technique.VIBRATION)
LIGHT, MODERATE, FIRM = Intensity.LIGHT, Intensity.MODERATE, Intensity.FIRM

# A routine someone made their own: more time on the collar zone. The last stroking was left at
# "moderate", so the editor shows the stroking-light warning with its one-click fix.
MINE = Routine(
    name="Collar zone after a desk day",
    description="Ten minutes for the neck and shoulders after hours at a desk.",
    steps=(
        Step(Stage.PREPARATORY, S, "whole back", 40, LIGHT, note="Long, light strokes up toward the neck."),
        Step(Stage.PREPARATORY, R, "shoulder blades", 10, LIGHT),
        Step(Stage.MEDIUM_DEEP, R, "collar zone", 10, MODERATE),
        Step(Stage.MEDIUM_DEEP, R, "shoulders", 10, MODERATE),
        Step(Stage.MEDIUM_DEEP, Q, "collar zone", 45, MODERATE, Variant.PALM_EDGE),
        Step(Stage.DEEP, Q, "shoulders", 60, MODERATE, Variant.PALM_BASE),
        Step(Stage.DEEP, K, "collar zone", 90, MODERATE),
        Step(Stage.DEEP, K, "shoulders", 90, FIRM),
        Step(Stage.DEEP, V, "shoulders", 10, MODERATE, note="Light tapping with the edge of the palm."),
        Step(Stage.DEEP, K, "neck", 60, MODERATE),
        Step(Stage.FINAL, S, "collar zone", 40, MODERATE),
        Step(Stage.FINAL, S, "whole back", 40, LIGHT),
    ),
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    args = parser.parse_args(argv)

    from PySide6.QtWidgets import QApplication

    from selfmassage.qt.editor_window import EditorWindow
    from selfmassage.resources import assets_dir
    from selfmassage.store.library import RoutineLibrary

    app = QApplication.instance() or QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as tmp:
        user = Path(tmp) / "routines"
        user.mkdir()
        (user / "collar-zone-after-a-desk-day.json").write_text(dumps_routine(MINE), encoding="utf-8")
        # The app's look, as the main window gives the page (theme.apply_theme, the window's sheet).
        from selfmassage.qt.theme import apply_theme
        from selfmassage.qt.theme_style import use_theme_style

        use_theme_style(app)
        sheet = apply_theme(app, high_contrast=False, large_text=False)
        window = EditorWindow(RoutineLibrary(user, assets_dir() / "routines"))
        window.setStyleSheet(sheet)
        window.resize(1400, 820)  # the step's fields beside the steps, down to Direction and Note
        window.show()
        page = window.page
        if not page.select_routine(MINE.name):
            raise SystemExit("the sample routine did not load")
        page.editor.select_step(10)  # the moderate stroking with the warning
        page.editor.table.setFocus()
        app.processEvents()
        args.out.parent.mkdir(parents=True, exist_ok=True)
        if not window.grab().save(str(args.out)):
            raise SystemExit(f"could not write {args.out}")
        window.page.editor.draft.mark_saved()
        window.close()
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
