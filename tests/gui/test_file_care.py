"""The app and the project file: a damaged project offers the last good backup, the full check runs in
the background, recent work reaches the file when idle, and Save a copy."""

from __future__ import annotations

import sqlite3
from contextlib import closing

import pytest
from PySide6.QtWidgets import QMessageBox

from annotator.core.model import Span
from annotator.gui import app, file_care
from annotator.gui.backup_restore import DamageChoice
from annotator.store import backup as backups
from tests.store.file_faults import damage_page, table_root
from tests.store.test_backup_trust import spoil_an_index
from tests.store.test_opening_checks import sound_project


@pytest.fixture
def said(monkeypatch):
    messages: list[str] = []
    for name in ("critical", "warning", "information"):
        monkeypatch.setattr(QMessageBox, name, lambda *args, **kwargs: messages.append(args[2]))
    return messages


def count_spans(path) -> int:
    with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as conn:
        return conn.execute("SELECT count(*) FROM spans").fetchone()[0]


def test_a_damaged_project_offers_the_last_good_backup_and_restores_it(qtbot, tmp_path, settings, said, monkeypatch):
    path = sound_project(tmp_path / "p.framing", documents=5)
    backups.make_backup(path)
    damage_page(path, table_root(path, "documents"))
    asked = []
    monkeypatch.setattr(file_care, "ask_about_damage",
                        lambda p, damage, parent, can_read, can_cancel=True: asked.append(damage) or DamageChoice.RESTORE)
    monkeypatch.setattr(file_care, "choose_backup", lambda p, parent: backups.list_backups(p)[0])
    window = app.open_window(path, settings, annotator="ana")
    qtbot.addWidget(window)
    assert asked and window is not None
    assert not window.project.read_only and window.project.counts()["spans"] == 5
    assert any("brought back" in m for m in said)
    assert list(tmp_path.glob("p.before-restore-*.framing"))  # the damaged file is kept aside
    window.close()


def test_a_damaged_project_opened_read_only_says_so_and_refuses_writes(qtbot, tmp_path, settings, said, monkeypatch):
    path = sound_project(tmp_path / "p.framing", documents=5)
    damage_page(path, table_root(path, "codebook_history"))  # damage away from what the window reads
    monkeypatch.setattr(file_care, "ask_about_damage",
                        lambda p, damage, parent, can_read, can_cancel=True: DamageChoice.READ_ONLY)
    window = app.open_window(path, settings, annotator="ana")
    qtbot.addWidget(window)
    assert window.project.read_only and window.read_only_label.text() == "Damaged: read-only"
    assert window.tasks.tasks("backup") == []  # no backup of a damaged file
    assert window.document_list.model.rowCount() == 5  # what can be read is shown
    window.close()


def test_a_label_key_in_a_damaged_read_only_project_says_what_to_do_in_the_app_s_words(qtbot, qapp, tmp_path,
                                                                                        settings, monkeypatch):
    path = sound_project(tmp_path / "p.framing", documents=5)
    damage_page(path, table_root(path, "codebook_history"))
    monkeypatch.setattr(file_care, "ask_about_damage",
                        lambda p, damage, parent, can_read, can_cancel=True: DamageChoice.READ_ONLY)
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *rest: warned.append(text))
    window = app.open_window(path, settings, annotator="ana")
    qtbot.addWidget(window)
    window.document_list.view.setCurrentIndex(window.document_list.model.index(0, 0))
    workspace = window.workspace
    assert workspace.document is not None
    workspace.reader.select_range(5, 12)
    workspace.apply_label("loaded_term")
    assert warned == [f"{path}: is damaged, so nothing can be changed in it (it is open read-only); to get your "
                      "work back, choose File > Restore a backup…"]
    assert window.project.counts()["spans"] == 5  # nothing was written
    from annotator.gui.translation import install_translator

    assert install_translator(qapp, "fr")
    try:
        workspace.reader.select_range(5, 12)
        workspace.apply_label("loaded_term")
    finally:
        install_translator(qapp, "en")
    assert warned[1] == (f"{path}\xa0: est endommagé, rien ne peut donc y être modifié (il est ouvert en lecture "
                         "seule)\xa0; pour retrouver votre travail, choisissez Fichier > Restaurer une sauvegarde…")
    window.close()


def test_a_project_too_damaged_to_show_says_so_in_one_message(qtbot, tmp_path, settings, said, monkeypatch):
    path = sound_project(tmp_path / "p.framing", documents=5)
    damage_page(path, table_root(path, "documents"))
    monkeypatch.setattr(file_care, "ask_about_damage",
                        lambda p, damage, parent, can_read, can_cancel=True: DamageChoice.READ_ONLY)
    assert app.open_window(path, settings, annotator="ana") is None
    assert len(said) == 1 and "too damaged to show" in said[0] and "Restore a backup" in said[0]


