"""The commands' parser: every command's arguments, declared here without importing the commands.

A command's module (and what it needs: the run command's sound, the routines' rules) is imported only when
that command runs, so `selfmassage stats` pays for the history and the plan and nothing else. Each
command's handler is named as "module:function" and looked up by `handler_of`.
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Callable

from selfmassage import __version__
from selfmassage.cli.errors import EXIT_OK
from selfmassage.i18n import N_, _, ngettext

# What each command group adds its commands to.
Subcommands = argparse._SubParsersAction  # type: ignore[type-arg]
Handler = Callable[[argparse.Namespace], int]

# argparse's own words ("usage:", "options", its error lines) come through Python's gettext with no catalogue
# of Python's behind them, so they would stay English. They are in ours instead (Python 3.11 to 3.13 say
# these; its one plural, "expected %s arguments", is for a fixed count of arguments, which no command
# takes), and argparse is pointed at ours when the commands' parser is built.
ARGPARSE_WORDS = (
    N_("usage: "), N_("options"), N_("positional arguments"), N_("subcommands"), N_("%(heading)s:"),
    N_("show this help message and exit"), N_("show program's version number and exit"),
    N_(" (default: %(default)s)"), N_("%(prog)s: error: %(message)s\n"),
    N_("%(prog)s: warning: %(message)s\n"), N_("argument %(argument_name)s: %(message)s"),
    N_("the following arguments are required: %s"), N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"), N_("invalid %(type)s value: %(value)r"),
    N_("expected one argument"), N_("expected at least one argument"), N_("expected at most one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"), N_("not allowed with argument %s"),
    N_("one of the arguments %s is required"), N_("ignored explicit argument %r"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"), N_("can't open '%(filename)s': %(error)s"),
    N_("option '%(option)s' is deprecated"), N_("argument '%(argument_name)s' is deprecated"),
    N_("command '%(parser_name)s' is deprecated"),
)


def cmd_gui(args: argparse.Namespace) -> int:
    from selfmassage.qt.app import run_app  # Qt only when the window is wanted

    return run_app(in_tray=bool(getattr(args, "tray", False)))


def speak_our_language() -> None:
    """argparse looks its words up through its module's `_` and `ngettext` when it prints: point them at
    the app's catalogue (English words it has no translation for come back as they are)."""
    argparse._ = _  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]


def handler_of(args: argparse.Namespace) -> Handler:
    """The function that runs the parsed command, its module imported now."""
    handler: str | Handler = args.handler
    if callable(handler):
        return handler
    module, _colon, name = handler.partition(":")
    function: Handler = getattr(importlib.import_module(f"selfmassage.cli.{module}"), name)
    return function


def build_parser() -> argparse.ArgumentParser:
    speak_our_language()
    about = _("A guided self-massage at home. With no command, opens the window.")
    parser = argparse.ArgumentParser(prog="selfmassage", description=about)
    parser.add_argument("--version", action="version", version=f"selfmassage {__version__}",
                        help=_("show the version and exit"))
    parser.add_argument("--tray", action="store_true",
                        help=_("open in the tray, the window hidden, as at login (shown if there is no "
                               "tray)"))
    parser.add_argument("--install-desktop", dest="handler", action="store_const",
                        const="desktop:cmd_install_desktop",
                        help=_("add selfmassage and its icon to your applications menu"))
    parser.add_argument("--uninstall-desktop", dest="handler", action="store_const",
                        const="desktop:cmd_uninstall_desktop", help=_("remove it from the menu again"))
    parser.set_defaults(handler=cmd_gui)
    commands = parser.add_subparsers(title=_("commands"), metavar=_("COMMAND"))
    add_routines_commands(commands)
    add_run_command(commands)
    add_history_commands(commands)
    add_plan_commands(commands)
    return parser


