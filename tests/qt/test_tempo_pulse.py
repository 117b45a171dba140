"""The rubbing tempo dot: it lands on the other side on each beat, and a beat costs one small repaint."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QPalette, QRegion
from PySide6.QtWidgets import QWidget

from selfmassage.qt.tempo_pulse import TempoPulse
from tests.qt.qt_helpers import PaintRecorder

ACCENT = QColor("#2b7a6c")


def make_pulse(qtbot: Any) -> TempoPulse:
    pulse = TempoPulse()
    pal = pulse.palette()
    pal.setColor(QPalette.ColorRole.Highlight, ACCENT)
    pal.setColor(QPalette.ColorRole.Mid, QColor("#e2dbd0"))
    pulse.setPalette(pal)
    pulse.resize(280, 44)
    qtbot.addWidget(pulse)
    return pulse


def accent_at(pulse: TempoPulse, side: str) -> bool:
    centre = pulse.dot_rect(side).center()
    return pulse.grab().toImage().pixelColor(centre) == ACCENT


def test_the_dot_is_on_the_side_of_the_last_beat(qtbot):
    pulse = make_pulse(qtbot)
    assert pulse.side() == "left"
    assert accent_at(pulse, "left") and not accent_at(pulse, "right")
    pulse.beat()
    assert pulse.side() == "right"
    assert accent_at(pulse, "right") and not accent_at(pulse, "left")
    pulse.beat()
    assert accent_at(pulse, "left") and not accent_at(pulse, "right")
    pulse.beat()
    pulse.reset()  # a new step starts on the left
    assert pulse.beats == 0
    assert accent_at(pulse, "left") and not accent_at(pulse, "right")


def test_it_says_its_tempo_in_words(qtbot):
    pulse = make_pulse(qtbot)
    pulse.set_tempo(90)
    assert pulse.accessibleName() == "Rubbing tempo"
    assert "90 times a minute" in pulse.accessibleDescription()


def test_a_beat_repaints_only_the_dots_two_places(qtbot):
    # A minute of rubbing has 80 or so beats: repainting the whole bar (or gliding) cost CPU for nothing.
    holder = QWidget()
    qtbot.addWidget(holder)
    pulse = make_pulse(qtbot)
    pulse.setParent(holder)
    holder.resize(300, 60)
    pulse.move(QPoint(10, 8))
    paints = PaintRecorder()
    pulse.installEventFilter(paints)
    holder.show()
    qtbot.waitUntil(lambda: bool(paints.regions))  # the first, whole paint
    paints.regions.clear()
    pulse.beat()
    qtbot.waitUntil(lambda: bool(paints.regions))
    allowed = QRegion(pulse.dot_rect("left")) | QRegion(pulse.dot_rect("right"))
    for region in paints.regions:
        assert region.subtracted(allowed).isEmpty()
        assert not region.contains(pulse.rect().center())  # the middle of the track is left alone
