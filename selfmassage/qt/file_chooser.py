"""Choosing a file to import from or export to. Where the desktop has no file chooser of its own (a bare X
session, a small window manager), Qt draws its own: that one opens here over the window and as big as the
screen lets it, with every column in view, as the app's other dialogs fit their screen (qt/dialog_fit.py).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtWidgets import QDialog, QFileDialog, QHeaderView, QSplitter, QTreeView, QWidget

from selfmassage.qt.window_fit import free_area

ROOMY = QSize(960, 640)  # enough for the files' four columns and the places beside them
SIDEBAR_SHARE = 0.2  # of the dialog's width, for Computer, Home and the folders beside the files
NAME_SHARE = 0.6  # of the files' list: the most a long file name takes before it is cut short


def file_to_open(parent: QWidget, title: str, directory: str, filters: str) -> str:
    """The file chosen to read, or "" when the person cancelled."""
    return _choose(parent, title, directory, filters, QFileDialog.AcceptMode.AcceptOpen)


def file_to_save(parent: QWidget, title: str, suggested: str, filters: str) -> str:
    """The file chosen to write (the chooser has asked before replacing one), or "" when cancelled."""
    return _choose(parent, title, suggested, filters, QFileDialog.AcceptMode.AcceptSave)


def _choose(parent: QWidget, title: str, where: str, filters: str, mode: QFileDialog.AcceptMode) -> str:
    dialog = QFileDialog(parent, title, where, filters)
    dialog.setObjectName("file_chooser")
    dialog.setAcceptMode(mode)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile if mode is QFileDialog.AcceptMode.AcceptOpen
                       else QFileDialog.FileMode.AnyFile)
    ChooserFit(dialog)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return ""
        chosen = dialog.selectedFiles()
        return chosen[0] if chosen else ""
    finally:
        dialog.deleteLater()


class ChooserFit(QObject):
    """Sizes Qt's own file dialog to its screen and places it over its window each time it shows (a
    desktop's native chooser never shows as a Qt widget, and places itself)."""

    def __init__(self, dialog: QFileDialog) -> None:
        super().__init__(dialog)
        self._dialog = dialog
        dialog.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._dialog and event.type() == QEvent.Type.Show:
            self.fit()
            QTimer.singleShot(0, self.fit)  # again once the desktop has framed it
        return False

    def fit(self) -> None:
        dialog = self._dialog
        parent = dialog.parentWidget()
        anchor = parent.window() if parent is not None else dialog
        area = free_area(anchor)
        frame = dialog.frameGeometry().size() - dialog.size()
        room = area.size() - frame
        dialog.setMaximumSize(room)
        dialog.setMinimumSize(dialog.minimumSize().boundedTo(room))
        dialog.resize(ROOMY.boundedTo(room).expandedTo(dialog.minimumSizeHint().boundedTo(room)))
        _share_the_width(dialog)
        middle = anchor.frameGeometry().center() if anchor is not dialog else area.center()
        outer = dialog.frameGeometry()
        x = max(area.left(), min(middle.x() - outer.width() // 2, area.right() + 1 - outer.width()))
        y = max(area.top(), min(middle.y() - outer.height() // 2, area.bottom() + 1 - outer.height()))
        dialog.move(x, y)


def _share_the_width(dialog: QFileDialog) -> None:
    """The places get a fixed share; each column of the files is as wide as what it holds, a long name at
    most NAME_SHARE of the list (the list then scrolls sideways), and the last column takes what is left."""
    dialog.layout().activate()  # the splitter's width for the dialog's new size
    splitter = dialog.findChild(QSplitter, "splitter")
    files = dialog.width()
    if splitter is not None and splitter.count() == 2:
        width = max(1, splitter.width())
        side = round(width * SIDEBAR_SHARE)
        splitter.setSizes([side, width - side])
        files = width - side
    tree = dialog.findChild(QTreeView, "treeView")
    if tree is not None:
        header = tree.header()
        header.setMaximumSectionSize(max(header.minimumSectionSize(), round(files * NAME_SHARE)))
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
