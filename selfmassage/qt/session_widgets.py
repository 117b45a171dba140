"""The small pieces the session page is built from: its labels and cards, the buttons' Enter key, labels
held at a fixed size, and the texts two parts of the page share."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QFont, QKeyEvent
from PySide6.QtWidgets import QFrame, QLabel, QToolButton, QWidget

from selfmassage.core.routine import Step, format_duration
from selfmassage.i18n import _


def pause_note(slept: bool) -> str:
    return _("Paused while the computer slept. Press Space to go on.") if slept \
        else _("Paused. Press Space to go on.")


def step_meta(number: int, count: int, step: Step) -> str:
    """'Step 2 of 9  ·  light pressure  ·  both sides': the line under the area, in the language in use."""
    detail = [_("Step {number} of {count}").format(number=number, count=count),
              _("{intensity} pressure").format(intensity=step.intensity.label)]
    if step.variant is not None:
        detail.append(step.variant.label)
    if step.both_sides:
        detail.append(_("both sides"))
    return "  ·  ".join(detail)


def progress_text(left: int, total: int) -> str:
    return _("{left} left of {total}").format(left=format_duration(left), total=format_duration(total))


@dataclass(frozen=True)
class SessionActions:
    """The main window's actions the page's buttons trigger."""

    back: QAction
    pause: QAction
    skip: QAction
    stop: QAction
    mute: QAction


def session_label(parent: QWidget, name: str, *, wrap: bool = False, quiet: bool = False,
           accent: bool = False) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    if quiet:
        label.setProperty("quiet", True)
    if accent:
        label.setProperty("accent", True)
    return label


class PressKeys(QObject):
    """Enter on a focused session button presses it (a tool button ignores Enter by itself).

    Space stays the window's pause key whatever has the focus: with eyes closed you can't know which
    button has it, and Space must always pause.
    """

    KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(watched, QToolButton) or not isinstance(event, QKeyEvent):
            return False
        plain = event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        if not plain or event.key() not in self.KEYS:
            return False
        if event.type() == QEvent.Type.ShortcutOverride:
            event.accept()  # the key is the button's, not the window shortcut's
            return True
        if event.type() == QEvent.Type.KeyPress:
            if not event.isAutoRepeat() and watched.isEnabled():
                watched.click()
            return True
        return event.type() == QEvent.Type.KeyRelease


def hold_size(label: QLabel, widest: str) -> None:
    """Fix `label` at the size `widest` needs, so a new text of that shape does not relayout the page.

    QLabel.setText asks the layouts above it to redo themselves unless the label's size is fixed: once a
    second, that measured every wrapped label of the page again, and the window with them.
    """
    shown = label.text()
    label.setMinimumSize(0, 0)  # QLabel's size hint is never below its minimum size
    label.setText(widest)
    size = label.sizeHint()
    label.setText(shown)
    label.setFixedSize(size)


def widest_digits(label: QLabel, text: str) -> str:
    """`text` with every digit made the font's widest, for a label whose digits change."""
    metrics = label.fontMetrics()
    widest = max("0123456789", key=metrics.horizontalAdvance)
    return "".join(widest if char.isdigit() else char for char in text)


def bold(widget: QWidget) -> None:
    font = QFont(widget.font())
    font.setBold(True)
    widget.setFont(font)


def card(parent: QWidget) -> QFrame:
    frame = QFrame(parent)
    frame.setProperty("card", True)
    return frame
