"""`selfmassage routines …`: list, show, check, import and export routine files."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from selfmassage.cli.common import library, named_file, write_refused
from selfmassage.cli.errors import EXIT_OK, EXIT_PROBLEMS, EXIT_UNREADABLE, UserError
from selfmassage.core.file_check import check_routine_bytes
from selfmassage.core.problems import has_errors
from selfmassage.core.routine import format_duration
from selfmassage.core.routine_format import RoutineFileError, routine_to_dict
from selfmassage.core.techniques import instruction_for
from selfmassage.store.files import FileRefused, read_capped
from selfmassage.store.library import MAX_ROUTINE_BYTES, TOO_BIG, LibraryError

if TYPE_CHECKING:
    from selfmassage.cli.common import Subcommands


def cmd_routines_list(args: argparse.Namespace) -> int:
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
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return EXIT_OK
    for entry in entries:
        if entry.routine is None:
            print(f"{entry.name:<40} {'—':>5} {'—':>8}  {entry.source.value:<8} can't be read: "
                  f"{entry.error or entry.problems[0]}")
            continue
        flag = "" if entry.usable else "  has errors"
        print(f"{entry.name:<40} {len(entry.routine.steps):>5} "
              f"{format_duration(entry.routine.total_seconds):>8}  {entry.source.value:<8}{flag}")
    return EXIT_OK


def cmd_routines_show(args: argparse.Namespace) -> int:
    entry = library().find(args.name)
    if entry is None:
        raise UserError(f"no routine called {args.name!r}; see `selfmassage routines list`.")
    if entry.routine is None:
        raise UserError(f"{entry.path}: {entry.error or entry.problems[0]}")
    routine = entry.routine
    if args.json:
        print(json.dumps(routine_to_dict(routine), indent=2, ensure_ascii=False))
        return EXIT_OK
    print(f"{routine.name} ({entry.source.value}) — {format_duration(routine.total_seconds)}, "
          f"{len(routine.steps)} steps, tempo {routine.tempo}/min, {routine.profile.value}")
    if routine.description:
        print(routine.description)
    for number, step in enumerate(routine.steps, start=1):
        print(f"{number:>3}. {step.stage.label:<12} {step.describe():<40} {format_duration(step.seconds)} "
              f"{step.intensity.value:<8} {instruction_for(step.technique, step.note)}")
    for problem in entry.problems:
        print(f"  {problem}")
    return EXIT_OK


def cmd_routines_validate(args: argparse.Namespace) -> int:
    worst = EXIT_OK
    for name in args.files:
        try:
            data = read_capped(named_file(name), MAX_ROUTINE_BYTES, TOO_BIG)
            # Field and rule problems together, in step order: one wrong key hides nothing after it.
            _, problems = check_routine_bytes(data, source=name)
        except RoutineFileError as exc:
            print(f"{name}: {exc}", file=sys.stderr)
            worst = EXIT_UNREADABLE
            continue
        except FileRefused as exc:  # not a plain file, or too big
            print(f"{name}: {exc.strerror}", file=sys.stderr)
            worst = EXIT_UNREADABLE
            continue
        except OSError as exc:
            print(f"{name}: can't be read: {exc.strerror}", file=sys.stderr)
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
    print(f"Imported {entry.name!r} to {entry.path}")
    return EXIT_OK


def cmd_routines_export(args: argparse.Namespace) -> int:
    try:
        path = library().export(args.name, named_file(args.file), replace=args.force)
    except LibraryError as exc:
        raise UserError(str(exc)) from None
    except OSError as exc:
        raise UserError(write_refused(args.file, exc)) from None
    print(f"Exported to {path}")
    return EXIT_OK


def add_routines_commands(commands: Subcommands) -> None:
    """`routines` and its actions, on the top-level subparsers."""
    routines = commands.add_parser("routines", help="list, show, check, import and export routines")
    routines.set_defaults(handler=lambda _args: routines.print_help() or EXIT_OK)
    sub = routines.add_subparsers(title="routine commands", metavar="ACTION")

    listing = sub.add_parser("list", help="built-in and your routines")
    listing.add_argument("--json", action="store_true", help="machine-readable output")
    listing.set_defaults(handler=cmd_routines_list)

    show = sub.add_parser("show", help="one routine, step by step")
    show.add_argument("name")
    show.add_argument("--json", action="store_true", help="the routine file as JSON")
    show.set_defaults(handler=cmd_routines_show)

    check = sub.add_parser("validate", help="check routine files against the format and the guide")
    check.add_argument("files", nargs="+", metavar="FILE")
    check.set_defaults(handler=cmd_routines_validate)

    imp = sub.add_parser("import", help="add a routine file to your routines")
    imp.add_argument("file", metavar="FILE")
    imp.add_argument("--replace", action="store_true", help="replace your routine of the same name")
    imp.set_defaults(handler=cmd_routines_import)

    exp = sub.add_parser("export", help="write a routine to a file")
    exp.add_argument("name")
    exp.add_argument("file", metavar="FILE")
    exp.add_argument("--force", action="store_true", help="replace FILE if it exists")
    exp.set_defaults(handler=cmd_routines_export)
