"""What a screen reader hears during a session (core.announcements), second by second on a fake clock:
a sentence at each moment that matters, and silence in between."""

from __future__ import annotations

from selfmassage.core.announcements import (
    SessionAnnouncer,
    SpokenPrompts,
    session_start,
    step_sentence,
    time_left,
)
from selfmassage.core.clock import FakeClock
from selfmassage.core.engine import SessionEngine
from selfmassage.core.routine import Routine, Step
from selfmassage.core.techniques import Intensity, Sides, Stage, Technique


def make_routine() -> Routine:
    return Routine(name="Evening back", tempo=80, steps=(
        Step(stage=Stage.PREPARATORY, technique=Technique.STROKING, area="lower back", seconds=20),
        Step(stage=Stage.DEEP, technique=Technique.KNEADING, area="lower back", seconds=90,
             intensity=Intensity.FIRM),
        Step(stage=Stage.DEEP, technique=Technique.KNEADING, area="shoulders", seconds=40, sides=Sides.BOTH,
             intensity=Intensity.MODERATE),
        Step(stage=Stage.FINAL, technique=Technique.STROKING, area="neck", seconds=150),
    ))


class Heard:
    """An engine on a fake clock, and every sentence its announcer gave, with the second it came."""

    def __init__(self, routine: Routine) -> None:
        self.clock = FakeClock(0.0)
        self.engine = SessionEngine(routine, self.clock)
        self.announcer = SessionAnnouncer(routine)
        self.said: list[tuple[float, str]] = []
        self.engine.subscribe(self._hear)

    def _hear(self, event: object) -> None:
        text = self.announcer.hear(event)  # type: ignore[arg-type]
        if text:
            self.said.append((round(self.engine.active_time(), 2), text))

    def run(self, seconds: float) -> list[str]:
        before = len(self.said)
        for _ in range(round(seconds * 4)):
            self.clock.advance(0.25)
            self.engine.poll()
        return [text for _at, text in self.said[before:]]


def test_a_step_is_named_with_its_place_pressure_and_length():
    routine = make_routine()
    assert step_sentence(routine.steps[1]) == "Kneading, lower back, firm, 90 seconds"
    both = "Kneading, shoulders, moderate, 40 seconds each side, left side first"
    assert step_sentence(routine.steps[2]) == both
    assert step_sentence(routine.steps[3]) == "Stroking, neck, light, 2 minutes 30 seconds"
    assert session_start(routine).startswith("Starting Evening back: 4 steps, 5 minutes 43 seconds.")


def test_a_whole_session_is_told_at_its_moments_and_quiet_between_them():
    heard = Heard(make_routine())
    heard.engine.start()
    assert [text for _at, text in heard.said] == [
        "Preparatory stage.", "Step 1 of 4: Stroking, lower back, light, 20 seconds."]
    # 20 s: too short for "10 seconds left"; then the stage and the long step.
    assert heard.run(20) == ["Deep stage.", "Step 2 of 4: Kneading, lower back, firm, 90 seconds."]
    assert heard.run(80) == ["10 seconds left."]  # once, at 10 s left, not each second after
    assert heard.run(10) == ["Step 3 of 4: Kneading, shoulders, moderate, 40 seconds each side, left side "
                             "first."]
    left_side = heard.run(40)
    assert left_side == ["10 seconds left.", "Switch sides. The right side in 3 seconds."]
    assert heard.run(3) == ["Right side."]
    assert heard.run(40) == ["10 seconds left.", "Final stage.", "Step 4 of 4: Stroking, neck, light, "
                             "2 minutes 30 seconds."]
    heard.engine.pause()
    heard.engine.resume()
    assert [text for _at, text in heard.said[-2:]] == ["Paused. Press Space to go on.", "Going on."]
    assert heard.run(150)[-1] == "Done. Well done: 5 minutes 43 seconds of massage."


def test_going_back_to_a_long_step_does_not_warn_twice_and_a_stop_is_told():
    heard = Heard(make_routine())
    heard.engine.start()
    heard.engine.skip()
    assert "10 seconds left." in heard.run(85)
    heard.engine.back()
    heard.engine.skip()
    assert "10 seconds left." not in heard.run(85)
    heard.engine.stop()
    assert heard.said[-1][1].startswith("Session stopped after ")


def test_t_tells_the_time_left_in_the_step_and_the_routine():
    heard = Heard(make_routine())
    heard.engine.start()
    heard.run(5.5)
    assert time_left(heard.engine) == ("15 seconds left in this step, 5 minutes 38 seconds left in the "
                                       "routine.")
    heard.engine.pause()
    assert time_left(heard.engine).startswith("Paused. 15 seconds left in this step")
    heard.engine.resume()
    heard.engine.skip()
    heard.engine.skip()
    assert time_left(heard.engine).startswith("40 seconds left on the left side, ")


def test_the_setting_says_who_speaks_the_prompts():
    assert SpokenPrompts("app voice").by_app_voice and not SpokenPrompts("app voice").by_screen_reader
    assert SpokenPrompts("screen reader").by_screen_reader and not SpokenPrompts("screen reader").by_app_voice
    assert SpokenPrompts("both").by_app_voice and SpokenPrompts("both").by_screen_reader
