"""Render the app icon's PNG sizes from assets/icons/selfmassage.svg, for the hicolor icon theme.

Menus and software centres that can't read SVG (and some that can but pick a PNG first) use these. They
are shipped in assets/icons/ so that installing the menu entry needs no Qt; tests/test_desktop_files.py
checks they match the SVG.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/render_icons.py     # writes assets/icons/*-N.png
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from selfmassage.store.menu_entry import PNG_SIZES  # noqa: E402


def render(svg: Path, size: int) -> object:
    """The SVG drawn on a transparent size×size QImage."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(svg)).render(painter)
    painter.end()
    return image


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path, default=ROOT / "assets" / "icons")
    args = parser.parse_args(argv)
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication([])  # QImage drawing needs one for its fonts
    svg = ROOT / "assets" / "icons" / "selfmassage.svg"
    for size in PNG_SIZES:
        target = args.out / f"selfmassage-{size}.png"
        if not render(svg, size).save(str(target)):  # type: ignore[attr-defined]
            print(f"render_icons: can't write {target}", file=sys.stderr)
            return 1
        print(target)
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
