"""The player that plays cues and spoken prompts through simpleaudio (the silent ones are in sound.silent).

The caller is the GUI thread (or the terminal runner), so `play()` and `speak()` only put the sound on a
queue: one background thread opens the sound device, plays cues and prompts one after another (never two at
once, so a device without mixing never answers "busy", and a cue never talks over a prompt or cuts it off)
and waits for each to end. Sound is optional: when the library, a file or the device fails, the player says
so once in `problem`, calls `on_problem` once, and goes silent.
"""

from __future__ import annotations

import contextlib
import ctypes
import importlib
import importlib.util
import logging
import math
import queue
import threading
import time
import wave
from collections.abc import Callable
from pathlib import Path
from typing import Any

from selfmassage.resources import MissingAssetError, asset_path
from selfmassage.sound.cues import Cue
from selfmassage.sound.interface import BAD_FILE, NO_DEVICE, NO_LIBRARY, CuePlayer, ProblemCallback
from selfmassage.sound.pcm import Sound, click_train, load_wav, pcm_bytes
from selfmassage.sound.prompt import CLIP_GAP_SECONDS, Prompt, voice_dir
from selfmassage.sound.silent import PlayerBase, SilentPlayer

log = logging.getLogger(__name__)

# A cue that waited this long (a stalled device, a backlog) is no longer about now: drop it, don't queue up.
STALE_AFTER = 1.0
# A prompt waits behind the cue of the same moment (the end chime lasts 2 s); longer, and it is old news.
PROMPT_STALE_AFTER = 4.0
# How often the worker checks whether a sound has ended once it is due to (the device plays out its last
# buffer), and how soon it first looks (a device that takes samples faster than real time is done by then).
_POLL_SECONDS = 0.005
# How often it looks before then: a sound that stops early (a failing device) holds up the next no longer.
_EARLY_END_SECONDS = 0.1
# While a tempo holds, this many beats' clicks go to the device as one sound: each open of the device costs
# more than the click (a second sound server stream, ALSA's configuration read again), 80 times a minute.
TRAIN_BEATS = 4

# alsa-lib prints its own errors straight to stderr (eight lines for a machine without a sound card); the
# one notice the user needs is `problem`, so ALSA's messages go to the debug log instead.
_ALSA_ERROR_HANDLER = ctypes.CFUNCTYPE(
    None, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p
)


def _log_alsa_error(
    file: bytes | None, line: int, function: bytes | None, err: int, fmt: bytes | None
) -> None:
    name = (function or b"?").decode(errors="replace")
    log.debug("ALSA: %s (error %d): %s", name, err, (fmt or b"").decode(errors="replace"))


_alsa_handler = _ALSA_ERROR_HANDLER(_log_alsa_error)  # kept referenced for as long as ALSA may call it


def _quiet_alsa() -> None:
    # Not Linux, or no alsa-lib: then nothing prints and there is nothing to quiet.
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libasound.so.2").snd_lib_error_set_handler(_alsa_handler)


