"""The safety check before a session: a Yes/No answer to each question, then go ahead or ask a doctor.

Why Yes/No per question rather than one "None of these apply to me" box: each question gets read and
answered on purpose, "yes" is as easy to give as "no", and an unanswered question can't pass as a "no".
Keyboard: Y or N answers the question in focus and moves to the next one; Tab and Space work as usual.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from selfmassage.core import safety
from selfmassage.core.routine import Routine
from selfmassage.core.safety import SafetyQuestion
from selfmassage.core.techniques import Profile
from selfmassage.i18n import N_, _, ngettext
from selfmassage.qt.a11y import announce, name_inner_parts
from selfmassage.qt.calm_style import (
    apply_calm_style,
    bullet_html,
    bullet_list,
    heading,
    no_session_button,
    paragraph,
)
from selfmassage.qt.dialog_fit import BodyScroller, keep_on_screen
from selfmassage.qt.today_dialog import ask_today
from selfmassage.store.safety import SafetyStore

# Asks today's states (with a pregnancy routine's note); True when none applies.
TodayQuestion = Callable[..., bool]

KEYS_HINT = N_("Press Y for yes or N for no. Tab moves between questions.")


def _note_box(title: str, lines: tuple[str, ...], name: str) -> QFrame:
    box = QFrame()
    box.setProperty("role", "note")
    box.setObjectName(name)
    box.setAccessibleName(title)
    box.setAccessibleDescription(" ".join(lines))
    layout = QVBoxLayout(box)
    layout.setContentsMargins(18, 14, 18, 14)
    title_label = paragraph(title)
    font = title_label.font()
    font.setBold(True)
    title_label.setFont(font)
    layout.addWidget(title_label)
    layout.addWidget(bullet_list(lines))
    return box


class _QuestionRow(QFrame):
    """One question with its Yes and No buttons; nothing chosen until the person chooses."""

    changed = Signal()
    answered_by_key = Signal()

    def __init__(self, question: SafetyQuestion, number: int, total: int) -> None:
        super().__init__()
        self.question = question
        self.number = number
        self.setProperty("role", "card")
        # A group of two radio buttons, named by its question: read as "Question 3 of 9: … Yes / No".
        self.setAccessibleName(_("Question {number} of {count}: {question}").format(
            number=number, count=total, question=_(question.text)))
        self.setAccessibleDescription(_("Yes / No. Press Y or N."))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 10, 12, 10)
        layout.setSpacing(12)
        self.label = paragraph(f"{number}.  {_(question.text)}")
        if question.detail:
            words = QVBoxLayout()
            words.setSpacing(2)
            words.addWidget(self.label)
            self.detail = paragraph(_(question.detail), muted=True, points=12)
            words.addWidget(self.detail)
            layout.addLayout(words, 1)
        else:
            layout.addWidget(self.label, 1)
        self.yes = self._button(_("Yes"), "yes")
        self.no = self._button(_("No"), "no")
        layout.addWidget(self.yes)
        layout.addWidget(self.no)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.group.addButton(self.yes)
        self.group.addButton(self.no)
        self.group.buttonToggled.connect(lambda _button, _on: self.changed.emit())

    def _button(self, text: str, kind: str) -> QRadioButton:
        button = QRadioButton(text)
        button.setProperty("choice", True)  # drawn as a button (calm_style)
        button.setMinimumWidth(92)
        button.setObjectName(f"{self.question.id}-{kind}")
        button.setAccessibleName(text)
        button.setAccessibleDescription(" ".join(filter(None, (
            _(self.question.detail) if self.question.detail else "",
            _("Answer {answer} to question {number}. Press {key} to answer and go to the next "
              "question.").format(answer=text.lower(), number=self.number, key=text[0])))))
        button.setToolTip(_("{answer} (press {key})").format(answer=text, key=text[0]))
        button.installEventFilter(self)
        return button

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            letter = event.text().upper()[:1]
            # Y and N, and the answers' own first letters (Д and Н in Russian) on any keyboard layout.
            yes = key == Qt.Key.Key_Y or (letter != "" and letter == _("Yes")[:1].upper())
            if yes or key == Qt.Key.Key_N or (letter != "" and letter == _("No")[:1].upper()):
                self.set_answer(yes)
                self.answered_by_key.emit()
                return True
        return super().eventFilter(watched, event)

    def set_answer(self, yes: bool) -> None:
        (self.yes if yes else self.no).setChecked(True)

    def answer(self) -> bool | None:
        if self.yes.isChecked():
            return True
        if self.no.isChecked():
            return False
        return None


class SafetyDialog(QDialog):
    """The checklist. Accepted only when every answer is "no"; any "yes" shows the ask-a-doctor page."""

    answered = Signal(dict)  # {question id: yes?}, each time Continue is pressed

    def __init__(self, parent: QWidget | None = None, *, pregnancy: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Before you start — selfmassage"))
        self.setAccessibleName(_("Safety check before your session"))
        self.setAccessibleDescription(_("Answer yes or no to each question, then Continue."))
        self.setModal(True)
        apply_calm_style(self)
        self.resize(820, 780)  # as tall as the questions need, within the screen: keep_on_screen

        self.pages = QStackedWidget()
        self.questions_page = self._build_questions_page(pregnancy)
        self.stop_page = self._build_stop_page()
        self.pages.addWidget(self.questions_page)
        self.pages.addWidget(self.stop_page)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.pages)
        self._update_progress()
        name_inner_parts(self)
        self.fit = keep_on_screen(self)
        self.rows[0].yes.setFocus()

    # --- the questions -------------------------------------------------------------------------

    def _build_questions_page(self, pregnancy: bool) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(14)
        layout.addWidget(heading(_("Before you start")))
        # Everything between the heading and the buttons scrolls on a small screen.
        inner = QWidget()
        rows_layout = QVBoxLayout(inner)
        rows_layout.setContentsMargins(0, 0, 6, 0)
        rows_layout.setSpacing(8)
        rows_layout.addWidget(paragraph(_("A few questions about how you are today. Answer each one, "
                                          "so the massage is safe for you.")))
        self.pregnancy_note: QFrame | None = None
        if pregnancy:
            lines = tuple(_(line) for line in safety.PREGNANCY_NOTE)
            self.pregnancy_note = _note_box(_(safety.PREGNANCY_TITLE), lines, "pregnancy-note")
            rows_layout.addWidget(self.pregnancy_note)
        rows_layout.addSpacing(6)
        self.rows: list[_QuestionRow] = []
        for number, question in enumerate(safety.QUESTIONS, start=1):
            row = _QuestionRow(question, number, len(safety.QUESTIONS))
            row.changed.connect(self._update_progress)
            row.answered_by_key.connect(lambda row=row: self._focus_after(row))
            rows_layout.addWidget(row)
            self.rows.append(row)
        self.with_care_note = _note_box(_(safety.WITH_CARE_TITLE),
                                        tuple(_(line) for line in safety.WITH_CARE), "with-care-note")
        rows_layout.addSpacing(6)
        rows_layout.addWidget(self.with_care_note)
        rows_layout.addStretch(1)
        self.scroll = BodyScroller(inner)
        self.scroll.setAccessibleName(_("Safety questions"))
        self.scroll.setAccessibleDescription(
            _("{count} questions, each with a Yes and a No button.").format(count=len(self.rows)))
        layout.addWidget(self.scroll, 1)

        layout.addWidget(paragraph(_(KEYS_HINT), muted=True, points=12))
        buttons = QHBoxLayout()
        self.progress = paragraph("", muted=True)
        self.progress.setObjectName("progress")
        buttons.addWidget(self.progress, 1)
        self.cancel_button = QPushButton(_("Not now"))
        self.cancel_button.setAccessibleName(_("Not now: close without starting"))
        self.cancel_button.setAccessibleDescription(_("No session now; you are asked again next time."))
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        self.continue_button = QPushButton(_("Continue"))
        self.continue_button.setProperty("role", "primary")
        self.continue_button.setAccessibleName(_("Continue to your session"))
        self.continue_button.setAccessibleDescription(_("Works once every question has an answer."))
        self.continue_button.setDefault(True)  # Enter goes ahead once every question is answered
        self.continue_button.clicked.connect(self._continue)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.continue_button)
        layout.addLayout(buttons)
        return page

    def _focus_after(self, row: _QuestionRow) -> None:
        index = self.rows.index(row)
        if index + 1 < len(self.rows):
            following = self.rows[index + 1]
            following.yes.setFocus(Qt.FocusReason.TabFocusReason)
            self.scroll.ensureWidgetVisible(following)
        elif self.continue_button.isEnabled():
            self.continue_button.setFocus(Qt.FocusReason.TabFocusReason)

    def _update_progress(self) -> None:
        left = sum(1 for row in self.rows if row.answer() is None)
        self.continue_button.setEnabled(left == 0)
        if left == 0:
            text = _("All questions answered.")
        else:
            text = ngettext("{n} question left to answer.", "{n} questions left to answer.",
                            left).format(n=left)
        if text != self.progress.text() and self.progress.text():
            announce(self.progress, text)  # the count changes away from the focus
        self.progress.setText(text)
        self.progress.setAccessibleName(text)

    def answers(self) -> dict[str, bool]:
        """The answers given so far; unanswered questions are left out."""
        return {row.question.id: answer for row in self.rows if (answer := row.answer()) is not None}

    def set_answer(self, question_id: str, yes: bool) -> None:
        next(row for row in self.rows if row.question.id == question_id).set_answer(yes)

    def yes_button(self, question_id: str) -> QRadioButton:
        return next(row.yes for row in self.rows if row.question.id == question_id)

    def no_button(self, question_id: str) -> QRadioButton:
        return next(row.no for row in self.rows if row.question.id == question_id)

    def _continue(self) -> None:
        answers = self.answers()
        if len(answers) < len(self.rows):
            return  # the button is disabled then; a stray Enter does nothing
        self.answered.emit(answers)
        if safety.all_clear(answers):
            self.accept()
        else:
            self._show_stop(safety.yes_answers(answers))

    # --- the ask-a-doctor page -----------------------------------------------------------------

    def _build_stop_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(36, 36, 36, 28)
        layout.setSpacing(18)
        card = QFrame()
        card.setProperty("role", "card")
        card_layout = QVBoxLayout(card)
        card_layout.setContentsMargins(28, 24, 28, 24)
        card_layout.setSpacing(16)
        card_layout.addWidget(heading(_(safety.STOP_TITLE)))
        self.stop_message = paragraph(_(safety.STOP_MESSAGE))
        self.stop_message.setObjectName("stop-message")
        card_layout.addWidget(self.stop_message)
        self.yes_title = paragraph(_("You answered yes to:"))
        card_layout.addWidget(self.yes_title)
        self.yes_list = bullet_list(())
        self.yes_list.setObjectName("yes-list")
        card_layout.addWidget(self.yes_list)
        card_layout.addWidget(paragraph(_(safety.STOP_LATER), muted=True))
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addStretch(1)
        body_layout.addWidget(card)
        body_layout.addStretch(2)
        layout.addWidget(BodyScroller(body), 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.back_button = QPushButton(_("Change my answers"))
        self.back_button.setAccessibleName(_("Change my answers: back to the questions"))
        self.back_button.setAccessibleDescription(_("Your answers so far are kept."))
        self.back_button.setAutoDefault(False)
        self.back_button.clicked.connect(self._back_to_questions)
        self.close_button = no_session_button(_("Ask a doctor before your next massage."))
        self.close_button.clicked.connect(self.reject)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        return page

    def _show_stop(self, said_yes: tuple[SafetyQuestion, ...]) -> None:
        lines = tuple(_(question.text) for question in said_yes)
        self.yes_list.setText(bullet_html(lines))
        self.yes_list.setAccessibleName(_("You answered yes to:") + " " + " ".join(lines))
        self.pages.setCurrentWidget(self.stop_page)
        self.fit.refit()
        self.close_button.setDefault(True)
        self.close_button.setFocus()

    def _back_to_questions(self) -> None:
        self.pages.setCurrentWidget(self.questions_page)
        self.fit.refit()
        self.continue_button.setDefault(True)
        self.continue_button.setFocus()

    def showing_stop(self) -> bool:
        return self.pages.currentWidget() is self.stop_page


def ask_safety(
    parent: QWidget | None,
    store: SafetyStore,
    routine: Routine,
    *,
    now: datetime | None = None,
    force: bool = False,
    today: TodayQuestion | None = None,
) -> bool:
    """True to go ahead with the session.

    Before every session, today's states (one short screen, with a pregnancy routine's note); then the
    checklist when it is due (first session, 30 days, a standing "yes", a recheck asked for) or when `force`.
    """
    today = today or ask_today
    moment = now if now is not None else datetime.now().astimezone()
    if not today(parent, pregnancy=routine.profile is Profile.PREGNANCY):
        return False
    if force or store.needs_check(moment):
        dialog = SafetyDialog(parent)
        dialog.answered.connect(lambda answers: store.record(answers, moment))
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        answers = dialog.answers()
        dialog.deleteLater()
        return accepted and safety.all_clear(answers)
    return True


__all__ = ["SafetyDialog", "TodayQuestion", "ask_safety"]
