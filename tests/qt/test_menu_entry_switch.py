"""History ▸ Add to the applications menu: the switch installs and removes the menu entry and icon."""

from __future__ import annotations

from selfmassage import APP_ID
from selfmassage.qt.menu_entry_switch import add_menu_entry_switch


def switch_in_menu(window):
    menu = window.menu("H&istory")
    return next(action for action in menu.actions() if action.text() == "Add to the applications menu")


def test_the_switch_adds_and_removes_the_menu_entry_and_its_icon(make_window, isolated_dirs):
    window = make_window()
    add_menu_entry_switch(window)
    switch = switch_in_menu(window)
    entry = isolated_dirs / "data" / "applications" / f"{APP_ID}.desktop"
    icon = isolated_dirs / "data" / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    assert not switch.isChecked()
    switch.trigger()
    assert switch.isChecked() and entry.is_file() and icon.is_file()
    switch.trigger()
    assert not switch.isChecked() and not entry.exists() and not icon.exists()


def test_the_switch_shows_an_entry_that_is_already_there(make_window, isolated_dirs):
    from selfmassage.store.menu_entry import install_menu_entry

    install_menu_entry(["/usr/bin/selfmassage"])
    window = make_window()
    add_menu_entry_switch(window)
    assert switch_in_menu(window).isChecked()


def test_a_menu_folder_that_cannot_be_written_says_so_and_stays_off(make_window, isolated_dirs, monkeypatch,
                                                                     tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    monkeypatch.setenv("XDG_DATA_HOME", str(blocker))
    window = make_window()
    switch = add_menu_entry_switch(window)
    switch.trigger()
    assert not switch.isChecked()
    assert window.statusBar().currentMessage().startswith("The menu entry can't be added at ")
