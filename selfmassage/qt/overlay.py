"""What the in-window panels share (the stop panel, the questions): a card in the middle of the window, and
the window dimmed around it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget


def cover(panel: QWidget, name: str) -> None:
    """`panel` covers its page or window and paints its own background (see paint_dimmed)."""
    panel.setObjectName(name)
    panel.setProperty("covers_page", True)  # what it covers is out of sight (tests/qt/layout_check.py)
    panel.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)


def card(panel: QWidget, name: str, max_width: int) -> tuple[QFrame, QVBoxLayout]:
    """The card the panel's question sits on, in the window's card look, and its layout."""
    frame = QFrame(panel)
    frame.setObjectName(name)
    frame.setProperty("card", True)
    frame.setFrameShape(QFrame.Shape.StyledPanel)
    frame.setMaximumWidth(max_width)
    frame.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(28, 22, 28, 22)
    layout.setSpacing(14)
    return frame, layout


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
