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


@dataclass(frozen=True)
class Lesson:
    technique: Technique
    what: str
    how: str
    firmness: str
    how_long: str
    mistake: str
    stage: Stage
    intensity: Intensity

    @property
    def title(self) -> str:
        return self.technique.label

    def says(self, field: str) -> str:
        """One of the lesson's sentences ('what', 'how', 'firmness', 'how_long', 'mistake'), in the language
        in use; the fields keep the English, as the catalogue has it."""
        return _(getattr(self, field))


LESSONS: tuple[Lesson, ...] = (
    Lesson(
        Technique.STROKING,
        what=N_("The lightest touch: your whole palm slides over the skin. Every session opens and closes "
                "with it."),
        how=N_("Glide one way only, toward the heart: up your leg from ankle to hip. Lift your hand and "
               "start again at the bottom."),
        firmness=N_("Light. Your palm rests on the skin with almost no weight."),
        how_long=N_("Half a minute to a minute on each area."),
        mistake=N_("Sliding back down with pressure. Bring your hand back through the air."),
        stage=Stage.PREPARATORY,
        intensity=Intensity.LIGHT,
    ),
    Lesson(
        Technique.RUBBING,
        what=N_("Slow friction that warms the muscle: the heel of your palm moves the skin in small "
                "circles."),
        how=N_("Make one small circle with each click, and let the circles travel slowly along the area."),
        firmness=N_("Light rubbing calms; firmer rubbing wakes the muscle up. Start light."),
        how_long=N_("At most 10 seconds on one area, then move on."),
        mistake=N_("Staying on one spot too long: after 10 seconds rubbing starts to hurt."),
        stage=Stage.PREPARATORY,
        intensity=Intensity.LIGHT,
    ),
    Lesson(
        Technique.SQUEEZING,
        what=N_("A slow press along the muscle. It usually comes just before kneading."),
        how=N_("Press with the heel or the edge of your palm and push slowly toward the heart, as if you "
               "were sliding something up the muscle."),
        firmness=N_("Moderate: firmer than stroking, never sharp."),
        how_long=N_("Half a minute to a minute on each area."),
        mistake=N_("Pushing away from the heart. Always move toward it: up the leg, up the back."),
        stage=Stage.MEDIUM_DEEP,
        intensity=Intensity.MODERATE,
    ),
    Lesson(
        Technique.KNEADING,
        what=N_("The deepest technique: you grip a bundle of muscle and press it against the bone."),
        how=N_("Grip, press, and roll the muscle slowly under your fingers. Let go, move a hand's width "
               "along, and grip again."),
        firmness=N_("Start moderate and go deeper bit by bit. It must never hurt."),
        how_long=N_("About a minute on each area, a little more on big muscles."),
        mistake=N_("Pinching the skin instead of gripping the muscle, or carrying on through pain."),
        stage=Stage.DEEP,
        intensity=Intensity.MODERATE,
    ),
    Lesson(
        Technique.VIBRATION,
        what=N_("Quick, light tapping or shaking that livens the muscle up."),
        how=N_("Tap with loose fingertips or the edge of your palm, or hold the muscle and shake it gently."),
        firmness=N_("Light, with a loose wrist."),
        how_long=N_("At most 10 seconds on one area."),
        mistake=N_("Hitting hard. It should feel like rain, not a drum."),
        stage=Stage.DEEP,
        intensity=Intensity.LIGHT,
    ),
)
BY_TECHNIQUE: dict[Technique, Lesson] = {lesson.technique: lesson for lesson in LESSONS}


def practice_routine(technique: Technique, tempo: int = TEMPO_DEFAULT) -> Routine:
    """One step of `technique` on the legs, 10 s a leg, with the lesson's own cue line."""
    lesson = BY_TECHNIQUE[technique]
    step = Step(stage=lesson.stage, technique=technique, area=PRACTICE_AREA,
                seconds=PRACTICE_SECONDS_PER_SIDE, intensity=lesson.intensity, note=lesson.says("how"),
                sides=Sides.BOTH)
    # Made in the language in use, as the library translates a built-in routine when it loads it.
    return Routine(name=_("Practice: {technique}").format(technique=technique.label.lower()), steps=(step,),
                   description=_("{technique} on your legs, 10 seconds on each.").format(
                       technique=technique.label),
                   tempo=tempo, source="the Learn page", practice=True)
