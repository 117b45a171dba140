"""Spoken prompts: the clip each event gets, when "Next" is said, and that words and cues never overlap."""

from __future__ import annotations

import itertools
import math
import threading
import time
import wave
from dataclasses import replace
from pathlib import Path

import pytest

from selfmassage.core.clock import FakeClock
from selfmassage.core.engine import SessionEngine
from selfmassage.core.events import (
    Paused,
    PauseReason,
    SessionFinished,
    SessionStatus,
    SideStarted,
    SideSwitch,
    StageChanged,
    StepStarted,
)
from selfmassage.core.routine import Routine, Step
from selfmassage.core.step_timeline import FINAL_COUNTDOWN_SECONDS
from selfmassage.core.techniques import KNOWN_AREAS, Intensity, Side, Sides, Stage, Technique
from selfmassage.sound.cues import Cue
from selfmassage.sound.session_sound import SessionSound
from selfmassage.sound.silent import RecordingPlayer
from selfmassage.sound.voice import (
    CLIP_GAP_SECONDS,
    NEXT_CLEARANCE_SECONDS,
    Prompt,
    PromptStyle,
    SessionVoice,
    VoiceClips,
    VoiceMap,
    shipped_clips,
    voice_dir,
)
from selfmassage.store.settings import Settings
from tests.sound.helpers import cue_pcm, run_to_end

WAIT = 10.0
PREP, DEEP, FINAL = Stage.PREPARATORY, Stage.DEEP, Stage.FINAL


def step(technique: Technique, area: str, seconds: int, *, stage: Stage = PREP,
         sides: Sides = Sides.ONE) -> Step:
    return Step(stage=stage, technique=technique, area=area, seconds=seconds, sides=sides)


def routine(*steps: Step, tempo: int = 80) -> Routine:
    return Routine(name="Test", steps=steps, tempo=tempo)


def started(s: Step, next_step: Step | None = None) -> StepStarted:
    return StepStarted(at=0.0, index=0, step=s, next_step=next_step)


def clip_seconds(stem: str) -> float:
    with wave.open(str(voice_dir() / f"{stem}.wav"), "rb") as wav:
        return wav.getnframes() / wav.getframerate()


def clips_of(prompts: list[Prompt]) -> list[tuple[str, ...]]:
    return [prompt.clips for prompt in prompts]


class TimedPlayer(RecordingPlayer):
    """Remembers the session time at which each prompt was asked for."""

    def __init__(self, engine: SessionEngine) -> None:
        super().__init__()
        self.engine = engine
        self.times: list[tuple[float, Prompt]] = []

    def speak(self, prompt: Prompt) -> None:
        super().speak(prompt)
        self.times.append((self.engine.active_time(), prompt))


# -- which clip for which event ----------------------------------------------------------------------


@pytest.mark.parametrize("area", KNOWN_AREAS)
def test_a_step_start_says_technique_then_area_for_every_known_area(area: str):
    voice = VoiceMap(shipped_clips())
    stem = "area-" + area.replace(" ", "-")
    assert clips_of(voice.prompts_for(started(step(Technique.KNEADING, area, 30)))) == [
        ("technique-kneading", stem)]


@pytest.mark.parametrize(("area", "stem"), [
    ("Lower back", "area-lower-back"),
    ("lumbar", "area-lower-back"),
    ("the left shoulder", "area-shoulders"),
    ("along the spine (both sides)", "area-along-the-spine"),
    ("trapezius", "area-collar-zone"),
])
def test_an_area_written_another_way_finds_its_clip_through_the_body_map(area: str, stem: str):
    voice = VoiceMap(shipped_clips())
    assert clips_of(voice.prompts_for(started(step(Technique.RUBBING, area, 10)))) == [
        ("technique-rubbing", stem)]


