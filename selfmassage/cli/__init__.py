"""The command line: `selfmassage` opens the window; subcommands script everything else.

The window's start-up is kept light: with no arguments, nothing of the commands is imported, and Qt is
imported only when the window starts; no command imports Qt.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from selfmassage.cli.errors import EXIT_PROBLEMS, UserError


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if not argv:  # the window: straight to it, without building the commands' parser first
        from selfmassage.qt.app import run_app

        return _guarded(run_app)
    from selfmassage.cli.parser import build_parser  # every command's modules: not for the window

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
            raise  # no history was opened, so it can't be a damaged one
        from selfmassage.cli.common import repair_damaged_history

        code = repair_damaged_history(exc)
        if code is None:
            raise
        return code
