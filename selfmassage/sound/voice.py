"""Spoken prompts: which of the shipped voice clips each session event gets, and when "Next" is said.

The clips are WAVs in assets/voice/, rendered once by tools/make_voice.py with espeak-ng; the app needs no
speech engine. A prompt is a few clips said as one, with a short gap between them ("Rubbing." … "Lower
back."). The player plays prompts on the same thread as the cues, one after another, so voice and cues never
overlap (see SimpleaudioPlayer).

What is said:
- a stage change: the stage ("Deep stage.");
- a step start: technique and area ("Kneading." "Shoulders."); an area with no clip of its own gets the
  technique alone; a both-sides step adds "Left side.", the switch says "Switch sides.", then "Right side.";
- a step whose countdown runs longer than 20 s: "Next:" technique, area, timed to end before the final
  three ticks (for a both-sides step, in the right side);
- the step's pressure ("Light.", "Moderate.", "Firm.") whenever it changes; firm kneading adds "Slowly.
  Never to pain."; skipping from a light step straight to a firm one adds "Go in
  gently."; the light stroking of a gentle finish starts with "Finish gently.";
- the end of a completed session: "Done. Well done.", and of every session "Sit up slowly, and rest a
  moment before you stand."; a pause: "Paused."

Notes are not spoken: a note is free text, and text can't be said without a speech engine at run time,
which the app does not ship. The per-routine switch the issue asks for ("speak the step's note instead")
is therefore a choice of how much is said: FULL names technique and area at every step; CHANGES names only
what differs from the step before (a routine with its own notes on screen, or a person who knows it well,
hears fewer words). The choice is kept per routine in the `voice_short_routines` setting.
"""

from __future__ import annotations

import math
import wave
from collections.abc import Iterable
from enum import StrEnum
from functools import lru_cache
from pathlib import Path

from selfmassage.core.areas import region_for
from selfmassage.core.cautions import goes_in_hard, pressure_changed
from selfmassage.core.engine import SessionEngine
from selfmassage.core.events import (
    Event,
    Paused,
    SecondLeft,
    SessionFinished,
    SessionStatus,
    SideStarted,
    SideSwitch,
    StageChanged,
    StepStarted,
)
from selfmassage.core.routine import Step
from selfmassage.core.step_timeline import FINAL_COUNTDOWN_SECONDS
from selfmassage.core.techniques import Intensity, Side, Technique
from selfmassage.i18n import N_
from selfmassage.sound.interface import CuePlayer
from selfmassage.sound.prompt import CLIP_GAP_SECONDS, Prompt, voice_dir

# "Next" is said only in a countdown longer than this: in a short one it would crowd the step's own prompt.
NEXT_AFTER_SECONDS = 20
# "Next" ends at least this long before the final countdown's first tick.
NEXT_CLEARANCE_SECONDS = 0.5
# Events delivered later than this (a stalled loop catching up) are not spoken; "Done" always is.
LATE_LIMIT = 1.0

NEXT = "phrase-next"
SWITCH_SIDES = "phrase-switch-sides"
DONE = "phrase-done"
PAUSED = "phrase-paused"
SOUND_CHECK = "phrase-sound-check"
SIDE_CLIPS = {Side.LEFT: "phrase-left-side", Side.RIGHT: "phrase-right-side"}
SLOWLY = "phrase-slowly"
NEVER_TO_PAIN = "phrase-never-to-pain"
SIT_UP_SLOWLY = "phrase-sit-up-slowly"
FINISH_GENTLY = "phrase-finish-gently"
GO_IN_GENTLY = "phrase-go-in-gently"


class PromptStyle(StrEnum):
    FULL = "full"  # technique and area at every step
    CHANGES = "changes"  # only what differs from the step before

    @classmethod
    def for_routine(cls, name: str, short_routines: Iterable[str]) -> PromptStyle:
        """The style a routine uses, from the `voice_short_routines` setting."""
        return cls.CHANGES if name in set(short_routines) else cls.FULL


