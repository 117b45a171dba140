"""`selfmassage run NAME`: a guided session in the terminal, kept in the history as it runs.

A run faster than real time (`--speed` above 1) is a rehearsal: it is never kept.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from selfmassage.cli import common
from selfmassage.cli.common import load_settings, open_history, usable_routine
from selfmassage.cli.errors import EXIT_OK, EXIT_PROBLEMS, UserError
from selfmassage.core import safety
from selfmassage.core.engine import SessionEngine
from selfmassage.core.routine import Routine
from selfmassage.core.session_status import SessionStatus
from selfmassage.core.spine_care import soften_for_spine
from selfmassage.i18n import _
from selfmassage.runner import run_in_terminal
from selfmassage.sound.player import make_player
from selfmassage.store.history import History
from selfmassage.store.recorder import SessionRecorder
from selfmassage.store.safety import SafetyStore


def cmd_run(args: argparse.Namespace) -> int:
    if not 0 < args.speed <= 1000:
        raise UserError(_("--speed must be above 0 and at most 1000."))
    routine = usable_routine(args.name)
    if sys.stdin.isatty() and sys.stdout.isatty() and not ask_today_in_terminal():
        return EXIT_PROBLEMS
    routine = _as_it_runs_for_you(routine)
    settings = load_settings()
    history: History | None = None
    rehearsal = args.speed > 1 and not args.keep_rehearsal
    if rehearsal and not args.no_history:
        # Faster than real time is a rehearsal, not a massage: it must not count in weeks or courses.
        rehearsing = _("at {speed}× speed this is a rehearsal; it won't be kept in your history.")
        print("selfmassage: " + rehearsing.format(speed=f"{args.speed:g}"), file=sys.stderr)
    if not args.no_history and not rehearsal:
        try:
            history = open_history()
        except UserError as exc:  # the session still runs; it just isn't kept
            print("selfmassage: " + _("{problem} This session won't be saved.").format(problem=exc),
                  file=sys.stderr)
        if history is not None and history.read_only:  # its notice said so, once
            history.close()
            history = None

    def recorder(engine: SessionEngine) -> SessionRecorder | None:
        if history is None:
            return None
        return SessionRecorder(history, engine, wall_clock=common.now,
                               on_problem=lambda line: print(f"selfmassage: {line}", file=sys.stderr))

    player = make_player(settings.muted or args.mute, settings.volume,
                         on_problem=lambda message: print(message, file=sys.stderr),
                         voice_volume=settings.voice_volume)
    try:
        engine = run_in_terminal(
            routine, speed=args.speed, player=player, tempo_click=settings.tempo_click,
            voice=settings.voice and not args.no_voice,
            short_routines=settings.voice_short_routines, recorder=recorder)
        player.wait_idle(3.0)  # let the last cue finish before the process ends
    finally:
        player.close()
        if history is not None:
            history.close()
    return EXIT_OK if engine.status is SessionStatus.COMPLETED else 130


def ask_today_in_terminal(read: Callable[[str], str] = input) -> bool:
    """Today's question, as the window asks it before every session; True when none applies."""
    print(_(safety.TODAY_TITLE))
    for state in safety.TODAY_STATES:
        print(f"  - {_(state)}")
    # The letters to type: the English ones always work, and the language's own (н / д in Russian) too.
    # Translators: the answers that mean "none of these", separated by |, lower case.
    no_words = {"n", "no", *_("n|no").split("|")}
    # Translators: the answers that mean "yes, one of these", separated by |, lower case.
    yes_words = {"y", "yes", *_("y|yes").split("|")}
    while True:
        # The prompt is printed here: input() would write it to stderr.
        print(_("Answer n (none of these) or y (yes, one of these): "), end="", flush=True)
        try:
            answer = read("").strip().lower()
        except EOFError:
            print()
            return False
        if answer in no_words:
            return True
        if answer in yes_words:
            print(f"{_(safety.TODAY_STOP_TITLE)}. {_(safety.TODAY_STOP_MESSAGE)}")
            return False


def _as_it_runs_for_you(routine: Routine) -> Routine:
    """Softened beside the spine when your safety answers say osteochondrosis or a disc hernia."""
    if not safety.spine_care(SafetyStore.default().answers):
        return routine
    softened = soften_for_spine(routine)
    if softened != routine:
        print(_(safety.SPINE_SOFTENED))
    return softened
