"""Keep the translations in step with the code: extract, merge, compile.

1. extract every string marked with _(), ngettext(), pgettext(), npgettext() or N_() in selfmassage/, and
   the built-in routines' names, descriptions and notes, into po/selfmassage.pot (Babel);
2. merge the new template into each po/<lang>.po: new strings come in untranslated, gone ones become
   obsolete (#~), kept for reuse;
3. compile each po/<lang>.po to assets/locale/<lang>/LC_MESSAGES/selfmassage.mo, which the wheel ships.

    .venv/bin/python tools/update_translations.py          # after changing strings or a .po
    .venv/bin/python tools/update_translations.py --check  # exit 1 when anything is out of step

The .mo files are committed, so an install needs no Babel to build; tests/test_translations.py fails when
one is stale, when a string is missing from a catalogue, or when a translation is missing or fuzzy.
"""

from __future__ import annotations

import argparse
import io
import json
import re
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from selfmassage import __version__  # noqa: E402

PO_DIR = ROOT / "po"
TEMPLATE = PO_DIR / "selfmassage.pot"
LOCALE_DIR = ROOT / "assets" / "locale"
LANGUAGES = ("ru",)
WIDTH = 110
# A routine's shown fields; its keys and values (technique, stage, …) stay English in the file. A step's
# area is free text: the built-ins' areas are translated in the "area" context (pgettext), as words.
ROUTINE_FIELDS = ("name", "description")
STEP_FIELDS = ("note",)
AREA_CONTEXT = "area"
CREATED = datetime(2026, 11, 1, tzinfo=UTC)

Message = tuple[str | tuple[str, ...], str | None, str, int, list[str]]  # id, context, file, line, notes
# What code fills in: Python's {name} and {count:,}, %s and %(name)s (argparse's words), Qt's %1, %L1 and %n.
# A translation that drops or adds one makes Python raise (KeyError, IndexError) or Qt warn "QString::arg:
# Argument missing" and show the placeholder itself.
PLACEHOLDER = re.compile(r"\{\w*(?:[:!][^{}]*)?\}|%(?:\(\w+\))?[sdrif]|%L?\d{1,2}|%n")
POSITIONAL = re.compile(r"%[sdrif]|%L?\d{1,2}")  # these are filled in by order: the order must stay too


def source_messages() -> Iterator[Message]:
    keywords = {**DEFAULT_KEYWORDS, "N_": None}
    for filename, lineno, message, comments, context in extract_from_dir(
            ROOT / "selfmassage", method_map=[("**.py", "python")], keywords=keywords,
            comment_tags=("Translators:",), strip_comment_tags=True):
        yield message, context, f"selfmassage/{filename}", lineno, comments


def routine_messages() -> Iterator[Message]:
    for path in sorted((ROOT / "assets" / "routines").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        where = f"assets/routines/{path.name}"
        for field in ROUTINE_FIELDS:
            if data.get(field):
                yield data[field], None, where, 0, [f"built-in routine {field}"]
        for number, step in enumerate(data.get("steps", []), start=1):
            for field in STEP_FIELDS:
                if step.get(field):
                    yield step[field], None, where, number, [f"step {number} {field}"]
            if step.get("area"):
                yield step["area"], AREA_CONTEXT, where, number, ["a body area, as a step names it"]
    from selfmassage.core.techniques import KNOWN_AREAS

    for area in KNOWN_AREAS:
        yield area, AREA_CONTEXT, "selfmassage/core/techniques.py", 0, ["a body area, as a step names it"]


def _about(catalog: Catalog) -> Catalog:
    catalog.project, catalog.version = "selfmassage", __version__
    catalog.copyright_holder = catalog.last_translator = "the selfmassage contributors"
    catalog.language_team = "selfmassage"
    catalog.msgid_bugs_address = "https://github.com/selfmassage/selfmassage/issues"
    catalog.fuzzy = False
    # A fixed date, and locations without line numbers (below): two branches that each add strings then
    # touch only the entries they add, instead of every line of the catalogue.
    catalog.creation_date = CREATED
    return catalog


def template() -> Catalog:
    catalog = _about(Catalog(charset="utf-8"))
    for message, context, filename, lineno, comments in (*source_messages(), *routine_messages()):
        if not message or (isinstance(message, tuple) and not message[0]):
            continue
        existing = catalog.get(message if isinstance(message, str) else message[0], context)
        if existing is not None:
            existing.locations.append((filename, lineno))
            existing.auto_comments.extend(c for c in comments if c not in existing.auto_comments)
            continue
        catalog.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return catalog


def read_catalog(path: Path, locale: str | None = None) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=locale)


