"""The safety rules and texts: when to ask, what counts as clear, and what the app says."""

from datetime import UTC, datetime, timedelta, timezone

import pytest

from selfmassage.core import safety
from selfmassage.core.checkin import Symptom
from selfmassage.core.safety import QUESTION_IDS, QUESTIONS, all_clear, checkin_hint, needs_check, yes_answers

NOW = datetime(2025, 3, 1, 19, 0, tzinfo=UTC)
ALL_NO = dict.fromkeys(QUESTION_IDS, False)


def test_asked_before_the_first_session():
    assert needs_check(None, NOW) is True


@pytest.mark.parametrize(("days", "expected"), [(0, False), (1, False), (29, False), (30, True), (45, True)])
def test_asked_again_from_30_days_on(days, expected):
    assert needs_check(NOW - timedelta(days=days), NOW) is expected


def test_one_second_short_of_30_days_is_not_yet():
    assert needs_check(NOW - timedelta(days=30) + timedelta(seconds=1), NOW) is False


def test_a_clock_moved_back_asks_again_rather_than_trusting_it():
    assert needs_check(NOW + timedelta(hours=1), NOW) is True


def test_naive_and_aware_times_compare_as_local_time():
    local_now = datetime(2025, 3, 1, 19, 0)  # naive: taken as local time
    elsewhere = local_now.astimezone(timezone(timedelta(hours=5)))
    assert needs_check(elsewhere - timedelta(days=29), local_now) is False
    assert needs_check(local_now - timedelta(days=31), local_now.astimezone()) is True


def test_a_yes_last_time_is_not_clear():
    assert all_clear(ALL_NO) is True
    assert all_clear({**ALL_NO, "cancer": True}) is False
    assert [question.id for question in yes_answers({**ALL_NO, "cancer": True, "clots": True})] == [
        "cancer",
        "clots",
    ]


def test_a_spine_yes_softens_and_does_not_stop():
    answers = {**ALL_NO, "spine": True}
    assert all_clear(answers) and yes_answers(answers) == ()
    assert safety.spine_care(answers) and not safety.spine_care(ALL_NO)


def test_an_unanswered_or_new_question_is_not_clear():
    partial = dict(ALL_NO)
    del partial["heart_lungs"]
    assert all_clear(partial) is False
    assert all_clear({}) is False


def test_every_contraindication_in_the_guide_is_asked():
    text = " ".join(question.text.lower() for question in QUESTIONS)
    for words in ("cancer", "nervous excitability", "blood clot", "heart", "blood-vessel", "breathing",
                  "osteochondrosis", "disc hernia"):
        assert words in text, words
    today = " ".join(safety.TODAY_STATES).lower()
    for words in ("fever", "pus", "bleeding wound", "allergic", "acute inflammation", "flaring up",
                  "broken bone", "bone bruise"):
        assert words in today, words


def test_stress_is_not_a_reason_to_wait_and_a_diagnosis_means_a_doctor_first():
    by_id = {question.id: question for question in QUESTIONS}
    assert "stress is no reason to wait" in by_id["nerves"].detail.lower()
    assert by_id["heart_lungs"].text.startswith("Has a doctor told you")
    assert "ask your doctor" in by_id["heart_lungs"].detail


def test_questions_are_short_plain_second_person_and_distinct():
    assert len({question.id for question in QUESTIONS}) == len(QUESTIONS)
    for question in QUESTIONS:
        assert question.text.startswith(("Do you", "Are you", "Has a doctor told you")), question.text
        assert question.text.endswith("?") and question.text.count("?") == 1, question.text
        assert len(question.text) <= 90, question.text


def test_with_care_asks_a_doctor_about_pregnancy():
    text = " ".join(safety.WITH_CARE).lower()
    for words in ("pregnancy", "fibroids", "mastopathy", "doctor"):
        assert words in text, words


def test_the_stop_message_sends_to_a_doctor_and_names_no_condition():
    message = safety.STOP_MESSAGE.lower()
    assert "ask a doctor before you massage" in message
    for question in QUESTIONS:  # it never tells the person what they have
        assert question.id.replace("_", " ") not in message


def test_the_pregnancy_note_gives_the_three_limits():
    note = " ".join(safety.PREGNANCY_NOTE).lower()
    assert "light techniques only" in note
    assert "45 minutes" in note
    assert "lie on your side" in note


def test_checkin_hint_for_each_sign_and_for_several():
    assert checkin_hint(()) == ""
    assert checkin_hint({Symptom.DIZZINESS}) == "Sit up slowly and drink some water."
    assert "lighter" in checkin_hint({Symptom.PAIN})
    assert "sit up slowly" in checkin_hint({Symptom.DROWSINESS})
    assert "fresh air" in checkin_hint({Symptom.NAUSEA})
    assert "shorter session" in checkin_hint({Symptom.FATIGUE})
    assert "lighter" in checkin_hint({Symptom.BODY_ACHES})
    assert "physiotherapist" in checkin_hint({Symptom.PAIN, Symptom.DIZZINESS})