@pytest.mark.parametrize("area", ["left forearm", "whole back", "neck and shoulders", "massage ball"])
def test_an_area_with_no_clip_of_its_own_says_the_technique_alone(area: str):
    voice = VoiceMap(shipped_clips())
    assert clips_of(voice.prompts_for(started(step(Technique.SQUEEZING, area, 30)))) == [
        ("technique-squeezing",)]


@pytest.mark.parametrize("technique", list(Technique))
def test_every_technique_has_its_clip(technique: Technique):
    voice = VoiceMap(shipped_clips())
    [prompt] = voice.prompts_for(started(step(technique, "neck", 5)))
    assert prompt.clips[0] == f"technique-{technique.value}"


@pytest.mark.parametrize("stage", list(Stage))
def test_a_stage_change_says_the_stage(stage: Stage):
    voice = VoiceMap(shipped_clips())
    assert clips_of(voice.prompts_for(StageChanged(at=0.0, stage=stage, previous=None))) == [
        (f"stage-{stage.value}",)]


def test_the_fixed_phrases_each_have_their_event():
    voice = VoiceMap(shipped_clips())
    voice.prompts_for(started(step(Technique.RUBBING, "neck", 10, sides=Sides.BOTH)))
    assert clips_of(voice.prompts_for(SideStarted(at=0.0, index=0, side=Side.LEFT))) == [
        ("phrase-left-side",)]
    assert clips_of(voice.prompts_for(SideSwitch(at=10.0, index=0, seconds=3))) == [("phrase-switch-sides",)]
    assert clips_of(voice.prompts_for(SideStarted(at=13.0, index=0, side=Side.RIGHT))) == [
        ("phrase-right-side",)]
    done = SessionFinished(at=23.0, status=SessionStatus.COMPLETED, active_seconds=23.0, steps_done=1)
    assert clips_of(voice.prompts_for(done)) == [("phrase-done", "phrase-sit-up-slowly")]
    stopped = SessionFinished(at=5.0, status=SessionStatus.STOPPED, active_seconds=5.0, steps_done=0)
    assert clips_of(voice.prompts_for(stopped)) == [("phrase-sit-up-slowly",)]  # every session ends so
    assert clips_of(voice.prompts_for(Paused(at=3.0, reason=PauseReason.SLEEP))) == [("phrase-paused",)]


def test_a_prompt_says_the_pressure_when_it_changes_and_the_cautions_where_they_apply():
    voice = VoiceMap(shipped_clips())
    light = step(Technique.STROKING, "lower back", 30)
    firm = replace(step(Technique.KNEADING, "shoulders", 30), intensity=Intensity.FIRM)
    assert clips_of(voice.prompts_for(started(light))) == [("technique-stroking", "area-lower-back")]
    # Skipped from light straight to firm kneading: the pressure, slowly, never to pain, go in gently.
    skipped = StepStarted(at=3.0, index=1, step=firm, next_step=None, by_user=True)
    assert clips_of(voice.prompts_for(skipped)) == [(
        "technique-kneading", "area-shoulders", "intensity-firm", "phrase-slowly", "phrase-never-to-pain",
        "phrase-go-in-gently")]
    same = StepStarted(at=33.0, index=2, step=replace(firm, area="neck"), next_step=None)
    assert clips_of(voice.prompts_for(same)) == [("technique-kneading", "area-neck", "phrase-slowly",
                                                  "phrase-never-to-pain")]
    closing = StepStarted(at=40.0, index=3, step=light, next_step=None, by_user=True, closing=True)
    assert clips_of(voice.prompts_for(closing)) == [(
        "phrase-finish-gently", "technique-stroking", "area-lower-back", "intensity-light")]


def test_every_clip_the_prompts_use_is_shipped_as_44k_mono_16_bit():
    stems = {f"technique-{t.value}" for t in Technique} | {f"stage-{s.value}" for s in Stage}
    stems |= {"area-" + area.replace(" ", "-") for area in KNOWN_AREAS}
    stems |= {"phrase-next", "phrase-switch-sides", "phrase-left-side", "phrase-right-side", "phrase-done",
              "phrase-paused", "phrase-sound-check"}
    for stem in sorted(stems):
        with wave.open(str(voice_dir() / f"{stem}.wav"), "rb") as wav:
            assert (wav.getframerate(), wav.getnchannels(), wav.getsampwidth()) == (44100, 1, 2), stem
            assert 0.2 < wav.getnframes() / 44100 < 3.0, stem


