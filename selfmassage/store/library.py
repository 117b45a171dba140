"""The routines a person can pick: the built-in ones shipped in assets, and their own in the data dir.

A routine file that is broken never hides the others: it is listed with its problems and no routine.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path

from selfmassage.core.file_check import check_routine_bytes
from selfmassage.core.problems import Problem, has_errors
from selfmassage.core.routine import Routine, name_key
from selfmassage.core.routine_format import (
    RoutineFileError,
    dumps_routine,
    parse_routine,
    routine_to_dict,
)
from selfmassage.core.rules import validate
from selfmassage.i18n import N_, _, os_reason
from selfmassage.store.atomic import write_text_atomic
from selfmassage.store.files import read_capped, write_export

ROUTINE_SUFFIX = ".json"
MAX_ROUTINE_BYTES = 1024 * 1024
TOO_BIG = N_("the file is over 1 MiB; a routine file may be at most 1 MiB")  # shown as _(TOO_BIG)
# Names Windows refuses as file names; a routine file may be copied there.
_RESERVED = {"con", "prn", "aux", "nul", *(f"{port}{i}" for port in ("com", "lpt") for i in range(1, 10))}


class Source(StrEnum):
    BUILTIN = "built-in"
    USER = "user"


class LibraryError(Exception):
    """A plain sentence for the user: what went wrong and what to do.

    For a file that can't be imported, `problems` holds every problem in it, in step order.
    """

    def __init__(self, message: str, problems: list[Problem] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or []


@dataclass(frozen=True)
class RoutineEntry:
    name: str  # the routine's name, or the file's stem when it can't be read
    source: Source
    path: Path
    routine: Routine | None
    problems: list[Problem] = field(default_factory=list)  # field problems, or rule problems
    error: str = ""  # why the file can't be read at all, shown after "can't be read: "

    @property
    def usable(self) -> bool:
        """Can be run: it loaded and no rule says it is an error."""
        return self.routine is not None and not has_errors(self.problems)


def read_routine_file(path: Path, source: Source = Source.USER) -> RoutineEntry:
    """Load and check one file; never raises on its content."""
    try:
        # Only a plain file, read once and at most 1 MiB: a pipe or a link to /dev/zero in the folder
        # is listed as unreadable and never blocks the others.
        data = read_capped(path, MAX_ROUTINE_BYTES, _(TOO_BIG))
        routine, problems = check_routine_bytes(data, source=str(path))
    except RoutineFileError as exc:
        return RoutineEntry(path.stem, source, path, None, error=str(exc))
    except OSError as exc:
        return RoutineEntry(path.stem, source, path, None, error=os_reason(exc))
    if routine is None:
        return RoutineEntry(path.stem, source, path, None, problems)
    if source is Source.BUILTIN:
        routine = in_language(routine)
    return RoutineEntry(routine.name, source, path, routine, problems)


def in_language(routine: Routine) -> Routine:
    """A built-in routine's name, description and notes in the language in use (the file stays English;
    a step's area is translated where it is shown, as the body map and the voice read the English)."""
    steps = tuple(replace(step, note=_(step.note)) if step.note else step for step in routine.steps)
    return replace(routine, name=_(routine.name), description=_(routine.description) if routine.description
                   else "", steps=steps)


def shown_name(name: str, limit: int = 60) -> str:
    """A routine's name for a one-line message: quoted, escapes visible, a long one cut short."""
    return repr(name if len(name) <= limit else name[: limit - 1] + "…")


