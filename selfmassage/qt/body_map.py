"""The body map: the figure from behind with the current step's area lit, readable at a glance from 2 m."""

from __future__ import annotations

import copy
import functools
import logging
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QPoint, QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QPixmap, QRegion
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QSizePolicy, QWidget

from selfmassage.core.areas import REGION_AREAS, regions_for
from selfmassage.i18n import N_, _, pgettext
from selfmassage.resources import asset_path

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
# Serialise with the plain prefixes Qt expects, not ElementTree's ns0/ns1.
ET.register_namespace("", SVG_NS)
ET.register_namespace("xlink", XLINK_NS)

BODY_MAP_FILE = "bodymap.svg"

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Palette:
    """Colours for the figure. Values are SVG paint strings; the default one matches the file's own."""

    body: str
    outline: str
    outline_width: str
    hair: str
    spine: str
    region: str
    region_edge: str
    region_edge_width: str
    highlight: str
    highlight_edge: str
    highlight_edge_width: str


# Cool neutrals for the figure so the one warm colour, the highlight, is what the eye finds.
# The highlight is 3.1:1 against the body; its dark, thick edge is a second signal besides colour.
STANDARD = Palette(
    body="#DDE4EA",
    outline="#7D8B99",
    outline_width="4",
    hair="#B3BECA",
    spine="#8C99A6",
    region="#C6D1DC",
    region_edge="#A9B6C3",
    region_edge_width="1",
    highlight="#D9531E",
    highlight_edge="#6E2408",
    highlight_edge_width="3",
)
HIGH_CONTRAST = Palette(
    body="#FFFFFF",
    outline="#000000",
    outline_width="5",
    hair="#C8C8C8",
    spine="#000000",
    region="#FFFFFF",
    region_edge="#000000",
    region_edge_width="1.2",
    highlight="#B23A00",
    highlight_edge="#000000",
    highlight_edge_width="4",
)

_ID = "id"


@functools.cache
def _source() -> ET.Element:
    # Read and parse once per process; every styled variant is a copy of this tree.
    return ET.fromstring(asset_path(BODY_MAP_FILE).read_bytes())


def _set(element: ET.Element | None, **attributes: str) -> None:
    if element is None:
        return
    for name, value in attributes.items():
        element.set(name.replace("_", "-"), value)


@functools.cache
def styled_svg(regions: tuple[str, ...], high_contrast: bool = False) -> bytes:
    """The map's SVG with the given regions lit: cached, as a session asks for the same few often."""
    palette = HIGH_CONTRAST if high_contrast else STANDARD
    root = copy.deepcopy(_source())
    by_id = {el.get(_ID): el for el in root.iter() if el.get(_ID)}
    parent_of = {child: parent for parent in root.iter() for child in parent}

    _set(by_id.get("body-outline"), fill=palette.outline, stroke=palette.outline,
         stroke_width=palette.outline_width)
    _set(by_id.get("body"), fill=palette.body)
    _set(by_id.get("hair"), fill=palette.hair)
    _set(by_id.get("spine"), stroke=palette.spine)
    _set(by_id.get("regions"), fill=palette.region, stroke=palette.region_edge,
         stroke_width=palette.region_edge_width)
    for region in regions:
        element = by_id.get(region)
        if element is None:
            continue
        _set(element, fill=palette.highlight, stroke=palette.highlight_edge,
             stroke_width=palette.highlight_edge_width)
        # Last child paints on top, so an overlapping region cannot hide the lit one.
        parent = parent_of[element]
        parent.remove(element)
        parent.append(element)
    return ET.tostring(root, encoding="utf-8")


def _phrase(region: str) -> str:
    area = REGION_AREAS[region]
    if area == "along the spine":
        return _("both sides of the spine")
    return _("the {area}").format(area=pgettext("area", area))


def describe(regions: tuple[str, ...]) -> str:
    """The accessible description: what the map shows and which area is lit."""
    if not regions:
        return _("A figure seen from behind. No area is marked.")
    phrases = [_phrase(region) for region in regions]
    named = phrases[0] if len(phrases) == 1 else _("{some} and {last}").format(some=", ".join(phrases[:-1]),
                                                                              last=phrases[-1])
    return _("A figure seen from behind. Marked: {areas}.").format(areas=named)


MISSING_MAP = N_("The body map is missing or damaged, so each area is named in words only. "
               "Reinstall selfmassage to see it.")


