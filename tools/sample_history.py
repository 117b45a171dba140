"""Fill a history database with realistic sample sessions, for screenshots and benchmarks.

    python tools/sample_history.py                       # a few months into your own history file
    python tools/sample_history.py --db /tmp/h.sqlite3 --count 100000   # scale test

A few months by default: about 1–2 evening sessions a week on the built-in routines, some stopped,
an odd one interrupted, check-ins with feelings and now and then a symptom. With a big --count the
sessions are packed into --years (10 by default), several a day — the worst case for weekly figures.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from selfmassage.core.checkin import CheckIn, Symptom
from selfmassage.core.events import SessionStatus
from selfmassage.core.routine import Routine
from selfmassage.resources import assets_dir
from selfmassage.store.history import History
from selfmassage.store.history_rows import RecordedSession, StepRow
from selfmassage.store.library import read_routine_file
from selfmassage.store.paths import history_path

COMPLETED, STOPPED, INTERRUPTED = SessionStatus.COMPLETED, SessionStatus.STOPPED, SessionStatus.INTERRUPTED

NOTES = ("Shoulders felt looser after.", "Did it after work, a bit rushed.", "Lower back much better.",
         "Used the ball against the wall.", "Slept well afterwards.", "")
BATCH = 5000


def builtin_routines() -> list[Routine]:
    routines = []
    for path in sorted((assets_dir() / "routines").glob("*.json")):
        entry = read_routine_file(path)
        if entry.routine is not None:
            routines.append(entry.routine)
    if not routines:
        raise SystemExit("no built-in routines found in assets/routines")
    return routines


def session_days(rng: random.Random, count: int, last: date, years: float | None) -> list[date]:
    """`count` days, oldest first, ending near `last`."""
    if years is None and count <= 400:
        # About 1.5 a week, never two on one day: the preventive plan, kept most weeks, now and then overdone.
        days: list[date] = []
        day = last - timedelta(days=rng.randint(0, 2))
        while len(days) < count:
            days.append(day)
            day -= timedelta(days=rng.choice((1, 2, 3, 4, 4, 5, 5, 6, 7, 8, 10, 12)))
        return sorted(days)
    span = round(365.25 * (years or 10))
    return sorted(last - timedelta(days=rng.randrange(span)) for _ in range(count))


def make_session(rng: random.Random, routine: Routine, day: date, zone: ZoneInfo) -> RecordedSession:
    start = datetime(day.year, day.month, day.day, rng.choice((7, 18, 19, 19, 20, 20, 21)),
                     rng.randrange(60), rng.randrange(60), tzinfo=zone)
    roll = rng.random()
    status = COMPLETED if roll < 0.86 else STOPPED if roll < 0.97 else INTERRUPTED
    cut = len(routine.steps) if status == COMPLETED else rng.randrange(1, len(routine.steps))
    steps, active = [], 0.0
    for index, step in enumerate(routine.steps[:cut]):
        skipped = status == COMPLETED and rng.random() < 0.03
        actual = float(step.seconds) if not skipped else float(rng.randrange(1, step.seconds + 1))
        if index == cut - 1 and status != COMPLETED:
            actual = float(rng.randrange(1, step.seconds + 1))
        steps.append(StepRow(index, index, step.stage, step.technique, step.area, step.seconds, actual,
                             skipped))
        active += actual
    pauses = rng.choice((0, 0, 0, 30, 90))
    ended = start + timedelta(seconds=active + pauses)
    checkin = CheckIn()
    if status == COMPLETED and rng.random() < 0.8:
        symptoms: frozenset[Symptom] = frozenset()
        if rng.random() < 0.03:
            symptoms = frozenset({rng.choice(list(Symptom))})
        checkin = CheckIn(rng.choice((3, 4, 4, 4, 5, 5)), symptoms,
                          rng.choice(NOTES) if rng.random() < 0.25 else "")
    return RecordedSession(routine, start, ended, status, active, tuple(steps), checkin)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=None, help="database file (default: your history)")
    parser.add_argument("--count", type=int, default=28, help="how many sessions (default 28)")
    parser.add_argument("--years", type=float, default=None, help="spread over this many years")
    parser.add_argument("--until", type=date.fromisoformat, default=None, help="last day (default today)")
    parser.add_argument("--timezone", default="Europe/Berlin", help="where the sessions happened")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    zone = ZoneInfo(args.timezone)
    routines = builtin_routines()
    last = args.until or datetime.now(zone).date()
    days = session_days(rng, args.count, last, args.years)
    path = args.db or history_path()
    began = time.perf_counter()
    with History.open(path) as history:
        for first in range(0, len(days), BATCH):
            history.add_sessions(make_session(rng, rng.choice(routines), day, zone)
                                 for day in days[first:first + BATCH])
    print(f"Added {len(days)} sessions to {path} in {time.perf_counter() - began:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