class SimpleaudioPlayer(PlayerBase):
    """Plays cues through simpleaudio on one daemon thread, one after another.

    Nothing happens until `start()` or the first audible `play()`: a player made muted never touches the
    sound library or the device until it is unmuted and asked to play.
    """

    def __init__(
        self,
        *,
        volume: float = 1.0,
        muted: bool = False,
        on_problem: ProblemCallback | None = None,
        sounds_dir: Path | None = None,
        voice_volume: float = 1.0,
        voice_dir: Path | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        """`clock`: the queue's clock, which says when a waiting cue is too old to play (a test moves it)."""
        super().__init__(volume=volume, muted=muted, on_problem=on_problem, voice_volume=voice_volume)
        self._sounds_dir = sounds_dir
        self._voice_dir = voice_dir
        self._clock = clock
        self._queue: queue.SimpleQueue[tuple[Cue | Prompt, float] | None] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._start_lock = threading.Lock()
        self._idle = threading.Condition()
        self._pending = 0  # cues asked for and not yet finished or dropped
        self._wake = threading.Event()  # cuts the wait on a playing cue short (mute, close)
        self._closed = False
        self._unavailable = False
        # Worker-thread state: the loaded sounds, their bytes at one volume, and the cue playing now
        # (simpleaudio's play object must stay referenced while it plays).
        self._sounds: dict[Cue, Sound] = {}
        self._scaled_volume: float | None = None
        self._scaled: dict[Cue, bytes] = {}
        self._playing: Any = None
        # Voice clips load on first use (a missing one costs its prompt, not the cues).
        self._clip_rates: dict[str, int] = {}
        self._spoken_volume: float | None = None
        self._spoken: dict[str, bytes] = {}  # each voice clip's samples at the voice volume
        self._prompt_ended_at = -math.inf  # queue clock; a tempo click held up by speech is off the beat
        self._period: float | None = None  # the tempo in force (keep_time), seconds a beat
        self._beats_ahead = 0  # and how many beats surely follow the last one
        self._train_playing = False  # a tempo train is on the device: anything else asked for cuts it
        self._train_cut = False
        self._covered_until = -math.inf  # queue clock: tempo clicks asked for before this were in a train
        self._trains: dict[float, bytes] = {}  # a tempo's longest train, at `_scaled_volume`

    @PlayerBase.muted.setter
    def muted(self, value: bool) -> None:
        self._muted = bool(value)
        if self._muted:
            self._wake.set()  # cut the cue that is playing now

    def start(self) -> None:
        """Load the library and the sounds in the background now, so the first cue is not late."""
        with self._start_lock:
            if self._thread is not None or self._closed:
                return
            self._thread = threading.Thread(target=self._run, name="selfmassage-sound", daemon=True)
            self._thread.start()

    def play(self, cue: Cue) -> None:
        try:
            if self._closed or self._unavailable or not self.audible:
                return
            self._enqueue(Cue(cue))
        except Exception as error:  # a caller's bug must not stop the session
            log.warning("could not queue the cue %r: %s", cue, error)

    def speak(self, prompt: Prompt) -> None:
        try:
            if self._closed or self._unavailable or not self.voice_audible or not prompt.clips:
                return
            self._enqueue(Prompt(tuple(str(stem) for stem in prompt.clips)))
        except Exception as error:  # a caller's bug must not stop the session
            log.warning("could not queue the prompt %r: %s", prompt, error)

    def keep_time(self, period: float | None, beats_ahead: int = 0) -> None:
        self._beats_ahead = max(0, beats_ahead)
        if period != self._period:
            self._period = period
            if self._train_playing:
                self._wake.set()  # the clicks played ahead belong to the tempo that ended

    def _enqueue(self, sound: Cue | Prompt) -> None:
        item = (sound, self._clock())
        self.start()
        with self._idle:
            self._pending += 1
        self._queue.put(item)
        if self._train_playing and sound is not Cue.TEMPO:
            self._train_cut = True
            self._wake.set()  # a tick or a word can't wait for the clicks played ahead

    def wait_idle(self, timeout: float | None = None) -> bool:
        with self._idle:
            return self._idle.wait_for(lambda: self._pending == 0, timeout)

    def close(self) -> None:
        self._closed = True
        self._wake.set()
        self._queue.put(None)
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout=1.0)
        # Whatever was still queued will never play: nobody should wait for it.
        with self._idle:
            self._pending = 0
            self._idle.notify_all()

    # -- the worker thread -----------------------------------------------------------------------

    def _run(self) -> None:
        backend = self._prepare()
        while True:
            item = self._queue.get()
            if item is None:
                break
            try:
                sound, queued_at = item
                if backend is not None and self._should_play(sound, queued_at):
                    count = 1 + min(TRAIN_BEATS - 1, self._beats_ahead)
                    period = self._period
                    if sound is Cue.TEMPO and period is not None and count > 1 and self._queue.empty():
                        self._play_train(backend, period, count, queued_at)
                    else:
                        self._play_now(backend, sound)
            except Exception as error:  # never let the thread die with cues still queued
                self._fail(NO_DEVICE, error)
            finally:
                with self._idle:
                    self._pending = max(0, self._pending - 1)  # close() may have zeroed it already
                    self._idle.notify_all()
            if backend is not None and self._scaled_volume != self._volume and self._queue.empty():
                self._scale_cues()  # the volume changed: get every cue ready while nothing waits

    def _prepare(self) -> Any:
        """Import simpleaudio and load every cue once; None (and a problem) when either fails."""
        try:
            backend = importlib.import_module("simpleaudio")
        except Exception as error:  # ImportError, or OSError when libasound itself is missing
            self._fail(NO_LIBRARY, error)
            return None
        _quiet_alsa()
        try:
            for cue in Cue:
                self._sounds[cue] = load_wav(self._sound_path(cue))
        except (OSError, EOFError, wave.Error) as error:
            self._fail(BAD_FILE, error)
            return None
        self._scale_cues()
        return backend

    def _scale_cues(self) -> None:
        """Scale every cue to the volume now, before it is wanted.

        Scaling runs in Python, about 15 ms per second of samples (more while the GUI thread holds the
        GIL): done at a cue's first play, it made the end chime start 30 ms late.
        """
        for cue in Cue:
            self._pcm(cue)

    def _sound_path(self, cue: Cue) -> Path:
        if self._sounds_dir is None:
            return asset_path("sounds", cue.filename)
        path = self._sounds_dir / cue.filename
        if not path.exists():
            raise MissingAssetError(path)
        return path

    def _should_play(self, sound: Cue | Prompt, queued_at: float) -> bool:
        if self._closed or self._unavailable or not self._wanted(sound):
            return False
        if sound is Cue.TEMPO and self._prompt_ended_at > queued_at:
            return False  # it waited for words to end: late, it would only break the rhythm
        if sound is Cue.TEMPO and queued_at < self._covered_until:
            return False  # its click was in the train played ahead
        limit = PROMPT_STALE_AFTER if isinstance(sound, Prompt) else STALE_AFTER
        return self._clock() - queued_at <= limit

    def _pcm(self, cue: Cue) -> bytes:
        volume = self._volume
        if volume != self._scaled_volume:
            self._scaled_volume, self._scaled, self._trains = volume, {}, {}
        if cue not in self._scaled:
            self._scaled[cue] = pcm_bytes(self._sounds[cue].samples, volume)
        return self._scaled[cue]

    def _clip(self, stem: str) -> Sound:
        folder = self._voice_dir if self._voice_dir is not None else voice_dir()
        clip = load_wav(folder / f"{stem}.wav")
        if clip.channels != 1:
            raise wave.Error(f"voice clip {stem} is not mono")
        return clip

    def _prompt_pcm(self, prompt: Prompt) -> tuple[bytes, int]:
        """The prompt's clips joined by short silences, at the voice volume; and their sample rate."""
        volume = self._voice_volume
        if volume != self._spoken_volume:
            self._spoken_volume, self._spoken = volume, {}
        # Each clip is read and scaled once, and kept scaled only (a new voice volume reads it again): its
        # words come back in other prompts ("Rubbing." at every rubbing step).
        for stem in prompt.clips:
            if stem not in self._spoken:
                clip = self._clip(stem)
                self._spoken[stem] = pcm_bytes(clip.samples, volume)
                self._clip_rates[stem] = clip.rate
        rate = self._clip_rates[prompt.clips[0]]
        if any(self._clip_rates[stem] != rate for stem in prompt.clips):
            raise wave.Error(f"voice clips of {prompt.clips} differ in sample rate")
        gap = bytes(2 * round(CLIP_GAP_SECONDS * rate))
        return gap.join(self._spoken[stem] for stem in prompt.clips), rate

    def _play_now(self, backend: Any, sound: Cue | Prompt) -> None:
        if isinstance(sound, Prompt):
            try:
                pcm, rate = self._prompt_pcm(sound)
            except (OSError, EOFError, wave.Error) as error:
                # One prompt lost; the cues carry the session on. Not a problem for the user to read.
                log.info("voice prompt %s not said: %s", sound.clips, error)
                return
            channels = 1
        else:
            pcm, channels, rate = self._pcm(sound), self._sounds[sound].channels, self._sounds[sound].rate
        self._wake.clear()
        try:
            playing = backend.play_buffer(pcm, channels, 2, rate)
        except Exception as error:  # SimpleaudioError (no device, device busy) or OSError
            self._fail(NO_DEVICE, error)
            return
        self._playing = playing
        try:
            self._wait_for_end(playing, sound, len(pcm) / (2 * channels * rate))
        finally:
            self._playing = None
            if isinstance(sound, Prompt):
                self._prompt_ended_at = self._clock()

    def _play_train(self, backend: Any, period: float, count: int, queued_at: float) -> None:
        """This beat's click and the next beats' as one sound, until the tempo changes or something else is
        asked for (then the clicks not yet played are cut, and later beats click as they come)."""
        click, sound = self._pcm(Cue.TEMPO), self._sounds[Cue.TEMPO]
        frame = 2 * sound.channels
        step = frame * round(period * sound.rate)
        if period not in self._trains:
            self._trains[period] = click_train(click, step, TRAIN_BEATS)
        # A shorter train is the start of the longest, played from a view of it: one kept for a tempo.
        pcm = memoryview(self._trains[period])[:(count - 1) * step + len(click)]
        self._covered_until = queued_at + (count - 0.5) * period
        self._wake.clear()
        self._train_cut, self._train_playing = False, True  # from here on, anything asked for cuts it
        try:
            playing = backend.play_buffer(pcm, sound.channels, 2, sound.rate)
        except Exception as error:  # as in _play_now
            self._covered_until, self._train_playing = -math.inf, False
            self._fail(NO_DEVICE, error)
            return
        self._playing = playing
        try:
            self._wait_for_end(playing, Cue.TEMPO, len(pcm) / (frame * sound.rate), period)
        finally:
            self._playing, self._train_playing = None, False

    def _wait_for_end(self, playing: Any, sound: Cue | Prompt, seconds: float,
                      train: float | None = None) -> None:
        """Wait here, on this thread, until the sound has played, so nothing overlaps; mute and close cut
        the wait short (they set `_wake`).

        simpleaudio tells the end only when asked, but a sound's length is known: one look soon after the
        start, then a look every 0.1 s until the sound is due to end, then short looks while the device plays
        out its last buffer. Looking every 5 ms throughout woke this thread 200 times a second while a sound
        played.
        """
        due = time.monotonic() + seconds
        pause = _POLL_SECONDS
        while playing.is_playing():
            cut = train is not None and (self._period != train or self._train_cut)
            if cut or self._closed or not self._wanted(sound):
                if train is not None:  # the clicks not played were not heard: later beats click again
                    self._covered_until = min(self._covered_until, self._clock())
                playing.stop()
                return
            if self._wake.wait(pause):
                self._wake.clear()  # woken: look again above (a mute undone at once must not spin here)
            left = due - time.monotonic()
            pause = min(left, _EARLY_END_SECONDS) if left > _POLL_SECONDS else _POLL_SECONDS

    def _fail(self, message: str, error: BaseException) -> None:
        self._unavailable = True
        # Info, not warning: the user's notice is `problem`; Python's last-resort handler prints warnings.
        log.info("sound is off: %s (%s: %s)", message, type(error).__name__, error)
        self._report_problem(message)


def make_player(
    muted: bool, volume: float, on_problem: ProblemCallback | None = None, *, voice_volume: float = 1.0
) -> CuePlayer:
    """The player for the app: simpleaudio when it is installed, else a silent one with a problem.

    Even when muted at start the simpleaudio player is returned, so unmuting later brings sound; while
    muted it does not touch the library or the device. `on_problem` may be called on the sound thread
    (a Qt caller forwards it with a signal) or, when simpleaudio is not installed, inside this call.
    """
    if importlib.util.find_spec("simpleaudio") is None:
        return SilentPlayer(volume=volume, muted=muted, on_problem=on_problem, problem=NO_LIBRARY,
                            voice_volume=voice_volume)
    player = SimpleaudioPlayer(volume=volume, muted=muted, on_problem=on_problem, voice_volume=voice_volume)
    if not muted:
        player.start()
    return player