def add_routines_commands(commands: Subcommands) -> None:
    """`routines` and its actions, on the top-level subparsers."""
    about = _("list, show, check, import and export routines")
    routines = commands.add_parser("routines", help=about, description=about)
    routines.set_defaults(handler=lambda _args: routines.print_help() or EXIT_OK)
    sub = routines.add_subparsers(title=_("routine commands"), metavar=_("ACTION"))

    about = _("built-in and your routines")
    listing = sub.add_parser("list", help=about, description=about)
    listing.add_argument("--json", action="store_true", help=_("machine-readable output"))
    listing.set_defaults(handler="routines:cmd_routines_list")

    about = _("one routine, step by step")
    show = sub.add_parser("show", help=about, description=about)
    show.add_argument("name", metavar=_("NAME"), help=_("the routine's name (see `routines list`)"))
    show.add_argument("--json", action="store_true", help=_("the routine file as JSON"))
    show.set_defaults(handler="routines:cmd_routines_show")

    about = _("check routine files against the format and the guide")
    check = sub.add_parser("validate", help=about, description=about)
    check.add_argument("files", nargs="+", metavar=_("FILE"))
    check.set_defaults(handler="routines:cmd_routines_validate")

    about = _("add a routine file to your routines")
    imp = sub.add_parser("import", help=about, description=about)
    imp.add_argument("file", metavar=_("FILE"))
    imp.add_argument("--replace", action="store_true", help=_("replace your routine of the same name"))
    imp.set_defaults(handler="routines:cmd_routines_import")

    about = _("write a routine to a file")
    exp = sub.add_parser("export", help=about, description=about)
    exp.add_argument("name", metavar=_("NAME"), help=_("the routine's name (see `routines list`)"))
    exp.add_argument("file", metavar=_("FILE"))
    exp.add_argument("--force", action="store_true", help=_("replace the file if it exists"))
    exp.set_defaults(handler="routines:cmd_routines_export")


def add_run_command(commands: Subcommands) -> None:
    about = _("a guided session in the terminal")
    run = commands.add_parser("run", help=about, description=about)
    run.add_argument("name", metavar=_("NAME"), help=_("the routine's name (see `routines list`)"))
    run.add_argument("--speed", type=float, default=1.0, metavar=_("SPEED"),
                     help=_("a faster rehearsal, e.g. 10 (default 1); a rehearsal is not kept"))
    run.add_argument("--mute", action="store_true", help=_("no sound cues this time"))
    run.add_argument("--no-voice", action="store_true", help=_("no spoken prompts this time"))
    run.add_argument("--no-history", action="store_true", help=_("don't keep this session"))
    # For tests of the recorder only: keep a sped-up run as if it were real.
    run.add_argument("--keep-rehearsal", action="store_true", help=argparse.SUPPRESS)
    run.set_defaults(handler="run:cmd_run")


def add_history_commands(commands: Subcommands) -> None:
    about = _("your sessions, one line each; export and import CSV")
    history = commands.add_parser("history", help=about, description=about)
    history.add_argument("--json", action="store_true", help=_("machine-readable output"))
    history.add_argument("--since", metavar=_("DATE"),
                         help=_("only sessions on or after this date (YYYY-MM-DD)"))
    history.set_defaults(handler="history:cmd_history_list")
    hsub = history.add_subparsers(title=_("history commands"), metavar=_("ACTION"))
    about = _("write your history to a CSV file")
    hexp = hsub.add_parser("export", help=about, description=about)
    hexp.add_argument("file", metavar=_("FILE.csv"))
    hexp.add_argument("--force", action="store_true", help=_("replace the file if it exists"))
    hexp.set_defaults(handler="history:cmd_history_export")
    about = _("add sessions from a CSV file (the ones already there are skipped)")
    himp = hsub.add_parser("import", help=about, description=about)
    himp.add_argument("file", metavar=_("FILE.csv"))
    himp.set_defaults(handler="history:cmd_history_import")


def add_plan_commands(commands: Subcommands) -> None:
    """`stats` (sessions per week against your plan) and `plan` (show or set it)."""
    about = _("sessions per week against your plan; the course; warnings")
    stats = commands.add_parser("stats", help=about, description=about)
    stats.add_argument("--weeks", type=int, default=12, metavar=_("WEEKS"),
                       help=_("how many weeks, up to this one (default 12)"))
    stats.add_argument("--json", action="store_true", help=_("machine-readable output"))
    stats.set_defaults(handler="plan:cmd_stats")

    about = _("show or set how often you mean to massage")
    plan = commands.add_parser("plan", help=about, description=about)
    plan.add_argument("plan", nargs="?", metavar="preventive|pain-relief|N",
                      help=_("preventive (1–2 a week), pain-relief (every other day) or N sessions a week"))
    plan.set_defaults(handler="plan:cmd_plan")
