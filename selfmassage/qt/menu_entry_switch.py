"""History ▸ "Add to the applications menu": a switch that installs or removes the menu entry and icon
(store/menu_entry.py), the same as `selfmassage --install-desktop` / `--uninstall-desktop`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction

from selfmassage.i18n import _, os_reason
from selfmassage.store import menu_entry

if TYPE_CHECKING:
    from selfmassage.qt.main_window import MainWindow

MENU = "H&istory"  # beside Start at login: both put selfmassage on the desktop


def add_menu_entry_switch(window: MainWindow) -> QAction:
    action = QAction(_("Add to the applications menu"), window)
    action.setObjectName("menu_entry_switch")
    action.setCheckable(True)
    action.setChecked(menu_entry.menu_entry_installed())
    action.setStatusTip(_("Put selfmassage, with its icon, in your desktop's applications menu"))

    def toggled(on: bool) -> None:
        if on == menu_entry.menu_entry_installed():
            return
        try:
            if on:
                menu_entry.install_menu_entry()
            else:
                menu_entry.uninstall_menu_entry()
        except OSError as exc:
            message = (_("The menu entry can't be added at {place} ({reason}).") if on
                       else _("The menu entry can't be removed at {place} ({reason})."))
            window.statusBar().showMessage(message.format(place=exc.filename or menu_entry.entry_path(),
                                                          reason=os_reason(exc)), 20_000)
        action.blockSignals(True)
        action.setChecked(menu_entry.menu_entry_installed())
        action.blockSignals(False)

    action.toggled.connect(toggled)
    window.menu(MENU).addAction(action)
    return action
