"""Small dialogs the main window opens: a yes/no question, the volume, and About."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from selfmassage import __version__


def confirm(parent: QWidget, title: str, text: str, yes: str, no: str) -> bool:
    """Ask; `no` is the default and Esc, so a stray key never does the irreversible thing."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("confirm_box")
    yes_button = box.addButton(yes, QMessageBox.ButtonRole.DestructiveRole)
    no_button = box.addButton(no, QMessageBox.ButtonRole.RejectRole)
    yes_button.setAccessibleName(yes)
    no_button.setAccessibleName(no)
    box.setDefaultButton(no_button)
    box.setEscapeButton(no_button)
    box.exec()
    return box.clickedButton() is yes_button


class VolumeDialog(QDialog):
    """Sliders for the cues and the voice; each change is applied (and saved) at once."""

    def __init__(self, volume: float, on_change: Callable[[float], None], voice_volume: float,
                 on_voice_change: Callable[[float], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Volume")
        self.setObjectName("volume_dialog")
        hint = QLabel("Use the arrow keys or drag. Changes apply at once.", self)
        hint.setProperty("quiet", True)
        hint.setWordWrap(True)
        self.cues = _VolumeRow("Sound cues", volume, on_change, self)
        self.voice = _VolumeRow("Spoken prompts", voice_volume, on_voice_change, self)
        self.test_button = QPushButton("Test sound", self)
        self.test_button.setAccessibleName("Test sound: play every sound once")
        self.test_button.setToolTip("Play every cue and a voice clip once")
        self.test_button.setAutoDefault(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.test_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(14)
        layout.addWidget(hint)
        layout.addLayout(self.cues)
        layout.addLayout(self.voice)
        layout.addWidget(buttons)


class _VolumeRow(QHBoxLayout):
    def __init__(self, name: str, volume: float, on_change: Callable[[float], None], parent: QWidget) -> None:
        super().__init__()
        label = QLabel(name, parent)
        label.setMinimumWidth(130)
        self.slider = QSlider(Qt.Orientation.Horizontal, parent)
        self.slider.setRange(0, 100)
        self.slider.setPageStep(10)
        self.slider.setValue(round(volume * 100))
        self.slider.setAccessibleName(f"Volume of the {name.lower()}")
        self.slider.setMinimumWidth(280)
        label.setBuddy(self.slider)
        self.value_label = QLabel(parent)
        self.value_label.setMinimumWidth(48)
        self._name = name
        self._on_change = on_change
        self.slider.valueChanged.connect(self._changed)
        self._show_value(self.slider.value())
        self.addWidget(label)
        self.addWidget(self.slider, 1)
        self.addWidget(self.value_label)

    def _changed(self, value: int) -> None:
        self._show_value(value)
        self._on_change(value / 100)

    def _show_value(self, value: int) -> None:
        self.value_label.setText(f"{value} %")
        self.slider.setAccessibleDescription(f"{value} percent")


def tell(parent: QWidget, title: str, text: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("tell_box")
    box.exec()


def show_about(parent: QWidget) -> None:
    QMessageBox.about(
        parent,
        "About selfmassage",
        f"<h3>selfmassage {__version__}</h3>"
        "<p>Guides you through a self-massage at home, area by area, with a countdown and sound cues.</p>"
        "<p>It does not diagnose anything. If something hurts, stop, and ask a doctor.</p>",
    )
