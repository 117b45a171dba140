"""The window's safety gate: the safety branch's dialogs over the answers kept in the config dir."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtWidgets import QWidget

from selfmassage.core.routine import Routine
from selfmassage.qt.safety_dialog import SafetyDialog, ask_safety
from selfmassage.store.safety import SafetyStore


def _local_now() -> datetime:
    return datetime.now().astimezone()


class DialogSafetyGate:
    def __init__(self, store: SafetyStore, now: Callable[[], datetime] = _local_now) -> None:
        self.store = store
        self._now = now

    def before_session(self, parent: QWidget, routine: Routine) -> bool:
        """The questions when due (first time, 30 days, a "yes" standing), a pregnancy routine's note."""
        return ask_safety(parent, self.store, routine, now=self._now())

    def ask_again(self, parent: QWidget) -> None:
        """Help ▸ Safety questions…: answer them now; the answers count for the next session."""
        moment = self._now()
        dialog = SafetyDialog(parent)
        dialog.answered.connect(lambda answers: self.store.record(answers, moment))
        dialog.exec()
        dialog.deleteLater()
