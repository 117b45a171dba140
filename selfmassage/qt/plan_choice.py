"""The review's choice of plan: preventive, pain relief, or your own number of sessions a week.

Its controls sit straight in the row it is given, not in a box of their own: a box would clip the focus ring
drawn just outside them (qt/focus_ring.py)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QBoxLayout, QComboBox, QLabel, QSpinBox, QWidget

from selfmassage.core.plan import Plan, PlanKind
from selfmassage.i18n import _
from selfmassage.qt.a11y import describe
from selfmassage.qt.theme_style import inset_spin_text


class PlanChoice(QObject):
    picked = Signal(object)  # the Plan chosen

    def __init__(self, plan: Plan, parent: QWidget, row: QBoxLayout) -> None:
        super().__init__(parent)
        plan_label = QLabel(_("Your &plan:"), parent)
        row.addWidget(plan_label)
        self.plan_box = QComboBox(parent)
        # Its longest plan is elided rather than holding the page wider than a small window.
        self.plan_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.plan_box.setMinimumContentsLength(14)
        plan_label.setBuddy(self.plan_box)
        describe(self.plan_box, _("Your plan"),
                 _("How often you mean to massage; the chart compares each week with it."))
        self.plan_box.addItem(_("Preventive — 1–2 a week, in courses"), PlanKind.PREVENTIVE.value)
        self.plan_box.addItem(_("Pain relief — every other day at most"), PlanKind.PAIN_RELIEF.value)
        self.plan_box.addItem(_("Your own number a week"), PlanKind.CUSTOM.value)
        self.per_week_box = QSpinBox(parent)
        self.per_week_box.setRange(1, 7)
        inset_spin_text(self.per_week_box)
        self.per_week_box.setSuffix(" " + _("a week"))
        describe(self.per_week_box, _("Sessions a week"), _("Your own number of sessions a week, 1 to 7."))
        self.show_plan(plan)
        self.plan_box.currentIndexChanged.connect(self._picked)
        self.per_week_box.valueChanged.connect(self._picked)
        row.addWidget(self.plan_box, 1)
        row.addWidget(self.per_week_box)

    def show_plan(self, plan: Plan) -> None:
        """Show `plan` without telling anyone it was picked."""
        for box in (self.plan_box, self.per_week_box):
            box.blockSignals(True)
        self.plan_box.setCurrentIndex(self.plan_box.findData(plan.kind.value))
        self.per_week_box.setValue(plan.per_week)
        self.per_week_box.setVisible(plan.kind is PlanKind.CUSTOM)
        for box in (self.plan_box, self.per_week_box):
            box.blockSignals(False)

    def _picked(self) -> None:
        self.picked.emit(Plan(PlanKind(self.plan_box.currentData()), self.per_week_box.value()))
