"""The routine editor's bottom bar: Undo and Redo (with their keys), whether the routine is saved, Preview,
Start and Save."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from selfmassage.core.editing import RoutineDraft
from selfmassage.i18n import _
from selfmassage.qt.a11y import describe
from selfmassage.qt.wrapping_row import WrappingRow


class EditorBar(WrappingRow):
    """The actions are the editor's (`owner`'s): their keys work anywhere inside it. Undo and Redo with the
    state on the left, Preview, Start and Save on the right; in a narrow window the right ones go below."""

    def __init__(self, owner: QWidget, can_start: bool) -> None:
        super().__init__(12)
        self.undo_action = QAction(_("Undo"), owner)
        self.undo_action.setShortcut(QKeySequence("Ctrl+Z"))
        self.redo_action = QAction(_("Redo"), owner)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.save_action = QAction(_("Save"), owner)
        self.save_action.setShortcut(QKeySequence("Ctrl+S"))
        for action in (self.undo_action, self.redo_action, self.save_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            owner.addAction(action)
        for action, tip in ((self.undo_action, _("Undo the last change (Ctrl+Z)")),
                            (self.redo_action, _("Redo what you undid (Ctrl+Shift+Z)")),
                            (self.save_action, _("Save your changes (Ctrl+S)"))):
            action.setStatusTip(tip)
            action.setToolTip(tip)
        self.undo_button = QPushButton(_("Undo"))
        self.redo_button = QPushButton(_("Redo"))
        describe(self.undo_button, _("Undo"), _("Undo the last change (Ctrl+Z)."))
        describe(self.redo_button, _("Redo"), _("Redo what you undid (Ctrl+Shift+Z)."))
        self.undo_button.clicked.connect(self.undo_action.trigger)
        self.redo_button.clicked.connect(self.redo_action.trigger)
        self.status_label = QLabel()
        self.preview_button = QPushButton(_("Preview"))
        describe(self.preview_button, _("Preview"), _("Play the routine 10 times faster with its sounds. "
                                                      "Nothing is recorded."))
        self.preview_button.setToolTip(_("Play it 10 times faster with its sounds. Nothing is recorded."))
        self.start_button = QPushButton(_("Start"))
        describe(self.start_button, _("Start"), _("Start a session with this routine."))
        if not can_start:  # never setVisible(True) here: a button with no parent yet would open as a window
            self.start_button.hide()
        self.save_button = QPushButton(_("Save"))
        describe(self.save_button, _("Save"), _("Save your changes (Ctrl+S); errors must be fixed first."))
        self.save_button.setDefault(True)
        self.save_button.setProperty("primary", True)  # the page's main action, as Start on the picker
        self.save_button.clicked.connect(self.save_action.trigger)
        for button in (self.undo_button, self.redo_button, self.preview_button, self.start_button):
            button.setProperty("compact", True)
        self.status_label.setProperty("quiet", True)
        self.status_label.setWordWrap(True)  # two short lines beside Undo and Redo rather than a wider page
        editing, finishing = QHBoxLayout(), QHBoxLayout()
        editing.addWidget(self.undo_button)
        editing.addWidget(self.redo_button)
        editing.addWidget(self.status_label, 1)
        finishing.addStretch(1)
        finishing.addWidget(self.preview_button)
        finishing.addWidget(self.start_button)
        finishing.addWidget(self.save_button)
        self.addLayout(editing, 1)
        self.addLayout(finishing)

    def show_state(self, draft: RoutineDraft, *, editable: bool) -> None:
        """Enabled, named and worded for the draft as it is now."""
        self.undo_action.setEnabled(editable and draft.can_undo)
        self.redo_action.setEnabled(editable and draft.can_redo)
        self.undo_action.setText(_("Undo {change}").format(change=draft.undo_label.lower())
                                 if draft.undo_label else _("Undo"))
        self.redo_action.setText(_("Redo {change}").format(change=draft.redo_label.lower())
                                 if draft.redo_label else _("Redo"))
        self.undo_button.setEnabled(self.undo_action.isEnabled())
        self.redo_button.setEnabled(self.redo_action.isEnabled())
        blocked = not draft.can_save
        self.save_action.setEnabled(editable and draft.dirty and not blocked)
        self.save_button.setEnabled(self.save_action.isEnabled())
        self.save_button.setVisible(editable)
        self.start_button.setEnabled(not blocked)
        self.preview_button.setEnabled(bool(draft.steps) and draft.routine is not None)
        why = _("Fix the errors first.") if blocked else ""
        self.save_button.setToolTip(why or _("Save your changes (Ctrl+S)."))
        self.start_button.setToolTip(why or _("Start a session with this routine."))
        if not editable:
            self.status_label.setText(_("Built in: read only."))
        elif blocked:
            self.status_label.setText(_("Errors block saving."))
        elif draft.dirty:
            self.status_label.setText(_("Unsaved changes."))
        else:
            self.status_label.setText(_("Saved."))
