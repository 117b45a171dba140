"""The window's pages, named once: the stack's keys, what `current_page()` returns."""

from __future__ import annotations

from enum import StrEnum


class Page(StrEnum):
    PICKER = "picker"
    SESSION = "session"
    SUMMARY = "summary"
    ROUTINES = "routines"  # the routine editor (editor_hook)
    REVIEW = "review"  # the history (history_hook)
    LEARN = "learn"  # the techniques, with the movement on the map (learn_page)
