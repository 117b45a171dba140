"""The routines page in a window of its own, with its menus (the main window can host the page instead)."""

from __future__ import annotations

from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow, QWidget

from selfmassage.i18n import _
from selfmassage.qt.preview import SoundHook
from selfmassage.qt.routine_prompts import Prompts
from selfmassage.qt.routines_page import RoutinesPage
from selfmassage.qt.theme import colours, current_look, stylesheet
from selfmassage.qt.window_rest import refresh_fonts
from selfmassage.store.library import RoutineLibrary


class EditorWindow(QMainWindow):
    """The routines page in a window of its own, with its menus; the main window can host the page instead."""

    def __init__(self, library: RoutineLibrary, *, prompts: Prompts | None = None,
                 sound: SoundHook | None = None) -> None:
        super().__init__()
        self.page = RoutinesPage(library, prompts=prompts or Prompts(self), sound=sound)
        self.setCentralWidget(self.page)
        self.setWindowTitle(_("Routines — selfmassage[*]"))
        self.page.modified_changed.connect(self.setWindowModified)
        routines = self.menuBar().addMenu(_("&Routines"))
        routines.addActions(self.page.files.actions())
        edit = self.menuBar().addMenu(_("&Edit"))
        edit.addActions(self.page.edit_actions())
        self.resize(1180, 760)
        self.wear_theme()

    def wear_theme(self) -> None:
        """The app's theme and text size as they are now, as the main window gives the page (its own menus
        too); call again after High contrast or Large text changes."""
        sheet = stylesheet(colours(current_look().high_contrast))
        for part in (self.page, self.menuBar()):
            part.setStyleSheet(sheet)
        refresh_fonts([self, *self.findChildren(QWidget)])

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.page.settle_unsaved():
            event.accept()
        else:
            event.ignore()
