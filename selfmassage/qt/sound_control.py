"""The window's sound: the player (made after the window shows), mute, the volumes, spoken prompts, the
sound test, the first-session "Can you hear this?", and one notice when sound fails."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from selfmassage.core.announcements import SpokenPrompts
from selfmassage.core.engine import SessionEngine
from selfmassage.i18n import _
from selfmassage.qt import dialogs
from selfmassage.qt.sound_intro import SoundIntroDialog
from selfmassage.sound.check import SoundCheckResult, advice, start_sound_check
from selfmassage.sound.interface import CuePlayer
from selfmassage.sound.session_audio import SessionAudio

if TYPE_CHECKING:
    from selfmassage.qt.main_window import MainWindow


class _SoundRelay(QObject):
    """Carries news from the sound thread (a problem, a finished sound check) to the window's thread."""

    problem = Signal(str)
    checked = Signal(object)  # SoundCheckResult


class SoundControl(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.settings = window.settings
        self.player: CuePlayer | None = None
        self.audio: SessionAudio | None = None  # the running session's
        self.checking = False
        self._check_report: Callable[[SoundCheckResult], None] | None = None
        self._notice_shown = False
        self._relay = _SoundRelay(self)
        self._relay.problem.connect(self.show_notice)
        self._relay.checked.connect(self._checked)

    # -- the player and the session's sound ----------------------------------------------------------

    def set_player(self, player: CuePlayer) -> None:
        self.player = player
        player.muted = self.settings.muted
        player.volume = self.settings.volume
        player.voice_volume = self.settings.voice_volume
        if player.problem:
            self.show_notice(str(player.problem))
        self.window.update_actions()

    def attach(self, engine: SessionEngine) -> SessionAudio | None:
        """The session's cues and prompts (session_wiring calls this after the recorder)."""
        settings = self.settings
        self.audio = None if self.player is None else SessionAudio(
            engine, self.player, tempo_click=settings.tempo_click, voice=self._app_voice(settings.voice),
            short_routines=settings.voice_short_routines)
        return self.audio

    def _app_voice(self, on: bool) -> bool:
        """The app voice speaks when it is on and the screen reader has not been given the prompts."""
        return on and SpokenPrompts(self.settings.spoken_prompts).by_app_voice

    def report_problem(self, problem: object) -> None:
        """Hand this to the player as `on_problem`; safe to call from any thread."""
        self._relay.problem.emit(str(problem))

    def show_notice(self, problem: str) -> None:
        """One notice a run; the session carries on without sound."""
        if not self._notice_shown:
            self._notice_shown = True
            self.window.notice.show_message(problem.strip())  # the player's sentence says what to do

    # -- the settings --------------------------------------------------------------------------------

    def set_muted(self, muted: bool) -> None:
        self.settings.muted = bool(muted)
        if self.player is not None:
            self.player.muted = bool(muted)
        self.window.show_muted(bool(muted))

    def set_volume(self, volume: float) -> None:
        self.settings.volume = max(0.0, min(1.0, float(volume)))
        if self.player is not None:
            self.player.volume = self.settings.volume

    def set_voice_volume(self, volume: float) -> None:
        self.settings.voice_volume = max(0.0, min(1.0, float(volume)))
        if self.player is not None:
            self.player.voice_volume = self.settings.voice_volume

    def set_voice(self, on: bool) -> None:
        """Spoken prompts on or off, from the Sound menu, the volume window or the first sound test."""
        self.settings.voice = bool(on)
        self.window.actions["voice"].setChecked(bool(on))
        if self.audio is not None:
            self.audio.set_voice(self._app_voice(bool(on)))

    def set_short_prompts(self, routine: str, on: bool) -> None:
        """Whether `routine`'s spoken prompts name only what changes (setting voice_short_routines)."""
        names = [name for name in self.settings.voice_short_routines if name != routine]
        self.settings.voice_short_routines = [*names, routine] if on else names

    def open_volume(self) -> None:
        dialog = dialogs.VolumeDialog(
            self.settings.volume, self.set_volume, self.settings.voice_volume, self.set_voice_volume,
            self.window, voice_on=self.settings.voice, on_voice_toggle=self.set_voice)
        dialog.test_button.setEnabled(self.can_test())
        dialog.test_button.clicked.connect(lambda: self._test_in(dialog))
        dialog.exec()
        dialog.deleteLater()

    # -- the sound test ------------------------------------------------------------------------------

    def can_test(self) -> bool:
        # The check's sounds would mix with a session's cues.
        return not self.checking and not self.window.sessions.running

    def test(self, report: Callable[[SoundCheckResult], None] | None = None) -> bool:
        """Play every cue and a voice clip on the sound thread; False if it can't start now.

        What was found goes to `report` (a dialog that shows it in place), else to a message box.
        """
        if not self.can_test():
            return False
        self.checking = True
        self._check_report = report
        self.window.update_actions()
        self.window.statusBar().showMessage(_("Playing every sound once…"))
        # Before the player is ready (it opens after the window shows), the check opens a device of its own.
        start_sound_check(self._relay.checked.emit, self.player, volume=self.settings.volume,
                          voice_volume=self.settings.voice_volume)
        return True

    def _test_in(self, dialog: dialogs.VolumeDialog | SoundIntroDialog) -> None:
        """Test sound pressed in a dialog: it says there what was found."""
        if self.test(dialog.show_check):
            dialog.show_checking()

    def _checked(self, result: SoundCheckResult) -> None:
        self.checking = False
        report, self._check_report = self._check_report, None
        self.window.update_actions()
        self.window.statusBar().clearMessage()
        if report is not None:
            try:
                report(result)
                return
            except RuntimeError:  # the dialog that asked was closed meanwhile
                self.window.statusBar().showMessage(result.message, 20_000)
                return
        dialogs.tell(self.window, _("Test sound"), result.message)

    def offer_sound_test(self) -> None:
        """Before the first session, once: Can you hear this? (Test sound, Spoken prompts, Continue)."""
        if self.settings.sound_intro_done:
            return
        problem = self.player.problem if self.player is not None else None
        dialog = SoundIntroDialog(voice_on=self.settings.voice,
                                  problem=advice(str(problem)) if problem else None, parent=self.window)
        dialog.test_button.clicked.connect(lambda: self._test_in(dialog))
        dialog.voice.toggled.connect(self.set_voice)
        dialog.exec()
        self.settings.sound_intro_done = True
        dialog.deleteLater()
