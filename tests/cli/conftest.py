from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from selfmassage.cli import main

CLEAN = {
    "format": 1,
    "name": "Quick back",
    "tempo": 80,
    "steps": [
        {"stage": "preparatory", "technique": "stroking", "area": "lower back", "seconds": 2},
        {"stage": "medium-deep", "technique": "rubbing", "area": "lower back", "seconds": 3},
        {"stage": "deep", "technique": "squeezing", "area": "shoulders", "seconds": 3,
         "intensity": "moderate", "variant": "palm-base"},
        {"stage": "deep", "technique": "kneading", "area": "shoulders", "seconds": 3,
         "intensity": "moderate"},
        {"stage": "final", "technique": "stroking", "area": "lower back", "seconds": 2},
    ],
}


@pytest.fixture
def clean_routine() -> dict:
    return json.loads(json.dumps(CLEAN))


@pytest.fixture
def write_json(tmp_path: Path) -> Callable[[str, object], Path]:
    def write(name: str, data: object) -> Path:
        path = tmp_path / name
        path.write_text(json.dumps(data) if not isinstance(data, str) else data, encoding="utf-8")
        return path

    return write


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., tuple[int, str, str]]:
    def run(*args: str) -> tuple[int, str, str]:
        code = main(list(args))
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run
