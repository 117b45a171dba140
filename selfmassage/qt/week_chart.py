"""Two small painted charts for the review: sessions per week against the plan, and minutes per name.

Plain QPainter, no chart package. Each chart keeps the values it draws (`bar_values()`, `values()`) and
where it draws them (`bar_rect()`), so a test can check the picture against the data.

Colour is never the only signal: a week on plan is a solid bar, a week with more sessions than planned is
hatched, one with fewer is hollow (see `STATUS_SHAPES`, which the legend shows too), and the accessible
description says each week's status in words. The colours follow the app's palette: on a dark one (High
contrast) the chart is drawn in light colours on black. Left and Right pick a week from the keyboard and
show what the mouse pointer shows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QPoint, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFont,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from selfmassage.core.plan import Plan, WeekStatus
from selfmassage.core.stats import WeekFigure
from selfmassage.i18n import N_, _, format_day_month, ngettext, pgettext

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

# The second signal besides colour, in words for the legend: solid, hatched, hollow.
STATUS_SHAPES = {WeekStatus.ON_TARGET: "solid", WeekStatus.ABOVE: "hatched", WeekStatus.BELOW: "hollow"}
STATUS_WORDS = {WeekStatus.BELOW: N_("fewer than planned"), WeekStatus.ON_TARGET: N_("on plan"),
                WeekStatus.ABOVE: N_("more than planned")}
# The legend's marks: the same shapes as text, so the legend needs no picture.
STATUS_MARKS = {WeekStatus.ON_TARGET: "■", WeekStatus.ABOVE: "▨", WeekStatus.BELOW: "□"}


@dataclass(frozen=True)
class ChartColours:
    background: QColor
    text: QColor
    muted: QColor
    grid: QColor
    this_week: QColor
    band: QColor
    band_edge: QColor
    status: dict[WeekStatus, QColor]
    hollow_edge: QColor
    hatch: QColor
    minutes: QColor
    others: QColor


LIGHT = ChartColours(
    background=QColor("#FFFFFF"), text=TEXT, muted=MUTED, grid=GRID, this_week=THIS_WEEK, band=BAND,
    band_edge=BAND_EDGE, status=STATUS_COLOURS, hollow_edge=QColor("#5F6D7B"),
    hatch=QColor(255, 255, 255, 200), minutes=QColor("#5B8DB8"), others=QColor("#A7B4C2"),
)
DARK = ChartColours(
    background=QColor("#000000"), text=QColor("#FFFFFF"), muted=QColor("#E6E6E6"), grid=QColor("#4A4A4A"),
    this_week=QColor("#3A3000"), band=QColor(255, 213, 0, 60), band_edge=QColor("#FFD500"),
    status={WeekStatus.BELOW: QColor("#C8D2DC"), WeekStatus.ON_TARGET: QColor("#5BE39A"),
            WeekStatus.ABOVE: QColor("#FFA04D")},
    hollow_edge=QColor("#FFFFFF"), hatch=QColor("#000000"), minutes=QColor("#7FC4FF"),
    others=QColor("#C8D2DC"),
)


def chart_colours(palette: QPalette) -> ChartColours:
    """Light colours on a dark palette (High contrast), the usual ones otherwise."""
    return DARK if palette.color(QPalette.ColorRole.Base).lightness() < 128 else LIGHT


def shown_name(name: str) -> str:
    """A technique or an area as the history stores it (English), in the language in use."""
    area = pgettext("area", name)
    if area != name:
        return area
    technique = _(name.capitalize())
    return technique if technique != name.capitalize() else name


def legend_html(colours: ChartColours, band: str) -> str:
    """The chart's key as rich text: each status's mark in its colour, and the plan's band."""
    parts = [f"<span style='color:{colours.status[status].name()}'>{STATUS_MARKS[status]}</span> "
             f"{word}" for status, word in ((WeekStatus.ON_TARGET, _("on plan")),
                                            (WeekStatus.BELOW, _("fewer")), (WeekStatus.ABOVE, _("more")))]
    swatch = colours.band
    parts.append(f"<span style='background:rgba({swatch.red()},{swatch.green()},{swatch.blue()},0.3)'>"
                 "&nbsp;&nbsp;&nbsp;&nbsp;</span> " + _("your plan, {band} a week").format(band=band))
    return " &nbsp; ".join(parts)


def legend_words(band: str) -> str:
    """The key in plain words, for assistive technology."""
    return _("Solid bars: on plan. Hollow bars: fewer than planned. Hatched bars: more than planned. "
             "The shaded band is your plan, {band} a week.").format(band=band)


def paint_bar(painter: QPainter, rect: QRectF, status: WeekStatus, colours: ChartColours,
              outline: QColor | None = None) -> None:
    """One bar: solid on plan, hatched above, hollow below; `outline` for this week's."""
    colour = colours.status[status]
    painter.save()
    if status is WeekStatus.BELOW:
        fill = QColor(colour)
        fill.setAlpha(90)
        painter.setBrush(fill)
        painter.setPen(QPen(outline or colours.hollow_edge, 2))
        painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 2, 2)
        painter.restore()
        return
    painter.setBrush(colour)
    painter.setPen(QPen(outline, 2) if outline is not None else Qt.PenStyle.NoPen)
    painter.drawRoundedRect(rect, 2, 2)
    if status is WeekStatus.ABOVE:
        clip = QPainterPath()
        clip.addRoundedRect(rect.adjusted(2, 2, -2, -2), 2, 2)
        painter.setClipPath(clip)
        painter.setPen(QPen(colours.hatch, 2.5))
        spacing = 9.0
        x = rect.left() - rect.height()
        while x < rect.right():
            painter.drawLine(QPointF(x, rect.bottom()), QPointF(x + rect.height(), rect.top()))
            x += spacing
    painter.restore()


def _day_month(figure: WeekFigure) -> str:
    return format_day_month(figure.monday)


class WeekChart(QWidget):
    """Completed sessions per ISO week, the plan's band behind the bars, this week highlighted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._weeks: list[WeekFigure] = []
        self._plan = Plan()
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
        for value in range(self.scale_max() + 1):  # whole sessions on the value axis
            y = self._y(value)
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
