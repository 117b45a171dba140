from __future__ import annotations

import json

import pytest

from selfmassage.core.editing import (
    DraftState,
    DraftStep,
    Fix,
    FixKind,
    RoutineDraft,
    check_state,
    unique_name,
)
from selfmassage.core.problems import Severity
from selfmassage.core.routine import Routine, Step
from selfmassage.core.routine_format import dumps_routine, loads_routine, parse_routine, routine_to_dict
from selfmassage.core.techniques import Direction, Intensity, Profile, Sides, Stage, Technique, Variant


def classic() -> Routine:
    return Routine(name="Evening back", steps=(
        Step(Stage.PREPARATORY, Technique.STROKING, "lower back", 30),
        Step(Stage.MEDIUM_DEEP, Technique.RUBBING, "lower back", 10, Intensity.MODERATE),
        Step(Stage.DEEP, Technique.SQUEEZING, "shoulders", 60, Intensity.MODERATE, Variant.PALM_BASE),
        Step(Stage.DEEP, Technique.KNEADING, "shoulders", 60, Intensity.MODERATE),
        Step(Stage.FINAL, Technique.STROKING, "lower back", 30),
    ))


def rules(draft: RoutineDraft) -> list[tuple[int | None, str]]:
    return [(problem.step, problem.rule) for problem in draft.problems]


def test_an_unchanged_draft_is_clean_and_gives_back_the_same_routine():
    draft = RoutineDraft.from_routine(classic())
    assert not draft.dirty
    assert draft.problems == ()
    assert draft.routine == classic()
    assert draft.can_save


def test_a_long_rubbing_step_is_an_error_beside_that_step_until_it_is_shortened():
    draft = RoutineDraft.from_routine(classic())
    draft.set_step(1, seconds=14)
    assert rules(draft) == [(2, "rub-cap")]
    assert [p.rule for p in draft.problems_for_step(1)] == ["rub-cap"]
    assert not draft.can_save
    assert draft.dirty
    draft.set_step(1, seconds=10)
    assert draft.problems == ()
    assert not draft.dirty  # back to exactly what was saved


def test_field_problems_read_the_same_as_the_file_format_and_rules_still_run():
    draft = RoutineDraft.from_routine(classic())
    draft.set_name("   ")
    draft.set_step(1, seconds=20)
    _, from_file = parse_routine({**draft.state.to_dict()})
    field = [p for p in draft.problems if p.rule == "field"]
    assert field == from_file
    assert field[0].field == "name"
    assert "rub-cap" in [p.rule for p in draft.problems]  # a blank name does not hide the rules
    assert draft.routine is None
    assert not draft.can_save


def test_an_empty_area_is_a_field_error_on_its_step():
    draft = RoutineDraft.from_routine(classic())
    draft.set_step(2, area="")
    problem = draft.problems_for_step(2)[0]
    assert (problem.rule, problem.field, problem.severity) == ("field", "area", Severity.ERROR)


def test_totals_per_stage_follow_every_edit():
    draft = RoutineDraft.from_routine(classic())
    assert draft.total_seconds() == 190
    draft.set_step(3, seconds=90)
    draft.set_step(0, stage=Stage.PREPARATORY, seconds=45)
    totals = draft.stage_seconds()
    assert totals == {Stage.PREPARATORY: 45, Stage.MEDIUM_DEEP: 10, Stage.DEEP: 150, Stage.FINAL: 30}
    assert draft.total_seconds() == 235


def test_move_add_duplicate_remove_steps():
    draft = RoutineDraft.from_routine(classic())
    assert draft.move_step(3, 2) == 2
    assert [s.technique for s in draft.steps][2:4] == [Technique.KNEADING, Technique.SQUEEZING]
    assert ("knead-after-squeeze" in [p.rule for p in draft.problems])
    added = draft.add_step(after=4)
    assert added == 5
    assert draft.steps[5] == DraftStep(Stage.FINAL, Technique.STROKING, "lower back", 30)
    copy = draft.duplicate_step(1)
    assert draft.steps[copy] == draft.steps[1]
    assert draft.remove_step(6) == 5
    assert len(draft.steps) == 6


def test_every_edit_undoes_and_redoes_exactly():
    draft = RoutineDraft.from_routine(classic())
    states = [draft.state]
    draft.set_profile(Profile.PREGNANCY)
    states.append(draft.state)
    draft.move_step(4, 0)
    states.append(draft.state)
    draft.remove_step(2)
    states.append(draft.state)
    assert draft.undo_label == "Remove step"
    for expected in reversed(states[:-1]):
        assert draft.undo()
        assert draft.state == expected
    assert not draft.undo()
    assert not draft.dirty
    for expected in states[1:]:
        assert draft.redo()
        assert draft.state == expected
    assert not draft.redo()