def test_the_changes_style_names_only_what_differs_from_the_step_before():
    voice = VoiceMap(shipped_clips(), PromptStyle.CHANGES)
    said = [voice.prompts_for(started(s)) for s in (
        step(Technique.STROKING, "lower back", 30),  # first: all of it
        step(Technique.STROKING, "shoulders", 30),  # same technique: the area
        step(Technique.KNEADING, "shoulders", 30),  # same area: the technique
        step(Technique.RUBBING, "neck", 10),  # both changed: both
        step(Technique.RUBBING, "left forearm", 10),  # an area with no clip: the technique after all
        step(Technique.RUBBING, "left forearm", 10),  # nothing changed: all there is
    )]
    assert [clips_of(prompts) for prompts in said] == [
        [("technique-stroking", "area-lower-back")],
        [("area-shoulders",)],
        [("technique-kneading",)],
        [("technique-rubbing", "area-neck")],
        [("technique-rubbing",)],
        [("technique-rubbing",)],
    ]


def test_the_style_comes_from_the_per_routine_setting(tmp_path: Path):
    settings = Settings(tmp_path / "settings.json")
    assert settings.get("voice_short_routines") == []
    settings.set("voice_short_routines", ["Evening", "Quick"])
    short = Settings(tmp_path / "settings.json").get("voice_short_routines")
    assert PromptStyle.for_routine("Evening", short) is PromptStyle.CHANGES
    assert PromptStyle.for_routine("Classic", short) is PromptStyle.FULL
    with pytest.raises(ValueError):
        settings.set("voice_short_routines", ["Evening", 3])


def test_a_missing_clip_is_left_out_and_an_empty_prompt_is_never_made(tmp_path: Path):
    folder = tmp_path / "voice"
    folder.mkdir()
    (folder / "technique-rubbing.wav").write_bytes((voice_dir() / "technique-rubbing.wav").read_bytes())
    voice = VoiceMap(VoiceClips(folder))
    assert clips_of(voice.prompts_for(started(step(Technique.RUBBING, "neck", 10)))) == [
        ("technique-rubbing",)]
    assert voice.prompts_for(StageChanged(at=0.0, stage=DEEP, previous=None)) == []


# -- when "Next" is said -----------------------------------------------------------------------------


def test_next_starts_at_a_whole_second_so_that_it_ends_before_the_final_ticks():
    clips = shipped_clips()
    voice = VoiceMap(clips)
    now, after = step(Technique.SQUEEZING, "lower back", 40), step(Technique.KNEADING, "shoulders", 40)
    prompt = voice.next_prompt(now, after)
    assert prompt.clips == ("phrase-next", "technique-kneading", "area-shoulders")
    spoken = clips.seconds(prompt)
    lengths = [clip_seconds(stem) for stem in prompt.clips]
    assert spoken == pytest.approx(sum(lengths) + 2 * CLIP_GAP_SECONDS)
    lead = voice.next_lead(now, after)
    # Ends at least the clearance before the first tick, and starts no earlier than it must.
    assert lead - spoken >= FINAL_COUNTDOWN_SECONDS + NEXT_CLEARANCE_SECONDS
    assert lead - 1 - spoken < FINAL_COUNTDOWN_SECONDS + NEXT_CLEARANCE_SECONDS
    assert lead == 6  # with the clips as rendered: about 2.1 s of words


