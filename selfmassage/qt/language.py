"""The window's language: the app's catalogue (selfmassage.i18n), Qt's own for its standard buttons and
dialogs (PySide6 ships qtbase_<lang>.qm), the locale for numbers. View ▸ Language, which chooses one, is
qt/language_menu.py, made after the first frame.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from selfmassage import i18n
from selfmassage.i18n import N_, _

if TYPE_CHECKING:
    from PySide6.QtCore import QCoreApplication, QTranslator


# Words of Qt's own dialogs that its catalogue for a language lacks, by Qt's context and English: Qt 6.11's
# Russian has neither label of the file dialog's (Import…, Export…) two rows below the files, nor what its
# Type column calls a folder. Ours has them.
QT_GAPS: dict[tuple[str, str], str] = {
    ("QFileDialog", "&Look in:"): N_("&Look in:"),
    ("QFileDialog", "Files of &type:"): N_("Files of &type:"),
    ("QAbstractFileIconProvider", "Folder"): N_("Folder"),
    ("QAbstractFileIconProvider", "Drive"): N_("Drive"),
}
_TRANSLATORS = ("selfmassage_qt_translator", "selfmassage_qt_gaps")  # the app's properties that hold them


def use_language(app: QCoreApplication, chosen: str = "") -> str:
    """Speak `chosen` ('' = the system's) in the catalogue and in Qt's own texts; returns the language."""
    language = i18n.setup(chosen or None)
    installed = [app.property(name) for name in _TRANSLATORS]
    if language == i18n.SOURCE_LANGUAGE and installed == [None, None]:
        return language  # nothing to load or undo: English starts without touching Qt's translations
    # Here, not at the top: an English start never builds these classes (PySide6 makes each on first use).
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    for name, translator in zip(_TRANSLATORS, installed, strict=True):
        if translator is not None:
            app.removeTranslator(translator)
            app.setProperty(name, None)
    QLocale.setDefault(QLocale(language))
    if language == i18n.SOURCE_LANGUAGE:
        return language
    translator = QTranslator(app)
    # Cancel, Yes, No, Close in QMessageBox and QDialogButtonBox, the file dialog, the context menus.
    if translator.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(translator)
        app.setProperty("selfmassage_qt_translator", translator)
    gaps = _gap_translator(app)  # installed last, so asked first: it answers only for its few words
    app.installTranslator(gaps)
    app.setProperty("selfmassage_qt_gaps", gaps)
    return language


def _gap_translator(app: QCoreApplication) -> QTranslator:
    """A translator of Qt's words that Qt's own catalogue lacks (QT_GAPS), from the app's catalogue."""
    from PySide6.QtCore import QTranslator

    class GapTranslator(QTranslator):
        def translate(self, context: str, source_text: str, disambiguation: str | None = None,
                      n: int = -1) -> str | None:
            words = QT_GAPS.get((context, source_text))
            return _(words) if words is not None else None  # None (a null string): Qt asks the next one

        def isEmpty(self) -> bool:
            return False

    return GapTranslator(app)
