"""Every one-click fix the editor offers, applied to random routines, clears the problem it was for."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from selfmassage.core.editing import DraftState, DraftStep, RoutineDraft
from selfmassage.core.problems import Problem
from selfmassage.core.techniques import Direction, Intensity, Profile, Sides, Stage, Technique

AREAS = ("lower back", "lower back, left", "lower back, right", "back", "shoulders", "along the spine, upper",
         "neck", "forearm")

draft_steps = st.builds(
    DraftStep,
    stage=st.sampled_from(Stage),
    technique=st.sampled_from(Technique),
    area=st.sampled_from(AREAS),
    seconds=st.integers(1, 40),
    intensity=st.sampled_from(Intensity),
    sides=st.sampled_from(Sides),
    direction=st.none() | st.sampled_from(Direction),
)
states = st.builds(DraftState, profile=st.sampled_from(Profile),
                   steps=st.lists(draft_steps, min_size=1, max_size=9).map(tuple))


def _of_rule(problems: tuple[Problem, ...], rule: str) -> list[Problem]:
    return [problem for problem in problems if problem.rule == rule]


def _changed_steps(old: tuple[DraftStep, ...], new: tuple[DraftStep, ...]) -> set[int]:
    """The 1-based steps of `new` that are not in the unchanged start or end it shares with `old`."""
    same = min(len(old), len(new))
    prefix = next((i for i in range(same) if old[i] != new[i]), same)
    suffix = next((i for i in range(same - prefix) if old[-1 - i] != new[-1 - i]), same - prefix)
    return set(range(prefix + 1, len(new) - suffix + 1))


def test_a_both_sides_run_is_shortened_clear_of_the_other_side_after_it() -> None:
    # Found by the property below: 34 s both sides on the left lower back, then the right lower back. The
    # both-sides step also works the right side, so the fix must take the right-side step into the run.
    runs = (("lower back, left", 34, Sides.BOTH), ("lower back, left", 1, Sides.ONE),
            ("lower back, right", 4, Sides.ONE))
    rubbing = [DraftStep(Stage.PREPARATORY, Technique.RUBBING, area, seconds, Intensity.LIGHT, sides=sides)
               for area, seconds, sides in runs]
    state = DraftState(profile=Profile.STANDARD, steps=tuple(rubbing))
    problem = next(p for p in RoutineDraft(state).problems if p.rule == "rub-cap")
    fixes = RoutineDraft(state).fixes_for(problem)
    assert fixes
    for fix in fixes:
        draft = RoutineDraft(state)
        draft.apply_fix(fix)
        assert not _of_rule(draft.problems, "rub-cap"), fix


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(states)
def test_every_offered_fix_clears_its_problem(state: DraftState) -> None:
    for problem in RoutineDraft(state).problems:
        for fix in RoutineDraft(state).fixes_for(problem):
            draft = RoutineDraft(state)
            before = _of_rule(draft.problems, problem.rule)
            draft.apply_fix(fix)
            after = _of_rule(draft.problems, problem.rule)
            assert len(after) < len(before), (fix, problem, after)
            # Nothing of the same rule on the steps the fix made or changed.
            changed = _changed_steps(state.steps, draft.steps)
            assert not [p for p in after if changed & set(p.step_numbers)], (fix, problem, after)


@settings(max_examples=150, deadline=None)
@given(states)
def test_rubbing_or_vibration_too_long_always_has_a_fix(state: DraftState) -> None:
    draft = RoutineDraft(state)
    for problem in draft.problems:
        if problem.rule in ("rub-cap", "vibration-cap"):
            assert draft.fixes_for(problem), problem