# What each clip says, marked for the catalogue: tools/make_voice.py renders them, in each language, with
# espeak-ng. The English clips are assets/voice/*.wav, another language's assets/voice/<lang>/*.wav.
SPOKEN: dict[str, str] = {
    "technique-stroking": N_("Stroking."),
    "technique-rubbing": N_("Rubbing."),
    "technique-squeezing": N_("Squeezing."),
    "technique-kneading": N_("Kneading."),
    "technique-vibration": N_("Vibration."),
    "area-lower-back": N_("Lower back."),
    "area-along-the-spine": N_("Along the spine."),
    "area-shoulder-blades": N_("Shoulder blades."),
    "area-collar-zone": N_("Collar zone."),
    "area-shoulders": N_("Shoulders."),
    "area-neck": N_("Neck."),
    "area-glutes": N_("Glutes."),
    "area-legs": N_("Legs."),
    "stage-preparatory": N_("Preparatory stage."),
    "stage-medium-deep": N_("Medium deep stage."),
    "stage-deep": N_("Deep stage."),
    "stage-final": N_("Final stage."),
    NEXT: N_("Next:"),
    SWITCH_SIDES: N_("Switch sides."),
    SIDE_CLIPS[Side.LEFT]: N_("Left side."),
    SIDE_CLIPS[Side.RIGHT]: N_("Right side."),
    DONE: N_("Done. Well done."),
    PAUSED: N_("Paused."),
    SOUND_CHECK: N_("This is how your prompts will sound."),
    "intensity-light": N_("Light."),
    "intensity-moderate": N_("Moderate."),
    "intensity-firm": N_("Firm."),
    SLOWLY: N_("Slowly."),
    NEVER_TO_PAIN: N_("Never to pain."),
    SIT_UP_SLOWLY: N_("Sit up slowly, and rest a moment before you stand."),
    FINISH_GENTLY: N_("Finish gently."),
    GO_IN_GENTLY: N_("Go in gently."),
}


class VoiceClips:
    """The clips there are and how long each lasts (read from the WAV headers, not the samples)."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or voice_dir()
        self._seconds: dict[str, float] = {}
        for path in sorted(self.folder.glob("*.wav")):
            try:
                with wave.open(str(path), "rb") as wav:
                    self._seconds[path.stem] = wav.getnframes() / wav.getframerate()
            except (OSError, EOFError, wave.Error):
                continue  # a damaged clip is as good as none: its prompt falls back or says less

    def __contains__(self, stem: str) -> bool:
        return stem in self._seconds

    def path(self, stem: str) -> Path:
        return self.folder / f"{stem}.wav"

    def seconds(self, prompt: Prompt) -> float:
        """How long the prompt takes to say, gaps included."""
        clips = [self._seconds[stem] for stem in prompt.clips]
        return sum(clips) + CLIP_GAP_SECONDS * max(0, len(clips) - 1)

    def technique_clip(self, step: Step) -> str | None:
        stem = f"technique-{step.technique.value}"
        return stem if stem in self else None

    def area_clip(self, area: str) -> str | None:
        """The clip for a free-text area: through the body map's regions, so 'lumbar' says 'Lower back'."""
        region = region_for(area)  # region ids are the clip stems: "area-lower-back"
        return region if region is not None and region in self else None


@lru_cache(maxsize=1)
def shipped_clips() -> VoiceClips:
    return VoiceClips()


