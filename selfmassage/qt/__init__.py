"""The window: the only package that imports Qt. It shows the core's state and forwards commands."""

from selfmassage.qt.feature_scan import scan_lightly

scan_lightly()  # before the window's modules are imported: see feature_scan
