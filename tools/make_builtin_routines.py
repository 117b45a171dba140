"""Write the built-in routines to assets/routines/, one canonical JSON file each.

The routines are written here as data so a change is one edit and the files stay in the exact form
`dumps_routine` writes (clean diffs). Run from the repository root:

    python tools/make_builtin_routines.py          # (re)write the files
    python tools/make_builtin_routines.py --check  # exit 1 if a file differs or is missing

Rubbing and vibration may stay on one area at most 10 s, so a rubbing phase is a round of 10-s steps that
moves side to side and zone to zone, never the same area twice in a row.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from selfmassage.core.problems import Problem  # noqa: E402
from selfmassage.core.routine import Routine, Step, format_duration  # noqa: E402
from selfmassage.core.routine_format import dumps_routine, loads_routine  # noqa: E402
from selfmassage.core.rules import validate  # noqa: E402
from selfmassage.core.techniques import Intensity, Profile, Stage, Technique, Variant  # noqa: E402
from selfmassage.store.library import safe_file_stem  # noqa: E402

ROUTINES_DIR = ROOT / "assets" / "routines"

PREP, MID, DEEP, FINAL = Stage.PREPARATORY, Stage.MEDIUM_DEEP, Stage.DEEP, Stage.FINAL
STROKE, RUB, SQUEEZE, KNEAD, VIBRATE = (
    Technique.STROKING, Technique.RUBBING, Technique.SQUEEZING, Technique.KNEADING, Technique.VIBRATION,
)
LIGHT, MODERATE, FIRM = Intensity.LIGHT, Intensity.MODERATE, Intensity.FIRM
BURST = 10  # seconds of rubbing or vibration on one area: the guide's cap


def step(stage: Stage, technique: Technique, area: str, seconds: int, intensity: Intensity, note: str,
         variant: Variant | None = None) -> Step:
    return Step(stage=stage, technique=technique, area=area, seconds=seconds, intensity=intensity,
                variant=variant, note=note)


def bursts(stage: Stage, technique: Technique, intensity: Intensity,
           areas_and_notes: list[tuple[str, str]]) -> list[Step]:
    """One 10-s step per area: how a rubbing or vibration phase moves on before a spot gets sore."""
    return [step(stage, technique, area, BURST, intensity, note) for area, note in areas_and_notes]


def classic_back() -> Routine:
    steps = [
        step(PREP, STROKE, "lower back", 60, LIGHT, "Slide both palms up your lower back, barely touching."),
        step(PREP, STROKE, "along the spine", 45, LIGHT, "Stroke up beside your spine with flat hands."),
        step(PREP, STROKE, "collar zone", 45, LIGHT, "Stroke down from your neck over your shoulders."),
        *bursts(PREP, RUB, LIGHT, [
            ("lower back, left", "Rub the left of your lower back gently with your palm."),
            ("lower back, right", "Now the right side, just as gently."),
            ("along the spine, left", "Rub beside your spine on the left, up and down."),
            ("along the spine, right", "Rub beside your spine on the right."),
            ("shoulder blades, left", "Reach over with your right hand; rub your left shoulder blade."),
            ("shoulder blades, right", "Reach over with your left hand; rub your right shoulder blade."),
        ]),
        *bursts(MID, RUB, MODERATE, [
            ("lower back, left", "Rub the left of your lower back with your knuckles, firmer."),
            ("lower back, right", "Knuckles on the right of your lower back."),
            ("along the spine, left", "Rub beside your spine on the left, in time with the click."),
            ("along the spine, right", "Beside your spine on the right."),
            ("shoulder blades, left", "Rub over your left shoulder blade."),
            ("shoulder blades, right", "Rub over your right shoulder blade."),
            ("collar zone, left", "Rub where your neck meets your left shoulder."),
            ("collar zone, right", "Rub where your neck meets your right shoulder."),
            ("lower back, left", "Back to your lower back, left side."),
            ("lower back, right", "Lower back, right side."),
            ("along the spine, left", "Left of your spine again."),
            ("along the spine, right", "Right of your spine again."),
            ("shoulder blades, left", "Left shoulder blade again."),
            ("shoulder blades, right", "Right shoulder blade again."),
            ("collar zone, left", "Left side of your neck's base."),
            ("collar zone, right", "Right side of your neck's base."),
        ]),
        step(MID, SQUEEZE, "lower back", 60, MODERATE,
             "Press the heels of your palms up your lower back.", Variant.PALM_BASE),
        step(MID, SQUEEZE, "along the spine", 60, MODERATE,
             "Press across the muscles beside your spine, working upward.", Variant.TRANSVERSE),
        step(MID, SQUEEZE, "collar zone", 60, MODERATE,
             "Press with the edge of your palm from your neck to your shoulder.", Variant.PALM_EDGE),
        step(DEEP, SQUEEZE, "along the spine", 60, FIRM,
             "Hands either side of your spine; press firmly as you move up.", Variant.TWO_HANDS),
        step(DEEP, KNEAD, "along the spine, left", 75, FIRM,
             "Knead the muscle left of your spine with your thumb, in slow circles."),
        step(DEEP, KNEAD, "along the spine, right", 75, FIRM,
             "Now the muscle right of your spine. Never to pain."),
        step(DEEP, KNEAD, "lower back", 90, FIRM, "Grip the muscle at your waist and knead it slowly."),
        step(DEEP, SQUEEZE, "shoulders", 45, FIRM,
             "Press the heel of your palm over your shoulder, toward your chest.", Variant.PALM_BASE),
        step(DEEP, KNEAD, "shoulders, left", 60, FIRM,
             "Grip your left shoulder with your right hand and knead it slowly."),
        step(DEEP, KNEAD, "shoulders, right", 60, FIRM, "Swap hands and knead your right shoulder."),
        step(DEEP, KNEAD, "collar zone", 60, MODERATE, "Knead where your neck meets your shoulders, gently."),
        *bursts(DEEP, VIBRATE, LIGHT, [
            ("shoulders, left", "Tap your left shoulder with loose fingertips."),
            ("shoulders, right", "Tap your right shoulder the same way."),
            ("lower back, left", "Drum lightly on the left of your lower back with loose fists."),
            ("lower back, right", "Drum lightly on the right side."),
        ]),
        step(FINAL, STROKE, "lower back", 60, LIGHT, "Stroke up your lower back slowly with both palms."),
        step(FINAL, STROKE, "along the spine", 45, LIGHT, "Stroke up beside your spine, lighter each time."),
        step(FINAL, STROKE, "collar zone", 45, LIGHT, "Stroke down from your neck over your shoulders."),
        step(FINAL, STROKE, "shoulders", 30, LIGHT,
             "Cross your arms and stroke down both shoulders. Breathe out."),
    ]
    return Routine(
        name="Classic back session",
        description="A full back massage in the four classic stages, from a light warm-up to deep "
                    "kneading and a calm finish. For anyone who wants the whole session; about 22 minutes.",
        tempo=80,
        steps=tuple(steps),
    )


def therapeutic_back() -> Routine:
    # The guide's sequence, in its order: warm every zone; pressing that grows; up the spine with both
    # hands; down it in small circles; glutes worked hard; shoulders and collar zone kneaded and tapped;
    # a fist over the whole back; stroking to finish.
    steps = [
        step(PREP, STROKE, "lower back", 60, LIGHT,
             "Stroke up your lower back with both palms, barely touching."),
        step(PREP, STROKE, "along the spine", 60, LIGHT, "Stroke up beside your spine, lightly."),
        step(PREP, STROKE, "shoulder blades", 45, LIGHT,
             "Reach over and stroke each shoulder blade toward the armpit."),
        step(PREP, STROKE, "collar zone", 45, LIGHT, "Stroke down from your hairline to your shoulders."),
        step(PREP, STROKE, "glutes", 45, LIGHT, "Stroke over your glutes out toward your hips."),
        *bursts(PREP, RUB, LIGHT, [
            ("lower back, left", "Rub the left of your lower back lightly to warm it."),
            ("lower back, right", "Warm the right of your lower back."),
            ("along the spine, left", "Warm the left of your spine."),
            ("along the spine, right", "Warm the right of your spine."),
            ("shoulder blades, left", "Warm your left shoulder blade."),
            ("shoulder blades, right", "Warm your right shoulder blade."),
            ("collar zone, left", "Warm the left side of your neck's base."),
            ("collar zone, right", "Warm the right side of your neck's base."),
            ("glutes, left", "Warm your left glute."),
            ("glutes, right", "Warm your right glute."),
        ]),
        step(MID, SQUEEZE, "lower back", 45, LIGHT,
             "One hand on your lower back, one on a shoulder blade. Press the lower one slowly."),
        step(MID, SQUEEZE, "shoulder blades", 45, LIGHT,
             "Now press slowly with the hand on your shoulder blade."),
        step(MID, SQUEEZE, "lower back", 45, MODERATE, "Press the lower hand a little deeper, still slowly."),
        step(MID, SQUEEZE, "shoulder blades", 45, MODERATE,
             "Press the upper hand deeper too. Swap hands if your arm tires."),
        step(MID, SQUEEZE, "along the spine, lower", 60, MODERATE,
             "Hands either side of your spine at the waist; press and move up.", Variant.TWO_HANDS),
        step(MID, SQUEEZE, "along the spine, upper", 60, MODERATE,
             "Keep pressing both sides of your spine, up toward your shoulder blades.", Variant.TWO_HANDS),
        step(MID, SQUEEZE, "collar zone", 45, MODERATE,
             "Finish at the base of your neck, pressing both sides at once.", Variant.TWO_HANDS),
        *bursts(MID, RUB, MODERATE, [
            ("collar zone", "Small circles with your fingertips at the base of your neck."),
            ("along the spine, upper", "Circle down beside your spine, between your shoulder blades."),
            ("along the spine, lower", "Keep circling down beside your spine."),
            ("lower back", "Small circles across your lower back."),
            ("collar zone", "Back up to your neck's base; circle down again."),
            ("along the spine, upper", "Small circles down the upper spine."),
            ("along the spine, lower", "Small circles down the lower spine."),
            ("lower back", "Circles across your lower back."),
            ("collar zone", "Once more from the top: circles at your neck's base."),
            ("along the spine, upper", "Circle down between your shoulder blades."),
            ("along the spine, lower", "Circle down toward your waist."),
            ("lower back", "Finish the circles on your lower back."),
        ]),
        step(DEEP, SQUEEZE, "glutes", 60, MODERATE,
             "Press the heel of your palm into your glutes, moving up to your waist.", Variant.PALM_BASE),
        *bursts(DEEP, RUB, FIRM, [
            ("glutes, left", "Rub your left glute firmly with your fist; it can take more."),
            ("glutes, right", "Rub your right glute firmly with your fist."),
            ("glutes, left", "Left glute again, firm and brisk."),
            ("glutes, right", "Right glute again."),
            ("glutes, left", "Left glute once more."),
            ("glutes, right", "Right glute once more."),
        ]),
        step(DEEP, KNEAD, "glutes, left", 90, FIRM, "Grip your left glute and knead it deeply, slowly."),
        step(DEEP, KNEAD, "glutes, right", 90, FIRM, "Knead your right glute just as deeply."),
        step(DEEP, SQUEEZE, "shoulders", 45, FIRM,
             "Press the heel of your palm over each shoulder, toward your chest.", Variant.PALM_BASE),
        step(DEEP, KNEAD, "shoulders, left", 90, FIRM,
             "Grip your left shoulder with your right hand; knead it firmly."),
        step(DEEP, KNEAD, "shoulders, right", 90, FIRM, "Swap hands; knead your right shoulder firmly."),
        step(DEEP, KNEAD, "collar zone", 90, FIRM,
             "Knead where your neck meets your shoulders. Firm, never painful."),
        step(DEEP, KNEAD, "shoulders", 45, MODERATE, "Ease off: knead both shoulders more gently."),
        *bursts(DEEP, VIBRATE, LIGHT, [
            ("collar zone, left", "Tap the left of your neck's base lightly with the edge of your palm."),
            ("collar zone, right", "Tap the right side the same way."),
            ("shoulders, left", "Tap along your left shoulder with the edge of your palm."),
            ("shoulders, right", "Tap along your right shoulder."),
            ("collar zone, left", "Left side of your neck's base again, lightly."),
            ("collar zone, right", "Right side again."),
            ("shoulders, left", "Left shoulder again."),
            ("shoulders, right", "Right shoulder again."),
        ]),
        step(DEEP, SQUEEZE, "lower back", 60, MODERATE,
             "Make a fist and press it slowly over your lower back."),
        step(DEEP, SQUEEZE, "along the spine", 60, MODERATE,
             "Press your fist beside your spine, moving up, one side then the other."),
        step(DEEP, SQUEEZE, "shoulder blades", 60, MODERATE,
             "Reach over and press your fist along each shoulder blade."),
        step(FINAL, STROKE, "along the spine", 60, LIGHT, "Stroke up beside your spine, slowly and lightly."),
        step(FINAL, STROKE, "lower back", 60, LIGHT, "Stroke up your lower back with both palms."),
        step(FINAL, STROKE, "shoulder blades", 45, LIGHT, "Stroke each shoulder blade toward the armpit."),
        step(FINAL, STROKE, "collar zone", 60, LIGHT,
             "Stroke down from your neck to your shoulders. Breathe out."),
    ]
    return Routine(
        name="Therapeutic back sequence",
        description="The guide's step-by-step back sequence: warm-up, slow pressing, work along the spine, "
                    "glutes and shoulders, then stroking. For a thorough session when your back feels "
                    "tight; about 33 minutes.",
        tempo=70,
        steps=tuple(steps),
    )


def evening_ball() -> Routine:
    steps = [
        step(PREP, STROKE, "lower back", 45, LIGHT, "Stand and stroke up your lower back with both palms."),
        step(PREP, STROKE, "collar zone", 45, LIGHT, "Stroke down from your neck over your shoulders."),
        *bursts(PREP, RUB, LIGHT, [
            ("lower back, left", "Back to a wall, ball at the left of your lower back. Roll small circles."),
            ("lower back, right", "Shift the ball to the right of your lower back; keep rolling."),
            ("along the spine, left", "Roll the ball up the left of your spine, never on the bone."),
            ("along the spine, right", "Now the right of your spine. Bend your knees to move the ball."),
            ("shoulder blades, left", "Roll the ball over your left shoulder blade."),
            ("shoulder blades, right", "Roll the ball over your right shoulder blade."),
            ("lower back, left", "Back down to your lower back, left. On the floor? Roll the same way."),
            ("lower back, right", "Lower back, right side."),
            ("along the spine, left", "Left of your spine."),
            ("along the spine, right", "Right of your spine."),
            ("shoulder blades, left", "Left shoulder blade."),
            ("shoulder blades, right", "Right shoulder blade."),
        ]),
        *bursts(MID, RUB, MODERATE, [
            ("lower back, left", "Lean a little more into the ball, lower back left."),
            ("lower back, right", "Lean in on the right of your lower back."),
            ("along the spine, left", "Roll slowly up the left of your spine."),
            ("along the spine, right", "Roll slowly up the right of your spine."),
            ("shoulder blades, left", "Lean into your left shoulder blade."),
            ("shoulder blades, right", "Lean into your right shoulder blade."),
            ("lower back, left", "Lower back, left, a bit deeper."),
            ("lower back, right", "Lower back, right."),
            ("along the spine, left", "Left of your spine, slowly."),
            ("along the spine, right", "Right of your spine, slowly."),
            ("shoulder blades, left", "Left shoulder blade."),
            ("shoulder blades, right", "Right shoulder blade."),
            ("lower back, left", "Last time: lower back, left."),
            ("lower back, right", "Lower back, right."),
            ("along the spine, left", "Left of your spine."),
            ("along the spine, right", "Right of your spine."),
            ("shoulder blades, left", "Left shoulder blade."),
            ("shoulder blades, right", "Right shoulder blade."),
        ]),
        step(MID, SQUEEZE, "shoulder blades, left", 30, MODERATE,
             "Rest the ball on your left shoulder blade; lean in and hold. Breathe out."),
        step(MID, SQUEEZE, "shoulder blades, right", 30, MODERATE,
             "Ball on your right shoulder blade; lean in and hold."),
        step(MID, SQUEEZE, "glutes, left", 30, MODERATE,
             "Ball on your left glute against the wall; lean in and hold."),
        step(MID, SQUEEZE, "glutes, right", 30, MODERATE, "Ball on your right glute; lean in and hold."),
        step(FINAL, STROKE, "lower back", 60, LIGHT, "Step off the wall. Stroke up your lower back slowly."),
        step(FINAL, STROKE, "shoulders", 45, LIGHT, "Cross your arms and stroke down over both shoulders."),
        step(FINAL, STROKE, "neck", 45, LIGHT, "Stroke down the back of your neck. Breathe out slowly."),
    ]
    return Routine(
        name="Evening relax with a massage ball",
        description="An easy wind-down after a workday: a massage ball against a wall, or the floor if you "
                    "prefer to lie down. For a tired back; about 11 minutes.",
        tempo=70,
        steps=tuple(steps),
    )


def after_workout() -> Routine:
    steps = [
        step(PREP, STROKE, "shoulders", 45, LIGHT, "Cross your arms and stroke down over both shoulders."),
        step(PREP, STROKE, "lower back", 45, LIGHT, "Stroke up your lower back with both palms."),
        step(PREP, STROKE, "collar zone", 30, LIGHT, "Stroke down from your neck to your shoulders."),
        *bursts(PREP, RUB, LIGHT, [
            ("shoulders, left", "Rub your left shoulder lightly with your right palm."),
            ("shoulders, right", "Rub your right shoulder lightly with your left palm."),
            ("lower back, left", "Rub the left of your lower back lightly."),
            ("lower back, right", "Rub the right of your lower back lightly."),
            ("collar zone, left", "Rub the left of your neck's base lightly."),
            ("collar zone, right", "Rub the right of your neck's base lightly."),
        ]),
        *bursts(MID, RUB, MODERATE, [
            ("shoulders, left", "Rub your left shoulder firmer now, in time with the click."),
            ("shoulders, right", "Rub your right shoulder firmer."),
            ("shoulder blades, left", "Reach over and rub your left shoulder blade."),
            ("shoulder blades, right", "Reach over and rub your right shoulder blade."),
            ("lower back, left", "Rub the left of your lower back with your knuckles."),
            ("lower back, right", "Knuckles on the right of your lower back."),
            ("collar zone, left", "Rub the left of your neck's base."),
            ("collar zone, right", "Rub the right of your neck's base."),
            ("shoulders, left", "Left shoulder again."),
            ("shoulders, right", "Right shoulder again."),
            ("shoulder blades, left", "Left shoulder blade again."),
            ("shoulder blades, right", "Right shoulder blade again."),
            ("lower back, left", "Lower back, left, again."),
            ("lower back, right", "Lower back, right, again."),
            ("collar zone, left", "Left of your neck's base again."),
            ("collar zone, right", "Right of your neck's base again."),
        ]),
        step(MID, SQUEEZE, "shoulders", 45, MODERATE,
             "Press across each shoulder muscle, from your neck out to your arm.", Variant.TRANSVERSE),
        step(MID, SQUEEZE, "collar zone", 30, MODERATE,
             "Press across the base of your neck, one side and then the other.", Variant.TRANSVERSE),
        step(MID, SQUEEZE, "lower back", 45, MODERATE,
             "Press the heels of your palms up your lower back.", Variant.PALM_BASE),
        step(DEEP, SQUEEZE, "shoulders", 60, MODERATE,
             "Cross your arms, hands on opposite shoulders; press both at once.", Variant.TWO_HANDS),
        step(DEEP, KNEAD, "shoulders, left", 75, MODERATE, "Grip your left shoulder and knead it slowly."),
        step(DEEP, KNEAD, "shoulders, right", 75, MODERATE, "Swap hands and knead your right shoulder."),
        step(DEEP, KNEAD, "collar zone", 75, FIRM,
             "Knead where your neck meets your shoulders, a bit firmer."),
        step(DEEP, SQUEEZE, "lower back", 45, FIRM,
             "Press the heels of your palms firmly up your lower back.", Variant.PALM_BASE),
        step(DEEP, KNEAD, "lower back", 90, FIRM,
             "Grip the muscle at your waist and knead it. Never to pain."),
        *bursts(DEEP, VIBRATE, MODERATE, [
            ("shoulders, left", "Shake your left shoulder loosely with your right hand."),
            ("shoulders, right", "Shake your right shoulder loosely."),
            ("lower back, left", "Drum the left of your lower back with loose fists, not too hard."),
            ("lower back, right", "Drum the right of your lower back."),
        ]),
        step(FINAL, STROKE, "lower back", 60, LIGHT, "Stroke up your lower back slowly."),
        step(FINAL, STROKE, "shoulder blades", 45, LIGHT,
             "Reach over and stroke each shoulder blade lightly."),
        step(FINAL, STROKE, "shoulders", 60, LIGHT,
             "Cross your arms and stroke down both shoulders. Breathe out."),
    ]
    return Routine(
        name="After-workout back and shoulders",
        description="A recovery massage for the back and shoulders on a day you trained, once you have "
                    "cooled down. About 18 minutes.",
        tempo=80,
        steps=tuple(steps),
    )


def pregnancy_light() -> Routine:
    # Stroking and rubbing only, all light (the guide's rule); later in pregnancy the person lies on
    # their side, so the notes where it matters say so.
    steps = [
        step(PREP, STROKE, "lower back", 80, LIGHT,
             "Sit astride a chair, or later on lie on your side. Stroke up your lower back."),
        step(PREP, STROKE, "shoulders", 60, LIGHT, "Cross your arms and stroke down over both shoulders."),
        step(PREP, STROKE, "neck", 45, LIGHT, "Stroke down the back of your neck with one palm."),
        step(PREP, STROKE, "legs, left", 45, LIGHT, "Stroke up your left leg from ankle to knee."),
        step(PREP, STROKE, "legs, right", 45, LIGHT, "Stroke up your right leg from ankle to knee."),
        *bursts(MID, RUB, LIGHT, [
            ("lower back, left", "Rub the left of your lower back gently with your palm."),
            ("lower back, right", "Now the right. Lying on your side? Rub the side you can reach."),
            ("shoulders, left", "Rub your left shoulder gently."),
            ("shoulders, right", "Rub your right shoulder gently."),
            ("collar zone, left", "Rub the left of your neck's base with your fingertips."),
            ("collar zone, right", "Rub the right of your neck's base."),
        ]),
        step(MID, STROKE, "lower back", 45, LIGHT, "Stroke up your lower back to soothe it."),
        *bursts(MID, RUB, LIGHT, [
            ("lower back, left", "Gentle rubbing again, lower back, left."),
            ("lower back, right", "Lower back, right."),
            ("shoulders, left", "Left shoulder."),
            ("shoulders, right", "Right shoulder."),
            ("collar zone, left", "Left of your neck's base."),
            ("collar zone, right", "Right of your neck's base."),
        ]),
        step(MID, STROKE, "shoulders", 45, LIGHT, "Stroke down over both shoulders."),
        *bursts(MID, RUB, LIGHT, [
            ("along the spine, left", "Rub beside your spine on the left with your fingertips."),
            ("along the spine, right", "Beside your spine on the right."),
            ("collar zone, left", "Left of your neck's base."),
            ("collar zone, right", "Right of your neck's base."),
            ("lower back, left", "Lower back, left."),
            ("lower back, right", "Lower back, right."),
        ]),
        step(MID, STROKE, "legs, left", 45, LIGHT, "Stroke up your left leg from ankle to hip."),
        step(MID, STROKE, "legs, right", 45, LIGHT, "Stroke up your right leg from ankle to hip."),
        *bursts(MID, RUB, LIGHT, [
            ("lower back, left", "One more round: lower back, left, gently."),
            ("lower back, right", "Lower back, right."),
            ("shoulders, left", "Left shoulder."),
            ("shoulders, right", "Right shoulder."),
        ]),
        step(FINAL, STROKE, "lower back", 90, LIGHT,
             "Stroke up your lower back slowly. Lying on your side is fine."),
        step(FINAL, STROKE, "shoulders", 75, LIGHT, "Stroke down over both shoulders, slower each time."),
        step(FINAL, STROKE, "neck", 60, LIGHT, "Stroke down your neck. Rest a moment before you get up."),
    ]
    return Routine(
        name="Pregnancy-safe light massage",
        description="Light stroking and rubbing only, for pregnancy with your doctor's OK; about 15 "
                    "minutes. Later in pregnancy, do it lying on your side.",
        tempo=60,
        profile=Profile.PREGNANCY,
        steps=tuple(steps),
    )


def learn_on_legs() -> Routine:
    # Each technique's first step says what it is; the legs are where the guide says to practise.
    steps = [
        step(PREP, STROKE, "legs, left", 45, LIGHT,
             "Stroking: slide your whole palm from ankle to hip, barely touching."),
        step(PREP, STROKE, "legs, right", 45, LIGHT,
             "Same on the right leg: light, slow, always toward the heart."),
        *bursts(PREP, RUB, LIGHT, [
            ("legs, left", "Rubbing: press your palm in and move it to and fro with the click."),
            ("legs, right", "Rub your right thigh the same way. Ten seconds, then move on."),
            ("legs, left", "Rub your left calf."),
            ("legs, right", "Rub your right calf."),
        ]),
        *bursts(MID, RUB, MODERATE, [
            ("legs, left", "Rub your left thigh with your knuckles, a bit firmer."),
            ("legs, right", "Knuckles on your right thigh."),
            ("legs, left", "Left calf, firmer."),
            ("legs, right", "Right calf, firmer."),
            ("legs, left", "Left thigh again."),
            ("legs, right", "Right thigh again."),
        ]),
        step(MID, SQUEEZE, "legs, left", 45, MODERATE,
             "Squeezing: press the heel of your palm up your thigh, toward the heart.", Variant.PALM_BASE),
        step(MID, SQUEEZE, "legs, right", 45, MODERATE,
             "Now press across the muscle, side to side, moving up the leg.", Variant.TRANSVERSE),
        step(DEEP, SQUEEZE, "legs, left", 45, MODERATE,
             "Wrap both hands round your left thigh and press, moving up.", Variant.TWO_HANDS),
        step(DEEP, KNEAD, "legs, left", 75, MODERATE,
             "Kneading: grip the muscle, press it to the bone, and turn it slowly."),
        step(DEEP, SQUEEZE, "legs, right", 45, MODERATE,
             "Wrap both hands round your right thigh and press, moving up.", Variant.TWO_HANDS),
        step(DEEP, KNEAD, "legs, right", 75, FIRM,
             "Knead your right thigh a little deeper. Stop short of pain."),
        step(DEEP, KNEAD, "legs, left", 60, FIRM, "Knead your left calf, slowly and deeply."),
        step(DEEP, KNEAD, "legs, right", 60, MODERATE, "Knead your right calf, easing off."),
        *bursts(DEEP, VIBRATE, MODERATE, [
            ("legs, left", "Vibration: tap with loose fingertips or shake the muscle, not hard."),
            ("legs, right", "Tap or shake your right thigh."),
            ("legs, left", "Shake your left calf loosely."),
            ("legs, right", "Shake your right calf loosely."),
        ]),
        step(FINAL, STROKE, "legs, left", 45, LIGHT, "Finish with light strokes up your left leg."),
        step(FINAL, STROKE, "legs, right", 45, LIGHT,
             "Light strokes up your right leg. That's all five techniques."),
    ]
    return Routine(
        name="Learn the techniques on your legs",
        description="Practise all five techniques on your legs, where they are easy to reach, before you use "
                    "them on your back. To watch each one move first and try it for 20 seconds, press "
                    "Learn beside Start. For beginners; about 13 minutes.",
        tempo=80,
        steps=tuple(steps),
    )


def builtin_routines() -> list[Routine]:
    return [classic_back(), therapeutic_back(), evening_ball(), after_workout(), pregnancy_light(),
            learn_on_legs()]


def file_name(routine: Routine) -> str:
    return f"{safe_file_stem(routine.name)}.json"


def _problems(text: str) -> list[Problem]:
    routine, problems = loads_routine(text.encode("utf-8"))
    return problems if routine is None else validate(routine)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only compare; exit 1 on any difference")
    args = parser.parse_args(argv)
    status = 0
    for routine in builtin_routines():
        path = ROUTINES_DIR / file_name(routine)
        text = dumps_routine(routine)
        for problem in _problems(text):
            print(f"{path.name}: {problem}", file=sys.stderr)
            status = 1
        stages = ", ".join(stage.value for stage in routine.stages)
        print(f"{path.name}: {format_duration(routine.total_seconds)}, {len(routine.steps)} steps, {stages}")
        if args.check:
            if not path.is_file() or path.read_text(encoding="utf-8") != text:
                print(f"{path.name}: differs from the script; run it without --check", file=sys.stderr)
                status = 1
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    return status


if __name__ == "__main__":
    raise SystemExit(main())
