"""A row of buttons at the right of a page that wraps onto a second row when the page is narrow (Large
text, Russian, 800 px), rather than pushing the page wider than its window. The last button (Start) ends the
last row, where a person looks for it. Left-aligned, it holds a set of check boxes the same way.

Part of the window's first frame: geometry only, no `Qt` namespace (see main_window).
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget, QWidgetItem


class ButtonFlow(QLayout):
    def __init__(self, spacing: int = 12, *, right: bool = True) -> None:
        """`right`: rows end at the right (buttons); else they start at the left (a set of check boxes)."""
        super().__init__()
        self._right = right
        self._items: list[QLayoutItem] = []
        self.setSpacing(spacing)
        self.setContentsMargins(0, 0, 0, 0)

    # -- QLayout's own ---------------------------------------------------------------------------

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def insertWidget(self, index: int, widget: QWidget) -> None:
        self.addChildWidget(widget)
        self._items.insert(index if index >= 0 else len(self._items), QWidgetItem(widget))
        self.invalidate()

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # type: ignore[override]
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # type: ignore[override]
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:
        shown = self._shown()
        width = sum(item.sizeHint().width() for item in shown) + self.spacing() * max(0, len(shown) - 1)
        return QSize(width, max((item.sizeHint().height() for item in shown), default=0))

    def minimumSize(self) -> QSize:
        shown = self._shown()
        return QSize(max((item.sizeHint().width() for item in shown), default=0),
                     max((item.sizeHint().height() for item in shown), default=0))

    # -- rows --------------------------------------------------------------------------------------

    def _shown(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _rows(self, width: int) -> list[list[QLayoutItem]]:
        rows: list[list[QLayoutItem]] = []
        used = 0
        for item in self._shown():
            wide = item.sizeHint().width()
            if rows and used + self.spacing() + wide <= width:
                rows[-1].append(item)
                used += self.spacing() + wide
            else:
                rows.append([item])
                used = wide
        return rows

    def _place(self, rect: QRect, *, move: bool) -> int:
        """Lay the rows out right-aligned in `rect` (when `move`); the height they take."""
        y = rect.y()
        for number, row in enumerate(self._rows(rect.width())):
            if number:
                y += self.spacing()
            height = max(item.sizeHint().height() for item in row)
            used = sum(item.sizeHint().width() for item in row) + self.spacing() * (len(row) - 1)
            x = rect.x() + rect.width() - used if self._right else rect.x()
            for item in row:
                hint = item.sizeHint()
                if move:
                    item.setGeometry(QRect(max(x, rect.x()), y + (height - hint.height()) // 2,
                                           min(hint.width(), rect.width()), hint.height()))
                x += hint.width() + self.spacing()
            y += height
        return y - rect.y()