def test_typing_a_name_is_one_undo_step_and_a_new_edit_clears_redo():
    draft = RoutineDraft.from_routine(classic())
    for length in range(1, 6):
        draft.set_name("Quick"[:length])
    draft.set_tempo(90)
    draft.undo()
    assert draft.state.name == "Quick"
    draft.undo()
    assert draft.state.name == "Evening back"
    draft.set_step(0, note="Warm hands first.")
    assert not draft.can_redo


def test_typing_then_deleting_leaves_nothing_to_undo():
    draft = RoutineDraft.from_routine(classic())
    draft.set_name("Evening backs")
    draft.set_name("Evening back")
    assert not draft.can_undo


def test_a_step_that_stops_being_squeezing_drops_its_variant():
    draft = RoutineDraft.from_routine(classic())
    draft.set_step(2, technique=Technique.KNEADING)
    assert draft.steps[2].variant is None
    assert all(p.field != "variant" for p in draft.problems)


def _cap_fixes(draft: RoutineDraft, rule: str = "rub-cap") -> list[Fix]:
    (problem,) = [p for p in draft.problems if p.rule == rule]
    return draft.fixes_for(problem)


def test_an_over_cap_step_is_not_split_into_the_same_seconds_on_the_same_area():
    draft = RoutineDraft.from_routine(classic())
    draft.set_step(1, seconds=11)
    alternate, shorten = _cap_fixes(draft)
    assert (alternate.kind, shorten.kind) == (FixKind.ALTERNATE, FixKind.SHORTEN)
    assert draft.apply_fix(alternate) == 1
    # 11 s in turns: lower back, another area, lower back, none of them over 10 s or back to back.
    turns = draft.steps[1:4]
    assert [s.area for s in turns] == ["lower back", alternate.area, "lower back"]
    assert alternate.area != "lower back" and sum(s.seconds for s in turns) == 11
    assert draft.problems == ()
    assert draft.undo_label == alternate.label
    draft.undo()
    assert draft.steps[1].seconds == 11


def test_the_shorten_fix_makes_a_run_one_step_of_the_cap():
    draft = RoutineDraft.from_routine(classic())
    for _ in range(2):
        draft.duplicate_step(1)  # three 10-s rubbing steps on the lower back
    assert [p.step_numbers for p in draft.problems if p.rule == "rub-cap"] == [(2, 3, 4)]
    shorten = _cap_fixes(draft)[-1]
    assert shorten.label == "Shorten to 10 s"
    draft.apply_fix(shorten)
    assert [(s.technique, s.seconds) for s in draft.steps[1:3]] == [
        (Technique.RUBBING, 10), (Technique.SQUEEZING, 60)]
    assert draft.problems == ()


def test_a_step_against_the_flow_is_offered_the_areas_own_direction():
    draft = RoutineDraft.from_routine(classic())
    draft.set_step(0, direction=Direction.DOWN)  # stroking the lower back, downward
    (fix,) = _cap_fixes(draft, "toward-heart")
    assert fix == Fix(FixKind.AREA_DIRECTION, "Use the area's direction", 0)
    draft.apply_fix(fix)
    assert draft.steps[0].direction is None and draft.problems == ()
    assert draft.undo_label == fix.label


def test_a_left_side_takes_turns_with_the_right():
    draft = RoutineDraft.from_routine(classic())
    draft.set_step(1, area="lower back, left", seconds=25)
    alternate = _cap_fixes(draft)[0]
    assert alternate.area == "lower back, right"
    draft.apply_fix(alternate)
    assert "rub-cap" not in [p.rule for p in draft.problems]


def test_a_run_is_shown_on_each_of_its_steps():
    draft = RoutineDraft.from_routine(classic())
    draft.set_step(1, seconds=6)
    draft.duplicate_step(1)
    assert [p.rule for p in draft.problems_for_step(1)] == [p.rule for p in draft.problems_for_step(2)] == [
        "rub-cap"]


def test_firm_vibration_and_pregnancy_steps_have_fixes():
    draft = RoutineDraft.from_routine(classic())
    draft.set_step(1, technique=Technique.VIBRATION, intensity=Intensity.FIRM)
    (fix,) = _cap_fixes(draft, "vibration-gentle")
    draft.apply_fix(fix)
    assert draft.steps[1].intensity is Intensity.MODERATE
    pregnancy = RoutineDraft.from_routine(classic())
    pregnancy.set_profile(Profile.PREGNANCY)
    (problem,) = pregnancy.problems_for_step(1)
    assert pregnancy.fixes_for(problem) == [Fix(FixKind.LIGHT, "Make it light", 1)]
    # A kneading step is not made right by making it light: no fix is offered for it.
    (kneading,) = pregnancy.problems_for_step(3)
    assert pregnancy.fixes_for(kneading) == []


def test_the_editor_keeps_a_both_sides_step():
    routine = classic()
    both = Routine(routine.name, (routine.steps[0], Step(Stage.MEDIUM_DEEP, Technique.RUBBING, "lower back",
                                                          10, sides=Sides.BOTH), *routine.steps[2:]))
    assert RoutineDraft.from_routine(both).routine == both


