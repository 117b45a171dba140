"""The one way an action is made: its object name, its keys (working on every page of its window), and a
tooltip that names the first key."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget


def make_action(window: QWidget, name: str, text: str, slot: Callable[..., object], *,
                keys: str | list[str] = "", tip: str = "", checkable: bool = False,
                menu: QMenu | None = None) -> QAction:
    """A checkable action's slot gets the new state; any other's gets nothing."""
    action = QAction(text, window)
    action.setObjectName(f"{name}_action")
    keys = [keys] if isinstance(keys, str) else keys
    if keys and keys[0]:
        action.setShortcuts([QKeySequence(key) for key in keys])
    shown = QKeySequence(keys[0]).toString(QKeySequence.SequenceFormat.NativeText) if keys[0] else ""
    action.setToolTip(f"{tip or text.replace('…', '')} ({shown})" if shown else tip or text)
    action.setStatusTip(tip or text)
    action.setCheckable(checkable)
    if checkable:
        action.triggered.connect(slot)
    else:
        action.triggered.connect(lambda _checked=False: slot())
    window.addAction(action)  # shortcuts work on every page, menu bar hidden or not
    if menu is not None:
        menu.addAction(action)
    return action
