"""Care of the project file in the app: one message when a project opens read-only (for a damaged
one, the offer to restore one of its backups), SQLite's full check in the background, the recent
work checkpointed into the file after a quiet moment and on close, File > Save a copy and File >
Restore a backup…."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox, QWidget

from annotator.core.errors import AnnotatorError, DamagedProject
from annotator.gui.backup_restore import DamageChoice, ask_about_damage, choose_backup, restore_chosen
from annotator.gui.plain_text import message
from annotator.gui.reasons import error_message
from annotator.store import Project
from annotator.store.backup import BackupInfo
from annotator.store.copies import copy_project_file
from annotator.store.opening import full_check

log = logging.getLogger(__name__)
translate = QCoreApplication.translate
IDLE_CHECKPOINT_MS = 5000  # a quiet moment after the last change


def show_plain(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str) -> None:
    """A message box whose text is shown as written (file names and titles are never read as rich text)."""
    message(parent, icon, title, text)


def _chosen_backup(path: Path, damage: str, parent: QWidget | None, can_read: bool,
                   can_cancel: bool = True) -> BackupInfo | DamageChoice:
    """Ask what to do with the damaged project until the person chooses a backup, to read it, or to cancel."""
    while True:
        choice = ask_about_damage(path, damage, parent, can_read, can_cancel)
        if choice is not DamageChoice.RESTORE:
            return choice
        info = choose_backup(path, parent)
        if info is not None:
            return info


def offer_restore(project: Project, parent: QWidget | None) -> Project | None:
    """A project that opened read-only: say why once; for a damaged one, offer to restore one of its
    backups (and open that instead), to open it read-only, or to cancel. Returns the project to show."""
    path = project.path
    if not project.state.damaged:
        show_plain(parent, QMessageBox.Icon.Information, translate("FileCare", "Read-only project"),
                   translate("FileCare", "%1 is read-only (the file or its folder cannot be written to). It is "
                                         "open for reading only; to work in it, save a copy in a folder of your "
                                         "own (File > Save a copy).").replace("%1", path.name))
        return project
    chosen = _chosen_backup(path, project.state.damage, parent, can_read=True)
    if chosen is DamageChoice.READ_ONLY:
        return project
    project.close()
    if chosen is DamageChoice.CANCEL:
        return None
    restore_chosen(path, chosen, parent)
    return _reopen(path, parent)


def restore_refused_project(error: DamagedProject, parent: QWidget | None) -> Project | None:
    """A project too damaged to open at all: offer to restore one of its backups and open that; None
    when the person cancels (or the restored file cannot be opened either)."""
    path = Path(error.path)
    while True:
        chosen = _chosen_backup(path, error.damage, parent, can_read=False)
        if chosen is DamageChoice.CANCEL:
            return None
        if restore_chosen(path, chosen, parent):
            return _reopen(path, parent)


def _reopen(path: Path, parent: QWidget | None) -> Project | None:
    try:
        return Project.open(path, backup=False)
    except AnnotatorError as exc:
        show_plain(parent, QMessageBox.Icon.Critical, translate("FileCare", "Cannot open project"),
                   error_message(exc))
        return None


def restore_from_menu(window) -> bool:
    """File > Restore a backup…: replace the window's project by a backup the person chooses, then open it
    again in a new window. True when a backup was restored."""
    path, annotator, settings = window.project.path, window.annotator, window.settings
    info = choose_backup(path, window)
    if info is None:
        return False
    from annotator.gui.app import open_window

    window.close()  # the project must be closed before its file is replaced
    restored = restore_chosen(path, info, None)
    open_window(path, settings, annotator=annotator)
    return restored


def _mark_read_only(window) -> None:
    label = getattr(window, "read_only_label", None)
    if label is None:
        label = QLabel(window)
        label.setTextFormat(Qt.TextFormat.PlainText)
        window.statusBar().addPermanentWidget(label)
        window.read_only_label = label
    label.setText(translate("FileCare", "Damaged: read-only") if window.project.state.damaged
                  else translate("FileCare", "Read-only"))
    saved = getattr(window, "saved_label", None)
    if saved is not None:
        saved.setText("")  # nothing is saved in a read-only file


def _found_damage(window, damage: str) -> None:
    """The background check found damage the quick check on opening did not: stop writes, offer the backup."""
    if window.project.closed or not damage:
        return
    window.project.mark_damaged(damage)
    _mark_read_only(window)
    path, annotator, settings = window.project.path, window.annotator, window.settings
    chosen = _chosen_backup(path, damage, window, can_read=True, can_cancel=False)
    if not isinstance(chosen, BackupInfo):
        return
    from annotator.gui.app import open_window

    window.close()
    restore_chosen(path, chosen, None)
    open_window(path, settings, annotator=annotator)


def start_full_check(window):
    """Run SQLite's full integrity check on the window's project in the background."""
    path = window.project.path

    def done(result, error) -> None:
        if error is not None:
            log.warning("the full check of %s could not run: %s", path.name, error)
        elif result:
            _found_damage(window, result)

    return window.tasks.start("integrity", lambda progress, cancelled: full_check(path, cancelled), done)


def _checkpoint(window) -> None:
    if not window.project.closed:
        window.project.checkpoint()


def save_a_copy(window, out: str | None = None):
    """File > Save a copy: one complete, self-contained project file, written in the background."""
    if out is None:
        out, _ = QFileDialog.getSaveFileName(
            window, translate("FileCare", "Save a copy"), f"{window.project.path.stem}-copy.framing",
            translate("FileCare", "Framing Annotator projects (*.framing)"))
        if not out:
            return None
        if not out.endswith(".framing"):
            out += ".framing"
    source, target = window.project.path, Path(out)

    def done(result, error) -> None:
        if error is not None:
            show_plain(window, QMessageBox.Icon.Warning, translate("FileCare", "Save a copy"), error_message(error))
        else:
            window.statusBar().showMessage(translate("FileCare", "Copy saved as %1").replace("%1", str(result)), 8000)

    return window.tasks.start("save_copy", lambda progress, cancelled: copy_project_file(source, target), done,
                              title=translate("FileCare", "Saving a copy…"), dialog_parent=window)


def _add_save_copy_action(window) -> None:
    if "save_copy" in window.actions:
        return
    action = QAction(translate("FileCare", "Save a &copy…"), window)
    action.triggered.connect(lambda _checked=False: save_a_copy(window))
    export = window.actions.get("export")
    file_menu = window.menuBar().actions()[0].menu()
    following = None
    if export is not None:
        actions = file_menu.actions()
        following = actions[actions.index(export) + 1] if export in actions[:-1] else None
    file_menu.insertAction(following, action) if following is not None else file_menu.addAction(action)
    window.actions["save_copy"] = action


def _add_restore_action(window) -> None:
    if "restore_backup" in window.actions:
        return
    action = QAction(translate("FileCare", "&Restore a backup…"), window)
    action.triggered.connect(lambda _checked=False: restore_from_menu(window))
    save_copy = window.actions["save_copy"]
    file_menu = window.menuBar().actions()[0].menu()
    actions = file_menu.actions()
    following = actions[actions.index(save_copy) + 1] if save_copy in actions[:-1] else None
    file_menu.insertAction(following, action) if following is not None else file_menu.addAction(action)
    window.actions["restore_backup"] = action


def install_file_care(window) -> None:
    """Give a main window the care of its project file: read-only mark, full check, idle checkpoint, Save a
    copy, Restore a backup."""
    _add_save_copy_action(window)
    _add_restore_action(window)
    if window.project.read_only:
        _mark_read_only(window)
        return
    timer = QTimer(window)
    timer.setSingleShot(True)
    timer.setInterval(IDLE_CHECKPOINT_MS)
    timer.timeout.connect(lambda: _checkpoint(window))
    window.workspace.changed.connect(lambda _change: timer.start())
    start_full_check(window)
