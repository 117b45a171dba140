"""Accessibility helpers: names and descriptions for assistive technology, and for the parts Qt makes itself.

A screen reader reads a control's accessible name ("Start") and description ("Start the chosen routine").
Qt falls back to a button's text and a widget's tooltip, but not every control has either, and the parts
Qt adds inside a control (a spin box's text field, a table's column headings, a scroll area's bars) have
none; `name_inner_parts` names those after the control they belong to.

A label gets no accessible name of its own: on AT-SPI a QLabel has no text interface, so its name is all a
screen reader gets, and a fixed name ("Description") would hide the text it shows.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QScrollBar,
    QTableView,
    QWidget,
)

from selfmassage.core.routine import spoken_duration
from selfmassage.i18n import _

W = TypeVar("W", bound=QWidget)
__all__ = ["announce", "describe", "focus_first", "name_inner_parts", "spoken_duration"]


def announce(widget: QWidget, text: str, *, assertive: bool = False) -> None:
    """Have the screen reader say `text` (an AT-SPI object:announcement), politely unless `assertive`:
    for what changes without the focus moving (a step, a result, a counter)."""
    if not text or not QAccessible.isActive():
        return
    event = QAccessibleAnnouncementEvent(widget, text)
    politeness = QAccessible.AnnouncementPoliteness
    event.setPoliteness(politeness.Assertive if assertive else politeness.Polite)
    QAccessible.updateAccessibility(event)


def focus_first(page: QWidget) -> None:
    """Give the keyboard to the first control of `page` in Tab order, unless it is in the page already:
    after a page change or a dialog the focus must never be nowhere."""
    focused = QApplication.focusWidget()
    if focused is not None and page.isAncestorOf(focused) and focused.isVisible():
        return
    widget = page.nextInFocusChain()
    while widget is not None and widget is not page:
        if (page.isAncestorOf(widget) and widget.isVisible() and widget.isEnabled()
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus):
            widget.setFocus(Qt.FocusReason.TabFocusReason)
            return
        widget = widget.nextInFocusChain()


def describe(widget: W, name: str, description: str) -> W:
    """Give `widget` an accessible name and description; returns it, so it can wrap a constructor."""
    widget.setAccessibleName(name)
    widget.setAccessibleDescription(description)
    return widget


def _owner_name(widget: QWidget) -> str:
    return widget.accessibleName() or widget.toolTip() or widget.objectName() or _("this list")


def _name_if_empty(part: QWidget, name: str, description: str) -> None:
    if not part.accessibleName():
        part.setAccessibleName(name)
    if not part.accessibleDescription():
        part.setAccessibleDescription(description)


def name_inner_parts(root: QWidget) -> None:
    """Name the parts Qt builds inside controls under `root` (root included), after their owner.

    Call it once a page is built and its controls are named; parts that already have a name keep it.
    """
    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        if isinstance(widget, QAbstractSpinBox):
            inner = widget.findChild(QLineEdit)
            if inner is not None:
                _name_if_empty(inner, widget.accessibleName(), widget.accessibleDescription()
                               or _("Type a number, or use the arrow keys."))
        elif isinstance(widget, QComboBox):
            _name_if_empty(widget.view(), _("Choices for {owner}").format(owner=_owner_name(widget).lower()),
                           _("Up and Down move, Enter chooses, Esc closes the list."))
            if widget.isEditable() and widget.lineEdit() is not None:
                _name_if_empty(widget.lineEdit(), widget.accessibleName(), widget.accessibleDescription()
                               or _("Type, or press Alt+Down for the list."))
        if isinstance(widget, QTableView):
            owner = _owner_name(widget)
            _name_if_empty(widget.horizontalHeader(), _("Columns of {owner}").format(owner=owner.lower()),
                           _("The column headings."))
            _name_if_empty(widget.verticalHeader(), _("Rows of {owner}").format(owner=owner.lower()),
                           _("The row numbers."))
        if isinstance(widget, QAbstractScrollArea) and not isinstance(widget, QComboBox):
            owner = _owner_name(widget)
            for bar, moves in ((widget.verticalScrollBar(), _("Moves {owner} up and down; the keyboard "
                                                              "scrolls it too.")),
                               (widget.horizontalScrollBar(), _("Moves {owner} sideways; the keyboard "
                                                                "scrolls it too."))):
                if isinstance(bar, QScrollBar):
                    _name_if_empty(bar, _("Scroll {owner}").format(owner=owner.lower()),
                                   moves.format(owner=owner.lower()))
        if isinstance(widget, QAbstractItemView) and not widget.accessibleDescription():
            widget.setAccessibleDescription(_("Use the arrow keys to move through it."))
