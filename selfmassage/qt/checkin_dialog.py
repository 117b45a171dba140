"""The check-in after a session: how you feel (1–5), any signs of overdoing it, and a note.

Keys 1–5 choose the feeling from anywhere in the panel (except while typing the note); Tab and Space
do the rest; Enter in the note saves.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from selfmassage.core.checkin import CheckIn, Symptom
from selfmassage.core.safety import checkin_hint
from selfmassage.i18n import N_, _
from selfmassage.qt.a11y import announce, describe
from selfmassage.qt.button_flow import ButtonFlow
from selfmassage.qt.calm_style import (
    POINTS,
    SMALL_POINTS,
    apply_calm_style,
    calm_colours,
    heading,
    paragraph,
    sized_font,
)

FEELINGS: tuple[tuple[int, str], ...] = (
    (1, N_("Much worse")),
    (2, N_("Worse")),
    (3, N_("The same")),
    (4, N_("Better")),
    (5, N_("Much better")),
)
SYMPTOM_LABELS: dict[Symptom, str] = {
    Symptom.PAIN: N_("Pain"),
    Symptom.HEADACHE: N_("Headache"),
    Symptom.DIZZINESS: N_("Dizziness"),
    Symptom.NAUSEA: N_("Nausea"),
    Symptom.FATIGUE: N_("Tiredness"),
    Symptom.BODY_ACHES: N_("Body aches"),
    Symptom.DROWSINESS: N_("Drowsiness"),
}
STILL_BOTHERING = N_("Is it still bothering you?")
EASED_HINT = N_("Good. Now that it has eased, the preventive plan fits again: 1–2 sessions a week, to keep "
                "it that way.")
NOTE_MAX = 200
NUMBER_POINTS = 26
_PLAIN = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
_DIGIT_KEYS = {getattr(Qt.Key, f"Key_{feeling}"): feeling for feeling, _label in FEELINGS}


class _FeelingButton(QRadioButton):
    """A big number, readable from across the room, with its meaning underneath. A radio button drawn as a
    button: a screen reader says "radio button, 4 of 5, checked", one choice of a group."""

    def __init__(self, feeling: int, label: str) -> None:
        label = _(label)
        super().__init__()
        self.setProperty("choice", True)
        self.setProperty("role", "feeling")  # sized in the style sheet, which beats setMinimumSize
        self.setObjectName(f"feeling-{feeling}")
        self.setAccessibleName(f"{feeling}: {label}")
        self.setAccessibleDescription(_("How you feel compared with before: {feeling}. Press {key} "
                                        "to choose it from anywhere in the check-in.").format(
                                            feeling=label.lower(), key=feeling))
        self.setToolTip(_("{answer} (press {key})").format(answer=label, key=feeling))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 10, 4, 10)
        layout.setSpacing(2)
        self.number = QLabel(str(feeling))
        self.number.setProperty(POINTS, NUMBER_POINTS)
        self.number.setFont(sized_font(NUMBER_POINTS, bold=True))
        self.caption = QLabel(label)
        self.caption.setProperty(POINTS, SMALL_POINTS)
        self.caption.setFont(sized_font(SMALL_POINTS))
        self.caption.setWordWrap(True)  # "Much / better" where five in a row leave little room
        # As tall as the number and its words need (a radio button is sized for one line of text).
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        for part in (self.number, self.caption):
            part.setAlignment(Qt.AlignmentFlag.AlignCenter)
            part.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
            layout.addWidget(part)
        self.toggled.connect(self._restyle)

    def _restyle(self, on: bool) -> None:
        # A chosen button is filled; its words take the colour that reads on the fill.
        colours = calm_colours()
        color = colours.accent_text if on else colours.ink
        for part in (self.number, self.caption):
            part.setStyleSheet(f"color: {color};")

    def restyle(self) -> None:
        self._restyle(self.isChecked())


class CheckInPanel(QWidget):
    submitted = Signal(object)  # a CheckIn
    skipped = Signal()
    back_to_preventive = Signal()  # on the pain-relief plan, once it has eased

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        apply_calm_style(self)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # holds the keys 1–5; not a Tab stop
        self.setAccessibleName(_("How do you feel after your session"))
        self.setAccessibleDescription(_("Choose how you feel, tick any signs you noticed, add a note if you "
                                        "like, then Save. Keys 1 to 5 choose the feeling."))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(14)

        layout.addWidget(heading(_("How do you feel?")))
        layout.addWidget(paragraph(_("Compared with before your session. Press 1 to 5, or click."),
                                   muted=True))
        # One group, named by its question, so a screen reader says it as the focus comes in.
        self.feeling_box = describe(QFrame(), _("How do you feel? Compared with before your session"),
                                    _("One choice, 1 to 5. The arrow keys or the keys 1 to 5 choose."))
        feelings = QHBoxLayout(self.feeling_box)
        feelings.setContentsMargins(0, 0, 0, 0)
        feelings.setSpacing(10)
        self.feeling_group = QButtonGroup(self)
        self.feeling_group.setExclusive(True)
        self.feeling_buttons: dict[int, _FeelingButton] = {}
        for feeling, label in FEELINGS:
            button = _FeelingButton(feeling, label)
            self.feeling_group.addButton(button, feeling)
            self.feeling_buttons[feeling] = button
            feelings.addWidget(button, 1)
        layout.addWidget(self.feeling_box)

        layout.addSpacing(6)
        layout.addWidget(paragraph(_("Did you notice any of these?")))
        grid = ButtonFlow(spacing=24, right=False)  # as many to a row as fit
        self.symptom_boxes: dict[Symptom, QCheckBox] = {}
        for symptom, english in SYMPTOM_LABELS.items():
            label = _(english)
            box = QCheckBox(label)
            box.setObjectName(f"symptom-{symptom.value.replace(' ', '-')}")
            box.setAccessibleName(label)
            box.setAccessibleDescription(
                _("Tick if you noticed {sign} during or after the session.").format(sign=label.lower()))
            box.toggled.connect(self._update_hint)
            self.symptom_boxes[symptom] = box
            grid.addWidget(box)
        layout.addLayout(grid)
        self.hint = paragraph("")
        self.hint.setObjectName("hint")
        self.hint.setProperty("role", "hint")
        self.hint.setVisible(False)
        layout.addWidget(self.hint)

        layout.addWidget(self._build_eased())

        self.note = QLineEdit()
        self.note.setMaxLength(NOTE_MAX)
        self.note.setPlaceholderText(_("A note for yourself (optional)"))
        describe(self.note, _("A note for yourself, optional"),
                 _("Up to {count} characters, kept with this session. Enter saves the check-in.").format(
                     count=NOTE_MAX))
        self.note.returnPressed.connect(self._save)
        layout.addWidget(self.note)

        layout.addStretch(1)
        # Skip and Save in a row of their own: a page that shows the panel may keep the row in view
        # while the questions scroll (SummaryPage); `footer` then lives there.
        self.footer = QWidget()
        self.footer.setObjectName("checkin_footer")
        buttons = QHBoxLayout(self.footer)
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addStretch(1)
        self.skip_button = QPushButton(_("Skip"))
        describe(self.skip_button, _("Skip the check-in"), _("Nothing is kept about how you feel this time."))
        self.skip_button.setAutoDefault(False)
        self.skip_button.clicked.connect(self.skipped)
        self.save_button = QPushButton(_("Save"))
        self.save_button.setProperty("role", "primary")
        describe(self.save_button, _("Save how you feel"), _("Keeps your answers with this session."))
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self._save)
        buttons.addWidget(self.skip_button)
        buttons.addWidget(self.save_button)
        layout.addWidget(self.footer)

    def apply_look(self) -> None:
        """The app's look changed (High contrast, Large text) while the check-in shows."""
        apply_calm_style(self)
        if not self.isAncestorOf(self.footer):  # moved to the page's foot: restyled with the panel
            apply_calm_style(self.footer)
        for button in self.feeling_buttons.values():
            button.restyle()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        focused = self.focusWidget()
        if focused is not self and not self.isAncestorOf(focused):
            self.focus_first()  # so 1–5 work the moment the check-in appears

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Reaches here from the buttons and boxes; the note field keeps its digits for itself.
        feeling = _DIGIT_KEYS.get(Qt.Key(event.key()))
        if feeling is not None and event.modifiers() in _PLAIN:
            self.set_feeling(feeling)
            self.feeling_buttons[feeling].setFocus(Qt.FocusReason.ShortcutFocusReason)
            event.accept()
            return
        super().keyPressEvent(event)

    def set_feeling(self, feeling: int) -> None:
        self.feeling_buttons[feeling].setChecked(True)

    def _build_eased(self) -> QWidget:
        """The pain-relief plan's question: still bothering you? Hidden on the other plans."""
        self.eased_box = describe(QFrame(), _(STILL_BOTHERING),
                                 _("One choice: yes, still; or no, it has eased."))
        box = QVBoxLayout(self.eased_box)
        box.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(paragraph(_(STILL_BOTHERING)), 1)
        self.still_button = QRadioButton(_("Yes, still"))
        self.eased_button = QRadioButton(_("No, it has eased"))
        self.eased_group = QButtonGroup(self)
        for button in (self.still_button, self.eased_button):
            button.setProperty("choice", True)
            describe(button, f"{button.text()}: {_(STILL_BOTHERING)}", _("Tells whether the pain has eased."))
            self.eased_group.addButton(button)
            row.addWidget(button)
        box.addLayout(row)
        self.eased_hint = paragraph(_(EASED_HINT))
        self.eased_hint.setProperty("role", "hint")
        self.preventive_button = QPushButton(_("Go back to preventive"))
        describe(self.preventive_button, _("Go back to the preventive plan"),
                 _("1–2 sessions a week from now on."))
        self.preventive_button.setAutoDefault(False)
        self.preventive_button.clicked.connect(self.back_to_preventive)
        self.preventive_button.clicked.connect(lambda: self.preventive_button.setEnabled(False))
        box.addWidget(self.eased_hint)
        box.addWidget(self.preventive_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.eased_button.toggled.connect(self._show_eased)
        self._show_eased(False)
        self.eased_box.hide()
        return self.eased_box

    def ask_if_eased(self) -> None:
        """On the pain-relief plan: ask whether it still bothers you, and suggest preventive once it eased."""
        self.eased_box.show()

    def _show_eased(self, eased: bool) -> None:
        self.eased_hint.setVisible(eased)
        self.preventive_button.setVisible(eased)
        if eased:
            announce(self.eased_hint, _(EASED_HINT))

    def feeling(self) -> int | None:
        chosen = self.feeling_group.checkedId()
        return chosen if chosen != -1 else None

    def symptoms(self) -> frozenset[Symptom]:
        return frozenset(symptom for symptom, box in self.symptom_boxes.items() if box.isChecked())

    def check_in(self) -> CheckIn:
        return CheckIn(feeling=self.feeling(), symptoms=self.symptoms(), note=self.note.text().strip())

    def reset(self) -> None:
        """Clear every answer, for the next session."""
        self.feeling_group.setExclusive(False)
        for button in self.feeling_buttons.values():
            button.setChecked(False)
        self.feeling_group.setExclusive(True)
        for box in self.symptom_boxes.values():
            box.setChecked(False)
        self.note.clear()

    def focus_first(self) -> None:
        """Take the keyboard on the first choice (the chosen one, if any), so 1–5 and the arrows work at
        once; a focused choice shows a ring, a chosen one is filled."""
        chosen = self.feeling()
        self.feeling_buttons[chosen if chosen is not None else FEELINGS[0][0]].setFocus(
            Qt.FocusReason.OtherFocusReason)

    def _update_hint(self) -> None:
        text = checkin_hint(self.symptoms())
        self.hint.setText(text)
        self.hint.setAccessibleName(text)
        self.hint.setVisible(bool(text))
        announce(self.hint, text)  # the advice shows away from the focus: say it

    def _save(self) -> None:
        self.submitted.emit(self.check_in())
