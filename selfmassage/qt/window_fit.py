"""The window and its screen: it opens at a size that fits the screen, never grows by itself, never reaches
past the screen's free area (the desktop's panels excluded), and follows the screen it is moved to.

A window whose minimum size is set in code keeps it: Qt no longer raises it to what the pages' layouts ask
(which is how the window used to grow after the check-in and never shrink). Each page sits in a scroll
area instead, so a page that needs more room than the window has scrolls rather than being squeezed.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, QSize
from PySide6.QtGui import QGuiApplication, QPalette, QScreen, QWindow
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from selfmassage.i18n import _

MINIMUM = QSize(720, 540)  # the smallest window every page is laid out for
PREFERRED = QSize(1120, 720)  # the size it opens at when the screen has the room


def free_area(widget: QWidget) -> QRect:
    """The part of `widget`'s screen that windows may use: the screen under the window's middle (the one
    Qt names may lag a move by an event), else the one Qt names."""
    middle = widget.window().frameGeometry().center() if widget.isVisible() else None
    screen = (QGuiApplication.screenAt(middle) if middle is not None else None) or widget.screen() \
        or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def _frame(window: QWidget) -> QSize:
    """The window frame's width and height beyond the window's own size (none before it is shown)."""
    return window.frameGeometry().size() - window.size() if window.isVisible() else QSize(0, 0)


def opening_size(window: QWidget) -> QSize:
    """PREFERRED, or less on a screen without that much room, never below MINIMUM unless the screen is."""
    area = free_area(window).size() - _frame(window)
    return QSize(min(PREFERRED.width(), area.width()), min(PREFERRED.height(), area.height()))


def set_minimum(window: QWidget) -> None:
    """MINIMUM, or the whole free area of a smaller screen; set in code, so the pages' layouts can't raise
    it."""
    area = free_area(window).size() - _frame(window)
    window.setMinimumSize(min(MINIMUM.width(), area.width()), min(MINIMUM.height(), area.height()))


def fit_window(window: QWidget) -> None:
    """Shrink `window` to its screen's free area if it is bigger, then move it (frame and all) inside."""
    if window.isMaximized() or window.isFullScreen():
        return  # the desktop sizes those
    set_minimum(window)
    area = free_area(window)
    frame = _frame(window)
    size = window.size().boundedTo(area.size() - frame)
    if size != window.size():
        window.resize(size)
    outer = window.frameGeometry() if window.isVisible() else window.geometry()
    x = max(area.left(), min(outer.x(), area.right() + 1 - outer.width()))
    y = max(area.top(), min(outer.y(), area.bottom() + 1 - outer.height()))
    if (x, y) != (outer.x(), outer.y()):
        window.move(x, y)


class ScreenFit(QObject):
    """Fits the window when it shows and whenever it moves to another screen or that screen changes."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._watched: QWindow | None = None
        self._screen: QScreen | None = None
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Show:
            handle = self._window.windowHandle()
            if handle is not None and handle is not self._watched:
                self._watched = handle
                handle.screenChanged.connect(self._screen_changed)
            self._screen_changed()
        return False

    def _screen_changed(self, *_screen: object) -> None:
        screen = self._window.screen()
        if screen is not None and screen is not self._screen:
            if self._screen is not None:
                self._screen.availableGeometryChanged.disconnect(self._area_changed)
            self._screen = screen
            screen.availableGeometryChanged.connect(self._area_changed)
        fit_window(self._window)

    def _area_changed(self, _area: QRect) -> None:
        fit_window(self._window)


class PageScroller(QScrollArea):
    """A page of the window: it fills the room the window has and scrolls only when the room is less than
    its minimum size. (QScrollArea's own resizing asks a page of wrapped text for its preferred height,
    and would scroll a page that fits.)"""

    def __init__(self, page: QWidget) -> None:
        super().__init__()
        self.setObjectName(f"{page.objectName() or 'page'}_scroller")
        self.setFrameShape(QFrame.Shape.NoFrame)
        own_viewport(self, filled=True)  # a page asks for its parent
        self.setWidget(page)
        self.setFocusProxy(page)
        self.setAccessibleName(page.accessibleName() or _("Page"))
        self.setAccessibleDescription(_("Scrolls when the window is too small for the whole page."))
        for bar, name in ((self.verticalScrollBar(), _("Scroll the page up and down")),
                          (self.horizontalScrollBar(), _("Scroll the page sideways"))):
            bar.setAccessibleName(name)
            bar.setAccessibleDescription(
                _("The window is too small for the whole page: this shows the rest."))
        page.installEventFilter(self)

    def fit_page(self) -> None:
        page = self.widget()
        if page is None:
            return
        # Worked out from the whole area, never from the viewport (which the bars narrow): bars that came
        # and went with the page's size would resize it again and again.
        minimum = page.minimumSizeHint().expandedTo(page.minimumSize())
        full = self.contentsRect().size()
        bar = self.verticalScrollBar().sizeHint().width()
        tall = minimum.height() > full.height()
        wide = minimum.width() > full.width() - (bar if tall else 0)
        tall = tall or minimum.height() > full.height() - (bar if wide else 0)
        room = QSize(full.width() - (bar if tall else 0), full.height() - (bar if wide else 0))
        size = QSize(max(room.width(), minimum.width()), max(room.height(), minimum.height()))
        if size != page.size():
            page.resize(size)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.LayoutRequest):
            self.fit_page()
        return super().viewportEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.fit_page()
        return super().eventFilter(watched, event)


def words_column(name: str, parent: QWidget, *, spacing: int) -> tuple[QScrollArea, QVBoxLayout]:
    """A column for the words of a card or a page, in a frameless scroll area that the background shows
    through: in a small window only the words scroll, and the buttons under them stay in view. Returns the
    area (`name`_area) and the column to fill. Down only and passed by Tab with
    `dialog_fit.scroll_words_down` (it needs the `Qt` namespace: not in the first frame)."""
    words = QWidget(parent)
    words.setObjectName(name)
    column = QVBoxLayout(words)
    column.setContentsMargins(0, 0, 8, 0)  # room for the bar beside the words
    column.setSpacing(spacing)
    area = QScrollArea(parent)
    area.setObjectName(f"{name}_area")
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    own_viewport(area, filled=False)  # the picker's words are in the first frame
    area.setWidget(words)
    for part in (area, words):
        part.setAutoFillBackground(False)
    return area, column


def own_viewport(area: QScrollArea, *, filled: bool) -> QWidget:
    """A viewport of our own for `area`, set up as Qt sets up its own. Asking for the one Qt made (or a page
    asking for its parent, which is that viewport) makes PySide6 set up every widget class and their enums
    (~20 ms, ~2 MiB kept) to find which class that plain QWidget is. `filled`: painted with Base, as Qt's
    own; else the background shows through."""
    viewport = QWidget()
    viewport.setObjectName("qt_scrollarea_viewport")
    viewport.setBackgroundRole(QPalette.ColorRole.Base)
    viewport.setAutoFillBackground(filled)
    area.setViewport(viewport)
    return viewport


def scrolling(page: QWidget) -> PageScroller:
    """`page` in a frameless scroll area that shows bars only when the window is too small for it."""
    return PageScroller(page)