def test_opening_and_closing_stroking_fixes():
    draft = RoutineDraft.from_routine(classic())
    draft.remove_step(4)
    draft.remove_step(0)
    opening, closing = [p for p in draft.problems if p.rule == "open-close"]
    assert draft.fixes_for(opening) == [Fix(FixKind.OPENING_STROKING, "Add stroking first")]
    assert draft.fixes_for(closing) == [Fix(FixKind.CLOSING_STROKING, "Add stroking last")]
    draft.apply_fix(draft.fixes_for(opening)[0])
    # Step numbers moved: the closing problem is read afresh, as the editor does after every edit.
    (closing,) = [p for p in draft.problems if p.rule == "open-close"]
    draft.apply_fix(draft.fixes_for(closing)[0])
    first, last = draft.steps[0], draft.steps[-1]
    assert (first.stage, first.technique, first.intensity, first.area) == (
        Stage.PREPARATORY, Technique.STROKING, Intensity.LIGHT, "lower back")
    assert (last.stage, last.technique, last.area) == (Stage.FINAL, Technique.STROKING, "shoulders")
    assert "open-close" not in [p.rule for p in draft.problems]


def test_make_light_fixes_firm_stroking_and_a_heavy_last_step():
    draft = RoutineDraft.from_routine(classic())
    draft.set_step(4, intensity=Intensity.MODERATE)
    fixes = {p.rule: draft.fixes_for(p) for p in draft.problems}
    assert fixes["stroking-light"] == fixes["end-light"] == [Fix(FixKind.LIGHT, "Make it light", 4)]
    draft.apply_fix(fixes["end-light"][0])
    assert draft.problems == ()


def test_rules_that_need_judgement_offer_no_fix():
    draft = RoutineDraft.from_routine(classic())
    draft.move_step(4, 1)  # a final step before medium-deep: stage-order
    draft.set_step(2, intensity=Intensity.FIRM)  # light → firm: ramp
    found = {p.rule for p in draft.problems}
    assert {"stage-order", "ramp"} <= found
    assert all(draft.fixes_for(p) == [] for p in draft.problems if p.rule in ("stage-order", "ramp"))


def test_saving_clears_dirty_and_remembers_the_name_on_disk():
    draft = RoutineDraft.from_routine(classic())
    draft.set_name("  Morning back ")
    assert draft.saved_name == "Evening back"
    draft.mark_saved()
    assert (draft.dirty, draft.saved_name) == (False, "Morning back")
    draft.undo()
    assert draft.dirty


def test_a_new_draft_is_unsaved_but_already_follows_the_guide():
    draft = RoutineDraft.new("Legs")
    assert draft.dirty and draft.saved_name is None
    assert draft.problems == ()
    assert draft.routine is not None and draft.routine.name == "Legs"


def test_removing_every_step_is_an_error_not_a_crash():
    draft = RoutineDraft.new()
    draft.remove_step(0)
    assert draft.remove_step(0) is None
    assert [p.field for p in draft.problems] == ["steps"]
    assert draft.total_seconds() == 0


@pytest.mark.parametrize(("name", "taken", "expected"), [
    ("Evening", [], "Evening"),
    ("Evening", ["evening"], "Evening (2)"),
    ("Evening", ["Evening", "EVENING (2)"], "Evening (3)"),
    ("x" * 80, ["x" * 80], "x" * 76 + " (2)"),
])
def test_unique_name(name, taken, expected):
    assert unique_name(name, taken) == expected


def test_check_state_sorts_errors_first_within_a_step():
    state = DraftState(name="Mixed", steps=(
        DraftStep(Stage.PREPARATORY, Technique.RUBBING, "neck", 20, Intensity.FIRM),
    ))
    problems = check_state(state).problems
    assert [(p.rule, p.severity) for p in problems][:2] == [
        ("rub-cap", Severity.ERROR), ("open-close", Severity.WARNING)]


def test_a_blank_note_is_left_out_alike_in_the_editor_and_in_a_saved_file():
    # A note of spaces typed in the editor, and one in a routine made in code: neither is written.
    typed = RoutineDraft.from_routine(classic())
    typed.set_step(0, note="   ")
    made = Routine(name="Evening back", description="  ", steps=(
        Step(Stage.PREPARATORY, Technique.STROKING, "lower back", 30, note="   "), *classic().steps[1:]))
    in_editor = typed.state.to_dict()
    assert "note" not in in_editor["steps"][0]
    assert routine_to_dict(made) == in_editor == DraftState.from_routine(made).to_dict()
    assert typed.routine is not None
    saved = dumps_routine(typed.routine)
    assert json.loads(saved) == in_editor
    reopened, problems = loads_routine(saved.encode())
    assert problems == [] and reopened == classic()
    assert RoutineDraft.from_routine(reopened).state.to_dict() == in_editor
