"""The history as CSV: a backup a person can open in a spreadsheet, and read back in.

Columns, in this order: started_at,ended_at,routine,status,active_seconds,feeling,symptoms,note.
Times are ISO 8601 with their UTC offset; symptoms are separated by `;`; feeling is empty or 1–5.
Import checks every row first and adds nothing when any row is bad; a session already there (same start
and routine) is skipped, so importing the same file twice adds it once.

A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return) as a formula, so such a
routine name or note is written with a leading ' (as OWASP advises), and import takes exactly that off.
"""

from __future__ import annotations

import csv
import io
import math
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from selfmassage.core.checkin import FEELING_MAX, FEELING_MIN, CheckIn, Symptom
from selfmassage.core.session_status import SessionStatus
from selfmassage.i18n import _, csv_reason, ngettext
from selfmassage.store.files import read_capped, write_export
from selfmassage.store.history import History, HistoryError
from selfmassage.store.history_rescue import plain_reason
from selfmassage.store.history_rows import ENDED_STATUSES, ImportedSession
from selfmassage.store.history_time import utc_text

COLUMNS = ("started_at", "ended_at", "routine", "status", "active_seconds", "feeling", "symptoms", "note")
MAX_IMPORT_BYTES = 50 * 1024 * 1024
MAX_ROUTINE_NAME = 80
MAX_NOTE = 2000
MAX_ACTIVE_SECONDS = 24 * 3600
FIRST_YEAR, LAST_YEAR = 1970, 9998  # any UTC offset keeps these within what a date can hold
_FORMULA_START = tuple("=+-@\t\r")
# Control characters a note may not hold (a terminal would act on them); tab and line breaks are fine.
_NOTE_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def neutralised(text: str) -> str:
    """A cell a spreadsheet shows as text, never runs: a leading ' before a formula's first character."""
    return "'" + text if text.lstrip("'").startswith(_FORMULA_START) else text


def restored(text: str) -> str:
    """The text `neutralised` was given: exactly its one added ' taken off."""
    return text[1:] if text.startswith("'") and text[1:].lstrip("'").startswith(_FORMULA_START) else text

# A time as the CSV writes it, for messages that ask for one.
_EXAMPLE_TIME = "2026-11-20T19:05:00+01:00"


class CsvImportError(Exception):
    """The file can't be imported; `problems` holds one line per bad row ("line 4: …")."""

    def __init__(self, problems: list[str], *, unreadable: bool = False) -> None:
        super().__init__(problems[0] if problems else _("the file can't be imported"))
        self.problems = problems
        self.unreadable = unreadable  # not a text file at all, rather than bad rows


@dataclass(frozen=True)
class ImportResult:
    added: int
    skipped: int  # already in the history


def _time_text(moment: datetime | None) -> str:
    return "" if moment is None else moment.isoformat(timespec="seconds")


def _seconds_text(seconds: float) -> str:
    whole = round(seconds)
    return str(whole) if abs(seconds - whole) < 0.05 else f"{seconds:.1f}"


def export_text(history: History) -> tuple[str, int]:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")  # RFC 4180; and a note's lone \r is quoted too
    writer.writerow(COLUMNS)
    count = 0
    for session in history.sessions():
        if session.status == SessionStatus.RUNNING:
            continue  # still going (in another window): its end isn't known yet
        ended = session.ended_at
        if ended is not None and ended < session.started_at:
            # Recorded by an older version while the wall clock was set back: import would refuse the row.
            ended = session.started_at + timedelta(seconds=round(session.active_seconds))
        writer.writerow([
            _time_text(session.started_at), _time_text(ended), neutralised(session.routine_name),
            session.status, _seconds_text(session.active_seconds),
            "" if session.feeling is None else session.feeling, ";".join(session.symptoms),
            neutralised(session.note),
        ])
        count += 1
    return out.getvalue(), count


def export_csv(history: History, path: Path, *, replace: bool = True) -> int:
    """Write every ended session to a new file at `path`, or over a plain file there with `replace` (the
    window's save dialog has asked); never into a pipe, a device or a folder (OSError). Returns how many."""
    text, count = export_text(history)
    write_export(path, text.encode("utf-8"), replace=replace)
    return count


def _when(text: str, column: str, required: bool) -> datetime | None:
    text = text.strip()
    if not text:
        if required:
            raise ValueError(_("{column} is empty; give a time like {example}").format(column=column,
                                                                                       example=_EXAMPLE_TIME))
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(_("{column} {value} is not a time like {example}").format(
            column=column, value=repr(text[:40]), example=_EXAMPLE_TIME)) from None
    if moment.tzinfo is None:
        raise ValueError(_("{column} {value} needs its UTC offset, like +01:00 or Z").format(
            column=column, value=repr(text[:40])))
    if not FIRST_YEAR <= moment.year <= LAST_YEAR:
        raise ValueError(_("{column} {value} is outside the years {first}–{last}").format(
            column=column, value=repr(text[:40]), first=FIRST_YEAR, last=LAST_YEAR))
    return moment


