"""The commands' parser: one group of commands per module; with none, the window."""

from __future__ import annotations

import argparse

from selfmassage import __version__
from selfmassage.cli.desktop import add_desktop_options
from selfmassage.cli.history import add_history_commands
from selfmassage.cli.plan import add_plan_commands
from selfmassage.cli.routines import add_routines_commands
from selfmassage.cli.run import add_run_command


def cmd_gui(args: argparse.Namespace) -> int:
    from selfmassage.qt.app import run_app  # Qt only when the window is wanted

    return run_app(in_tray=bool(getattr(args, "tray", False)))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="selfmassage",
        description="A guided self-massage at home. With no command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"selfmassage {__version__}")
    parser.add_argument("--tray", action="store_true",
                        help="open in the tray, the window hidden, as at login (shown if there is no tray)")
    add_desktop_options(parser)
    parser.set_defaults(handler=cmd_gui)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")
    add_routines_commands(commands)
    add_run_command(commands)
    add_history_commands(commands)
    add_plan_commands(commands)
    return parser