def po_path(language: str) -> Path:
    return PO_DIR / f"{language}.po"


def mo_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / "selfmassage.mo"


def merged(language: str, pot: Catalog) -> Catalog:
    path = po_path(language)
    catalog = read_catalog(path, language) if path.is_file() else _about(Catalog(locale=language))
    # No fuzzy guessing: a guessed translation of a changed sentence reads as right and is wrong.
    catalog.update(pot, no_fuzzy_matching=True)
    return _about(catalog)


def po_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_po(out, catalog, width=WIDTH, sort_by_file=True, include_lineno=False, include_previous=False)
    return out.getvalue()


def mo_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def _ids(catalog: Catalog) -> set[tuple[str, str | None]]:
    return {(m.id if isinstance(m.id, str) else m.id[0], m.context) for m in catalog if m.id}


def placeholders(text: str) -> tuple[list[str], list[str]]:
    """The placeholders in `text` (sorted), and its positional ones in their order."""
    text = text.replace("%%", "").replace("{{", "").replace("}}", "")
    return sorted(PLACEHOLDER.findall(text)), POSITIONAL.findall(text)


def placeholder_problems(catalog: Catalog, name: str) -> list[str]:
    """Each translation whose placeholders are not exactly its English's (a plural's: its plural form's)."""
    found = []
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = placeholders(ids[-1])
        for string in strings:
            if string and placeholders(string) != wanted:
                found.append(f"{name}:{message.lineno}: the placeholders of {ids[-1]!r} are "
                             f"{wanted[0]}, but its translation {string!r} has {placeholders(string)[0]}")
    return found


def problems() -> list[str]:
    """What is out of step, one line each; empty when everything is current."""
    found = []
    pot = template()
    if not TEMPLATE.is_file() or _ids(read_catalog(TEMPLATE)) != _ids(pot):
        found.append(f"{TEMPLATE.relative_to(ROOT)} is not the code's strings: run {Path(__file__).name}")
    for language in LANGUAGES:
        path = po_path(language)
        if not path.is_file():
            found.append(f"{path.relative_to(ROOT)} is missing")
            continue
        catalog = read_catalog(path, language)
        missing = _ids(pot) - _ids(catalog)
        found.extend(f"{path.name}: not in the catalogue: {msgid!r}" for msgid, _ in sorted(missing, key=str))
        for message in catalog:
            if not message.id:
                continue
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            if message.fuzzy or not all(strings):
                found.append(f"{path.name}:{message.lineno}: not translated: {message.id!r}")
        found.extend(placeholder_problems(catalog, path.name))
        mo = mo_path(language)
        if not mo.is_file() or mo.read_bytes() != mo_bytes(catalog):
            found.append(f"{mo.relative_to(ROOT)} is stale: run {Path(__file__).name}")
    return found


def update() -> None:
    pot = template()
    TEMPLATE.parent.mkdir(parents=True, exist_ok=True)
    TEMPLATE.write_bytes(po_bytes(pot))
    for language in LANGUAGES:
        catalog = merged(language, pot)
        po_path(language).write_bytes(po_bytes(catalog))
        catalog = read_catalog(po_path(language), language)  # compile exactly what the file says
        mo_path(language).parent.mkdir(parents=True, exist_ok=True)
        mo_path(language).write_bytes(mo_bytes(catalog))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if out of step")
    args = parser.parse_args(argv)
    if not args.check:
        update()
    found = problems()
    for line in found:
        print(line, file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main())
