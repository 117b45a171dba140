"""The look: a calm theme and a high-contrast one, as a palette plus a style sheet, and the text size.

Custom-painted widgets (the countdown ring, the tempo pulse) read the palette, so both themes reach them:
Highlight is the accent, Mid the ring's track, PlaceholderText the quiet text.
Font sizes and weights are not in the style sheet (a font rule there would drop a size set in code):
the session page sets its own, scaled with the window.
Every focusable control the sheet styles has a :focus rule (a 3-px accent border), so focus is always
visible; pages without the sheet get selfmassage.qt.focus_ring instead.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

# Neither the `Qt` namespace nor QStyle at import: the window's first frame is themed before PySide6 builds
# their enums (~25 and ~10 ms, see main_window); the app's own style (theme_style) follows.
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QWidget

BASE_POINT_SIZE = 11
LARGE_TEXT_FACTOR = 1.35


class Colours(NamedTuple):  # a NamedTuple, not a dataclass: one import less before the first frame
    window: str
    surface: str
    text: str
    muted: str
    accent: str
    accent_text: str  # text on the accent colour
    accent_soft: str
    track: str
    border: str
    danger: str
    notice: str
    notice_border: str


CALM = Colours(
    window="#f3efe8", surface="#fffdf9", text="#1c2a2e", muted="#5d6b6e", accent="#2b7a6c",
    accent_text="#ffffff", accent_soft="#d9ece6", track="#e2dbd0", border="#d6cec2", danger="#a33f2c",
    notice="#fff3d1", notice_border="#d9a93b",
)
HIGH_CONTRAST = Colours(
    window="#000000", surface="#000000", text="#ffffff", muted="#e6e6e6", accent="#ffd500",
    accent_text="#000000", accent_soft="#3a3000", track="#6b6b6b", border="#ffffff", danger="#ff7a5c",
    notice="#000000", notice_border="#ffd500",
)


def colours(high_contrast: bool) -> Colours:
    return HIGH_CONTRAST if high_contrast else CALM


def palette(c: Colours) -> QPalette:
    pal = QPalette()
    roles = {
        QPalette.ColorRole.Window: c.window,
        QPalette.ColorRole.WindowText: c.text,
        QPalette.ColorRole.Base: c.surface,
        QPalette.ColorRole.AlternateBase: c.window,
        QPalette.ColorRole.Text: c.text,
        QPalette.ColorRole.Button: c.surface,
        QPalette.ColorRole.ButtonText: c.text,
        QPalette.ColorRole.Highlight: c.accent,
        QPalette.ColorRole.HighlightedText: c.accent_text,
        QPalette.ColorRole.Mid: c.track,
        QPalette.ColorRole.Midlight: c.accent_soft,
        QPalette.ColorRole.Dark: c.border,
        QPalette.ColorRole.PlaceholderText: c.muted,
        QPalette.ColorRole.ToolTipBase: c.text,
        QPalette.ColorRole.ToolTipText: c.window,
        QPalette.ColorRole.Link: c.accent,
    }
    for role, value in roles.items():
        pal.setColor(role, QColor(value))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        pal.setColor(QPalette.ColorGroup.Disabled, role, QColor(c.muted))
    return pal


def stylesheet(c: Colours) -> str:
    return f"""
