"""PCM helpers: samples scaled to a volume, each to the nearest step, however long the sound."""

from __future__ import annotations

import array

from hypothesis import given
from hypothesis import strategies as st

from selfmassage.sound.pcm import pcm_bytes
from tests.sound.helpers import samples


@given(st.lists(st.integers(-32768, 32767), max_size=200), st.floats(0.0, 1.0))
def test_every_sample_is_scaled_to_the_nearest_step_at_any_volume(values, volume):
    loud = array.array("h", [*values, -32768, 32767, 0, 1, -1])
    quiet = samples(pcm_bytes(loud, volume))
    assert len(quiet) == len(loud)
    assert all(abs(q - s * volume) <= 0.5 + 1e-6 for q, s in zip(quiet, loud, strict=True))


def test_a_long_sound_is_scaled_the_same_from_start_to_end():
    loud = array.array("h", ((i * 7919) % 65536 - 32768 for i in range(20_001)))  # several pieces, odd
    quiet = samples(pcm_bytes(loud, 0.37))
    assert len(quiet) == len(loud)
    assert all(abs(q - s * 0.37) <= 0.5 + 1e-6 for q, s in zip(quiet, loud, strict=True))
