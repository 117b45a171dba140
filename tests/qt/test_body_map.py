"""The body map lights the step's area where it is drawn, and nothing for an area it does not know."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, QRectF
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from selfmassage.core.areas import REGIONS, WHOLE_BACK
from selfmassage.core.techniques import KNOWN_AREAS
from selfmassage.qt.body_map import HIGH_CONTRAST, STANDARD, BodyMap


@pytest.fixture
def body_map(qtbot) -> BodyMap:
    widget = BodyMap()
    qtbot.addWidget(widget)
    widget.resize(240, 480)
    return widget


def snapshot(widget: BodyMap) -> QImage:
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    # Work in widget coordinates whatever the screen's pixel ratio.
    return image.scaled(widget.size()) if image.size() != widget.size() else image


def is_colour(pixel: int, colour: QColor, tolerance: int = 8) -> bool:
    red, green, blue = (pixel >> 16) & 0xFF, (pixel >> 8) & 0xFF, pixel & 0xFF
    return (
        abs(red - colour.red()) <= tolerance
        and abs(green - colour.green()) <= tolerance
        and abs(blue - colour.blue()) <= tolerance
    )


def pixels_of(image: QImage, colour: str) -> list[tuple[int, int]]:
    wanted = QColor(colour)
    return [
        (x, y)
        for y in range(image.height())
        for x in range(image.width())
        if is_colour(image.pixel(x, y), wanted)
    ]


def inside(point: tuple[int, int], rects: list[QRectF], margin: float = 2) -> bool:
    return any(rect.adjusted(-margin, -margin, margin, margin).contains(*point) for rect in rects)


@pytest.mark.parametrize("area", KNOWN_AREAS)
def test_each_known_area_is_lit_inside_its_region_and_nowhere_else(body_map, area):
    body_map.set_area(area)
    region = "area-" + area.replace(" ", "-")
    assert body_map.highlighted() == (region,)

    lit = pixels_of(snapshot(body_map), STANDARD.highlight)
    bounds = body_map.region_rect(region)
    assert not bounds.isEmpty()
    # Big enough to see from across the room, even the smallest region (the neck).
    assert len(lit) >= 150
    assert all(inside(point, [bounds]) for point in lit)


def test_an_unknown_area_shows_the_plain_map(body_map):
    body_map.set_area("forearms")
    image = snapshot(body_map)
    assert body_map.highlighted() == ()
    assert pixels_of(image, STANDARD.highlight) == []
    # The figure is still drawn: the map reads with nothing lit.
    assert pixels_of(image, STANDARD.body)


def test_moving_to_an_unknown_area_clears_the_last_highlight(body_map):
    body_map.set_area("lower back")
    assert pixels_of(snapshot(body_map), STANDARD.highlight)
    body_map.set_area("forearms")
    assert pixels_of(snapshot(body_map), STANDARD.highlight) == []
    body_map.set_area(None)
    assert body_map.area() is None
    assert pixels_of(snapshot(body_map), STANDARD.highlight) == []


def test_a_synonym_lights_the_same_region(body_map):
    body_map.set_area("Left shoulder")
    lit = pixels_of(snapshot(body_map), STANDARD.highlight)
    assert lit
    assert all(inside(point, [body_map.region_rect("area-shoulders")]) for point in lit)


def test_the_whole_back_lights_each_back_region(body_map):
    body_map.set_area("whole back")
    lit = pixels_of(snapshot(body_map), STANDARD.highlight)
    rects = [body_map.region_rect(region) for region in WHOLE_BACK]
    assert all(inside(point, rects) for point in lit)
    for rect in rects:
        assert any(inside(point, [rect], margin=0) for point in lit)
    # Glutes and legs stay unlit.
    assert not any(inside(point, [body_map.region_rect("area-legs")], margin=0) for point in lit)


def test_the_lit_region_has_a_dark_outline_not_only_a_colour(body_map):
    body_map.set_area("glutes")
    image = snapshot(body_map)
    edge = pixels_of(image, STANDARD.highlight_edge)
    assert len(edge) >= 40
    assert all(inside(point, [body_map.region_rect("area-glutes")], margin=4) for point in edge)


def test_high_contrast_uses_its_own_colours(body_map):
    body_map.set_area("neck")
    body_map.set_high_contrast(True)
    image = snapshot(body_map)
    lit = pixels_of(image, HIGH_CONTRAST.highlight)
    assert lit
    assert all(inside(point, [body_map.region_rect("area-neck")]) for point in lit)
    assert pixels_of(image, STANDARD.highlight) == []
    body_map.set_high_contrast(False)
    assert pixels_of(snapshot(body_map), STANDARD.highlight)


def test_it_names_itself_and_the_lit_area_for_screen_readers(body_map):
    assert body_map.accessibleName() == "Body map"
    assert "No area is marked" in body_map.accessibleDescription()
    body_map.set_area("lower back")
    assert "the lower back" in body_map.accessibleDescription()
    body_map.set_area("along the spine")
    assert "both sides of the spine" in body_map.accessibleDescription()
    body_map.set_area("whole back")
    description = body_map.accessibleDescription()
    assert all(name in description for name in ("lower back", "spine", "shoulder blades", "collar zone"))
    body_map.set_area("forearms")
    assert "No area is marked" in body_map.accessibleDescription()


def test_the_figure_keeps_its_proportions_and_is_centred(body_map):
    body_map.resize(400, 400)
    drawn = body_map.map_rect()
    assert (drawn.width(), drawn.height()) == (200, 400)
    assert drawn.x() == 100
    image = snapshot(body_map)
    background = image.pixel(0, 0)
    for x in (*range(0, 95, 5), *range(305, 400, 5)):
        for y in range(0, 400, 10):
            assert image.pixel(x, y) == background


def test_it_grows_with_the_window_and_fits_a_side_panel(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    layout = QHBoxLayout(window)
    label = QLabel("00:10")
    label.setFixedWidth(200)
    body_map = BodyMap()
    layout.addWidget(label)
    layout.addWidget(body_map)
    window.resize(900, 700)
    window.show()
    qtbot.waitExposed(window)
    assert body_map.width() > 500
    assert body_map.height() > 600
    hint = body_map.minimumSizeHint()
    assert hint.width() <= 200
    assert hint.height() >= 300
    # Every region sits inside the widget at its minimum size.
    body_map.resize(hint)
    frame = QRectF(QRect(0, 0, hint.width(), hint.height()))
    assert all(frame.contains(body_map.region_rect(region)) for region in REGIONS)