def safe_file_stem(name: str) -> str:
    """A file name that stays inside the routines folder on any system, whatever the routine is called."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower()
    stem = re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:60].strip("-") or "routine"
    if stem.split(".")[0] in _RESERVED:
        stem = f"{stem}-routine"
    return stem


class RoutineLibrary:
    def __init__(self, user_dir: Path, builtin_dir: Path | None) -> None:
        self.user_dir = user_dir
        self.builtin_dir = builtin_dir

    def entries(self) -> list[RoutineEntry]:
        """Built-in routines first, then the user's, each group by name."""
        found: list[RoutineEntry] = []
        for folder, source in ((self.builtin_dir, Source.BUILTIN), (self.user_dir, Source.USER)):
            if folder is None or not folder.is_dir():
                continue
            group = [read_routine_file(path, source) for path in sorted(folder.glob(f"*{ROUTINE_SUFFIX}"))]
            found.extend(sorted(group, key=lambda entry: name_key(entry.name)))
        return found

    def find(self, name: str, entries: list[RoutineEntry] | None = None) -> RoutineEntry | None:
        """By routine name (case-insensitive), else by file stem; built-ins win a tie."""
        entries = self.entries() if entries is None else entries
        # A built-in routine answers to its English name too: scripts keep working in any language.
        wanted = name_key(name)
        translated = name_key(_(name.strip()))
        for entry in entries:
            if entry.source is Source.BUILTIN and name_key(entry.name) == translated:
                return entry
            if name_key(entry.name) == wanted:
                return entry
        for entry in entries:
            if name_key(entry.path.stem) == wanted:
                return entry
        return None

    def save(self, routine: Routine, *, replace: bool = False, old_name: str | None = None) -> Path:
        """Write a user routine atomically; refuses errors, built-in names, and clashes unless `replace`.

        `old_name` is the name it had before (a rename in the editor): its file is replaced, not kept.
        """
        # The file must load again: a name the format refuses (empty, over 80 characters, a line break)
        # would otherwise be written and then listed as unreadable, and the routine lost.
        _parsed, field_problems = parse_routine(routine_to_dict(routine))
        problems = field_problems or validate(routine)
        if has_errors(problems):
            first = next(problem for problem in problems if problem.is_error)
            raise LibraryError(_("{name} has errors and can't be saved: {problem}").format(
                name=shown_name(routine.name), problem=first))
        entries = self.entries()
        clash = self.find(routine.name, entries)
        if clash is not None and name_key(clash.name) == name_key(routine.name):
            if clash.source is Source.BUILTIN:
                raise LibraryError(_("{name} is a built-in routine; give yours another name.").format(
                    name=shown_name(routine.name)))
            renaming_onto_itself = old_name is not None and name_key(old_name) == name_key(clash.name)
            if not replace and not renaming_onto_itself:
                raise LibraryError(_("a routine called {name} exists; choose another name or replace "
                                     "it.").format(name=shown_name(routine.name)))
            target = clash.path
        else:
            target = self._free_path(routine.name)
        try:
            write_text_atomic(target, dumps_routine(routine))
        except OSError as exc:  # read-only, full, no rights: the folder's files are as they were
            raise LibraryError(_("your routine can't be saved in {folder} ({reason}).").format(
                folder=self.user_dir, reason=os_reason(exc))) from None
        if old_name is not None and name_key(old_name) != name_key(routine.name):
            previous = self.find(old_name, entries)
            if previous is not None and previous.source is Source.USER and previous.path != target:
                previous.path.unlink(missing_ok=True)
        return target

    def _free_path(self, name: str) -> Path:
        stem = safe_file_stem(name)
        path = self.user_dir / f"{stem}{ROUTINE_SUFFIX}"
        number = 2
        while path.exists():
            path = self.user_dir / f"{stem}-{number}{ROUTINE_SUFFIX}"
            number += 1
        return path

    def import_file(self, path: Path, *, replace: bool = False) -> RoutineEntry:
        entry = read_routine_file(path)
        if entry.error:
            raise LibraryError(f"{path}: {entry.error}")
        if entry.routine is None or has_errors(entry.problems):
            first = next(problem for problem in entry.problems if problem.is_error)
            raise LibraryError(f"{path}: {first}", entry.problems)
        try:
            target = self.save(entry.routine, replace=replace)
        except LibraryError as exc:
            raise LibraryError(f"{path}: {exc}") from None
        return read_routine_file(target)

    def export(self, name: str, destination: Path, *, replace: bool = True) -> Path:
        """Write the routine as a new file; an existing plain file only with `replace` (the window's save
        dialog has asked). Never into a pipe, a device or a folder (OSError)."""
        entry = self.find(name)
        if entry is None or entry.routine is None:
            raise LibraryError(_("no routine called {name} can be exported.").format(name=repr(name)))
        write_export(destination, dumps_routine(entry.routine).encode("utf-8"), replace=replace)
        return destination

    def delete(self, name: str) -> None:
        entry = self.find(name)
        if entry is None:
            raise LibraryError(_("no routine called {name}.").format(name=repr(name)))
        if entry.source is Source.BUILTIN:
            raise LibraryError(_("{name} is built in and can't be deleted.").format(name=repr(entry.name)))
        entry.path.unlink(missing_ok=True)
