"""The command line, run in-process as a person types it: (exit code, stdout, stderr)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from selfmassage.cli import main


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., tuple[int, str, str]]:
    def run(*args: str) -> tuple[int, str, str]:
        code = main(list(args))
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run
