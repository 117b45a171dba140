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
    """A slider for the cues' loudness; each change is applied (and saved) at once."""

    def __init__(self, volume: float, on_change: Callable[[float], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Volume")
        self.setObjectName("volume_dialog")
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setRange(0, 100)
        self.slider.setPageStep(10)
        self.slider.setValue(round(volume * 100))
        self.slider.setAccessibleName("Volume of the sound cues")
        self.slider.setMinimumWidth(320)
        self.value_label = QLabel(self)
        self.value_label.setMinimumWidth(48)
        self._on_change = on_change
        self.slider.valueChanged.connect(self._changed)
        self._show_value(self.slider.value())
        hint = QLabel("How loud the cues are. Use the arrow keys or drag.", self)
        hint.setProperty("quiet", True)
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.slider, 1)
        row.addWidget(self.value_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(14)
        layout.addWidget(hint)
        layout.addLayout(row)
        layout.addWidget(buttons)

    def _changed(self, value: int) -> None:
        self._show_value(value)
        self._on_change(value / 100)

    def _show_value(self, value: int) -> None:
        self.value_label.setText(f"{value} %")
        self.slider.setAccessibleDescription(f"{value} percent")


def show_about(parent: QWidget) -> None:
    QMessageBox.about(
        parent,
        "About selfmassage",
        f"<h3>selfmassage {__version__}</h3>"
        "<p>Guides you through a self-massage at home, area by area, with a countdown and sound cues.</p>"
        "<p>It does not diagnose anything. If something hurts, stop, and ask a doctor.</p>",
    )
