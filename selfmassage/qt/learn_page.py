"""The Learn page: the five techniques, each shown moving on the body map, told in a few plain sentences, and
tried for 20 s on the legs with the same cues as a session.

Help ▸ Learn the techniques… and the Learn button beside Start open it (qt/learn_hook.py); the page, and
this module, are loaded the first time.
"Try it for 20 s" runs a one-step practice through the window's normal start (safety questions, sound,
voice, the session page); a practice is not kept in the history, and when it ends you are back here.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QHideEvent, QKeyEvent, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from selfmassage.core.lessons import BY_TECHNIQUE, LESSONS, PRACTICE_AREA, Lesson
from selfmassage.core.movement import movement_for
from selfmassage.core.routine import Step
from selfmassage.core.techniques import TEMPO_DEFAULT, Technique
from selfmassage.qt.body_map import BodyMap
from selfmassage.qt.movement_layer import MovementLayer
from selfmassage.qt.pages import Page
from selfmassage.qt.theme import relative_font

LEARN_PAGE = Page.LEARN
TRY_TEXT = "Try it for 20 s"
_SUMMARY = {Technique.STROKING: "a light glide toward the heart",
            Technique.RUBBING: "small circles, with the click",
            Technique.SQUEEZING: "a slow press along the muscle",
            Technique.KNEADING: "grip, press and roll",
            Technique.VIBRATION: "quick, light taps"}
_ROWS = (("what", "What it is"), ("how", "How it moves"), ("firmness", "How firm"),
         ("how_long", "How long"), ("mistake", "Avoid"))


class LearnPage(QWidget):
    practice_requested = Signal(object)  # Technique
    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None, *, high_contrast: bool = False,
                 animated: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("learn_page")
        self.lesson: Lesson = LESSONS[0]
        heading = QLabel("Learn the techniques", self)
        relative_font(heading, 1.9, bold=True)
        intro = QLabel("Five ways your hands move. Pick one to see it on the map, then try it on your "
                       "legs, where it is easy to learn.", self)
        intro.setWordWrap(True)

        self.list = QListWidget(self)
        self.list.setObjectName("technique_list")
        self.list.setAccessibleName("Techniques")
        self.list.setAccessibleDescription("Pick a technique to see how it moves and read about it.")
        for lesson in LESSONS:
            item = QListWidgetItem(f"{lesson.title}\n{_SUMMARY[lesson.technique]}")
            item.setData(Qt.ItemDataRole.UserRole, lesson.technique.value)
            self.list.addItem(item)
        relative_font(self.list, 1.15)
        self.list.setSpacing(4)
        self.list.setMinimumWidth(280)
        self.list.setMaximumWidth(340)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        list_column = QVBoxLayout()
        list_column.addWidget(self.list)
        list_column.addStretch(1)
        self.list.currentRowChanged.connect(lambda row: self.show_technique(LESSONS[max(0, row)].technique))

        self.body_map = BodyMap(self, high_contrast=high_contrast)
        self.body_map.set_area(PRACTICE_AREA)
        self.layer = MovementLayer(self.body_map)
        self.layer.set_animated(animated)

        card = QFrame(self)
        card.setProperty("card", True)
        card.setFrameShape(QFrame.Shape.StyledPanel)
        card.setBackgroundRole(QPalette.ColorRole.Base)
        card.setAutoFillBackground(True)
        self.title = QLabel(card)
        self.title.setObjectName("lesson_title")
        relative_font(self.title, 1.7, bold=True)
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(10)
        self.texts: dict[str, QLabel] = {}
        for row, (key, caption) in enumerate(_ROWS):
            name = QLabel(caption, card)
            name.setProperty("quiet", True)
            name.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            relative_font(name, 1.1)
            text = QLabel(card)
            text.setWordWrap(True)
            relative_font(text, 1.1)
            text.setAccessibleName(caption)
            grid.addWidget(name, row, 0)
            grid.addWidget(text, row, 1)
            self.texts[key] = text
        grid.setColumnStretch(1, 1)
        self.try_button = QPushButton(TRY_TEXT, card)
        self.try_button.setObjectName("try_button")
        self.try_button.setProperty("primary", True)
        self.try_button.setDefault(True)
        self.try_button.setMinimumHeight(48)
        relative_font(self.try_button, 1.2, bold=True)
        self.try_button.clicked.connect(lambda: self.practice_requested.emit(self.lesson.technique))
        self.back_button = QPushButton("Back to routines", card)
        self.back_button.setToolTip("Back to your routines (Esc)")
        self.back_button.setAccessibleDescription("Back to the list of routines (Esc)")
        self.back_button.clicked.connect(self.back_requested.emit)
        self.done_note = QLabel(card)
        self.done_note.setObjectName("practice_done")
        self.done_note.setWordWrap(True)
        self.done_note.setProperty("accent", True)
        self.done_note.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.try_button)
        card_layout = QVBoxLayout(card)
        card_layout.setContentsMargins(28, 24, 28, 24)
        card_layout.setSpacing(14)
        card_layout.addWidget(self.title)
        card_layout.addLayout(grid)
        card_layout.addStretch(1)
        card_layout.addWidget(self.done_note)
        card_layout.addLayout(buttons)

        columns = QHBoxLayout()
        columns.setSpacing(24)
        columns.addLayout(list_column, 2)
        columns.addWidget(self.body_map, 3)
        columns.addWidget(card, 6)
        root = QVBoxLayout(self)
        root.setContentsMargins(32, 24, 32, 28)
        root.setSpacing(14)
        root.addWidget(heading)
        root.addWidget(intro)
        root.addLayout(columns, 1)
        QWidget.setTabOrder(self.list, self.back_button)
        QWidget.setTabOrder(self.back_button, self.try_button)
        self.list.setCurrentRow(0)
        self.show_technique(self.lesson.technique)

    def show_technique(self, technique: Technique) -> None:
        """The technique's demonstration on the legs and its sentences."""
        lesson = BY_TECHNIQUE[technique]
        self.lesson = lesson
        if self.list.currentRow() != LESSONS.index(lesson):
            self.list.setCurrentRow(LESSONS.index(lesson))
        self.title.setText(lesson.title)
        for key, _caption in _ROWS:
            self.texts[key].setText(getattr(lesson, key))
        demo = Step(lesson.stage, technique, PRACTICE_AREA, 10, intensity=lesson.intensity)
        self.layer.show_movement(movement_for(demo), tempo=TEMPO_DEFAULT)
        self.layer.set_running(self.isVisible())
        self.try_button.setAccessibleDescription(
            f"Practise {technique.value} on your legs: 10 seconds on each, with the session's cues.")

    def say_done(self, text: str) -> None:
        self.done_note.setText(text)
        self.done_note.setVisible(bool(text))

    def set_animated(self, on: bool) -> None:
        self.layer.set_animated(on)

    def _fit_list(self) -> None:
        # As tall as its five rows, no taller: an empty box below them would read as "more to come".
        gap = 2 * self.list.spacing()
        rows = sum(self.list.sizeHintForRow(row) + gap for row in range(self.list.count()))
        self.list.setFixedHeight(rows + 2 * self.list.frameWidth() + 4)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # Large text
            self._fit_list()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit_list()
        self.layer.set_running(True)  # the demonstration moves only while the page is in view

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self.layer.set_running(False)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.back_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)
