"""A row that becomes a column when its room is too narrow for its parts side by side, and a scroll area
that scrolls only up and down.

The editor and the review are laid out for a 1366-px window and must still work at 800 px, in Large text:
a row of fields or buttons that can't fit puts its parts one under another instead of pushing the page
wider (and the window into a sideways scroll). Rows nest: a row of two rows of buttons wraps first between
the two, then within each.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QApplication, QBoxLayout, QFrame, QLayoutItem, QScrollArea, QWidget


class WrappingRow(QBoxLayout):
    """Left to right when every part fits at its preferred width, else top to bottom. Its minimum width is
    always the column's, so it never holds its parent wider than the column needs."""

    def __init__(self, spacing: int = 8) -> None:
        super().__init__(QBoxLayout.Direction.LeftToRight)
        self.setSpacing(spacing)
        self.setContentsMargins(0, 0, 0, 0)

    def _items(self) -> list[QLayoutItem]:
        items = (self.itemAt(i) for i in range(self.count()))
        return [item for item in items if item is not None and not item.isEmpty()]

    def wide_width(self) -> int:
        """The width the parts need side by side, at their preferred sizes."""
        parts = [item for item in self._items() if item.spacerItem() is None]
        margins = self.contentsMargins()
        return sum(item.sizeHint().width() for item in parts) + self.spacing() * max(0, len(parts) - 1) \
            + margins.left() + margins.right()

    def sizeHint(self) -> QSize:
        # A row's width even while it is a column: else a parent row would give it a column's room only, and
        # it would stay a column for good.
        size = super().sizeHint()
        return QSize(max(size.width(), self.wide_width()), size.height())

    def minimumSize(self) -> QSize:
        size = super().minimumSize()
        if self.direction() is QBoxLayout.Direction.LeftToRight:
            margins = self.contentsMargins()
            widest = max((item.minimumSize().width() for item in self._items()), default=0)
            size.setWidth(widest + margins.left() + margins.right())
        return size

    def setGeometry(self, rect: QRect) -> None:
        wanted = QBoxLayout.Direction.LeftToRight if rect.width() >= self.wide_width() \
            else QBoxLayout.Direction.TopToBottom
        if wanted is not self.direction():
            self.setDirection(wanted)  # the parent lays out again for the new height
        super().setGeometry(rect)

    @property
    def wrapped(self) -> bool:
        return self.direction() is QBoxLayout.Direction.TopToBottom


class DownScroller(QScrollArea):
    """Scrolls its widget up and down only: as narrow as the widget's minimum width allows, never narrower,
    so a window too small for the page scrolls the page (and its bar stays in sight) rather than this."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._show_focus)

    def _show_focus(self, _old: QWidget | None, new: QWidget | None) -> None:
        """The control that gets the keyboard is scrolled into sight, however it got it (Tab, a click on a
        problem's "Step N", a fix)."""
        inner = self.widget()
        if new is not None and inner is not None and inner.isAncestorOf(new):
            self.ensureWidgetVisible(new)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        inner = self.widget()
        if inner is None:
            return hint
        frame = 2 * self.frameWidth()
        width = inner.minimumSizeHint().expandedTo(inner.minimumSize()).width() + frame \
            + self.verticalScrollBar().sizeHint().width()
        return QSize(max(hint.width(), width), hint.height())
