"""Where a step's area is on the body map: free text in, region ids of assets/bodymap.svg out.

A step's area is free text ("Left shoulder", "along the spine (both sides)"). The known areas and the
usual ways people write them map to a region; anything else maps to nothing, and the map then shows no
highlight. "Back" / "whole back" is not one region: it lights every region of the back (lower back,
along the spine, shoulder blades, collar zone), so `regions_for` returns several and `region_for` none.
An area that names several places ("neck and shoulders") lights each place it names.
"""

from __future__ import annotations

import re

from selfmassage.core.techniques import KNOWN_AREAS


def _region_id(known_area: str) -> str:
    return "area-" + known_area.replace(" ", "-")


# Region ids in the order of KNOWN_AREAS; the SVG has one element per id.
REGIONS: tuple[str, ...] = tuple(_region_id(area) for area in KNOWN_AREAS)
# The known area each region stands for, e.g. "area-collar-zone" -> "collar zone".
REGION_AREAS: dict[str, str] = {_region_id(area): area for area in KNOWN_AREAS}

NECK, COLLAR_ZONE, SHOULDERS, SHOULDER_BLADES = (
    "area-neck",
    "area-collar-zone",
    "area-shoulders",
    "area-shoulder-blades",
)
ALONG_THE_SPINE, LOWER_BACK, GLUTES, LEGS = (
    "area-along-the-spine",
    "area-lower-back",
    "area-glutes",
    "area-legs",
)
# "Warm every zone of the back": the guide's back is these four, not the neck, shoulders or glutes.
# In map order (the order of KNOWN_AREAS), as `regions_for` returns regions.
WHOLE_BACK: tuple[str, ...] = (LOWER_BACK, ALONG_THE_SPINE, SHOULDER_BLADES, COLLAR_ZONE)

# Ways people write each place, in plain words; keys go through the same normalising as the input,
# so "Shoulder-blade", "both sides of the spine" or "the LEFT leg" need no entry of their own.
_SYNONYMS: dict[str, tuple[str, ...]] = {
    NECK: ("neck", "nape", "cervical", "cervical spine"),
    COLLAR_ZONE: (
        "collar",
        "collar zone",
        "trapezius",
        "traps",
        "upper trapezius",
        "upper traps",
        "top of the shoulders",
        "base of the neck",
    ),
    SHOULDERS: ("shoulders", "deltoids", "delts", "shoulder joints", "shoulder caps"),
    SHOULDER_BLADES: (
        "shoulder blades",
        "scapula",
        "scapulae",
        "upper back",
        "between the shoulder blades",
        "rhomboids",
    ),
    ALONG_THE_SPINE: (
        "along the spine",
        "spine",
        "spinal",
        "spinal muscles",
        "spinal erectors",
        "paraspinal",
        "paravertebral",
        "erector spinae",
        "mid back",
        "middle back",
        "thoracic",
        "thoracic spine",
    ),
    LOWER_BACK: (
        "lower back",
        "low back",
        "lumbar",
        "lumbar spine",
        "lower spine",
        "small of the back",
        "loins",
        "sacrum",
    ),
    GLUTES: ("glutes", "gluteus", "gluteal", "gluteals", "buttocks", "bottom", "bum", "butt"),
    LEGS: ("legs", "thighs", "calves", "calf", "hamstrings", "upper legs", "lower legs"),
}
_SEVERAL: dict[str, tuple[str, ...]] = {"back": WHOLE_BACK}

# Words that say which side, how much, or "area of": they never change which region is meant.
_FILLER = frozenset(
    {
        *("the", "a", "an", "your", "my", "both", "left", "right", "side", "sides", "either", "each"),
        *("of", "on", "over", "along", "beside", "next", "to", "around"),
        *("area", "areas", "region", "regions", "zone", "zones", "muscle", "muscles"),
        *("whole", "entire", "full", "all", "every"),
    }
)
# Between places in one area: "neck and shoulders", "lower back, glutes", "spine then lower back".
_SEPARATORS = re.compile(r",|;|&|\+|/|\band\b|\bthen\b")


def _singular(word: str) -> str:
    # Crude, but applied to the table and the input alike, so only consistency matters.
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _key(text: str) -> str:
    words = [_singular(w) for w in re.findall(r"[a-z]+", text.lower()) if w not in _FILLER]
    if len(words) > 1 and words[0] == "back":  # "back of the legs", "back of the neck"
        words = words[1:]
    return " ".join(words)


def _build_table() -> dict[str, tuple[str, ...]]:
    table: dict[str, tuple[str, ...]] = {}
    for known in KNOWN_AREAS:
        table[_key(known)] = (_region_id(known),)
    for region, words in _SYNONYMS.items():
        for word in words:
            table[_key(word)] = (region,)
    for word, regions in _SEVERAL.items():
        table[_key(word)] = regions
    return table


_TABLE = _build_table()


def regions_for(area: str) -> tuple[str, ...]:
    """Every region the area names, in map order; empty when the area is not on the map."""
    found: set[str] = set()
    for part in _SEPARATORS.split(area.lower()):
        found.update(_TABLE.get(_key(part), ()))
    return tuple(region for region in REGIONS if region in found)


def region_for(area: str) -> str | None:
    """The one region the area names, or None when it names none (unknown) or several (whole back)."""
    regions = regions_for(area)
    return regions[0] if len(regions) == 1 else None
