"""What the picker shows once the routines are read: each routine's card in the list, its lines (where it
comes from, its length, steps and tempo, its stages and why it can't be started) and Enter to start it.

The picker itself (picker.py) is the window's first frame, made before the routines are read; this module
needs the core and the `Qt` namespace, so the picker loads it with the first routine it shows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QListWidgetItem

from selfmassage.core.safety import SPINE_MARK
from selfmassage.core.spine_care import would_soften
from selfmassage.core.techniques import Profile
from selfmassage.i18n import _, ngettext
from selfmassage.qt.dialog_fit import scroll_words_down
from selfmassage.qt.routine_card import RoutineCard
from selfmassage.qt.routine_words import format_length, stage_overview, why_unusable
from selfmassage.qt.stage_strip import StageStrip
from selfmassage.store.library import RoutineEntry, Source

if TYPE_CHECKING:
    from selfmassage.qt.picker import RoutinePicker



def softened(entry: RoutineEntry | None, spine_care: bool) -> bool:
    """This routine will run lighter beside the spine than its file says (a spine answer of "yes")."""
    return spine_care and entry is not None and entry.routine is not None and would_soften(entry.routine)


def make_stages(picker: RoutinePicker) -> StageStrip:
    stages = StageStrip(picker.stages_heading.parentWidget())
    stages.setAccessibleName(_("Stages this routine covers"))
    return stages


def fill_list(picker: RoutinePicker, entries: list[RoutineEntry], role: int) -> None:
    """The list's items, one card a routine, with why it can't be started (or its description) as a tip."""
    if not isinstance(picker.list.itemDelegate(), RoutineCard):
        picker.list.setItemDelegate(RoutineCard(role, picker.list))
        # Never sideways: a long name ends in "…" (RoutineCard), the card's words wrap.
        picker.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll_words_down(picker.words)  # and Tab goes from the list to the controls
    for entry in entries:
        item = QListWidgetItem(_item_text(entry, picker.spine_care), picker.list)
        item.setData(role, entry)
        item.setToolTip(why_unusable(entry) or (entry.routine.description if entry.routine else ""))


def show_entry(picker: RoutinePicker, entry: RoutineEntry) -> None:
    """The card on the right: the routine's name, where it comes from, its facts, stages and problem."""
    routine = entry.routine
    picker.name.setText(entry.name)
    picker.source.setText(_source_line(entry, picker.spine_care))
    picker.description.setText(routine.description if routine else "")
    picker.description.setVisible(bool(routine and routine.description))
    if routine is not None:
        steps = len(routine.steps)
        facts = ngettext("{length}  ·  {count} step  ·  rubbing at {tempo} a minute",
                         "{length}  ·  {count} steps  ·  rubbing at {tempo} a minute", steps)
        picker.facts.setText(facts.format(length=format_length(routine.total_seconds), count=steps,
                                          tempo=routine.tempo))
        picker.stages.set_stages(routine.stages, coverage=True)
        picker.overview.setTextFormat(Qt.TextFormat.RichText)
        picker.overview.setText(stage_overview(routine))
    for part in (picker.facts, picker.stages_heading, picker.overview):
        part.setVisible(routine is not None)
    if routine is None:
        picker.hide_stages()
    reason = why_unusable(entry)
    picker.problem.setText(reason)
    picker.problem.setVisible(bool(reason))
    picker.start_button.setEnabled(entry.usable)
    picker.short_prompts_row.setVisible(routine is not None and entry.usable)
    picker.start_button.setAccessibleDescription(
        _("Start {routine}").format(routine=entry.name) if entry.usable else _(picker.NOTHING_TO_START))


def is_enter(event: QKeyEvent) -> bool:
    return event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def _item_text(entry: RoutineEntry, spine_care: bool) -> str:
    if entry.routine is None:
        return entry.name + "\n" + _("can't be read")
    routine = entry.routine
    steps = len(routine.steps)
    line = ngettext("{length} · {count} step", "{length} · {count} steps", steps).format(
        length=format_length(routine.total_seconds), count=steps)
    if not entry.usable:
        line += " · " + _("can't be started")
    elif softened(entry, spine_care):
        line += " · " + _("lighter beside your spine")
    return f"{entry.name}\n{line}"


def _source_line(entry: RoutineEntry, spine_care: bool) -> str:
    source = _("Built in") if entry.source is Source.BUILTIN else _("Yours · {file}").format(
        file=entry.path.name)
    if entry.routine is not None and entry.routine.profile is Profile.PREGNANCY:
        source += " · " + _("for pregnancy: light techniques only")
    if softened(entry, spine_care):
        source += f" · {_(SPINE_MARK).lower()}"
    return source
