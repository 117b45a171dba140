"""Plain text made safe inside Qt's rich text (a label showing <b>, <br>, <li>).

Python's `html.escape` does the same, but importing `html` loads its table of 2,000 named entities (~1 MiB
of the running window's memory) for five characters.
"""

from __future__ import annotations

_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;"})


def escape(text: str) -> str:
    """`text` as Qt's rich text shows it literally: & < > and quotes as entities (as html.escape does)."""
    return text.translate(_ESCAPES)
