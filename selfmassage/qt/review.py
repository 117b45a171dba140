"""The review page: how often you massage against your plan, the course, warnings, and every session.

Add it to the window with one call, `create_review_page(parent)`, and call `refresh()` when a session
ends. Everything on the first screen comes from aggregated queries; the minutes per technique and per
area (which read every step of the period) are counted on a worker thread (review_minutes), and the
session list (session_table) loads 200 rows at a time as it scrolls — so the page opens quickly with
100,000 sessions.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from selfmassage.core.plan import Plan, plan_from_settings
from selfmassage.core.stats import Stats, WeekFigure, compute_stats
from selfmassage.i18n import N_, _, ngettext
from selfmassage.qt.a11y import describe, name_inner_parts
from selfmassage.qt.chart_look import chart_colours, legend_html, legend_words
from selfmassage.qt.plan_choice import PlanChoice
from selfmassage.qt.review_minutes import TimeSpent
from selfmassage.qt.sessions_pane import SessionsPane
from selfmassage.qt.theme import relative_font, rescale_relative_fonts
from selfmassage.qt.week_chart import WeekChart
from selfmassage.qt.week_hover import week_hover_text
from selfmassage.qt.wrapping_row import DownScroller, WrappingRow
from selfmassage.store.history import History, HistoryError
from selfmassage.store.history_rows import SessionRow
from selfmassage.store.history_time import local_now
from selfmassage.store.paths import history_path, settings_path
from selfmassage.store.settings import Settings

CHART_WEEKS = (12, 26, 52)
SIDE_BY_SIDE_CHARS = 120  # the width, in characters of the page's text, that fits the two panes side by side


class ReviewPage(QWidget):
    """Sessions per week against the plan, the course, warnings, time per technique and area, and the list."""

    title = N_("History")
    changed = Signal()  # the history changed here (a delete or an import)
    damaged = Signal()  # a delete or an import here found the history file damaged since it opened
    plan_changed = Signal(object)  # the new Plan

    def __init__(
        self,
        history: History,
        settings: Any | None = None,
        *,
        now: Callable[[], datetime] = local_now,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.history = history
        self._settings = settings
        self._now = now
        self._plan = (plan_from_settings(settings.plan, settings.plan_per_week)
                      if settings is not None else Plan())
        self._weeks = CHART_WEEKS[0]
        self._stats: Stats | None = None
        self._build()
        self.time_spent.count_after_first_paint(self.chart)  # the chart is at the top: painted first
        self.refresh()

    # -- building ------------------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = DownScroller(self)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # not a Tab stop: Tab goes to what is in it
        describe(scroll, _("Your history"),
                 _("How often you massage, the time you spent, and every session."))
        outer.addWidget(scroll)
        body = QWidget()
        scroll.setWidget(body)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(20, 12, 20, 16)
        layout.setSpacing(12)

        self.notice_label = _callout(body, "note")
        self.notice_label.setVisible(bool(self.history.notice))
        self.notice_label.setText(self.history.notice or "")
        layout.addWidget(self.notice_label)

        header = WrappingRow(12)  # at 800 px, in Large text, the range goes under the heading
        heading = QLabel(_("How often you massage"), body)
        relative_font(heading, 1.5, bold=True)
        header.addWidget(heading)
        header.addStretch(1)
        # One choice of three: radio buttons in a group named for a screen reader.
        self.range_box = describe(QFrame(body), _("Weeks the chart shows"),
                                  _("One choice; the arrow keys choose."))
        ranges = QHBoxLayout(self.range_box)
        ranges.setContentsMargins(0, 0, 0, 0)
        self.range_buttons = QButtonGroup(self)
        for weeks in CHART_WEEKS:
            button = QRadioButton(ngettext("{count} week", "{count} weeks", weeks).format(count=weeks),
                                  self.range_box)
            describe(button, ngettext("{count} week", "{count} weeks", weeks).format(count=weeks),
                     ngettext("The chart shows the last {count} week.",
                              "The chart shows the last {count} weeks.", weeks).format(count=weeks))
            button.setChecked(weeks == self._weeks)
            self.range_buttons.addButton(button, weeks)
            ranges.addWidget(button)
        ranges.addStretch(1)
        header.addWidget(self.range_box)
        self.range_buttons.idClicked.connect(self.set_weeks)
        self._mark_range()
        layout.addLayout(header)

        plan_row = WrappingRow(12)
        plan_choice = WrappingRow()
        self.plan_choice = PlanChoice(self._plan, body, plan_choice)
        self.plan_choice.picked.connect(self.set_plan)
        self.plan_box, self.per_week_box = self.plan_choice.plan_box, self.plan_choice.per_week_box
        plan_row.addLayout(plan_choice, 1)
        self.legend = QLabel(body)
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setWordWrap(True)  # the key's words are long in Russian, in Large text
        plan_row.addWidget(self.legend)
        layout.addLayout(plan_row)

        self.chart = WeekChart(body)
        self.chart.set_hover_text(self.week_text)
        layout.addWidget(self.chart, 3)

        self.course_label = QLabel(body)
        self.course_label.setWordWrap(True)
        relative_font(self.course_label, 1.1)
        layout.addWidget(self.course_label)

        self.warnings_label = _callout(body, "warning")
        layout.addWidget(self.warnings_label)

        # Side by side in a wide window, one above the other in a narrow one (see resizeEvent).
        self.split = split = QSplitter(Qt.Orientation.Horizontal, body)
        split.setChildrenCollapsible(False)
        layout.addWidget(split, 4)

        self.time_spent = TimeSpent(self.history, self._now, split)
        self.period_box = self.time_spent.period_box
        self.technique_bars, self.area_bars = self.time_spent.technique_bars, self.time_spent.area_bars
        self.sessions = SessionsPane(self.history, split)
        self.sessions.changed.connect(self._sessions_changed)
        self.sessions.damaged.connect(self.damaged)
        pane = self.sessions
        self.model, self.table, self.details = pane.model, pane.table, pane.details
        self.count_label = pane.count_label
        self.status_line, self.delete_button = pane.status_line, pane.delete_button
        self.export_button, self.import_button = pane.export_button, pane.import_button
        self.time_spent.failed.connect(self.status_line.setText)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        name_inner_parts(self)
        self._restyle()

    # -- the plan ------------------------------------------------------------------------------

    @property
    def plan(self) -> Plan:
        return self._plan

    def set_plan(self, plan: Plan) -> None:
        self._plan = plan
        if self._settings is not None:
            self._settings.plan = plan.kind.value
            self._settings.plan_per_week = plan.per_week
        self.plan_choice.show_plan(plan)
        self.refresh()
        self.plan_changed.emit(plan)

    # -- figures -------------------------------------------------------------------------------

    def set_weeks(self, weeks: int) -> None:
        self._weeks = weeks
        button = self.range_buttons.button(weeks)
        if button is not None:
            button.setChecked(True)
        self._mark_range()
        self._show_weeks()

    def _mark_range(self) -> None:
        """The range shown has a tick as well as the pressed look, which High contrast barely shows."""
        for weeks in CHART_WEEKS:
            button = self.range_buttons.button(weeks)
            shown = ngettext("{n} week", "{n} weeks", weeks).format(n=weeks)
            button.setText(f"✓ {shown}" if weeks == self._weeks else shown)

    def refresh(self) -> None:
        """Read everything again: after a session ends, an import or a delete."""
        self._show_weeks()
        self.sessions.reload(self._stats.course if self._stats else None)
        self._count_minutes()

    def _show_weeks(self) -> None:
        now = self._now()
        self._stats = stats = compute_stats(self.history, self._plan, now, self._weeks)
        self.chart.set_data(stats.weeks, self._plan)
        self._show_legend()
        this = stats.this_week
        line = _("This week: {done} of {planned}. ").format(
            done=this.sessions,
            planned=self._plan.band if self._plan.low != self._plan.high else self._plan.low)
        course = stats.course.summary() if stats.course is not None else self._plan.describe()
        self.course_label.setText(line + course)
        self.warnings_label.setText("\n".join(f"⚠ {warning.message}" for warning in stats.warnings))
        self.warnings_label.setAccessibleDescription(self.warnings_label.text())
        self.warnings_label.setVisible(bool(stats.warnings))
        self.course_label.setAccessibleDescription(self.course_label.text())

    def _show_legend(self) -> None:
        # The page's palette: when it changes, the page hears of it before the chart does.
        self.legend.setText(legend_html(chart_colours(self.palette()), self._plan.band))
        self.legend.setAccessibleDescription(legend_words(self._plan.band))

    def _restyle(self) -> None:
        """Colours that follow the theme: the boxes round the notice and the warnings, and the key."""
        dark = self.palette().color(QPalette.ColorRole.Base).lightness() < 128
        for label, (light_back, light_text) in ((self.notice_label, ("#FFF4D6", "#3D2E00")),
                                                (self.warnings_label, ("#FDEBD8", "#5A2E05"))):
            palette = label.palette()
            palette.setColor(QPalette.ColorRole.Window, QColor("#000000" if dark else light_back))
            palette.setColor(QPalette.ColorRole.WindowText, QColor("#FFFFFF" if dark else light_text))
            label.setPalette(palette)
        self.notice_label.setAccessibleDescription(self.notice_label.text())
        self._show_legend()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # The time spent beside the sessions when both have room, else above them: never a sideways scroll.
        wide = self.width() >= self.fontMetrics().averageCharWidth() * SIDE_BY_SIDE_CHARS
        orientation = Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical
        if self.split.orientation() != orientation:
            self.split.setOrientation(orientation)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # High contrast on or off
            self._restyle()
        elif event.type() == QEvent.Type.FontChange:  # Large text on or off
            rescale_relative_fonts(self)

    @property
    def stats(self) -> Stats | None:
        return self._stats

    def week_text(self, figure: WeekFigure) -> str:
        """The tooltip for a week's bar: the week, its count, and its sessions."""
        return week_hover_text(self.history, figure)

    # -- minutes per technique and area ------------------------------------------------------

    def _count_minutes(self) -> None:
        self.time_spent.count()

    @property
    def minutes_pending(self) -> bool:
        return self.time_spent.pending

    def wait_for_minutes(self, msecs: int = 5000) -> bool:
        """For tests and screenshots: block until the count is done (its result still arrives queued)."""
        return self.time_spent.wait(msecs)

    # -- the list ------------------------------------------------------------------------------

    def selected_session(self) -> SessionRow | None:
        return self.sessions.selected_session()

    def select_row(self, number: int) -> None:
        self.sessions.select_row(number)

    def describe_session(self, session: SessionRow) -> str:
        return self.sessions.describe_session(session)

    def delete_selected(self) -> None:
        self.sessions.delete_selected()

    def export_csv(self) -> None:
        self.sessions.export_csv()

    def import_csv(self) -> None:
        self.sessions.import_csv()

    def _sessions_changed(self) -> None:
        self.refresh()
        self.changed.emit()

    def closeEvent(self, event: Any) -> None:
        self.time_spent.wait(2000)
        super().closeEvent(event)


def _callout(parent: QWidget, kind: str) -> QLabel:
    """A boxed line (the notice, the warnings): the window's sheet draws it by `kind` (note, warning), as the
    window's own notice; without the sheet, its colours are set by ReviewPage._restyle."""
    label = QLabel(parent)
    label.setProperty("callout", kind)
    label.setWordWrap(True)
    label.setAutoFillBackground(True)
    label.setFrameShape(QFrame.Shape.Box)
    label.setLineWidth(1)
    label.setMargin(8)
    return label


def create_review_page(parent: QWidget | None = None) -> QWidget:
    """The review for the person's own history and settings; a plain message if the history can't open."""
    try:
        history = History.open(history_path())
    except HistoryError as exc:
        label = QLabel(_("Your history can't be shown. {why}").format(why=exc), parent)
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        return label
    page = ReviewPage(history, Settings(settings_path()), parent=parent)
    page.destroyed.connect(history.close)
    return page
