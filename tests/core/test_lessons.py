"""The Learn page's lessons and their 20-s practice: every technique, within the guide's caps, kept apart
from real sessions."""

from __future__ import annotations

import pytest

from selfmassage.core.lessons import LESSONS, practice_routine
from selfmassage.core.movement import movement_for
from selfmassage.core.problems import has_errors
from selfmassage.core.routine_format import dumps_routine, loads_routine
from selfmassage.core.rules import validate
from selfmassage.core.techniques import TECHNIQUE_GUIDE, Sides, Technique


def test_there_is_a_lesson_for_each_of_the_five_techniques_in_the_guides_order():
    assert [lesson.technique for lesson in LESSONS] == list(Technique)


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda lesson: lesson.technique.value)
def test_each_lesson_says_what_how_how_firm_how_long_and_the_mistake_in_a_few_short_sentences(lesson):
    parts = [lesson.what, lesson.how, lesson.firmness, lesson.how_long, lesson.mistake]
    for text in parts:
        assert text.endswith(".") and len(text) <= 130, text
    assert "treat" not in " ".join(parts).lower() and "cure" not in " ".join(parts).lower()


@pytest.mark.parametrize("technique", list(Technique))
def test_a_practice_is_one_step_on_the_legs_ten_seconds_a_side_and_breaks_no_rule(technique):
    routine = practice_routine(technique, tempo=72)
    assert routine.practice and routine.tempo == 72
    [step] = routine.steps
    assert step.technique is technique and step.sides is Sides.BOTH and step.seconds == 10
    assert 20 <= routine.total_seconds <= 25
    assert not has_errors(validate(routine))  # rubbing and vibration stay within their 10-s cap
    assert movement_for(step) is not None  # the body map shows it on the legs
    assert step.note and step.note != TECHNIQUE_GUIDE[technique].instruction


def test_a_practice_saved_to_a_file_is_an_ordinary_routine():
    routine = practice_routine(Technique.KNEADING)
    again, problems = loads_routine(dumps_routine(routine).encode())
    assert problems == [] and again is not None
    assert again.steps == routine.steps and not again.practice
