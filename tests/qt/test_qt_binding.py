"""The Qt binding must keep Python's reference counts.

PySide6 6.12.0 on Python 3.11 drops a reference to None on every Qt call that returns nothing, and one to
True on every `dataChanged.emit`. None and True are not immortal before Python 3.12, so after a few thousand
edits in the routine editor the app aborts with "Fatal Python error: bool_dealloc" (or none_dealloc).
pyproject.toml leaves that release out; this test catches a binding that does it again.
"""

from __future__ import annotations

import gc
import sys

from PySide6.QtCore import QStringListModel
from PySide6.QtWidgets import QLabel

CALLS = 300


def test_calls_into_qt_keep_none_and_true_alive(qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    model = QStringListModel(["stroking", "rubbing"])
    gc.collect()
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(CALLS):
        label.setText("Rub the lower back")
        model.dataChanged.emit(model.index(0), model.index(1))
    gc.collect()
    # A healthy binding moves these by a handful either way; the broken one by one per call.
    assert sys.getrefcount(None) > none_before - CALLS // 10
    assert sys.getrefcount(True) > true_before - CALLS // 10
