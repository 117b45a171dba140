"""Sound in the window: cues and prompts through the real sound layer, mute, volume, a sound check, and one
notice when sound fails — the session always goes on."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from qt_helpers import activate, advance, answer_box

from selfmassage.sound.check import TURNED_OFF, WORKS
from selfmassage.sound.cues import Cue
from selfmassage.sound.interface import NO_DEVICE, NO_LIBRARY
from selfmassage.sound.silent import RecordingPlayer, SilentPlayer


def start_short(qtbot, window):
    assert window.picker.select("Short back")
    qtbot.keyClick(window.picker.list, Qt.Key.Key_Return)


def test_a_session_plays_its_cues_and_says_its_prompts_in_order(qtbot, make_window, clock):
    player = RecordingPlayer()
    window = make_window(player)
    start_short(qtbot, window)
    advance(window, clock, 12)
    assert window.current_page() == "summary"
    assert player.played[:2] == [Cue.STAGE, Cue.TICK]  # the first step opens the stage; its last seconds tick
    assert player.played.count(Cue.TEMPO) >= 1  # rubbing at the routine's tempo
    assert player.played[-1] is Cue.DONE
    assert player.spoken, "the steps are named aloud"


def test_m_mutes_the_player_and_the_next_run_remembers(qtbot, make_window, clock):
    player = RecordingPlayer()
    window = make_window(player)
    qtbot.keyClick(window, Qt.Key.Key_M)
    assert player.muted
    assert window.settings.get("muted") is True
    assert window.actions["mute"].text() == "Unmute"
    assert window.session_view.buttons["mute"].isChecked()
    start_short(qtbot, window)
    advance(window, clock, 4)
    assert player.heard == []  # nothing a person would have heard
    window.driver.stop()
    window.close()

    again = RecordingPlayer()
    second = make_window(again)
    assert again.muted
    qtbot.keyClick(second, Qt.Key.Key_M)
    assert not again.muted
    assert second.settings.get("muted") is False


def test_spoken_prompts_can_be_turned_off_mid_session(qtbot, make_window, clock):
    player = RecordingPlayer()
    window = make_window(player)
    start_short(qtbot, window)
    spoken = len(player.spoken)
    assert spoken > 0
    window.actions["voice"].trigger()
    assert window.settings.get("voice") is False
    advance(window, clock, 12)
    assert len(player.spoken) == spoken
    assert player.played[-1] is Cue.DONE  # the cues go on


def test_a_sound_problem_shows_one_notice_and_the_session_goes_on(qtbot, window, clock):
    start_short(qtbot, window)
    assert window.notice.isHidden()
    window.report_sound_problem(NO_DEVICE)  # as the sound thread reports it
    qtbot.waitUntil(window.notice.isVisible, timeout=1000)
    assert window.notice.text() == NO_DEVICE
    window.report_sound_problem("A second problem.")
    qtbot.wait(20)  # let a queued second report arrive: it must not replace the first
    assert window.notice.text() == NO_DEVICE
    advance(window, clock, 1)
    assert window.session_view.countdown_text() == "00:02"
    qtbot.mouseClick(window.notice.close_button, Qt.MouseButton.LeftButton)
    assert window.notice.isHidden()


def test_a_player_that_starts_without_sound_is_noticed_at_once(make_window):
    window = make_window(SilentPlayer(problem=NO_LIBRARY))
    assert window.notice.isVisible()
    assert window.notice.text() == NO_LIBRARY


def test_volume_changes_apply_at_once_and_are_saved(qtbot, make_window):
    player = RecordingPlayer()
    window = make_window(player)

    def turn_down() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or dialog.objectName() != "volume_dialog":
            qtbot.wait(5)
            return turn_down()
        qtbot.keyClick(dialog.cues.slider, Qt.Key.Key_PageDown)
        qtbot.keyClick(dialog.voice.slider, Qt.Key.Key_PageDown)
        dialog.reject()
        return None

    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, turn_down)
    window.actions["volume"].trigger()
    assert round(player.volume, 2) == 0.7
    assert round(window.settings.get("volume"), 2) == 0.7
    assert round(player.voice_volume, 2) == 0.8
    assert round(window.settings.get("voice_volume"), 2) == 0.8


def test_test_sound_plays_everything_and_says_so(qtbot, make_window):
    player = RecordingPlayer()
    window = make_window(player)
    seen = answer_box("OK")
    window.actions["sound_check"].trigger()
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert seen == [WORKS]
    assert player.played == list(Cue)
    assert window.actions["sound_check"].isEnabled()

    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_M)
    seen = answer_box("OK")
    window.actions["sound_check"].trigger()
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert seen == [TURNED_OFF]


def test_no_sound_check_during_a_session(qtbot, window):
    start_short(qtbot, window)
    assert not window.actions["sound_check"].isEnabled()
