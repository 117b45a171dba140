"""A dialog inside its screen: as tall as its text needs, never taller or wider than the screen's free area,
its body scrolling when the screen is too small and its buttons always in view.

Qt sizes a dialog for its first line of wrapped text and places it before the text has its final size, so
the bottom of a tall dialog could hang off a 600-px screen with its buttons. `fit_dialog` sizes it from its
layout's height for the width it has, then moves it, frame and all, onto the free area.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtWidgets import QAbstractScrollArea, QDialog, QFrame, QLayout, QScrollArea, QWidget

from selfmassage.i18n import _
from selfmassage.qt.window_fit import free_area

SHORTEST_BODY = 120  # a scrolled body keeps at least a few lines in view


def name_scroll_bars(area: QAbstractScrollArea) -> None:
    """What a screen reader says for the bars a small window gives `area`."""
    for bar, way in ((area.verticalScrollBar(), _("Scroll up and down")),
                     (area.horizontalScrollBar(), _("Scroll sideways"))):
        bar.setAccessibleName(way)
        bar.setAccessibleDescription(_("The window is too small for all of it: this shows the rest."))


def scroll_words_down(area: QScrollArea) -> None:
    """Wrapped words (window_fit.words_area) scroll up and down only, Tab goes past them to the controls,
    and a screen reader hears what the bars are."""
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    name_scroll_bars(area)


class BodyScroller(QScrollArea):
    """A dialog's body (everything but its buttons), scrolled only when the dialog can't be tall enough.
    Its hints are the whole body's, so the dialog asks for all the room it would like."""

    def __init__(self, body: QWidget) -> None:
        super().__init__()
        self.setObjectName("dialog_body")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the body's controls, and scrolls to them
        self.setWidget(body)
        name_scroll_bars(self)

    def needed_height(self, width: int) -> int:
        """The body's full height at `width` (the scroller's own width)."""
        body = self.widget()
        inner = max(1, width - self.frameWidth() * 2)
        layout = body.layout()
        if layout is not None and layout.hasHeightForWidth():
            return layout.totalHeightForWidth(inner) + self.frameWidth() * 2
        return body.sizeHint().height() + self.frameWidth() * 2

    def sizeHint(self) -> QSize:
        body = self.widget().sizeHint()
        return QSize(body.width(), self.needed_height(max(self.width(), body.width())))

    def minimumSizeHint(self) -> QSize:
        body = self.widget().minimumSizeHint()
        return QSize(body.width() + self.verticalScrollBar().sizeHint().width(),
                     min(body.height(), SHORTEST_BODY))


def _frame(dialog: QWidget) -> QSize:
    return dialog.frameGeometry().size() - dialog.size()


def fit_dialog(dialog: QDialog, *, centre: bool = False) -> None:
    """Size `dialog` for all its text at its width (within the free area), then move it onto that area;
    `centre`: over its parent first, as Qt placed it before it had its height."""
    parent = dialog.parentWidget()
    # Placed for the first time: on its parent's screen (Qt would size and clamp it to the screen it opens
    # on by default, the primary one); after that, the screen it is on.
    area = free_area(parent if centre and parent is not None else dialog)
    if centre and parent is not None and dialog.windowHandle() is not None:
        dialog.windowHandle().setScreen(parent.window().screen())
    room = area.size() - _frame(dialog)
    dialog.setMaximumSize(room)
    layout = dialog.layout()
    width = min(max(dialog.width(), dialog.minimumSizeHint().width()), room.width())
    if layout is not None:
        # A label restyled as the dialog showed may have left a stale height in its layout's cache.
        for inner in dialog.findChildren(QLayout):
            inner.invalidate()
        dialog.resize(width, min(dialog.height(), room.height()))
        layout.activate()
        bodies = [scroller for scroller in dialog.findChildren(BodyScroller) if scroller.isVisibleTo(dialog)]
        if bodies:  # the rest of the dialog as it is, the body as tall as its text
            body = bodies[0]
            wanted = dialog.height() - body.height() + body.needed_height(body.width())
        elif layout.hasHeightForWidth():
            wanted = layout.totalHeightForWidth(width)
        else:
            wanted = layout.totalSizeHint().height()
        dialog.resize(width, max(min(wanted, room.height()), min(dialog.minimumHeight(), room.height())))
    if centre and parent is not None:
        middle = parent.window().frameGeometry().center()
        dialog.move(middle.x() - dialog.frameGeometry().width() // 2,
                    middle.y() - dialog.frameGeometry().height() // 2)
        dialog.setAttribute(Qt.WidgetAttribute.WA_Moved, True)  # placed: QDialog leaves it where it is
    outer = dialog.frameGeometry()
    x = max(area.left(), min(outer.x(), area.right() + 1 - outer.width()))
    y = max(area.top(), min(outer.y(), area.bottom() + 1 - outer.height()))
    if (x, y) != (outer.x(), outer.y()):
        dialog.move(x, y)


class DialogFit(QObject):
    """Fits its dialog each time it shows (and once more when the desktop has framed it), and whenever
    `refit()` is called after its text changed."""

    def __init__(self, dialog: QDialog) -> None:
        super().__init__(dialog)
        self._dialog = dialog
        self._placed = False  # placed once: after that, where the person moved it
        dialog.installEventFilter(self)

    def refit(self) -> None:
        if self._dialog.isVisible():
            fit_dialog(self._dialog)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._dialog and event.type() == QEvent.Type.Show:
            fit_dialog(self._dialog, centre=not self._placed)
            self._placed = True
            QTimer.singleShot(0, self.refit)  # the frame is known once the window is on screen
        return False


def keep_on_screen(dialog: QDialog) -> DialogFit:
    """Fit `dialog` to its screen whenever it shows; the returned fitter's `refit()` after text changes."""
    fitter = DialogFit(dialog)
    dialog.setProperty("fits_screen", True)
    return fitter
