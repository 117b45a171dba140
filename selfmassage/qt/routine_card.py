"""How the picker draws each routine in its list: a card with the name, and its length and steps below."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QHelpEvent, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
)

if TYPE_CHECKING:
    from selfmassage.store.library import RoutineEntry

_Index = QModelIndex | QPersistentModelIndex


class RoutineCard(QStyledItemDelegate):
    """Draws a routine as its name in bold over a quieter line of length and steps."""

    def __init__(self, entry_role: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.entry_role = entry_role  # where each item keeps its RoutineEntry

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        name = QFont(option.font)
        name.setPointSizeF(name.pointSizeF() * 1.15)
        name.setBold(True)
        return name, QFont(option.font)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        # The card is drawn here, not by the style sheet, so name and detail can have fonts of their own.
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        hovered = bool(opt.state & QStyle.StateFlag.State_MouseOver)
        card = QRectF(opt.rect).adjusted(2, 2, -2, -2)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if selected or hovered:
            accent = opt.palette.color(QPalette.ColorRole.Highlight)
            painter.setPen(QPen(accent if selected else opt.palette.color(QPalette.ColorRole.Dark), 2))
            fill = opt.palette.color(QPalette.ColorRole.Midlight)
            painter.setBrush(fill if selected else Qt.GlobalColor.transparent)
            painter.drawRoundedRect(card, 10, 10)
        painter.restore()
        entry: RoutineEntry = index.data(self.entry_role)
        name_font, detail_font = self._fonts(opt)
        text_colour = opt.palette.color(QPalette.ColorRole.Text)
        quiet = opt.palette.color(QPalette.ColorRole.PlaceholderText)
        box = self._box(opt)
        name, detail = self.shown_lines(opt, index)
        painter.save()
        painter.setFont(name_font)
        name_height = painter.fontMetrics().height()  # the painter's own: its DPI may not be the screen's
        painter.setPen(text_colour if entry is None or entry.usable else quiet)
        painter.drawText(QRect(box.x(), box.y(), box.width(), name_height),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, name)
        painter.setFont(detail_font)
        painter.setPen(quiet)
        painter.drawText(QRect(box.x(), box.y() + name_height + 2, box.width(), box.height() - name_height),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, detail)
        painter.restore()

    @staticmethod
    def _box(option: QStyleOptionViewItem) -> QRect:
        return option.rect.adjusted(18, 10, -18, -10)

    def shown_lines(self, option: QStyleOptionViewItem, index: _Index) -> tuple[str, str]:
        """The name and the line under it as drawn in `option.rect`: ending in "…" where the card is too
        narrow for them (the tooltip then has them whole)."""
        name, _break, detail = str(index.data(Qt.ItemDataRole.DisplayRole)).partition("\n")
        name_font, detail_font = self._fonts(option)
        width = self._box(option).width()
        return (QFontMetrics(name_font).elidedText(name, Qt.TextElideMode.ElideRight, width),
                QFontMetrics(detail_font).elidedText(detail, Qt.TextElideMode.ElideRight, width))

    def tooltip(self, option: QStyleOptionViewItem, index: _Index) -> str:
        """The item's own tooltip, led by its name and line whole when the card cuts them short."""
        whole = str(index.data(Qt.ItemDataRole.DisplayRole)).partition("\n")
        shown = self.shown_lines(option, index)
        own = str(index.data(Qt.ItemDataRole.ToolTipRole) or "")
        if shown == (whole[0], whole[2]):
            return own
        return "\n".join(filter(None, (whole[0], whole[2], own)))

    def helpEvent(self, event: QHelpEvent, view: QAbstractItemView, option: QStyleOptionViewItem,
                  index: _Index) -> bool:
        if event is None or event.type() != QEvent.Type.ToolTip or not index.isValid():
            return super().helpEvent(event, view, option, index)
        text = self.tooltip(option, index)
        if text:
            QToolTip.showText(event.globalPos(), text, view, view.visualRect(index))
        else:
            QToolTip.hideText()
        return True

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        name_font, detail_font = self._fonts(option)
        height = QFontMetrics(name_font).height() + QFontMetrics(detail_font).height() + 2 + 20 + 4
        return QSize(120, height)  # as wide as the list: a longer name ends in "…"
