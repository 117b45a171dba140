"""Notifications reach a real notification service (Debian's dunst) on a private session bus, with their
actions; choosing an action comes back to the app. No service on the bus: the notifier says so."""

from __future__ import annotations

from PySide6.QtDBus import QDBusConnection

from selfmassage.qt.notifier import SERVICE, DesktopNotifier


def service_up(bus: QDBusConnection) -> bool:
    return bool(bus.interface().isServiceRegistered(SERVICE).value())


def test_no_service_on_the_bus_means_no_notification(qtbot, bus):
    notifier = DesktopNotifier(bus)
    assert not notifier.available()
    assert not notifier.notify("Time for your massage", "Pick a routine.")


def test_the_notification_arrives_with_its_actions_and_an_action_comes_back(qtbot, desktop, bus):
    desktop.start_dunst()
    qtbot.waitUntil(lambda: service_up(bus), timeout=15_000)
    notifier = DesktopNotifier(bus, icon="/nowhere/selfmassage.svg")
    assert notifier.available()
    assert "actions" in notifier.capabilities()
    actions = [("default", "Open selfmassage"), ("start", "Start Classic"), ("later", "Later"),
               ("not-today", "Not today")]
    assert notifier.notify("Time for your massage", "Your plan has a session due today.", actions)
    qtbot.waitUntil(lambda: '"start": "Start Classic"' in desktop.printed(), timeout=10_000)
    printed = desktop.printed()
    assert "appname: 'selfmassage'" in printed
    assert "summary: 'Time for your massage'" in printed
    assert '"later": "Later"' in printed and '"not-today": "Not today"' in printed
    assert "desktop_entry: 'io.github.selfmassage.selfmassage'" in printed

    with qtbot.waitSignal(notifier.action_invoked, timeout=10_000) as chosen:
        desktop.dunstctl("context")  # the action menu; its "dmenu" picks "Start Classic"
    assert chosen.args == ["start"]


def test_a_click_on_the_notification_is_its_default_action(qtbot, desktop, bus):
    desktop.start_dunst()
    qtbot.waitUntil(lambda: service_up(bus), timeout=15_000)
    notifier = DesktopNotifier(bus)
    assert notifier.notify("Time for your massage", "Due today.", [("default", "Open selfmassage")])
    qtbot.waitUntil(lambda: "summary: 'Time for your massage'" in desktop.printed(), timeout=10_000)
    with qtbot.waitSignal(notifier.action_invoked, timeout=10_000) as chosen:
        desktop.dunstctl("action", "0")
    assert chosen.args == ["default"]