QMainWindow, QStackedWidget > QWidget {{ background: {c.window}; }}
QLabel {{ color: {c.text}; }}
QLabel[quiet="true"] {{ color: {c.muted}; }}
QLabel[accent="true"] {{ color: {c.accent}; }}
QFrame[card="true"] {{
    background: {c.surface}; border: 1px solid {c.border}; border-radius: 18px;
}}
QScrollArea#routine_words_area, QScrollArea#routine_words_area > QWidget > QWidget {{
    background: transparent;
}}
QScrollBar:vertical {{ background: transparent; width: 14px; margin: 0; }}
QScrollBar::handle:vertical {{ background: {c.border}; border-radius: 6px; min-height: 40px; margin: 2px; }}
QScrollBar::handle:vertical:hover {{ background: {c.muted}; }}
QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical {{ height: 0; }}
QScrollBar::add-page:vertical, QScrollBar::sub-page:vertical {{ background: transparent; }}
QPushButton, QToolButton {{
    background: {c.surface}; color: {c.text}; border: 2px solid {c.border}; border-radius: 12px;
    padding: 10px 20px;
}}
QPushButton:hover, QToolButton:hover {{ border-color: {c.accent}; }}
QPushButton:pressed, QToolButton:pressed {{ background: {c.accent_soft}; }}
QPushButton:focus, QToolButton:focus {{ border: 3px solid {c.accent}; background: {c.accent_soft}; }}
QPushButton:checked, QToolButton:checked {{ background: {c.accent_soft}; border-color: {c.accent}; }}
QPushButton:disabled, QToolButton:disabled {{ color: {c.muted}; background: {c.window}; }}
QFileDialog QToolButton {{ padding: 2px; border-radius: 6px; }}
QFileDialog QListView, QFileDialog QTreeView {{
    selection-background-color: {c.accent}; selection-color: {c.accent_text};
}}
QPushButton[primary="true"] {{
    background: {c.accent}; color: {c.accent_text}; border: 3px solid {c.accent};
}}
QPushButton[primary="true"]:focus {{ border: 3px solid {c.text}; }}
QPushButton[primary="true"]:disabled {{ background: {c.track}; color: {c.muted}; border-color: {c.track}; }}
QPushButton[danger="true"] {{ color: {c.danger}; }}
QListWidget {{
    background: {c.surface}; color: {c.text}; border: 1px solid {c.border}; border-radius: 16px;
    padding: 8px; outline: none;
}}
QListWidget:focus {{ border: 3px solid {c.accent}; }}
QProgressBar {{
    background: {c.track}; border: none; border-radius: 7px; max-height: 14px; min-height: 14px;
    color: transparent;
}}
QProgressBar::chunk {{ background: {c.accent}; border-radius: 7px; }}
QLabel[stage="current"] {{
    background: {c.accent}; color: {c.accent_text}; border: 3px solid {c.accent}; border-radius: 12px;
}}
QLabel[stage="done"] {{ color: {c.muted}; border: 2px solid {c.border}; border-radius: 12px; }}
QLabel[stage="todo"] {{ color: {c.text}; border: 2px solid {c.border}; border-radius: 12px; }}
QLabel[stage="covered"] {{ color: {c.text}; background: {c.accent_soft}; border: 2px solid {c.accent};
    border-radius: 12px; }}
