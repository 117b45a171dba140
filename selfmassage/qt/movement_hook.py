"""Puts the movement layer on the session's body map and keeps it in step with the session.

View ▸ Show movement turns it on or off; View ▸ Reduce motion (or a desktop that asks for less motion) keeps
the path and its arrow but stills the moving mark. Both are remembered settings. Added after the window's
first frame, like the other hooks; the layer and its drawing (movement_layer, movement_marks) are loaded
when the movement is first shown. (core.movement is in already: the rules use its directions.)
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QProcess

from selfmassage.core.events import (
    Paused,
    Resumed,
    SecondLeft,
    SessionFinished,
    SideStarted,
    SideSwitch,
    StepStarted,
    TempoBeat,
)
from selfmassage.core.movement import movement_for
from selfmassage.core.techniques import Side, Technique
from selfmassage.i18n import _

if TYPE_CHECKING:
    from selfmassage.core.routine import Step
    from selfmassage.qt.main_window import MainWindow
    from selfmassage.qt.movement_layer import MovementLayer
    from selfmassage.qt.session_driver import SessionDriver


def desktop_wants_less_motion() -> bool:
    """Whether the desktop asks for less motion. Qt 6.11 does not say (QStyleHints has no such hint), so
    this asks GNOME's own setting, where there is one; anything else means no. Through QProcess: Python's
    subprocess module would cost half a MiB of memory for this one question."""
    gsettings = shutil.which("gsettings")
    if gsettings is None:
        return False
    process = QProcess()
    process.start(gsettings, ["get", "org.gnome.desktop.interface", "enable-animations"])
    if not process.waitForFinished(1000):
        process.kill()
        process.waitForFinished(1000)
        return False
    answer = bytes(process.readAllStandardOutput().data()).decode(errors="replace")
    return process.exitCode() == 0 and answer.strip() == "false"


class MovementHook(QObject):
    def __init__(self, window: MainWindow, *,
                 desktop_less_motion: Callable[[], bool] = desktop_wants_less_motion) -> None:
        super().__init__(window)
        self.window = window
        self.layer: MovementLayer | None = None
        self._ask_desktop = desktop_less_motion
        self._desktop_says: bool | None = None  # asked once, when the first session starts
        self._driver: SessionDriver | None = None
        self._step: Step | None = None
        self._index = -1
        self._side: Side | None = None
        settings = window.settings
        view = window.menu("View")
        view.addSeparator()
        self.show_action = window.add_action("show_movement", _("Show movement"), self.set_shown, menu=view,
                                             tip=_("Show how your hands move on the body map"),
                                             checkable=True)
        self.less_action = window.add_action("reduce_motion", _("Reduce motion"), self.set_reduce_motion,
                                             menu=view, checkable=True,
                                             tip=_("Still pictures: the way to go, without the moving mark"))
        self.show_action.setChecked(settings.show_movement)
        self.less_action.setChecked(settings.reduce_motion)
        window.session_started.connect(self._session_started)

    # -- the settings ------------------------------------------------------------------------------
    @property
    def shown(self) -> bool:
        return self.show_action.isChecked()

    @property
    def less_motion(self) -> bool:
        if self.less_action.isChecked():
            return True
        if self._desktop_says is None:
            self._desktop_says = bool(self._ask_desktop())
        return self._desktop_says

    def set_shown(self, on: bool) -> None:
        self.window.settings.show_movement = bool(on)
        self._show_current()

    def set_reduce_motion(self, on: bool) -> None:
        self.window.settings.reduce_motion = bool(on)
        if self.layer is not None:
            self.layer.set_animated(not self.less_motion)

    # -- the session -------------------------------------------------------------------------------
    def _ensure_layer(self) -> MovementLayer | None:
        """The layer on the session's map, made (and its modules loaded) the first time it is shown."""
        body_map = getattr(getattr(self.window, "session_view", None), "body_map", None)
        if body_map is None:
            return None
        if self.layer is None or self.layer.parent() is not body_map:
            from selfmassage.qt.movement_layer import MovementLayer

            self.layer = MovementLayer(body_map)
            self.layer.set_animated(not self.less_motion)
        return self.layer

    def _session_started(self, driver: SessionDriver) -> None:
        self._driver, self._step, self._index, self._side = driver, None, -1, None
        driver.event.connect(self._event)
        if self.shown and self._ensure_layer() is not None:
            self.layer.set_animated(not self.less_motion)  # type: ignore[union-attr]

    def _event(self, event: object) -> None:
        if isinstance(event, StepStarted):
            self._step, self._index, self._side = event.step, event.index, None
            self._show_current()
        elif isinstance(event, SideStarted) and event.index == self._index:
            self._side = event.side
            self._show_current()
        layer = self.layer
        if layer is None:
            return
        if isinstance(event, SideSwitch):
            layer.clear()  # the hands move across; the right side's path comes with it
        elif isinstance(event, TempoBeat) and event.index == self._index:
            layer.beat()
        elif isinstance(event, SecondLeft) and event.index == self._index:
            layer.second()
        elif isinstance(event, Paused | Resumed):
            layer.set_running(isinstance(event, Resumed))
        elif isinstance(event, SessionFinished):
            self._step = None
            layer.set_running(False)
            layer.clear()

    def _show_current(self) -> None:
        step, driver = self._step, self._driver
        if driver is None:
            return
        if step is None or not self.shown:
            if self.layer is not None:
                self.layer.clear()
            return
        layer = self._ensure_layer()
        if layer is None:
            return
        # Paced by the session: rubbing's circles on its beats (a rubbing step has them), the rest on its
        # seconds; a step with "direction": "circles" but no beats moves its circles on the seconds too.
        layer.show_movement(movement_for(step, self._side), tempo=driver.routine.tempo,
                            paced=True, beats=step.technique is Technique.RUBBING)
        layer.set_running(driver.running and not driver.paused)


def add_movement(window: MainWindow, **options: Callable[[], bool]) -> MovementHook:
    return MovementHook(window, **options)
