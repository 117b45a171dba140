"""View ▸ Language: the system's language or one of the shipped ones (selfmassage.i18n.LANGUAGES).

The choice is kept in the `language` setting and takes effect at the next start: every page is built in
one language, so switching half of a running window would leave the rest in the other.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QActionGroup

from selfmassage import i18n
from selfmassage.i18n import _

if TYPE_CHECKING:
    from selfmassage.qt.main_window import MainWindow


def add_language_menu(window: MainWindow, menu_title: str = "&View") -> dict[str, QAction]:
    """View ▸ Language: the system's, or one of the shipped languages; returns the actions by code."""
    menu = window.menu(menu_title).addMenu(_("&Language"))
    menu.menuAction().setStatusTip(_("The language selfmassage speaks; it changes the next time you open it"))
    group = QActionGroup(menu)
    current = window.settings.language
    system = i18n.LANGUAGES[i18n.system_language()]
    choices = {"": _("As the system ({language})").format(language=system), **i18n.LANGUAGES}
    actions: dict[str, QAction] = {}
    for code, text in choices.items():
        action = QAction(text, menu)
        action.setCheckable(True)
        action.setChecked(code == current)
        group.addAction(action)
        menu.addAction(action)
        action.triggered.connect(lambda _checked=False, code=code: choose(window, code))
        actions[code] = action
    return actions


def choose(window: MainWindow, code: str) -> None:
    if code == window.settings.language:
        return
    window.settings.language = code
    if window.settings.unsaved:
        return  # the window has said the settings can't be saved
    wanted = i18n.LANGUAGES[code or i18n.system_language()]
    window.statusBar().showMessage(
        _("selfmassage will speak {language} the next time you open it.").format(language=wanted), 20_000)
