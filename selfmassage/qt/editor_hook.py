"""Puts the routine editor into the main window: a page, a Routines menu, an "Edit routines" button beside
Start, and a question before unsaved changes are lost when the window closes.

The page is built the first time it is wanted, so opening the window reads no routine files before it
shows. The window is used only through what it offers other parts of the app (`EditorHost`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QPushButton, QWidget

from selfmassage.core.engine import SessionEngine
from selfmassage.core.routine import Routine
from selfmassage.i18n import _
from selfmassage.qt.pages import Page
from selfmassage.sound.session_sound import SessionSound
from selfmassage.store.library import RoutineLibrary

if TYPE_CHECKING:
    from selfmassage.qt.routines_page import RoutinesPage


class EditorHost(Protocol):
    library: RoutineLibrary
    settings: Any  # .tempo_click
    player: Any  # the cue player (selfmassage.sound), once sound is set up; None before
    picker: Any  # .current_entry() -> RoutineEntry | None

    def add_page(self, name: str, widget: QWidget, title: str = "", *, themed: bool = False) -> None: ...
    def show_page(self, name: str) -> None: ...
    def menu(self, title: str) -> QMenu: ...
    def add_action(self, name: str, text: str, slot: Callable[..., object], *, menu: QMenu | None = None,
                   keys: str | list[str] = "", tip: str = "", checkable: bool = False) -> QAction: ...
    def add_picker_button(self, button: QPushButton) -> None: ...
    def add_close_check(self, check: Callable[[], bool]) -> None: ...
    def refresh_routines(self) -> None: ...
    def start_session(self, routine: Routine) -> bool: ...


class RoutineEditorHook(QObject):
    """Owns the editor page inside a host window; `page` is None until it is first opened."""

    def __init__(self, window: EditorHost) -> None:
        super().__init__(window)  # type: ignore[arg-type]
        self.window = window
        self.page: RoutinesPage | None = None
        menu = window.menu("&Routines")
        self.edit_action = window.add_action(
            "edit_routines", _("Edit routines…"), self.open, menu=menu, keys="Ctrl+E",
            tip=_("Change, copy, import or export your routines"))
        self.new_action = window.add_action("new_routine", _("New routine"), lambda: self.open(then="new"),
                                            menu=menu, keys="Ctrl+N", tip=_("Make a new routine"))
        self.import_action = window.add_action("import_routine", _("Import a routine…"),
                                               lambda: self.open(then="import"), menu=menu,
                                               tip=_("Add a routine from a file"))
        self.button = QPushButton(_("Edit routines"))
        self.button.setObjectName("edit_routines_button")
        self.button.setToolTip(_("Make a routine your own: change, copy, import or export it (Ctrl+E)"))
        self.button.setAccessibleName(_("Edit routines"))
        self.button.setAccessibleDescription(self.button.toolTip())
        self.button.clicked.connect(lambda: self.open())
        window.add_picker_button(self.button)
        window.add_close_check(self._settle_before_close)

    def ensure_page(self) -> RoutinesPage:
        if self.page is None:
            # The editor's modules load when it is first opened: most sessions never edit.
            from selfmassage.qt.routines_page import RoutinesPage

            window = self.window
            page = RoutinesPage(window.library, sound=self._preview_sound, can_start=True, can_leave=True)
            page.done_requested.connect(self._back_to_picker)
            page.start_requested.connect(self._start)
            page.editor.saved.connect(lambda _path: window.refresh_routines())
            window.add_page(Page.ROUTINES, page, themed=True)
            self.page = page
        return self.page

    def open(self, then: str = "") -> RoutinesPage:
        """Show the editor on the routine chosen in the picker; `then` "new" or "import" does that next."""
        page = self.ensure_page()
        if not page.editor.modified:
            page.reload()
            chosen = self.window.picker.current_entry()
            if chosen is not None:
                page.select_routine(chosen.name)
        self.window.show_page(Page.ROUTINES)
        if then == "new":
            page.files.new_action.trigger()
        elif then == "import":
            page.files.import_action.trigger()
        return page

    def _back_to_picker(self) -> None:
        self.window.refresh_routines()
        self.window.show_page(Page.PICKER)

    def _start(self, routine: Routine) -> None:
        self.window.refresh_routines()
        self.window.start_session(routine)

    def _preview_sound(self, engine: SessionEngine) -> SessionSound | None:
        """The cues through the window's player. No spoken prompts: at 10× they would run into each other."""
        player = self.window.player
        if player is None:
            return None
        return SessionSound(engine, player, self.window.settings.tempo_click)

    def _settle_before_close(self) -> bool:
        """Closing the window with unsaved routine changes asks Save / Discard / Cancel first."""
        return self.page is None or self.page.settle_unsaved()


def add_routine_editor(window: EditorHost) -> RoutineEditorHook:
    """The one call the app makes after building its main window."""
    return RoutineEditorHook(window)
