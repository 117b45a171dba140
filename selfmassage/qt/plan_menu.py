"""The History menu's Plan submenu: preventive, pain relief, or your own number a week."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QSpinBox, QWidget

from selfmassage.core.plan import CUSTOM_MAX, CUSTOM_MIN, Plan, PlanKind, plan_from_settings
from selfmassage.i18n import _, ngettext
from selfmassage.qt.a11y import describe
from selfmassage.qt.question_panel import Answer, ask
from selfmassage.qt.theme_style import inset_spin_text
from selfmassage.store.settings import Settings


class PlanMenu(QObject):
    """Shows the plan in the settings; `chosen(Plan)` when the person picks another (nothing saved here)."""

    chosen = Signal(object)

    def __init__(self, parent_menu: QMenu, settings: Settings, dialog_parent: QWidget) -> None:
        super().__init__(parent_menu)
        self.settings = settings
        self._dialog_parent = dialog_parent
        menu = parent_menu.addMenu(_("Plan"))
        menu.menuAction().setStatusTip(_("How often you mean to massage"))
        group = QActionGroup(self)
        self.actions: dict[PlanKind, QAction] = {}
        for kind, text in ((PlanKind.PREVENTIVE, _("Preventive: 1–2 a week")),
                           (PlanKind.PAIN_RELIEF, _("Pain relief: every other day")),
                           (PlanKind.CUSTOM, _("Your own number a week…"))):
            action = QAction(text, self)
            action.setCheckable(True)
            action.setStatusTip(_("Your plan: {plan}").format(plan=text.rstrip("…").lower()))
            group.addAction(action)
            menu.addAction(action)
            self.actions[kind] = action
        for kind in (PlanKind.PREVENTIVE, PlanKind.PAIN_RELIEF):
            self.actions[kind].triggered.connect(
                lambda _checked=False, kind=kind: self.chosen.emit(Plan(kind)))
        self.actions[PlanKind.CUSTOM].triggered.connect(self.ask_custom_plan)
        self.show_plan()

    @property
    def plan(self) -> Plan:
        return plan_from_settings(self.settings.plan, self.settings.plan_per_week)

    def ask_custom_plan(self) -> None:
        number = QSpinBox()
        number.setRange(CUSTOM_MIN, CUSTOM_MAX)
        number.setValue(self.plan.per_week)
        inset_spin_text(number)
        describe(number, _("Sessions a week"), _("Up and Down change the number; Enter keeps it."))
        answers = [Answer("ok", _("OK"), _("Keep this number as your plan."), primary=True),
                   Answer("cancel", _("Cancel"), _("Keep the plan you had. Esc does this too."))]
        if ask(self._dialog_parent, _("Your own plan"), _("Sessions a week:"), answers, default="ok",
               escape="cancel", field=number) == "ok":
            self.chosen.emit(Plan(PlanKind.CUSTOM, number.value()))
        else:
            self.show_plan()

    def show_plan(self) -> None:
        plan = self.plan
        self.actions[plan.kind].setChecked(True)
        custom = self.actions[PlanKind.CUSTOM]
        custom.setText(ngettext("Your own: {n} a week…", "Your own: {n} a week…", plan.per_week).format(
            n=plan.per_week) if plan.kind is PlanKind.CUSTOM else _("Your own number a week…"))
