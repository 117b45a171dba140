"""The safety questions asked before a session, and what the app says around them. No Qt here.

The app asks; it never diagnoses. Two kinds of question:
- states of today (a fever, an allergic reaction, …): one short question before every session, the list
  shown, one answer for all. A "yes" means no massage today.
- the checklist, on a 30-day cycle: conditions that call for a doctor's word first (a "yes" stops), and
  one that only changes how you massage — osteochondrosis or a disc hernia, whose "yes" makes every step
  beside the spine light.
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
    text: str  # one line, second person
    detail: str = ""  # a short line under it, when the question needs one
    softens: bool = False  # a "yes" changes how you massage instead of stopping the session


# States of today, asked before every session with one answer for all: any of them, no massage today.
TODAY_TITLE = N_("Today, do you have any of these?")
TODAY_STATES: tuple[str, ...] = (
    N_("A fever"),
    N_("An allergic reaction"),
    N_("An acute inflammation, or an old one flaring up"),
    N_("A fresh broken bone or bone bruise"),
    N_("A bleeding wound, or a skin infection with pus (an abscess)"),
)
TODAY_NO = N_("No, none of these")
TODAY_YES = N_("Yes, one of these")
TODAY_STOP_TITLE = N_("No massage today")
TODAY_STOP_MESSAGE = N_("Massage can make these worse. Wait until it has passed; if it does not pass, "
                        "ask a doctor.")

SPINE = "spine"
# The checklist, asked before the first session and every 30 days. A "yes" to any but the spine question
# stops the session and asks you to see a doctor first.
QUESTIONS: tuple[SafetyQuestion, ...] = (
    SafetyQuestion("cancer", N_("Do you have cancer, or are you being treated for it?")),
    SafetyQuestion("clots", N_("Do you have a blood clot (thrombosis)?")),
    SafetyQuestion("heart_lungs",
                   N_("Has a doctor told you that you have a heart, blood-vessel or breathing disease?"),
                   N_("High blood pressure counts too: ask your doctor before you massage.")),
    SafetyQuestion("nerves", N_("Has a doctor told you that you have heightened nervous excitability?"),
                   N_("Everyday stress is no reason to wait: massage helps with it.")),
    SafetyQuestion(SPINE, N_("Do you have osteochondrosis or a disc hernia?"),
                   N_("A yes does not stop you: every step beside your spine will be light."), softens=True),
)
QUESTION_IDS: tuple[str, ...] = tuple(question.id for question in QUESTIONS)

# Shown with the questions; informs, never blocks.
WITH_CARE_TITLE = N_("Take extra care if this is you")
WITH_CARE: tuple[str, ...] = (
    N_("Pregnancy, fibroids or mastopathy: ask your doctor first, then massage gently."),
)

# Said once in a session where the spine answer made steps light.
SPINE_SOFTENED = N_("Because of your spine, every step beside it is light today.")
SPINE_MARK = N_("Lighter beside your spine for you")

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
    Symptom.DROWSINESS: N_("Rest a while before you stand up, and sit up slowly next time."),
    Symptom.HEADACHE: N_("Rest somewhere quiet, and go more gently next time."),
    Symptom.PAIN: N_("Go lighter next time, and stop whenever it hurts."),
    Symptom.NAUSEA: N_("Sit quietly with some fresh air, and keep the next session shorter and lighter."),
    Symptom.FATIGUE: N_("Rest now, and try a shorter session next time."),
    Symptom.BODY_ACHES: N_("Go lighter next time; a little ache that fades within a day is common."),
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
    """The questions answered "yes" that stop a session, in checklist order."""
    return tuple(question for question in QUESTIONS
                 if answers.get(question.id) is True and not question.softens)


def all_clear(answers: Mapping[str, bool]) -> bool:
    """Every current question answered, and no "yes" that stops a session."""
    return all(isinstance(answers.get(question_id), bool) for question_id in QUESTION_IDS) and not (
        yes_answers(answers))


def spine_care(answers: Mapping[str, bool]) -> bool:
    """Osteochondrosis or a disc hernia: steps beside the spine are light."""
    return answers.get(SPINE) is True


def checkin_hint(symptoms: Iterable[Symptom]) -> str:
    """The hint for the check-in: one line for the sign ticked, a general one for several; "" for none."""
    chosen = set(symptoms)
    ticked = [symptom for symptom in HINTS if symptom in chosen]
    if len(ticked) > 1:
        return _(HINT_SEVERAL)
    return _(HINTS[ticked[0]]) if ticked else ""
