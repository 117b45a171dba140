"""The routine editor's forms: the routine's own fields (name, tempo, profile, description) and the chosen
step's (stage, technique, area, time, intensity, variant, direction, note). They only show values; the
editor turns their signals into edits of the draft."""

from __future__ import annotations

from enum import StrEnum
from typing import TypeVar

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from selfmassage.core.editing import DraftState, DraftStep
from selfmassage.core.routine_format import MAX_AREA, MAX_NAME, MAX_NOTE, MAX_SECONDS
from selfmassage.core.techniques import (
    KNOWN_AREAS,
    TEMPO_MAX,
    TEMPO_MIN,
    Direction,
    Intensity,
    Profile,
    Stage,
    Technique,
    Variant,
)
from selfmassage.i18n import N_, _, ngettext, pgettext
from selfmassage.qt.a11y import describe
from selfmassage.qt.theme_style import inset_spin_text
from selfmassage.qt.wrapping_row import WrappingRow

# As the editor shows them (translated with _() there); the file keeps the English values.
PROFILE_LABELS = {Profile.STANDARD: N_("Standard"),
                  Profile.PREGNANCY: N_("Pregnancy (light techniques only)")}
VARIANT_LABELS = {
    Variant.TRANSVERSE: N_("Across the fibres"),
    Variant.PALM_EDGE: N_("Edge of the palm"),
    Variant.PALM_BASE: N_("Heel of the palm"),
    Variant.TWO_HANDS: N_("Two hands"),
}

# Left out of the file ("the area's own"), the area's flow for the technique applies (core.movement).
DIRECTION_LABELS = {
    None: N_("The area's own"),
    Direction.UP: N_("Up"),
    Direction.DOWN: N_("Down"),
    Direction.TOWARD_SPINE: N_("In toward the spine"),
    Direction.AWAY_FROM_SPINE: N_("Out from the spine"),
    Direction.CIRCLES: N_("In small circles, the area's way"),
}


def shown_area(area: str) -> str:
    """A step's area as the editor shows it: a known area in the language in use, your own words as typed."""
    return pgettext("area", area)


def area_key(text: str) -> str:
    """What the file keeps for `text` typed or picked in the area box: a known area's English name when it
    is that area's name in the language in use, else the text as it is (in English: always as it is)."""
    return next((area for area in KNOWN_AREAS if shown_area(area) == text), text)


class KeepUndoKeys(QObject):
    """Text fields have their own Ctrl+Z; the editor's undo must win so every edit undoes the same way."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            combo = event.keyCombination()
            control = combo.keyboardModifiers() & Qt.KeyboardModifier.ControlModifier
            if control and combo.key() in (Qt.Key.Key_Z, Qt.Key.Key_Y):
                event.ignore()
                return True
        return False


E = TypeVar("E", Stage, Technique, Intensity, Variant, Profile, Direction)


def _combo(items: list[tuple[str, StrEnum | None]]) -> QComboBox:
    """Items carry the enum's value: Qt keeps a StrEnum only as its plain string."""
    box = QComboBox()
    _may_narrow(box)
    for label, value in items:
        box.addItem(label, None if value is None else value.value)
    return box


def _text_room(box: QComboBox) -> int:
    """How wide the text is that `box`'s size hint has room for (MINIMUM_CONTENTS characters)."""
    return box.fontMetrics().horizontalAdvance("x") * box.minimumContentsLength()


def _may_narrow(box: QComboBox) -> None:
    """Its longest item is elided in a narrow window rather than holding the editor wider than the window."""
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(10)


def _select_data(box: QComboBox, value: StrEnum | None) -> None:
    index = box.findData(None if value is None else value.value)
    if index != box.currentIndex():
        box.setCurrentIndex(index)



def chosen(box: QComboBox, kind: type[E]) -> E | None:
    """The enum member a combo box made by `_combo` shows."""
    data = box.currentData()
    return None if data is None else kind(data)


