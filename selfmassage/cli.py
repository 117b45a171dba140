"""The command line: `selfmassage` opens the window; subcommands script everything else.

Nothing here imports Qt: the GUI module is imported only when the window is wanted.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from selfmassage import __version__

if TYPE_CHECKING:
    import argparse

EXIT_OK, EXIT_PROBLEMS, EXIT_UNREADABLE = 0, 1, 2


class UserError(Exception):
    """One line for stderr, and the exit code to leave with."""

    def __init__(self, message: str, code: int = EXIT_PROBLEMS) -> None:
        super().__init__(message)
        self.code = code


def _library() -> Any:
    from selfmassage.resources import assets_dir
    from selfmassage.store.library import RoutineLibrary
    from selfmassage.store.paths import routines_dir

    builtin = assets_dir() / "routines"
    return RoutineLibrary(routines_dir(), builtin if builtin.is_dir() else None)


def _usable_routine(name: str) -> Any:
    entry = _library().find(name)
    if entry is None:
        raise UserError(f"no routine called {name!r}; see `selfmassage routines list`.")
    if entry.routine is None:
        raise UserError(f"{entry.path}: {entry.error or entry.problems[0]}")
    if not entry.usable:
        first = next(problem for problem in entry.problems if problem.is_error)
        raise UserError(f"{entry.path}: {first}")
    return entry.routine


def cmd_routines_list(args: argparse.Namespace) -> int:
    from selfmassage.core.routine import format_duration

    entries = _library().entries()
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
    from selfmassage.core.routine import format_duration
    from selfmassage.core.routine_format import routine_to_dict
    from selfmassage.core.techniques import instruction_for

    entry = _library().find(args.name)
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
    from selfmassage.core.problems import has_errors
    from selfmassage.core.routine_format import RoutineFileError, loads_routine
    from selfmassage.core.rules import validate

    worst = EXIT_OK
    for name in args.files:
        path = Path(name)
        try:
            if path.is_file() and path.stat().st_size > 1024 * 1024:
                raise RoutineFileError("the file is over 1 MiB; a routine file may be at most 1 MiB")
            routine, problems = loads_routine(path.read_bytes(), source=name)
        except RoutineFileError as exc:
            print(f"{name}: {exc}", file=sys.stderr)
            worst = EXIT_UNREADABLE
            continue
        except OSError as exc:
            print(f"{name}: can't be read: {exc.strerror}", file=sys.stderr)
            worst = EXIT_UNREADABLE
            continue
        if routine is not None:
            problems = validate(routine)
        for problem in problems:
            print(f"{name}: {problem}")
        if has_errors(problems) and worst == EXIT_OK:
            worst = EXIT_PROBLEMS
    return worst


def cmd_routines_import(args: argparse.Namespace) -> int:
    from selfmassage.store.library import LibraryError

    try:
        entry = _library().import_file(Path(args.file), replace=args.replace)
    except LibraryError as exc:
        raise UserError(str(exc)) from None
    print(f"Imported {entry.name!r} to {entry.path}")
    return EXIT_OK


def cmd_routines_export(args: argparse.Namespace) -> int:
    from selfmassage.store.library import LibraryError

    try:
        path = _library().export(args.name, Path(args.file))
    except LibraryError as exc:
        raise UserError(str(exc)) from None
    except OSError as exc:
        raise UserError(f"{args.file}: can't be written: {exc.strerror}") from None
    print(f"Exported to {path}")
    return EXIT_OK


def cmd_run(args: argparse.Namespace) -> int:
    from selfmassage.core.events import SessionStatus
    from selfmassage.runner import run_in_terminal
    from selfmassage.sound.player import make_player
    from selfmassage.sound.voice import PromptStyle
    from selfmassage.store.paths import settings_path
    from selfmassage.store.settings import Settings

    if not 0 < args.speed <= 1000:
        raise UserError("--speed must be above 0 and at most 1000.")
    routine = _usable_routine(args.name)
    settings = Settings(settings_path())
    for problem in settings.problems:
        print(f"selfmassage: {problem}", file=sys.stderr)
    history = None
    if not args.no_history:
        try:
            history = _open_history()
        except UserError as exc:  # the session still runs; it just isn't kept
            print(f"selfmassage: {exc} This session won't be saved.", file=sys.stderr)
        if history is not None and history.read_only:  # its notice said so, once
            history.close()
            history = None

    def attach(engine: Any) -> None:
        from selfmassage.store.recorder import SessionRecorder

        if history is not None:
            SessionRecorder(history, engine, wall_clock=_now,
                            on_problem=lambda line: print(f"selfmassage: {line}", file=sys.stderr))

    player = make_player(settings.get("muted") or args.mute, settings.get("volume"),
                         on_problem=lambda message: print(message, file=sys.stderr),
                         voice_volume=settings.get("voice_volume"))
    try:
        engine = run_in_terminal(
            routine, speed=args.speed, player=player, tempo_click=settings.get("tempo_click"),
            voice=settings.get("voice") and not args.no_voice,
            voice_style=PromptStyle.for_routine(routine.name, settings.get("voice_short_routines")),
            attach=attach)
        player.wait_idle(3.0)  # let the last cue finish before the process ends
    finally:
        player.close()
        if history is not None:
            history.close()
    return EXIT_OK if engine.status is SessionStatus.COMPLETED else 130


# -- history, stats and the plan ---------------------------------------------------------------------


def _now() -> Any:
    """The wall clock in local time; tests replace it."""
    from datetime import datetime

    return datetime.now().astimezone()


def _open_history() -> Any:
    from selfmassage.store.history import History, HistoryError
    from selfmassage.store.paths import history_path

    try:
        history = History.open(history_path())
    except HistoryError as exc:
        raise UserError(str(exc)) from None
    if history.notice:
        print(f"selfmassage: {history.notice}", file=sys.stderr)
    return history


def _settings() -> Any:
    from selfmassage.store.paths import settings_path
    from selfmassage.store.settings import Settings

    settings = Settings(settings_path())
    for problem in settings.problems:
        print(f"selfmassage: {problem}", file=sys.stderr)
    return settings


def _plan(settings: Any) -> Any:
    from selfmassage.core.plan import plan_from_settings

    return plan_from_settings(settings.get("plan"), settings.get("plan_per_week"))


def _session_line(session: Any, during_rest: bool) -> str:
    from selfmassage.core.routine import format_duration

    parts = [f"{session.started_at:%Y-%m-%d %H:%M}  {session.status:<11} "
             f"{format_duration(round(session.active_seconds)):>8}  {session.routine_name}"]
    if session.feeling is not None:
        parts.append(f"feeling {session.feeling}/5")
    if session.symptoms:
        parts.append(", ".join(session.symptoms))
    if session.note:
        parts.append(repr(session.note) if "\n" in session.note else f"“{session.note}”")
    if during_rest:
        parts.append("during the rest")
    return " · ".join(parts)


def cmd_history_list(args: argparse.Namespace) -> int:
    from datetime import date

    from selfmassage.core.plan import follow_course

    since = None
    if args.since:
        try:
            since = date.fromisoformat(args.since)
        except ValueError:
            raise UserError(f"--since must be a date like 2026-09-01, not {args.since!r}.") from None
    plan = _plan(_settings())
    with _open_history() as history:
        today = _now().date()
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
    from selfmassage.store.history_csv import export_csv

    with _open_history() as history:
        try:
            count = export_csv(history, Path(args.file))
        except OSError as exc:
            raise UserError(f"{args.file}: can't be written: {exc.strerror}") from None
    print(f"Exported {count} {'session' if count == 1 else 'sessions'} to {args.file}")
    return EXIT_OK


def cmd_history_import(args: argparse.Namespace) -> int:
    from selfmassage.store.history_csv import CsvImportError, import_csv

    path = Path(args.file)
    with _open_history() as history:
        try:
            result = import_csv(history, path)
        except OSError as exc:
            raise UserError(f"{args.file}: can't be read: {exc.strerror}", EXIT_UNREADABLE) from None
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


def cmd_stats(args: argparse.Namespace) -> int:
    from selfmassage.core.stats import MAX_WEEKS, compute_stats

    if not 1 <= args.weeks <= MAX_WEEKS:
        raise UserError(f"--weeks must be from 1 to {MAX_WEEKS}.")
    plan = _plan(_settings())
    with _open_history() as history:
        stats = compute_stats(history, plan, _now(), args.weeks)
    if args.json:
        print(json.dumps(stats.to_json(), indent=2, ensure_ascii=False))
        return EXIT_OK
    print(f"Plan: {plan.title.lower()}. {plan.describe()}")
    print(f"{'week':<10} {'monday':<10} {'sessions':>8} {'minutes':>8}  status")
    for week in stats.weeks:
        mark = "   this week" if week.this_week else ""
        print(f"{week.week:<10} {week.monday.isoformat():<10} {week.sessions:>8} {week.minutes:>8.1f}  "
              f"{week.status.value}{mark}")
    if stats.course is not None:
        print(stats.course.summary())
    for warning in stats.warnings:
        print(f"Warning: {warning.message}")
    return EXIT_OK


def cmd_plan(args: argparse.Namespace) -> int:
    from selfmassage.core.plan import PlanKind, parse_plan

    settings = _settings()
    if args.plan is not None:
        try:
            plan = parse_plan(args.plan)
        except ValueError as exc:
            raise UserError(str(exc)) from None
        settings.set("plan", plan.kind.value)
        if plan.kind is PlanKind.CUSTOM:
            settings.set("plan_per_week", plan.per_week)
        print(f"Your plan is now {plan.title.lower()}: {plan.describe()}")
        return EXIT_OK
    plan = _plan(settings)
    print(f"Your plan: {plan.title.lower()}. {plan.describe()}")
    print("Change it with `selfmassage plan preventive`, `plan pain-relief` or `plan N` (sessions a week).")
    return EXIT_OK


def cmd_install_desktop(_args: argparse.Namespace) -> int:
    from selfmassage.store.menu_entry import entry_path, install_menu_entry

    written = install_menu_entry()
    print(f"selfmassage is in your applications menu: {entry_path()}, "
          f"and its icon in {written[0].parents[2]}.")
    return EXIT_OK


def cmd_uninstall_desktop(_args: argparse.Namespace) -> int:
    from selfmassage.store.menu_entry import uninstall_menu_entry

    removed = uninstall_menu_entry()
    if not removed:
        print("selfmassage was not in your applications menu; nothing to remove.")
    for path in removed:
        print(f"removed {path}")
    return EXIT_OK


def cmd_gui(args: argparse.Namespace) -> int:
    from selfmassage.qt.app import run_app

    return run_app(in_tray=bool(getattr(args, "tray", False)))


def build_parser() -> argparse.ArgumentParser:
    import argparse

    parser = argparse.ArgumentParser(
        prog="selfmassage",
        description="A guided self-massage at home. With no command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"selfmassage {__version__}")
    parser.add_argument("--tray", action="store_true",
                        help="open in the tray, the window hidden, as at login (shown if there is no tray)")
    parser.add_argument("--install-desktop", dest="handler", action="store_const", const=cmd_install_desktop,
                        help="add selfmassage and its icon to your applications menu")
    parser.add_argument("--uninstall-desktop", dest="handler", action="store_const",
                        const=cmd_uninstall_desktop, help="remove it from the menu again")
    parser.set_defaults(handler=cmd_gui)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

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
    exp.set_defaults(handler=cmd_routines_export)

    run = commands.add_parser("run", help="a guided session in the terminal")
    run.add_argument("name", help="the routine's name (see `routines list`)")
    run.add_argument("--speed", type=float, default=1.0, help="faster preview, e.g. 10 (default 1)")
    run.add_argument("--mute", action="store_true", help="no sound cues this time")
    run.add_argument("--no-voice", action="store_true", help="no spoken prompts this time")
    run.add_argument("--no-history", action="store_true", help="don't keep this session (for previews)")
    run.set_defaults(handler=cmd_run)

    history = commands.add_parser("history", help="your sessions, one line each; export and import CSV")
    history.add_argument("--json", action="store_true", help="machine-readable output")
    history.add_argument("--since", metavar="DATE", help="only sessions on or after this date (YYYY-MM-DD)")
    history.set_defaults(handler=cmd_history_list)
    hsub = history.add_subparsers(title="history commands", metavar="ACTION")
    hexp = hsub.add_parser("export", help="write your history to a CSV file")
    hexp.add_argument("file", metavar="FILE.csv")
    hexp.set_defaults(handler=cmd_history_export)
    himp = hsub.add_parser("import", help="add sessions from a CSV file (the ones already there are skipped)")
    himp.add_argument("file", metavar="FILE.csv")
    himp.set_defaults(handler=cmd_history_import)

    stats = commands.add_parser("stats", help="sessions per week against your plan; the course; warnings")
    stats.add_argument("--weeks", type=int, default=12, help="how many weeks, up to this one (default 12)")
    stats.add_argument("--json", action="store_true", help="machine-readable output")
    stats.set_defaults(handler=cmd_stats)

    plan = commands.add_parser("plan", help="show or set how often you mean to massage")
    plan.add_argument("plan", nargs="?", metavar="preventive|pain-relief|N",
                      help="preventive (1–2 a week), pain-relief (every other day) or N sessions a week")
    plan.set_defaults(handler=cmd_plan)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if not argv:  # the window: straight to it, without building the commands' parser first
        from selfmassage.qt.app import run_app

        return _guarded(run_app)
    args = build_parser().parse_args(argv)
    return _guarded(lambda: args.handler(args))


def _guarded(command: Callable[[], int]) -> int:
    """Run a command; a problem the user can act on ends in one line on stderr and an exit code."""
    try:
        return int(command())
    except UserError as exc:
        print(f"selfmassage: {exc}", file=sys.stderr)
        return exc.code
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"selfmassage: {where}{exc.strerror or exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        if "selfmassage.store.history" not in sys.modules:
            raise
        from selfmassage.store.history import is_damaged

        if not is_damaged(exc):
            raise
        return _repair_history()


def _repair_history() -> int:
    """The history turned out damaged inside: keep the file, start afresh with every row still readable."""
    from selfmassage.store.history import History, HistoryError
    from selfmassage.store.paths import history_path

    try:
        aside, sessions = History.repair(history_path())
    except HistoryError as exc:
        print(f"selfmassage: your history file is damaged, and {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"selfmassage: your history file was damaged. A new one holds the {sessions} "
          f"{'session' if sessions == 1 else 'sessions'} that could still be read; the damaged file is kept "
          f"at {aside}. Run the command again.", file=sys.stderr)
    return EXIT_PROBLEMS
