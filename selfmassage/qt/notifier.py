"""Desktop notifications through the freedesktop notification service (org.freedesktop.Notifications) on
the session bus, with QtDBus: GNOME, KDE, Xfce, dunst, mako and others all answer it.

PySide6 sends every Python int as a D-Bus int32, and `Notify` wants a uint32 id and a dict of variants, which
the server checks. So this module tells QtDBus the interface's shape itself: it exports the spec's
introspection data (with Qt's type annotation for the dict) on its own connection and reads it first;
QtDBus keeps one shape per interface name for the connection, and the proxy to the real service uses it.
The calls then carry the right types, and the service's answers (ActionInvoked, sent only to the connection
that made the notification) come back to this one.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence

from PySide6.QtCore import Q_ARG, Q_RETURN_ARG, SLOT, QMetaObject, QObject, Qt, Signal, Slot
from PySide6.QtDBus import QDBusConnection, QDBusInterface, QDBusMessage, QDBusVirtualObject

from selfmassage import APP_ID, resources

SERVICE = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
INTERFACE = "org.freedesktop.Notifications"
SHAPE_PATH = "/selfmassage/notifications_shape"
CALL_TIMEOUT_MS = 2000  # a notification service that hangs must not freeze the window for long

_SHAPE = f"""<interface name="{INTERFACE}">
  <method name="Notify">
    <arg name="app_name" type="s" direction="in"/>
    <arg name="replaces_id" type="u" direction="in"/>
    <arg name="app_icon" type="s" direction="in"/>
    <arg name="summary" type="s" direction="in"/>
    <arg name="body" type="s" direction="in"/>
    <arg name="actions" type="as" direction="in"/>
    <arg name="hints" type="a{{sv}}" direction="in"/>
    <annotation name="org.qtproject.QtDBus.QtTypeName.In6" value="QVariantMap"/>
    <arg name="expire_timeout" type="i" direction="in"/>
    <arg name="id" type="u" direction="out"/>
  </method>
  <method name="CloseNotification">
    <arg name="id" type="u" direction="in"/>
  </method>
  <method name="GetCapabilities">
    <arg name="capabilities" type="as" direction="out"/>
  </method>
</interface>
"""


class _Shape(QDBusVirtualObject):
    """Answers QtDBus's own question about the interface's shape; handles no calls."""

    def introspect(self, path: str) -> str:
        return _SHAPE

    def handleMessage(self, message: QDBusMessage, connection: QDBusConnection) -> bool:
        return False


class DesktopNotifier(QObject):
    """One notification at a time: `notify` replaces the last one, `close` takes it away."""

    action_invoked = Signal(str)  # the action's key; "default" for a click on the notification itself
    closed = Signal()

    def __init__(self, bus: QDBusConnection | None = None, *, app_name: str = "selfmassage",
                 icon: str = "", desktop_entry: str = APP_ID, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.bus = bus if bus is not None else QDBusConnection.sessionBus()
        self.app_name = app_name
        self.icon = icon
        self.desktop_entry = desktop_entry  # the menu entry's id: the desktop groups and styles by it
        self.shown_id = 0  # the service's id of the notification on screen; 0 for none
        self._proxy: QDBusInterface | None = None
        self._shape = _Shape(self)
        if not self.bus.isConnected():
            return
        self.bus.registerVirtualObject(SHAPE_PATH, self._shape)
        own = QDBusInterface(self.bus.baseService(), SHAPE_PATH, INTERFACE, self.bus)
        if own.isValid():
            self._proxy = QDBusInterface(SERVICE, PATH, INTERFACE, self.bus, self)
            self._proxy.setTimeout(CALL_TIMEOUT_MS)
        for name, slot in (("ActionInvoked", "_action_message(QDBusMessage)"),
                           ("NotificationClosed", "_closed_message(QDBusMessage)")):
            self.bus.connect(SERVICE, PATH, INTERFACE, name, self, SLOT(slot))

    def available(self) -> bool:
        """Whether a notification service runs on the session bus, or the bus can start one."""
        if self._proxy is None:
            return False
        bus = self.bus.interface()
        if bus.isServiceRegistered(SERVICE).value():
            return True
        names = self.bus.call(QDBusMessage.createMethodCall(
            "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus", "ListActivatableNames"),
            timeout=CALL_TIMEOUT_MS).arguments()
        return bool(names) and SERVICE in names[0]

    def capabilities(self) -> frozenset[str]:
        reply = self.bus.call(QDBusMessage.createMethodCall(SERVICE, PATH, INTERFACE, "GetCapabilities"),
                              timeout=CALL_TIMEOUT_MS)
        if reply.type() != QDBusMessage.MessageType.ReplyMessage or not reply.arguments():
            return frozenset()
        return frozenset(str(name) for name in reply.arguments()[0])

    def notify(self, summary: str, body: str, actions: Sequence[tuple[str, str]] = ()) -> bool:
        """Show a notification with `actions` as (key, label); False when no service took it."""
        if self._proxy is None:
            return False
        flat = [part for action in actions for part in action]
        try:
            new_id = QMetaObject.invokeMethod(
                self._proxy, "Notify", Qt.ConnectionType.DirectConnection, Q_RETURN_ARG("uint"),
                Q_ARG(str, self.app_name), Q_ARG("uint", self.shown_id), Q_ARG(str, self.icon),
                Q_ARG(str, summary), Q_ARG(str, body), Q_ARG("QStringList", flat),
                Q_ARG("QVariantMap", {"desktop-entry": self.desktop_entry}),
                Q_ARG(int, -1))
        except RuntimeError:  # the call could not be made at all
            return False
        error = self._proxy.lastError()
        if error.isValid() or not new_id:
            return False
        self.shown_id = int(new_id)
        return True

    def close(self) -> None:
        """Take the notification away (a session started: it is no longer needed)."""
        if self._proxy is None or not self.shown_id:
            return
        shown, self.shown_id = self.shown_id, 0
        with contextlib.suppress(RuntimeError):  # gone already: nothing to take away
            QMetaObject.invokeMethod(self._proxy, "CloseNotification", Qt.ConnectionType.DirectConnection,
                                     Q_ARG("uint", shown))

    @Slot(QDBusMessage)
    def _action_message(self, message: QDBusMessage) -> None:
        args = message.arguments()
        if len(args) == 2 and self.shown_id and int(args[0]) == self.shown_id:
            self.action_invoked.emit(str(args[1]))

    @Slot(QDBusMessage)
    def _closed_message(self, message: QDBusMessage) -> None:
        args = message.arguments()
        if args and self.shown_id and int(args[0]) == self.shown_id:
            self.shown_id = 0
            self.closed.emit()


def desktop_notifier(parent: QObject | None = None) -> DesktopNotifier:
    """The app's notifier on the session bus, with its icon (a file path; the name if it is missing)."""
    icon = resources.assets_dir() / "icons" / "selfmassage.svg"
    return DesktopNotifier(icon=str(icon) if icon.is_file() else APP_ID, parent=parent)
