"""`selfmassage history …`: your sessions one line each, and the CSV backup out and back in."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from typing import TYPE_CHECKING

from selfmassage.cli import common
from selfmassage.cli.common import load_settings, named_file, open_history, plan_of, write_refused
from selfmassage.cli.errors import EXIT_OK, EXIT_PROBLEMS, EXIT_UNREADABLE, UserError
from selfmassage.cli.terminal import visible
from selfmassage.core.plan import follow_course
from selfmassage.core.routine import format_duration
from selfmassage.store.history import HistoryError
from selfmassage.store.history_csv import CsvImportError, export_csv, import_csv
from selfmassage.store.history_rows import SessionRow

if TYPE_CHECKING:
    from selfmassage.cli.common import Subcommands


def _session_line(session: SessionRow, during_rest: bool) -> str:
    parts = [f"{session.started_at:%Y-%m-%d %H:%M}  {session.status:<11} "
             f"{format_duration(round(session.active_seconds)):>8}  {visible(session.routine_name)}"]
    if session.feeling is not None:
        parts.append(f"feeling {session.feeling}/5")
    if session.symptoms:
        parts.append(visible(", ".join(session.symptoms)))
    if session.note:
        parts.append(f"“{visible(session.note)}”")
    if during_rest:
        parts.append("during the rest")
    return " · ".join(parts)


def cmd_history_list(args: argparse.Namespace) -> int:
    since = None
    if args.since:
        try:
            since = date.fromisoformat(args.since)
        except ValueError:
            raise UserError(f"--since must be a date like 2026-09-01, not {args.since!r}.") from None
    plan = plan_of(load_settings())
    with open_history() as history:
        today = common.now().date()
        course = follow_course(history.day_counts(last=today), today) if plan.has_course else None
        sessions = history.sessions(since)
    rows = [(session, course is not None and session.counted and course.in_rest(session.local_day))
            for session in sessions]
    if args.json:
        print(json.dumps([{
            "id": session.id, "routine": session.routine_name,
            "started_at": session.started_at.isoformat(timespec="seconds"),
            "ended_at": session.ended_at.isoformat(timespec="seconds") if session.ended_at else None,
            "status": session.status, "active_seconds": round(session.active_seconds, 1),
            "feeling": session.feeling, "symptoms": list(session.symptoms), "note": session.note,
            "during_rest": rest,
        } for session, rest in rows], indent=2, ensure_ascii=False))
        return EXIT_OK
    if not rows:
        print("No sessions yet." if since is None else f"No sessions since {since.isoformat()}.")
    for session, rest in rows:
        print(_session_line(session, rest))
    return EXIT_OK


def cmd_history_export(args: argparse.Namespace) -> int:
    with open_history() as history:
        try:
            count = export_csv(history, named_file(args.file), replace=args.force)
        except OSError as exc:
            raise UserError(write_refused(args.file, exc)) from None
    print(f"Exported {count} {'session' if count == 1 else 'sessions'} to {args.file}")
    return EXIT_OK


def cmd_history_import(args: argparse.Namespace) -> int:
    path = named_file(args.file)
    with open_history() as history:
        try:
            result = import_csv(history, path)
        except OSError as exc:
            raise UserError(f"{args.file}: can't be read: {exc.strerror}", EXIT_UNREADABLE) from None
        except HistoryError as exc:
            raise UserError(str(exc)) from None
        except CsvImportError as exc:
            for problem in exc.problems:
                print(f"{args.file}: {problem}", file=sys.stderr)
            if exc.unreadable:
                return EXIT_UNREADABLE
            print(f"selfmassage: nothing was imported; fix the {len(exc.problems)} "
                  f"{'row' if len(exc.problems) == 1 else 'rows'} above and try again.", file=sys.stderr)
            return EXIT_PROBLEMS
    print(f"Imported {result.added} {'session' if result.added == 1 else 'sessions'}"
          + (f"; {result.skipped} already there." if result.skipped else "."))
    return EXIT_OK


def add_history_commands(commands: Subcommands) -> None:
    history = commands.add_parser("history", help="your sessions, one line each; export and import CSV")
    history.add_argument("--json", action="store_true", help="machine-readable output")
    history.add_argument("--since", metavar="DATE", help="only sessions on or after this date (YYYY-MM-DD)")
    history.set_defaults(handler=cmd_history_list)
    hsub = history.add_subparsers(title="history commands", metavar="ACTION")
    hexp = hsub.add_parser("export", help="write your history to a CSV file")
    hexp.add_argument("file", metavar="FILE.csv")
    hexp.add_argument("--force", action="store_true", help="replace FILE.csv if it exists")
    hexp.set_defaults(handler=cmd_history_export)
    himp = hsub.add_parser("import", help="add sessions from a CSV file (the ones already there are skipped)")
    himp.add_argument("file", metavar="FILE.csv")
    himp.set_defaults(handler=cmd_history_import)
