"""Session times as stored: whole seconds in UTC, the UTC offset beside them, and the local day.

Weeks and days are counted on `local_day`: the local calendar date the session started on (using the UTC
offset in force at that moment, which is stored too), as a proleptic Gregorian ordinal. Ordinal 1 is a
Monday, so the Monday of a day's ISO week is `local_day - (local_day - 1) % 7` — plain integer arithmetic
that SQLite can GROUP BY over an index, right across daylight-saving changes and week 53.
"""

from __future__ import annotations

import functools
from datetime import UTC, datetime, timedelta, timezone


def local_now() -> datetime:
    """The wall clock, aware, in the computer's local offset."""
    return datetime.now().astimezone()


def utc_text(moment: datetime) -> str:
    """Whole seconds, UTC: the form stored and compared (import matches on it)."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("a session time needs its UTC offset")
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def offset_minutes(moment: datetime) -> int:
    offset = moment.utcoffset()
    if offset is None:
        raise ValueError("a session time needs its UTC offset")
    return int(offset.total_seconds() // 60)


def local_day_of(moment: datetime) -> int:
    """The local calendar date the moment falls on, as an ordinal: whole seconds, the moment's own offset."""
    utc = datetime.fromisoformat(utc_text(moment))
    return (utc + timedelta(minutes=offset_minutes(moment))).date().toordinal()


def aware(text: str | None, minutes: int) -> datetime | None:
    if text is None:
        return None
    # fromisoformat reads the stored 'Z' form directly, and is far quicker than strptime.
    return datetime.fromisoformat(text).astimezone(_zone(minutes))


@functools.lru_cache(maxsize=64)
def _zone(minutes: int) -> timezone:
    return timezone(timedelta(minutes=minutes))
