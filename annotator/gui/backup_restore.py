"""Bringing a project back from one of its automatic backups: the question asked when a project is
damaged (restore a backup, open read-only, cancel), the list of backups with their dates to choose
from, and the restore itself (annotator.store.backup, as `annotator restore` does it)."""

from __future__ import annotations

import enum
import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QListWidget, QListWidgetItem, QMessageBox, QVBoxLayout, QWidget,
)

from annotator.core.errors import AnnotatorError
from annotator.gui.numbers import decimal
from annotator.gui.plain_text import message, plain_label
from annotator.store.backup import BackupInfo, list_backups, restore_backup

log = logging.getLogger(__name__)
translate = QCoreApplication.translate


class DamageChoice(enum.Enum):
    """What the person chose to do with a damaged project."""

    RESTORE = "restore"
    READ_ONLY = "read-only"
    CANCEL = "cancel"


def damage_question(path: Path, damage: str, parent: QWidget | None, can_read: bool,
                    can_cancel: bool = True) -> tuple[QMessageBox, dict]:
    """The message saying the project is damaged, and its buttons: Restore a backup…, Open read-only
    (when the file could be opened for reading), Cancel (when nothing is open yet). Returns the box and
    {button: DamageChoice}."""
    if can_read:
        text = translate("BackupRestore", "%1 is damaged (%2).\n\nIt can be opened read-only, to read and export "
                                          "what is still readable; nothing can be changed in it. Restoring a "
                                          "backup brings your work back as it was when the backup was made.")
    else:
        text = translate("BackupRestore", "%1 is too damaged to open (%2).\n\nRestoring a backup brings your work "
                                          "back as it was when the backup was made; the damaged file is kept "
                                          "beside it.")
    box = QMessageBox(QMessageBox.Icon.Warning, translate("BackupRestore", "Damaged project"),
                      text.replace("%1", path.name).replace("%2", damage), QMessageBox.StandardButton.NoButton, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    choices = {}
    restore = box.addButton(translate("BackupRestore", "Restore a backup…"), QMessageBox.ButtonRole.AcceptRole)
    choices[restore] = DamageChoice.RESTORE
    if can_read:
        label = (translate("BackupRestore", "Open read-only") if can_cancel
                 else translate("BackupRestore", "Keep it open read-only"))
        choices[box.addButton(label, QMessageBox.ButtonRole.ActionRole)] = DamageChoice.READ_ONLY
    if can_cancel or not can_read:
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        choices[cancel] = DamageChoice.CANCEL
        box.setEscapeButton(cancel)
    box.setDefaultButton(restore)
    return box, choices


def ask_about_damage(path: Path, damage: str, parent: QWidget | None, can_read: bool,
                     can_cancel: bool = True) -> DamageChoice:
    """Ask what to do with a damaged project (see damage_question)."""
    box, choices = damage_question(path, damage, parent, can_read, can_cancel)
    box.exec()
    return choices.get(box.clickedButton(), DamageChoice.READ_ONLY if can_read and not can_cancel
                       else DamageChoice.CANCEL)


def _size(n: int) -> str:
    if n < 1024 * 1024:
        return translate("BackupRestore", "%1 kB").replace("%1", decimal(n / 1024, 0))
    return translate("BackupRestore", "%1 MB").replace("%1", decimal(n / 1048576, 1))


def backup_entry(info: BackupInfo) -> str:
    """One backup as the list shows it: its local date and time, and its size."""
    when = info.created.astimezone().strftime("%Y-%m-%d %H:%M:%S")
    return translate("BackupRestore", "%1  (%2)").replace("%1", when).replace("%2", _size(info.size))


class BackupChooser(QDialog):
    """The backups of one project, newest first, with their dates: the chosen one is restored."""

    def __init__(self, path: Path, found: list[BackupInfo], parent: QWidget | None = None):
        super().__init__(parent)
        self.found = found
        self.setWindowTitle(self.tr("Restore a backup"))
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(self.tr("Backups of %1, newest first. The project is replaced by the backup you "
                                             "choose; the current file is kept beside it, named "
                                             "…before-restore….").replace("%1", path.name), self))
        layout.itemAt(0).widget().setWordWrap(True)
        self.backup_list = QListWidget(self)
        self.backup_list.setAccessibleName(self.tr("Backups"))
        for number, info in enumerate(found):
            item = QListWidgetItem(backup_entry(info))
            item.setData(Qt.ItemDataRole.UserRole, number)
            item.setToolTip(str(info.path))
            self.backup_list.addItem(item)
        self.backup_list.setCurrentRow(0)
        self.backup_list.itemDoubleClicked.connect(lambda _item: self.accept())
        layout.addWidget(self.backup_list)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Restore"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(480, 300)

    def chosen(self) -> BackupInfo | None:
        """The backup selected in the list."""
        item = self.backup_list.currentItem()
        return None if item is None else self.found[item.data(Qt.ItemDataRole.UserRole)]


def project_backups(path: Path) -> list[BackupInfo]:
    """The backups of the project at `path`, newest first ([] when none can be found)."""
    try:
        return list_backups(path)
    except AnnotatorError as exc:
        log.warning("the backups of %s cannot be listed: %s", path.name, exc)
        return []


def choose_backup(path: Path, parent: QWidget | None) -> BackupInfo | None:
    """Let the person choose one of the project's backups; None when there is none or they cancel."""
    found = project_backups(path)
    if not found:
        message(parent, QMessageBox.Icon.Warning, translate("BackupRestore", "No backup"),
                translate("BackupRestore", "No backup of %1 was found. A backup is made automatically each time a "
                                           "sound project is opened (the newest five are kept).")
                .replace("%1", path.name))
        return None
    chooser = BackupChooser(path, found, parent)
    return chooser.chosen() if chooser.exec() == QDialog.DialogCode.Accepted else None


def restore_chosen(path: Path, info: BackupInfo, parent: QWidget | None) -> bool:
    """Replace the project file by the backup `info` (closed in every window first); True when done."""
    try:
        saved = restore_backup(path, info.path)
    except AnnotatorError as exc:
        from annotator.gui.reasons import error_message

        message(parent, QMessageBox.Icon.Critical, translate("BackupRestore", "Restore failed"), error_message(exc))
        return False
    when = info.created.astimezone().strftime("%Y-%m-%d %H:%M")
    kept = (translate("BackupRestore", " The file it replaced is kept as %1.").replace("%1", str(saved))
            if saved is not None else "")
    message(parent, QMessageBox.Icon.Information, translate("BackupRestore", "Backup restored"),
            translate("BackupRestore", "The project was brought back as it was on %1.").replace("%1", when) + kept)
    return True