def test_next_is_said_once_in_a_long_step_at_its_lead_and_never_in_a_short_one():
    first = step(Technique.STROKING, "lower back", 30)
    second = step(Technique.RUBBING, "neck", 10)  # 10 s: too short for "Next"
    last = step(Technique.STROKING, "shoulders", 25, stage=FINAL)  # the last step: nothing comes next
    clock = FakeClock()
    engine = SessionEngine(routine(first, second, last), clock)
    player = TimedPlayer(engine)
    SessionVoice(engine, player)
    run_to_end(engine, clock)
    nexts = [(at, p.clips) for at, p in player.times if p.clips[0] == "phrase-next"]
    lead = VoiceMap(shipped_clips()).next_lead(first, second)
    assert nexts == [(30.0 - lead, ("phrase-next", "technique-rubbing", "area-neck"))]


def test_a_both_sides_step_says_next_in_its_right_side():
    both = step(Technique.KNEADING, "glutes", 25, stage=DEEP, sides=Sides.BOTH)
    after = step(Technique.STROKING, "lower back", 20, stage=FINAL)
    clock = FakeClock()
    engine = SessionEngine(routine(both, after), clock)
    player = TimedPlayer(engine)
    SessionVoice(engine, player)
    run_to_end(engine, clock)
    lead = VoiceMap(shipped_clips()).next_lead(both, after)
    right_side_ends = 25 + 3 + 25
    assert [(at, p.clips) for at, p in player.times] == [
        (0.0, ("stage-deep",)),
        (0.0, ("technique-kneading", "area-glutes")),
        (0.0, ("phrase-left-side",)),
        (25.0, ("phrase-switch-sides",)),
        (28.0, ("phrase-right-side",)),
        (right_side_ends - lead, ("phrase-next", "technique-stroking", "area-lower-back")),
        (53.0, ("stage-final",)),
        (53.0, ("technique-stroking", "area-lower-back")),
        (73.0, ("phrase-done", "phrase-sit-up-slowly")),
    ]


# -- the session, heard ------------------------------------------------------------------------------


def test_cue_then_words_at_each_moment_of_a_session():
    steps = (step(Technique.STROKING, "lower back", 4), step(Technique.STROKING, "neck", 4),
             step(Technique.RUBBING, "shoulders", 4, stage=DEEP, sides=Sides.BOTH))
    clock = FakeClock()
    engine = SessionEngine(routine(*steps, tempo=60), clock)
    player = RecordingPlayer()
    SessionSound(engine, player, tempo_click=False)
    SessionVoice(engine, player)
    run_to_end(engine, clock)
    heard = [item if isinstance(item, Cue) else item.clips for item in player.heard if item is not Cue.TICK]
    assert heard == [
        Cue.STAGE, ("stage-preparatory",), ("technique-stroking", "area-lower-back"),
        Cue.SWITCH, ("technique-stroking", "area-neck"),
        Cue.STAGE, ("stage-deep",), ("technique-rubbing", "area-shoulders"), ("phrase-left-side",),
        Cue.SWITCH, ("phrase-switch-sides",),
        Cue.STEP_START, ("phrase-right-side",),
        Cue.DONE, ("phrase-done", "phrase-sit-up-slowly"),
    ]


def test_voice_off_silent_voice_and_mute_say_nothing_while_cues_go_on():
    steps = (step(Technique.STROKING, "lower back", 3), step(Technique.KNEADING, "neck", 3))
    for voice_on, voice_volume, muted in ((False, 1.0, False), (True, 0.0, False), (True, 1.0, True)):
        clock = FakeClock()
        engine = SessionEngine(routine(*steps), clock)
        player = RecordingPlayer(voice_volume=voice_volume, muted=muted)
        SessionSound(engine, player)
        SessionVoice(engine, player, enabled=voice_on)
        run_to_end(engine, clock)
        assert player.spoken == []
        assert (player.played == []) is muted


