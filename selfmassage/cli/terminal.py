"""Printing to whatever terminal or pipe is there: one that can't show UTF-8 gets plain ASCII stand-ins
(a run never dies on a print), and stored text never sends control characters to it."""

from __future__ import annotations

import codecs
import json
import os
import re
import sys
from typing import TextIO

# Typographic characters the commands print, and what a terminal that can't show them gets instead.
_ASCII = {"–": "-", "—": "-", "·": "|", "“": '"', "”": '"', "‘": "'", "’": "'", "…": "...", "→": "->",
          "×": "x", "≤": "<=", "≥": ">=", "°": " deg", "\u00a0": " "}
# Patterns, not compiled ones: `re` compiles them on first use, not while the window starts.
_INVISIBLE = "[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
# What json.dumps(ensure_ascii=False) lets through that a terminal may act on: DEL, the C1 controls (U+009B
# starts an escape code on some terminals), line and paragraph separators, direction overrides.
_JSON_UNSAFE = "[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
_HANDLER = "selfmassage-ascii"
_COERCED = ("C.UTF-8", "C.utf8", "UTF-8")  # what Python sets LC_CTYPE to when it finds the C locale


def _stand_in(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    bad = error.object[error.start:error.end]
    return "".join(_ASCII.get(char, "?") for char in bad), error.end


codecs.register_error(_HANDLER, _stand_in)


def tolerant_output() -> None:
    """Every write the commands make (their own, argparse's, the terminal session's) goes through stdout
    and stderr: these replace what their encoding can't take instead of raising. Under the C locale they
    write ASCII, as the terminal there may show nothing else, though Python reads C as UTF-8 (PEP 538)."""
    ascii_only = c_locale()
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)  # a test's capture may not have it
        if reconfigure is not None:
            try:
                if ascii_only:
                    reconfigure(encoding="ascii", errors=_HANDLER)
                else:
                    reconfigure(errors=_HANDLER)
            except (ValueError, OSError):  # closed, or detached
                continue


def c_locale() -> bool:
    """Whether the terminal's letters are the C locale's: a console, a serial line, a script's `LANG=C`."""
    ctype = os.environ.get("LC_CTYPE", "")
    if ctype in _COERCED:
        ctype = ""
    chosen = os.environ.get("LC_ALL") or ctype or os.environ.get("LANG", "")
    return chosen in ("C", "POSIX")


def can_show(text: str, stream: TextIO) -> bool:
    """Whether `stream` can write `text` as it is, with no stand-ins."""
    try:
        text.encode(getattr(stream, "encoding", None) or "utf-8")
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def visible(text: str) -> str:
    """Stored text for a terminal: control characters (which a terminal would act on), line and
    paragraph separators and direction overrides shown as escapes, never sent raw."""
    return re.sub(_INVISIBLE, lambda match: match.group().encode("unicode_escape").decode("ascii"), text)


def json_text(value: object) -> str:
    """`--json` output: readable UTF-8, with every character a terminal would act on written as a JSON
    escape (\\u009b), which any JSON reader turns back into the same text. To an ASCII terminal or file,
    every letter beyond ASCII is such an escape too: a stand-in would lose it."""
    text = json.dumps(value, indent=2, ensure_ascii=False)
    if not can_show(text, sys.stdout):
        return json.dumps(value, indent=2)
    return re.sub(_JSON_UNSAFE, lambda match: f"\\u{ord(match.group()):04x}", text)
