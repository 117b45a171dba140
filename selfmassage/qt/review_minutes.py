"""The review's time spent: minutes per technique and per body area over a period you pick, counted on a
worker thread with a read-only connection of its own: they read every step of the period, and the page must
open at once. The first count waits for the page's first paint: on a busy machine its thread took a third of
the CPU that paint needed."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QRunnable, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QLabel, QVBoxLayout, QWidget

from selfmassage.core.stats import by_body_area
from selfmassage.i18n import N_, _
from selfmassage.qt.a11y import describe
from selfmassage.qt.minutes_bars import MinutesBars
from selfmassage.qt.theme import relative_font
from selfmassage.qt.wrapping_row import WrappingRow
from selfmassage.store.history import History, HistoryError

FIRST_COUNT_LATEST_MS = 250  # a page built but not shown (yet) still counts
PERIODS: tuple[tuple[str, int | None], ...] = (
    (N_("Last 4 weeks"), 28), (N_("Last 12 weeks"), 84), (N_("Last 52 weeks"), 364), (N_("All time"), None))


class MinutesRelay(QObject):
    """Carries a worker thread's result back to the GUI thread (queued signal)."""

    done = Signal(int, object)


class MinutesJob(QRunnable):
    """Counts, then hands `(generation, (by technique, by area))` or the error to the relay."""

    def __init__(self, path: Path, generation: int, first: date | None, last: date,
                 relay: MinutesRelay) -> None:
        super().__init__()
        self._path, self._generation, self._first, self._last = path, generation, first, last
        self._relay = relay

    def run(self) -> None:
        result: object
        try:
            reader = History.open_readonly(self._path)
            try:
                result = (reader.minutes_by("technique", self._first, self._last),
                          reader.minutes_by("area", self._first, self._last))
            finally:
                reader.close()
        except (sqlite3.Error, HistoryError) as exc:
            result = exc
        with contextlib.suppress(RuntimeError):  # the page was closed meanwhile
            self._relay.done.emit(self._generation, result)


class TimeSpent(QWidget):
    """"Time spent": the period to count over and the minutes per technique and per area."""

    failed = Signal(str)  # why the minutes can't be counted

    def __init__(self, history: History, now: Callable[[], datetime], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.history = history
        self._now = now
        self._generation = 0
        self._relay = MinutesRelay(self)
        self._relay.done.connect(self._ready)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._held: MinutesJob | None = None  # the count waiting for the first paint
        self._holding = False
        self._watched: QWidget | None = None
        self._release_timer = QTimer(self)
        self._release_timer.setSingleShot(True)
        self._release_timer.timeout.connect(self._release)
        minutes = self
        minutes_layout = QVBoxLayout(minutes)
        minutes_layout.setContentsMargins(0, 0, 8, 0)
        period_row = WrappingRow()
        period_title = QLabel(_("Time spent"), minutes)
        relative_font(period_title, 1.2, bold=True)
        period_row.addWidget(period_title)
        period_row.addStretch(1)
        self.period_box = QComboBox(minutes)
        for label, days in PERIODS:
            self.period_box.addItem(_(label), days)
        self.period_box.setCurrentIndex(1)
        period_title.setBuddy(self.period_box)  # on Linux a combo box is named by its label
        describe(self.period_box, _("Period for the time spent"), _("Minutes per technique and per body area "
                                                                     "are counted over this period."))
        self.period_box.currentIndexChanged.connect(self.count)
        period_row.addWidget(self.period_box)
        minutes_layout.addLayout(period_row)
        self.technique_bars = MinutesBars(_("Technique"), minutes)
        self.area_bars = MinutesBars(_("Body area"), minutes)
        minutes_layout.addWidget(self.technique_bars)
        minutes_layout.addWidget(self.area_bars)
        minutes_layout.addStretch(1)

    def count(self) -> None:
        """Count again, over the period picked (the bars say they are counting meanwhile)."""
        self._generation += 1
        self.technique_bars.set_waiting()
        self.area_bars.set_waiting()
        days = self.period_box.currentData()
        today = self._now().date()
        first = None if days is None else today - timedelta(days=days - 1)
        job = MinutesJob(self.history.path, self._generation, first, today, self._relay)
        if self._holding:
            self._held = job
        else:
            self._pool.start(job)

    def count_after_first_paint(self, watched: QWidget) -> None:
        """Hold the counts asked for until `watched` has painted (or FIRST_COUNT_LATEST_MS have passed)."""
        self._holding, self._watched = True, watched
        watched.installEventFilter(self)
        self._release_timer.start(FIRST_COUNT_LATEST_MS)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._watched and event.type() == QEvent.Type.Paint:
            self._release_timer.start(0)  # once the rest of this paint is done
        return False

    def _release(self) -> None:
        if self._watched is not None:
            self._watched.removeEventFilter(self)
        self._holding, self._watched = False, None
        job, self._held = self._held, None
        if job is not None:
            self._pool.start(job)

    def _ready(self, generation: int, result: object) -> None:
        if generation != self._generation:
            return  # a newer count is on its way
        if isinstance(result, Exception):
            self.failed.emit(_("The minutes can't be counted: {reason}").format(reason=result))
            return
        techniques, areas = result  # type: ignore[misc]
        self.technique_bars.set_values(techniques)
        self.area_bars.set_values(by_body_area(areas))

    @property
    def pending(self) -> bool:
        return self._held is not None or self._pool.activeThreadCount() > 0

    def wait(self, msecs: int) -> bool:
        """Block until the count is done (its result still arrives queued); a held one starts now."""
        if self._holding:
            self._release()
        return self._pool.waitForDone(msecs)
