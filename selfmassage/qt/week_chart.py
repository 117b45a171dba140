"""The review's chart of sessions per week against the plan.

Plain QPainter, no chart package. The chart keeps the values it draws (`bar_values()`) and where it
draws them (`bar_rect()`), so a test can check the picture against the data.

Colour is never the only signal: a week on plan is a solid bar, a week with more sessions than planned is
hatched, one with fewer is hollow (qt/chart_look.py, whose legend shows the same), and the accessible
description says each week's status in words. The colours follow the app's palette: on a dark one (High
contrast) the chart is drawn in light colours on black. Left and Right pick a week from the keyboard and
show what the mouse pointer shows.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

from PySide6.QtCore import QPoint, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QFocusEvent,
    QFont,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from selfmassage.core.plan import Plan
from selfmassage.core.stats import WeekFigure
from selfmassage.i18n import _, format_day_month, ngettext
from selfmassage.qt.chart_look import STATUS_WORDS, ChartColours, chart_colours, paint_bar


def _day_month(figure: WeekFigure) -> str:
    return format_day_month(figure.monday)


class WeekChart(QWidget):
    """Completed sessions per ISO week, the plan's band behind the bars, this week highlighted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._weeks: list[WeekFigure] = []
        self._plan = Plan()
        self._top = max(3, self._plan.high + 1)
        self._hover_text: Callable[[WeekFigure], str] = lambda figure: f"{figure.week}: {figure.sessions}"
        self._picked: int | None = None  # the week chosen with the keyboard
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # Left and Right pick a week
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(200)
        self.setAccessibleName(_("Sessions per week"))
        self.setAccessibleDescription(_("No weeks yet."))

    # -- data ----------------------------------------------------------------------------------

    def set_data(self, weeks: list[WeekFigure], plan: Plan) -> None:
        self._weeks = list(weeks)
        self._plan = plan
        highest = max(self.bar_values(), default=0)  # worked out once: the paint asks for it per bar
        self._top = max(3, plan.high + 1, highest + (1 if highest >= plan.high else 0))
        if self._picked is not None and self._picked >= len(self._weeks):
            self._picked = None
        self._describe()
        self.update()

    def summary(self) -> str:
        """The chart in words: the plan, this week, and every week with its count and status."""
        this = next((week for week in self._weeks if week.this_week), None)
        words = [ngettext("{count} week; your plan is {band} a week.",
                          "{count} weeks; your plan is {band} a week.",
                          len(self._weeks)).format(count=len(self._weeks), band=self._plan.band)]
        if this is not None:
            words.append(_("This week: {count}, {status}.").format(count=this.sessions,
                                                                   status=_(STATUS_WORDS[this.status])))
        words.append(" ".join(f"{week.week}: {week.sessions}, {_(STATUS_WORDS[week.status])}."
                              for week in self._weeks))
        words.append(_("Left and Right pick a week."))
        return " ".join(words)

    def _describe(self) -> None:
        picked = self._picked
        self.setAccessibleDescription(self.hover_text(picked) if picked is not None else self.summary())

    def picked(self) -> int | None:
        """The week chosen with the keyboard (an index into `weeks()`), if any."""
        return self._picked

    def pick(self, index: int) -> None:
        """Choose a week from the keyboard: it is outlined and its sessions are shown beside it."""
        if not self._weeks:
            return
        self._picked = max(0, min(index, len(self._weeks) - 1))
        self._describe()
        self.update()
        bar = self.bar_rect(self._picked)
        QToolTip.showText(self.mapToGlobal(QPoint(int(bar.center().x()), int(bar.top()))),
                          self.hover_text(self._picked), self)

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
        return self._top

    # -- geometry ------------------------------------------------------------------------------

    def axis_step(self) -> int:
        """Whole sessions between the value axis's lines: 1, 2, 5, 10, 20, 50… so that its numbers stay a
        line and a half apart, however many sessions a week holds."""
        top, room = self.scale_max(), self.plot_rect().height()
        least = self.fontMetrics().height() * 1.5
        step, growth = 1, itertools.cycle((2.0, 2.5, 2.0))  # 1, 2, 5, 10, 20, 50, …
        while room * step / top < least and step < top:
            step = round(step * next(growth))
        return step

    def axis_values(self) -> list[int]:
        """The numbers on the value axis, each with its line across the chart."""
        return list(range(0, self.scale_max() + 1, self.axis_step()))

    def plot_rect(self) -> QRectF:
        metrics = self.fontMetrics()
        left = metrics.horizontalAdvance(max("00", str(self.scale_max()), key=len)) + 14
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

    def keyPressEvent(self, event: QKeyEvent) -> None:
        moves = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1}
        key = Qt.Key(event.key())
        if key in moves and self._weeks:
            # The first press picks this week (the last one); the next ones move from there.
            self.pick(len(self._weeks) - 1 if self._picked is None else self._picked + moves[key])
        elif key in (Qt.Key.Key_Home, Qt.Key.Key_End) and self._weeks:
            self.pick(0 if key == Qt.Key.Key_Home else len(self._weeks) - 1)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        QToolTip.hideText()
        self.update()

    def colours(self) -> ChartColours:
        return chart_colours(self.palette())

    def paintEvent(self, event: QPaintEvent) -> None:
        colours = self.colours()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), colours.background)
        plot = self.plot_rect()
        count = len(self._weeks)
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, self.font().pointSizeF() * 0.85))

        for index, week in enumerate(self._weeks):  # this week's column, behind everything
            if week.this_week:
                slot = self._slot(index)
                column = QRectF(slot.left(), plot.top(), slot.width(), plot.height())
                painter.fillRect(column, colours.this_week)

        painter.setFont(small)
        top = self.scale_max()
        for value in self.axis_values():  # whole sessions on the value axis
            y = plot.bottom() - plot.height() * value / top
            painter.setPen(QPen(colours.grid, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(colours.muted)
            painter.drawText(QRectF(0, y - 10, plot.left() - 6, 20),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, str(value))

        band = self.band_rect()
        painter.fillRect(band, colours.band)
        painter.setPen(QPen(colours.band_edge, 1, Qt.PenStyle.DashLine))
        painter.drawLine(band.topLeft(), band.topRight())
        painter.drawLine(band.bottomLeft(), band.bottomRight())

        for index, week in enumerate(self._weeks):
            rect = self.bar_rect(index)
            if week.sessions:
                paint_bar(painter, rect, week.status, colours, colours.text if week.this_week else None)
                if rect.width() >= 14:
                    painter.setPen(colours.text)
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
            label = _("this week") if week.this_week else _day_month(week)
            width = max(slot.width(), metrics.horizontalAdvance(label) + 4)
            font = QFont(small)
            font.setBold(week.this_week)
            painter.setFont(font)
            painter.setPen(colours.text if week.this_week else colours.muted)
            painter.drawText(QRectF(slot.center().x() - width / 2, plot.bottom() + 4, width, 18),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, label)
        painter.setPen(QPen(colours.muted, 1))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        if self._picked is not None and self.hasFocus():  # the keyboard's week: a dashed frame round it
            pen = QPen(self.palette().color(QPalette.ColorRole.Highlight), 3, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(self._slot(self._picked).adjusted(1.5, 0, -1.5, 0))
        painter.end()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        index = self.week_at(event.position().x())
        if index is None:
            QToolTip.hideText()
        else:
            QToolTip.showText(event.globalPosition().toPoint(), self.hover_text(index), self)
        super().mouseMoveEvent(event)
