"""Puts the routine editor into the main window: a page, a Routines menu, an "Edit routines" button beside
Start, and a question before unsaved changes are lost when the window closes.

The page is built the first time it is wanted, so opening the window reads no routine files before it
shows. The window is used only through what it offers other parts of the app (`EditorHost`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QPushButton, QWidget

# The editor's modules are imported when its page is first built: on the way to the first window they
# cost more than the window itself (benchmarks, start-up).
if TYPE_CHECKING:
    from selfmassage.core.engine import SessionEngine
    from selfmassage.core.routine import Routine
    from selfmassage.qt.routines_page import RoutinesPage
    from selfmassage.sound.session_sound import SessionSound
    from selfmassage.store.library import RoutineLibrary

ROUTINES_PAGE = "routines"
PICKER_PAGE = "picker"


class EditorHost(Protocol):
    library: RoutineLibrary
    settings: Any  # .get("tempo_click")
    player: Any  # the cue player (selfmassage.sound), once sound is set up; None before
    picker: Any  # .current_entry() -> RoutineEntry | None, .add_button(widget)

    def add_page(self, name: str, widget: QWidget) -> None: ...
    def show_page(self, name: str) -> None: ...
    def menu(self, title: str) -> QMenu: ...
    def refresh_routines(self) -> None: ...
    def start_session(self, routine: Routine) -> bool: ...
    def installEventFilter(self, watcher: QObject) -> None: ...
    def addAction(self, action: QAction) -> None: ...


class RoutineEditorHook(QObject):
    """Owns the editor page inside a host window; `page` is None until it is first opened."""

    def __init__(self, window: EditorHost) -> None:
        super().__init__(window)  # type: ignore[arg-type]
        self.window = window
        self.page: RoutinesPage | None = None
        menu = window.menu("&Routines")
        self.edit_action = self._action(menu, "Edit routines…", "Ctrl+E", self.open,
                                        "Change, copy, import or export your routines")
        self.new_action = self._action(menu, "New routine", "Ctrl+N", lambda: self.open(then="new"),
                                       "Make a new routine")
        self.import_action = self._action(menu, "Import a routine…", "", lambda: self.open(then="import"),
                                          "Add a routine from a file")
        self.button = QPushButton("Edit routines")
        self.button.setObjectName("edit_routines_button")
        self.button.setToolTip("Make a routine your own: change, copy, import or export it (Ctrl+E)")
        self.button.setAccessibleName("Edit routines")
        self.button.setAccessibleDescription(self.button.toolTip())
        self.button.clicked.connect(lambda: self.open())
        window.picker.add_button(self.button)
        window.installEventFilter(self)

    def _action(self, menu: QMenu, text: str, keys: str, slot: Any, tip: str) -> QAction:
        action = QAction(text, self)
        action.setStatusTip(tip)
        action.setToolTip(f"{tip} ({keys})" if keys else tip)
        if keys:
            action.setShortcut(QKeySequence(keys))
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        self.window.addAction(action)  # shortcuts work on every page
        return action

    def ensure_page(self) -> RoutinesPage:
        if self.page is None:
            from selfmassage.qt.routines_page import RoutinesPage

            window = self.window
            page = RoutinesPage(window.library, sound=self._preview_sound, can_start=True, can_leave=True)
            page.done_requested.connect(self._back_to_picker)
            page.start_requested.connect(self._start)
            page.editor.saved.connect(lambda _path: window.refresh_routines())
            window.add_page(ROUTINES_PAGE, page)
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
        self.window.show_page(ROUTINES_PAGE)
        if then == "new":
            page.new_action.trigger()
        elif then == "import":
            page.import_action.trigger()
        return page

    def _back_to_picker(self) -> None:
        self.window.refresh_routines()
        self.window.show_page(PICKER_PAGE)

    def _start(self, routine: Routine) -> None:
        self.window.refresh_routines()
        self.window.start_session(routine)

    def _preview_sound(self, engine: SessionEngine) -> SessionSound | None:
        """The cues through the window's player. No spoken prompts: at 10× they would run into each other."""
        from selfmassage.sound.session_sound import SessionSound

        player = self.window.player
        if player is None:
            return None
        return SessionSound(engine, player, bool(self.window.settings.get("tempo_click")))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Closing the window with unsaved routine changes asks Save / Discard / Cancel first."""
        if watched is self.window and event.type() == QEvent.Type.Close and self.page is not None \
                and not self.page.settle_unsaved():
            event.ignore()
            return True
        return False


def add_routine_editor(window: EditorHost) -> RoutineEditorHook:
    """The one call the app makes after building its main window."""
    return RoutineEditorHook(window)
