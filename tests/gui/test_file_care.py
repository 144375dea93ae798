"""The app and the project file: a damaged project offers the last good backup, the full check runs in
the background, recent work reaches the file when idle, and Save a copy."""

from __future__ import annotations

import sqlite3
from contextlib import closing

import pytest
from PySide6.QtWidgets import QMessageBox

from annotator.core.model import Span
from annotator.gui import app, file_care
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
    monkeypatch.setattr(file_care, "ask_to_restore", lambda p, damage, parent: asked.append(damage) or True)
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
    monkeypatch.setattr(file_care, "ask_to_restore", lambda p, damage, parent: False)
    window = app.open_window(path, settings, annotator="ana")
    qtbot.addWidget(window)
    assert window.project.read_only and window.read_only_label.text() == "Damaged: read-only"
    assert window.tasks.tasks("backup") == []  # no backup of a damaged file
    assert window.document_list.model.rowCount() == 5  # what can be read is shown
    window.close()


def test_a_project_too_damaged_to_show_says_so_in_one_message(qtbot, tmp_path, settings, said, monkeypatch):
    path = sound_project(tmp_path / "p.framing", documents=5)
    damage_page(path, table_root(path, "documents"))
    monkeypatch.setattr(file_care, "ask_to_restore", lambda p, damage, parent: False)
    assert app.open_window(path, settings, annotator="ana") is None
    assert len(said) == 1 and "too damaged to show" in said[0] and "restore" in said[0]


def test_the_background_check_finds_damage_the_quick_check_missed(qtbot, tmp_path, settings, monkeypatch):
    path = sound_project(tmp_path / "p.framing", documents=3)
    spoil_an_index(path)
    offered = []
    monkeypatch.setattr(file_care, "ask_to_restore", lambda p, damage, parent: offered.append(damage) or False)
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
