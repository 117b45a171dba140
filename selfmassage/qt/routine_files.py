"""The routines page's file actions: new, duplicate, rename, delete, import and export.

Each is a QAction, so a window can put them in a menu as they are. They work on the routine the page
shows, through `FilesHost`, and ask every question through the page's `Prompts`.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

from selfmassage.core.editing import RoutineDraft, unique_name
from selfmassage.i18n import _, os_reason
from selfmassage.qt.broken_file_panel import entry_problem
from selfmassage.qt.routine_prompts import Clash, Prompts
from selfmassage.store.library import (
    LibraryError,
    RoutineEntry,
    RoutineLibrary,
    Source,
    read_routine_file,
    safe_file_stem,
)


class FilesHost(Protocol):
    library: RoutineLibrary
    prompts: Prompts

    @property
    def current_entry(self) -> RoutineEntry | None: ...
    @property
    def entries(self) -> list[RoutineEntry]: ...
    def settle_unsaved(self) -> bool: ...
    def reload(self, select: Path | None = None, *, reopen: bool = True) -> None: ...
    def open_unsaved(self, draft: RoutineDraft) -> None: ...


class RoutineFiles(QObject):
    def __init__(self, page: FilesHost, parent: QObject) -> None:
        super().__init__(parent)
        self.page = page
        self.library = page.library
        self.prompts = page.prompts
        self.new_action = QAction(_("New routine"), self)
        self.new_action.setShortcut(QKeySequence("Ctrl+N"))
        self.duplicate_action = QAction(_("Duplicate"), self)
        self.rename_action = QAction(_("Rename…"), self)
        self.delete_action = QAction(_("Delete…"), self)
        self.import_action = QAction(_("Import from a file…"), self)
        self.export_action = QAction(_("Export to a file…"), self)
        for action, tip, slot in ((self.new_action, _("Make a new routine (Ctrl+N)"), self.new_routine),
                                  (self.duplicate_action, _("Make a copy of the chosen routine"),
                                   self.duplicate_routine),
                                  (self.rename_action, _("Give the chosen routine another name"),
                                   self.rename_routine),
                                  (self.delete_action, _("Delete the chosen routine, after a question"),
                                   self.delete_routine),
                                  (self.import_action, _("Add a routine from a file"), self.import_routine),
                                  (self.export_action, _("Write the chosen routine to a file"),
                                   self.export_routine)):
            action.setStatusTip(tip)
            action.setToolTip(tip)
            action.triggered.connect(slot)

    def actions(self) -> list[QAction]:
        """For a Routines menu: new, duplicate, rename, delete, import, export."""
        return [self.new_action, self.duplicate_action, self.rename_action, self.delete_action,
                self.import_action, self.export_action]

    def update(self, entry: RoutineEntry | None) -> None:
        """Enable what can be done to `entry`, the routine the page shows."""
        readable = entry is not None and entry.routine is not None
        yours = entry is not None and entry.source is Source.USER
        self.duplicate_action.setEnabled(readable)
        self.export_action.setEnabled(readable)
        self.rename_action.setEnabled(readable and yours)
        self.delete_action.setEnabled(yours)

    def _taken_names(self) -> list[str]:
        return [entry.name for entry in self.page.entries]

    def new_routine(self) -> None:
        if not self.page.settle_unsaved():
            return
        draft = RoutineDraft.new(unique_name(_("New routine"), self._taken_names()))
        self._save_new(draft)

    def duplicate_routine(self) -> None:
        entry = self.page.current_entry
        if entry is None or entry.routine is None or not self.page.settle_unsaved():
            return
        copy = dataclasses.replace(entry.routine, name=unique_name(entry.routine.name, self._taken_names()))
        self._save_new(RoutineDraft.from_routine(copy, saved=False))

    def _save_new(self, draft: RoutineDraft) -> None:
        """Write a new routine at once so it is in the list; one with errors stays open, unsaved."""
        routine = draft.routine
        if routine is not None and draft.can_save:
            try:
                path = self.library.save(routine)
            except (LibraryError, OSError) as exc:
                self.prompts.error(_("Can't add the routine"), str(exc))
                return
            self.page.reload(select=path)
            return
        self.page.open_unsaved(draft)

    def rename_routine(self) -> None:
        entry = self.page.current_entry
        if entry is None or entry.routine is None or entry.source is not Source.USER:
            return
        if not self.page.settle_unsaved():
            return
        entry = self.page.current_entry
        assert entry is not None and entry.routine is not None
        new_name = self.prompts.ask_name(_("Rename routine"), _("New name:"), entry.name)
        if new_name is None or new_name.strip() == entry.name:
            return
        draft = RoutineDraft.from_routine(entry.routine)
        draft.set_name(new_name)
        name_problem = next((p for p in draft.problems if p.field == "name"), None)
        if name_problem is not None or draft.routine is None:
            self.prompts.error(_("Can't rename"), name_problem.message if name_problem else
                               _("Fix this routine's errors first, then rename it."))
            return
        try:
            path = self.library.save(draft.routine, old_name=entry.name)
        except (LibraryError, OSError) as exc:
            self.prompts.error(_("Can't rename"), str(exc))
            return
        self.page.reload(select=path)

    def delete_routine(self) -> None:
        entry = self.page.current_entry
        if entry is None or entry.source is not Source.USER:
            return
        label = entry.name if entry.routine is not None else entry.path.name
        if not self.prompts.confirm_delete(label):
            return
        try:
            if entry.routine is None:
                # A broken file has no trustworthy name; remove exactly the file that is listed.
                entry.path.unlink(missing_ok=True)
            else:
                self.library.delete(entry.name)
        except (LibraryError, OSError) as exc:
            self.prompts.error(_("Can't delete"), str(exc))
            return
        self.page.show_after_delete()

    def import_routine(self) -> None:
        if not self.page.settle_unsaved():
            return
        path = self.prompts.open_file()
        if path is None:
            return
        checked = read_routine_file(path)
        routine = checked.routine
        if routine is None or not checked.usable:
            why = _("{file} can't be imported: {problem}").format(file=path.name,
                                                                   problem=entry_problem(checked))
            self.prompts.error(_("Can't import"), f"{why}\n\n{path}")
            return
        clash = self.library.find(routine.name)
        replace = False
        if clash is not None and clash.name.casefold() == routine.name.casefold():
            new_name = unique_name(routine.name, self._taken_names())
            answer = self.prompts.import_clash(routine.name, new_name, clash.source is Source.USER)
            if answer is Clash.CANCEL:
                return
            if answer is Clash.RENAME:
                routine = dataclasses.replace(routine, name=new_name)
            replace = answer is Clash.REPLACE
        try:
            target = self.library.save(routine, replace=replace)
        except (LibraryError, OSError) as exc:
            detail = os_reason(exc) if isinstance(exc, OSError) else str(exc)
            self.prompts.error(_("Can't import"), f"{path.name}: {detail}")
            return
        self.page.reload(select=target)

    def export_routine(self) -> None:
        entry = self.page.current_entry
        if entry is None or entry.routine is None or not self.page.settle_unsaved():
            return
        destination = self.prompts.save_file(f"{safe_file_stem(entry.name)}.json")
        if destination is None:
            return
        try:
            self.library.export(entry.name, destination)
        except (LibraryError, OSError) as exc:
            detail = os_reason(exc) if isinstance(exc, OSError) else str(exc)
            self.prompts.error(_("Can't export"), f"{destination}: {detail}")
