"""Care of the project file in the app: one message when a project opens read-only (for a damaged
one, the offer to restore the last good backup), SQLite's full check in the background, the recent
work checkpointed into the file after a quiet moment and on close, and File > Save a copy."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox, QWidget

from annotator.core.errors import AnnotatorError
from annotator.gui.plain_text import message
from annotator.store import Project
from annotator.store.backup import list_backups, restore_backup
from annotator.store.copies import copy_project_file
from annotator.store.opening import full_check

log = logging.getLogger(__name__)
translate = QCoreApplication.translate
IDLE_CHECKPOINT_MS = 5000  # a quiet moment after the last change


def show_plain(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str) -> None:
    """A message box whose text is shown as written (file names and titles are never read as rich text)."""
    message(parent, icon, title, text)


def _restore_newest(path: Path, parent: QWidget | None) -> bool:
    """Replace the damaged file by its newest sound backup; True when one was restored."""
    try:
        found = list_backups(path)
    except AnnotatorError:
        found = []
    for info in found:
        try:
            saved = restore_backup(path, info.path)
        except AnnotatorError as exc:
            log.warning("backup %s could not be restored: %s", info.path.name, exc)
            continue
        when = info.created.astimezone().strftime("%Y-%m-%d %H:%M")
        show_plain(parent, QMessageBox.Icon.Information, translate("FileCare", "Backup restored"),
                   translate("FileCare", "The project was brought back as it was on %1. The damaged file is kept "
                                         "as %2.").replace("%1", when).replace("%2", str(saved)))
        return True
    show_plain(parent, QMessageBox.Icon.Warning, translate("FileCare", "No backup"),
               translate("FileCare", "No sound backup of this project was found; it stays open read-only."))
    return False


def restore_question(path: Path, damage: str, parent: QWidget | None) -> tuple[QMessageBox, object]:
    """The message saying the project is damaged, and its button offering the last good backup."""
    box = QMessageBox(QMessageBox.Icon.Warning, translate("FileCare", "Damaged project"),
                      translate("FileCare", "%1 is damaged (%2).\n\nIt can be opened read-only, to read and export "
                                            "what is still readable; nothing can be changed in it. Restoring the "
                                            "last good backup brings your work back as it was then.")
                      .replace("%1", path.name).replace("%2", damage), QMessageBox.StandardButton.NoButton, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    restore = box.addButton(translate("FileCare", "Restore the last good backup"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(translate("FileCare", "Open read-only"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restore)
    return box, restore


def ask_to_restore(path: Path, damage: str, parent: QWidget | None) -> bool:
    """Tell the person the project is damaged and offer the last good backup; True when they choose it."""
    box, restore = restore_question(path, damage, parent)
    box.exec()
    return box.clickedButton() is restore


def offer_restore(project: Project, parent: QWidget | None) -> Project | None:
    """A project that opened read-only: say why once; for a damaged one, offer to restore the last good
    backup and open that instead. Returns the project to show."""
    path = project.path
    if not project.state.damaged:
        show_plain(parent, QMessageBox.Icon.Information, translate("FileCare", "Read-only project"),
                   translate("FileCare", "%1 is read-only (the file or its folder cannot be written to). It is "
                                         "open for reading only; to work in it, save a copy in a folder of your "
                                         "own (File > Save a copy).").replace("%1", path.name))
        return project
    if not ask_to_restore(path, project.state.damage, parent):
        return project
    project.close()
    _restore_newest(path, parent)
    try:
        return Project.open(path, backup=False)
    except AnnotatorError as exc:
        show_plain(parent, QMessageBox.Icon.Critical, translate("FileCare", "Cannot open project"), str(exc))
        return None


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
    if not ask_to_restore(path, damage, window):
        return
    from annotator.gui.app import open_window

    window.close()
    _restore_newest(path, None)
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
            show_plain(window, QMessageBox.Icon.Warning, translate("FileCare", "Save a copy"), str(error))
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


def install_file_care(window) -> None:
    """Give a main window the care of its project file: read-only mark, full check, idle checkpoint, Save a copy."""
    _add_save_copy_action(window)
    if window.project.read_only:
        _mark_read_only(window)
        return
    timer = QTimer(window)
    timer.setSingleShot(True)
    timer.setInterval(IDLE_CHECKPOINT_MS)
    timer.timeout.connect(lambda: _checkpoint(window))
    window.workspace.changed.connect(lambda _change: timer.start())
    start_full_check(window)
