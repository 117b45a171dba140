"""`selfmassage history …`: your sessions one line each, and the CSV backup out and back in."""

from __future__ import annotations

import argparse
import sys
from datetime import date

from selfmassage.cli import common
from selfmassage.cli.common import load_settings, named_file, open_history, plan_of, write_refused
from selfmassage.cli.errors import EXIT_OK, EXIT_PROBLEMS, EXIT_UNREADABLE, UserError
from selfmassage.cli.terminal import json_text, visible
from selfmassage.core.plan import follow_course
from selfmassage.core.routine import format_duration
from selfmassage.i18n import N_, _, ngettext, os_reason
from selfmassage.store.history import HistoryError
from selfmassage.store.history_csv import CsvImportError, export_csv, import_csv
from selfmassage.store.history_rows import SessionRow

# How a session ended, and the signs a check-in noted, as the list shows them (the CSV and --json keep the
# stored English words).
_STATUS = {"running": N_("running"), "completed": N_("completed"), "stopped": N_("stopped"),
           "interrupted": N_("interrupted")}
_SYMPTOMS = {"pain": N_("pain"), "headache": N_("headache"), "dizziness": N_("dizziness"),
             "nausea": N_("nausea"), "fatigue": N_("fatigue"), "body aches": N_("body aches"),
             "drowsiness": N_("drowsiness")}


def _word(words: dict[str, str], value: str) -> str:
    return _(words[value]) if value in words else value


def _session_line(session: SessionRow, during_rest: bool) -> str:
    status = _word(_STATUS, session.status)
    parts = [f"{session.started_at:%Y-%m-%d %H:%M}  {status:<11} "
             f"{format_duration(round(session.active_seconds)):>8}  {visible(session.routine_shown)}"]
    if session.feeling is not None:
        parts.append(_("feeling {feeling}/5").format(feeling=session.feeling))
    if session.symptoms:
        parts.append(visible(", ".join(_word(_SYMPTOMS, symptom) for symptom in session.symptoms)))
    if session.note:
        parts.append(_("“{note}”").format(note=visible(session.note)))
    if during_rest:
        parts.append(_("during the rest"))
    return " · ".join(parts)


def cmd_history_list(args: argparse.Namespace) -> int:
    if args.json:
        common.machine_readable()
    since = None
    if args.since:
        try:
            since = date.fromisoformat(args.since)
        except ValueError:
            raise UserError(_("--since must be a date like 2026-09-01, not {value}.").format(
                value=repr(args.since))) from None
    plan = plan_of(load_settings())
    with open_history() as history:
        today = common.now().date()
        course = follow_course(history.day_counts(last=today), today) if plan.has_course else None
        sessions = history.sessions(since)
    rows = [(session, course is not None and session.counted and course.in_rest(session.local_day))
            for session in sessions]
    if args.json:
        print(json_text([{
            "id": session.id, "routine": session.routine_shown,
            "started_at": session.started_at.isoformat(timespec="seconds"),
            "ended_at": session.ended_at.isoformat(timespec="seconds") if session.ended_at else None,
            "status": session.status, "active_seconds": round(session.active_seconds, 1),
            "feeling": session.feeling, "symptoms": list(session.symptoms), "note": session.note,
            "during_rest": rest,
        } for session, rest in rows]))
        return EXIT_OK
    if not rows:
        print(_("No sessions yet.") if since is None else _("No sessions since {day}.").format(
            day=since.isoformat()))
    for session, rest in rows:
        print(_session_line(session, rest))
    return EXIT_OK


def cmd_history_export(args: argparse.Namespace) -> int:
    with open_history() as history:
        try:
            count = export_csv(history, named_file(args.file), replace=args.force)
        except OSError as exc:
            raise UserError(write_refused(args.file, exc)) from None
    print(ngettext("Exported {n} session to {file}", "Exported {n} sessions to {file}", count).format(
        n=count, file=args.file))
    return EXIT_OK


def cmd_history_import(args: argparse.Namespace) -> int:
    path = named_file(args.file)
    with open_history() as history:
        try:
            result = import_csv(history, path)
        except OSError as exc:
            line = _("{file}: can't be read: {reason}").format(file=args.file, reason=os_reason(exc))
            raise UserError(line, EXIT_UNREADABLE) from None
        except HistoryError as exc:
            raise UserError(str(exc)) from None
        except CsvImportError as exc:
            for problem in exc.problems:
                print(f"{args.file}: {problem}", file=sys.stderr)
            if exc.unreadable:
                return EXIT_UNREADABLE
            count = len(exc.problems)
            print("selfmassage: " + ngettext("nothing was imported; fix the {n} row above and try again.",
                                             "nothing was imported; fix the {n} rows above and try again.",
                                             count).format(n=count), file=sys.stderr)
            return EXIT_PROBLEMS
    if result.skipped:
        print(ngettext("Imported {n} session; {skipped} already there.",
                       "Imported {n} sessions; {skipped} already there.", result.added).format(
            n=result.added, skipped=result.skipped))
    else:
        print(ngettext("Imported {n} session.", "Imported {n} sessions.", result.added).format(
            n=result.added))
    return EXIT_OK
