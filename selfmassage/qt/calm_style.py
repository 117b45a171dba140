"""Shared look for the safety check and the check-in: large text, soft colours, a clear focus ring.

It follows the app's look (theme.current_look): High contrast swaps the soft colours for black, white and
one strong colour, and Large text scales every size here. `apply_calm_style` may be called again on a
widget already styled, when the look changes while it shows (the check-in inside the window).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from selfmassage.i18n import _
from selfmassage.qt.focus_ring import mark_styled
from selfmassage.qt.markup import escape
from selfmassage.qt.theme import current_look

BODY_POINTS = 15  # read at arm's length, after a massage, maybe without glasses
HEADING_POINTS = 22
SMALL_POINTS = 13
POINTS = "calm_points"  # a label's own size before Large text; unset: the body size


@dataclass(frozen=True)
class CalmColours:
    ink: str
    muted: str
    paper: str
    card: str
    line: str
    accent: str  # a chosen answer: calm teal, never alarm red
    accent_text: str
    note: str  # a note to read, not a warning
    note_line: str
    focus: str
    disabled_text: str
    disabled_line: str
    disabled_fill: str
    primary_disabled: str


CALM = CalmColours(
    ink="#26312f", muted="#55625f", paper="#f6f4ef", card="#ffffff", line="#cfd6d3", accent="#2e6b64",
    accent_text="#ffffff", note="#fbf3df", note_line="#e4cf98", focus="#1f56c9", disabled_text="#9aa5a2",
    disabled_line="#e1e5e3", disabled_fill="#f0f1ef", primary_disabled="#b9cbc7",
)
# Focus is cyan here: white is every border's colour and yellow a chosen answer's.
HIGH_CONTRAST = CalmColours(
    ink="#ffffff", muted="#e6e6e6", paper="#000000", card="#000000", line="#ffffff", accent="#ffd500",
    accent_text="#000000", note="#000000", note_line="#ffd500", focus="#00e5ff", disabled_text="#b0b0b0",
    disabled_line="#6b6b6b", disabled_fill="#000000", primary_disabled="#6b6b6b",
)

# The soft colours, kept under their old names for code that reads them.
INK, MUTED, PAPER, CARD, LINE = CALM.ink, CALM.muted, CALM.paper, CALM.card, CALM.line
ACCENT, NOTE, NOTE_LINE, FOCUS = CALM.accent, CALM.note, CALM.note_line, CALM.focus


def calm_colours() -> CalmColours:
    return HIGH_CONTRAST if current_look().high_contrast else CALM


def stylesheet(c: CalmColours) -> str:
    return f"""
