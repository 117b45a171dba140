"""The commands' parser: one group of commands per module; with none, the window."""

from __future__ import annotations

import argparse

from selfmassage import __version__
from selfmassage.cli.desktop import add_desktop_options
from selfmassage.cli.history import add_history_commands
from selfmassage.cli.plan import add_plan_commands
from selfmassage.cli.routines import add_routines_commands
from selfmassage.cli.run import add_run_command
from selfmassage.i18n import N_, _, ngettext

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


def build_parser() -> argparse.ArgumentParser:
    speak_our_language()
    about = _("A guided self-massage at home. With no command, opens the window.")
    parser = argparse.ArgumentParser(prog="selfmassage", description=about)
    parser.add_argument("--version", action="version", version=f"selfmassage {__version__}",
                        help=_("show the version and exit"))
    parser.add_argument("--tray", action="store_true",
                        help=_("open in the tray, the window hidden, as at login (shown if there is no "
                               "tray)"))
    add_desktop_options(parser)
    parser.set_defaults(handler=cmd_gui)
    commands = parser.add_subparsers(title=_("commands"), metavar=_("COMMAND"))
    add_routines_commands(commands)
    add_run_command(commands)
    add_history_commands(commands)
    add_plan_commands(commands)
    return parser
