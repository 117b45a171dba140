"""The routine editor's problem list: a heading that counts errors and warnings, then one row per problem
with its step, rule, what to do and a button for each one-click fix."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from selfmassage.core.editing import Fix
from selfmassage.core.problems import Problem
from selfmassage.i18n import N_, _, ngettext
from selfmassage.qt.a11y import describe
from selfmassage.qt.markup import escape
from selfmassage.qt.wrapping_row import WrappingRow


def problem_icon(widget: QWidget, problems: list[Problem]) -> QIcon:
    pixmap = QStyle.StandardPixmap
    which = pixmap.SP_MessageBoxCritical if any(p.is_error for p in problems) else pixmap.SP_MessageBoxWarning
    return widget.style().standardIcon(which)


def severity_word(problem: Problem) -> str:
    """'Error' or 'Warning', in the language in use."""
    return _("Error") if problem.is_error else _("Warning")


def problem_line(problem: Problem) -> str:
    # The rule id stays as it is, in every language: a stable key to look up (docs, the command line).
    return _("{severity} [{rule}]: {message}").format(severity=severity_word(problem), rule=problem.rule,
                                                       message=problem.message)


def problem_counts(problems: list[Problem] | tuple[Problem, ...]) -> str:
    """'1 error and 2 warnings', in the language in use; '' for none."""
    errors = sum(1 for p in problems if p.is_error)
    warnings = len(problems) - errors
    error_words = ngettext("{n} error", "{n} errors", errors).format(n=errors)
    warning_words = ngettext("{n} warning", "{n} warnings", warnings).format(n=warnings)
    if errors and warnings:
        return _("{errors} and {warnings}").format(errors=error_words, warnings=warning_words)
    return error_words if errors else warning_words if warnings else ""


HIDE, SHOW = N_("Hide problems"), N_("Show problems")


class ProblemRow(QFrame):
    """One problem: icon, where, rule id, what to do, and a button per one-click fix."""

    def __init__(self, problem: Problem, fixes: list[Fix], icon: QIcon,
                 on_fix: Callable[[Fix], None], on_show: Callable[[int], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.problem = problem
        self.setObjectName("problemRow")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 3, 6, 3)
        severity = severity_word(problem)
        mark = QLabel()
        mark.setPixmap(icon.pixmap(18, 18))
        mark.setToolTip(severity)
        mark.setAccessibleName(severity)
        layout.addWidget(mark, 0, Qt.AlignmentFlag.AlignVCenter)
        # "Step N" is a flat, underlined button rather than a link in the text: one Tab stop, and Space or
        # Enter shows the step, as a click does.
        self.show_button: QPushButton | None = None
        if problem.step is not None:
            self.show_button = QPushButton(_("Step {number}").format(number=problem.step))
            self.show_button.setFlat(True)
            self.show_button.setProperty("link", True)  # the window's sheet draws it as a link
            self.show_button.setAutoDefault(True)  # Enter presses it too
            self.show_button.setCursor(Qt.CursorShape.PointingHandCursor)
            font = self.show_button.font()
            font.setUnderline(True)
            self.show_button.setFont(font)
            describe(self.show_button, _("Show step {number}").format(number=problem.step),
                     f"{severity}: {problem.message}")
            self.show_button.clicked.connect(lambda _checked=False, step=problem.step: on_show(step - 1))
            layout.addWidget(self.show_button, 0, Qt.AlignmentFlag.AlignVCenter)
        where = "" if problem.step is not None else _("Routine") + " · "
        # The icon's shape and the word say how serious it is; the tint is only a third signal.
        self.text = text = QLabel(f"{where}<b>{severity}</b> · <b>{escape(problem.rule)}</b> — "
                                  f"{escape(problem.message)}")
        text.setWordWrap(True)
        policy = text.sizePolicy()  # keeps height-for-width, so a wrapped line is only as tall as it needs
        policy.setHorizontalPolicy(QSizePolicy.Policy.Expanding)
        text.setSizePolicy(policy)
        words = WrappingRow()  # the fixes under the words in a narrow window
        words.addWidget(text, 1)
        layout.addLayout(words, 1)
        self.fix_buttons: list[QPushButton] = []
        for fix in fixes:
            button = QPushButton(fix.label)
            button.setProperty("compact", True)
            button.setAccessibleName(fix.label)
            fixes_this = _("Fixes this error: {message}") if problem.is_error else _(
                "Fixes this warning: {message}")
            button.setAccessibleDescription(fixes_this.format(message=problem.message))
            button.clicked.connect(lambda _checked=False, fix=fix: on_fix(fix))
            words.addWidget(button, 0, Qt.AlignmentFlag.AlignVCenter)
            self.fix_buttons.append(button)



class ProblemList:
    """The heading and the scrolling rows, laid out by the editor; `show` fills them for some problems."""

    def __init__(self, owner: QWidget, on_fix: Callable[[Fix], None], on_show: Callable[[int], None]) -> None:
        self._owner = owner
        self._on_fix = on_fix
        self._on_show = on_show
        self._shown: tuple[Problem, ...] | None = None
        self.title = QLabel()
        self.title.setObjectName("problemsTitle")
        self.title.setWordWrap(True)
        # The list folds away, for the steps' room in a small window; the heading still counts them.
        self.fold_button = QPushButton(_(HIDE))
        self.fold_button.setObjectName("problemsFold")
        self.fold_button.setProperty("compact", True)
        self.fold_button.setCheckable(True)
        describe(self.fold_button, _(HIDE), _("Folds the list of problems away; press again to show it."))
        self.fold_button.toggled.connect(self._fold)
        self.header = QHBoxLayout()
        self.header.addWidget(self.title, 1)
        self.header.addWidget(self.fold_button, 0, Qt.AlignmentFlag.AlignTop)
        self.area = QScrollArea()
        self.area.setWidgetResizable(True)
        self.area.setFrameShape(QFrame.Shape.StyledPanel)
        self.area.setMaximumHeight(150)
        self.area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the links and fixes in it
        describe(self.area, _("Problems with this routine"),
                 _("Each problem with its step, rule and what to do."))
        self.holder = QWidget()
        self.layout = QVBoxLayout(self.holder)
        self.layout.setContentsMargins(2, 2, 2, 2)
        self.layout.setSpacing(0)
        self.area.setWidget(self.holder)
        self.rows: list[ProblemRow] = []

    def forget(self) -> None:
        """Draw the rows afresh next time, even for the same problems (another draft was opened)."""
        self._shown = None

    def show(self, problems: tuple[Problem, ...], fixes_for: Callable[[Problem], list[Fix]],
             after: QWidget) -> None:
        """The heading and a row per problem; Tab goes from `after` to each row's link and fixes."""
        if not problems:
            self.title.setText(_("No problems: this routine follows the guide."))
        else:
            errors = any(p.is_error for p in problems)
            rest = _("Fix the errors to save.") if errors else _("You can still save.")
            self.title.setText(f"<b>{problem_counts(problems)}</b>. {rest}")
        self.area.setVisible(bool(problems) and not self.fold_button.isChecked())
        self.fold_button.setVisible(bool(problems))
        if problems == self._shown:
            return
        self._shown = problems
        for row in self.rows:
            # Hidden and deleted where it is: a row set free of its parent becomes a window of its own,
            # which Qt may still show (a show was queued when it was added) and then close, taking the
            # keyboard focus away from the editor.
            row.hide()
            row.deleteLater()
        self.rows = []
        while self.layout.count():
            self.layout.takeAt(0)
        QWidget.setTabOrder(after, self.fold_button)
        before = self.fold_button
        for problem in problems:
            row = ProblemRow(problem, fixes_for(problem), problem_icon(self._owner, [problem]), self._on_fix,
                             self._on_show, self.holder)
            self.layout.addWidget(row)
            row.show()  # made inside its (maybe visible) parent: Qt shows such a child only when asked
            self.rows.append(row)
            for stop in ([row.show_button] if row.show_button else []) + row.fix_buttons:
                QWidget.setTabOrder(before, stop)
                before = stop
        self.layout.addStretch(1)
        self.fit()

    def _fold(self, folded: bool) -> None:
        self.area.setVisible(not folded and bool(self.rows))
        text = _(SHOW) if folded else _(HIDE)
        self.fold_button.setText(text)
        self.fold_button.setAccessibleName(text)

    def fit(self) -> None:
        """As tall as its rows at the width they have, up to about four of them; more rows scroll."""
        width = max(200, self.area.viewport().width() - 4)
        rows = sum(row.heightForWidth(width) if row.hasHeightForWidth() else row.sizeHint().height()
                   for row in self.rows)
        self.area.setFixedHeight(min(170, rows + 2 * self.area.frameWidth() + 4))
