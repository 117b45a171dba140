#!/usr/bin/env bash
# Installs what is missing for selfmassage on Debian/Ubuntu: system libraries, then a venv in .venv.
# Idempotent and quick when nothing changed, so both README commands can call it every time.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"

# libasound2-dev: simpleaudio builds from source. xvfb: real-window screenshots.
# The libxcb*/libegl/libxkbcommon ones: Qt's xcb platform plugin for a real window.
# tzdata: the time zones zoneinfo reads (weeks across daylight-saving changes, reminders).
# dbus-x11, at-spi2-core, python3-pyatspi, gir1.2-atspi-2.0, openbox, xdotool: the screen-reader test
# (tests/atspi) runs the app on a private accessibility bus, with a window manager, driven by keys.
# desktop-file-utils, appstream: the tests validate the desktop entry and the AppStream metainfo with them.
# dbus-daemon, dunst: the reminder tests run a private session bus with a real notification service.
apt_packages=(
    libasound2-dev gcc xvfb xauth
    libegl1 libgl1 libfontconfig1 libdbus-1-3 libglib2.0-0
    libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1
    libxcb-image0 libxcb-render-util0 libxcb-shape0 libxcb-randr0 libxcb-xkb1
    libxcb-xinerama0 libxcb-xfixes0 libxcb-shm0 libxcb-sync1 libxcb-util1 fonts-dejavu-core tzdata
    dbus-x11 at-spi2-core python3-pyatspi gir1.2-atspi-2.0 openbox xdotool
    desktop-file-utils appstream dbus-daemon dunst
)
missing=()
for p in "${apt_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
    echo "bootstrap: installing system packages: ${missing[*]}" >&2
    sudo_cmd=()
    [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
    "${sudo_cmd[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

python="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
    "$python" -m venv .venv
fi
# Reinstall only when the project's requirements changed.
stamp=.venv/.selfmassage-installed
want="$(sha256sum pyproject.toml | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    echo "bootstrap: installing Python packages into .venv" >&2
    .venv/bin/python -m pip install -q --upgrade pip
    .venv/bin/python -m pip install -q -e ".[test]"
    echo "$want" > "$stamp"
fi
