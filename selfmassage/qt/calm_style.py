"""Shared look for the safety check and the check-in: large text, soft colours, a clear focus ring."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QWidget

BODY_POINTS = 15  # read at arm's length, after a massage, maybe without glasses
HEADING_POINTS = 22
SMALL_POINTS = 13

INK = "#26312f"
MUTED = "#55625f"
PAPER = "#f6f4ef"
CARD = "#ffffff"
LINE = "#cfd6d3"
ACCENT = "#2e6b64"  # a chosen answer: calm teal, never alarm red
ACCENT_SOFT = "#e3efec"
NOTE = "#fbf3df"  # a note to read, not a warning
NOTE_LINE = "#e4cf98"
FOCUS = "#1f56c9"

STYLE = f"""
QWidget#calm {{ background: {PAPER}; color: {INK}; }}
QLabel {{ color: {INK}; background: transparent; }}
QLabel[role="muted"] {{ color: {MUTED}; }}
QLabel[role="hint"] {{
    background: {NOTE}; border: 1px solid {NOTE_LINE}; border-radius: 8px; padding: 8px 12px;
}}
QFrame[role="card"] {{ background: {CARD}; border: 1px solid {LINE}; border-radius: 10px; }}
QFrame[role="note"] {{ background: {NOTE}; border: 1px solid {NOTE_LINE}; border-radius: 10px; }}
QScrollArea {{ border: none; background: transparent; }}
QScrollArea > QWidget > QWidget {{ background: transparent; }}
QPushButton {{
    background: {CARD}; color: {INK}; border: 2px solid {LINE}; border-radius: 8px;
    padding: 8px 18px; min-height: 30px;
}}
QPushButton:hover {{ border-color: {ACCENT}; }}
QPushButton:checked {{ background: {ACCENT}; color: white; border-color: {ACCENT}; }}
QPushButton:disabled {{ color: #9aa5a2; border-color: #e1e5e3; background: #f0f1ef; }}
QPushButton[role="primary"] {{ background: {ACCENT}; color: white; border-color: {ACCENT}; }}
QPushButton[role="primary"]:disabled {{ background: #b9cbc7; border-color: #b9cbc7; color: white; }}
QPushButton[role="feeling"] {{ min-height: 84px; min-width: 104px; padding: 4px; }}
QPushButton:focus, QPushButton[role="primary"]:focus {{ border: 3px solid {FOCUS}; }}
QScrollBar:vertical {{ background: transparent; width: 14px; margin: 0; }}
QScrollBar::handle:vertical {{ background: {LINE}; border-radius: 6px; min-height: 40px; margin: 2px; }}
QScrollBar::handle:vertical:hover {{ background: {MUTED}; }}
QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical {{ height: 0; }}
QScrollBar::add-page:vertical, QScrollBar::sub-page:vertical {{ background: transparent; }}
QCheckBox {{ spacing: 12px; padding: 6px 4px; border: 3px solid transparent; border-radius: 6px; }}
QCheckBox::indicator {{ width: 24px; height: 24px; }}
QCheckBox:focus {{ border-color: {FOCUS}; }}
QLineEdit {{
    background: {CARD}; border: 2px solid {LINE}; border-radius: 8px; padding: 8px; color: {INK};
}}
QLineEdit:focus {{ border: 3px solid {FOCUS}; }}
"""


def apply_calm_style(widget: QWidget) -> None:
    """Large text and the soft colours on `widget` and everything inside it."""
    widget.setObjectName("calm")
    widget.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
    font = QFont()
    font.setPointSize(BODY_POINTS)
    widget.setFont(font)
    widget.setStyleSheet(STYLE)


def heading(text: str) -> QLabel:
    label = QLabel(text)
    font = QFont()
    font.setPointSize(HEADING_POINTS)
    font.setBold(True)
    label.setFont(font)
    label.setWordWrap(True)
    label.setAccessibleName(text)
    return label


def bullet_html(lines: tuple[str, ...]) -> str:
    """Lines as a list with a hanging indent, so a wrapped line stays under its own text."""
    items = "".join(f"<li style='margin-bottom:4px'>{html.escape(line)}</li>" for line in lines)
    return f"<ul style='margin:0; -qt-list-indent:1'>{items}</ul>"


def bullet_list(lines: tuple[str, ...]) -> QLabel:
    label = QLabel(bullet_html(lines))
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setWordWrap(True)
    label.setAccessibleName(" ".join(lines))
    return label


def paragraph(text: str, *, muted: bool = False, points: int | None = None) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setAccessibleName(text)
    if muted:
        label.setProperty("role", "muted")
    if points is not None:
        font = QFont()
        font.setPointSize(points)
        label.setFont(font)
    return label
