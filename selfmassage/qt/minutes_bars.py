"""Horizontal bars for the review: minutes per technique or per area, largest first, the rest summed.

Plain QPainter; the bars keep the values they draw (`values()`), so a test can check the picture."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from selfmassage.i18n import _, ngettext, pgettext
from selfmassage.qt.chart_look import chart_colours


def shown_name(name: str) -> str:
    """A technique or an area as the history stores it (English), in the language in use."""
    area = pgettext("area", name)
    if area != name:
        return area
    technique = _(name.capitalize())
    return technique if technique != name.capitalize() else name


class MinutesBars(QWidget):
    """Horizontal bars: minutes per technique or per area, largest first."""

    def __init__(self, title: str, parent: QWidget | None = None, *, most: int = 8) -> None:
        super().__init__(parent)
        self.title = title
        self._most = most  # rows drawn; the rest are summed into one "others" row
        self._values: list[tuple[str, float]] = []
        self._placeholder = _("Counting…")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setAccessibleName(_("Minutes per {what}").format(what=title.lower()))
        self.setAccessibleDescription(self._placeholder)

    def set_values(self, seconds_by_name: dict[str, float]) -> None:
        ranked = sorted(((shown_name(name), seconds / 60) for name, seconds in seconds_by_name.items()
                         if seconds > 0),
                        key=lambda item: (-item[1], item[0]))
        if len(ranked) > self._most:
            rest = ranked[self._most - 1:]
            others = ngettext("{count} other", "{count} others", len(rest)).format(count=len(rest))
            ranked = [*ranked[:self._most - 1], (others, sum(value for _name, value in rest))]
        self._values = ranked
        self._placeholder = _("No completed sessions in this period.")
        self.setAccessibleDescription(
            ", ".join(name + " " + _("{minutes} min").format(minutes=f"{minutes:.0f}")
                      for name, minutes in self._values) or self._placeholder)
        self.updateGeometry()
        self.update()

    def set_waiting(self) -> None:
        self._values = []
        self._placeholder = _("Counting…")
        self.setAccessibleDescription(self._placeholder)
        self.update()

    def values(self) -> list[tuple[str, float]]:
        """(name, minutes), in the order drawn."""
        return list(self._values)

    def _row_height(self) -> int:
        return self.fontMetrics().height() + 10

    def sizeHint(self) -> QSize:
        return QSize(320, self._row_height() * (max(1, len(self._values)) + 1) + 8)

    def minimumSizeHint(self) -> QSize:
        return QSize(220, self.sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        colours = chart_colours(self.palette())
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        row = self._row_height()
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(colours.text)
        painter.drawText(QRectF(0, 0, self.width(), row), Qt.AlignmentFlag.AlignVCenter, self.title)
        painter.setFont(self.font())
        if not self._values:
            painter.setPen(colours.muted)
            painter.drawText(QRectF(0, row, self.width(), row), Qt.AlignmentFlag.AlignVCenter,
                             self._placeholder)
            painter.end()
            return
        metrics = painter.fontMetrics()
        label_width = min(self.width() * 0.4, max(metrics.horizontalAdvance(name.capitalize())
                                                  for name, _minutes in self._values) + 12)
        value_width = metrics.horizontalAdvance(_("{minutes} min").format(minutes="0000")) + 8
        room = max(10.0, self.width() - label_width - value_width)
        largest = max(minutes for _name, minutes in self._values) or 1.0
        for number, (name, minutes) in enumerate(self._values, start=1):
            top = number * row
            painter.setPen(colours.text)
            painter.drawText(QRectF(0, top, label_width - 8, row),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                             metrics.elidedText(name.capitalize(), Qt.TextElideMode.ElideRight,
                                                int(label_width - 8)))
            bar = QRectF(label_width, top + 4, max(2.0, room * minutes / largest), row - 8)
            painter.setPen(Qt.PenStyle.NoPen)
            others = number == len(self._values) and name.endswith(" others")
            painter.setBrush(colours.others if others else colours.minutes)
            painter.drawRoundedRect(bar, 2, 2)
            painter.setPen(colours.muted)
            painter.drawText(QRectF(bar.right() + 6, top, value_width, row),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                             _("{minutes} min").format(minutes=f"{minutes:.0f}") if minutes >= 1
                             else _("<1 min"))
        painter.end()
