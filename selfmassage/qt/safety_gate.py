"""The window's safety gate: the safety branch's dialogs over the answers kept in the config dir."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtWidgets import QWidget

from selfmassage.core import safety
from selfmassage.core.routine import Routine
from selfmassage.core.spine_care import soften_for_spine
from selfmassage.qt.safety_dialog import SafetyDialog, TodayQuestion, ask_safety
from selfmassage.qt.today_dialog import ask_today
from selfmassage.store.safety import SafetyStore


def _local_now() -> datetime:
    return datetime.now().astimezone()


class DialogSafetyGate:
    def __init__(self, store: SafetyStore, now: Callable[[], datetime] = _local_now,
                 today: TodayQuestion = ask_today) -> None:
        self.store = store
        self._now = now
        self._today = today  # a test that is not about it answers "none of these" for the person

    def before_session(self, parent: QWidget, routine: Routine) -> bool:
        """Today's states every time (with a pregnancy routine's note), the checklist when due."""
        return ask_safety(parent, self.store, routine, now=self._now(), today=self._today)

    @property
    def spine_care(self) -> bool:
        """Osteochondrosis or a disc hernia was answered "yes": steps beside the spine run light."""
        return safety.spine_care(self.store.answers)

    def routine_for_session(self, routine: Routine) -> Routine:
        """The routine as it runs for this person; the file is never changed."""
        return soften_for_spine(routine) if self.spine_care else routine

    def ask_again(self, parent: QWidget) -> None:
        """Help ▸ Safety questions…: answer them now; the answers count for the next session."""
        moment = self._now()
        dialog = SafetyDialog(parent)
        dialog.answered.connect(lambda answers: self.store.record(answers, moment))
        dialog.exec()
        dialog.deleteLater()
