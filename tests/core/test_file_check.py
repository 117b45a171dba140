"""A routine file's every problem at once: field problems and the guide's rules, in step order."""

from __future__ import annotations

from selfmassage.core.file_check import check_routine_data


def _file(*steps: dict) -> dict:
    return {"format": 1, "name": "Back", "steps": [
        {"stage": "preparatory", "technique": "stroking", "area": "lower back", "seconds": 30},
        *steps,
        {"stage": "final", "technique": "stroking", "area": "lower back", "seconds": 30},
    ]}


def _rub(area: str, seconds: int, **more: object) -> dict:
    return {"stage": "preparatory", "technique": "rubbing", "area": area, "seconds": seconds, **more}


def test_a_field_problem_does_not_hide_a_rule_problem_after_it():
    routine, problems = check_routine_data(_file(_rub("neck", 5, colour="red"), _rub("shoulders", 12)))
    assert routine is None
    assert [(p.step, p.rule) for p in problems] == [(2, "field"), (3, "rub-cap")]


def test_an_unreadable_step_keeps_the_numbers_of_the_steps_after_it():
    unreadable = {"stage": "preparatory", "area": "neck", "seconds": 5}  # no technique
    _, problems = check_routine_data(_file(unreadable, _rub("lower back", 6), _rub("lower back", 6)))
    assert [(p.step, p.rule) for p in problems] == [(2, "field"), (3, "rub-cap")]
    assert problems[1].step_numbers == (3, 4)
    assert "Steps 3 and 4" in problems[1].message


def test_a_clean_file_gives_its_routine_and_no_problems():
    routine, problems = check_routine_data(_file(_rub("lower back", 10)))
    assert routine is not None and problems == []


def test_field_problems_of_the_routine_itself_come_last():
    data = _file(_rub("lower back", 11))
    data["tempo"] = 300
    _, problems = check_routine_data(data)
    assert [(p.step, p.rule) for p in problems] == [(2, "rub-cap"), (None, "field")]
