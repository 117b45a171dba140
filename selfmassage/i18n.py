"""What the app says, in the user's language: gettext catalogues for core, command line and window alike.

    from selfmassage.i18n import _, ngettext, pgettext
    _("Pause")                                     # a sentence or a label
    ngettext("{n} minute", "{n} minutes", n).format(n=n)   # Russian: 1 минута, 2 минуты, 5 минут
    pgettext("technique", "Rubbing")               # when the same English word needs two translations

The catalogues are po/<lang>.po, compiled to assets/locale/<lang>/LC_MESSAGES/selfmassage.mo (shipped in
the wheel) by tools/update_translations.py. The language follows LANGUAGE / LC_ALL / LC_MESSAGES / LANG,
as gettext does, unless the person chose one (View ▸ Language, the `language` setting). The first `_` call
picks it up from the environment; the window and the commands call `setup` with the setting first.

Plain gettext only: importing it costs next to nothing. Babel, for dates in the locale's form, is imported
only when a date is formatted in a language other than English.
"""

from __future__ import annotations

import errno
import gettext
import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from datetime import date, datetime  # types only: the window's first frame shows no date

DOMAIN = "selfmassage"
SOURCE_LANGUAGE = "en"
# The languages shipped, each by its own name (a person looking for theirs reads it in their language).
LANGUAGES: dict[str, str] = {"en": "English", "ru": "Русский"}

_translation: gettext.NullTranslations | None = None
_language = SOURCE_LANGUAGE


def locale_dir() -> Path:
    from selfmassage.asset_root import assets_dir

    return assets_dir() / "locale"


def system_language() -> str:
    """The first shipped language the environment asks for, in gettext's order; English when none."""
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable, "")
        if not value:
            continue
        for wanted in value.split(":"):
            code = wanted.split(".")[0].split("@")[0].split("_")[0].lower()
            if code in LANGUAGES:
                return code
        if variable != "LANGUAGE":  # the first locale variable set decides, as in gettext
            break
    return SOURCE_LANGUAGE


def setup(language: str | None = None) -> str:
    """Speak `language` (a LANGUAGES key) from now on, or the system's when None or unknown; returns it."""
    global _translation, _language
    chosen = language if language in LANGUAGES else system_language()
    if chosen == SOURCE_LANGUAGE:
        _translation = gettext.NullTranslations()
    else:
        # A missing catalogue (a damaged install) falls back to English rather than failing.
        _translation = gettext.translation(DOMAIN, locale_dir(), languages=[chosen], fallback=True)
        if not isinstance(_translation, gettext.GNUTranslations):
            chosen = SOURCE_LANGUAGE
    _language = chosen
    return chosen


def _current() -> gettext.NullTranslations:
    if _translation is None:
        setup()
    return _translation  # type: ignore[return-value]


def language() -> str:
    """The language in use: 'en', 'ru'."""
    _current()
    return _language


def _(message: str) -> str:
    return _current().gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _current().ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    return _current().pgettext(context, message)


def npgettext(context: str, singular: str, plural: str, n: int) -> str:
    return _current().npgettext(context, singular, plural, n)


def N_(message: str) -> str:
    """Mark `message` for the catalogue only: a constant, translated with _() where it is shown."""
    return message


# -- Python's own reasons: why a file could not be read or written, or its JSON not parsed -------------------
# Python gives the system's reasons (`strerror`) and its json module's in English, with no catalogue behind
# them. The common ones are in ours under the very words Python uses, so English reads as it always did;
# a rare one stays as Python says it.
# The system's reasons a person meets with files, by errno, as glibc words them.
_OS_REASONS: dict[int, str] = {
    errno.ENOENT: N_("No such file or directory"),
    errno.EACCES: N_("Permission denied"),
    errno.EPERM: N_("Operation not permitted"),
    errno.EISDIR: N_("Is a directory"),
    errno.ENOTDIR: N_("Not a directory"),
    errno.EEXIST: N_("File exists"),
    errno.ENOSPC: N_("No space left on device"),
    errno.EDQUOT: N_("Disk quota exceeded"),
    errno.EROFS: N_("Read-only file system"),
    errno.ENAMETOOLONG: N_("File name too long"),
    errno.EIO: N_("Input/output error"),
    errno.ELOOP: N_("Too many levels of symbolic links"),
    errno.EBUSY: N_("Device or resource busy"),
}