class RoutineFields(QVBoxLayout):
    """Name, tempo and profile on one row (each under the other in a narrow window), the description below."""

    def __init__(self, owner: QWidget) -> None:
        super().__init__()
        self.setSpacing(8)
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(MAX_NAME + 20)  # room to see the "too long" message, not unbounded
        self.name_edit.setPlaceholderText(_("Give the routine a name"))
        describe(self.name_edit, _("Routine name"),
                 ngettext("Up to {n} character.", "Up to {n} characters.", MAX_NAME).format(n=MAX_NAME))
        self.tempo_spin = QSpinBox()
        self.tempo_spin.setRange(TEMPO_MIN, TEMPO_MAX)
        self.tempo_spin.setSuffix(_(" /min"))
        inset_spin_text(self.tempo_spin)
        self.tempo_spin.setToolTip(_("Rubbing tempo: movements a minute, clicked while you rub."))
        describe(self.tempo_spin, _("Rubbing tempo"), _("Movements a minute, {low} to {high}, clicked while "
                                                        "you rub.").format(low=TEMPO_MIN, high=TEMPO_MAX))
        self.profile_combo = _combo([(_(PROFILE_LABELS[p]), p) for p in Profile])
        # Two choices, both read whole: the row puts it under the name (its label above it) when narrow.
        self.profile_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        describe(self.profile_combo, _("Profile"),
                 _("Pregnancy allows light techniques only, 45 minutes at most."))
        self.description_edit = QPlainTextEdit()
        self.description_edit.setPlaceholderText(_("What it is for, in a line or two (optional)"))
        self.description_edit.setTabChangesFocus(True)  # Tab moves on, as in every other field
        describe(self.description_edit, _("Description"), _("What the routine is for, in a line or two; "
                                                            "optional."))
        self.description_edit.setFixedHeight(owner.fontMetrics().lineSpacing() * 3 + 24)
        self.name_edit.setMinimumWidth(160)
        row = WrappingRow(16)
        row.addLayout(_pair(_("Name"), self.name_edit), 1)
        settings = WrappingRow(16)
        settings.addLayout(_pair(_("Tempo"), self.tempo_spin))
        settings.addLayout(_pair(_("Profile"), self.profile_combo))
        row.addLayout(settings)
        self.addLayout(row)
        self.addLayout(_pair(_("Description"), self.description_edit, Qt.AlignmentFlag.AlignTop))

    def fill(self, state: DraftState) -> None:
        if self.name_edit.text() != state.name:
            self.name_edit.setText(state.name)
            self.name_edit.setCursorPosition(0)  # a long name reads from its start, as the note does
        if self.description_edit.toPlainText() != state.description:
            self.description_edit.setPlainText(state.description)
        if self.tempo_spin.value() != state.tempo:
            self.tempo_spin.setValue(state.tempo)
        _select_data(self.profile_combo, state.profile)


