"""Render the safety check and the check-in to PNGs, offscreen, to look at them.

    .venv/bin/python tools/screenshots_safety.py [DIR]
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # this tree, not an installed copy

from PySide6.QtWidgets import QApplication, QWidget

from selfmassage.core import safety
from selfmassage.core.checkin import Symptom
from selfmassage.qt.checkin_dialog import CheckInPanel
from selfmassage.qt.safety_dialog import SafetyDialog
from selfmassage.qt.today_dialog import TodayDialog


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots")
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])

    def shot(widget: QWidget, name: str) -> None:
        widget.show()
        widget.activateWindow()
        app.processEvents()
        widget.grab().save(str(out / f"{name}.png"))
        print(out / f"{name}.png")

    questions = SafetyDialog()
    shot(questions, "safety-questions")
    for question_id in safety.QUESTION_IDS:
        questions.set_answer(question_id, question_id == "cancer")
    questions.continue_button.click()
    shot(questions, "safety-ask-a-doctor")
    questions.close()
    today = TodayDialog()
    shot(today, "safety-today")
    today.close()
    note = TodayDialog(pregnancy=True)
    shot(note, "safety-today-pregnancy")
    note.close()
    panel = CheckInPanel()
    panel.resize(820, 580)
    panel.set_feeling(4)
    panel.symptom_boxes[Symptom.DIZZINESS].setChecked(True)
    shot(panel, "checkin")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