# The json module's reasons (Python 3.11 to 3.13), each the start of its message.
_JSON_REASONS = (
    N_("Expecting value"), N_("Expecting property name enclosed in double quotes"),
    N_("Expecting ':' delimiter"), N_("Expecting ',' delimiter"), N_("Unterminated string starting at"),
    N_("Invalid control character at"), N_("Invalid \\uXXXX escape"), N_("Invalid \\escape"),
    N_("Extra data"), N_("Illegal trailing comma before end of object"),
    N_("Illegal trailing comma before end of array"),
)

# The csv module's reasons a history import can meet (the strict default dialect), each the start of its
# message: "field larger than field limit (131072)".
_CSV_REASONS = (N_("field larger than field limit"), N_("',' expected after '\"'"))


def os_reason(exc: OSError) -> str:
    """`exc`'s reason in words: the system's, translated when it is a common one; the app's own (a
    FileRefused's "it is a folder, not a file") as it is; the whole message when there is no reason."""
    if not exc.strerror:
        return str(exc)
    words = _OS_REASONS.get(exc.errno or 0)
    if words is not None and exc.strerror == os.strerror(exc.errno or 0):
        return _(words)
    return exc.strerror


def csv_reason(message: str) -> str:
    """A csv.Error's message in words ("field larger than field limit (131072)" → "поле длиннее предела
    (131072)")."""
    for reason in _CSV_REASONS:
        if message.startswith(reason):
            return _(reason) + message[len(reason):]
    return message


def json_reason(message: str) -> str:
    """A json.JSONDecodeError's `msg` in words ("Expecting value" → "ожидалось значение")."""
    for reason in _JSON_REASONS:
        if message == reason or message.startswith(reason + ":"):  # "Invalid \escape: 'q'"
            return _(reason) + message[len(reason):]
    return message


# -- dates in the locale's form: English as the app always wrote them, other languages by Babel (CLDR) -------


def _cldr(skeleton: str, value: date) -> str:
    from babel.dates import format_skeleton

    return format_skeleton(skeleton, value, locale=language())


def format_date(day: date) -> str:
    """'2 Nov 2026'; in Russian '2 нояб. 2026 г.'."""
    return f"{day.day} {day:%b %Y}" if language() == SOURCE_LANGUAGE else _cldr("yMMMd", day)


def format_day(day: date) -> str:
    """'Mon 24 Nov'; in Russian 'пн, 24 нояб.'."""
    return f"{day:%a} {day.day} {day:%b}" if language() == SOURCE_LANGUAGE else _cldr("MMMEd", day)


def format_day_month(day: date) -> str:
    """'24 Nov' (a week on the chart's axis); in Russian '24 нояб.'."""
    return f"{day.day} {day:%b}" if language() == SOURCE_LANGUAGE else _cldr("MMMd", day)


def format_weekday_date(day: date) -> str:
    """'Monday 2 Nov'; in Russian 'пн, 2 ноября'."""
    return f"{day:%A} {day.day} {day:%b}" if language() == SOURCE_LANGUAGE else _cldr("MMMMEd", day)


def format_moment(moment: datetime) -> str:
    """A session's start: 'Mon 24 Nov 2026, 19:05'; in Russian 'вт, 24 нояб. 2026 г., 19:05'."""
    english = language() == SOURCE_LANGUAGE
    day = f"{moment:%a} {moment.day} {moment:%b %Y}" if english else _cldr("yMMMEd", moment)
    return f"{day}, {moment:%H:%M}"


def format_weekday_time(moment: datetime) -> str:
    """'Mon 19:05': a session within the week shown."""
    weekday = f"{moment:%a}" if language() == SOURCE_LANGUAGE else _cldr("E", moment)
    return f"{weekday} {moment:%H:%M}"


def weekday_names(width: str = "wide") -> list[str]:
    """Monday first: 'Monday' … or, `width` "abbreviated", 'Mon' …; in the language in use."""
    if language() == SOURCE_LANGUAGE:
        names = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
        return names if width == "wide" else [name[:3] for name in names]
    from babel.dates import get_day_names

    days = get_day_names(width, context="stand-alone", locale=language())
    return [str(days[number]).capitalize() for number in range(7)]