def test_turning_the_voice_on_mid_session_says_the_next_prompt_in_the_changes_style():
    steps = (step(Technique.STROKING, "lower back", 3), step(Technique.STROKING, "neck", 3))
    clock = FakeClock()
    engine = SessionEngine(routine(*steps), clock)
    player = RecordingPlayer()
    voice = SessionVoice(engine, player, enabled=False, style=PromptStyle.CHANGES)
    engine.start()
    voice.enabled = True
    clock.advance(3)
    engine.poll()
    # It remembered the first step while silent, so only the new area is said.
    assert clips_of(player.spoken) == [("area-neck",)]


def test_late_events_are_not_spoken_but_done_is():
    steps = (step(Technique.STROKING, "lower back", 30), step(Technique.KNEADING, "neck", 30, stage=FINAL))
    clock = FakeClock()
    engine = SessionEngine(routine(*steps), clock)
    player = RecordingPlayer()
    SessionVoice(engine, player)
    engine.start()
    clock.advance(100)  # a stalled loop, no sleep watch: the engine catches up all at once
    engine.poll()
    assert clips_of(player.spoken) == [("stage-preparatory",), ("technique-stroking", "area-lower-back"),
                                       ("phrase-done", "phrase-sit-up-slowly")]


# -- the player: words and cues take turns -----------------------------------------------------------


def prompt_pcm(prompt: Prompt) -> bytes:
    """The clips' samples joined by the gap of silence, as the player builds them (volume 1)."""
    parts = []
    for number, stem in enumerate(prompt.clips):
        if number:
            parts.append(bytes(2 * round(CLIP_GAP_SECONDS * 44100)))
        with wave.open(str(voice_dir() / f"{stem}.wav"), "rb") as wav:
            parts.append(wav.readframes(wav.getnframes()))
    return b"".join(parts)


def test_a_cue_asked_for_during_a_prompt_waits_for_the_whole_prompt(fake_simpleaudio, make_player):
    player = make_player()
    prompt = Prompt(("technique-kneading", "area-shoulders"))
    player.speak(prompt)
    assert fake_simpleaudio.opened.wait(WAIT)
    player.play(Cue.TICK)
    assert not player.wait_idle(0.05)  # the prompt is still being said
    assert fake_simpleaudio.played == [prompt_pcm(prompt)]  # so the tick waits its turn
    fake_simpleaudio.sound_ends.set()
    assert player.wait_idle(WAIT)
    assert fake_simpleaudio.played == [prompt_pcm(prompt), cue_pcm(Cue.TICK)]
    assert not fake_simpleaudio.plays[0].stopped.is_set()  # the words were not cut off


def test_a_tempo_click_held_up_by_words_is_dropped_not_played_off_the_beat(fake_simpleaudio, make_player):
    player = make_player()
    player.speak(Prompt(("technique-rubbing",)))
    assert fake_simpleaudio.opened.wait(WAIT)
    player.play(Cue.TEMPO)
    player.play(Cue.TICK)
    fake_simpleaudio.sound_ends.set()
    assert player.wait_idle(WAIT)
    assert fake_simpleaudio.played[1:] == [cue_pcm(Cue.TICK)]
    player.play(Cue.TEMPO)  # on time again
    assert player.wait_idle(WAIT)
    assert fake_simpleaudio.played[-1] == cue_pcm(Cue.TEMPO)


def test_a_missing_voice_clip_costs_its_prompt_and_nothing_else(fake_simpleaudio, make_player, tmp_path):
    fake_simpleaudio.sound_ends.set()
    player = make_player(voice_dir=tmp_path)  # no clips there at all
    player.speak(Prompt(("technique-rubbing",)))
    player.play(Cue.TICK)
    assert player.wait_idle(WAIT)
    assert fake_simpleaudio.played == [cue_pcm(Cue.TICK)]
    assert player.problem is None


def test_the_voice_volume_scales_the_words_and_not_the_cues(alsa_file, make_player):
    player = make_player(volume=1.0, voice_volume=0.5)
    prompt = Prompt(("phrase-done",))
    player.speak(prompt)
    player.play(Cue.TICK)
    assert player.wait_idle(WAIT)
    said, tick = alsa_file.plays()
    assert tick == cue_pcm(Cue.TICK)
    original = memoryview(prompt_pcm(prompt)).cast("h")
    quiet = memoryview(said).cast("h")
    assert len(quiet) == len(original)
    assert all(abs(q - o / 2) <= 0.5 for q, o in zip(quiet, original, strict=True))


