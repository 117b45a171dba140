"""A routine is an ordered list of steps, each one technique on one area for a number of seconds.

A both-sides step's `seconds` are per side: it runs left, then a short switch, then right.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from selfmassage.core.techniques import (
    SIDE_SWITCH_SECONDS,
    TEMPO_DEFAULT,
    Direction,
    Intensity,
    Profile,
    Sides,
    Stage,
    Technique,
    Variant,
)
from selfmassage.i18n import _, ngettext, pgettext


@dataclass(frozen=True)
class Step:
    stage: Stage
    technique: Technique
    area: str
    seconds: int
    intensity: Intensity = Intensity.LIGHT
    variant: Variant | None = None
    note: str = ""
    sides: Sides = Sides.ONE
    # None: the area's own flow for the technique (selfmassage.core.movement).
    direction: Direction | None = None

    @property
    def both_sides(self) -> bool:
        return self.sides is Sides.BOTH

    @property
    def total_seconds(self) -> int:
        """How long the step runs: both sides and the switch between them count."""
        if self.both_sides:
            return 2 * self.seconds + SIDE_SWITCH_SECONDS
        return self.seconds

    @property
    def shown_area(self) -> str:
        """The area as shown: a built-in routine's words in the language in use; other text as written."""
        return pgettext("area", self.area)

    def describe(self) -> str:
        """'Rubbing, lower back' — how a step is named in "next: …" and in lists."""
        if self.both_sides:
            return _("{technique}, {area}, both sides").format(technique=self.technique.label,
                                                              area=self.shown_area)
        return _("{technique}, {area}").format(technique=self.technique.label, area=self.shown_area)


@dataclass(frozen=True)
class Routine:
    name: str
    steps: tuple[Step, ...]
    description: str = ""
    tempo: int = TEMPO_DEFAULT
    profile: Profile = Profile.STANDARD
    # Where it came from, for messages; not part of the file format.
    source: str = field(default="", compare=False)
    # A short try-out from the Learn page: it runs as a session does, but it is not a massage to keep.
    practice: bool = field(default=False, compare=False)

    @property
    def total_seconds(self) -> int:
        return sum(step.total_seconds for step in self.steps)

    def stage_seconds(self) -> dict[Stage, int]:
        """Total time per stage, every stage present (0 when unused)."""
        totals = dict.fromkeys(Stage, 0)
        for step in self.steps:
            totals[step.stage] += step.total_seconds
        return totals

    @property
    def stages(self) -> tuple[Stage, ...]:
        """The stages this routine covers, in order."""
        return tuple(stage for stage, seconds in self.stage_seconds().items() if seconds)


def format_duration(seconds: int) -> str:
    """12:05 for countdowns and totals; 1:02:05 past an hour."""
    seconds = max(0, int(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes:02d}:{secs:02d}"


def spoken_duration(seconds: float) -> str:
    """A length as a screen reader should say it: '4 minutes 12 seconds', '1 minute', '45 seconds'. Here,
    beside format_duration, so the window's accessibility helpers need none of the session's modules."""
    hours, rest = divmod(max(0, int(seconds)), 3600)
    minutes, secs = divmod(rest, 60)
    parts = []
    if hours:
        parts.append(ngettext("{n} hour", "{n} hours", hours).format(n=hours))
    if minutes:
        parts.append(ngettext("{n} minute", "{n} minutes", minutes).format(n=minutes))
    if secs or not parts:
        parts.append(ngettext("{n} second", "{n} seconds", secs).format(n=secs))
    return " ".join(parts)


# Line and paragraph separators, and the controls that reverse how text runs (they can make one name
# look like another, or a name run backwards into the text after it).
_NAME_FORBIDDEN = re.compile("[\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800\u180e")  # letters or signs that show nothing


def name_key(name: str) -> str:
    """What makes two routine names the same: equal after Unicode NFC and case folding."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFC", name.strip()).casefold())


def name_problem(name: str) -> str | None:
    """Why a routine name can't be used, or None."""
    if _NAME_FORBIDDEN.search(name):
        return _("name may not hold line or paragraph separators or text-direction controls.")
    if not any(unicodedata.category(char)[0] not in "CZM" and char not in _BLANK_LETTERS for char in name):
        return _("name must hold a character you can see.")
    return None
