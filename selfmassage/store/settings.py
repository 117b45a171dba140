"""Every setting declared once, with its type, default and a line of doc; stored as JSON in the config dir.

A bad value in the file is reported (file and key) and its default used; a file that is not JSON at all is
moved aside, never overwritten, so nothing the user had is lost.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

from selfmassage.i18n import LANGUAGES
from selfmassage.store.atomic import write_text_atomic


class Setting(NamedTuple):  # not a dataclass: the window reads its settings before its first frame
    name: str
    kind: type
    default: Any
    doc: str
    check: Callable[[Any], bool] = lambda value: True


def _between(low: float, high: float) -> Callable[[Any], bool]:
    return lambda value: low <= value <= high


def _weekdays(value: Any) -> bool:
    return all(isinstance(day, int) and 0 <= day <= 6 for day in value)


def _names(value: Any) -> bool:
    return all(isinstance(name, str) for name in value)


def _clock_time(value: Any) -> bool:
    parts = value.split(":")
    return (len(parts) == 2 and all(p.isdigit() for p in parts)
            and 0 <= int(parts[0]) <= 23 and 0 <= int(parts[1]) <= 59)


DECLARED: tuple[Setting, ...] = (
    Setting("muted", bool, False, "No sound cues at all."),
    Setting("volume", float, 0.8, "Loudness of the cues, 0 to 1.", _between(0.0, 1.0)),
    Setting("tempo_click", bool, True, "A soft click at the rubbing tempo."),
    Setting("voice", bool, True, "Spoken prompts: what to do, and what comes next."),
    Setting("spoken_prompts", str, "app voice", "Who says a session's prompts: app voice, screen reader "
            "or both.", lambda value: value in ("app voice", "screen reader", "both")),
    Setting("voice_volume", float, 0.9, "Loudness of the spoken prompts, 0 to 1.", _between(0.0, 1.0)),
    Setting("voice_short_routines", list, [], "Routines whose prompts name only what changed since the "
            "step before.", _names),
    Setting("sound_intro_done", bool, False, "The sound test before the first session was offered."),
    Setting("large_text", bool, False, "Bigger text everywhere."),
    Setting("high_contrast", bool, False, "Black, white and one strong colour."),
    Setting("show_movement", bool, True, "Show how the hand moves on the body map during a session."),
    Setting("reduce_motion", bool, False, "Still pictures instead of moving ones (the desktop may ask too)."),
    Setting("plan", str, "preventive", "preventive, pain-relief or custom.",
            lambda value: value in ("preventive", "pain-relief", "custom")),
    Setting("plan_per_week", int, 2, "Sessions a week on the custom plan.", _between(1, 7)),
    Setting("reminders", bool, False, "A reminder on the chosen days."),
    Setting("reminder_days", list, [0, 3], "Reminder weekdays, 0 = Monday.", _weekdays),
    Setting("reminder_time", str, "19:00", "Reminder time, HH:MM, local.", _clock_time),
    Setting("reminder_shown", str, "", "The day the last reminder was shown (or declined), and its plan."),
    Setting("autostart", bool, False, "Start selfmassage at login, in the tray."),
    Setting("last_routine", str, "", "The routine picked last time."),
    Setting("window_geometry", str, "", "Where the window was, as Qt saved it."),
    Setting("language", str, "", "The app's language: en, ru; empty follows the system (LANGUAGE, LANG).",
            lambda value: value in ("", *LANGUAGES)),
)
BY_NAME = {setting.name: setting for setting in DECLARED}


def _fits(setting: Setting, value: Any) -> bool:
    if setting.kind is float and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)
    if not isinstance(value, setting.kind) or (setting.kind is int and isinstance(value, bool)):
        return False
    try:
        return bool(setting.check(value))
    except (TypeError, ValueError, AttributeError):
        return False


class Settings:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.problems: list[str] = []  # one plain line each, for the user
        self._values: dict[str, Any] = {}
        self._load()

    def _load(self) -> None:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return
        except OSError as exc:
            self.problems.append(f"{self.path}: can't be read ({exc.strerror}); using defaults.")
            return
        try:
            data = json.loads(raw.decode("utf-8"))
            if not isinstance(data, dict):
                raise ValueError("not an object")
        except (ValueError, UnicodeDecodeError):
            aside = self.path.with_name(f"{self.path.name}.bad-{time.strftime('%Y%m%d-%H%M%S')}")
            try:
                self.path.rename(aside)
                self.problems.append(f"{self.path}: not valid settings; kept it as {aside.name} "
                                     "and started with defaults.")
            except OSError:
                self.problems.append(f"{self.path}: not valid settings; using defaults.")
            return
        for name, value in data.items():
            setting = BY_NAME.get(name)
            if setting is None:
                continue  # a setting from a newer or older version: ignore, keep going
            if _fits(setting, value):
                self._values[name] = setting.kind(value) if setting.kind is float else value
            else:
                self.problems.append(f"{self.path}: {name} can't be {value!r}; using "
                                     f"{setting.default!r}.")

    def get(self, name: str) -> Any:
        setting = BY_NAME[name]
        value = self._values.get(name, setting.default)
        return list(value) if isinstance(value, list) else value

    def set(self, name: str, value: Any) -> None:
        """Change and save at once; raises ValueError on a value the declaration refuses."""
        setting = BY_NAME[name]
        if not _fits(setting, value):
            raise ValueError(f"{name} can't be {value!r}")
        self._values[name] = float(value) if setting.kind is float else value
        self.save()

    def save(self) -> None:
        write_text_atomic(self.path, json.dumps(self._values, indent=2, sort_keys=True) + "\n")