def test_the_background_check_finds_damage_the_quick_check_missed(qtbot, tmp_path, settings, monkeypatch):
    path = sound_project(tmp_path / "p.framing", documents=3)
    spoil_an_index(path)
    offered = []
    monkeypatch.setattr(file_care, "ask_about_damage", lambda p, damage, parent, can_read, can_cancel=True:
                        offered.append(damage) or DamageChoice.READ_ONLY)
    window = app.open_window(path, settings, annotator="ana")
    qtbot.addWidget(window)
    assert not window.project.read_only  # the quick check on opening passes
    qtbot.waitUntil(lambda: bool(offered), timeout=20000)
    assert window.project.read_only and window.project.state.damaged
    with pytest.raises(Exception, match="is damaged"):
        window.project.team.add("bob")
    window.close()


def test_recent_work_reaches_the_file_after_a_quiet_moment(qtbot, tmp_path, settings, monkeypatch):
    monkeypatch.setattr(file_care, "IDLE_CHECKPOINT_MS", 50)
    path = sound_project(tmp_path / "p.framing", documents=2)
    window = app.open_window(path, settings, annotator="ana")
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.workspace.document is not None)
    doc = window.workspace.document
    for i in range(200):
        change = window.project.spans.add_many([Span(document_id=doc.id, annotator=f"coder{i}", label_id="hedge",
                                                     start=0, end=2, text=doc.text[:2])])  # no two alike
        window.workspace.changed.emit(change)
    alone = tmp_path / "alone.framing"

    def file_alone_has_everything() -> bool:
        alone.write_bytes(path.read_bytes())
        return count_spans(alone) == 202

    qtbot.waitUntil(file_alone_has_everything, timeout=10000)
    window.close()


def test_file_save_a_copy(qtbot, tmp_path, settings):
    path = sound_project(tmp_path / "p.framing", documents=2)
    window = app.open_window(path, settings, annotator="ana")
    qtbot.addWidget(window)
    assert "save_copy" in window.actions
    out = tmp_path / "copy.framing"
    file_care.save_a_copy(window, str(out))
    qtbot.waitUntil(lambda: window.tasks.tasks("save_copy") == [], timeout=10000)
    assert count_spans(out) == 2 and not (tmp_path / "copy.framing-wal").exists()
    window.close()


def damage_schema(path) -> None:
    """Spoil the definition of one table in the schema: SQLite then refuses to read the file at all."""
    with closing(sqlite3.connect(str(path))) as conn:
        conn.execute("PRAGMA writable_schema = ON")
        conn.execute("UPDATE sqlite_master SET sql = 'CREATE TABLE spans(garbage' WHERE name = 'spans'")
        conn.commit()


