"""The window's language: the app's catalogue (selfmassage.i18n), Qt's own for its standard buttons and
dialogs (PySide6 ships qtbase_<lang>.qm), the locale for numbers. View ▸ Language, which chooses one, is
qt/language_menu.py, made after the first frame.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from selfmassage import i18n

if TYPE_CHECKING:
    from PySide6.QtCore import QCoreApplication


def use_language(app: QCoreApplication, chosen: str = "") -> str:
    """Speak `chosen` ('' = the system's) in the catalogue and in Qt's own texts; returns the language."""
    language = i18n.setup(chosen or None)
    installed = app.property("selfmassage_qt_translator")
    if language == i18n.SOURCE_LANGUAGE and installed is None:
        return language  # nothing to load or undo: English starts without touching Qt's translations
    # Here, not at the top: an English start never builds these classes (PySide6 makes each on first use).
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
