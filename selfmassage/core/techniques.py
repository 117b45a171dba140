"""The vocabulary of the guide: techniques, stages, intensities and the limits a timer can enforce."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from selfmassage.i18n import N_, _


class Technique(StrEnum):
    STROKING = "stroking"
    RUBBING = "rubbing"
    SQUEEZING = "squeezing"
    KNEADING = "kneading"
    VIBRATION = "vibration"

    @property
    def label(self) -> str:
        """'Rubbing', in the language in use."""
        return _(_TECHNIQUE_LABELS[self])


class Stage(StrEnum):
    """The four stages of a classic session, in the order they must come."""

    PREPARATORY = "preparatory"
    MEDIUM_DEEP = "medium-deep"
    DEEP = "deep"
    FINAL = "final"

    @property
    def order(self) -> int:
        return list(Stage).index(self)

    @property
    def label(self) -> str:
        """'Medium deep', in the language in use."""
        return _(_STAGE_LABELS[self])


class Intensity(StrEnum):
    LIGHT = "light"
    MODERATE = "moderate"
    FIRM = "firm"

    @property
    def label(self) -> str:
        """'light', in the language in use."""
        return _(_INTENSITY_LABELS[self])

    @property
    def level(self) -> int:
        return list(Intensity).index(self)


class Variant(StrEnum):
    """Ways of squeezing; only a squeezing step may name one."""

    TRANSVERSE = "transverse"
    PALM_EDGE = "palm-edge"
    PALM_BASE = "palm-base"
    TWO_HANDS = "two-hands"

    @property
    def label(self) -> str:
        """'palm edge', in the language in use."""
        return _(_VARIANT_LABELS[self])


class Direction(StrEnum):
    """Which way the hand travels over an area (a step may set it; else the area's flow decides).

    "circles" keeps the area's way but moves in small circles, as in "back down the spine with small circles".
    """

    UP = "up"
    DOWN = "down"
    TOWARD_SPINE = "toward-spine"
    AWAY_FROM_SPINE = "away-from-spine"
    CIRCLES = "circles"


class Sides(StrEnum):
    """How many sides a step works: one, or the left side and then the right side."""

    ONE = "one"
    BOTH = "both"


class Side(StrEnum):
    LEFT = "left"
    RIGHT = "right"

    @property
    def label(self) -> str:
        """'Left', in the language in use."""
        return _(N_("Left") if self is Side.LEFT else N_("Right"))


class Profile(StrEnum):
    STANDARD = "standard"
    PREGNANCY = "pregnancy"


# What each is called on screen; the files and the code keep the English values.
_TECHNIQUE_LABELS = {Technique.STROKING: N_("Stroking"), Technique.RUBBING: N_("Rubbing"),
                     Technique.SQUEEZING: N_("Squeezing"), Technique.KNEADING: N_("Kneading"),
                     Technique.VIBRATION: N_("Vibration")}
_STAGE_LABELS = {Stage.PREPARATORY: N_("Preparatory"), Stage.MEDIUM_DEEP: N_("Medium deep"),
                 Stage.DEEP: N_("Deep"), Stage.FINAL: N_("Final")}
_INTENSITY_LABELS = {Intensity.LIGHT: N_("light"), Intensity.MODERATE: N_("moderate"),
                     Intensity.FIRM: N_("firm")}

_VARIANT_LABELS = {Variant.TRANSVERSE: N_("transverse"), Variant.PALM_EDGE: N_("palm edge"),
                   Variant.PALM_BASE: N_("palm base"), Variant.TWO_HANDS: N_("two hands")}

# One area at most 10 s: longer rubbing or vibration on one spot hurts.
RUB_CAP_SECONDS = 10
VIBRATION_CAP_SECONDS = 10

# A both-sides step pauses this long between the sides, for the hands to move across.
SIDE_SWITCH_SECONDS = 3

TEMPO_MIN = 60
TEMPO_MAX = 100
TEMPO_DEFAULT = 80

PREGNANCY_TECHNIQUES = frozenset({Technique.STROKING, Technique.RUBBING})
PREGNANCY_MAX_SECONDS = 45 * 60

# The areas the guide names. Others are allowed; these get a place on the body map.
KNOWN_AREAS: tuple[str, ...] = (
    "lower back",
    "along the spine",
    "shoulder blades",
    "collar zone",
    "shoulders",
    "neck",
    "glutes",
    "legs",
)


@dataclass(frozen=True)
class TechniqueGuide:
    """What the app says about a technique when a step has no note of its own."""

    instruction: str
    cap_seconds: int | None


TECHNIQUE_GUIDE: dict[Technique, TechniqueGuide] = {
    Technique.STROKING: TechniqueGuide(N_("Slide your whole palm lightly, toward the heart."), None),
    Technique.RUBBING: TechniqueGuide(
        N_("Rub slowly and firmly, in time with the click."), RUB_CAP_SECONDS
    ),
    Technique.SQUEEZING: TechniqueGuide(N_("Press along the muscle, toward the heart."), None),
    Technique.KNEADING: TechniqueGuide(
        N_("Grip the muscle and press it to the bone, slowly. Never to pain."), None
    ),
    Technique.VIBRATION: TechniqueGuide(
        N_("Tap or shake lightly, not too hard."), VIBRATION_CAP_SECONDS
    ),
}


def instruction_for(technique: Technique, note: str = "") -> str:
    """The one line shown during a step: the step's own note, else the technique's default."""
    return note.strip() or _(TECHNIQUE_GUIDE[technique].instruction)
