"""Looking at a page in Russian: every word a person sees or hears from it, and which of them are English."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QTreeView,
    QWidget,
)

# Words that stay as they are in Russian: the app's name, key names, file formats, the languages of
# View ▸ Language (each named in its own tongue), and OK (Qt's own Russian keeps it).
KEPT = {"selfmassage", "Esc", "Enter", "Space", "Tab", "Shift", "Ctrl", "Alt", "F11", "CSV", "JSON",
        "English", "OK"}
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")
_ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole,
          Qt.ItemDataRole.AccessibleDescriptionRole)


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def _view_texts(view: QAbstractItemView) -> Iterator[str]:
    """A list's, table's or tree's rows and headers: what it shows and what it tells a screen reader."""
    model = view.model()
    if model is None:
        return
    for orientation, header in ((Qt.Orientation.Horizontal, getattr(view, "horizontalHeader", None)),
                                (Qt.Orientation.Vertical, getattr(view, "verticalHeader", None))):
        bar: QHeaderView | None = header() if header is not None else None
        if bar is None or bar.isHidden():
            continue
        count = model.columnCount() if orientation is Qt.Orientation.Horizontal else model.rowCount()
        for section in range(count):
            if not bar.isSectionHidden(section):
                for role in _ROLES:
                    yield _text(model.headerData(section, orientation, role))

    def rows(parent: object) -> Iterator[str]:
        columns = 1 if isinstance(view, QListView) else model.columnCount(parent)  # a list's model hides it
        for row in range(model.rowCount(parent)):
            for column in range(columns):
                index = model.index(row, column, parent)
                for role in _ROLES:
                    yield _text(model.data(index, role))
                if isinstance(view, QTreeView) and model.rowCount(index):
                    yield from rows(index)

    from PySide6.QtCore import QModelIndex

    yield from rows(QModelIndex())


def action_texts(actions: Iterable[QAction]) -> Iterator[str]:
    """Each action's words, and a submenu's all the way down: text, tooltip, status tip, What's This."""
    for action in actions:
        if action.isSeparator() or not action.isVisible():
            continue
        yield action.text()
        yield action.toolTip()
        yield action.statusTip()
        yield action.whatsThis()
        if action.menu() is not None:
            yield from menu_texts(action.menu())


def menu_texts(menu: QMenu) -> Iterator[str]:
    yield menu.title()
    yield from action_texts(menu.actions())


def shown_texts(root: QWidget) -> Iterator[str]:
    """What a person sees and a screen reader says: texts, titles, tooltips, accessible names, the rows and
    headers of lists and tables, the choices of a combo box, placeholders, and the widgets' own actions."""
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) and widget is not root:
            continue
        if isinstance(widget, QMenu):
            continue  # a menu's words are its actions': see menu_texts
        if isinstance(widget, (QLabel, QAbstractButton)):
            yield html.unescape(re.sub(r"<[^>]+>", " ", widget.text()))  # rich text: its words, not its tags
        if isinstance(widget, QGroupBox):
            yield widget.title()
        if isinstance(widget, QLineEdit):
            yield widget.placeholderText()
        if isinstance(widget, (QTextEdit, QPlainTextEdit)):
            yield widget.placeholderText()
        if isinstance(widget, QComboBox):
            for number in range(widget.count()):
                yield widget.itemText(number)
                yield _text(widget.itemData(number, Qt.ItemDataRole.ToolTipRole))
        if isinstance(widget, QTabWidget):
            for number in range(widget.count()):
                yield widget.tabText(number)
                yield widget.tabToolTip(number)
        if isinstance(widget, QAbstractItemView) and not isinstance(widget.parentWidget(), QComboBox):
            yield from _view_texts(widget)
        yield widget.windowTitle() if widget.isWindow() else ""
        yield widget.toolTip()
        yield widget.statusTip()
        yield widget.whatsThis()
        yield widget.accessibleName()
        yield widget.accessibleDescription()
        yield from action_texts(QWidget.actions(widget))  # MainWindow.actions is its dict of them


def english_words(texts: Iterable[str], *, kept: Iterable[str] = ()) -> list[str]:
    """The Latin words in `texts` that are not kept as they are (KEPT, and `kept`: a user's own words)."""
    allowed = KEPT | {word for text in kept for word in LATIN_WORD.findall(text)}
    return sorted({word for text in texts for word in LATIN_WORD.findall(text.replace("&", ""))} - allowed)


def english_lines(texts: Iterable[str], *, kept: Iterable[str] = ()) -> list[str]:
    """Each text with an English word in it, whole, so a failure shows where the word is."""
    allowed = KEPT | {word for text in kept for word in LATIN_WORD.findall(text)}
    return sorted({text for text in texts if set(LATIN_WORD.findall(text.replace("&", ""))) - allowed})