def _row(cells: list[str]) -> ImportedSession:
    if len(cells) != len(COLUMNS):
        raise ValueError(ngettext("has {n} column; it needs {needed}: {columns}",
                                  "has {n} columns; it needs {needed}: {columns}", len(cells)).format(
            n=len(cells), needed=len(COLUMNS), columns=",".join(COLUMNS)))
    started_text, ended_text, routine, status, active, feeling, symptoms, note = cells
    started = _when(started_text, "started_at", required=True)
    assert started is not None
    ended = _when(ended_text, "ended_at", required=False)
    if ended is not None and ended < started:
        raise ValueError(_("ended_at is before started_at"))
    routine = restored(routine.strip())
    if not 1 <= len(routine) <= MAX_ROUTINE_NAME or any(ord(ch) < 32 for ch in routine):
        raise ValueError(_("routine must be one line of 1–{most} characters").format(most=MAX_ROUTINE_NAME))
    status = status.strip().lower()
    if status not in ENDED_STATUSES:
        raise ValueError(_("status must be {allowed}, not {value}").format(allowed=", ".join(ENDED_STATUSES),
                                                                           value=repr(status[:20])))
    try:
        seconds = float(active.strip())
    except ValueError:
        raise ValueError(_("active_seconds must be a number of seconds, not {value}").format(
            value=repr(active.strip()[:20]))) from None
    if not math.isfinite(seconds) or not 0 <= seconds <= MAX_ACTIVE_SECONDS:
        raise ValueError(_("active_seconds must be from 0 to {most}, not {value}").format(
            most=MAX_ACTIVE_SECONDS, value=active.strip()[:20]))
    feeling_value: int | None = None
    if feeling.strip():
        text = feeling.strip()
        if not text.isdigit() or not FEELING_MIN <= int(text) <= FEELING_MAX:
            raise ValueError(_("feeling must be empty or {low}–{high}, not {value}").format(
                low=FEELING_MIN, high=FEELING_MAX, value=repr(text[:20])))
        feeling_value = int(text)
    known = {symptom.value: symptom for symptom in Symptom}
    found: set[Symptom] = set()
    for part in symptoms.split(";"):
        word = part.strip().lower()
        if not word:
            continue
        if word not in known:
            raise ValueError(_("symptom {value} is not one of {allowed}").format(value=repr(word[:30]),
                                                                                 allowed=", ".join(known)))
        found.add(known[word])
    note = restored(note)
    if len(note) > MAX_NOTE:
        raise ValueError(_("note is {length} characters; at most {most}").format(length=len(note),
                                                                               most=MAX_NOTE))
    if _NOTE_CONTROL.search(note):
        raise ValueError(_("note may hold line breaks and tabs but no other control characters"))
    return ImportedSession(routine, started, ended, SessionStatus(status), seconds,
                           CheckIn(feeling_value, frozenset(found), note))


def parse_csv(text: str) -> list[ImportedSession]:
    """Every row checked; CsvImportError listing each bad one by line number."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)  # strict: a cut-off quote is an error
    problems: list[str] = []
    sessions: list[ImportedSession] = []
    line = 1
    try:
        header = next(reader, None)
        if header is None:
            raise CsvImportError([_("line 1: the file is empty; it needs the header {header}").format(
                header=",".join(COLUMNS))], unreadable=True)
        if [cell.strip().lower() for cell in header] != list(COLUMNS):
            raise CsvImportError([_("line 1: the header must be exactly {header}").format(
                header=",".join(COLUMNS))], unreadable=True)
        line = reader.line_num + 1
        for cells in reader:
            if not any(cell.strip() for cell in cells):
                line = reader.line_num + 1
                continue  # blank lines, e.g. at the end of a spreadsheet's export
            try:
                sessions.append(_row(cells))
            except ValueError as exc:
                problems.append(_("line {line}: {problem}").format(line=line, problem=exc))
            line = reader.line_num + 1
    except csv.Error as exc:
        if "end of data" in str(exc):
            problems.append(_("line {line}: the file ends inside a quoted field; it looks cut off").format(
                line=line))
        else:
            problems.append(_("line {line}: not valid CSV ({reason})").format(line=line,
                                                                               reason=csv_reason(str(exc))))
    if problems:
        raise CsvImportError(problems)
    return sessions


def import_csv(history: History, path: Path) -> ImportResult:
    """Add the file's sessions; raises CsvImportError (nothing added) or OSError."""
    data = read_capped(path, MAX_IMPORT_BYTES, _("the file is over {size} MiB").format(
        size=MAX_IMPORT_BYTES // (1024 * 1024)))
    try:
        text = data.decode("utf-8-sig")  # a spreadsheet may add a BOM
    except UnicodeDecodeError as exc:
        raise CsvImportError([_("the file is not UTF-8 text (byte {byte})").format(byte=exc.start)],
                             unreadable=True) from None
    sessions = parse_csv(text)
    # Two rows for the same session in one file: keep the first.
    unique: dict[tuple[str, str], ImportedSession] = {}
    for session in sessions:
        unique.setdefault((utc_text(session.started_at), session.routine_name), session)
    if history.read_only:
        raise HistoryError(_("your history can't be written, so nothing was imported."))
    try:
        added, skipped = history.add_imported(unique.values())
    except sqlite3.OperationalError as exc:  # the disk filled up, the folder turned read-only
        raise HistoryError(_("your history can't be written ({reason}), so nothing was imported.").format(
            reason=plain_reason(exc))) from None
    return ImportResult(added, skipped + len(sessions) - len(unique))
