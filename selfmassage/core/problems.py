"""A problem found in a routine: by the file format (id `field`) or by one of the guide's rules."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from selfmassage.i18n import _


class Severity(StrEnum):
    ERROR = "error"  # stops a routine from being saved or run
    WARNING = "warning"  # shown, allowed

    @property
    def label(self) -> str:
        """'error', in the language in use."""
        return _("error") if self is Severity.ERROR else _("warning")


@dataclass(frozen=True)
class Problem:
    severity: Severity
    rule: str  # a stable id, e.g. "rub-cap"
    message: str  # one line that says how to fix it
    step: int | None = None  # 1-based; None for the routine as a whole
    field: str | None = None  # for `field` problems: the key at fault
    # Every step a problem is about, when it is more than one (a run of rubbing); `step` is the first.
    steps: tuple[int, ...] = ()

    @property
    def step_numbers(self) -> tuple[int, ...]:
        """The 1-based steps this problem is about; empty for the routine as a whole."""
        if self.steps:
            return self.steps
        return (self.step,) if self.step is not None else ()

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def where(self) -> str:
        return _("step {number}").format(number=self.step) if self.step is not None else _("routine")

    def __str__(self) -> str:
        # The rule id stays as it is: a stable key to look up, the same in every language.
        return _("{where}: {severity} [{rule}] {message}").format(
            where=self.where(), severity=self.severity.label, rule=self.rule, message=self.message)


def has_errors(problems: list[Problem]) -> bool:
    return any(problem.is_error for problem in problems)
