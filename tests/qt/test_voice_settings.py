"""The voice's settings in the window: the per-routine short prompts, the Spoken prompts switch wherever it
shows, and the sound test before the first session — once, and plain about a missing sound device."""

from __future__ import annotations

from a11y_helpers import while_modal
from PySide6.QtCore import Qt
from qt_helpers import activate

from selfmassage.qt.dialogs import VolumeDialog
from selfmassage.qt.sound_intro import SoundIntroDialog
from selfmassage.sound.check import NO_DEVICE_FOUND, WORKS
from selfmassage.sound.interface import NO_DEVICE
from selfmassage.sound.silent import RecordingPlayer, SilentPlayer
from selfmassage.sound.voice import PromptStyle


def start(qtbot, window, name: str = "Short back") -> None:
    assert window.picker.select(name)
    qtbot.keyClick(window.picker.list, Qt.Key.Key_Return)


def test_short_prompts_are_kept_per_routine_and_used_by_its_session(qtbot, make_window):
    window = make_window()
    picker = window.picker
    assert picker.select("Short back")
    assert not picker.short_prompts.isChecked()
    picker.short_prompts.click()
    assert window.settings.get("voice_short_routines") == ["Short back"]
    assert picker.select("Another one")
    assert not picker.short_prompts.isChecked()  # another routine keeps its own
    assert picker.select("Short back")
    assert picker.short_prompts.isChecked()
    start(qtbot, window)
    assert window.sound.audio is not None and window.sound.audio.voice.style is PromptStyle.CHANGES
    window.driver.stop()
    window.back_to_routines()
    window.close()
    again = make_window()
    assert again.picker.select("Short back") and again.picker.short_prompts.isChecked()


def test_a_routine_that_cant_start_has_no_prompt_switch(window):
    broken = next(entry.name for entry in window.library.entries() if not entry.usable)
    assert window.picker.select(broken)
    assert not window.picker.short_prompts.isVisible()


def test_the_volume_window_turns_the_voice_off_as_the_menu_does(qtbot, window):
    def turn_off(dialog: VolumeDialog) -> bool:
        was_enabled = dialog.voice.slider.isEnabled()
        dialog.voice_switch.click()
        after = (was_enabled, dialog.voice.slider.isEnabled())
        dialog.reject()
        return after

    seen = while_modal(VolumeDialog, turn_off)
    window.open_volume()
    assert seen == [(True, False)]  # its slider waits while the voice is off
    assert window.settings.get("voice") is False
    assert not window.actions["voice"].isChecked()
    window.actions["voice"].trigger()
    assert window.settings.get("voice") is True


def test_the_sound_test_comes_once_before_the_first_session(qtbot, make_window, clock):
    player = RecordingPlayer()
    window = make_window(player, first_run=True)

    def test_and_go_on(dialog: SoundIntroDialog) -> str:
        dialog.test_button.click()
        assert dialog.checking() and not dialog.continue_button.isEnabled()  # its sounds never mix
        dialog.reject()  # Esc waits too
        assert dialog.isVisible()
        qtbot.waitUntil(lambda: not dialog.checking(), timeout=5000)
        found = dialog.result.text()
        dialog.continue_button.click()
        return found

    seen = while_modal(SoundIntroDialog, test_and_go_on)
    start(qtbot, window)
    assert seen == [WORKS]
    assert window.current_page() == "session"  # the session went ahead
    assert window.settings.get("sound_intro_done") is True
    window.driver.stop()
    window.back_to_routines()
    activate(qtbot, window)
    start(qtbot, window)  # no second time: the session starts at once
    assert window.current_page() == "session"


def test_the_sound_test_says_plainly_when_there_is_no_sound_device(qtbot, make_window):
    window = make_window(SilentPlayer(problem=NO_DEVICE), first_run=True)

    def read(dialog: SoundIntroDialog) -> tuple[str, str]:
        before = dialog.result.text()  # said at once, before any button is pressed
        dialog.test_button.click()
        qtbot.waitUntil(lambda: not dialog.checking(), timeout=5000)
        after = dialog.result.text()
        dialog.accept()
        return before, after

    seen = while_modal(SoundIntroDialog, read)
    start(qtbot, window)
    assert seen == [(f"No sound. {NO_DEVICE_FOUND}", f"No sound. {NO_DEVICE_FOUND}")]
    assert "speakers or headphones are connected" in NO_DEVICE_FOUND


def test_spoken_prompts_by_the_screen_reader_quiets_the_app_voice_and_back(qtbot, make_window, clock):
    from qt_helpers import advance

    player = RecordingPlayer()
    window = make_window(player)
    assert window.settings.get("spoken_prompts") == "app voice"  # the default
    assert window.actions["prompts_app_voice"].isChecked()
    window.actions["prompts_screen_reader"].trigger()
    assert window.settings.get("spoken_prompts") == "screen reader"
    assert window.prompt_choice.prompts is None
    start(qtbot, window)
    assert window.prompt_choice.prompts is not None and window.prompt_choice.prompts.enabled
    advance(window, clock, 4)
    assert player.spoken == []  # the screen reader has the prompts: the app's voice keeps quiet
    assert player.played  # the cues still sound
    window.actions["prompts_both"].trigger()  # mid-session: the voice speaks again from the next step
    advance(window, clock, 3)
    assert player.spoken
    assert window.prompt_choice.prompts.enabled
    window.actions["prompts_app_voice"].trigger()
    assert not window.prompt_choice.prompts.enabled
    window.driver.stop()
    window.close()
    again = make_window()
    assert again.actions["prompts_app_voice"].isChecked()


def test_t_says_the_time_left_and_shows_it_too(qtbot, make_window, clock):
    from qt_helpers import advance

    window = make_window()
    assert not window.actions["time_left"].isEnabled()  # no session, nothing to tell
    start(qtbot, window)
    advance(window, clock, 1)
    qtbot.keyClick(window, Qt.Key.Key_T)
    assert window.statusBar().currentMessage() == ("2 seconds left in this step, 11 seconds left in the "
                                                   "routine.")
    advance(window, clock, 12)
    assert not window.actions["time_left"].isEnabled()
