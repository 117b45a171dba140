"""Help ▸ Learn the techniques…, the Learn button beside Start, and the way back to the Learn page after a
practice. The page itself (qt/learn_page.py, with the movement's modules) is made the first time it opens,
so a window that never opens it never loads them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QPushButton

from selfmassage.core.techniques import Technique
from selfmassage.i18n import N_, _
from selfmassage.qt.pages import Page

if TYPE_CHECKING:
    from selfmassage.core.routine import Routine
    from selfmassage.core.session_result import SessionResult
    from selfmassage.qt.learn_page import LearnPage
    from selfmassage.qt.main_window import MainWindow
    from selfmassage.qt.movement_hook import MovementHook
    from selfmassage.qt.session_driver import SessionDriver

LEARN_PAGE = Page.LEARN
# After a practice: one whole sentence for each technique, as Russian names it in another case.
_PRACTISED = {Technique.STROKING: N_("You practised stroking for {seconds} s."),
              Technique.RUBBING: N_("You practised rubbing for {seconds} s."),
              Technique.SQUEEZING: N_("You practised squeezing for {seconds} s."),
              Technique.KNEADING: N_("You practised kneading for {seconds} s."),
              Technique.VIBRATION: N_("You practised vibration for {seconds} s.")}


class LearnHook(QObject):
    """Help ▸ Learn the techniques…, the Learn button beside Start, and the practice's way back here."""

    def __init__(self, window: MainWindow, movement: MovementHook | None = None) -> None:
        """`movement`: the session's movement hook, whose Reduce motion the demonstrations follow too."""
        super().__init__(window)
        self.window = window
        self.page: LearnPage | None = None
        self._movement = movement
        if movement is not None:
            movement.less_action.toggled.connect(lambda _on: self._follow_motion())
        self.action = QAction(_("Learn the techniques…"), window)
        self.action.setObjectName("learn_action")
        self.action.setStatusTip(_("See how each technique moves, and try it for 20 seconds"))
        self.action.triggered.connect(self.open)
        window.actions["learn"] = self.action
        help_menu = window.menu("Help")
        first = help_menu.actions()[0] if help_menu.actions() else None
        help_menu.insertAction(first, self.action)
        if first is not None:
            help_menu.insertSeparator(first)
        self.button = QPushButton(_("Learn"))  # short: the row beside Start is full on a small screen
        self.button.setObjectName("learn_button")
        self.button.setAccessibleName(_("Learn the techniques"))
        self.button.setToolTip(_("Learn the techniques: see how each one moves, and try it for 20 seconds"))
        self.button.setAccessibleDescription(self.button.toolTip())
        self.button.clicked.connect(self.open)
        window.add_picker_button(self.button)
        window.session_started.connect(self._session_started)

    def open(self) -> LearnPage | None:
        """Show the page; None during a session, whose page must stay in reach."""
        window = self.window
        if window.driver is not None and window.driver.running:
            window.statusBar().showMessage(_("The techniques open once the session is over."), 10_000)
            return None
        if self.page is None:
            from selfmassage.qt.learn_page import LearnPage  # its modules load when it is first opened

            self.page = LearnPage(high_contrast=window.settings.high_contrast,
                                  animated=self._animated())
            self.page.practice_requested.connect(self.practice)
            high_contrast = window.actions.get("high_contrast")
            self.page.wear_theme(window.settings.high_contrast)
            if high_contrast is not None:
                high_contrast.toggled.connect(self.page.body_map.set_high_contrast)
                high_contrast.toggled.connect(self.page.wear_theme)
            self.page.back_requested.connect(window.back_to_routines)
            window.add_page(LEARN_PAGE, self.page)
        self.page.say_done("")
        window.show_page(LEARN_PAGE)
        self.page.list.setFocus()
        return self.page

    def _animated(self) -> bool:
        return self._movement is None or not self._movement.less_motion

    def _follow_motion(self) -> None:
        if self.page is not None:
            self.page.set_animated(self._animated())

    def practice(self, routine: Routine) -> bool:
        """Run a technique's 20-s practice (core.lessons.practice_routine) as a session; False if it did
        not start."""
        return self.window.start_session(routine)

    def _session_started(self, driver: SessionDriver) -> None:
        if driver.routine.practice:
            driver.finished.connect(self._practice_over)

    def _practice_over(self, result: SessionResult) -> None:
        if self.page is None:
            return
        technique = result.routine.steps[0].technique
        done = _(_PRACTISED[technique]).format(seconds=round(result.active_seconds))
        self.page.say_done(" ".join((done, _("Try it again, pick another, or go back to the routines."))))
        self.page.show_technique(result.routine.steps[0].technique)
        self.window.back_to_routines()  # leaves the summary as Done does: the practice is handed on
        self.window.show_page(LEARN_PAGE)
        self.page.try_button.setFocus()


def add_learn_page(window: MainWindow, movement: MovementHook | None = None) -> LearnHook:
    return LearnHook(window, movement)
