"""The window's language: the app's catalogue (selfmassage.i18n), Qt's own for its standard buttons and
dialogs (PySide6 ships qtbase_<lang>.qm), the locale for numbers; and View ▸ Language to choose one.

The choice is kept in the `language` setting and takes effect at the next start: every page is built in
one language, so switching half of a running window would leave the rest in the other.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from selfmassage import i18n
from selfmassage.i18n import _

if TYPE_CHECKING:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QAction

    from selfmassage.qt.main_window import MainWindow


def use_language(app: QCoreApplication, chosen: str = "") -> str:
    """Speak `chosen` ('' = the system's) in the catalogue and in Qt's own texts; returns the language."""
    language = i18n.setup(chosen or None)
    installed = app.property("selfmassage_qt_translator")
    if language == i18n.SOURCE_LANGUAGE and installed is None:
        return language  # nothing to load or undo: English starts without touching Qt's translations
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    if installed is not None:
        app.removeTranslator(installed)
        app.setProperty("selfmassage_qt_translator", None)
    QLocale.setDefault(QLocale(language))
    if language == i18n.SOURCE_LANGUAGE:
        return language
    translator = QTranslator(app)
    # Cancel, Yes, No, Close in QMessageBox and QDialogButtonBox, the file dialog, the context menus.
    if translator.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(translator)
        app.setProperty("selfmassage_qt_translator", translator)
    return language


def add_language_menu(window: MainWindow, menu_title: str = "&View") -> dict[str, QAction]:
    """View ▸ Language: the system's, or one of the shipped languages; returns the actions by code."""
    from PySide6.QtGui import QAction, QActionGroup

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
