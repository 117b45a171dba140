"""How the review's charts look: their colours on a light or a dark palette, the mark of each week's status
(solid on plan, hatched above, hollow below: colour is never the only signal) and the legend that names
them, in rich text and in plain words."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPalette, QPen, QPixmap

from selfmassage.core.plan import WeekStatus
from selfmassage.i18n import N_, _

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
HATCH_SPACING = 9.0  # pixels between a hatched bar's stripes, along a row

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


def legend_html(colours: ChartColours, band: str) -> str:
    """The chart's key as rich text: each status's mark in its colour, and the plan's band."""
    # Each mark held to its word (&nbsp;): a narrow key wraps between its items, never after a mark.
    parts = [f"<span style='color:{colours.status[status].name()}'>{STATUS_MARKS[status]}</span>&nbsp;"
             f"{word}" for status, word in ((WeekStatus.ON_TARGET, _("on plan")),
                                            (WeekStatus.BELOW, _("fewer")), (WeekStatus.ABOVE, _("more")))]
    swatch = colours.band
    parts.append(f"<span style='background:rgba({swatch.red()},{swatch.green()},{swatch.blue()},0.3)'>"
                 "&nbsp;&nbsp;&nbsp;&nbsp;</span>&nbsp;" + _("your plan, {band} a week").format(band=band))
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
        # One fill with a tile of the stripes: stroking each stripe through a rounded clip took ~2 ms a bar.
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(_hatch_brush(colours.hatch.rgba(), painter.device().devicePixelRatioF()))
        painter.setBrushOrigin(rect.topLeft())
        painter.drawRect(rect.adjusted(2, 2, -2, -2))  # inside the rounded edge: its corners can be square
    painter.restore()


@functools.lru_cache(maxsize=8)
def _hatch_brush(rgba: int, pixel_ratio: float) -> QBrush:
    """Stripes rising to the right, HATCH_SPACING apart along a row, on a transparent tile that repeats
    seamlessly (each stripe is drawn again a tile to either side, so its ends wrap)."""
    size = HATCH_SPACING
    tile = QPixmap(round(size * pixel_ratio), round(size * pixel_ratio))
    tile.setDevicePixelRatio(pixel_ratio)
    tile.fill(Qt.GlobalColor.transparent)
    painter = QPainter(tile)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor.fromRgba(rgba), 2.5))
    for shift in (-size, 0.0, size):
        painter.drawLine(QPointF(shift, size), QPointF(shift + size, 0.0))
    painter.end()
    return QBrush(tile)
