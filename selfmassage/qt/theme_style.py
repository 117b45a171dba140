"""The app's style: Fusion (the same look on every desktop, and it honours the palette fully), with a check
box and field edges that show in both themes; and tables whose rows have room round their text."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, Qt
from PySide6.QtGui import QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QLineEdit,
    QProxyStyle,
    QStyle,
    QStyleFactory,
    QStyleOption,
    QStyleOptionComplex,
    QTableView,
    QWidget,
)


def use_theme_style(app: QApplication) -> None:
    if not isinstance(app.style(), ThemeStyle):
        app.setStyle(ThemeStyle(QStyleFactory.create("Fusion")))


class ThemeStyle(QProxyStyle):
    """Fusion, with a check box that shows in both themes: Fusion draws its edge a shade darker than the
    window, which is nothing on black. Here the box has a 2-px edge in the text colour, and a ticked box is
    filled with the accent and holds a tick, so its state is told by shape as well as colour."""

    # Edges Fusion draws a shade darker than the window: invisible on black, so drawn again in the text
    # colour when the palette is dark (High contrast), that a field's bounds show.
    EDGED = (QStyle.PrimitiveElement.PE_FrameLineEdit, QStyle.PrimitiveElement.PE_Frame)
    EDGED_CONTROLS = (QStyle.ComplexControl.CC_ComboBox, QStyle.ComplexControl.CC_SpinBox)

    def drawComplexControl(self, control: QStyle.ComplexControl, option: QStyleOptionComplex,
                           painter: QPainter, widget: QWidget | None = None) -> None:
        super().drawComplexControl(control, option, painter, widget)
        if control in self.EDGED_CONTROLS:
            self._edge(option, painter)

    @staticmethod
    def _edge(option: QStyleOption, painter: QPainter) -> None:
        pal = option.palette
        if pal.color(QPalette.ColorRole.Base).lightness() >= 128:
            return  # the calm theme: Fusion's own edge shows
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(pal.color(QPalette.ColorRole.Text), 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(QRectF(option.rect).adjusted(0.5, 0.5, -0.5, -0.5), 2, 2)
        painter.restore()

    def drawPrimitive(self, element: QStyle.PrimitiveElement, option: QStyleOption, painter: QPainter,
                      widget: QWidget | None = None) -> None:
        if element in self.EDGED:
            super().drawPrimitive(element, option, painter, widget)
            self._edge(option, painter)
            return
        if element == QStyle.PrimitiveElement.PE_IndicatorRadioButton:
            self._radio(option, painter)
            return
        if element != QStyle.PrimitiveElement.PE_IndicatorCheckBox:
            super().drawPrimitive(element, option, painter, widget)
            return
        pal, on, side, box = self._indicator(option, painter)
        accent = pal.color(QPalette.ColorRole.Highlight)
        painter.setBrush(accent if on else pal.color(QPalette.ColorRole.Base))
        painter.drawRoundedRect(box, 3, 3)
        if on:
            tick = QPen(pal.color(QPalette.ColorRole.HighlightedText), max(2.0, side / 7))
            tick.setCapStyle(Qt.PenCapStyle.RoundCap)
            tick.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            painter.setPen(tick)
            w, h, x, y = box.width(), box.height(), box.x(), box.y()
            painter.drawPolyline([QPointF(x + w * 0.22, y + h * 0.52), QPointF(x + w * 0.42, y + h * 0.72),
                                  QPointF(x + w * 0.78, y + h * 0.30)])
        painter.restore()

    @staticmethod
    def _indicator(option: QStyleOption, painter: QPainter) -> tuple[QPalette, bool, int, QRectF]:
        """What a check box and a round choice share: a square box centred in the option's rect, and the
        painter saved, smoothed and given a 2-px edge (the accent when on, else the text colour)."""
        pal = option.palette
        on = bool(option.state & QStyle.StateFlag.State_On)
        enabled = bool(option.state & QStyle.StateFlag.State_Enabled)
        side = min(option.rect.width(), option.rect.height())
        box = QRectF(option.rect.x(), option.rect.y() + (option.rect.height() - side) / 2, side, side)
        edge = pal.color(QPalette.ColorGroup.Normal if enabled else QPalette.ColorGroup.Disabled,
                         QPalette.ColorRole.Text)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(pal.color(QPalette.ColorRole.Highlight) if on else edge, 2))
        return pal, on, side, box.adjusted(1, 1, -1, -1)

    @staticmethod
    def _radio(option: QStyleOption, painter: QPainter) -> None:
        """A round choice with a 2-px edge in the text colour (Fusion's is lost on black); the chosen one
        holds an accent dot."""
        pal, on, side, box = ThemeStyle._indicator(option, painter)
        accent = pal.color(QPalette.ColorRole.Highlight)
        painter.setBrush(pal.color(QPalette.ColorRole.Base))
        painter.drawEllipse(box)
        if on:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(accent)
            inset = side * 0.27
            painter.drawEllipse(box.adjusted(inset, inset, -inset, -inset))
        painter.restore()


ROW_PADDING = 14  # pixels above and below a table's line of text together, as in the picker's list


class _RoomyRows(QObject):
    def __init__(self, table: QTableView, also: Callable[[QTableView], None] | None) -> None:
        super().__init__(table)
        self._also = also

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FontChange and isinstance(watched, QTableView):
            _fit_rows(watched)
            if self._also is not None:
                self._also(watched)
        return False


def _fit_rows(table: QTableView) -> None:
    rows = table.verticalHeader()
    height = QFontMetrics(table.font()).height() + ROW_PADDING
    rows.setMinimumSectionSize(height)
    rows.setDefaultSectionSize(height)


def roomy_rows(table: QTableView, also: Callable[[QTableView], None] | None = None) -> None:
    """Rows with room round their text, in the app's text size now and whenever Large text changes;
    `also(table)` then too (columns sized from text, say)."""
    _fit_rows(table)
    if also is not None:
        also(table)
    table.installEventFilter(_RoomyRows(table, also))


def inset_spin_text(spin: QAbstractSpinBox) -> None:
    """The number in from the box's rounded edge, as in the other fields (the sheet's padding does not
    reach a spin box's own text field)."""
    field = spin.findChild(QLineEdit)
    if field is not None:
        field.setTextMargins(8, 0, 0, 0)
