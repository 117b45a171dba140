"""What the in-window panels share (the stop panel, the questions): a card in the middle of the window, and
the window dimmed around it."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget


def hold_in_the_middle(panel: QWidget, card: QWidget) -> None:
    """`panel`'s layout: `card` in its middle, as wide as the room lets its text wrap."""
    outer = QVBoxLayout(panel)
    outer.setContentsMargins(20, 20, 20, 20)
    middle = QHBoxLayout()  # no alignment flag: it would keep the card from wrapping its text
    middle.addStretch(1)
    middle.addWidget(card, 100)
    middle.addStretch(1)
    outer.addStretch(1)
    outer.addLayout(middle)
    outer.addStretch(1)


def paint_dimmed(panel: QWidget) -> None:
    """The window underneath, dimmed (from a paintEvent): the question is what matters now."""
    painter = QPainter(panel)
    shade = QColor(panel.palette().color(QPalette.ColorRole.Window))
    shade.setAlpha(215)
    painter.fillRect(panel.rect(), shade)
