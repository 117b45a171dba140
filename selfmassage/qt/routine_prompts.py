"""The questions the routines page asks (unsaved changes, delete, a name clash, a name, a file), as Qt's
standard dialogs. A test passes a subclass with set answers."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

from selfmassage.i18n import N_, _

FILE_FILTER = N_("Routine files (*.json);;All files (*)")


class Unsaved(StrEnum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


class Clash(StrEnum):
    REPLACE = "replace"
    RENAME = "rename"
    CANCEL = "cancel"


class Prompts:
    """The page's questions, as Qt's standard dialogs. Tests pass a subclass with set answers."""

    def __init__(self, parent: QWidget) -> None:
        self.parent = parent

    def unsaved(self, name: str) -> Unsaved:
        """`name`: the routine's, or "" when it has none yet."""
        question = (_("You changed “{name}”. Save your changes before you go on?").format(name=name) if name
                    else _("You changed this routine. Save your changes before you go on?"))
        answer = QMessageBox.question(
            self.parent, _("Unsaved changes"), question,
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return Unsaved.SAVE
        if answer == QMessageBox.StandardButton.Discard:
            return Unsaved.DISCARD
        return Unsaved.CANCEL

    def confirm_delete(self, name: str) -> bool:
        answer = QMessageBox.question(
            self.parent, _("Delete routine"), _("Delete “{name}”? You can't undo this.").format(name=name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def import_clash(self, name: str, new_name: str, can_replace: bool) -> Clash:
        box = QMessageBox(QMessageBox.Icon.Question, _("Routine already there"),
                          _("You already have a routine called “{name}”.").format(name=name),
                          parent=self.parent)
        replace = (box.addButton(_("Replace it"), QMessageBox.ButtonRole.DestructiveRole) if can_replace
                   else None)
        rename = box.addButton(_("Import as “{name}”").format(name=new_name),
                               QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(rename)
        box.exec()
        if replace is not None and box.clickedButton() is replace:
            return Clash.REPLACE
        return Clash.RENAME if box.clickedButton() is rename else Clash.CANCEL

    def ask_name(self, title: str, label: str, text: str) -> str | None:
        value, ok = QInputDialog.getText(self.parent, title, label, text=text)
        return value if ok else None

    def open_file(self) -> Path | None:
        path, _filter = QFileDialog.getOpenFileName(self.parent, _("Import a routine"), str(Path.home()),
                                                    _(FILE_FILTER))
        return Path(path) if path else None

    def save_file(self, suggested: str) -> Path | None:
        path, _filter = QFileDialog.getSaveFileName(self.parent, _("Export the routine"),
                                                    str(Path.home() / suggested), _(FILE_FILTER))
        return Path(path) if path else None

    def error(self, title: str, text: str) -> None:
        QMessageBox.warning(self.parent, title, text)
