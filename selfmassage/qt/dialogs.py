"""Small dialogs the main window opens: the volume and the sound check; a yes/no question, a message and
About, asked in the window (selfmassage.qt.question_panel)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from selfmassage import __version__
from selfmassage.i18n import _, ngettext
from selfmassage.qt.a11y import announce, describe
from selfmassage.qt.dialog_fit import keep_on_screen
from selfmassage.qt.question_panel import Answer, ask

if TYPE_CHECKING:  # the sound modules load with the player, after the window's first frame
    from selfmassage.sound.check import SoundCheckResult


def confirm(parent: QWidget, title: str, text: str, yes: str, no: str) -> bool:
    """Ask in the window; `no` is the default and Esc, so a stray key never does the irreversible thing."""
    answers = [Answer("yes", yes, f"{yes}: {text}"),
               Answer("no", no, _("{answer}, and carry on as before. Esc does this too.").format(answer=no),
                      primary=True)]
    return ask(parent, title, text, answers, default="no", escape="no") == "yes"


class VolumeDialog(QDialog):
    """Sliders for the cues and the voice, the voice on or off, and Test sound; each change applies (and is
    saved) at once."""

    def __init__(self, volume: float, on_change: Callable[[float], None], voice_volume: float,
                 on_voice_change: Callable[[float], None], parent: QWidget | None = None, *,
                 voice_on: bool = True, on_voice_toggle: Callable[[bool], None] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Volume"))
        self.setObjectName("volume_dialog")
        describe(self, _("Volume"),
                 _("How loud the cues and the spoken prompts are, and the voice on or off."))
        hint = QLabel(_("Use the arrow keys or drag. Changes apply at once."), self)
        hint.setProperty("quiet", True)
        hint.setWordWrap(True)
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(14)
        cues_label = QLabel(_("Sound cues"), self)
        self.cues = _VolumeRow(_("Volume of the sound cues"), volume, on_change, self)
        cues_label.setBuddy(self.cues.slider)
        # The voice's row is named by its switch: tick it for spoken prompts, then set how loud.
        self.voice_switch = QCheckBox(_("Spoken prompts"), self)
        self.voice_switch.setObjectName("voice_switch")
        self.voice_switch.setChecked(voice_on)
        describe(self.voice_switch, _("Spoken prompts"),
                 _("On: each step's technique and area are said aloud, and what comes next."))
        self.voice = _VolumeRow(_("Volume of the spoken prompts"), voice_volume, on_voice_change, self)
        self.voice.slider.setEnabled(voice_on)
        self.voice_switch.toggled.connect(self.voice.slider.setEnabled)
        if on_voice_toggle is not None:
            self.voice_switch.toggled.connect(on_voice_toggle)
        for row, (label, line) in enumerate(((cues_label, self.cues), (self.voice_switch, self.voice))):
            grid.addWidget(label, row, 0)
            grid.addWidget(line.slider, row, 1)
            grid.addWidget(line.value_label, row, 2)
        grid.setColumnStretch(1, 1)
        self.test_button = QPushButton(_("Test sound"), self)
        self.test_button.setObjectName("test_sound_button")
        describe(self.test_button, _("Test sound: play every sound once"),
                 _("Plays every cue and a voice clip, then says here whether sound works and, if not, what "
                   "to check."))
        self.test_button.setToolTip(_("Play every cue and a voice clip once"))
        self.test_button.setAutoDefault(False)
        self.result = QLabel(self)
        self.result.setObjectName("sound_check_result")
        self.result.setWordWrap(True)
        self.result.setAccessibleName(_("What the sound test found"))
        self.result.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        describe(close, close.text().replace("&", ""), _("Close this window; your changes are already kept."))
        buttons.addButton(self.test_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(14)
        layout.addWidget(hint)
        layout.addLayout(grid)
        layout.addWidget(self.result)
        layout.addWidget(buttons)
        self.fit = keep_on_screen(self)
        self.cues.slider.setFocus()

    def show_checking(self) -> None:
        show_checking(self.test_button, self.result)

    def show_check(self, result: SoundCheckResult) -> None:
        show_check(self.test_button, self.result, result)


class _VolumeRow:
    def __init__(self, name: str, volume: float, on_change: Callable[[float], None], parent: QWidget) -> None:
        self.slider = QSlider(Qt.Orientation.Horizontal, parent)
        self.slider.setRange(0, 100)
        self.slider.setPageStep(10)
        self.slider.setValue(round(volume * 100))
        self.slider.setAccessibleName(name)
        self.slider.setMinimumWidth(280)
        self.value_label = QLabel(parent)
        # Room for the widest value in the label's own font (Large text makes it wider).
        self.value_label.setMinimumWidth(self.value_label.fontMetrics().horizontalAdvance("100 %") + 4)
        self._name = name
        self._on_change = on_change
        self.slider.valueChanged.connect(self._changed)
        self._show_value(self.slider.value())

    def _changed(self, value: int) -> None:
        self._show_value(value)
        self._on_change(value / 100)

    def _show_value(self, value: int) -> None:
        self.value_label.setText(f"{value} %")
        self.slider.setAccessibleDescription(ngettext(
            "{value} percent. Left and Right change it by 1, Page Up and Page Down by 10.",
            "{value} percent. Left and Right change it by 1, Page Up and Page Down by 10.", value).format(
                value=value))


def show_checking(button: QPushButton, result: QLabel) -> None:
    """The sound check has started: say so, and hold the button until it ends."""
    button.setEnabled(False)
    result.setText(_("Playing every sound once…"))
    result.setAccessibleDescription(result.text())
    result.show()
    announce(result, result.text())  # it shows away from the focus: say it
    refit(result)


def refit(inside: QWidget) -> None:
    """The dialog holding `inside` has new text: as tall as it now needs, within its screen."""
    fitter = getattr(inside.window(), "fit", None)
    if fitter is not None:
        fitter.refit()


def show_check(button: QPushButton, result: QLabel, found: SoundCheckResult) -> None:
    """What the sound check found, in its own plain words; a problem is marked by a word, not colour."""
    button.setEnabled(True)
    result.setText(found.message if found.works else _("No sound. {reason}").format(reason=found.message))
    result.setAccessibleDescription(result.text())
    result.show()
    announce(result, result.text())  # it shows away from the focus: say it
    refit(result)


def tell(parent: QWidget, title: str, text: str) -> None:
    ask(parent, title, text, [Answer("ok", _("OK"), _("Close this message."), primary=True)],
        default="ok", escape="ok")


def show_about(parent: QWidget) -> None:
    text = (f"<h3>selfmassage {__version__}</h3>"
            "<p>" + _("Guides you through a self-massage at home, area by area, with a countdown "
                      "and sound cues.") + "</p>"
            "<p>" + _("It does not diagnose anything. If something hurts, stop, and ask a doctor.") + "</p>")
    ask(parent, _("About selfmassage"), text, [Answer("ok", _("OK"), _("Close this message."), primary=True)],
        default="ok", escape="ok", rich=True)
