"""Editing a routine: a draft of plain field values, checked as you type, with undo and one-click fixes.

A draft may hold what a routine file may not (an empty name, an empty area) while the person types. It is
checked the way a file is: turned into the file's dict and read back with `parse_routine`, so the editor
shows the same `field` problems, with the same words, as `selfmassage routines validate`. The guide's rules
run on the steps as they stand, so a half-typed name never hides a rubbing step that is too long.

Undo keeps whole snapshots: a draft is a few hundred bytes of immutable values, so a snapshot is exact and
cheap, and undoing can never get out of step with the edits.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from selfmassage.core.fixes import STROKING_SECONDS, Fix, FixKind, fixed_steps, offered_fixes
from selfmassage.core.problems import Problem, Severity, has_errors
from selfmassage.core.routine import Routine, Step, name_key
from selfmassage.core.routine_format import MAX_NAME, parse_routine, routine_to_dict, step_to_dict
from selfmassage.core.rules import validate
from selfmassage.core.techniques import (
    TEMPO_DEFAULT,
    Direction,
    Intensity,
    Profile,
    Sides,
    Stage,
    Technique,
    Variant,
)
from selfmassage.i18n import _, pgettext

# A new step: long enough to warm up or calm down, short enough to notice.
NEW_STEP_SECONDS = 30
UNDO_LIMIT = 200

__all__ = ["DraftState", "DraftStep", "Fix", "FixKind", "RoutineDraft", "unique_name"]


@dataclass(frozen=True)
class DraftStep:
    """One step as the form holds it. Choices are always valid; text and seconds may not be yet."""

    stage: Stage = Stage.PREPARATORY
    technique: Technique = Technique.STROKING
    area: str = "lower back"
    seconds: int = NEW_STEP_SECONDS
    intensity: Intensity = Intensity.LIGHT
    variant: Variant | None = None
    note: str = ""
    sides: Sides = Sides.ONE
    direction: Direction | None = None  # no control in the form yet: kept as the file had it

    @classmethod
    def from_step(cls, step: Step) -> DraftStep:
        return cls(step.stage, step.technique, step.area, step.seconds, step.intensity, step.variant,
                   step.note, step.sides, step.direction)

    def to_step(self) -> Step:
        """Unchecked: for totals and the guide's rules, which read only choices and seconds."""
        return Step(stage=self.stage, technique=self.technique, area=self.area.strip(),
                    seconds=self.seconds, intensity=self.intensity, variant=self.variant,
                    note=self.note.strip(), sides=self.sides, direction=self.direction)

    def to_dict(self) -> dict[str, Any]:
        """The step in the routine file's shape, as a saved file writes it (routine_format.step_to_dict)."""
        return step_to_dict(self)

    def describe(self) -> str:
        return _("{technique}, {area}").format(technique=self.technique.label,
                                               area=pgettext("area", self.area.strip()) or _("(no area)"))


@dataclass(frozen=True)
class DraftState:
    """The whole routine being edited; one undo snapshot."""

    name: str = "New routine"
    description: str = ""
    tempo: int = TEMPO_DEFAULT
    profile: Profile = Profile.STANDARD
    steps: tuple[DraftStep, ...] = ()

    @classmethod
    def from_routine(cls, routine: Routine) -> DraftState:
        return cls(routine.name, routine.description, routine.tempo, routine.profile,
                   tuple(DraftStep.from_step(step) for step in routine.steps))

    def to_dict(self) -> dict[str, Any]:
        """The routine file's shape, exactly what `parse_routine` reads and a saved file holds."""
        return routine_to_dict(self)

    def unchecked_routine(self) -> Routine:
        """A Routine however wrong the text is: for totals per stage and for the guide's rules."""
        return Routine(name=self.name.strip(), steps=tuple(step.to_step() for step in self.steps),
                       description=self.description.strip(), tempo=self.tempo, profile=self.profile)


@dataclass(frozen=True)
class DraftCheck:
    """What checking a draft found: the routine when it can be saved as a file, and every problem."""

    routine: Routine | None  # None while any field is wrong
    problems: tuple[Problem, ...]

    @property
    def has_errors(self) -> bool:
        return has_errors(list(self.problems))


def check_state(state: DraftState) -> DraftCheck:
    routine, field_problems = parse_routine(state.to_dict())
    rule_problems = validate(state.unchecked_routine()) if state.steps else []
    problems = sorted([*field_problems, *rule_problems],
                      key=lambda p: (p.step is None, p.step or 0, p.severity is Severity.WARNING))
    return DraftCheck(routine, tuple(problems))