QLabel[stage="absent"] {{ color: {c.muted}; border: 2px dashed {c.border}; border-radius: 12px; }}
QFrame#notice {{ background: {c.notice}; border: 2px solid {c.notice_border}; border-radius: 12px; }}
QFrame#notice QLabel {{ color: {c.text}; }}
QMenuBar {{ background: {c.window}; color: {c.text}; }}
QMenuBar::item:selected {{ background: {c.accent}; color: {c.accent_text}; }}
QMenu {{ background: {c.surface}; color: {c.text}; border: 1px solid {c.border}; }}
QMenu::item {{ padding: 6px 28px 6px 24px; }}
QMenu::item:selected {{ background: {c.accent}; color: {c.accent_text}; }}
QMenu::item:disabled {{ color: {c.muted}; }}
QToolTip {{ background: {c.text}; color: {c.window}; border: none; padding: 6px; }}
QStatusBar {{ background: {c.window}; color: {c.muted}; }}
QCheckBox, QRadioButton {{
    color: {c.text}; spacing: 10px; padding: 4px 8px; border: 3px solid transparent; border-radius: 10px;
}}
QCheckBox:focus, QRadioButton:focus {{ border-color: {c.accent}; background: {c.accent_soft}; }}
QSlider::groove:horizontal {{ background: {c.track}; height: 8px; border-radius: 4px; }}
QSlider::handle:horizontal {{
    background: {c.accent}; width: 22px; margin: -8px 0; border-radius: 11px; border: 2px solid {c.surface};
}}
QSlider:focus::handle:horizontal {{ border: 3px solid {c.text}; }}
QPushButton[compact="true"] {{ padding: 6px 12px; border-radius: 10px; }}
QPushButton[link="true"] {{
    background: transparent; color: {c.accent}; border: 2px solid transparent; border-radius: 8px;
    padding: 2px 6px; text-decoration: underline;
}}
QPushButton[link="true"]:focus {{ border: 3px solid {c.accent}; background: {c.accent_soft}; }}
QLineEdit, QPlainTextEdit, QComboBox, QSpinBox {{
    background: {c.surface}; color: {c.text}; border: 2px solid {c.border}; border-radius: 8px;
    padding: 4px 8px; selection-background-color: {c.accent}; selection-color: {c.accent_text};
}}
QLineEdit:focus, QPlainTextEdit:focus, QComboBox:focus, QSpinBox:focus {{ border: 3px solid {c.accent}; }}
QLineEdit:disabled, QPlainTextEdit:disabled, QComboBox:disabled, QSpinBox:disabled {{
    color: {c.muted}; background: {c.window};
}}
QComboBox::drop-down {{ border: none; width: 28px; }}
QComboBox::down-arrow {{ image: url("{_arrow("down", c)}"); width: 12px; height: 8px; }}
QSpinBox {{ padding-right: 26px; }}
QSpinBox::up-button, QSpinBox::down-button {{ border: none; width: 24px; }}
QSpinBox::up-arrow {{ image: url("{_arrow("up", c)}"); width: 12px; height: 8px; }}
QSpinBox::down-arrow {{ image: url("{_arrow("down", c)}"); width: 12px; height: 8px; }}
QComboBox QAbstractItemView {{
    background: {c.surface}; color: {c.text}; border: 1px solid {c.border};
    selection-background-color: {c.accent}; selection-color: {c.accent_text};
}}
QTableView {{
    background: {c.surface}; alternate-background-color: {c.window}; color: {c.text};
    border: 1px solid {c.border}; border-radius: 12px; gridline-color: {c.track};
    selection-background-color: {c.accent}; selection-color: {c.accent_text};
}}
QTableView:focus {{ border: 3px solid {c.accent}; }}
QHeaderView::section {{
    background: {c.surface}; color: {c.muted}; border: none; border-bottom: 2px solid {c.border};
    padding: 6px 8px;
}}
QListWidget#routineList::item {{ padding: 6px 8px; border-radius: 8px; }}
QListWidget#routineList::item:selected {{ background: {c.accent}; color: {c.accent_text}; }}
QGroupBox {{
    background: {c.surface}; border: 1px solid {c.border}; border-radius: 14px; margin-top: 1.6em;
    padding: 10px 12px 12px 12px;
}}
QGroupBox::title {{ subcontrol-origin: margin; left: 16px; padding: 0 4px; color: {c.text}; }}
QFrame#builtinBanner, QLabel[callout="note"] {{
    background: {c.notice}; border: 2px solid {c.notice_border}; border-radius: 12px;
}}
QLabel[callout="warning"] {{ background: {c.notice}; border: 2px solid {c.danger}; border-radius: 12px; }}
QFrame#problemRow {{ border-bottom: 1px solid {c.track}; }}
QSplitter::handle {{ background: transparent; }}
"""


def _arrow(way: str, c: Colours) -> str:
    """A field's arrow (a combo box's, a spin box's), drawn in the theme's text colour. Found as
    selfmassage.resources finds the assets, without importlib.resources (~30 ms) in the first frame."""
    ink = "light" if c.text == HIGH_CONTRAST.text else "dark"
    package = Path(__file__).resolve().parents[1]
    assets = package / "assets" if (package / "assets").is_dir() else package.parent / "assets"
    return (assets / "icons" / f"arrow-{way}-{ink}.svg").as_posix()


class Look(NamedTuple):
    """The theme the app shows now; parts built later (the check-in, the safety questions) read it."""

    high_contrast: bool = False
    large_text: bool = False

    @property
    def scale(self) -> float:
        return text_scale(self.large_text)


_look = Look()


def current_look() -> Look:
    return _look


def text_scale(large_text: bool) -> float:
    return LARGE_TEXT_FACTOR if large_text else 1.0


def apply_theme(app: QApplication, *, high_contrast: bool, large_text: bool) -> str:
    """Palette and text size for the whole app; returns the style sheet for the window's own widgets.

    The sheet is not set app-wide on purpose: under an app-wide (or an ancestor's) style sheet, Qt no longer
    hands a parent's font to a widget that was built without a parent and added later — the way the safety
    questions and the check-in build theirs — so their large text would shrink to the app's size. The main
    window puts the sheet on its own pages only (see MainWindow._apply_look).

    The style is not set here: the window's first frame is in Fusion from the command line (run_app), and
    the app's own (theme_style.use_theme_style, which builds QStyle's enums) comes with the rest.
    """
    global _look
    _look = Look(high_contrast=high_contrast, large_text=large_text)
    c = colours(high_contrast)
    app.setPalette(palette(c))
    font = QFont(app.font())
    font.setPointSizeF(BASE_POINT_SIZE * text_scale(large_text))
    app.setFont(font)
    return stylesheet(c)


def relative_font(widget: QWidget, factor: float = 1.0, *, bold: bool = False) -> None:
    """Give `widget` the app's font times `factor`, and keep it so when the text size changes."""
    widget.setProperty("font_factor", factor)
    widget.setProperty("font_bold", bold)
    widget.setFont(font_for(factor, bold))


def font_for(factor: float, bold: bool) -> QFont:
    """The app's font times `factor`, bold or not."""
    font = QFont(QApplication.font())
    font.setPointSizeF(font.pointSizeF() * factor)
    font.setBold(bold)
    return font


def rescale_relative_fonts(root: QWidget) -> None:
    """Scale again the `relative_font` widgets under `root` (a page without the window's style sheet,
    whose other widgets take the app's new font from Qt by themselves)."""
    for widget in (root, *root.findChildren(QWidget)):
        factor = widget.property("font_factor")
        if factor is not None:
            widget.setFont(font_for(float(factor), bool(widget.property("font_bold"))))


def set_style_flag(widget: QWidget, name: str, value: object) -> None:
    """Set a property the style sheet selects on, and restyle the widget so it shows."""
    if widget.property(name) == value:
        return
    widget.setProperty(name, value)
    widget.style().unpolish(widget)
    widget.style().polish(widget)
