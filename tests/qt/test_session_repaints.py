"""What a running session costs the window once a second: the countdown changes, nothing else moves.

These guard the session's CPU (issue 7): a relayout of the whole page every second, or a repaint of more
than changed, was most of what a minute of rubbing cost.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QRect, Qt
from PySide6.QtGui import QRegion
from PySide6.QtWidgets import QApplication, QWidget
from qt_helpers import EventNames, PaintRecorder, advance

from selfmassage.qt.main_window import MainWindow
from selfmassage.qt.session_widgets import progress_text


def settle() -> None:
    """Deliver what is posted, and what delivering it posts (a layout may ask for a second pass)."""
    for _ in range(10):  # one pass per level of the window, the page up to the main window
        QApplication.sendPostedEvents()


def start_short(qtbot, window: MainWindow) -> None:
    assert window.picker.select("Short back")
    qtbot.keyClick(window.picker.list, Qt.Key.Key_Return)
    assert window.current_page() == "session"


def test_a_second_ticking_by_lays_nothing_out_again(qtbot, window, clock):
    start_short(qtbot, window)
    view = window.session_view
    advance(window, clock, 1)
    settle()  # the page's and the step's own relayouts, when they started
    layouts = EventNames(QEvent.Type.LayoutRequest)
    watched: list[QWidget] = [window, view, *view.findChildren(QWidget)]
    for widget in watched:
        widget.installEventFilter(layouts)
    before = view.progress_label.text(), view.progress_label.geometry(), view.progress.geometry()
    advance(window, clock, 1)
    settle()
    assert view.progress_label.text() == "00:10 left of 00:12"
    assert view.countdown_text() == "00:01"
    assert layouts.seen == []
    assert (view.progress_label.geometry(), view.progress.geometry()) == before[1:]
    for widget in watched:
        widget.removeEventFilter(layouts)



def test_the_progress_text_is_never_cut_whatever_the_text_size(qtbot, window, clock):
    start_short(qtbot, window)
    view = window.session_view
    window.resize(1800, 1000)  # room to grow: in a small window the session's type fits the room first
    qtbot.waitUntil(lambda: view.width() > 1700)
    label = view.progress_label
    for scale in (1.0, 1.35, 1.0):
        view.set_text_scale(scale)
        for left in (12, 10, 8, 0):
            label.setText(progress_text(left, 12))
            assert label.sizeHint().width() <= label.width(), (scale, label.text())
            assert label.sizeHint().height() <= label.height()
    big = label.width()
    view.set_text_scale(1.35)
    assert label.width() > big * 1.1  # it grew with the text


def test_the_type_is_fitted_once_a_session_not_at_every_second_or_step(qtbot, window, clock):
    # Fitting the page's type lays it out several times over; it is done when the session starts or the
    # room changes, never because a second went by or a new step's words came.
    start_short(qtbot, window)
    view = window.session_view
    advance(window, clock, 0.5)
    settle()
    changes = EventNames(QEvent.Type.FontChange)
    labels = [view.technique, view.area, view.meta, view.instruction, view.next_label, view.progress_label]
    for label in labels:
        label.installEventFilter(changes)
    advance(window, clock, 4)  # seconds ticking by, and the rubbing step's new words
    settle()
    assert view.technique.text() == "Rubbing"
    assert changes.seen == []
    window.resize(1800, 1000)  # more room: the type is fitted again, and grows
    qtbot.waitUntil(lambda: bool(changes.seen))
    for label in labels:
        label.removeEventFilter(changes)


def test_the_ring_and_the_tempo_dot_repaint_without_the_card_behind_them(qtbot, window, clock):
    # Once a second the digits change and 80 times a minute the dot jumps: if each of these also painted the
    # card and the page behind it, much of a minute of rubbing went on painting what had not changed.
    start_short(qtbot, window)
    view = window.session_view
    window.show()
    qtbot.waitExposed(window)
    card = view.ring.parentWidget()
    assert view.pulse.parentWidget() is card
    for high_contrast in (False, True):
        if high_contrast:
            window.actions["high_contrast"].trigger()
        view.pulse.show()
        qtbot.waitUntil(lambda: not card.visibleRegion().isEmpty())
        settle()
        QApplication.processEvents()
        card_paints, view_paints, ring_paints, pulse_paints = (PaintRecorder() for _ in range(4))
        card.installEventFilter(card_paints)
        view.installEventFilter(view_paints)
        view.ring.installEventFilter(ring_paints)
        view.pulse.installEventFilter(pulse_paints)
        advance(window, clock, 1)
        view.pulse.beat()
        painted = (ring_paints.regions, pulse_paints.regions)
        qtbot.waitUntil(lambda painted=painted: all(painted))
        QApplication.processEvents()
        card.removeEventFilter(card_paints)
        view.removeEventFilter(view_paints)
        assert card_paints.regions == []
        for widget in (view.ring, view.pulse):
            place = QRegion(QRect(widget.mapTo(view, QPoint(0, 0)), widget.size()))
            assert not any(region.intersects(place) for region in view_paints.regions), widget
        # What they paint behind themselves is the card's own colour, in either look.
        picture = card.grab().toImage()
        card_colour = picture.pixelColor(card.width() // 2, 8)
        for widget in (view.ring, view.pulse):
            corner = widget.mapTo(card, QPoint(1, 1))
            assert picture.pixelColor(corner) == card_colour, (high_contrast, widget)
