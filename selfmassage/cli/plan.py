"""`selfmassage stats` (sessions per week against your plan) and `selfmassage plan` (show or set it)."""

from __future__ import annotations

import argparse

from selfmassage.cli import common
from selfmassage.cli.common import load_settings, open_history, plan_of
from selfmassage.cli.errors import EXIT_OK, UserError
from selfmassage.cli.terminal import json_text
from selfmassage.core.plan import PlanKind, parse_plan
from selfmassage.core.stats import MAX_WEEKS, compute_stats
from selfmassage.i18n import N_, _, pgettext

# A week against the plan, as the table says it (--json keeps the English values).
_WEEK_STATUS = {"below": N_("below"), "on-target": N_("on-target"), "above": N_("above")}


def cmd_stats(args: argparse.Namespace) -> int:
    if args.json:
        common.machine_readable()
    if not 1 <= args.weeks <= MAX_WEEKS:
        raise UserError(_("--weeks must be from 1 to {most}.").format(most=MAX_WEEKS))
    plan = plan_of(load_settings())
    with open_history() as history:
        stats = compute_stats(history, plan, common.now(), args.weeks)
    if args.json:
        print(json_text(stats.to_json()))
        return EXIT_OK
    print(_("Plan: {title}. {description}").format(title=plan.title.lower(), description=plan.describe()))
    # Column heads: each fits its column (week 10, monday 10, sessions 8, minutes 8 characters).
    heads = (pgettext("column", "week"), pgettext("column", "monday"), pgettext("column", "sessions"),
             pgettext("column", "minutes"), pgettext("column", "status"))
    print(f"{heads[0]:<10} {heads[1]:<10} {heads[2]:>8} {heads[3]:>8}  {heads[4]}")
    for week in stats.weeks:
        mark = "   " + _("this week") if week.this_week else ""
        print(f"{week.week:<10} {week.monday.isoformat():<10} {week.sessions:>8} {week.minutes:>8.1f}  "
              f"{_(_WEEK_STATUS[week.status.value])}{mark}")
    if stats.course is not None:
        print(stats.course.summary())
    for warning in stats.warnings:
        print(_("Warning: {message}").format(message=warning.message))
    return EXIT_OK


def cmd_plan(args: argparse.Namespace) -> int:
    settings = load_settings()
    if args.plan is not None:
        try:
            plan = parse_plan(args.plan)
        except ValueError as exc:
            raise UserError(str(exc)) from None
        settings.plan = plan.kind.value
        if plan.kind is PlanKind.CUSTOM:
            settings.plan_per_week = plan.per_week
        print(_("Your plan is now {title}: {description}").format(title=plan.title.lower(),
                                                                  description=plan.describe()))
        if plan.advice:
            print(plan.advice)
        return EXIT_OK
    plan = plan_of(settings)
    print(_("Your plan: {title}. {description}").format(title=plan.title.lower(),
                                                        description=plan.describe()))
    print(_("Change it with `selfmassage plan preventive`, `plan pain-relief` or `plan N` (sessions a "
            "week)."))
    return EXIT_OK
