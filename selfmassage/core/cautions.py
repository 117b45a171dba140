"""What the app says to keep a session gentle: going in gently after a jump, and rising slowly at the end.

The guide names an abrupt start, an abrupt stop and rough movements as what causes pain; and long lying down
can lower blood pressure, so you sit up slowly and rest a moment before you stand.
"""

from __future__ import annotations

from selfmassage.core.routine import Step
from selfmassage.core.techniques import Intensity
from selfmassage.i18n import N_

GO_IN_GENTLY = N_("Go in gently: start light and build up.")
SIT_UP_SLOWLY = N_("Sit up slowly, and rest a moment before you stand.")


def goes_in_hard(previous: Step | None, step: Step, *, by_user: bool) -> bool:
    """You skipped (or went back) from a light step straight to a firm one: say "go in gently"."""
    return (by_user and previous is not None and previous.intensity is Intensity.LIGHT
            and step.intensity is Intensity.FIRM)


def pressure_changed(previous: Step | None, step: Step) -> bool:
    """A step's prompt says its pressure when it differs from the step before (a session starts light)."""
    return previous is not None and previous.intensity is not step.intensity
