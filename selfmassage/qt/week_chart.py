"""Two small painted charts for the review: sessions per week against the plan, and minutes per name.

Plain QPainter, no chart package. Each chart keeps the values it draws (`bar_values()`, `values()`) and
where it draws them (`bar_rect()`), so a test can check the picture against the data.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from selfmassage.core.plan import Plan, WeekStatus
from selfmassage.core.stats import WeekFigure

STATUS_COLOURS = {
    WeekStatus.BELOW: QColor("#A7B4C2"),
    WeekStatus.ON_TARGET: QColor("#2F8F5B"),
    WeekStatus.ABOVE: QColor("#D9822B"),
}
BAND = QColor(47, 143, 91, 46)  # the plan's target, a pale wash of the on-target green
BAND_EDGE = QColor(47, 143, 91, 120)
THIS_WEEK = QColor("#FFF1C2")
TEXT = QColor("#2B333B")
MUTED = QColor("#6B7785")
GRID = QColor("#E3E8ED")


def _day_month(figure: WeekFigure) -> str:
    return f"{figure.monday.day} {figure.monday:%b}"


class WeekChart(QWidget):
    """Completed sessions per ISO week, the plan's band behind the bars, this week highlighted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._weeks: list[WeekFigure] = []
        self._plan = Plan()
        self._hover_text: Callable[[WeekFigure], str] = lambda figure: f"{figure.week}: {figure.sessions}"
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(200)

    # -- data ----------------------------------------------------------------------------------

    def set_data(self, weeks: list[WeekFigure], plan: Plan) -> None:
        self._weeks = list(weeks)
        self._plan = plan
        this = next((week for week in weeks if week.this_week), None)
        self.setAccessibleName("Sessions per week")
        self.setAccessibleDescription(
            f"{len(weeks)} weeks; plan {plan.band} a week; "
            + (f"this week {this.sessions}." if this else "")
            + " " + ", ".join(f"{week.week}: {week.sessions}" for week in weeks))
        self.update()

    def set_hover_text(self, provider: Callable[[WeekFigure], str]) -> None:
        """What the tooltip says for a week (the review lists that week's sessions)."""
        self._hover_text = provider

    def weeks(self) -> list[WeekFigure]:
        return list(self._weeks)

    def bar_values(self) -> list[int]:
        """The height of each bar, oldest week first: what the chart draws."""
        return [week.sessions for week in self._weeks]

    def scale_max(self) -> int:
        """The top of the value axis: room above the highest bar and the plan's band."""
        highest = max(self.bar_values(), default=0)
        return max(3, self._plan.high + 1, highest + (1 if highest >= self._plan.high else 0))

    # -- geometry ------------------------------------------------------------------------------

    def plot_rect(self) -> QRectF:
        metrics = self.fontMetrics()
        left = metrics.horizontalAdvance("00") + 14
        bottom = metrics.height() * 2 + 10
        return QRectF(left, 10, max(10.0, self.width() - left - 10), max(10.0, self.height() - 10 - bottom))

    def _y(self, value: float) -> float:
        plot = self.plot_rect()
        return plot.bottom() - plot.height() * value / self.scale_max()

    def _slot(self, index: int) -> QRectF:
        plot = self.plot_rect()
        width = plot.width() / max(1, len(self._weeks))
        return QRectF(plot.left() + index * width, plot.top(), width, plot.height())

    def bar_rect(self, index: int) -> QRectF:
        """Where bar `index` is drawn (zero height for a week with no session)."""
        slot = self._slot(index)
        gap = min(slot.width() * 0.22, 14.0)
        top = self._y(self._weeks[index].sessions)
        return QRectF(slot.left() + gap / 2, top, slot.width() - gap, self.plot_rect().bottom() - top)

    def band_rect(self) -> QRectF:
        plot = self.plot_rect()
        top, bottom = self._y(self._plan.high), self._y(self._plan.low)
        if self._plan.low == self._plan.high:  # a single number: a thin band around it
            top, bottom = top - 2, bottom + 2
        return QRectF(plot.left(), top, plot.width(), bottom - top)

    def week_at(self, x: float) -> int | None:
        for index in range(len(self._weeks)):
            slot = self._slot(index)
            if slot.left() <= x < slot.right():
                return index
        return None

    def hover_text(self, index: int) -> str:
        return self._hover_text(self._weeks[index])

    # -- drawing -------------------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        return QSize(720, 260)

    def minimumSizeHint(self) -> QSize:
        return QSize(320, 200)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#FFFFFF"))
        plot = self.plot_rect()
        count = len(self._weeks)
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, self.font().pointSizeF() * 0.85))

        for index, week in enumerate(self._weeks):  # this week's column, behind everything
            if week.this_week:
                slot = self._slot(index)
                painter.fillRect(QRectF(slot.left(), plot.top(), slot.width(), plot.height()), THIS_WEEK)

        painter.setFont(small)
        for value in range(self.scale_max() + 1):  # whole sessions on the value axis
            y = self._y(value)
            painter.setPen(QPen(GRID, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(MUTED)
            painter.drawText(QRectF(0, y - 10, plot.left() - 6, 20),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, str(value))

        band = self.band_rect()
        painter.fillRect(band, BAND)
        painter.setPen(QPen(BAND_EDGE, 1, Qt.PenStyle.DashLine))
        painter.drawLine(band.topLeft(), band.topRight())
        painter.drawLine(band.bottomLeft(), band.bottomRight())

        for index, week in enumerate(self._weeks):
            rect = self.bar_rect(index)
            if week.sessions:
                painter.setPen(QPen(TEXT, 2) if week.this_week else Qt.PenStyle.NoPen)
                painter.setBrush(STATUS_COLOURS[week.status])
                painter.drawRoundedRect(rect, 2, 2)
                if rect.width() >= 14:
                    painter.setPen(TEXT)
                    painter.drawText(QRectF(rect.left() - 6, rect.top() - 18, rect.width() + 12, 16),
                                     Qt.AlignmentFlag.AlignCenter, str(week.sessions))

        # Dates under the bars: every week when there is room, else every 2nd or 4th; always this week.
        step = 1 if count <= 14 else 2 if count <= 27 else 4
        metrics = painter.fontMetrics()
        for index, week in enumerate(self._weeks):
            if index % step and not week.this_week:
                continue
            if not week.this_week and any(
                    other.this_week and abs(other_index - index) < step
                    for other_index, other in enumerate(self._weeks)):
                continue  # leave room for "this week"
            slot = self._slot(index)
            label = "this week" if week.this_week else _day_month(week)
            width = max(slot.width(), metrics.horizontalAdvance(label) + 4)
            font = QFont(small)
            font.setBold(week.this_week)
            painter.setFont(font)
            painter.setPen(TEXT if week.this_week else MUTED)
            painter.drawText(QRectF(slot.center().x() - width / 2, plot.bottom() + 4, width, 18),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, label)
        painter.setPen(QPen(MUTED, 1))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        painter.end()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        index = self.week_at(event.position().x())
        if index is None:
            QToolTip.hideText()
        else:
            QToolTip.showText(event.globalPosition().toPoint(), self.hover_text(index), self)
        super().mouseMoveEvent(event)


class MinutesBars(QWidget):
    """Horizontal bars: minutes per technique or per area, largest first."""

    def __init__(self, title: str, parent: QWidget | None = None, *, most: int = 8) -> None:
        super().__init__(parent)
        self.title = title
        self._most = most  # rows drawn; the rest are summed into one "others" row
        self._values: list[tuple[str, float]] = []
        self._placeholder = "Counting…"
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_values(self, seconds_by_name: dict[str, float]) -> None:
        ranked = sorted(((name, seconds / 60) for name, seconds in seconds_by_name.items() if seconds > 0),
                        key=lambda item: (-item[1], item[0]))
        if len(ranked) > self._most:
            rest = ranked[self._most - 1:]
            ranked = [*ranked[:self._most - 1], (f"{len(rest)} others", sum(value for _, value in rest))]
        self._values = ranked
        self._placeholder = "No completed sessions in this period."
        self.setAccessibleName(f"Minutes per {self.title.lower()}")
        self.setAccessibleDescription(
            ", ".join(f"{name} {minutes:.0f} min" for name, minutes in self._values))
        self.updateGeometry()
        self.update()

    def set_waiting(self) -> None:
        self._values = []
        self._placeholder = "Counting…"
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
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        row = self._row_height()
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(TEXT)
        painter.drawText(QRectF(0, 0, self.width(), row), Qt.AlignmentFlag.AlignVCenter, self.title)
        painter.setFont(self.font())
        if not self._values:
            painter.setPen(MUTED)
            painter.drawText(QRectF(0, row, self.width(), row), Qt.AlignmentFlag.AlignVCenter,
                             self._placeholder)
            painter.end()
            return
        metrics = painter.fontMetrics()
        label_width = min(self.width() * 0.4, max(metrics.horizontalAdvance(name.capitalize())
                                                  for name, _ in self._values) + 12)
        value_width = metrics.horizontalAdvance("0000 min") + 8
        room = max(10.0, self.width() - label_width - value_width)
        largest = max(minutes for _, minutes in self._values) or 1.0
        for number, (name, minutes) in enumerate(self._values, start=1):
            top = number * row
            painter.setPen(TEXT)
            painter.drawText(QRectF(0, top, label_width - 8, row),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                             metrics.elidedText(name.capitalize(), Qt.TextElideMode.ElideRight,
                                                int(label_width - 8)))
            bar = QRectF(label_width, top + 4, max(2.0, room * minutes / largest), row - 8)
            painter.setPen(Qt.PenStyle.NoPen)
            others = number == len(self._values) and name.endswith(" others")
            painter.setBrush(QColor("#A7B4C2") if others else QColor("#5B8DB8"))
            painter.drawRoundedRect(bar, 2, 2)
            painter.setPen(MUTED)
            painter.drawText(QRectF(bar.right() + 6, top, value_width, row),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                             f"{minutes:.0f} min" if minutes >= 1 else "<1 min")
        painter.end()
