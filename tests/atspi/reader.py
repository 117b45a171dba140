"""A screen reader's ears for the AT-SPI test; run by Debian's /usr/bin/python3 (pyatspi imports only there).

It listens on the session's AT-SPI bus as Orca does (announcements, focus) and answers one JSON command a
line on stdin with one JSON line on stdout:
  {"cmd": "tree"}     the app's showing objects: depth, role, name, description, states
  {"cmd": "heard"}    what arrived since the last "heard": announcements and focus changes, in order
  {"cmd": "apps"}     the names of the applications on the bus
"""

from __future__ import annotations

import json
import os
import select
import sys

import pyatspi
from gi.repository import GLib

APP = os.environ.get("READER_APP", "selfmassage")
STATES = {"focused": pyatspi.STATE_FOCUSED, "checked": pyatspi.STATE_CHECKED,
          "enabled": pyatspi.STATE_ENABLED, "focusable": pyatspi.STATE_FOCUSABLE,
          "selected": pyatspi.STATE_SELECTED, "showing": pyatspi.STATE_SHOWING,
          "active": pyatspi.STATE_ACTIVE}
heard: list[dict] = []


def _words(obj) -> dict:
    try:
        states = obj.getState()
        return {"role": obj.getRoleName(), "name": obj.name or "", "description": obj.description or "",
                "states": [word for word, state in STATES.items() if states.contains(state)]}
    except Exception as exc:  # an object that went away while we looked
        return {"role": "gone", "name": "", "description": str(exc), "states": []}


def _on_announcement(event) -> None:
    text = event.any_data if isinstance(event.any_data, str) else str(event.any_data)
    heard.append({"kind": "announcement", "text": text, **_where(event.source)})


def _where(obj) -> dict:
    words = _words(obj)
    return {"role": words["role"], "name": words["name"], "description": words["description"]}


def _on_focus(event) -> None:
    if event.detail1:
        heard.append({"kind": "focus", **_where(event.source)})


def _app():
    desktop = pyatspi.Registry.getDesktop(0)
    for index in range(desktop.childCount):
        app = desktop.getChildAtIndex(index)
        if app is not None and app.name == APP:
            return app
    return None


def _tree() -> list[dict]:
    app = _app()
    if app is None:
        return []
    nodes: list[dict] = []

    def walk(obj, depth: int) -> None:
        if len(nodes) > 3000:
            return
        words = _words(obj)
        nodes.append({"depth": depth, **words})
        if depth and "showing" not in words["states"]:
            return  # what is hidden is not read, nor anything inside it
        try:
            count = obj.childCount
        except Exception:
            return
        for index in range(count):
            try:
                child = obj.getChildAtIndex(index)
            except Exception:
                continue
            if child is not None:
                walk(child, depth + 1)

    walk(app, 0)
    return nodes


def _answer(line: str) -> dict:
    command = json.loads(line)["cmd"]
    if command == "tree":
        return {"tree": _tree()}
    if command == "heard":
        got = list(heard)
        heard.clear()
        return {"heard": got}
    if command == "apps":
        desktop = pyatspi.Registry.getDesktop(0)
        return {"apps": [desktop.getChildAtIndex(i).name for i in range(desktop.childCount)]}
    return {"error": f"unknown command {command!r}"}


def main() -> None:
    pyatspi.Registry.registerEventListener(_on_announcement, "object:announcement")
    pyatspi.Registry.registerEventListener(_on_focus, "object:state-changed:focused")
    context = GLib.MainContext.default()
    print(json.dumps({"ready": True}), flush=True)
    while True:
        while context.iteration(False):
            pass
        ready, _, _ = select.select([sys.stdin], [], [], 0.02)
        if not ready:
            continue
        line = sys.stdin.readline()
        if not line:
            return
        print(json.dumps(_answer(line)), flush=True)


if __name__ == "__main__":
    main()
