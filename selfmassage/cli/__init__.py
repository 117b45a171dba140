"""The command line: `selfmassage` opens the window; subcommands script everything else.

The window's start-up is kept light: with no arguments, nothing of the commands is imported, and Qt is
imported only when the window starts; no command imports Qt.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

from selfmassage import i18n
from selfmassage.cli.errors import EXIT_PROBLEMS, UserError
from selfmassage.cli.terminal import c_locale, can_show, tolerant_output

EXIT_BROKEN_PIPE = 128 + 13  # as a shell reports a tool that SIGPIPE ended


def main(argv: list[str] | None = None) -> int:
    tolerant_output()
    argv = sys.argv[1:] if argv is None else list(argv)
    if not argv:  # the window: straight to it, without building the commands' parser first
        from selfmassage.qt.app import run_app

        return _guarded(run_app)
    from selfmassage.cli.common import use_chosen_language
    from selfmassage.cli.parser import build_parser, handler_of  # only the arguments: each command's
    # module is imported when it runs

    use_chosen_language()
    _language_the_terminal_can_show()
    args = build_parser().parse_args(argv)
    return _guarded(lambda: handler_of(args)(args))


def _language_the_terminal_can_show() -> None:
    """A terminal or pipe that can't show the language's letters (LANG=C, PYTHONIOENCODING=ascii) gets
    the commands in English rather than a screen of question marks."""
    language = i18n.language()
    if language == i18n.SOURCE_LANGUAGE:
        return
    shown = all(can_show(i18n.LANGUAGES[language], stream) for stream in (sys.stdout, sys.stderr))
    if c_locale() or not shown:
        i18n.setup(i18n.SOURCE_LANGUAGE)


def _guarded(command: Callable[[], int], *, again: bool = True) -> int:
    """Run a command; a problem the user can act on ends in one line on stderr and an exit code."""
    try:
        return int(command())
    except UserError as exc:
        print(f"selfmassage: {exc}", file=sys.stderr)
        return exc.code
    except BrokenPipeError:  # `selfmassage … | head`: the reader has all it wants
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"selfmassage: {where}{i18n.os_reason(exc)}", file=sys.stderr)
        return EXIT_PROBLEMS
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        if "selfmassage.store.history" not in sys.modules:
            raise  # no history was opened, so it can't be a damaged one
        from selfmassage.cli.common import repair_damaged_history

        repaired = repair_damaged_history(exc)
        if repaired is None:
            raise
        if not repaired or not again:
            return EXIT_PROBLEMS
        # What could be read is in a new history now: show it, rather than asking for the command again.
        return _guarded(command, again=False)


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so the interpreter's last flush finds no closed pipe to complain of."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # no real file behind stdout (a test's capture)
        pass
