"""The main window's rest, built once its first frame is on screen (main_window.MainWindow.build_rest): the
session and sound controls, the actions with their keys and menus, the session and summary pages, and what
needs the `Qt` namespace or QStyle (icons, the focus ring, full screen), whose enums PySide6 builds in
Python on first use. Importing this module is the one lazy step of start-up (docs/architecture.md)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QWidget

from selfmassage.i18n import _
from selfmassage.qt import dialogs, focus_ring, icons
from selfmassage.qt.a11y import focus_first  # noqa: F401  (the window's show_page uses it)
from selfmassage.qt.actions import make_action  # noqa: F401  (the window's add_action uses it)
from selfmassage.qt.pages import Page
from selfmassage.qt.parts import WindowParts
from selfmassage.qt.session_control import APP_TITLE, SessionControl
from selfmassage.qt.session_prompts import PromptChoice
from selfmassage.qt.session_view import SessionView
from selfmassage.qt.session_widgets import SessionActions
from selfmassage.qt.sound_control import SoundControl
from selfmassage.qt.summary import SummaryPage
from selfmassage.qt.theme import font_for, rescale_relative_fonts, stylesheet, text_scale
from selfmassage.qt.theme_style import use_theme_style
from selfmassage.resources import assets_dir
from selfmassage.store.library import RoutineLibrary

if TYPE_CHECKING:
    from selfmassage.qt.main_window import MainWindow


def build(window: MainWindow, library: RoutineLibrary, parts: WindowParts | None) -> None:
    window.library = library
    window.parts = parts or WindowParts()
    window.sessions = SessionControl(window)
    window.sound = SoundControl(window)
    window.picker.start_requested.connect(window.sessions.start)
    window.picker.short_prompts_toggled.connect(window.sound.set_short_prompts)
    _make_actions(window)
    _fill_menus(window)
    actions = window.actions
    view = window.session_view = SessionView(SessionActions(
        back=actions["back"], pause=actions["pause"], skip=actions["skip"], stop=actions["stop"],
        mute=actions["mute"]), window)
    view.title_changed.connect(lambda text: window.setWindowTitle(f"{text} · {APP_TITLE}"))
    if window.parts.body_map is not None:
        view.set_body_map(window.parts.body_map(view.map_card))
    summary = window.summary = SummaryPage(window)
    summary.checkin_submitted.connect(window.sessions.checkin_given)
    summary.checkin_skipped.connect(window.sessions.hand_on_result)
    summary.done_requested.connect(window.sessions.back_to_routines)
    window.add_page(Page.SESSION, view)
    window.add_page(Page.SUMMARY, summary)
    window.prompt_choice = PromptChoice(window)  # Spoken prompts by…, Time left (T), a screen reader's words
    window.built = True
    for number in range(window.pages.count()):  # the PageScrollers of add_page (window_fit)
        leave_tab_to_the_page(window.pages.widget(number))
    apply_look(window)


def _make_actions(window: MainWindow) -> None:
    add, sessions, sound = window.add_action, window.sessions, window.sound
    # Enter itself is the picker's (RoutinePicker.keyPressEvent): a window-wide Enter would take the key
    # from every page another part of the app adds.
    start = add("start", _("Start"), lambda: _picker_start(window), tip=_("Start the chosen routine"))
    start.setText(_("Start") + "\tEnter")
    add("pause", _("Pause"), sessions.toggle_pause, keys="Space", tip=_("Pause or resume"))
    add("skip", _("Skip"), sessions.skip, keys="Right", tip=_("Skip to the next step"))
    add("back", _("Back"), sessions.back, keys="Left", tip=_("Back to the previous step"))
    # Esc is a separate shortcut (see _escape): in full screen it leaves full screen first.
    stop = add("stop", _("Stop…"), sessions.ask_to_stop, tip=_("Stop the session"))
    stop.setText(_("Stop…") + "\tEsc")
    stop.setToolTip(_("Stop the session (Esc; in full screen, Esc first leaves full screen)"))
    # Enabled only in full screen or during a session, so Esc still cancels things on other pages.
    window.escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), window, lambda: _escape_pressed(window))
    add("quit", _("Quit"), window.quit, keys="Ctrl+Q", tip=_("Quit selfmassage"))
    add("full_screen", _("Full screen"), lambda _on: toggle_full_screen(window), keys="F11",
        tip=_("Full screen, with the biggest text"), checkable=True)
    add("large_text", _("Large text"), window.set_large_text, tip=_("Bigger text everywhere"), checkable=True)
    add("high_contrast", _("High contrast"), window.set_high_contrast,
        tip=_("Black, white and one strong colour"), checkable=True)
    add("mute", _("Mute"), sound.set_muted, keys="M", tip=_("Sound cues on or off"), checkable=True)
    add("volume", _("Volume…"), sound.open_volume, tip=_("How loud the cues and the voice are"))
    add("voice", _("Spoken prompts"), sound.set_voice, tip=_("Say each step's name and what comes next"),
        checkable=True)
    add("sound_check", _("Test sound…"), sound.test,
        tip=_("Play every sound once, and say what to check if there is none"))
    add("safety", _("Safety questions…"), window.ask_safety_again,
        tip=_("Go through the safety questions again"))
    add("about", _("About selfmassage"), lambda: dialogs.show_about(window),
        tip=_("The version, and what selfmassage does"))
    actions, settings = window.actions, window.settings
    actions["large_text"].setChecked(settings.large_text)
    actions["high_contrast"].setChecked(settings.high_contrast)
    actions["voice"].setChecked(settings.voice)


def _fill_menus(window: MainWindow) -> None:
    menus, actions = window.menus, window.actions
    for name in ("start", "pause", "skip", "back", "stop"):
        menus["session"].addAction(actions[name])
    menus["session"].addSeparator()
    menus["session"].addAction(actions["quit"])
    for name in ("full_screen", "large_text", "high_contrast"):
        menus["view"].addAction(actions[name])
    for name in ("mute", "volume", "voice", "sound_check"):
        menus["sound"].addAction(actions[name])
    menus["help"].addAction(actions["safety"])
    menus["help"].addSeparator()
    menus["help"].addAction(actions["about"])


def _picker_start(window: MainWindow) -> None:
    if window.current_page() == Page.PICKER:
        window.picker.request_start()


def _escape_pressed(window: MainWindow) -> None:
    # Esc first leaves full screen, as in a video player; out of full screen it asks to stop.
    if window.isFullScreen():
        toggle_full_screen(window)
    elif window.current_page() == Page.SESSION:
        window.sessions.ask_to_stop()


def toggle_full_screen(window: MainWindow) -> None:
    window.setWindowState(window.windowState() ^ Qt.WindowState.WindowFullScreen)


def update_actions(window: MainWindow) -> None:
    """What each action can do now, on this page, in this state of the session."""
    actions = window.actions
    page = window.current_page() if window.pages.count() else Page.PICKER
    driver = window.sessions.driver
    running = window.sessions.running and page == Page.SESSION
    asking = window.sessions.asking_to_stop  # the stop panel's keys are its own
    for name in ("pause", "skip", "back", "stop"):
        actions[name].setEnabled(running and not asking)
    actions["start"].setEnabled(page == Page.PICKER and window.picker.current_routine() is not None)
    paused = running and driver is not None and driver.paused
    if paused != window.shown_paused:
        window.shown_paused = paused
        pause = actions["pause"]
        pause.setText(_("Resume") if paused else _("Pause"))
        pause.setIcon(icon(window, "play" if paused else "pause"))
        pause.setToolTip(_("{action} (Space)").format(action=_("Resume") if paused else _("Pause")))
    actions["safety"].setEnabled(window.parts.safety is not None)
    window.escape.setEnabled(running or window.isFullScreen())
    # The check's sounds would mix with a session's cues.
    actions["sound_check"].setEnabled(window.player is not None and not running and not window.sound.checking)


def apply_look(window: MainWindow) -> None:
    """High contrast and Large text, after a change or once the other pages are made."""
    settings = window.settings
    app = QApplication.instance()
    if isinstance(app, QApplication):
        use_theme_style(app)  # the app's own style, once: the first frame was in plain Fusion
    window.style_own_widgets(window.theme_the_app())
    mine = window.own_widgets()
    for widget in mine:
        focus_ring.mark_styled(widget)  # the sheet's :focus rules draw the ring here
    refresh_fonts([window, *(w for top in mine for w in (top, *top.findChildren(QWidget)))])
    if isinstance(app, QApplication):
        focus_ring.install(app)  # the other pages and the dialogs: a ring in the accent colour
    for page in window.page_widgets():
        if page not in (window.picker, window.session_view, window.summary):
            rescale_relative_fonts(page)  # Qt hands them the new font; their headings scale here
    apply_panel_look = getattr(window.summary.checkin_panel, "apply_look", None)
    if apply_panel_look is not None:
        apply_panel_look()  # the check-in's own calm look, in the new colours and size
    window.session_view.set_text_scale(text_scale(settings.large_text))
    set_high_contrast = getattr(window.session_view.body_map, "set_high_contrast", None)
    if set_high_contrast is not None:
        set_high_contrast(settings.high_contrast)
    for name, kind in (("start", "play"), ("skip", "skip"), ("back", "back"), ("stop", "stop")):
        window.actions[name].setIcon(icon(window, kind))
    window.picker.start_button.setIcon(icons.icon("play", window.colours.accent_text))
    show_muted(window, settings.muted)
    window.shown_paused = None  # draw the pause action afresh in the new colours
    update_actions(window)


def style_page(window: MainWindow, page: QWidget) -> None:
    """A page added after the look was applied wears the window's sheet and the app's font now."""
    page.setStyleSheet(stylesheet(window.colours))
    focus_ring.mark_styled(page)
    refresh_fonts([page, *page.findChildren(QWidget)])


def refresh_fonts(widgets: list[QWidget]) -> None:
    """Hand the app's font to these widgets again (call after their style sheet is set).

    Under a style sheet Qt does not pass a new application font on to widgets that already exist, so the
    Large text setting would reach only new windows. Widgets that set their own size (the session page's
    labels) are left alone; `relative_font` ones are scaled again.
    """
    app_font = QApplication.font()
    for widget in widgets:
        factor = widget.property("font_factor")
        if factor is not None:
            widget.setFont(font_for(float(factor), bool(widget.property("font_bold"))))
        elif not widget.testAttribute(Qt.WidgetAttribute.WA_SetFont) or widget.property("theme_font"):
            widget.setProperty("theme_font", True)
            widget.setFont(app_font)


def leave_tab_to_the_page(scroller: QWidget) -> None:
    """Tab goes to a page's own controls, never to its scroll area (window_fit.PageScroller); not in the
    first frame, as asking for a focus policy builds the `Qt` namespace's enums."""
    scroller.setFocusPolicy(Qt.FocusPolicy.NoFocus)


def show_muted(window: MainWindow, muted: bool) -> None:
    mute = window.actions["mute"]
    mute.setChecked(muted)
    mute.setText(_("Unmute") if muted else _("Mute"))
    mute.setToolTip(_("Sound is off: turn it on (M)") if muted else _("Turn the sound off (M)"))
    mute.setIcon(icon(window, "muted" if muted else "sound"))


def icon(window: MainWindow, kind: str) -> QIcon:
    return icons.icon(kind, window.colours.text)


def app_icon() -> QIcon:
    """The app's icon once assets/icons/selfmassage.svg exists; an empty icon until then."""
    path = assets_dir() / "icons" / "selfmassage.svg"
    return QIcon(str(path)) if path.is_file() else QIcon()