QWidget#calm {{ background: {c.paper}; color: {c.ink}; }}
QLabel {{ color: {c.ink}; background: transparent; }}
QLabel[role="muted"] {{ color: {c.muted}; }}
QLabel[role="hint"] {{
    background: {c.note}; border: 1px solid {c.note_line}; border-radius: 8px; padding: 8px 12px;
}}
QFrame[role="card"] {{ background: {c.card}; border: 1px solid {c.line}; border-radius: 10px; }}
QFrame[role="note"] {{ background: {c.note}; border: 1px solid {c.note_line}; border-radius: 10px; }}
QScrollArea {{ border: none; background: transparent; }}
QScrollArea > QWidget > QWidget {{ background: transparent; }}
QPushButton {{
    background: {c.card}; color: {c.ink}; border: 2px solid {c.line}; border-radius: 8px;
    padding: 8px 18px; min-height: 30px;
}}
QPushButton:hover {{ border-color: {c.accent}; }}
QPushButton:checked {{ background: {c.accent}; color: {c.accent_text}; border-color: {c.accent}; }}
QPushButton:disabled {{
    color: {c.disabled_text}; border-color: {c.disabled_line}; background: {c.disabled_fill};
}}
QPushButton[role="primary"] {{ background: {c.accent}; color: {c.accent_text}; border-color: {c.accent}; }}
QPushButton[role="primary"]:disabled {{
    background: {c.primary_disabled}; border-color: {c.primary_disabled}; color: {c.accent_text};
}}
QPushButton[role="feeling"] {{ min-height: 84px; min-width: 104px; padding: 4px; }}
QPushButton:focus, QPushButton[role="primary"]:focus {{ border: 3px solid {c.focus}; }}
QRadioButton[choice="true"] {{
    background: {c.card}; color: {c.ink}; border: 2px solid {c.line}; border-radius: 8px;
    padding: 8px 18px; min-height: 30px; spacing: 0;
}}
QRadioButton[choice="true"]::indicator {{ width: 0; height: 0; border: none; image: none; }}
QRadioButton[choice="true"]:hover {{ border-color: {c.accent}; }}
QRadioButton[choice="true"]:checked {{
    background: {c.accent}; color: {c.accent_text}; border-color: {c.accent};
}}
QRadioButton[choice="true"]:focus {{ border: 3px solid {c.focus}; }}
QRadioButton[role="feeling"] {{ min-height: 84px; min-width: 104px; padding: 4px; }}
QScrollBar:vertical {{ background: transparent; width: 14px; margin: 0; }}
QScrollBar::handle:vertical {{ background: {c.line}; border-radius: 6px; min-height: 40px; margin: 2px; }}
QScrollBar::handle:vertical:hover {{ background: {c.muted}; }}
QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical {{ height: 0; }}
QScrollBar::add-page:vertical, QScrollBar::sub-page:vertical {{ background: transparent; }}
QCheckBox {{
    color: {c.ink}; spacing: 12px; padding: 6px 4px; border: 3px solid transparent; border-radius: 6px;
}}
QCheckBox::indicator {{ width: 24px; height: 24px; }}
QCheckBox:focus {{ border-color: {c.focus}; }}
QLineEdit {{
    background: {c.card}; border: 2px solid {c.line}; border-radius: 8px; padding: 8px; color: {c.ink};
}}
QLineEdit:focus {{ border: 3px solid {c.focus}; }}
"""


STYLE = stylesheet(CALM)


def _points(points: float) -> QFont:
    font = QFont()
    font.setPointSizeF(points * current_look().scale)
    return font


def apply_calm_style(widget: QWidget) -> None:
    """Large text and the soft (or high-contrast) colours on `widget` and everything inside it.

    Called again on a styled widget, it sets every label's and control's size afresh: under a style sheet
    Qt would not hand a new size down to them.
    """
    widget.setObjectName("calm")
    widget.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
    mark_styled(widget)  # its :focus rules draw the ring
    widget.setFont(_points(BODY_POINTS))
    widget.setStyleSheet(stylesheet(calm_colours()))
    for child in widget.findChildren(QWidget):
        points = child.property(POINTS)
        font = QFont(child.font())
        font.setPointSizeF(float(points if points is not None else BODY_POINTS) * current_look().scale)
        child.setFont(font)


def sized_font(points: int, *, bold: bool = False) -> QFont:
    """A font of `points` before Large text; give the widget `POINTS` too, so a new look rescales it."""
    font = _points(points)
    font.setBold(bold)
    return font


def heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setProperty(POINTS, HEADING_POINTS)
    label.setFont(sized_font(HEADING_POINTS, bold=True))
    label.setWordWrap(True)
    label.setAccessibleName(text)
    label.setAccessibleDescription(_("A heading."))
    return label


def bullet_html(lines: tuple[str, ...]) -> str:
    """Lines as a list with a hanging indent, so a wrapped line stays under its own text."""
    items = "".join(f"<li style='margin-bottom:4px'>{escape(line)}</li>" for line in lines)
    return f"<ul style='margin:0; -qt-list-indent:1'>{items}</ul>"


def bullet_list(lines: tuple[str, ...]) -> QLabel:
    label = QLabel(bullet_html(lines))
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setWordWrap(True)
    label.setAccessibleName(" ".join(lines))
    return label


def no_session_button(next_step: str) -> QPushButton:
    """A stop page's Close: no session today; `next_step` says what to do before the next one."""
    button = QPushButton(_("Close"))
    button.setProperty("role", "primary")
    button.setAccessibleName(_("Close: no session today"))
    button.setAccessibleDescription(next_step)
    return button


def paragraph(text: str, *, muted: bool = False, points: int | None = None) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setAccessibleName(text)
    if muted:
        label.setProperty("role", "muted")
    if points is not None:
        label.setProperty(POINTS, points)
        label.setFont(sized_font(points))
    return label