class BodyMap(QWidget):
    """Shows the figure, keeping its proportions, centred; `set_area` lights the step's area.

    A missing or damaged map file never stops a session: the widget stays blank and `problem` says once
    what is wrong, for the window to show.
    """

    def __init__(self, parent: QWidget | None = None, *, high_contrast: bool = False) -> None:
        super().__init__(parent)
        self._area: str | None = None
        self._regions: tuple[str, ...] = ()
        self._high_contrast = high_contrast
        self.problem: str | None = None
        self._picture: QPixmap | None = None  # the drawing at this size: the movement layer repaints often
        self._renderer = QSvgRenderer(self)
        self._renderer.repaintNeeded.connect(self.update)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)  # its picture holds the background too
        self.setAccessibleName(_("Body map"))
        self._reload()

    # --- what it shows -------------------------------------------------------------------------------
    def set_area(self, area: str | None) -> None:
        """Light the region(s) the step's area names; None or an area not on the map lights nothing."""
        self._area = area
        regions = regions_for(area) if area else ()
        if regions != self._regions:
            self._regions = regions
            self._reload()

    def area(self) -> str | None:
        return self._area

    def highlighted(self) -> tuple[str, ...]:
        """The region ids lit now, in map order."""
        return self._regions

    def set_high_contrast(self, on: bool) -> None:
        if on != self._high_contrast:
            self._high_contrast = on
            self._reload()

    def high_contrast(self) -> bool:
        return self._high_contrast

    def _reload(self) -> None:
        self.setAccessibleDescription(describe(self._regions))
        if self.problem is None:
            try:
                self._renderer.load(QByteArray(styled_svg(self._regions, self._high_contrast)))
            except (OSError, ET.ParseError) as exc:  # MissingAssetError is an OSError
                log.info("no body map: %s", exc)
                self.problem = _(MISSING_MAP)
        self._picture = None
        self.update()

    # --- geometry ------------------------------------------------------------------------------------
    def map_rect(self) -> QRectF:
        """Where the drawing sits in the widget: as large as fits, proportions kept, centred."""
        view = self._renderer.viewBoxF()
        if view.isEmpty():  # no map loaded
            return QRectF()
        scale = min(self.width() / view.width(), self.height() / view.height())
        w, h = view.width() * scale, view.height() * scale
        return QRectF((self.width() - w) / 2, (self.height() - h) / 2, w, h)

    def region_rect(self, region: str) -> QRectF:
        """A region's bounding box in widget coordinates (empty if the map has no such region)."""
        if not self._renderer.elementExists(region):
            return QRectF()
        view = self._renderer.viewBoxF()
        target = self.map_rect()
        scale = target.width() / view.width()
        bounds = self._renderer.boundsOnElement(region)
        return QRectF(
            target.x() + (bounds.x() - view.x()) * scale,
            target.y() + (bounds.y() - view.y()) * scale,
            bounds.width() * scale,
            bounds.height() * scale,
        )

    def sizeHint(self) -> QSize:
        return QSize(240, 480)

    def minimumSizeHint(self) -> QSize:
        return QSize(150, 300)

    def picture(self) -> QPixmap:
        """The map as it looks now, at its size, on its card's background: what it paints, and what the
        movement layer over it copies under its marks."""
        ratio = self.devicePixelRatioF()
        if self._picture is None or self._picture.size() != self.size() * ratio:
            self._picture = self._draw_picture(ratio)
        return self._picture

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self.picture())  # clipped to the region being painted
        painter.end()

    def _draw_picture(self, ratio: float) -> QPixmap:
        """The map on what lies behind it, once per size and look. The widget is opaque with it, so the
        movement layer's small repaints, a few a second, stop here: neither the whole SVG nor the styled
        card behind it is painted again for them."""
        picture = QPixmap(self.size() * ratio)
        picture.setDevicePixelRatio(ratio)
        picture.fill(self.palette().color(QPalette.ColorRole.Window))  # as Qt would, when on its own
        parent = self.parentWidget()
        if parent is not None:  # the card's own background, without its children (this map among them)
            parent.render(picture, QPoint(), QRegion(self.geometry()),
                          QWidget.RenderFlag.DrawWindowBackground)
        if self._renderer.isValid():
            drawing = QPainter(picture)
            drawing.setRenderHint(QPainter.RenderHint.Antialiasing)
            self._renderer.render(drawing, self.map_rect())
            drawing.end()
        return picture
