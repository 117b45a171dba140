"""Does a widget's text fit the room its layout gave it? And the biggest scale of a page's type that fits.

The session page's type grows with the window, to be read from 2 m; these say how far it may grow before a
word is cut, a wrapped line falls off the bottom or a button loses the end of its name.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

SLACK = 1  # a pixel of rounding


def text_fits(widget: QWidget) -> bool:
    """The shown text of `widget` (a label or a button) fits its current geometry."""
    if not widget.isVisibleTo(widget.window()) and not widget.sizePolicy().retainSizeWhenHidden():
        return True
    if isinstance(widget, QLabel):
        text = widget.text()
        if not text:
            return True
        room = widget.contentsRect()
        if widget.wordWrap():
            metrics = QFontMetrics(widget.font())
            widest = max((metrics.horizontalAdvance(word) for word in text.split()), default=0)
            return widest <= room.width() + SLACK and \
                widget.heightForWidth(widget.width()) <= widget.height() + SLACK
        hint = widget.sizeHint()
        return hint.width() <= widget.width() + SLACK and hint.height() <= widget.height() + SLACK
    if isinstance(widget, QAbstractButton):
        hint = widget.sizeHint()
        return hint.width() <= widget.width() + SLACK
    return True


def largest_fitting(apply: Callable[[float], None], fits: Callable[[], bool], wanted: float,
                    smallest: float, steps: int = 6) -> float:
    """The biggest scale up to `wanted` at which `fits()` holds once `apply(scale)` has set it (halving the
    gap `steps` times), or `smallest`; the page is left at that scale."""
    apply(wanted)
    if fits():
        return wanted
    low, high = smallest, wanted
    for _ in range(steps):
        middle = (low + high) / 2
        apply(middle)
        if fits():
            low = middle
        else:
            high = middle
    apply(low)
    return low
