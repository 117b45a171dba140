"""`--install-desktop` and `--uninstall-desktop`: selfmassage and its icon in the applications menu."""

from __future__ import annotations

import argparse

from selfmassage.cli.errors import EXIT_OK
from selfmassage.i18n import _
from selfmassage.store.menu_entry import entry_path, install_menu_entry, uninstall_menu_entry


def cmd_install_desktop(_args: argparse.Namespace) -> int:
    written = install_menu_entry()
    print(_("selfmassage is in your applications menu: {entry}, and its icon in {folder}.").format(
        entry=entry_path(), folder=written[0].parents[2]))
    return EXIT_OK


def cmd_uninstall_desktop(_args: argparse.Namespace) -> int:
    removed = uninstall_menu_entry()
    if not removed:
        print(_("selfmassage was not in your applications menu; nothing to remove."))
    for path in removed:
        print(_("removed {path}").format(path=path))
    return EXIT_OK
