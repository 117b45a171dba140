"""What desktops and software centres read: the desktop entry, the AppStream metainfo, the icons, the
Flatpak manifest and the wheel that carries them."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

from selfmassage import APP_ID, __version__
from selfmassage.store.menu_entry import PNG_SIZES

ROOT = Path(__file__).resolve().parents[1]
DESKTOP = ROOT / "assets" / "desktop" / f"{APP_ID}.desktop"
METAINFO = ROOT / "assets" / "desktop" / f"{APP_ID}.metainfo.xml"
MANIFEST = ROOT / "packaging" / f"{APP_ID}.json"


def test_the_app_id_is_reverse_dns_and_d_bus_safe():
    parts = APP_ID.split(".")
    assert len(parts) >= 3 and len(APP_ID) <= 255
    assert all(re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", part) for part in parts)


def test_the_shipped_desktop_entry_passes_desktop_file_validate():
    checked = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True,
                             check=False)
    assert checked.returncode == 0 and checked.stdout == "", checked.stdout + checked.stderr
    lines = DESKTOP.read_text(encoding="utf-8").splitlines()
    assert f"Icon={APP_ID}" in lines and "Exec=selfmassage" in lines


def test_the_metainfo_passes_appstreamcli_validate():
    checked = subprocess.run(["appstreamcli", "validate", "--no-net", "--pedantic", str(METAINFO)],
                             capture_output=True, text=True, check=False)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "pedantic" not in checked.stdout, checked.stdout


def test_the_metainfo_names_this_app_its_screenshots_and_this_release():
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == DESKTOP.name
    assert root.find("content_rating").get("type", "").startswith("oars-")
    images = [image.text for image in root.iter("image")]
    assert len(images) >= 3
    for url in images:
        assert (ROOT / "docs" / "screenshots" / url.rsplit("/", 1)[1]).is_file(), url
    assert root.find("releases/release").get("version") == __version__


def test_every_png_icon_is_the_svg_drawn_at_its_size(qapp):
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        from render_icons import render
    finally:
        sys.path.remove(str(ROOT / "tools"))
    from PySide6.QtGui import QImage

    for size in PNG_SIZES:
        shipped = QImage(str(ROOT / "assets" / "icons" / f"selfmassage-{size}.png"))
        assert (shipped.width(), shipped.height()) == (size, size)
        drawn = render(ROOT / "assets" / "icons" / "selfmassage.svg", size).convertToFormat(shipped.format())
        # A different Qt may round an edge pixel differently; a changed drawing moves many.
        differing = sum(shipped.pixel(x, y) != drawn.pixel(x, y) for x in range(size) for y in range(size))
        assert differing <= size * size // 100, f"{size}px: rerun tools/render_icons.py"


def test_the_flatpak_manifest_builds_this_app_from_pinned_wheels():
    manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
    assert manifest["app-id"] == APP_ID and manifest["command"] == "selfmassage"
    assert manifest["runtime"] in ("org.kde.Platform", "org.freedesktop.Platform")
    assert manifest["sdk"] == manifest["runtime"].replace("Platform", "Sdk")
    sources = [source for module in manifest["modules"] for source in module.get("sources", [])]
    downloads = [source for source in sources if "url" in source]
    assert all(re.fullmatch(r"[0-9a-f]{64}", source["sha256"]) for source in downloads)
    names = " ".join(source["url"].rsplit("/", 1)[1] for source in downloads).lower()
    pinned = re.search(r'"PySide6-Essentials([^"]*)"', (ROOT / "pyproject.toml").read_text()).group(1)
    assert "pyside6_essentials-" in names and "shiboken6-" in names and "platformdirs-" in names
    version = re.search(r"pyside6_essentials-([\d.]+)-", names).group(1)
    assert version not in re.findall(r"!=([\d.]+)", pinned)  # not a release pyproject.toml refuses
    commands = " ".join(manifest["modules"][-1]["build-commands"])
    for shipped in ("share/applications/${FLATPAK_ID}.desktop", "share/metainfo/",
                    "hicolor/scalable/apps/"):
        assert shipped in commands


def test_the_wheel_carries_the_assets_the_menu_entry_and_the_metainfo(tmp_path):
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                            "-q", "-w", str(tmp_path), str(ROOT)], capture_output=True, text=True,
                           timeout=300, check=False)
    assert built.returncode == 0, built.stderr[-800:]
    wheel = next(tmp_path.glob("selfmassage-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for wanted in (f"selfmassage/assets/desktop/{APP_ID}.desktop",
                   f"selfmassage/assets/desktop/{APP_ID}.metainfo.xml",
                   "selfmassage/assets/icons/selfmassage.svg",
                   *(f"selfmassage/assets/icons/selfmassage-{size}.png" for size in PNG_SIZES),
                   "selfmassage/assets/routines/classic-back-session.json",
                   "selfmassage/assets/voice/phrase-done.wav",
                   "selfmassage/assets/voice/ru/phrase-done.wav",
                   "selfmassage/assets/locale/ru/LC_MESSAGES/selfmassage.mo"):
        assert wanted in names, wanted
    # The installed copy, away from this source tree, finds its Russian catalogue and its missing-file words.
    installed = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(installed)
    env = {key: value for key, value in os.environ.items() if not key.startswith(("LANGUAGE", "LC_"))}
    env["LANG"] = "ru_RU.UTF-8"
    run_installed = ("import sys; sys.path.insert(0, sys.argv[1]); import selfmassage; "
                     "assert selfmassage.__file__.startswith(sys.argv[1]), selfmassage.__file__; "
                     "from selfmassage.cli import main; sys.exit(main(['stats', '--help']))")
    spoken = subprocess.run([sys.executable, "-I", "-c", run_installed, str(installed)], capture_output=True,
                            text=True, timeout=60, check=False, env=env, cwd=tmp_path)
    assert spoken.returncode == 0, spoken.stderr[-800:]
    assert spoken.stdout.startswith("использование: selfmassage stats")



def test_the_desktop_entry_speaks_russian_in_a_russian_menu():
    lines = DESKTOP.read_text(encoding="utf-8").splitlines()
    entry = dict(line.split("=", 1) for line in lines if "=" in line)
    for key in ("Name", "GenericName", "Comment", "Keywords"):
        russian = entry.get(f"{key}[ru]", "")
        assert re.search("[а-яё]", russian, re.IGNORECASE), key
    assert "selfmassage" in entry["Keywords[ru]"].split(";")  # found by its command's name too


def test_the_metainfo_says_everything_in_russian_too():
    root = ET.parse(METAINFO).getroot()
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    for tag in ("name", "summary", "description/p", "description/ul/li", "screenshots/screenshot/caption"):
        english = [element for element in root.findall(tag) if element.get(lang) is None]
        russian = [element for element in root.findall(tag) if element.get(lang) == "ru"]
        assert len(russian) == len(english) > 0, tag
        assert all(re.search("[а-яё]", element.text or "", re.IGNORECASE) for element in russian), tag
