"""A clear ring around whatever has keyboard focus, in the theme's accent colour, on every page and dialog.

The window's own pages (the editor and the review among them) and the calm dialogs draw their focus ring in
their style sheets. The other pages and the small dialogs follow the app's palette without a style sheet, on
purpose (see theme.apply_theme: a style sheet above them would freeze their fonts when Large text changes).
There Fusion's own focus mark is a faint 1-px line; this ring, drawn just outside the focused control, makes
it as clear as on the styled pages, in both themes.

A container marked with `mark_styled(widget)` draws its own ring, and this one stays away from it.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject, QRectF
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import (
    QApplication,
    QFocusFrame,
    QMenu,
    QMenuBar,
    QProxyStyle,
    QStyle,
    QStyleOption,
    QWidget,
)

from selfmassage.i18n import _

RING_WIDTH = 3.0
MARGIN = 4  # pixels outside the control: the ring and a hair of space
STYLED = "focus_ring_in_style"


class _RingStyle(QProxyStyle):
    def pixelMetric(self, metric: QStyle.PixelMetric, option: QStyleOption | None = None,
                    widget: QWidget | None = None) -> int:
        if metric in (QStyle.PixelMetric.PM_FocusFrameHMargin, QStyle.PixelMetric.PM_FocusFrameVMargin):
            return MARGIN
        return super().pixelMetric(metric, option, widget)


class FocusRing(QFocusFrame):
    """Qt's focus frame (it follows the control as it moves and resizes), painted as a thick rounded ring."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._style = _RingStyle()
        self._style.setParent(self)
        self.setStyle(self._style)
        self.setObjectName("focus_ring")
        self.setAccessibleName(_("Focus ring"))
        self.setAccessibleDescription(_("Marks the control that the keyboard works on."))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(self.palette().color(QPalette.ColorRole.Highlight), RING_WIDTH)
        painter.setPen(pen)
        inset = RING_WIDTH / 2 + 0.5
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(inset, inset, -inset, -inset), 7, 7)
        painter.end()


def mark_styled(widget: QWidget) -> None:
    """`widget` and everything in it draw their own focus ring (in a style sheet)."""
    widget.setProperty(STYLED, True)


def _draws_its_own(widget: QWidget) -> bool:
    current: QWidget | None = widget
    while current is not None:
        if current.property(STYLED):
            return True
        current = current.parentWidget()
    return False


class FocusRingKeeper(QObject):
    """Moves one ring to each newly focused control; makes a new ring if a closed page took the old one."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._ring: FocusRing | None = None
        app.focusChanged.connect(self._focus_changed)

    def ring(self) -> FocusRing | None:
        """The ring, if it is shown now."""
        ring = self._ring
        return ring if ring is not None and shiboken6.isValid(ring) and ring.isVisible() else None

    def target(self) -> QWidget | None:
        ring = self.ring()
        return ring.widget() if ring is not None else None

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        wanted = (new is not None and not new.isWindow() and not isinstance(new, QMenu | QMenuBar)
                  and not _draws_its_own(new))
        if self._ring is None or not shiboken6.isValid(self._ring):
            if not wanted:
                return
            self._ring = FocusRing()
        self._ring.setWidget(new if wanted else None)


_KEEPERS: dict[int, FocusRingKeeper] = {}


def install(app: QApplication) -> FocusRingKeeper:
    """Start drawing the ring in `app` (once; later calls return the same keeper)."""
    keeper = _KEEPERS.get(id(app))
    if keeper is None or not shiboken6.isValid(keeper):
        keeper = FocusRingKeeper(app)
        _KEEPERS[id(app)] = keeper
    return keeper
