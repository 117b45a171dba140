"""The review page's frame in the window: a way back to the routines (the Back button, or Esc), and the
review itself, or a line saying why there is none."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from selfmassage.i18n import _
from selfmassage.qt.page_with_back import PageWithBack


class ReviewScreen(PageWithBack):
    """The review page with a way back to the routines: the Back button, or Esc."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("review_screen")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 12, 20, 0)
        layout.setSpacing(0)
        row = QHBoxLayout()
        self.back_button = QPushButton(_("Back to routines"), self)
        self.back_button.setToolTip(_("Back to your routines (Esc)"))
        self.back_button.setAccessibleName(_("Back to routines"))
        self.back_button.setAccessibleDescription(_("Back to the list of routines (Esc)"))
        self.back_button.clicked.connect(self.back_requested.emit)
        row.addWidget(self.back_button)
        row.addStretch(1)
        layout.addLayout(row)
        self._layout = layout
        self.content: QWidget | None = None

    def set_content(self, widget: QWidget) -> None:
        if self.content is not None:
            self._layout.removeWidget(self.content)
            self.content.deleteLater()
        self.content = widget
        widget.setParent(self)
        self._layout.addWidget(widget, 1)

    def show_message(self, text: str) -> None:
        label = QLabel(text, self)
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.set_content(label)
