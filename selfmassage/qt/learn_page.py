"""The Learn page: the five techniques, each shown moving on the body map, told in a few plain sentences, and
tried for 20 s on the legs with the same cues as a session.

Help ▸ Learn the techniques… and the Learn button beside Start open it (qt/learn_hook.py); the page, and
this module, are loaded the first time.
"Try it for 20 s" runs a one-step practice through the window's normal start (safety questions, sound,
voice, the session page); a practice is not kept in the history, and when it ends you are back here.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QHideEvent, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from selfmassage.core.lessons import BY_TECHNIQUE, LESSONS, PRACTICE_AREA, Lesson, practice_routine
from selfmassage.core.movement import movement_for
from selfmassage.core.routine import Step
from selfmassage.core.techniques import TEMPO_DEFAULT, Technique
from selfmassage.i18n import N_, _
from selfmassage.qt.body_map import BodyMap
from selfmassage.qt.button_flow import ButtonFlow
from selfmassage.qt.dialog_fit import scroll_words_down
from selfmassage.qt.movement_layer import MovementLayer
from selfmassage.qt.page_with_back import PageWithBack
from selfmassage.qt.pages import Page
from selfmassage.qt.theme import colours, relative_font, stylesheet
from selfmassage.qt.window_fit import words_column

LEARN_PAGE = Page.LEARN
TRY_TEXT = N_("Try it for 20 s")  # shown as _(TRY_TEXT)
_SUMMARY = {Technique.STROKING: N_("a light glide toward the heart"),
            Technique.RUBBING: N_("small circles, with the click"),
            Technique.SQUEEZING: N_("a slow press along the muscle"),
            Technique.KNEADING: N_("grip, press and roll"),
            Technique.VIBRATION: N_("quick, light taps")}
_ROWS = (("what", N_("What it is")), ("how", N_("How it moves")), ("firmness", N_("How firm")),
         ("how_long", N_("How long")), ("mistake", N_("Avoid")))
# The Try button's description, likewise.
_PRACTISE = {Technique.STROKING: N_("Practise stroking on your legs: 10 seconds on each, with the session's "
                                    "cues."),
             Technique.RUBBING: N_("Practise rubbing on your legs: 10 seconds on each, with the session's "
                                   "cues."),
             Technique.SQUEEZING: N_("Practise squeezing on your legs: 10 seconds on each, with the "
                                     "session's cues."),
             Technique.KNEADING: N_("Practise kneading on your legs: 10 seconds on each, with the session's "
                                    "cues."),
             Technique.VIBRATION: N_("Practise vibration on your legs: 10 seconds on each, with the "
                                     "session's cues.")}


class LearnPage(PageWithBack):
    practice_requested = Signal(object)  # Routine: the lesson's practice

    def __init__(self, parent: QWidget | None = None, *, high_contrast: bool = False,
                 animated: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("learn_page")
        self.setWindowTitle(_("Learn the techniques"))  # what a screen reader calls the page
        self.lesson: Lesson = LESSONS[0]
        heading = QLabel(_("Learn the techniques"), self)
        relative_font(heading, 1.9, bold=True)
        intro = QLabel(_("Five ways your hands move. Pick one to see it on the map, then try it on your "
                         "legs, where it is easy to learn."), self)
        intro.setWordWrap(True)

        self.list = QListWidget(self)
        self.list.setObjectName("technique_list")
        self.list.setAccessibleName(_("Techniques"))
        self.list.setAccessibleDescription(_("Pick a technique to see how it moves and read about it."))
        for lesson in LESSONS:
            summary = _(_SUMMARY[lesson.technique])
            item = QListWidgetItem(f"{lesson.title}\n{summary}")
            item.setToolTip(f"{lesson.title}: {summary}")  # the whole line, where a narrow list cuts it
            item.setData(Qt.ItemDataRole.UserRole, lesson.technique.value)
            self.list.addItem(item)
        relative_font(self.list, 1.15)
        self.list.setSpacing(4)
        self.list.setMinimumWidth(200)
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
        relative_font(self.title, 1.4, bold=True)
        self.title.setWordWrap(True)
        # Each caption over its sentences, not beside them: the card may be narrow (Large text, 800 px).
        grid = QVBoxLayout()
        grid.setSpacing(4)
        self.texts: dict[str, QLabel] = {}
        for key, caption in _ROWS:
            name = QLabel(_(caption), card)
            name.setProperty("quiet", True)
            name.setWordWrap(True)
            relative_font(name, 1.0, bold=True)
            text = QLabel(card)
            text.setWordWrap(True)
            relative_font(text, 1.1)
            text.setAccessibleName(_(caption))
            grid.addWidget(name)
            grid.addWidget(text)
            grid.addSpacing(8)
            self.texts[key] = text
        self.try_button = QPushButton(_(TRY_TEXT), card)
        self.try_button.setObjectName("try_button")
        self.try_button.setProperty("primary", True)
        self.try_button.setDefault(True)
        self.try_button.setMinimumHeight(48)
        relative_font(self.try_button, 1.2, bold=True)
        self.try_button.clicked.connect(lambda: self.practice_requested.emit(
            practice_routine(self.lesson.technique)))
        self.back_button = QPushButton(_("Back to routines"), card)
        self.back_button.setToolTip(_("Back to your routines (Esc)"))
        self.back_button.setAccessibleDescription(_("Back to the list of routines (Esc)"))
        self.back_button.clicked.connect(self.back_requested.emit)
        relative_font(self.back_button)  # the app's size, kept when Large text changes under its sheet
        self.done_note = QLabel(card)
        self.done_note.setObjectName("practice_done")
        self.done_note.setWordWrap(True)
        self.done_note.setProperty("accent", True)
        self.done_note.hide()
        buttons = ButtonFlow()  # side by side, or one over the other in a narrow card
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.try_button)
        # The sentences scroll in a small window; the buttons stay at the card's foot.
        scroller, words_layout = words_column("lesson_words", card, spacing=14)
        words_layout.addWidget(self.title)
        words_layout.addLayout(grid)
        words_layout.addStretch(1)
        scroll_words_down(scroller)
        card_layout = QVBoxLayout(card)
        card_layout.setContentsMargins(28, 24, 28, 24)
        card_layout.setSpacing(14)
        card_layout.addWidget(scroller, 1)
        card_layout.addWidget(self.done_note)
        card_layout.addLayout(buttons)

        columns = QHBoxLayout()
        columns.setSpacing(24)
        columns.addLayout(list_column, 3)
        columns.addWidget(self.body_map, 2)
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
            self.texts[key].setText(getattr(lesson, key))  # in the language in use
        demo = Step(lesson.stage, technique, PRACTICE_AREA, 10, intensity=lesson.intensity)
        self.layer.show_movement(movement_for(demo), tempo=TEMPO_DEFAULT)
        self.layer.set_running(self.isVisible())
        self.try_button.setAccessibleDescription(_(_PRACTISE[technique]))

    def wear_theme(self, high_contrast: bool) -> None:
        """Back as the picker draws its buttons: round, with the theme's edge (High contrast's white one too);
        compact, so the card keeps its width at 800 px in Large text."""
        self.back_button.setProperty("compact", True)
        self.back_button.setStyleSheet(stylesheet(colours(high_contrast)))

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
