"""The list of routines on the routines page: built-in ones first, then yours, and any file that can't be
opened, each row with its length and number of steps; the headings can't be picked."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListView, QListWidget, QListWidgetItem, QStyle, QWidget

from selfmassage.core.routine import format_duration
from selfmassage.i18n import _, ngettext, pgettext
from selfmassage.qt.a11y import describe
from selfmassage.qt.broken_file_panel import entry_problem
from selfmassage.store.library import RoutineEntry, Source

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1


class RoutineList(QListWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: dict[Path, QListWidgetItem] = {}
        self.setObjectName("routineList")
        self.setMinimumWidth(180)
        # A long name wraps onto the next line (a narrow window, Large text) rather than scrolling sideways;
        # only a single word wider than the list ends in "…".
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setWordWrap(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)  # rows laid out again for the list's new width
        # Room between the rows from the view, not a style sheet: a sheet would keep the list's text at
        # its size and colours when Large text or High contrast changes.
        self.setSpacing(2)
        describe(self, _("Your routines"), _("Built-in routines first, then yours, and any file that can't "
                                             "be opened. Up and Down pick one to edit."))

    def fill(self, entries: list[RoutineEntry]) -> None:
        """List `entries` under their headings, in place of what was listed."""
        self.clear()
        self._items = {}
        # Headings over several routines ("heading": the picker's "Built in" names one routine).
        for source, heading in ((Source.BUILTIN, pgettext("heading", "Built in")),
                                (Source.USER, pgettext("heading", "Yours"))):
            group = [entry for entry in entries if entry.source is source]
            if group:
                self.addItem(self._heading(heading))
            for entry in group:
                item = self._item_for(entry)
                self._items[entry.path] = item
                self.addItem(item)

    def item_of(self, entry: RoutineEntry) -> QListWidgetItem:
        return self._items[entry.path]

    @staticmethod
    def entry_of(item: QListWidgetItem | None) -> RoutineEntry | None:
        return item.data(ENTRY_ROLE) if item is not None else None

    @staticmethod
    def _heading(text: str) -> QListWidgetItem:
        item = QListWidgetItem(text)
        item.setFlags(Qt.ItemFlag.NoItemFlags)  # a label, not a routine: it can't be picked
        font = item.font()
        font.setBold(True)
        item.setFont(font)
        return item

    def _item_for(self, entry: RoutineEntry) -> QListWidgetItem:
        style = self.style()
        if entry.routine is None:
            item = QListWidgetItem(_("{file}\ncan't be opened").format(file=entry.path.name))
            item.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical))
            item.setToolTip(f"{entry.path}\n{entry_problem(entry)}")
        else:
            count = len(entry.routine.steps)
            length = ngettext("{duration} · {n} step", "{duration} · {n} steps", count).format(
                duration=format_duration(entry.routine.total_seconds), n=count)
            item = QListWidgetItem(f"{entry.name}\n{length}")
            if not entry.usable:
                item.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical))
                item.setToolTip(_("Has errors: {problem}").format(problem=entry_problem(entry)))
            else:
                described = f"{entry.name}\n{entry.routine.description}" if entry.routine.description else ""
                item.setToolTip(described or entry.name)
        item.setData(ENTRY_ROLE, entry)
        return item
