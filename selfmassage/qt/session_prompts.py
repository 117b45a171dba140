"""A session told to the screen reader: the sentences of core.announcements, as polite announcements.

The setting `spoken_prompts` says whether the screen reader hears them (screen reader, both) or only the app
voice speaks (app voice, the default); T, asked for by the person, is always answered.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from selfmassage.core.announcements import SessionAnnouncer, SpokenPrompts, session_start, time_left
from selfmassage.core.events import Event, SessionFinished
from selfmassage.i18n import _
from selfmassage.qt.a11y import announce
from selfmassage.qt.session_driver import SessionDriver

if TYPE_CHECKING:
    from selfmassage.qt.main_window import MainWindow

# Events delivered later than this (a stalled loop catching up) are not told; the end always is.
LATE_LIMIT = 1.0


class ScreenReaderPrompts(QObject):
    def __init__(self, driver: SessionDriver, speaker: QWidget, *, enabled: bool) -> None:
        super().__init__(speaker)
        self.enabled = enabled
        self._driver = driver
        self._speaker = speaker
        self._announcer = SessionAnnouncer(driver.routine)
        driver.event.connect(self._heard)

    def start(self) -> None:
        """Before the driver starts, so the routine is named before its first step."""
        if self.enabled:
            announce(self._speaker, session_start(self._driver.routine))

    def tell_time(self) -> str:
        """T: the time left in the step and in the routine; returned too, for the status bar."""
        text = time_left(self._driver.engine)
        announce(self._speaker, text)
        return text

    def detach(self) -> None:
        self._driver.event.disconnect(self._heard)

    def _heard(self, event: Event) -> None:
        if not self.enabled:
            return
        if self._driver.engine.lateness() > LATE_LIMIT and not isinstance(event, SessionFinished):
            return
        text = self._announcer.hear(event)
        if text:
            announce(self._speaker, text)


class PromptChoice(QObject):
    """The window's part for the screen reader during a session: Sound ▸ Spoken prompts by (app voice,
    screen reader, both: the setting `spoken_prompts`), Session ▸ Time left (T), and a session's prompts."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.prompts: ScreenReaderPrompts | None = None
        chosen = self.choice()
        menu = QMenu(_("Spoken prompts &by"), window)
        menu.menuAction().setStatusTip(_("Who says each step: the app's voice, your screen reader, or both"))
        group = QActionGroup(menu)
        group.setExclusive(True)
        for choice, text, tip in (
                (SpokenPrompts.APP_VOICE, _("&App voice"), _("The app's own voice says each step")),
                (SpokenPrompts.SCREEN_READER, _("&Screen reader"),
                 _("Your screen reader says each step; the app's voice keeps quiet")),
                (SpokenPrompts.BOTH, _("B&oth"),
                 _("The app's voice and your screen reader both say each step"))):
            action = QAction(text, menu)
            action.setObjectName(f"prompts_{choice.name.lower()}_action")
            action.setCheckable(True)
            action.setChecked(choice is chosen)
            action.setStatusTip(tip)
            action.triggered.connect(lambda _on=False, choice=choice: self.set_choice(choice))
            group.addAction(action)
            menu.addAction(action)
            window.actions[f"prompts_{choice.name.lower()}"] = action
        sound = window.menu("Sound")
        sound.insertMenu(window.actions["sound_check"], menu)

        self.time_action = QAction(_("Time left"), window)
        self.time_action.setObjectName("time_left_action")
        self.time_action.setShortcut(QKeySequence("T"))
        self.time_action.setToolTip(_("Say the time left in the step and in the routine (T)"))
        self.time_action.setStatusTip(_("Say the time left in the step and in the routine"))
        self.time_action.setEnabled(False)
        self.time_action.triggered.connect(self.tell_time)
        window.addAction(self.time_action)  # the key works with the menu bar hidden too
        window.actions["time_left"] = self.time_action
        window.menu("Session").insertAction(window.actions["stop"], self.time_action)
        window.session_started.connect(self._started)

    def choice(self) -> SpokenPrompts:
        return SpokenPrompts(self.window.settings.spoken_prompts)

    def set_choice(self, choice: SpokenPrompts) -> None:
        self.window.settings.spoken_prompts = choice.value
        self.window.actions[f"prompts_{choice.name.lower()}"].setChecked(True)
        if self.prompts is not None:
            self.prompts.enabled = choice.by_screen_reader
        self.window.sound.set_voice(self.window.settings.voice)  # the app voice, on or quiet

    def tell_time(self) -> None:
        if self.prompts is not None:
            self.window.statusBar().showMessage(self.prompts.tell_time(), 8000)

    def _started(self, driver: SessionDriver) -> None:
        if self.prompts is not None:
            self.prompts.detach()
        self.prompts = ScreenReaderPrompts(driver, self.window, enabled=self.choice().by_screen_reader)
        self.time_action.setEnabled(True)
        driver.finished.connect(lambda _result: self.time_action.setEnabled(False))
        self.prompts.start()