class StepForm(QGroupBox):
    """The chosen step's fields."""

    def __init__(self) -> None:
        super().__init__(_("Step"))
        self.setAccessibleName(_("The chosen step"))
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.form = form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # a label over its field when narrow
        self.stage_combo = _combo([(s.label, s) for s in Stage])
        self.technique_combo = _combo([(t.label, t) for t in Technique])
        self.area_combo = QComboBox()
        self.area_combo.setEditable(True)
        self.area_combo.addItems([shown_area(area) for area in KNOWN_AREAS])
        self.area_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        _may_narrow(self.area_combo)
        self.area_combo.lineEdit().setMaxLength(MAX_AREA + 20)
        self.area_combo.lineEdit().setPlaceholderText(_("Where on the body"))
        self.seconds_spin = QSpinBox()
        self.seconds_spin.setRange(1, MAX_SECONDS)
        self.seconds_spin.setSuffix(_(" s"))
        inset_spin_text(self.seconds_spin)
        self.intensity_combo = _combo([(i.label.capitalize(), i) for i in Intensity])
        self.variant_combo = _combo([(_("None"), None), *((_(VARIANT_LABELS[v]), v) for v in Variant)])
        self.variant_combo.setToolTip(_("How to squeeze; only squeezing steps have one."))
        self.direction_combo = _combo([(_(label), way) for way, label in DIRECTION_LABELS.items()])
        self.direction_combo.setToolTip(_("Which way your hands travel over the area"))
        self.note_edit = QLineEdit()
        self.note_edit.setMaxLength(MAX_NOTE + 20)
        self.note_edit.setPlaceholderText(_("What to do, in your words (optional)"))
        note_what = ngettext("What to do, in your words; up to {n} character.",
                             "What to do, in your words; up to {n} characters.", MAX_NOTE).format(n=MAX_NOTE)
        for widget, name, what in (
                (self.stage_combo, _("Stage"), _("Preparatory, medium deep, deep or final; stages go in that "
                                                 "order.")),
                (self.technique_combo, _("Technique"),
                 _("Stroking, rubbing, squeezing, kneading or vibration.")),
                (self.area_combo, _("Area"), _("Where on the body; pick one or type your own.")),
                (self.seconds_spin, _("Time"), _("Seconds for this step; rubbing and vibration 10 at most.")),
                (self.intensity_combo, _("Intensity"),
                 _("Light, moderate or firm; stroking is always light.")),
                (self.variant_combo, _("Variant"), _("How to squeeze; only squeezing steps have one.")),
                (self.direction_combo, _("Direction"),
                 _("Which way your hands travel. The area's own goes toward the heart for stroking and "
                   "squeezing.")),
                (self.note_edit, _("Note"), note_what)):
            describe(widget, name, what)
            form.addRow(name, widget)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._labels_above_when_narrow()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # Large text: the labels and the choices grew
            self._labels_above_when_narrow()

    def _labels_above_when_narrow(self) -> None:
        """Every label above its field once a field beside the labels would be too narrow for its longest
        choice (Large text, a narrow window, long Russian words): each choice is then read whole."""
        form = self.form
        labels = [form.labelForField(box) for box in self._boxes()]
        label_width = max((label.sizeHint().width() for label in labels if label is not None), default=0)
        margins = form.contentsMargins()
        beside = (self.contentsRect().width() - margins.left() - margins.right() - label_width
                  - max(0, form.horizontalSpacing()))
        policy = (QFormLayout.RowWrapPolicy.WrapAllRows if beside < self._widest_choice()
                  else QFormLayout.RowWrapPolicy.WrapLongRows)
        if form.rowWrapPolicy() != policy:
            form.setRowWrapPolicy(policy)

    def _boxes(self) -> list[QComboBox]:
        return [self.stage_combo, self.technique_combo, self.area_combo, self.intensity_combo,
                self.variant_combo, self.direction_combo]

    def _widest_choice(self) -> int:
        """The room the longest choice of any box needs, its arrow and frame included."""
        widest = 0
        for box in self._boxes():
            texts = [box.itemText(index) for index in range(box.count())]
            metrics = box.fontMetrics()
            text = max((metrics.horizontalAdvance(text) for text in texts), default=0)
            widest = max(widest, text + box.sizeHint().width() - _text_room(box))
        return widest

    def fill(self, step: DraftStep | None, index: int) -> None:
        """Show step number `index` (from 0); None: no step chosen."""
        if step is None:
            self.setTitle(_("Step"))
            return
        self.setTitle(_("Step {number}").format(number=index + 1))
        _select_data(self.stage_combo, step.stage)
        _select_data(self.technique_combo, step.technique)
        if area_key(self.area_combo.currentText()) != step.area:
            self.area_combo.setEditText(shown_area(step.area))
        if self.seconds_spin.value() != step.seconds:
            self.seconds_spin.setValue(step.seconds)
        _select_data(self.intensity_combo, step.intensity)
        _select_data(self.variant_combo, step.variant)
        self.variant_combo.setEnabled(step.technique is Technique.SQUEEZING)
        _select_data(self.direction_combo, step.direction)
        if self.note_edit.text() != step.note:
            self.note_edit.setText(step.note)
            self.note_edit.setCursorPosition(0)  # a long note reads from its start, not its end

def _pair(text: str, field: QWidget, align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignVCenter) -> WrappingRow:
    """A field with its label before it, or above it when there is no room beside."""
    pair = WrappingRow()
    pair.addWidget(_buddy(text, field), 0, align)
    pair.addWidget(field, 1)
    return pair


def _buddy(text: str, field: QWidget) -> QLabel:
    """A field's label, tied to it so assistive technology reads the two together."""
    label = QLabel(text)
    label.setBuddy(field)
    return label