def test_a_new_voice_volume_reaches_words_already_said_once(alsa_file, make_player):
    # The clips are kept scaled only: a new volume reads them again, and the same words come out quieter.
    player = make_player(volume=1.0, voice_volume=1.0)
    prompt = Prompt(("phrase-done",))
    player.speak(prompt)
    assert player.wait_idle(WAIT)
    player.voice_volume = 0.5
    player.speak(prompt)
    assert player.wait_idle(WAIT)
    loud, quiet = (memoryview(pcm).cast("h") for pcm in alsa_file.plays())
    assert bytes(loud) == prompt_pcm(prompt)
    assert len(quiet) == len(loud)
    assert all(abs(q - o / 2) <= 0.5 for q, o in zip(quiet, loud, strict=True))


def test_voice_and_cues_reach_the_device_one_after_another_never_at_once(alsa_file, make_player, monkeypatch):
    import simpleaudio

    spans: list[list[float]] = []  # [opened, seen ended] per play, on the monotonic clock
    real_play = simpleaudio.play_buffer

    class Watched:
        def __init__(self, play: object, span: list[float]) -> None:
            self._play, self._span = play, span

        def is_playing(self) -> bool:
            playing = self._play.is_playing()  # type: ignore[attr-defined]
            if not playing and len(self._span) == 1:
                self._span.append(time.monotonic())
            return playing

        def stop(self) -> None:
            self._play.stop()  # type: ignore[attr-defined]

    lock = threading.Lock()

    def play_buffer(*args: object) -> Watched:
        with lock:
            span = [time.monotonic()]
            spans.append(span)
        return Watched(real_play(*args), span)

    monkeypatch.setattr(simpleaudio, "play_buffer", play_buffer)
    steps = (step(Technique.STROKING, "lower back", 2, stage=DEEP),
             step(Technique.KNEADING, "shoulders", 2, stage=DEEP, sides=Sides.BOTH))
    clock = FakeClock()
    engine = SessionEngine(routine(*steps), clock)
    player = make_player()
    SessionSound(engine, player)
    SessionVoice(engine, player)
    run_to_end(engine, clock)
    assert player.wait_idle(WAIT)
    expected = [
        cue_pcm(Cue.STAGE), prompt_pcm(Prompt(("stage-deep",))),
        prompt_pcm(Prompt(("technique-stroking", "area-lower-back"))),
        cue_pcm(Cue.TICK),
        cue_pcm(Cue.STEP_START), prompt_pcm(Prompt(("technique-kneading", "area-shoulders"))),
        prompt_pcm(Prompt(("phrase-left-side",))),
        cue_pcm(Cue.TICK),
        cue_pcm(Cue.SWITCH), prompt_pcm(Prompt(("phrase-switch-sides",))),
        cue_pcm(Cue.STEP_START), prompt_pcm(Prompt(("phrase-right-side",))),
        cue_pcm(Cue.TICK),
        cue_pcm(Cue.DONE), prompt_pcm(Prompt(("phrase-done", "phrase-sit-up-slowly"))),
    ]
    # Each open of the device carries exactly one cue or one prompt, whole, never a mix of both.
    assert alsa_file.plays() == expected
    # And each began only after the one before had ended.
    assert all(len(span) == 2 for span in spans)
    assert all(after[0] >= before[1] for before, after in itertools.pairwise(spans))


def test_clip_lengths_are_read_from_the_headers():
    clips = shipped_clips()
    assert "phrase-next" in clips and "area-left-forearm" not in clips
    assert clips.seconds(Prompt(("phrase-next",))) == pytest.approx(clip_seconds("phrase-next"))
    assert math.isclose(clips.seconds(Prompt(())), 0.0)
