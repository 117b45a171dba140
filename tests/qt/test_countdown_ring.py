"""The countdown ring repaints only what a second changed, and the screen still shows the whole ring."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QImage, QPalette, QRegion
from PySide6.QtWidgets import QApplication, QWidget

from selfmassage.qt.countdown_ring import CountdownRing
from tests.qt.qt_helpers import PaintRecorder


def shown_ring(qtbot: Any) -> tuple[QWidget, CountdownRing, PaintRecorder]:
    holder = QWidget()
    pal = holder.palette()
    pal.setColor(QPalette.ColorRole.Window, QColor("#fffdf9"))
    pal.setColor(QPalette.ColorRole.Mid, QColor("#e2dbd0"))
    pal.setColor(QPalette.ColorRole.Highlight, QColor("#2b7a6c"))
    holder.setPalette(pal)
    holder.setAutoFillBackground(True)
    holder.resize(320, 340)
    ring = CountdownRing(holder)
    ring.setGeometry(10, 10, 300, 320)
    qtbot.addWidget(holder)
    paints = PaintRecorder()
    ring.installEventFilter(paints)
    ring.set_time("00:10", 0.0, 10)
    holder.show()
    qtbot.waitUntil(lambda: bool(paints.regions))
    return holder, ring, paints


def tick(qtbot: Any, ring: CountdownRing, paints: PaintRecorder, seconds_left: int, of: int) -> QRegion:
    paints.regions.clear()
    ring.set_time(f"00:{seconds_left:02d}", 1 - seconds_left / of, seconds_left)
    qtbot.waitUntil(lambda: bool(paints.regions))
    return paints.regions[0]


def on_screen(holder: QWidget) -> QImage:
    """What the window shows now (its backing store), not a fresh paint."""
    screen = QApplication.primaryScreen()
    return screen.grabWindow(holder.winId()).toImage().convertToFormat(QImage.Format.Format_RGB32)


def largest_difference(one: QImage, other: QImage) -> int:
    assert one.size() == other.size()
    worst = 0
    for y in range(0, one.height()):
        for x in range(0, one.width()):
            a, b = one.pixelColor(x, y), other.pixelColor(x, y)
            worst = max(worst, abs(a.red() - b.red()), abs(a.green() - b.green()), abs(a.blue() - b.blue()))
    return worst


def test_a_second_repaints_the_digits_and_the_new_piece_of_arc_only(qtbot):
    _holder, ring, paints = shown_ring(qtbot)
    region = tick(qtbot, ring, paints, 9, 10)
    area = sum(rect.width() * rect.height() for rect in region)
    assert area < ring.width() * ring.height() / 2
    centre = ring.rect().center()
    assert region.contains(centre)  # the digits
    assert region.contains(QPoint(centre.x() + 60, 25))  # the arc from 12 o'clock to a tenth of the way
    assert not region.contains(QPoint(centre.x(), ring.height() - 25))  # 6 o'clock: nothing changed there
    assert not region.contains(QPoint(centre.x() + 95, centre.y() + 95))  # nor at half past four


def test_after_a_step_of_seconds_the_screen_shows_what_a_whole_paint_shows(qtbot):
    holder, ring, paints = shown_ring(qtbot)
    for left in range(9, -1, -1):
        tick(qtbot, ring, paints, left, 10)
    tick(qtbot, ring, paints, 5, 5)  # a new step: the arc starts again
    for left in (4, 3):
        tick(qtbot, ring, paints, left, 5)
    # Antialiased edges may differ a little (the arc is drawn in one piece now, in several before); a
    # piece of arc or digit left over, or missing, differs by far more than this.
    assert largest_difference(on_screen(holder), holder.grab().toImage().convertToFormat(
        QImage.Format.Format_RGB32)) <= 64
