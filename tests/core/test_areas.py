"""A step's area, as people write it, lands on the right place of the body map."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from selfmassage.core.areas import (
    _SYNONYMS,
    ALONG_THE_SPINE,
    COLLAR_ZONE,
    GLUTES,
    LEGS,
    LOWER_BACK,
    NECK,
    REGION_AREAS,
    REGIONS,
    SHOULDER_BLADES,
    SHOULDERS,
    WHOLE_BACK,
    region_for,
    regions_for,
)
from selfmassage.core.techniques import KNOWN_AREAS

SVG = Path(__file__).resolve().parents[2] / "assets" / "bodymap.svg"


def svg_ids() -> set[str]:
    return {el.get("id") for el in ET.parse(SVG).getroot().iter() if el.get("id")}


@pytest.mark.parametrize("area", KNOWN_AREAS)
def test_every_known_area_has_its_own_region(area):
    assert region_for(area) == "area-" + area.replace(" ", "-")


@pytest.mark.parametrize("area", KNOWN_AREAS)
def test_case_spacing_and_hyphens_do_not_matter(area):
    expected = region_for(area)
    assert region_for(f"  {area.upper()}  ") == expected
    assert region_for(area.title().replace(" ", "   ")) == expected
    assert region_for(area.replace(" ", "-")) == expected


@pytest.mark.parametrize(
    ("written", "region"),
    [
        ("upper back", SHOULDER_BLADES),
        ("Left shoulder blade", SHOULDER_BLADES),
        ("between the shoulder blades", SHOULDER_BLADES),
        ("spine", ALONG_THE_SPINE),
        ("both sides of the spine", ALONG_THE_SPINE),
        ("along the spine (both sides)", ALONG_THE_SPINE),
        ("either side of the spine", ALONG_THE_SPINE),
        ("mid-back", ALONG_THE_SPINE),
        ("collar", COLLAR_ZONE),
        ("collar-zone", COLLAR_ZONE),
        ("trapezius", COLLAR_ZONE),
        ("upper traps", COLLAR_ZONE),
        ("buttocks", GLUTES),
        ("the right glute", GLUTES),
        ("thighs", LEGS),
        ("calves", LEGS),
        ("calf", LEGS),
        ("hamstrings", LEGS),
        ("left leg", LEGS),
        ("back of the legs", LEGS),
        ("left shoulder", SHOULDERS),
        ("Right Shoulder", SHOULDERS),
        ("lumbar", LOWER_BACK),
        ("lumbar area", LOWER_BACK),
        ("low back", LOWER_BACK),
        ("small of the back", LOWER_BACK),
        ("back of the neck", NECK),
        ("nape", NECK),
    ],
)
def test_common_ways_of_writing_an_area(written, region):
    assert region_for(written) == region
    assert regions_for(written) == (region,)


@pytest.mark.parametrize("written", ["whole back", "the back", "Back", "entire back"])
def test_the_whole_back_lights_every_back_region_and_is_not_one_region(written):
    assert regions_for(written) == WHOLE_BACK
    assert set(WHOLE_BACK) == {COLLAR_ZONE, SHOULDER_BLADES, ALONG_THE_SPINE, LOWER_BACK}
    assert region_for(written) is None


def test_an_area_naming_two_places_lights_both_in_map_order():
    assert regions_for("shoulders and neck") == (SHOULDERS, NECK)
    assert regions_for("lower back, glutes") == (LOWER_BACK, GLUTES)
    assert region_for("shoulders and neck") is None
    # Two names for one place are still one place.
    assert region_for("thighs and calves") == LEGS


@pytest.mark.parametrize(
    "written", ["", "   ", "forearms", "hands", "back of the hand", "feet", "chest", "belly", "face"]
)
def test_an_area_not_on_the_map_lights_nothing(written):
    assert region_for(written) is None
    assert regions_for(written) == ()


def test_region_areas_name_every_region_by_its_known_area():
    assert list(REGION_AREAS) == list(REGIONS)
    assert list(REGION_AREAS.values()) == list(KNOWN_AREAS)


def test_every_region_the_mapping_uses_is_drawn_in_the_svg():
    used = set(REGIONS) | set(WHOLE_BACK) | set(_SYNONYMS)
    assert used <= svg_ids()


def test_the_svg_is_small_scalable_and_has_no_text():
    root = ET.parse(SVG).getroot()
    assert root.get("viewBox") == "0 0 200 400"
    assert not [el for el in root.iter() if el.tag.endswith("}text")]
    assert SVG.stat().st_size < 6000
    # One element per region: a region must be one shape to style and to measure.
    ids = [el.get("id") for el in root.iter() if el.get("id")]
    assert all(ids.count(region) == 1 for region in REGIONS)
