"""Every setting declared once, with its type, default and a line of doc; stored as JSON in the config dir.

Read and change them as typed attributes (`settings.voice`, `settings.volume = 0.5`): each change is saved
at once. A file that can't be written never raises: the value holds in memory and `on_save_problem` hears
of it (the window shows one line), the one way a failed save is reported. A bad value in the file is
reported (file and key) and its default used; a file that is not JSON at all is moved aside, never
overwritten, so nothing the user had is lost.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, Generic, NamedTuple, TypeVar, overload

from selfmassage.i18n import LANGUAGES, _, os_reason
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


def _fits(setting: Setting, value: Any) -> bool:
    if setting.kind is float and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)
    if not isinstance(value, setting.kind) or (setting.kind is int and isinstance(value, bool)):
        return False
    try:
        return bool(setting.check(value))
    except (TypeError, ValueError, AttributeError):
        return False


T = TypeVar("T")


class Declared(Generic[T]):
    """A setting on `Settings`: read it as its type, assign it to change and save it."""

    def __init__(self, kind: type[T], default: T, doc: str, check: Callable[[Any], bool] = lambda v: True
                 ) -> None:
        self._args = (kind, default, doc, check)
        self.setting: Setting

    def __set_name__(self, owner: type, name: str) -> None:
        self.setting = Setting(name, *self._args)

    @overload
    def __get__(self, settings: None, owner: type) -> Declared[T]: ...

    @overload
    def __get__(self, settings: Settings, owner: type) -> T: ...

    def __get__(self, settings: Settings | None, owner: type) -> T | Declared[T]:
        return self if settings is None else settings.get(self.setting.name)

    def __set__(self, settings: Settings, value: T) -> None:
        settings.set(self.setting.name, value)


class Settings:
    muted = Declared(bool, False, "No sound cues at all.")
    volume = Declared(float, 0.8, "Loudness of the cues, 0 to 1.", _between(0.0, 1.0))
    tempo_click = Declared(bool, True, "A soft click at the rubbing tempo.")
    voice = Declared(bool, True, "Spoken prompts: what to do, and what comes next.")
    voice_volume = Declared(float, 0.9, "Loudness of the spoken prompts, 0 to 1.", _between(0.0, 1.0))
    voice_short_routines: Declared[list[str]] = Declared(
        list, [], "Routines whose prompts name only what changed since the step before.", _names)
    sound_intro_done = Declared(bool, False, "The sound test before the first session was offered.")
    large_text = Declared(bool, False, "Bigger text everywhere.")
    high_contrast = Declared(bool, False, "Black, white and one strong colour.")
    plan = Declared(str, "preventive", "preventive, pain-relief or custom.",
                    lambda value: value in ("preventive", "pain-relief", "custom"))
    plan_per_week = Declared(int, 2, "Sessions a week on the custom plan.", _between(1, 7))
    reminders = Declared(bool, False, "A reminder on the chosen days.")
    reminder_days: Declared[list[int]] = Declared(list, [0, 3], "Reminder weekdays, 0 = Monday.", _weekdays)
    reminder_time = Declared(str, "19:00", "Reminder time, HH:MM, local.", _clock_time)
    reminder_shown = Declared(str, "", "The day the last reminder was shown (or declined), and its plan.")
    autostart = Declared(bool, False, "Start selfmassage at login, in the tray.")
    last_routine = Declared(str, "", "The routine picked last time.")
    window_geometry = Declared(str, "", "Where the window was, as Qt saved it.")
    show_movement = Declared(bool, True, "Show how the hand moves on the body map during a session.")
    reduce_motion = Declared(bool, False, "Still pictures instead of moving ones (the desktop may ask too).")
    spoken_prompts = Declared(str, "app voice", "Who says a session's prompts: app voice, screen reader "
                              "or both.", lambda value: value in ("app voice", "screen reader", "both"))
    language = Declared(str, "", "The app's language: en, ru; empty follows the system (LANGUAGE, LANG).",
                        lambda value: value in ("", *LANGUAGES))

    def __init__(self, path: Path, on_save_problem: Callable[[OSError], None] | None = None) -> None:
        self.path = path
        self.problems: list[str] = []  # one plain line each, for the user
        # Told when a change can't be written; the value holds in memory until the app ends. None: raise.
        self.on_save_problem = on_save_problem
        self.unsaved = False  # True while the file lacks a change that could not be written
        self._values: dict[str, Any] = {}
        self._load()

    def _load(self) -> None:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return
        except OSError as exc:
            self.problems.append(_("{path}: can't be read ({reason}); using defaults.").format(
                path=self.path, reason=os_reason(exc)))
            return
        try:
            data = json.loads(raw.decode("utf-8"))
            if not isinstance(data, dict):
                raise ValueError("not an object")
        except (ValueError, UnicodeDecodeError):
            aside = self.path.with_name(f"{self.path.name}.bad-{time.strftime('%Y%m%d-%H%M%S')}")
            try:
                self.path.rename(aside)
                self.problems.append(_("{path}: not valid settings; kept it as {aside} and started with "
                                       "defaults.").format(path=self.path, aside=aside.name))
            except OSError:
                self.problems.append(_("{path}: not valid settings; using defaults.").format(path=self.path))
            return
        for name, value in data.items():
            setting = BY_NAME.get(name)
            if setting is None:
                continue  # a setting from a newer or older version: ignore, keep going
            if _fits(setting, value):
                self._values[name] = setting.kind(value) if setting.kind is float else value
            else:
                self.problems.append(_("{path}: {name} can't be {value}; using {default}.").format(
                    path=self.path, name=name, value=repr(value), default=repr(setting.default)))

    def get(self, name: str) -> Any:
        setting = BY_NAME[name]
        value = self._values.get(name, setting.default)
        return list(value) if isinstance(value, list) else value

    def set(self, name: str, value: Any) -> None:
        """Change and save at once; raises ValueError on a value the declaration refuses. A file that
        can't be written goes to `on_save_problem` when there is one (the window), else up (the terminal)."""
        setting = BY_NAME[name]
        if not _fits(setting, value):
            raise ValueError(f"{name} can't be {value!r}")
        self._values[name] = float(value) if setting.kind is float else value
        try:
            self.save()
        except OSError as exc:
            self.unsaved = True
            if self.on_save_problem is None:
                raise
            self.on_save_problem(exc)
        else:
            self.unsaved = False

    def save(self) -> None:
        write_text_atomic(self.path, json.dumps(self._values, indent=2, sort_keys=True) + "\n")


DECLARED: tuple[Setting, ...] = tuple(
    value.setting for value in vars(Settings).values() if isinstance(value, Declared))
BY_NAME = {setting.name: setting for setting in DECLARED}


def stored_language(path: Path) -> str:
    """The language chosen in View ▸ Language ('' for the system's, or when the file can't tell): read
    only, changing nothing, so a command that never uses the settings never moves a damaged file aside."""
    try:
        data = json.loads(path.read_bytes().decode("utf-8"))
    except (OSError, ValueError, UnicodeDecodeError):
        return ""
    chosen = data.get("language", "") if isinstance(data, dict) else ""
    return chosen if chosen in LANGUAGES else ""
