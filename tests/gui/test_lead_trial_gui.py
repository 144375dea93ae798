"""Defects a project lead met in the app: import summaries (true counts, warning icon), label names in the
export dialog, and the wording of size refusals."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from annotator.gui.export_dialog import ExportDialog
from annotator.gui.import_flow import run_import
from annotator.gui.summaries import show_import_summary
from annotator.io.importer import ImportReport
from annotator.io.readers.base import too_large
from annotator.services.importing import import_paths


def shown_messages(monkeypatch) -> list[tuple[str, str]]:
    shown: list[tuple[str, str]] = []
    for name in ("information", "critical", "warning"):
        monkeypatch.setattr(QMessageBox, name, lambda *args, _name=name, **kwargs: shown.append((_name, args[2])))
    return shown


def write_corpus(path, count: int) -> None:
    records = [{"text": f"Titre {i}\n\nLe ministre affirme que tout va bien ({i})."} for i in range(count)]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")


def test_the_import_summary_counts_every_document_beyond_the_listed_ones(window, project, tmp_path, qtbot,
                                                                          monkeypatch):
    monkeypatch.setattr(ImportReport, "KEEP", 3)  # as a corpus of more than 10,000 articles would
    shown = shown_messages(monkeypatch)
    write_corpus(tmp_path / "corpus.jsonl", 8)
    run_import(window, [str(tmp_path / "corpus.jsonl")])
    qtbot.waitUntil(lambda: bool(shown), timeout=20000)
    assert "Imported 8 document(s) from 1 file(s)." in shown[0][1]
    shown.clear()
    run_import(window, [str(tmp_path / "corpus.jsonl")])  # again: all 8 are repeats
    qtbot.waitUntil(lambda: bool(shown), timeout=20000)
    assert "8 document(s) already in the project" in shown[0][1]


def test_an_import_with_refused_files_is_summed_up_under_a_warning(window, project, tmp_path, monkeypatch):
    shown = shown_messages(monkeypatch)
    write_corpus(tmp_path / "good.jsonl", 2)
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02" * 400)
    (tmp_path / "worse.txt").write_bytes(b"\x00\x01\x02" * 400)
    report = import_paths(project, [tmp_path / "good.jsonl", tmp_path / "bad.txt", tmp_path / "worse.txt"])
    assert report.refused and report.documents_imported == 2
    show_import_summary(window, report)
    assert shown[-1][0] == "warning" and "2 file(s) refused" in shown[-1][1]
    fine = import_paths(project, [tmp_path / "good.jsonl"])
    show_import_summary(window, fine)
    assert shown[-1][0] == "information"


def test_the_export_dialog_shows_label_names_and_exports_their_ids(window, project):
    dialog = ExportDialog(project, window)
    labels = {label.id: label.name for label in project.codebook.labels(kind="span")}
    items = [dialog.label_list.item(i) for i in range(dialog.label_list.count())]
    assert [item.text() for item in items] == list(labels.values())
    assert [item.data(Qt.ItemDataRole.UserRole) for item in items] == list(labels)
    assert any(name != label_id for label_id, name in labels.items())
    items[0].setCheckState(Qt.CheckState.Unchecked)
    assert dialog.options()["labels"] == list(labels)[1:]
    dialog.close()


def test_a_refusal_for_size_gives_the_real_size_apart_from_the_limit():
    limit = 50 * 1_048_576
    reason = too_large("big.txt", limit + 300_000, limit).reason
    assert "50.3 MB, over the 50 MB limit" in reason
    just_over = too_large("big.txt", limit + 1, limit).reason
    assert "50 MB limit" in just_over and "50.0 MB," not in just_over


def test_a_file_over_the_size_limit_is_refused_in_the_apps_words_with_its_real_size(window, project, tmp_path,
                                                                                   qtbot, monkeypatch):
    shown = shown_messages(monkeypatch)
    big = tmp_path / "big.txt"
    big.write_bytes(b"Un titre\n\n" + b"Une phrase. " * (52_428_800 // 12 + 30_000))
    run_import(window, [str(big)])
    qtbot.waitUntil(lambda: bool(shown), timeout=30000)
    summary = shown[0][1]
    assert "big.txt" in summary and "50.3 MB, over the 50 MB limit" in summary
    assert "--" not in summary and "split it into smaller files" in summary


def test_the_store_states_problems_and_each_face_adds_its_own_advice_from_the_error_type(tmp_path):
    import sqlite3

    import pytest

    from annotator.cli.common import error_text
    from annotator.core.errors import ImportRefused, MergeNeedsConsent
    from annotator.core.model import Label
    from annotator.gui.reasons import error_message
    from annotator.io.import_labels import LabelResolver
    from annotator.store.opening import FileState
    from annotator.store.transactions import ProjectDatabase, storage_failure

    path = tmp_path / "p.framing"
    db = ProjectDatabase(sqlite3.connect(":memory:"))
    db.label, db.refusal, db.refusal_kind = str(path), FileState(damage="malformed").refusal(path), "damaged"
    refusal = db.refused()
    assert "annotator" not in str(refusal) and "File >" not in str(refusal)
    assert f"`annotator restore {path} 1`" in error_text(refusal)  # the command line gives its advice
    assert error_message(refusal) == (f"{path}: is damaged, so nothing can be changed in it (it is open read-only); "
                                      "to get your work back, choose File > Restore a backup…")
    failed = storage_failure(sqlite3.DatabaseError("database disk image is malformed"), str(path))
    assert "annotator" not in str(failed) and "annotator restore" in error_text(failed)
    assert error_message(failed).endswith("nothing was saved; to get your work back, choose File > Restore a backup…")
    resolver = LabelResolver([], max_new=1)
    resolver.new.append(Label(id="one", name="one"))
    with pytest.raises(ImportRefused) as refused:
        resolver._check_room("f.jsonl", "two")
    assert "--" not in str(refused.value) and "--max-new-labels" in error_text(refused.value)
    assert "--" not in error_message(refused.value) and "the file you meant" in error_message(refused.value)
    big = too_large("big.txt", 60 * 1_048_576, 50 * 1_048_576)
    assert "--" not in str(big) and "--max-article-size" in error_text(big)
    assert error_message(big) == ("big.txt: is 60.0 MB, over the 50 MB limit per article; split it into smaller "
                                  "files to import it")
    consent = MergeNeedsConsent("cannot merge x: it brings 30 new labels and attributes, more than the 10 a merge "
                                "takes unless told otherwise; nothing was merged", option="max_new_labels", needed=30)
    assert error_text(consent).endswith("; if that is expected, merge it with --max-new-labels 30")
    assert error_message(consent) == str(consent)
