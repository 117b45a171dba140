"""Render the body map for a few areas, and the app icon, to PNGs, to look at them.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/render_bodymap.py OUT_DIR [--size WxH]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

# Run from a checkout without installing: the repo root goes first on the path.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

AREAS: tuple[str | None, ...] = (
    None,
    "neck",
    "collar zone",
    "shoulders",
    "shoulder blades",
    "along the spine",
    "lower back",
    "glutes",
    "legs",
    "whole back",
    "forearms",  # not on the map: shows no highlight
)


def _slug(area: str | None) -> str:
    return "none" if area is None else area.replace(" ", "-")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--size", default="240x480", help="widget size, WxH (default 240x480)")
    args = parser.parse_args(argv)
    width, height = (int(n) for n in args.size.lower().split("x"))

    from PySide6.QtCore import Qt
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer
    from PySide6.QtWidgets import QApplication

    from selfmassage.qt.body_map import BodyMap
    from selfmassage.resources import asset_path

    app = QApplication.instance() or QApplication([])
    args.out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for high_contrast in (False, True):
        widget = BodyMap(high_contrast=high_contrast)
        widget.resize(width, height)
        for area in AREAS if not high_contrast else (None, "lower back", "shoulders"):
            widget.set_area(area)
            path = args.out_dir / f"bodymap-{'hc-' if high_contrast else ''}{_slug(area)}.png"
            widget.grab().save(str(path))
            written.append(path)

    icon = QSvgRenderer(str(asset_path("icons", "selfmassage.svg")))
    for size in (16, 32, 64, 256):
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(QColor(Qt.GlobalColor.transparent))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        icon.render(painter)
        painter.end()
        path = args.out_dir / f"icon-{size}.png"
        image.save(str(path))
        written.append(path)
    del app
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
