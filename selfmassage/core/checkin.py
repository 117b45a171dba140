"""How the person felt after a session: kept with the session in the history."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

FEELING_MIN, FEELING_MAX = 1, 5


class Symptom(StrEnum):
    """Signs that a massage went wrong, worth asking about afterwards."""

    PAIN = "pain"
    HEADACHE = "headache"
    DIZZINESS = "dizziness"
    NAUSEA = "nausea"
    FATIGUE = "fatigue"
    BODY_ACHES = "body aches"
    DROWSINESS = "drowsiness"  # lying down long can lower blood pressure


@dataclass(frozen=True)
class CheckIn:
    feeling: int | None = None  # 1 (much worse) … 5 (much better); None when not answered
    symptoms: frozenset[Symptom] = frozenset()
    note: str = ""

    def __post_init__(self) -> None:
        if self.feeling is not None and not FEELING_MIN <= self.feeling <= FEELING_MAX:
            raise ValueError(f"feeling must be {FEELING_MIN}–{FEELING_MAX}, not {self.feeling}")
