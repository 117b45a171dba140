"""`selfmassage routines …`: list, show, check, import and export routine files."""

from __future__ import annotations

import argparse
import sys
import unicodedata

from selfmassage.cli.common import library, machine_readable, named_file, no_routine_called, write_refused
from selfmassage.cli.errors import EXIT_OK, EXIT_PROBLEMS, EXIT_UNREADABLE, UserError
from selfmassage.cli.terminal import json_text, visible
from selfmassage.core.file_check import check_routine_bytes
from selfmassage.core.problems import has_errors
from selfmassage.core.routine import format_duration
from selfmassage.core.routine_format import RoutineFileError, routine_to_dict
from selfmassage.core.techniques import Intensity, Stage, instruction_for
from selfmassage.i18n import N_, _, ngettext, os_reason
from selfmassage.store.files import FileRefused, read_capped
from selfmassage.store.library import MAX_ROUTINE_BYTES, TOO_BIG, LibraryError

# Where a routine comes from and whom it is for, as the lists say it (--json and the files keep English).
_SOURCES = {"built-in": N_("built-in"), "user": N_("user")}
_PROFILES = {"standard": N_("standard"), "pregnancy": N_("pregnancy")}


def _columns(text: str) -> int:
    """How many columns `text` takes on a terminal: a wide character (Chinese, Japanese, most emoji) two, a
    combining mark (the accent of a decomposed é or й) none, any other one."""
    return sum(0 if unicodedata.combining(char) else 2 if unicodedata.east_asian_width(char) in "WF" else 1
               for char in text)


def _pad(text: str, width: int) -> str:
    """`text` filled with spaces to `width` columns, as str.ljust would if every character took one."""
    return text + " " * max(0, width - _columns(text))


def _source(value: str) -> str:
    return _(_SOURCES[value]) if value in _SOURCES else value


def cmd_routines_list(args: argparse.Namespace) -> int:
    if args.json:
        machine_readable()
    entries = library().entries()
    if args.json:
        rows = [{
            "name": entry.name,
            "source": entry.source.value,
            "steps": len(entry.routine.steps) if entry.routine else None,
            "total_seconds": entry.routine.total_seconds if entry.routine else None,
            "stages": [stage.value for stage in entry.routine.stages] if entry.routine else [],
            "path": str(entry.path),
            "usable": entry.usable,
            "problem": entry.error or next((str(p) for p in entry.problems if p.is_error), ""),
        } for entry in entries]
        print(json_text(rows))
        return EXIT_OK
    # The name column as wide as the longest name, in the columns a terminal gives it (a Russian name is
    # longer, a Chinese one twice as wide as its letters), so the numbers after it stay in line.
    names = [visible(entry.name) for entry in entries]
    name_width = max([32, *(_columns(name) for name in names)])
    source_width = max([8, *(_columns(_source(entry.source.value)) for entry in entries)])
    for entry, name in zip(entries, names, strict=True):
        source = _pad(_source(entry.source.value), source_width)
        if entry.routine is None:
            reason = _("can't be read: {reason}").format(reason=entry.error or entry.problems[0])
            print(f"{_pad(name, name_width)} {'—':>5} {'—':>8}  {source} {reason}")
            continue
        flag = "  " + _("has errors") if not entry.usable else ""
        print(f"{_pad(name, name_width)} {len(entry.routine.steps):>5} "
              f"{format_duration(entry.routine.total_seconds):>8}  {source}{flag}".rstrip())
    return EXIT_OK


def cmd_routines_show(args: argparse.Namespace) -> int:
    if args.json:
        machine_readable()
    entry = library().find(args.name)
    if entry is None:
        raise UserError(no_routine_called(args.name))
    if entry.routine is None:
        raise UserError(f"{entry.path}: {entry.error or entry.problems[0]}")
    routine = entry.routine
    if args.json:
        print(json_text(routine_to_dict(routine)))
        return EXIT_OK
    steps = len(routine.steps)
    print(ngettext("{name} ({source}) — {length}, {n} step, tempo {tempo}/min, {profile}",
                   "{name} ({source}) — {length}, {n} steps, tempo {tempo}/min, {profile}", steps).format(
        name=visible(routine.name), source=_source(entry.source.value),
        length=format_duration(routine.total_seconds), n=steps, tempo=routine.tempo,
        profile=_(_PROFILES.get(routine.profile.value, routine.profile.value))))
    if routine.description:
        print(routine.description)
    # Columns as wide as their longest word in the language in use.
    stage_width = max(12, *(len(stage.label) for stage in Stage))
    intensity_width = max(8, *(len(intensity.label) for intensity in Intensity))
    steps_shown = [visible(step.describe()) for step in routine.steps]
    step_width = max([40, *(_columns(shown) for shown in steps_shown)])
    for number, (step, shown) in enumerate(zip(routine.steps, steps_shown, strict=True), start=1):
        print(f"{number:>3}. {step.stage.label:<{stage_width}} {_pad(shown, step_width)} "
              f"{format_duration(step.seconds)} {step.intensity.label:<{intensity_width}} "
              f"{visible(instruction_for(step.technique, step.note))}")
    for problem in entry.problems:
        print(f"  {problem}")
    return EXIT_OK


def cmd_routines_validate(args: argparse.Namespace) -> int:
    worst = EXIT_OK
    for name in args.files:
        try:
            data = read_capped(named_file(name), MAX_ROUTINE_BYTES, _(TOO_BIG))
            # Field and rule problems together, in step order: one wrong key hides nothing after it.
            _routine, problems = check_routine_bytes(data, source=name)
        except RoutineFileError as exc:
            print(f"{name}: {exc}", file=sys.stderr)
            worst = EXIT_UNREADABLE
            continue
        except FileRefused as exc:  # not a plain file, or too big
            print(f"{name}: {exc.strerror}", file=sys.stderr)
            worst = EXIT_UNREADABLE
            continue
        except OSError as exc:
            print(_("{file}: can't be read: {reason}").format(file=name, reason=os_reason(exc)),
                  file=sys.stderr)
            worst = EXIT_UNREADABLE
            continue
        except UserError as exc:
            print(f"selfmassage: {exc}", file=sys.stderr)
            worst = EXIT_UNREADABLE
            continue
        for problem in problems:
            print(f"{name}: {problem}")
        if has_errors(problems) and worst == EXIT_OK:
            worst = EXIT_PROBLEMS
    return worst


def cmd_routines_import(args: argparse.Namespace) -> int:
    try:
        entry = library().import_file(named_file(args.file), replace=args.replace)
    except LibraryError as exc:
        if not exc.problems:
            raise UserError(str(exc)) from None
        # Every problem at once, a line each as `routines validate` prints them; nothing is imported.
        for problem in exc.problems:
            print(f"selfmassage: {args.file}: {problem}", file=sys.stderr)
        return EXIT_PROBLEMS
    print(_("Imported {name} to {path}").format(name=repr(entry.name), path=entry.path))
    return EXIT_OK


def cmd_routines_export(args: argparse.Namespace) -> int:
    try:
        path = library().export(args.name, named_file(args.file), replace=args.force)
    except LibraryError as exc:
        raise UserError(str(exc)) from None
    except OSError as exc:
        raise UserError(write_refused(args.file, exc)) from None
    print(_("Exported to {path}").format(path=path))
    return EXIT_OK
