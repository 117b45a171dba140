"""The questions the routines page asks: unsaved changes, delete, a name clash, a new name and an error in
the window itself (selfmassage.qt.question_panel); a file in Qt's standard dialog. A test passes a subclass
with set answers."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from PySide6.QtWidgets import QLineEdit, QWidget

from selfmassage.i18n import N_, _
from selfmassage.qt.a11y import describe
from selfmassage.qt.file_chooser import file_to_open, file_to_save
from selfmassage.qt.question_panel import Answer, ask

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
    """The page's questions. Tests pass a subclass with set answers."""

    def __init__(self, parent: QWidget) -> None:
        self.parent = parent

    def unsaved(self, name: str) -> Unsaved:
        """`name`: the routine's, or "" when it has none yet."""
        question = (_("You changed “{name}”. Save your changes before you go on?").format(name=name) if name
                    else _("You changed this routine. Save your changes before you go on?"))
        answers = [Answer(Unsaved.SAVE, _("Save"), _("Save your changes, then go on."), primary=True),
                   Answer(Unsaved.DISCARD, _("Don't save"), _("Go on without your changes.")),
                   Answer(Unsaved.CANCEL, _("Cancel"), _("Stay here with your changes. Esc does this too."))]
        return Unsaved(ask(self.parent, _("Unsaved changes"), question, answers, default=Unsaved.SAVE,
                           escape=Unsaved.CANCEL))

    def confirm_delete(self, name: str) -> bool:
        answers = [Answer("delete", _("Delete"), _("Delete the routine's file.")),
                   Answer("keep", _("Keep it"), _("Keep the routine. Esc does this too."), primary=True)]
        question = _("Delete “{name}”? You can't undo this.").format(name=name)
        chosen = ask(self.parent, _("Delete routine"), question, answers, default="keep", escape="keep")
        return chosen == "delete"

    def import_clash(self, name: str, new_name: str, can_replace: bool) -> Clash:
        rename = _("Import as “{name}”").format(name=new_name)
        answers = [Answer(Clash.RENAME, rename, _("Keep both routines."), primary=True),
                   *([Answer(Clash.REPLACE, _("Replace it"), _("Your routine of that name is replaced."))]
                     if can_replace else []),
                   Answer(Clash.CANCEL, _("Cancel"), _("Import nothing. Esc does this too."))]
        return Clash(ask(self.parent, _("Routine already there"),
                         _("You already have a routine called “{name}”.").format(name=name), answers,
                         default=Clash.RENAME, escape=Clash.CANCEL))

    def ask_name(self, title: str, label: str, text: str) -> str | None:
        field = QLineEdit(text)
        field.selectAll()  # typing replaces the old name
        describe(field, label.rstrip(":"), _("Enter keeps the new name; Esc keeps the old one."))
        answers = [Answer("ok", _("OK"), _("Use this name."), primary=True),
                   Answer("cancel", _("Cancel"), _("Keep the name as it was. Esc does this too."))]
        chosen = ask(self.parent, title, label, answers, default="ok", escape="cancel", field=field)
        return field.text() if chosen == "ok" else None

    def open_file(self) -> Path | None:
        path = file_to_open(self.parent, _("Import a routine"), str(Path.home()), _(FILE_FILTER))
        return Path(path) if path else None

    def save_file(self, suggested: str) -> Path | None:
        path = file_to_save(self.parent, _("Export the routine"), str(Path.home() / suggested),
                            _(FILE_FILTER))
        return Path(path) if path else None

    def error(self, title: str, text: str) -> None:
        ask(self.parent, title, text, [Answer("ok", _("OK"), _("Close this message."), primary=True)],
            default="ok", escape="ok")
