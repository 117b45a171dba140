"""The Learn page's lessons: each technique in a few plain sentences, and a short practice to try it.

A practice is a one-step routine on the legs (where the techniques are easy to learn): 10 s on each leg,
so rubbing and vibration stay within their 10-s cap. It runs as any session does, with the same cues, and
is marked `practice` so it is not kept as a massage.
"""

from __future__ import annotations

from dataclasses import dataclass

from selfmassage.core.routine import Routine, Step
from selfmassage.core.techniques import TEMPO_DEFAULT, Intensity, Sides, Stage, Technique
from selfmassage.i18n import N_, _

PRACTICE_AREA = "legs"
PRACTICE_SECONDS_PER_SIDE = 10


class _InUse:
    """A lesson's sentence in the language in use, from its English field `<name>_text`."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.field = f"{name}_text"

    def __get__(self, lesson: object, owner: type) -> str:
        return _(getattr(lesson, self.field))


@dataclass(frozen=True)
class Lesson:
    """A technique's sentences, kept in English (marked for the catalogue) and read in the language in use."""

    technique: Technique
    what_text: str
    how_text: str
    firmness_text: str
    how_long_text: str
    mistake_text: str
    stage: Stage
    intensity: Intensity

    @property
    def title(self) -> str:
        return self.technique.label

    what = _InUse()
    how = _InUse()
    firmness = _InUse()
    how_long = _InUse()
    mistake = _InUse()


LESSONS: tuple[Lesson, ...] = (
    Lesson(
        Technique.STROKING,
        what_text=N_("The lightest touch: your whole palm slides over the skin. Every session opens and "
                     "closes with it."),
        how_text=N_("Glide one way only, toward the heart: up your leg from ankle to hip. Lift your hand and"
                    " start again at the bottom."),
        firmness_text=N_("Light. Your palm rests on the skin with almost no weight."),
        how_long_text=N_("Half a minute to a minute on each area."),
        mistake_text=N_("Sliding back down with pressure. Bring your hand back through the air."),
        stage=Stage.PREPARATORY,
        intensity=Intensity.LIGHT,
    ),
    Lesson(
        Technique.RUBBING,
        what_text=N_("Slow friction that warms the muscle: the heel of your palm moves the skin in small "
                     "circles."),
        how_text=N_("Make one small circle with each click, and let the circles travel slowly along the "
                    "area."),
        firmness_text=N_("Light rubbing calms; firmer rubbing wakes the muscle up. Start light."),
        how_long_text=N_("At most 10 seconds on one area, then move on."),
        mistake_text=N_("Staying on one spot too long: after 10 seconds rubbing starts to hurt."),
        stage=Stage.PREPARATORY,
        intensity=Intensity.LIGHT,
    ),
    Lesson(
        Technique.SQUEEZING,
        what_text=N_("A slow press along the muscle. It usually comes just before kneading."),
        how_text=N_("Press with the heel or the edge of your palm and push slowly toward the heart, as if "
                    "you were sliding something up the muscle."),
        firmness_text=N_("Moderate: firmer than stroking, never sharp."),
        how_long_text=N_("Half a minute to a minute on each area."),
        mistake_text=N_("Pushing away from the heart. Always move toward it: up the leg, up the back."),
        stage=Stage.MEDIUM_DEEP,
        intensity=Intensity.MODERATE,
    ),
    Lesson(
        Technique.KNEADING,
        what_text=N_("The deepest technique: you grip a bundle of muscle and press it against the bone."),
        how_text=N_("Grip, press, and roll the muscle slowly under your fingers. Let go, move a hand's width"
                    " along, and grip again."),
        firmness_text=N_("Start moderate and go deeper bit by bit. It must never hurt."),
        how_long_text=N_("About a minute on each area, a little more on big muscles."),
        mistake_text=N_("Pinching the skin instead of gripping the muscle, or carrying on through pain."),
        stage=Stage.DEEP,
        intensity=Intensity.MODERATE,
    ),
    Lesson(
        Technique.VIBRATION,
        what_text=N_("Quick, light tapping or shaking that livens the muscle up."),
        how_text=N_("Tap with loose fingertips or the edge of your palm, or hold the muscle and shake it "
                    "gently."),
        firmness_text=N_("Light, with a loose wrist."),
        how_long_text=N_("At most 10 seconds on one area."),
        mistake_text=N_("Hitting hard. It should feel like rain, not a drum."),
        stage=Stage.DEEP,
        intensity=Intensity.LIGHT,
    ),
)
BY_TECHNIQUE: dict[Technique, Lesson] = {lesson.technique: lesson for lesson in LESSONS}


def practice_routine(technique: Technique, tempo: int = TEMPO_DEFAULT) -> Routine:
    """One step of `technique` on the legs, 10 s a leg, with the lesson's own cue line."""
    lesson = BY_TECHNIQUE[technique]
    step = Step(stage=lesson.stage, technique=technique, area=PRACTICE_AREA,
                seconds=PRACTICE_SECONDS_PER_SIDE, intensity=lesson.intensity, note=lesson.how,
                sides=Sides.BOTH)
    return Routine(name=_("Practice: {technique}").format(technique=technique.label.lower()), steps=(step,),
                   description=_("Try {technique} on your legs, 10 seconds on each.").format(
                       technique=technique.label.lower()), tempo=tempo,
                   source="the Learn page", practice=True)
