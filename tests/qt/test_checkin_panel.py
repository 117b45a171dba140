"""The check-in after a session, driven by keyboard and mouse as a person would."""

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication

from selfmassage.core.checkin import CheckIn, Symptom
from selfmassage.qt.checkin_dialog import CheckInPanel


@pytest.fixture
def panel(qtbot):
    widget = CheckInPanel()
    qtbot.addWidget(widget)
    widget.resize(820, 560)
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    return widget


def tick(qtbot, box):
    # Click on the box itself, as a person does, not on empty space beside its label.
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(14, box.height() // 2))


def test_the_keyboard_starts_on_the_feelings(qtbot, panel):
    # The first choice has the keyboard (a screen reader says where it is), none is chosen yet.
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.feeling_buttons[1])
    assert panel.feeling() is None
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_1)
    assert panel.feeling() == 1
    assert QApplication.focusWidget() is panel.feeling_buttons[1]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is panel.symptom_boxes[Symptom.PAIN]


def test_keyboard_only_check_in(qtbot, panel):
    panel.focus_first()
    qtbot.keyClick(panel.focusWidget(), Qt.Key.Key_2)
    assert panel.feeling() == 2
    qtbot.keyClick(panel.focusWidget(), Qt.Key.Key_4)  # a change of mind
    assert panel.feeling() == 4
    assert panel.focusWidget() is panel.feeling_buttons[4]
    # The feelings are one group, like radio buttons: one Tab leaves it for the first sign.
    qtbot.keyClick(panel.focusWidget(), Qt.Key.Key_Tab)
    assert panel.focusWidget() is panel.symptom_boxes[Symptom.PAIN]
    qtbot.keyClick(panel.focusWidget(), Qt.Key.Key_Space)
    qtbot.keyClick(panel.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClick(panel.focusWidget(), Qt.Key.Key_Tab)
    assert panel.focusWidget() is panel.symptom_boxes[Symptom.DIZZINESS]
    qtbot.keyClick(panel.focusWidget(), Qt.Key.Key_Space)
    panel.note.setFocus()
    qtbot.keyClicks(panel.note, "after 3 rounds")
    assert panel.feeling() == 4  # digits typed into the note stay in the note
    with qtbot.waitSignal(panel.submitted) as blocker:
        qtbot.keyClick(panel.note, Qt.Key.Key_Return)
    assert blocker.args == [
        CheckIn(feeling=4, symptoms=frozenset({Symptom.PAIN, Symptom.DIZZINESS}), note="after 3 rounds")
    ]


def test_arrow_keys_move_the_chosen_feeling(qtbot, panel):
    panel.focus_first()
    qtbot.keyClick(panel.focusWidget(), Qt.Key.Key_3)
    qtbot.keyClick(panel.focusWidget(), Qt.Key.Key_Right)
    assert panel.feeling() == 4


def test_keypad_digits_choose_too(qtbot, panel):
    panel.focus_first()
    qtbot.keyClick(panel.focusWidget(), Qt.Key.Key_5, Qt.KeyboardModifier.KeypadModifier)
    assert panel.feeling() == 5


def test_mouse_check_in(qtbot, panel):
    qtbot.mouseClick(panel.feeling_buttons[1], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(panel.feeling_buttons[2], Qt.MouseButton.LeftButton)
    assert [button.isChecked() for button in panel.feeling_buttons.values()] == [
        False, True, False, False, False
    ]
    tick(qtbot, panel.symptom_boxes[Symptom.NAUSEA])
    tick(qtbot, panel.symptom_boxes[Symptom.FATIGUE])
    tick(qtbot, panel.symptom_boxes[Symptom.BODY_ACHES])
    tick(qtbot, panel.symptom_boxes[Symptom.FATIGUE])  # unticked again
    with qtbot.waitSignal(panel.submitted) as blocker:
        qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [CheckIn(feeling=2, symptoms=frozenset({Symptom.NAUSEA, Symptom.BODY_ACHES}))]


def test_saving_with_nothing_chosen_is_an_empty_check_in(qtbot, panel):
    with qtbot.waitSignal(panel.submitted) as blocker:
        qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [CheckIn()]


def test_skip_emits_skipped_and_not_submitted(qtbot, panel):
    with qtbot.assertNotEmitted(panel.submitted), qtbot.waitSignal(panel.skipped):
        qtbot.mouseClick(panel.skip_button, Qt.MouseButton.LeftButton)


def test_skip_by_keyboard(qtbot, panel):
    panel.skip_button.setFocus()
    with qtbot.waitSignal(panel.skipped):
        qtbot.keyClick(panel.skip_button, Qt.Key.Key_Space)


def test_a_calm_hint_for_pain_dizziness_or_headache(qtbot, panel):
    assert not panel.hint.isVisible()
    tick(qtbot, panel.symptom_boxes[Symptom.FATIGUE])
    assert not panel.hint.isVisible()  # tiredness alone needs no advice
    tick(qtbot, panel.symptom_boxes[Symptom.DIZZINESS])
    assert panel.hint.isVisible()
    assert panel.hint.text() == "Sit up slowly and drink some water."
    tick(qtbot, panel.symptom_boxes[Symptom.PAIN])
    assert "physiotherapist" in panel.hint.text()
    tick(qtbot, panel.symptom_boxes[Symptom.DIZZINESS])
    assert "lighter" in panel.hint.text()
    tick(qtbot, panel.symptom_boxes[Symptom.PAIN])
    assert not panel.hint.isVisible()


def test_reset_clears_everything_for_the_next_session(qtbot, panel):
    panel.set_feeling(3)
    panel.symptom_boxes[Symptom.HEADACHE].setChecked(True)
    panel.note.setText("stiff")
    panel.reset()
    assert panel.check_in() == CheckIn()
    assert not panel.hint.isVisible()


def test_every_control_is_named_and_the_numbers_are_large(panel):
    for button in panel.findChildren(QAbstractButton):
        assert button.accessibleName()
    assert panel.note.accessibleName()
    assert panel.feeling_buttons[1].accessibleName() == "1: Much worse"
    assert panel.feeling_buttons[5].accessibleName() == "5: Much better"
    assert panel.feeling_buttons[3].number.font().pointSize() >= 24
    assert panel.feeling_buttons[3].height() >= 80
