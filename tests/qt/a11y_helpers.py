"""What a screen reader gets from a page: the controls without a name or a description, and modal dialogs
looked at while they are open."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QTextEdit,
    QWidget,
)

INTERACTIVE = (QAbstractButton, QAbstractSlider, QComboBox, QLineEdit, QAbstractItemView, QAbstractSpinBox,
               QPlainTextEdit, QTextEdit, QProgressBar)


def painted_here(widget: QWidget) -> bool:
    """A widget that draws itself (the ring, the strip, the charts, the body map): a class of ours with a
    paintEvent of its own."""
    return any(cls.__module__.startswith("selfmassage.") and "paintEvent" in vars(cls)
               for cls in type(widget).__mro__)


def needs_words(widget: QWidget) -> bool:
    """Every control a person can use or reach with Tab, and every widget that draws its own picture."""
    return (isinstance(widget, INTERACTIVE) or bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
            or painted_here(widget))


def words(widget: QWidget) -> tuple[str, str]:
    """The accessible name and description, as assistive technology reads them through Qt."""
    face = QAccessible.queryAccessibleInterface(widget)
    assert face is not None, widget
    return face.text(QAccessible.Text.Name).strip(), face.text(QAccessible.Text.Description).strip()


def _label(widget: QWidget) -> str:
    text = getattr(widget, "text", None)
    shown = text() if callable(text) and isinstance(text(), str) else ""
    return f"{type(widget).__name__} {widget.objectName()!r} {shown!r}"


def checked_controls(root: QWidget) -> list[QWidget]:
    """The visible widgets under `root` (itself included) that must have a name and a description."""
    return [widget for widget in (root, *root.findChildren(QWidget))
            if widget.isVisible() and needs_words(widget)]


def without_words(root: QWidget) -> list[str]:
    """Each visible control under `root` that lacks an accessible name or description, with what it has."""
    missing = []
    for widget in checked_controls(root):
        name, description = words(widget)
        if not name or not description:
            missing.append(f"{_label(widget)}: name={name!r} description={description!r}")
    return missing


def while_modal(kind: type[QWidget], look: Callable[[Any], object]) -> list[object]:
    """Once a modal `kind` is open, call `look(dialog)` (which must close it); its result, or the exception
    it raised (the dialog is then rejected), lands in the list returned."""
    seen: list[object] = []

    def check() -> None:
        dialog = QApplication.activeModalWidget()
        # Active too: keys go to the active window, as they do when a person types.
        active = QApplication.activeWindow() is dialog
        if not isinstance(dialog, kind) or not dialog.isVisible() or not active:
            QTimer.singleShot(5, check)
            return
        try:
            seen.append(look(dialog))
        except Exception as exc:
            seen.append(exc)
            dialog.reject()  # type: ignore[attr-defined]

    QTimer.singleShot(0, check)
    return seen