@dataclass(frozen=True)
class _Snapshot:
    state: DraftState
    label: str  # what the edit that left this state did, for "Undo Move step"


@dataclass
class _History:
    undo: list[_Snapshot] = field(default_factory=list)
    redo: list[_Snapshot] = field(default_factory=list)
    # Edits with the same key in a row (typing a name) make one undo step.
    coalesce_key: object = None


class RoutineDraft:
    """A routine being edited. Every edit is one undo step; `dirty` compares with the last save."""

    def __init__(self, state: DraftState, *, saved_name: str | None = None, saved: bool = True) -> None:
        self._state = state
        self._history = _History()
        self._check: DraftCheck | None = None
        # The name it has on disk, so a rename replaces its file; None until first saved.
        self.saved_name = saved_name
        self._saved_state: DraftState | None = state if saved else None

    @classmethod
    def from_routine(cls, routine: Routine, *, saved: bool = True) -> RoutineDraft:
        return cls(DraftState.from_routine(routine), saved_name=routine.name if saved else None,
                   saved=saved)

    @classmethod
    def new(cls, name: str | None = None, area: str = "lower back") -> RoutineDraft:
        """A small routine that already follows the guide: stroking to open and to close."""
        steps = (
            DraftStep(Stage.PREPARATORY, Technique.STROKING, area, STROKING_SECONDS),
            DraftStep(Stage.FINAL, Technique.STROKING, area, STROKING_SECONDS),
        )
        return cls(DraftState(name=_("New routine") if name is None else name, steps=steps), saved=False)

    # -- reading -----------------------------------------------------------------------------------

    @property
    def state(self) -> DraftState:
        return self._state

    @property
    def steps(self) -> tuple[DraftStep, ...]:
        return self._state.steps

    @property
    def check(self) -> DraftCheck:
        if self._check is None:
            self._check = check_state(self._state)
        return self._check

    @property
    def problems(self) -> tuple[Problem, ...]:
        return self.check.problems

    @property
    def routine(self) -> Routine | None:
        """The routine to save, or None while a field is wrong."""
        return self.check.routine

    @property
    def can_save(self) -> bool:
        return self.check.routine is not None and not self.check.has_errors

    def problems_for_step(self, index: int) -> list[Problem]:
        """Problems about this step, a run's problem on each step of the run."""
        return [problem for problem in self.problems if index + 1 in problem.step_numbers]

    def routine_problems(self) -> list[Problem]:
        return [problem for problem in self.problems if problem.step is None]

    def total_seconds(self) -> int:
        return self._state.unchecked_routine().total_seconds

    def stage_seconds(self) -> dict[Stage, int]:
        return self._state.unchecked_routine().stage_seconds()

    @property
    def dirty(self) -> bool:
        return self._state != self._saved_state

    def mark_saved(self) -> None:
        self._saved_state = self._state
        self.saved_name = self._state.name.strip()
        self._history.coalesce_key = None  # typing after a save is a new undo step

    # -- undo --------------------------------------------------------------------------------------

    @property
    def can_undo(self) -> bool:
        return bool(self._history.undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._history.redo)

    @property
    def undo_label(self) -> str:
        return self._history.undo[-1].label if self._history.undo else ""

    @property
    def redo_label(self) -> str:
        return self._history.redo[-1].label if self._history.redo else ""

    def undo(self) -> bool:
        if not self._history.undo:
            return False
        snapshot = self._history.undo.pop()
        self._history.redo.append(_Snapshot(self._state, snapshot.label))
        self._set_state(snapshot.state)
        return True

    def redo(self) -> bool:
        if not self._history.redo:
            return False
        snapshot = self._history.redo.pop()
        self._history.undo.append(_Snapshot(self._state, snapshot.label))
        self._set_state(snapshot.state)
        return True

    def _set_state(self, state: DraftState) -> None:
        self._state = state
        self._check = None
        self._history.coalesce_key = None

    def _apply(self, state: DraftState, label: str, coalesce: object = None) -> bool:
        """Make `state` current as one undo step; False (and nothing recorded) when nothing changes."""
        if state == self._state:
            return False
        history = self._history
        merging = coalesce is not None and coalesce == history.coalesce_key and history.undo
        if not merging:
            history.undo.append(_Snapshot(self._state, label))
            del history.undo[:-UNDO_LIMIT]
        history.redo.clear()
        if merging and history.undo[-1].state == state:
            history.undo.pop()  # typed and then deleted again: nothing left to undo
            coalesce = None
        self._state = state
        self._check = None
        history.coalesce_key = coalesce
        return True

    def break_coalescing(self) -> None:
        """The next edit starts a new undo step even if it has the same key (focus left the field)."""
        self._history.coalesce_key = None

    # -- routine fields ----------------------------------------------------------------------------

    def set_name(self, name: str) -> bool:
        return self._apply(replace(self._state, name=name), pgettext("undo", "Rename"), coalesce="name")

    def set_description(self, description: str) -> bool:
        return self._apply(replace(self._state, description=description),
                           pgettext("undo", "Change description"), coalesce="description")

    def set_tempo(self, tempo: int) -> bool:
        return self._apply(replace(self._state, tempo=tempo), pgettext("undo", "Change tempo"),
                           coalesce="tempo")

    def set_profile(self, profile: Profile) -> bool:
        return self._apply(replace(self._state, profile=profile), pgettext("undo", "Change profile"))

    # -- steps -------------------------------------------------------------------------------------

    def _with_steps(self, steps: Iterable[DraftStep]) -> DraftState:
        return replace(self._state, steps=tuple(steps))

    def add_step(self, after: int | None = None, step: DraftStep | None = None) -> int:
        """Insert after `after` (at the end when None); returns the new step's index.

        Without a step given, the new one is light stroking on the same area and stage as its neighbour:
        the quietest step to start from.
        """
        steps = list(self.steps)
        at = len(steps) if after is None else max(0, min(after + 1, len(steps)))
        if step is None:
            neighbour = steps[at - 1] if at > 0 else (steps[0] if steps else None)
            step = DraftStep() if neighbour is None else DraftStep(neighbour.stage, Technique.STROKING,
                                                                   neighbour.area)
        steps.insert(at, step)
        self._apply(self._with_steps(steps), pgettext("undo", "Add step"))
        return at

    def duplicate_step(self, index: int) -> int:
        steps = list(self.steps)
        steps.insert(index + 1, steps[index])
        self._apply(self._with_steps(steps), pgettext("undo", "Duplicate step"))
        return index + 1

    def remove_step(self, index: int) -> int | None:
        """Returns the index to show next (the step that took its place), None when none are left."""
        steps = list(self.steps)
        del steps[index]
        self._apply(self._with_steps(steps), pgettext("undo", "Remove step"))
        return min(index, len(steps) - 1) if steps else None

    def move_step(self, index: int, to: int) -> int:
        """Move a step so that it ends up at index `to`; returns where it is now."""
        steps = list(self.steps)
        to = max(0, min(to, len(steps) - 1))
        step = steps.pop(index)
        steps.insert(to, step)
        self._apply(self._with_steps(steps), pgettext("undo", "Move step"))
        return to

    def set_step(self, index: int, **changes: Any) -> bool:
        """Change fields of one step. Text fields typed one key at a time make one undo step."""
        old = self.steps[index]
        new = replace(old, **changes)
        if new.technique is not Technique.SQUEEZING and new.variant is not None:
            new = replace(new, variant=None)  # only squeezing has variants; keep the file valid
        steps = list(self.steps)
        steps[index] = new
        typed = set(changes) <= {"area", "note", "seconds"}
        coalesce = ("step", index, *sorted(changes)) if typed else None
        return self._apply(self._with_steps(steps), pgettext("undo", "Change step"), coalesce=coalesce)

    # -- one-click fixes ---------------------------------------------------------------------------

    def _routine_of(self, steps: tuple[DraftStep, ...]) -> Routine:
        return replace(self._state, steps=steps).unchecked_routine()

    def fixes_for(self, problem: Problem) -> list[Fix]:
        """The one-click fixes that clear `problem`, each checked first; empty where it takes judgement."""
        return offered_fixes(self.steps, problem, self._routine_of)

    def apply_fix(self, fix: Fix) -> int | None:
        """Apply a fix as one undo step; returns the step index to show afterwards."""
        steps, show, _touched = fixed_steps(self.steps, fix)
        self._apply(self._with_steps(steps), fix.label)
        return show


def unique_name(name: str, taken: Iterable[str]) -> str:
    """`name`, or "name (2)", "name (3)", … : the first one no routine in `taken` has (any case)."""
    used = {name_key(other) for other in taken}
    base = name.strip() or _("Routine")
    if name_key(base) not in used:
        return base
    number = 2
    while True:
        suffix = f" ({number})"
        candidate = base[:MAX_NAME - len(suffix)].rstrip() + suffix
        if name_key(candidate) not in used:
            return candidate
        number += 1
