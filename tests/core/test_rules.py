"""The guide's rules: each rule id fires on a minimal fault and stays quiet right at its boundary.

Every test starts from CLEAN, a routine that breaks no rule at all, and changes one thing.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from selfmassage.core.problems import Problem, Severity
from selfmassage.core.routine import Routine, Step
from selfmassage.core.rules import RULE_IDS, validate
from selfmassage.core.techniques import Direction, Intensity, Profile, Sides, Stage, Technique, Variant

P, M, D, F = Stage.PREPARATORY, Stage.MEDIUM_DEEP, Stage.DEEP, Stage.FINAL
LIGHT, MODERATE, FIRM = Intensity.LIGHT, Intensity.MODERATE, Intensity.FIRM


def step(stage: Stage, technique: Technique, seconds: int, intensity: Intensity = LIGHT,
         variant: Variant | None = None, area: str = "lower back") -> Step:
    return Step(stage=stage, technique=technique, area=area, seconds=seconds, intensity=intensity,
                variant=variant)


# Stage totals: preparatory 40 s, medium-deep 50 s, deep 130 s, final 30 s.
CLEAN = Routine(
    name="Clean back session",
    steps=(
        step(P, Technique.STROKING, 30),  # 1
        step(P, Technique.RUBBING, 10),  # 2
        step(M, Technique.RUBBING, 10, MODERATE, area="along the spine"),  # 3
        step(M, Technique.SQUEEZING, 40, MODERATE, Variant.PALM_BASE, area="back"),  # 4
        step(D, Technique.KNEADING, 60, MODERATE, area="along the spine"),  # 5
        step(D, Technique.VIBRATION, 10, MODERATE, area="shoulders"),  # 6
        step(D, Technique.KNEADING, 60, MODERATE, area="collar zone"),  # 7
        step(F, Technique.STROKING, 30),  # 8
    ),
)

# Pregnancy profile: stroking and rubbing only, no deep stage.
CLEAN_PREGNANCY = Routine(
    name="Gentle back",
    profile=Profile.PREGNANCY,
    steps=(
        step(P, Technique.STROKING, 60),
        step(P, Technique.RUBBING, 10),
        step(M, Technique.RUBBING, 10, area="shoulders"),
        step(F, Technique.STROKING, 60),
    ),
)


def changed(routine: Routine, number: int, **changes: object) -> Routine:
    """The routine with step `number` (1-based) changed."""
    steps = list(routine.steps)
    steps[number - 1] = replace(steps[number - 1], **changes)
    return replace(routine, steps=tuple(steps))


def without(routine: Routine, number: int) -> Routine:
    steps = list(routine.steps)
    del steps[number - 1]
    return replace(routine, steps=tuple(steps))


def of_rule(routine: Routine, rule: str) -> list[Problem]:
    assert rule in RULE_IDS
    return [problem for problem in validate(routine) if problem.rule == rule]


def assert_fires(routine: Routine, rule: str, severity: Severity, step_number: int | None,
                 *hints: str) -> Problem:
    """Exactly one problem of `rule`, at that step, with a one-line message that says how to fix it."""
    problems = of_rule(routine, rule)
    assert len(problems) == 1, problems
    problem = problems[0]
    assert problem.severity is severity
    assert problem.step == step_number
    assert problem.message and "\n" not in problem.message
    for hint in hints:
        assert hint in problem.message, (hint, problem.message)
    return problem


def test_clean_routines_have_no_problems() -> None:
    assert validate(CLEAN) == []
    assert validate(CLEAN_PREGNANCY) == []


# -- rub-cap, vibration-cap -------------------------------------------------------------------------

def test_rubbing_over_ten_seconds_is_an_error() -> None:
    problem = assert_fires(changed(CLEAN, 2, seconds=11), "rub-cap", Severity.ERROR, 2, "10 s")
    assert "11 s" in problem.message
    assert problem.is_error


def test_rubbing_exactly_ten_seconds_is_fine() -> None:
    assert CLEAN.steps[1].seconds == 10
    assert of_rule(CLEAN, "rub-cap") == []


def test_long_steps_of_other_techniques_are_not_capped() -> None:
    long_stroking = changed(CLEAN, 1, seconds=900)
    assert of_rule(long_stroking, "rub-cap") == []
    assert of_rule(long_stroking, "vibration-cap") == []


def test_vibration_over_ten_seconds_is_an_error() -> None:
    assert_fires(changed(CLEAN, 6, seconds=11), "vibration-cap", Severity.ERROR, 6, "10 s")
    assert of_rule(changed(CLEAN, 6, seconds=11), "rub-cap") == []


def test_vibration_exactly_ten_seconds_is_fine() -> None:
    assert CLEAN.steps[5].seconds == 10
    assert of_rule(CLEAN, "vibration-cap") == []


def _rubbing(*areas_and_seconds: tuple[str, int], technique: Technique = Technique.RUBBING,
             sides: Sides = Sides.ONE) -> Routine:
    """Stroking, then one rubbing (or vibration) step per (area, seconds), then stroking."""
    middle = [replace(step(P, technique, seconds, area=area), sides=sides)
              for area, seconds in areas_and_seconds]
    return replace(CLEAN, steps=(CLEAN.steps[0], *middle, CLEAN.steps[-1]))


def test_back_to_back_rubbing_on_one_area_is_one_run_over_the_cap() -> None:
    # Three 10-s steps on the lower back rub it for 30 s: the error names all three.
    problem = assert_fires(_rubbing(("lower back", 10), ("lower back", 10), ("lower back", 10)),
                           "rub-cap", Severity.ERROR, 2, "Steps 2–4", "30 s", "lower back")
    assert problem.step_numbers == (2, 3, 4)


def test_six_and_five_seconds_on_one_area_add_up_over_the_cap() -> None:
    problem = assert_fires(_rubbing(("lower back", 6), ("Lower back", 5)), "rub-cap", Severity.ERROR, 2,
                           "Steps 2 and 3", "11 s")
    assert problem.step_numbers == (2, 3)


def test_two_five_second_steps_on_one_area_are_fine() -> None:
    assert of_rule(_rubbing(("lower back", 5), ("lower back", 5)), "rub-cap") == []


def test_alternating_areas_at_the_cap_is_fine() -> None:
    routine = _rubbing(("lower back", 10), ("shoulders", 10), ("lower back", 10), ("shoulders", 10),
                       ("lower back, left", 10), ("lower back, right", 10),
                       ("along the spine, upper", 10), ("along the spine, lower", 10))
    assert of_rule(routine, "rub-cap") == []


def test_a_side_of_an_area_is_part_of_the_whole_area() -> None:
    # The whole lower back, then its left side: the left side is rubbed for 20 s.
    assert_fires(_rubbing(("lower back", 10), ("lower back, left", 10)), "rub-cap", Severity.ERROR, 2)
    # The whole back takes in the lower back.
    assert_fires(_rubbing(("back", 6), ("lower back", 6)), "rub-cap", Severity.ERROR, 2)


def test_another_technique_between_breaks_the_run() -> None:
    routine = _rubbing(("lower back", 10), ("lower back", 10))
    steps = list(routine.steps)
    steps.insert(2, step(P, Technique.STROKING, 20))
    assert of_rule(replace(routine, steps=tuple(steps)), "rub-cap") == []


def test_both_sides_steps_take_turns_and_are_capped_per_side() -> None:
    # Left, right, left, right: no side is rubbed twice in a row.
    assert of_rule(_rubbing(("lower back", 10), ("lower back", 10), sides=Sides.BOTH), "rub-cap") == []
    # 11 s a side is too long on each side, reported once.
    assert_fires(_rubbing(("lower back", 11), sides=Sides.BOTH), "rub-cap", Severity.ERROR, 2, "11 s")


def test_a_both_sides_step_runs_on_from_its_right_side() -> None:
    # A both-sides step ends on the right; rubbing the right side straight after adds to it.
    both = _rubbing(("lower back", 8), sides=Sides.BOTH)
    after = replace(both, steps=(*both.steps[:2], step(P, Technique.RUBBING, 8, area="lower back, right"),
                                 both.steps[-1]))
    assert_fires(after, "rub-cap", Severity.ERROR, 2, "Steps 2 and 3", "16 s")
    before = replace(both, steps=(both.steps[0], step(P, Technique.RUBBING, 8, area="lower back, right"),
                                  *both.steps[1:]))
    assert of_rule(before, "rub-cap") == []


def test_back_to_back_vibration_is_capped_as_a_run() -> None:
    routine = _rubbing(("shoulders", 6), ("shoulders", 6), technique=Technique.VIBRATION)
    assert_fires(routine, "vibration-cap", Severity.ERROR, 2, "Steps 2 and 3", "12 s")
    assert of_rule(routine, "rub-cap") == []


def test_firm_vibration_is_a_warning() -> None:
    assert_fires(changed(CLEAN, 6, intensity=FIRM), "vibration-gentle", Severity.WARNING, 6,
                 "light or moderate")
    assert of_rule(CLEAN, "vibration-gentle") == []  # moderate vibration is fine


# -- stage-order ------------------------------------------------------------------------------------

def test_a_stage_going_back_is_an_error_at_the_later_step() -> None:
    # Step 4 (medium-deep) moved to preparatory, after a medium-deep step.
    assert_fires(changed(CLEAN, 4, stage=P), "stage-order", Severity.ERROR, 4, "move it")


def test_going_back_from_final_to_deep_is_an_error() -> None:
    routine = replace(CLEAN, steps=(*CLEAN.steps, step(D, Technique.KNEADING, 10, LIGHT)))
    assert_fires(routine, "stage-order", Severity.ERROR, 9)


def test_same_stage_and_skipped_stages_keep_the_order() -> None:
    # Preparatory straight to deep, and several steps in one stage: both are in order.
    no_medium = Routine("Short", (step(P, Technique.STROKING, 30), step(D, Technique.SQUEEZING, 20),
                                  step(D, Technique.KNEADING, 20), step(F, Technique.STROKING, 30)))
    assert of_rule(no_medium, "stage-order") == []
    assert of_rule(CLEAN, "stage-order") == []


# -- pregnancy --------------------------------------------------------------------------------------

@pytest.mark.parametrize("technique", [Technique.SQUEEZING, Technique.KNEADING, Technique.VIBRATION])
def test_pregnancy_allows_only_stroking_and_rubbing(technique: Technique) -> None:
    routine = changed(CLEAN_PREGNANCY, 3, technique=technique, seconds=10)
    problem = assert_fires(routine, "pregnancy", Severity.ERROR, 3, "stroking or rubbing")
    assert technique.value in problem.message


def test_the_same_techniques_are_fine_in_a_standard_routine() -> None:
    routine = replace(changed(CLEAN_PREGNANCY, 3, technique=Technique.KNEADING),
                      profile=Profile.STANDARD)
    assert of_rule(routine, "pregnancy") == []
    assert of_rule(CLEAN, "pregnancy") == []


@pytest.mark.parametrize("intensity", [MODERATE, FIRM])
def test_pregnancy_is_light_only(intensity: Intensity) -> None:
    problem = assert_fires(changed(CLEAN_PREGNANCY, 3, intensity=intensity), "pregnancy", Severity.ERROR, 3,
                           "light")
    assert intensity.value in problem.message


def test_pregnancy_has_no_deep_stage() -> None:
    routine = changed(changed(CLEAN_PREGNANCY, 3, stage=D), 4, stage=F)
    assert_fires(routine, "pregnancy", Severity.ERROR, 3, "deep stage")


def test_light_rubbing_in_a_standard_routine_may_be_moderate() -> None:
    routine = replace(changed(CLEAN_PREGNANCY, 3, intensity=MODERATE), profile=Profile.STANDARD)
    assert of_rule(routine, "pregnancy") == []


def _pregnancy_lasting(seconds: int) -> Routine:
    last = seconds - 60 - 10 - 10
    return changed(CLEAN_PREGNANCY, 4, seconds=last)


def test_pregnancy_session_over_45_minutes_is_an_error_for_the_routine() -> None:
    routine = _pregnancy_lasting(45 * 60 + 1)
    assert routine.total_seconds == 2701
    problem = assert_fires(routine, "pregnancy", Severity.ERROR, None, "45 min")
    assert "45:01" in problem.message


def test_pregnancy_session_of_exactly_45_minutes_is_fine() -> None:
    routine = _pregnancy_lasting(45 * 60)
    assert routine.total_seconds == 2700
    assert of_rule(routine, "pregnancy") == []


def test_a_long_standard_routine_is_not_held_to_45_minutes() -> None:
    routine = replace(_pregnancy_lasting(60 * 60), profile=Profile.STANDARD)
    assert of_rule(routine, "pregnancy") == []


# -- open-close -------------------------------------------------------------------------------------

def test_not_opening_with_stroking_is_a_warning_at_step_1() -> None:
    routine = changed(CLEAN, 1, technique=Technique.SQUEEZING)
    assert_fires(routine, "open-close", Severity.WARNING, 1, "stroking step first")


def test_not_closing_with_stroking_is_a_warning_at_the_last_step() -> None:
    routine = changed(CLEAN, 8, technique=Technique.SQUEEZING)
    assert_fires(routine, "open-close", Severity.WARNING, 8, "stroking step last")


def test_a_one_step_routine_is_warned_once_not_twice() -> None:
    routine = Routine("One", (step(P, Technique.RUBBING, 10),))
    assert_fires(routine, "open-close", Severity.WARNING, 1)


def test_opening_and_closing_with_stroking_is_fine() -> None:
    assert of_rule(CLEAN, "open-close") == []
    assert of_rule(Routine("One", (step(P, Technique.STROKING, 30),)), "open-close") == []


# -- stroking-light ---------------------------------------------------------------------------------

@pytest.mark.parametrize("intensity", [MODERATE, FIRM])
def test_stroking_that_is_not_light_is_a_warning(intensity: Intensity) -> None:
    routine = changed(CLEAN, 1, intensity=intensity)
    assert_fires(routine, "stroking-light", Severity.WARNING, 1, "light")


def test_light_stroking_and_firm_rubbing_are_fine() -> None:
    assert of_rule(CLEAN, "stroking-light") == []
    assert of_rule(changed(CLEAN, 3, intensity=FIRM), "stroking-light") == []


# -- ramp -------------------------------------------------------------------------------------------

def test_jump_from_light_to_firm_is_a_warning_at_the_firm_step() -> None:
    # Step 2 is light rubbing; step 3 becomes firm.
    problem = assert_fires(changed(CLEAN, 3, intensity=FIRM), "ramp", Severity.WARNING, 3, "moderate")
    assert "light" in problem.message and "firm" in problem.message


def test_drop_from_firm_to_light_is_a_warning_at_the_light_step() -> None:
    # Step 7 becomes firm kneading; step 8 is light stroking.
    assert_fires(changed(CLEAN, 7, intensity=FIRM), "ramp", Severity.WARNING, 8, "moderate")


def test_one_level_at_a_time_is_fine() -> None:
    # light → moderate (steps 2→3), moderate → firm (6→7), firm → moderate (7→8).
    routine = changed(changed(CLEAN, 7, intensity=FIRM), 8, intensity=MODERATE)
    assert of_rule(routine, "ramp") == []
    assert (CLEAN.steps[1].intensity, CLEAN.steps[2].intensity) == (LIGHT, MODERATE)
    assert of_rule(CLEAN, "ramp") == []


# -- end-light --------------------------------------------------------------------------------------

def test_a_last_step_that_is_not_light_is_a_warning() -> None:
    routine = changed(CLEAN, 8, technique=Technique.SQUEEZING, intensity=MODERATE)
    assert_fires(routine, "end-light", Severity.WARNING, 8, "last step light")


def test_a_light_last_step_is_fine() -> None:
    assert of_rule(CLEAN, "end-light") == []
    # A light last step that is not stroking is a matter for open-close only.
    assert of_rule(changed(CLEAN, 8, technique=Technique.SQUEEZING), "end-light") == []


# -- knead-after-squeeze ----------------------------------------------------------------------------

def test_kneading_with_no_squeezing_before_it_is_a_warning() -> None:
    routine = without(CLEAN, 4)  # the squeezing step goes; kneading is now step 4
    problems = of_rule(routine, "knead-after-squeeze")
    assert [p.step for p in problems] == [4, 6]
    assert all(p.severity is Severity.WARNING for p in problems)
    assert all("add a squeezing step on it earlier" in p.message for p in problems)


def test_squeezing_after_the_kneading_does_not_count() -> None:
    steps = list(without(CLEAN, 4).steps)
    steps.insert(5, step(D, Technique.SQUEEZING, 10, MODERATE, area="back"))  # between the kneadings
    problems = of_rule(replace(CLEAN, steps=tuple(steps)), "knead-after-squeeze")
    assert [p.step for p in problems] == [4]


def test_squeezing_another_area_does_not_prepare_kneading() -> None:
    # Squeezing the legs does not prepare kneading the spine.
    routine = changed(CLEAN, 4, area="legs")
    problems = of_rule(routine, "knead-after-squeeze")
    assert [p.step for p in problems] == [5, 7]
    assert "along the spine" in problems[0].message


def test_squeezing_one_side_does_not_prepare_both() -> None:
    routine = changed(changed(CLEAN, 4, area="along the spine, left"), 7, area="along the spine, left")
    assert [p.step for p in of_rule(routine, "knead-after-squeeze")] == [5]


def test_squeezing_anywhere_before_is_enough() -> None:
    # Step 7 kneads with a vibration step between it and the last squeezing one: still fine.
    assert CLEAN.steps[5].technique is Technique.VIBRATION
    assert of_rule(CLEAN, "knead-after-squeeze") == []


# -- deep-longest -----------------------------------------------------------------------------------

def test_a_deep_stage_shorter_than_another_is_a_warning() -> None:
    routine = changed(CLEAN, 4, seconds=200)  # medium-deep 210 s, deep 130 s
    problem = assert_fires(routine, "deep-longest", Severity.WARNING, None, "deep stage")
    assert "medium" in problem.message and "03:30" in problem.message


def test_the_warning_names_the_longest_other_stage() -> None:
    # preparatory 150 s and medium-deep 210 s both beat deep (130 s): lengthening deep past
    # the preparatory stage would not be enough, so the message must name medium-deep.
    routine = changed(changed(CLEAN, 1, seconds=140), 4, seconds=200)
    problem = assert_fires(routine, "deep-longest", Severity.WARNING, None)
    assert "medium" in problem.message and "03:30" in problem.message
    assert "preparatory" not in problem.message


def test_a_tie_with_the_deep_stage_is_a_warning() -> None:
    routine = changed(CLEAN, 4, seconds=120)  # medium-deep 130 s, deep 130 s
    assert routine.stage_seconds()[M] == routine.stage_seconds()[D] == 130
    assert_fires(routine, "deep-longest", Severity.WARNING, None)


def test_a_deep_stage_one_second_longer_is_fine() -> None:
    routine = changed(CLEAN, 4, seconds=119)  # medium-deep 129 s, deep 130 s
    assert of_rule(routine, "deep-longest") == []


def test_no_deep_stage_means_no_warning() -> None:
    assert CLEAN_PREGNANCY.stage_seconds()[D] == 0
    assert of_rule(CLEAN_PREGNANCY, "deep-longest") == []


# -- validate as a whole ----------------------------------------------------------------------------

# -- toward-heart ------------------------------------------------------------------------------------

def test_stroking_against_the_areas_flow_to_the_heart_is_a_warning() -> None:
    problem = assert_fires(changed(CLEAN, 1, direction=Direction.DOWN), "toward-heart", Severity.WARNING, 1,
                           "Stroking on the lower back goes up, toward the heart", "goes down",
                           "Use the area's own direction")
    assert problem.step_numbers == (1,)


def test_squeezing_the_neck_upward_is_a_warning() -> None:
    # The neck's flow runs down, to the heart: up is against it.
    routine = changed(CLEAN, 4, area="neck", direction=Direction.UP)
    assert_fires(routine, "toward-heart", Severity.WARNING, 4, "goes down, toward the heart", "goes up")


def test_going_the_areas_own_way_or_in_circles_is_fine() -> None:
    assert of_rule(changed(CLEAN, 1, direction=Direction.UP), "toward-heart") == []
    assert of_rule(changed(CLEAN, 1, direction=Direction.CIRCLES), "toward-heart") == []
    assert of_rule(changed(CLEAN, 4, area="shoulders", direction=Direction.TOWARD_SPINE),
                   "toward-heart") == []


def test_rubbing_and_kneading_may_go_either_way_and_an_area_off_the_map_has_no_flow() -> None:
    # "Back down the spine with small circles": rubbing follows no flow to the heart.
    assert of_rule(changed(CLEAN, 3, direction=Direction.DOWN), "toward-heart") == []
    assert of_rule(changed(CLEAN, 5, direction=Direction.AWAY_FROM_SPINE), "toward-heart") == []
    assert of_rule(changed(CLEAN, 1, area="forearm", direction=Direction.DOWN), "toward-heart") == []


def test_validate_orders_problems_by_step_then_routine_wide_last() -> None:
    routine = changed(CLEAN, 1, technique=Technique.RUBBING, seconds=12)  # step 1: rub-cap, open-close
    routine = changed(routine, 8, intensity=MODERATE)  # step 8: stroking-light, end-light
    routine = changed(routine, 6, seconds=15)  # step 6: vibration-cap
    routine = changed(routine, 4, seconds=300)  # routine: deep-longest
    problems = validate(routine)
    assert [(p.step, p.rule) for p in problems] == [
        (1, "rub-cap"),
        (1, "open-close"),
        (6, "vibration-cap"),
        (8, "stroking-light"),
        (8, "end-light"),
        (None, "deep-longest"),
    ]


def test_errors_come_before_warnings_within_a_step() -> None:
    routine = changed(CLEAN, 8, technique=Technique.KNEADING, stage=D, intensity=MODERATE)
    routine = replace(routine, steps=(*routine.steps, step(P, Technique.SQUEEZING, 10, FIRM)))
    at_step_9 = [p for p in validate(routine) if p.step == 9]
    assert {p.rule for p in at_step_9} == {"stage-order", "open-close", "end-light"}
    assert at_step_9[0].rule == "stage-order" and at_step_9[0].is_error


def test_every_rule_id_is_checked_here() -> None:
    # If a rule is added, it needs tests on both sides like the ones above.
    assert set(RULE_IDS) == {
        "rub-cap", "vibration-cap", "stage-order", "pregnancy", "open-close", "stroking-light", "ramp",
        "end-light", "knead-after-squeeze", "deep-longest", "vibration-gentle", "toward-heart",
    }


def test_a_routine_with_no_steps_yet_does_not_break_validation() -> None:
    # The editor validates while a routine is being built; an empty one has no rule problems.
    assert validate(Routine("Draft", ())) == []
