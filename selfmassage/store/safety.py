"""The safety answers and when they were given, kept as JSON in the user config dir.

A file that can't be read is treated as "never checked": the person is simply asked again, and
`problems` says so in one plain line. Nothing here raises on a bad file or a failed write.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

from selfmassage.core import safety
from selfmassage.i18n import _, os_reason
from selfmassage.store.atomic import write_text_atomic
from selfmassage.store.paths import safety_path

FORMAT_VERSION = 1


class SafetyStore:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.problems: list[str] = []  # one plain line each, for the user
        self._last_checked: datetime | None = None
        self._answers: dict[str, bool] = {}
        self._recheck = False
        self._load()

    @classmethod
    def default(cls) -> SafetyStore:
        """The store in the user's config dir."""
        return cls(safety_path())

    @property
    def last_checked(self) -> datetime | None:
        return self._last_checked

    @property
    def answers(self) -> dict[str, bool]:
        return dict(self._answers)

    def needs_check(self, now: datetime) -> bool:
        """Ask before the first session, after 30 days, when asked to, and while a "yes" stands."""
        return (
            self._recheck
            or not safety.all_clear(self._answers)
            or safety.needs_check(self._last_checked, now)
        )

    def record(self, answers: dict[str, bool], now: datetime) -> None:
        """Remember the answers given at `now`. A failed write goes to `problems`; memory still holds them."""
        if not all(isinstance(value, bool) for value in answers.values()):
            raise ValueError("every safety answer must be True or False")
        self._answers = dict(answers)
        # Stored with its offset, so a later read compares correctly across time zones.
        self._last_checked = now if now.tzinfo is not None else now.astimezone()
        self._recheck = False
        self._save()

    def request_recheck(self) -> None:
        """The person wants to answer again: the next session asks, even after a restart."""
        self._recheck = True
        self._save()

    def _save(self) -> None:
        data: dict[str, Any] = {
            "version": FORMAT_VERSION,
            "checked_at": self._last_checked.isoformat() if self._last_checked else None,
            "answers": self._answers,
            "recheck": self._recheck,
        }
        try:
            write_text_atomic(self.path, json.dumps(data, indent=2, sort_keys=True) + "\n")
        except OSError as exc:
            self._problem(_("{path}: can't save your safety answers ({reason}); you will be asked again next "
                            "time.").format(path=self.path, reason=os_reason(exc)))

    def _problem(self, line: str) -> None:
        if line not in self.problems:  # a save that keeps failing is said once
            self.problems.append(line)

    def _load(self) -> None:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return
        except OSError as exc:
            self._problem(_("{path}: can't be read ({reason}); you will be asked the safety questions "
                            "again.").format(path=self.path, reason=os_reason(exc)))
            return
        try:
            last_checked, answers, recheck = _parse(raw)
        except (ValueError, TypeError, UnicodeDecodeError):
            self._problem(_("{path}: not valid safety answers; you will be asked the safety questions "
                            "again.").format(path=self.path))
            return
        self._last_checked, self._answers, self._recheck = last_checked, answers, recheck


def _parse(raw: bytes) -> tuple[datetime | None, dict[str, bool], bool]:
    data = json.loads(raw.decode("utf-8"))
    if not isinstance(data, dict):
        raise ValueError("not an object")
    checked_at = data.get("checked_at")
    if checked_at is not None and not isinstance(checked_at, str):
        raise ValueError("checked_at is not text")
    last_checked = datetime.fromisoformat(checked_at) if checked_at else None
    if last_checked is not None and last_checked.tzinfo is None:
        last_checked = last_checked.astimezone()
    answers = data.get("answers", {})
    if not isinstance(answers, dict) or not all(
        isinstance(key, str) and isinstance(value, bool) for key, value in answers.items()
    ):
        raise ValueError("answers are not yes/no")
    recheck = data.get("recheck", False)
    if not isinstance(recheck, bool):
        raise ValueError("recheck is not true/false")
    return last_checked, answers, recheck
