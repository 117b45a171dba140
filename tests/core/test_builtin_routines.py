"""The routines shipped in assets/routines/: each one runs with no errors and no warnings, and each keeps
the promise its name makes (four stages, the pregnancy limits, all five techniques on the legs)."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

from selfmassage.core.routine import Routine
from selfmassage.core.routine_format import MAX_NOTE, dumps_routine, loads_routine
from selfmassage.core.rules import validate
from selfmassage.core.techniques import (
    KNOWN_AREAS,
    RUB_CAP_SECONDS,
    Intensity,
    Profile,
    Stage,
    Technique,
    Variant,
)
from selfmassage.store.library import RoutineLibrary

ROOT = Path(__file__).resolve().parents[2]
ROUTINES_DIR = ROOT / "assets" / "routines"
FILES = sorted(ROUTINES_DIR.glob("*.json"))

CLASSIC = "classic-back-session"
THOROUGH = "thorough-relaxing-back-sequence"
EVENING_BALL = "evening-relax-with-a-massage-ball"
AFTER_WORKOUT = "after-workout-back-and-shoulders"
PREGNANCY = "pregnancy-safe-light-massage"
LEGS = "learn-the-techniques-on-your-legs"
EXPECTED = {CLASSIC, THOROUGH, EVENING_BALL, AFTER_WORKOUT, PREGNANCY, LEGS}

# A note is read from across the room during a step: one short line.
NOTE_FITS_ON_SCREEN = 90


def load(stem: str) -> Routine:
    routine, problems = loads_routine((ROUTINES_DIR / f"{stem}.json").read_bytes())
    assert problems == []
    assert routine is not None
    return routine


def test_the_six_built_in_routines_are_there():
    assert {path.stem for path in FILES} == EXPECTED


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.stem)
def test_each_file_parses_and_passes_every_rule(path: Path):
    routine, problems = loads_routine(path.read_bytes(), source=str(path))
    assert problems == []
    assert routine is not None
    assert [str(problem) for problem in validate(routine)] == []


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.stem)
def test_each_file_is_in_canonical_form(path: Path):
    routine, _ = loads_routine(path.read_bytes())
    assert routine is not None
    assert path.read_text(encoding="utf-8") == dumps_routine(routine)


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.stem)
def test_each_lasts_a_realistic_session(path: Path):
    routine = load(path.stem)
    assert 10 * 60 <= routine.total_seconds <= 40 * 60


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.stem)
def test_the_description_says_how_long_it_takes(path: Path):
    routine = load(path.stem)
    match = re.search(r"about (\d+) minutes", routine.description, re.IGNORECASE)
    assert match, routine.description
    assert abs(int(match.group(1)) * 60 - routine.total_seconds) <= 60


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.stem)
def test_every_step_has_a_short_note_of_its_own(path: Path):
    routine = load(path.stem)
    for step in routine.steps:
        assert step.note, step
        assert len(step.note) <= min(MAX_NOTE, NOTE_FITS_ON_SCREEN), step.note
        assert "\n" not in step.note


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.stem)
def test_every_area_can_be_shown_on_the_body_map(path: Path):
    # "lower back" or "lower back, left": a known area, optionally with a side or a half.
    shapes = {*KNOWN_AREAS} | {
        f"{area}, {part}" for area in KNOWN_AREAS for part in ("left", "right", "upper", "lower")
    }
    routine = load(path.stem)
    assert {step.area for step in routine.steps} <= shapes


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.stem)
def test_rubbing_and_vibration_never_stay_on_one_area_past_the_cap(path: Path):
    # Two 10-s steps on the same area in a row would be 20 s on one spot.
    routine = load(path.stem)
    capped = {Technique.RUBBING, Technique.VIBRATION}
    for before, step in zip(routine.steps, routine.steps[1:], strict=False):
        if before.technique in capped and step.technique in capped:
            assert before.area != step.area, step
    assert all(step.seconds <= RUB_CAP_SECONDS for step in routine.steps if step.technique in capped)


def test_names_are_unique():
    names = [load(path.stem).name.casefold() for path in FILES]
    assert len(names) == len(set(names))


def test_the_classic_session_covers_all_four_stages_with_deep_the_longest():
    routine = load(CLASSIC)
    assert routine.stages == tuple(Stage)
    totals = routine.stage_seconds()
    assert totals[Stage.DEEP] == max(totals.values())


def test_the_thorough_sequence_relaxes_and_says_treatment_is_a_professionals_work():
    routine = load(THOROUGH)
    assert "relaxing" in routine.name.lower() and "therap" not in routine.name.lower()
    assert "treating back trouble is a professional's work" in routine.description


def test_the_thorough_sequence_follows_the_guide_in_order():
    routine = load(THOROUGH)
    steps = routine.steps

    def first(technique: Technique, area: str, after: int = 0) -> int:
        return next(i for i, step in enumerate(steps) if i >= after and step.technique is technique
                    and step.area.split(",")[0] == area)

    # 1. Warm every zone of the back before any pressing.
    pressing = first(Technique.SQUEEZING, "lower back")
    warmed = {step.area.split(",")[0] for step in steps[:pressing]}
    assert {"lower back", "along the spine", "shoulder blades", "collar zone", "glutes"} <= warmed
    assert {step.technique for step in steps[:pressing]} == {Technique.STROKING, Technique.RUBBING}
    # 2. Lower back and shoulder blades, pressed slowly, growing in intensity.
    levels = [step.intensity.level for step in steps[pressing:pressing + 4]]
    assert {step.area for step in steps[pressing:pressing + 4]} == {"lower back", "shoulder blades"}
    assert levels == sorted(levels) and levels[0] < levels[-1]
    # 3. Both hands either side of the spine, from the lower back up to the collar zone.
    both_hands = [i for i, step in enumerate(steps) if step.variant is Variant.TWO_HANDS]
    assert [steps[i].area for i in both_hands] == ["along the spine, lower", "along the spine, upper",
                                                   "collar zone"]
    # 4. Back down the spine in small circles.
    circles = [step.area for step in steps[both_hands[-1] + 1:both_hands[-1] + 5]]
    assert circles == ["collar zone", "along the spine, upper", "along the spine, lower", "lower back"]
    assert all(steps[both_hands[-1] + 1 + i].technique is Technique.RUBBING for i in range(4))
    # 5.-8. Glutes, then shoulders and collar zone kneaded and tapped, a fist over the back, stroking.
    glutes = first(Technique.KNEADING, "glutes")
    shoulders = first(Technique.KNEADING, "shoulders")
    collar = first(Technique.KNEADING, "collar zone")
    tapping = first(Technique.VIBRATION, "collar zone")
    fist = first(Technique.SQUEEZING, "lower back", after=tapping)
    assert both_hands[-1] < glutes < shoulders < collar < tapping < fist
    assert "fist" in steps[fist].note
    assert {step.technique for step in steps[fist + 3:]} == {Technique.STROKING}
    assert 30 * 60 <= routine.total_seconds <= 40 * 60


def test_the_pregnancy_routine_is_light_stroking_and_rubbing_only():
    routine = load(PREGNANCY)
    assert routine.profile is Profile.PREGNANCY
    assert {step.technique for step in routine.steps} == {Technique.STROKING, Technique.RUBBING}
    assert {step.intensity for step in routine.steps} == {Intensity.LIGHT}
    assert routine.total_seconds <= 45 * 60
    assert any("side" in step.note for step in routine.steps)


def test_only_the_pregnancy_routine_has_the_pregnancy_profile():
    profiles = {path.stem: load(path.stem).profile for path in FILES}
    assert [stem for stem, profile in profiles.items() if profile is Profile.PREGNANCY] == [PREGNANCY]


def test_the_legs_routine_uses_and_explains_all_five_techniques():
    routine = load(LEGS)
    assert {step.technique for step in routine.steps} == set(Technique)
    assert all(step.area.startswith("legs") for step in routine.steps)
    for technique in Technique:
        first = next(step for step in routine.steps if step.technique is technique)
        assert first.note.startswith(f"{technique.label}:"), first.note


def test_the_evening_routine_uses_a_massage_ball():
    routine = load(EVENING_BALL)
    assert any("ball" in step.note for step in routine.steps)
    assert "wall" in routine.description and "floor" in routine.description


def test_the_library_lists_all_six_as_usable_built_ins(tmp_path: Path):
    entries = RoutineLibrary(tmp_path / "user", ROUTINES_DIR).entries()
    assert len(entries) == len(EXPECTED)
    assert all(entry.usable and entry.problems == [] for entry in entries)


def _generator():  # the script in tools/ that writes these files
    spec = importlib.util.spec_from_file_location("make_builtin_routines",
                                                  ROOT / "tools" / "make_builtin_routines.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_files_match_the_script_that_writes_them():
    generator = _generator()
    written = {generator.file_name(routine): dumps_routine(routine)
               for routine in generator.builtin_routines()}
    assert written == {path.name: path.read_text(encoding="utf-8") for path in FILES}
