"""A contact sheet: every page of the window at 1024x600 and 1920x1080, in Large text and High contrast.

tools/screenshots.py makes it (docs/screenshots/contact-sheet.png) with its other shots; `--keep DIR` also
keeps each picture at full size, to look at closely. The window must be allowed 1920x1080, so run it on a
screen at least that big:

    xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python tools/screenshots.py docs/screenshots
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEventLoop, QPoint, QRect, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QImage, QPainter
from PySide6.QtWidgets import QApplication, QWidget

SIZES = ((1024, 600), (1920, 1080))
THUMB_WIDTH = 480
LABEL_HEIGHT = 26


def _settle(milliseconds: int = 300) -> None:
    loop = QEventLoop()
    QTimer.singleShot(milliseconds, loop.quit)
    loop.exec()


def contact_sheet(window: QWidget, pages: list[tuple[str, Callable[[], QWidget]]], out: Path,
                  keep: Path | None = None) -> Path:
    """Each of `pages` (a name, and a function that brings the page up and returns what to grab) at each
    size, side by side in a row per page; saved as `out`. The window's look is the caller's to set."""
    rows: list[list[tuple[str, QImage]]] = []
    for name, bring_up in pages:
        row = []
        for width, height in SIZES:
            window.resize(width, height)
            shown = bring_up()
            _settle()
            image = shown.grab().toImage()
            tag = f"{name} {width}x{height}"
            if keep is not None:
                keep.mkdir(parents=True, exist_ok=True)
                image.save(str(keep / f"{name}-{width}x{height}.png"))
            row.append((tag, image))
        rows.append(row)
    thumb_heights = [max(round(image.height() * THUMB_WIDTH / image.width()) for _, image in row)
                     for row in rows]
    sheet = QImage(THUMB_WIDTH * len(SIZES) + 10 * (len(SIZES) + 1),
                   sum(thumb_heights) + (LABEL_HEIGHT + 10) * len(rows) + 10, QImage.Format.Format_RGB32)
    sheet.fill(QColor("#303030"))
    painter = QPainter(sheet)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    font = QFont(QApplication.font())
    font.setPixelSize(15)
    painter.setFont(font)
    painter.setPen(QColor("#ffffff"))
    y = 10
    for row, thumb_height in zip(rows, thumb_heights, strict=True):
        for column, (tag, image) in enumerate(row):
            x = 10 + column * (THUMB_WIDTH + 10)
            painter.drawText(QRect(x, y, THUMB_WIDTH, LABEL_HEIGHT), Qt.AlignmentFlag.AlignVCenter, tag)
            scaled = image.scaledToWidth(THUMB_WIDTH, Qt.TransformationMode.SmoothTransformation)
            painter.drawImage(QPoint(x, y + LABEL_HEIGHT), scaled)
        y += LABEL_HEIGHT + thumb_height + 10
    painter.end()
    sheet.save(str(out))
    return out
