"""A routine in words, as the picker shows it: its length, why it can't be started, and its stages.

Loaded with the picker's routines (picker_details), after the window's first frame.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from selfmassage.i18n import _, pgettext
from selfmassage.qt.markup import escape

if TYPE_CHECKING:
    from selfmassage.core.problems import Problem
    from selfmassage.core.routine import Routine
    from selfmassage.store.library import RoutineEntry


def format_length(seconds: int) -> str:
    """A routine's length in words: '25 min', '12 min 30 s', '45 s'."""
    minutes, secs = divmod(max(0, int(seconds)), 60)
    if not minutes:
        return _("{seconds} s").format(seconds=secs)
    if secs:
        return _("{minutes} min {seconds} s").format(minutes=minutes, seconds=secs)
    return _("{minutes} min").format(minutes=minutes)


def why_unusable(entry: RoutineEntry) -> str:
    """One plain line saying why a routine can't be started; empty when it can."""
    if entry.usable:
        return ""
    if entry.error:
        return _("This file can't be read: {reason}.").format(reason=entry.error)
    first: Problem = next((p for p in entry.problems if p.is_error), entry.problems[0])
    return _("This routine can't be started. {where}: {problem}").format(where=first.where().capitalize(),
                                                                         problem=first.message)


def stage_overview(routine: Routine) -> str:
    """Rich text: each stage the routine covers, its minutes, techniques and areas."""
    rows = []
    totals = routine.stage_seconds()
    for stage in routine.stages:
        steps = [step for step in routine.steps if step.stage is stage]
        techniques = list(dict.fromkeys(step.technique.label.lower() for step in steps))
        # "lower back, left" and "lower back, right" are one place on the back at this level of detail.
        areas = list(dict.fromkeys(pgettext("area", step.area.split(",")[0].strip()) for step in steps))
        # A paragraph a stage, not a table: its lines wrap in a narrow card (Large text, Russian).
        rows.append(
            f"<p style='margin:0 0 8px 0'><b>{escape(stage.label)}</b> · "
            f"{escape(format_length(totals[stage]))}<br>"
            f"{escape(', '.join(techniques))} — {escape(', '.join(areas))}</p>"
        )
    return "".join(rows)
