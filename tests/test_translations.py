"""The catalogues are in step with the code: every marked string and every built-in routine's words are in
po/selfmassage.pot and translated in po/ru.po, and the shipped .mo is compiled from that .po."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import update_translations  # noqa: E402

sys.path.remove(str(ROOT / "tools"))


def test_the_catalogues_hold_every_string_translated_and_the_mo_files_are_current():
    assert update_translations.problems() == []


def test_a_string_added_to_the_code_is_reported_until_translated(monkeypatch):
    extra = ("Rub your elbow.", None, "selfmassage/x.py", 1, [])
    real = update_translations.source_messages
    monkeypatch.setattr(update_translations, "source_messages", lambda: [*real(), extra])
    found = update_translations.problems()
    assert any("not the code's strings" in line for line in found)
    assert any("not in the catalogue: 'Rub your elbow.'" in line for line in found)


def test_every_translation_keeps_the_placeholders_of_its_english():
    catalog = update_translations.read_catalog(update_translations.po_path("ru"), "ru")
    assert update_translations.placeholder_problems(catalog, "ru.po") == []
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        assert ("&" in ids[0]) == ("&" in strings[0]), (message.id, "a menu's shortcut letter")


def test_a_translation_that_loses_or_swaps_a_placeholder_is_reported():
    from babel.messages.catalog import Catalog

    catalog = Catalog(locale="ru")
    catalog.add("Exported {count} sessions to {file}.", "Выгружено сеансов: {count}.")  # {file} lost
    catalog.add("%(prog)s: error: %(message)s\n", "%(prog)s: ошибка\n")  # argparse's %(message)s lost
    catalog.add("Step %1 of %2", "Шаг %1 из %1")  # Qt's %2 lost: "QString::arg: Argument missing"
    catalog.add("%s then %d", "%d, затем %s")  # filled in by order: swapped
    catalog.add("{n:,} sessions", "{n} сеансов")  # its format lost
    catalog.add(("{n} minute", "{n} minutes"), ("{n} минута", "{n} минуты", "{n} минут"))  # kept
    catalog.add("Rest {minutes} min, 100%% done", "Отдых {minutes} мин, готово на 100%%")  # kept
    catalog.add("{{literal}} and {name}", "{name} и {{literal}}")  # kept: braces doubled are no placeholder
    found = update_translations.placeholder_problems(catalog, "ru.po")
    assert len(found) == 5, found
    for english in ("Exported {count}", "%(prog)s: error", "Step %1 of %2", "%s then %d", "{n:,} sessions"):
        assert sum(english in line for line in found) == 1, (english, found)


def test_russian_has_its_three_plural_forms():
    catalog = update_translations.read_catalog(update_translations.po_path("ru"), "ru")
    assert catalog.num_plurals == 3
    minutes = catalog.get(("{n} minute", "{n} minutes"))
    assert minutes.string == ("{n} минута", "{n} минуты", "{n} минут")


def test_no_module_that_translates_uses_underscore_as_a_throwaway_name():
    # `on, days, _ = ...` in a function makes `_` local there: its `_("…")` then raises TypeError.
    import ast

    for path in sorted((ROOT / "selfmassage").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        if not any(isinstance(node, ast.ImportFrom) and node.module == "selfmassage.i18n"
                   and any(alias.name == "_" for alias in node.names) for node in tree.body):
            continue
        for node in ast.walk(tree):
            stored = (isinstance(node, ast.Name) and node.id == "_" and isinstance(node.ctx, ast.Store)) or (
                isinstance(node, ast.arg) and node.arg == "_")
            assert not stored, f"{path.relative_to(ROOT)}:{node.lineno} binds _"
