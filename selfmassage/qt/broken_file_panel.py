"""A routine file that can't be opened: the panel that says which file and what is wrong with it, and the
one line the list's tooltip gives."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout

from selfmassage.i18n import _
from selfmassage.qt.a11y import describe
from selfmassage.qt.markup import escape
from selfmassage.store.library import RoutineEntry, Source


class BrokenFilePanel(QFrame):
    """What the page shows for a file that can't be opened: which file, and what is wrong with it."""

    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        hint = QLabel(_("Correct it in a text editor and come back, or delete it. Your other routines "
                        "are not affected."))
        hint.setWordWrap(True)
        self.delete_button = QPushButton(_("Delete this file"))
        describe(self.delete_button, _("Delete this file"),
                 _("Delete the file that can't be opened, after a question. Your other routines are not "
                   "affected."))
        layout.addWidget(self.title)
        layout.addWidget(self.details)
        layout.addWidget(hint)
        layout.addWidget(self.delete_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)

    def show_entry(self, entry: RoutineEntry) -> None:
        title = _("{file} can't be opened.").format(file=escape(entry.path.name))
        self.title.setText(f"<b>{title}</b>")
        lines = [entry.error] if entry.error else [str(problem) for problem in entry.problems]
        body = "<br>".join(escape(line) for line in lines)
        self.details.setText(f"{escape(str(entry.path))}<br><br>{body}")
        self.delete_button.setVisible(entry.source is Source.USER)


def entry_problem(entry: RoutineEntry) -> str:
    """One line on why an entry can't be used, for the list's tooltip."""
    if entry.error:
        return entry.error
    first = next((p for p in entry.problems if p.is_error), None)
    return str(first) if first is not None else ""
