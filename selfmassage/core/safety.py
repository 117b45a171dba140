"""The safety questions asked before a session, and what the app says around them. No Qt here.

The app asks; it never diagnoses. Any "yes" means: ask a doctor before you massage.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from selfmassage.core.checkin import Symptom
from selfmassage.i18n import N_, _

# Ask again after this long, even when every answer was "no": health changes.
RECHECK_AFTER = timedelta(days=30)


@dataclass(frozen=True)
class SafetyQuestion:
    id: str  # stable: answers are stored under it
    text: str  # one line, second person; "yes" means do not massage today


# One question per contraindication in the guide. A "yes" to any of them stops the session.
QUESTIONS: tuple[SafetyQuestion, ...] = (
    SafetyQuestion("fever", N_("Do you have a fever?")),
    SafetyQuestion("skin", N_("Do you have a skin infection with pus, such as an abscess, or a bleeding "
                              "wound?")),
    SafetyQuestion("allergy", N_("Are you having an allergic reaction right now?")),
    SafetyQuestion("cancer", N_("Do you have cancer, or are you being treated for it?")),
    SafetyQuestion("nerves", N_("Are you feeling highly agitated or on edge right now?")),
    SafetyQuestion("inflammation", N_("Do you have an acute inflammation, or has an old one flared up?")),
    SafetyQuestion("bone", N_("Do you have a broken bone or a bone bruise?")),
    SafetyQuestion("clots", N_("Do you have a blood clot (thrombosis)?")),
    SafetyQuestion("heart_lungs", N_("Do you have a heart, blood-vessel or breathing disease?")),
)
QUESTION_IDS: tuple[str, ...] = tuple(question.id for question in QUESTIONS)

# Shown with the questions; informs, never blocks.
WITH_CARE_TITLE = N_("Take extra care if this is you")
WITH_CARE: tuple[str, ...] = (
    N_("Osteochondrosis or a disc hernia: work only lightly near your spine, never hard."),
    N_("Pregnancy, fibroids or mastopathy: ask your doctor first, then massage gently."),
)

STOP_TITLE = N_("Let’s pause here")
STOP_MESSAGE = N_(
    "Please ask a doctor before you massage. Some health conditions can get worse with massage, "
    "and a doctor can tell you what is safe for you."
)
STOP_LATER = N_("When things change, you can answer the questions again and start your session.")

PREGNANCY_TITLE = N_("This routine is for pregnancy")
PREGNANCY_NOTE: tuple[str, ...] = (
    N_("Use light techniques only: stroking and gentle rubbing."),
    N_("Keep the whole session to 45 minutes or less."),
    N_("Later in pregnancy, lie on your side."),
    N_("Check with your doctor or midwife that massage is right for you."),
)

# After a session: one calm line when a sign of overdoing it was ticked. Advice, never a diagnosis.
HINTS: dict[Symptom, str] = {
    Symptom.DIZZINESS: N_("Sit up slowly and drink some water."),
    Symptom.HEADACHE: N_("Rest somewhere quiet, and go more gently next time."),
    Symptom.PAIN: N_("Go lighter next time, and stop whenever it hurts."),
}
HINT_SEVERAL = N_("More than one of these came up: consider asking a physiotherapist before your next "
                  "session.")


def _aware(moment: datetime) -> datetime:
    # A naive time is taken as local time, so naive and aware times can be compared.
    return moment if moment.tzinfo is not None else moment.astimezone()


def needs_check(last_checked: datetime | None, now: datetime) -> bool:
    """True before the first session, and once 30 days or more have passed since the last check."""
    if last_checked is None:
        return True
    since = _aware(now) - _aware(last_checked)
    # A check "in the future" means the clock was moved back: ask rather than trust it.
    return since < timedelta(0) or since >= RECHECK_AFTER


def yes_answers(answers: Mapping[str, bool]) -> tuple[SafetyQuestion, ...]:
    """The questions answered "yes", in checklist order."""
    return tuple(question for question in QUESTIONS if answers.get(question.id) is True)


def all_clear(answers: Mapping[str, bool]) -> bool:
    """Every current question answered, and every answer "no"."""
    return all(answers.get(question_id) is False for question_id in QUESTION_IDS)


def checkin_hint(symptoms: Iterable[Symptom]) -> str:
    """The hint for the check-in: one line for pain, headache or dizziness; "" when none is ticked."""
    chosen = set(symptoms)
    ticked = [symptom for symptom in HINTS if symptom in chosen]
    if len(ticked) > 1:
        return _(HINT_SEVERAL)
    return _(HINTS[ticked[0]]) if ticked else ""
