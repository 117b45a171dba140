"""What the week chart's tooltip says about a week: its dates, its count against the plan, and its
sessions (the first ten, then how many more)."""

from __future__ import annotations

from datetime import timedelta

from selfmassage.core.stats import WeekFigure
from selfmassage.i18n import _, format_weekday_time, ngettext
from selfmassage.qt.chart_look import STATUS_WORDS
from selfmassage.qt.session_table import short_day
from selfmassage.store.history import History

HOVER_LINES = 10


def week_hover_text(history: History, figure: WeekFigure) -> str:
    """The tooltip for a week's bar: the week, its count, and its sessions."""
    sunday = figure.monday + timedelta(days=6)
    count = _("no sessions") if figure.sessions == 0 else ngettext(
        "{count} session", "{count} sessions", figure.sessions).format(count=figure.sessions)
    status = _(STATUS_WORDS[figure.status])
    lines = [f"{figure.week} ({short_day(figure.monday)} – {short_day(sunday)}): {count}, {status}"]
    listed = history.sessions(figure.monday, until=sunday, limit=HOVER_LINES + 1)
    for session in listed[:HOVER_LINES]:
        minutes = round(session.active_seconds / 60)
        extra = "" if session.counted else " — " + _("{status}, not counted").format(
            status=_(session.status))
        when = format_weekday_time(session.started_at)
        lines.append(_("{when}  {routine}, {minutes} min").format(
            when=when, routine=session.routine_shown, minutes=minutes) + extra)
    if len(listed) > HOVER_LINES:
        more = history.count_sessions(figure.monday, sunday) - HOVER_LINES
        lines.append(_("and {count} more").format(count=more))
    return "\n".join(lines)
