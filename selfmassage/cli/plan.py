"""`selfmassage stats` (sessions per week against your plan) and `selfmassage plan` (show or set it)."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING

from selfmassage.cli import common
from selfmassage.cli.common import load_settings, open_history, plan_of
from selfmassage.cli.errors import EXIT_OK, UserError
from selfmassage.core.plan import PlanKind, parse_plan
from selfmassage.core.stats import MAX_WEEKS, compute_stats

if TYPE_CHECKING:
    from selfmassage.cli.common import Subcommands


def cmd_stats(args: argparse.Namespace) -> int:
    if not 1 <= args.weeks <= MAX_WEEKS:
        raise UserError(f"--weeks must be from 1 to {MAX_WEEKS}.")
    plan = plan_of(load_settings())
    with open_history() as history:
        stats = compute_stats(history, plan, common.now(), args.weeks)
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
    settings = load_settings()
    if args.plan is not None:
        try:
            plan = parse_plan(args.plan)
        except ValueError as exc:
            raise UserError(str(exc)) from None
        settings.set("plan", plan.kind.value)
        if plan.kind is PlanKind.CUSTOM:
            settings.set("plan_per_week", plan.per_week)
        print(f"Your plan is now {plan.title.lower()}: {plan.describe()}")
        if plan.advice:
            print(plan.advice)
        return EXIT_OK
    plan = plan_of(settings)
    print(f"Your plan: {plan.title.lower()}. {plan.describe()}")
    print("Change it with `selfmassage plan preventive`, `plan pain-relief` or `plan N` (sessions a week).")
    return EXIT_OK


def add_plan_commands(commands: Subcommands) -> None:
    stats = commands.add_parser("stats", help="sessions per week against your plan; the course; warnings")
    stats.add_argument("--weeks", type=int, default=12, help="how many weeks, up to this one (default 12)")
    stats.add_argument("--json", action="store_true", help="machine-readable output")
    stats.set_defaults(handler=cmd_stats)

    plan = commands.add_parser("plan", help="show or set how often you mean to massage")
    plan.add_argument("plan", nargs="?", metavar="preventive|pain-relief|N",
                      help="preventive (1–2 a week), pain-relief (every other day) or N sessions a week")
    plan.set_defaults(handler=cmd_plan)
