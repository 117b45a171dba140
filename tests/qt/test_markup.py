"""Text a person wrote (a routine's or a file's name) shows as written in rich text, never as markup."""

from __future__ import annotations

import html

from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel

from selfmassage.qt.markup import escape


def test_it_escapes_what_html_escape_does():
    for text in ("Back & neck", "<b>bold</b>", "it's \"mine\"", "plain", "&amp; already", "Спина <3"):
        assert escape(text) == html.escape(text)


def test_a_label_shows_the_text_as_written(qtbot):
    label = QLabel(f"<b>Name:</b> {escape('<i>my</i> routine & more')}")
    qtbot.addWidget(label)
    document = QTextDocument()
    document.setHtml(label.text())
    assert document.toPlainText() == "Name: <i>my</i> routine & more"