class VoiceMap:
    """Turns engine events, in the order the engine sends them, into the prompts to say. No sound here."""

    def __init__(self, clips: VoiceClips, style: PromptStyle = PromptStyle.FULL) -> None:
        self.clips = clips
        self.style = style
        self._step: Step | None = None
        self._previous: Step | None = None
        self._next: Step | None = None
        self._side: Side | None = None

    def step_clips(self, step: Step, previous: Step | None = None) -> tuple[str, ...]:
        """Technique then area; in the CHANGES style only what differs from `previous` (never nothing)."""
        technique = self.clips.technique_clip(step)
        area = self.clips.area_clip(step.area)
        if self.style is PromptStyle.CHANGES and previous is not None:
            same_technique = previous.technique is step.technique
            same_area = self.clips.area_clip(previous.area) == area and area is not None
            if same_technique and not same_area:
                technique = None
            elif same_area and not same_technique:
                area = None
        if technique is None and area is None:  # the area alone had no clip: the technique stays
            technique = self.clips.technique_clip(step)
        return tuple(stem for stem in (technique, area) if stem is not None)

    def next_prompt(self, step: Step, next_step: Step) -> Prompt:
        return Prompt((NEXT, *self.step_clips(next_step, step)))

    def next_lead(self, step: Step, next_step: Step) -> int:
        """Seconds left in the countdown when "Next" starts: whole seconds, as the countdown ticks by,
        so that it ends at least NEXT_CLEARANCE_SECONDS before the first of the final three ticks."""
        spoken = self.clips.seconds(self.next_prompt(step, next_step))
        return math.ceil(FINAL_COUNTDOWN_SECONDS + NEXT_CLEARANCE_SECONDS + spoken)

    def prompts_for(self, event: Event) -> list[Prompt]:
        match event:
            case StageChanged(stage=stage):
                return self._said((f"stage-{stage.value}",))
            case StepStarted(step=step, next_step=next_step, by_user=by_user, closing=closing):
                self._previous, self._step, self._next = self._step, step, next_step
                self._side = None
                return self._said(self._step_start_clips(step, self._previous, by_user, closing))
            case SideStarted(side=side):
                self._side = side
                return self._said((SIDE_CLIPS[side],))
            case SideSwitch():
                self._side = None
                return self._said((SWITCH_SIDES,))
            case SecondLeft(seconds_left=left):
                return self._next_for(left)
            case SessionFinished(status=status):
                return self._said((DONE, SIT_UP_SLOWLY) if status is SessionStatus.COMPLETED
                                  else (SIT_UP_SLOWLY,))
            case Paused():
                return self._said((PAUSED,))
        return []

    def _step_start_clips(self, step: Step, previous: Step | None, by_user: bool,
                          closing: bool) -> tuple[str, ...]:
        """Technique and area, the pressure when it changes, and the cautions that apply."""
        clips = [FINISH_GENTLY] if closing else []
        clips += self.step_clips(step, previous)
        if pressure_changed(previous, step):
            clips.append(f"intensity-{step.intensity.value}")
        if step.technique is Technique.KNEADING and step.intensity is Intensity.FIRM:
            clips += [SLOWLY, NEVER_TO_PAIN]  # deep kneading is where it could start to hurt
        if goes_in_hard(previous, step, by_user=by_user):
            clips.append(GO_IN_GENTLY)
        return tuple(clips)

    def _next_for(self, seconds_left: int) -> list[Prompt]:
        step, next_step = self._step, self._next
        if step is None or next_step is None or step.seconds <= NEXT_AFTER_SECONDS:
            return []
        if step.both_sides and self._side is not Side.RIGHT:
            return []  # the left side and the switch end in the right side, not in the next step
        if seconds_left != self.next_lead(step, next_step):
            return []
        return [self.next_prompt(step, next_step)]

    def _said(self, clips: tuple[str, ...]) -> list[Prompt]:
        known = tuple(stem for stem in clips if stem in self.clips)
        return [Prompt(known)] if known else []


class SessionVoice:
    """Says a running session's prompts: subscribes to a SessionEngine and hands each prompt to the player.

    Make it after SessionSound, so that at a step's start the cue comes first and the words follow it.
    """

    def __init__(
        self,
        engine: SessionEngine,
        player: CuePlayer,
        *,
        enabled: bool = True,
        style: PromptStyle = PromptStyle.FULL,
        clips: VoiceClips | None = None,
        late_limit: float = LATE_LIMIT,
    ) -> None:
        self._engine = engine
        self.player = player
        self.enabled = enabled
        self._map = VoiceMap(clips or shipped_clips(), style)
        self._late_limit = late_limit
        self._attached = True
        engine.subscribe(self._on_event)

    @property
    def style(self) -> PromptStyle:
        return self._map.style

    @style.setter
    def style(self, value: PromptStyle) -> None:
        self._map.style = PromptStyle(value)

    def detach(self) -> None:
        """Say nothing more for this engine (the engine has no unsubscribe)."""
        self._attached = False

    def _on_event(self, event: Event) -> None:
        if not self._attached:
            return
        prompts = self._map.prompts_for(event)  # always, so "what changed" stays right while silent
        if not prompts or not self.enabled:
            return
        if self._engine.lateness() > self._late_limit and not isinstance(event, SessionFinished):
            return
        for prompt in prompts:
            self.player.speak(prompt)
