"""`--install-desktop` and `--uninstall-desktop`: selfmassage and its icon in the applications menu."""

from __future__ import annotations

import argparse

from selfmassage.cli.errors import EXIT_OK
from selfmassage.store.menu_entry import entry_path, install_menu_entry, uninstall_menu_entry


def cmd_install_desktop(_args: argparse.Namespace) -> int:
    written = install_menu_entry()
    print(f"selfmassage is in your applications menu: {entry_path()}, "
          f"and its icon in {written[0].parents[2]}.")
    return EXIT_OK


def cmd_uninstall_desktop(_args: argparse.Namespace) -> int:
    removed = uninstall_menu_entry()
    if not removed:
        print("selfmassage was not in your applications menu; nothing to remove.")
    for path in removed:
        print(f"removed {path}")
    return EXIT_OK


def add_desktop_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--install-desktop", dest="handler", action="store_const", const=cmd_install_desktop,
                        help="add selfmassage and its icon to your applications menu")
    parser.add_argument("--uninstall-desktop", dest="handler", action="store_const",
                        const=cmd_uninstall_desktop, help="remove it from the menu again")