@pytest.fixture
def answer_modal():
    """answer_modal(answer): call `answer(dialog)` on each modal dialog as it opens (a QMessageBox or a
    QDialog); returns the list of their window titles, filled as they open."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    timers: list[QTimer] = []

    def start(answer) -> list[str]:
        for old in timers:
            old.stop()
        seen: list[str] = []
        timer = QTimer()
        timers.append(timer)

        def poll() -> None:
            modal = QApplication.activeModalWidget()
            if modal is not None and modal.isVisible() and not modal.property("answered"):
                modal.setProperty("answered", True)
                seen.append(modal.windowTitle())
                answer(modal)

        timer.timeout.connect(poll)
        timer.start(20)
        return seen

    yield start
    for timer in timers:
        timer.stop()


def button(box: QMessageBox, text: str):
    return next(b for b in box.buttons() if b.text() == text)


def test_a_project_with_a_damaged_schema_offers_its_backups_by_date_and_restores_the_chosen_one(
        qtbot, tmp_path, settings, monkeypatch, answer_modal):
    from datetime import datetime, timedelta, timezone

    from annotator.gui.backup_restore import BackupChooser

    path = sound_project(tmp_path / "p.framing", documents=5)
    older = backups.make_backup(path)
    with closing(sqlite3.connect(str(path))) as conn:  # later work, then a newer backup of it
        conn.execute("DELETE FROM spans WHERE rowid IN (SELECT rowid FROM spans LIMIT 2)")
        conn.commit()
    backups.make_backup(path)
    note = older.with_name(older.name + ".json")  # the older backup: a day earlier
    note.write_text(note.read_text(encoding="utf-8").replace(
        str(datetime.now(timezone.utc).year), str(datetime.now(timezone.utc).year - 1), 1), encoding="utf-8")
    damage_schema(path)
    offered: dict[str, list[str]] = {}

    def answer(dialog) -> None:
        if isinstance(dialog, QMessageBox) and dialog.windowTitle() == "Damaged project":
            offered["buttons"] = [b.text() for b in dialog.buttons()]
            offered["text"] = [dialog.text()]
            button(dialog, "Restore a backup…").click()
        elif isinstance(dialog, BackupChooser):
            offered["backups"] = [dialog.backup_list.item(i).text() for i in range(dialog.backup_list.count())]
            dialog.backup_list.setCurrentRow(1)  # the older one, with all five spans
            dialog.accept()
        elif isinstance(dialog, QMessageBox):
            offered.setdefault("said", []).append(dialog.text())
            dialog.accept()

    answered = answer_modal(answer)
    window = app.open_window(path, settings, annotator="ana")
    qtbot.addWidget(window)
    assert answered[:3] == ["Damaged project", "Restore a backup", "Backup restored"]
    assert sorted(offered["buttons"]) == ["Cancel", "Restore a backup…"]  # nothing to read: no read-only choice
    assert "annotator restore" not in offered["text"][0] and "malformed database schema" in offered["text"][0]
    assert len(offered["backups"]) == 2
    assert offered["backups"][1].startswith(str(datetime.now().year - 1))  # each with its date, newest first
    assert window is not None and not window.project.read_only and window.project.counts()["spans"] == 5
    assert list(tmp_path.glob("p.before-restore-*.framing"))  # the damaged file is kept aside
    window.close()


def test_a_project_with_a_damaged_schema_can_be_left_alone(qtbot, tmp_path, settings, answer_modal):
    path = sound_project(tmp_path / "p.framing", documents=2)
    damage_schema(path)
    before = path.read_bytes()
    answer_modal(lambda box: box.reject() if not isinstance(box, QMessageBox)
                 else button(box, "Cancel").click())
    assert app.open_window(path, settings, annotator="ana") is None
    assert path.read_bytes() == before


def test_a_damaged_project_that_can_be_read_offers_read_only_and_cancel(qtbot, tmp_path, settings, answer_modal):
    path = sound_project(tmp_path / "p.framing", documents=5)
    damage_page(path, table_root(path, "codebook_history"))
    offered = []

    def answer(box) -> None:
        offered.append([b.text() for b in box.buttons()])
        button(box, "Open read-only").click()

    answer_modal(answer)
    window = app.open_window(path, settings, annotator="ana")
    qtbot.addWidget(window)
    assert sorted(offered[0]) == ["Cancel", "Open read-only", "Restore a backup…"]
    assert window.project.read_only
    window.close()
    answer_modal(lambda box: button(box, "Cancel").click())
    assert app.open_window(path, settings, annotator="ana") is None


def test_file_restore_a_backup_replaces_the_open_project_and_opens_it_again(qtbot, tmp_path, settings, answer_modal):
    path = sound_project(tmp_path / "p.framing", documents=3)
    backups.make_backup(path)
    window = app.open_window(path, settings, annotator="ana")
    qtbot.addWidget(window)
    window.project.spans.delete_many([s.id for s in window.project.spans.of_document(window.project.documents.ids()[0])])
    assert window.project.counts()["spans"] == 2

    titles = answer_modal(lambda dialog: dialog.accept())  # the backup chooser, then the message saying it is done
    window.actions["restore_backup"].trigger()
    reopened = app.open_windows()[-1]
    qtbot.addWidget(reopened)
    assert reopened is not window and reopened.project.counts()["spans"] == 3
    assert titles[0] == "Restore a backup"
    [kept] = tmp_path.glob("p.before-restore-*.framing")  # the replaced file is kept aside, as it was
    with closing(sqlite3.connect(f"{kept.resolve().as_uri()}?mode=ro", uri=True)) as conn:
        assert conn.execute("SELECT count(*) FROM spans WHERE deleted = 0").fetchone()[0] == 2
    reopened.close()


def test_file_restore_a_backup_cancelled_leaves_the_project_open_and_as_it_was(qtbot, tmp_path, settings,
                                                                               answer_modal):
    path = sound_project(tmp_path / "p.framing", documents=3)
    backups.make_backup(path)
    window = app.open_window(path, settings, annotator="ana")
    qtbot.addWidget(window)
    window.project.spans.delete_many([s.id for s in window.project.spans.of_document(window.project.documents.ids()[0])])
    titles = answer_modal(lambda dialog: dialog.reject())
    window.actions["restore_backup"].trigger()
    assert titles == ["Restore a backup"]  # asked, then nothing else
    assert app.open_windows()[-1] is window and not window.project.closed
    assert window.project.counts()["spans"] == 2  # the work since the backup stays
    assert not list(tmp_path.glob("p.before-restore-*.framing"))
    window.close()


def test_a_project_in_use_elsewhere_is_not_called_damaged_nor_offered_a_restore(qtbot, tmp_path, settings, said,
                                                                                 monkeypatch):
    from annotator.store import opening
    from annotator.store import project as project_module
    from tests.store.test_open_failures import hold_exclusive_lock

    monkeypatch.setattr(opening, "BUSY_TIMEOUT_SECONDS", 0.2)
    monkeypatch.setattr(project_module, "BUSY_TIMEOUT_SECONDS", 0.2)
    offered = []
    monkeypatch.setattr(file_care, "ask_about_damage", lambda *args, **kwargs: offered.append(args))
    path = sound_project(tmp_path / "p.framing", documents=2)
    with closing(hold_exclusive_lock(path)) as other:
        assert app.open_window(path, settings, annotator="ana") is None
        other.rollback()
    assert not offered and said == [f"{path}: is in use by another window or command; try again in a moment"]
