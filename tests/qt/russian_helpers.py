"""Looking at a page in Russian: every word a person sees or hears from it, and which of them are English."""

from __future__ import annotations

import re
from collections.abc import Iterator

from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

# Words that stay as they are in Russian: the app's name, key names.
KEPT = {"selfmassage", "Esc", "Enter", "Space", "Tab", "Shift", "Ctrl", "Alt", "F11"}
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")


def shown_texts(root: QWidget) -> Iterator[str]:
    """What a person sees and a screen reader says: texts, titles, tooltips, accessible names."""
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) and widget is not root:
            continue
        if isinstance(widget, (QLabel, QAbstractButton)):
            yield re.sub(r"<[^>]+>", " ", widget.text())
        yield widget.windowTitle() if widget.isWindow() else ""
        yield widget.toolTip()
        yield widget.accessibleName()
        yield widget.accessibleDescription()


def english_words(texts: Iterator[str] | list[str]) -> list[str]:
    return sorted({word for text in texts for word in LATIN_WORD.findall(text.replace("&", ""))} - KEPT)
