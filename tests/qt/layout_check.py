"""What a person would see wrong in a window: a window bigger than its screen, widgets drawn over each other,
text cut off, a button outside its window. `layout_problems(window)` lists each as a sentence.

Measured, not drawn: each widget's geometry against its parent's, each label's text against its room (Qt's
own heightForWidth and size hints, in the label's real font), so it works in any language and text size.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics, QGuiApplication, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QCheckBox,
    QLabel,
    QMenuBar,
    QPushButton,
    QRadioButton,
    QToolButton,
    QWidget,
)

SLACK = 1  # a pixel of rounding


def describe(widget: QWidget) -> str:
    text = getattr(widget, "text", None)
    shown = text() if callable(text) else ""
    shown = shown if isinstance(shown, str) else ""
    if len(shown) > 40:
        shown = shown[:39] + "…"
    name = widget.objectName() or widget.accessibleName()
    return f"{type(widget).__name__}({name!r}{', ' + repr(shown) if shown else ''})"


def _in_scroll_viewport(widget: QWidget) -> bool:
    """`widget` is what a scroll area scrolls: it may be bigger than the room it is shown in."""
    parent = widget.parentWidget()
    area = parent.parentWidget() if parent is not None else None
    return isinstance(area, QAbstractScrollArea) and area.viewport() is parent


def _shown(widget: QWidget) -> bool:
    # The focus ring is drawn over the widget it marks, on purpose.
    return (widget.isVisible() and widget.width() > 0 and widget.height() > 0
            and widget.objectName() != "focus_ring")


def _plain(label: QLabel) -> str:
    text = label.text()
    if label.textFormat() == Qt.TextFormat.RichText or (
            label.textFormat() == Qt.TextFormat.AutoText and "<" in text and ">" in text):
        document = QTextDocument()
        document.setHtml(text)
        return document.toPlainText()
    return text


def _label_cut(label: QLabel) -> str | None:
    if not label.text() or not label.pixmap().isNull():
        return None
    room = label.contentsRect()
    if not label.wordWrap() and "<" not in label.text():
        flags = Qt.TextFlag.TextShowMnemonic if label.buddy() is not None else 0
        need = QFontMetrics(label.font()).size(flags, label.text())
        if need.width() > room.width() + SLACK or need.height() > room.height() + SLACK:
            return f"needs {need.width()}x{need.height()}, has {room.width()}x{room.height()}"
        return None
    if label.wordWrap():
        metrics = QFontMetrics(label.font())
        words = _plain(label).split()
        widest = max((metrics.horizontalAdvance(word) for word in words), default=0)
        if widest > room.width() + SLACK:
            return f"a word needs {widest} px, it has {room.width()}"
        need = label.heightForWidth(label.width())
        if need > label.height() + SLACK:
            return f"needs {need} px high at {label.width()} wide, has {label.height()}"
        return None
    hint = label.sizeHint()
    if hint.width() > label.width() + SLACK or hint.height() > label.height() + SLACK:
        return f"needs {hint.width()}x{hint.height()}, has {label.width()}x{label.height()}"
    return None


def _button_cut(button: QAbstractButton) -> str | None:
    if not button.text() or not isinstance(button, QPushButton | QToolButton | QCheckBox | QRadioButton):
        return None
    # The width its style asks for; in height, room for a line of its text.
    hint = button.sizeHint()
    lines = QFontMetrics(button.font()).height() * (button.text().count("\n") + 1)
    if hint.width() > button.width() + SLACK or lines > button.height():
        return f"needs {hint.width()}x{lines}, has {button.width()}x{button.height()}"
    return None


def _page_scroller(widget: QWidget) -> bool:
    """`widget` is a whole page of the window, in the scroll area it gets when the window is too small."""
    area = widget.parentWidget().parentWidget() if widget.parentWidget() is not None else None
    return area is not None and area.objectName().endswith("_scroller")


def _outside_its_room(widget: QWidget, top: QWidget) -> str | None:
    """Where `widget` pokes out of an ancestor (up to the window or the scroll area that holds it). A button
    must stay in view when its page scrolls: only a list or table of its own may scroll it away."""
    rect = QRect(0, 0, widget.width(), widget.height())
    current = widget
    while current is not top:
        parent = current.parentWidget()
        if parent is None:
            return None
        rect = rect.translated(current.pos())
        button_on_page = isinstance(widget, QAbstractButton) and _page_scroller(current)
        if _in_scroll_viewport(current) and not button_on_page:
            area = parent.parentWidget()
            never_sideways = area.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
            if never_sideways and (rect.left() < -SLACK or rect.right() > parent.width() + SLACK):
                return f"reaches {rect.x()}..{rect.right()} across {describe(area)} of {parent.width()}, " \
                       "which never scrolls sideways"
            return None  # scrolled into view when wanted
        room = parent.rect().adjusted(-SLACK, -SLACK, SLACK, SLACK)
        if not room.contains(rect):
            return f"reaches {rect.x()},{rect.y()} {rect.width()}x{rect.height()} in {describe(parent)} of " \
                   f"{parent.width()}x{parent.height()}"
        current = parent
    return None


def _overlaps(parent: QWidget) -> list[str]:
    children = [child for child in parent.children() if isinstance(child, QWidget) and not child.isWindow()
                and _shown(child) and not isinstance(child, QMenuBar)]
    # An in-window question that covers the whole page (the stop panel) hides what is under it.
    if any(child.property("covers_page") and child.geometry().contains(parent.rect()) for child in children):
        return []
    found = []
    for number, first in enumerate(children):
        one = first.geometry().adjusted(SLACK, SLACK, -SLACK, -SLACK)
        for second in children[number + 1:]:
            both = one.intersected(second.geometry().adjusted(SLACK, SLACK, -SLACK, -SLACK))
            if both.width() > 0 and both.height() > 0:
                found.append(f"{describe(first)} and {describe(second)} overlap by "
                             f"{both.width()}x{both.height()} in {describe(parent)}")
    return found


def layout_problems(top: QWidget) -> list[str]:
    """Everything wrong with the shown window `top` (a main window or a dialog), one sentence each."""
    problems = []
    frame = top.frameGeometry()
    # The screen under its middle: the one Qt names may lag a move by an event.
    screen = (QGuiApplication.screenAt(frame.center()) or top.screen()).availableGeometry()
    if not screen.contains(frame):
        problems.append(f"{describe(top)} is {frame.width()}x{frame.height()} at {frame.x()},{frame.y()}, "
                        f"beyond its screen: {screen.width()}x{screen.height()} at {screen.x()},{screen.y()}")
    for widget in (top, *top.findChildren(QWidget)):
        if widget.window() is not top:
            continue
        squashed = widget.isVisible() and (widget.width() <= 0 or widget.height() <= 0)
        if squashed and isinstance(widget, QLabel | QAbstractButton) and widget.text():
            problems.append(f"{describe(widget)} is squeezed to {widget.width()}x{widget.height()}")
        if not _shown(widget):
            continue
        problems.extend(_overlaps(widget))
        if widget is not top:
            outside = _outside_its_room(widget, top)
            if outside is not None:
                problems.append(f"{describe(widget)} {outside}")
        cut = None
        if isinstance(widget, QLabel):
            cut = _label_cut(widget)
        elif isinstance(widget, QAbstractButton):
            cut = _button_cut(widget)
        if cut is not None:
            problems.append(f"{describe(widget)} is cut: {cut}")
    return problems
