"""How a command ends: its exit code, or one line for stderr. Light: the window's start-up imports it."""

from __future__ import annotations

EXIT_OK, EXIT_PROBLEMS, EXIT_UNREADABLE = 0, 1, 2


class UserError(Exception):
    """One line for stderr, and the exit code to leave with."""

    def __init__(self, message: str, code: int = EXIT_PROBLEMS) -> None:
        super().__init__(message)
        self.code = code
