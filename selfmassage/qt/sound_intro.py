"""Before the first session, once: "Can you hear this?" — Test sound, the voice on or off, and Continue.

The session leans on sound (the person's eyes are closed), so the first one starts with a chance to hear
every cue and the voice, and to learn plainly when no sound device answers and what to check. It comes
after the safety questions, in the same calm look. The window shows it once and remembers that in the
`sound_intro_done` setting; the Sound menu keeps Test sound and Spoken prompts for later.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QCheckBox, QDialog, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from selfmassage.i18n import N_, _
from selfmassage.qt.a11y import describe
from selfmassage.qt.calm_style import apply_calm_style, heading, paragraph
from selfmassage.qt.dialog_fit import BodyScroller, keep_on_screen
from selfmassage.qt.dialogs import show_check, show_checking
from selfmassage.sound.check import SoundCheckResult

TITLE = N_("Can you hear this?")
INTRO = N_("During a session your eyes can stay closed: a short sound marks each new step, ticks count down "
         "its last seconds, and a voice says what to do. Test your sound now.")
LATER = N_("You can change both any time in the Sound menu.")


class SoundIntroDialog(QDialog):
    """Test sound (the window runs the check and reports back through `show_check`), the voice switch,
    Continue. Closing it any way goes on to the session: it never stands between you and a massage."""

    def __init__(self, *, voice_on: bool, problem: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("{title} — selfmassage").format(title=_(TITLE)))
        self.setModal(True)
        apply_calm_style(self)
        describe(self, _(TITLE), _("Before your first session: test your sound, and choose whether steps "
                                   "are spoken."))
        self._checking = False

        outer = QVBoxLayout(self)
        outer.setContentsMargins(32, 28, 32, 24)
        outer.setSpacing(16)
        body = QWidget()
        layout = QVBoxLayout(body)  # the words and choices scroll on a small screen; Continue stays
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(16)
        layout.addWidget(heading(_(TITLE)))
        layout.addWidget(paragraph(_(INTRO)))

        test_row = QHBoxLayout()
        self.test_button = QPushButton(_("Test sound"))
        self.test_button.setObjectName("intro_test_sound")
        self.test_button.setAutoDefault(False)
        describe(self.test_button, _("Test sound: play every sound once"),
                 _("Plays every cue and a voice clip, then says below whether sound works and, if not, "
                   "what to check."))
        test_row.addWidget(self.test_button)
        test_row.addStretch(1)
        layout.addLayout(test_row)
        self.result = paragraph("")
        self.result.setObjectName("intro_result")
        self.result.setProperty("role", "hint")
        self.result.setAccessibleName(_("What the sound test found"))
        self.result.hide()
        layout.addWidget(self.result)

        self.voice = QCheckBox(_("Spoken prompts"))
        self.voice.setObjectName("intro_voice")
        self.voice.setChecked(voice_on)
        describe(self.voice, _("Spoken prompts"),
                 _("On: each step's technique and area are said aloud, and what comes next. Off: only "
                   "the short sounds."))
        layout.addWidget(self.voice)
        layout.addWidget(paragraph(_(LATER), muted=True))
        layout.addStretch(1)
        outer.addWidget(BodyScroller(body), 1)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.continue_button = QPushButton(_("Continue"))
        self.continue_button.setProperty("role", "primary")
        self.continue_button.setDefault(True)
        describe(self.continue_button, _("Continue to your session"),
                 _("Your choice is kept; this is asked only once."))
        self.continue_button.clicked.connect(self.accept)
        buttons.addWidget(self.continue_button)
        outer.addLayout(buttons)
        self.resize(620, 0)
        self.fit = keep_on_screen(self)
        if problem:  # the player already knows there is no sound: say so before anyone presses anything
            self.show_check(SoundCheckResult(False, problem))
        self.test_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_checking(self) -> None:
        """The check plays: Continue waits for it, so its sounds never mix with the session's."""
        self._checking = True
        self.continue_button.setEnabled(False)
        show_checking(self.test_button, self.result)
        self.fit.refit()

    def show_check(self, result: SoundCheckResult) -> None:
        self._checking = False
        self.continue_button.setEnabled(True)
        show_check(self.test_button, self.result, result)
        self.fit.refit()
        if self.isVisible():
            self.continue_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def checking(self) -> bool:
        return self._checking

    def reject(self) -> None:
        if not self._checking:  # Esc waits, like Continue, until the test sounds have played
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._checking:
            event.ignore()
            return
        super().closeEvent(event)
