"""Import (menu and drag and drop) and export from the GUI, off the GUI thread, on real files."""

from __future__ import annotations

import csv

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QMessageBox

from annotator.gui.export_dialog import ExportDialog, run_export
from annotator.gui.import_flow import run_import


def quiet_messages(monkeypatch) -> list[str]:
    shown: list[str] = []
    for name in ("information", "critical", "warning"):
        monkeypatch.setattr(QMessageBox, name, lambda *args, **kwargs: shown.append(args[2]))
    return shown


def test_import_runs_in_the_background_and_reports(window, project, shared_articles, qtbot, monkeypatch):
    shown = quiet_messages(monkeypatch)
    before = project.counts()["documents"]
    run_import(window, [str(shared_articles / "parler-amazon-fr.html"), str(shared_articles / "nothing.bin")])
    qtbot.waitUntil(lambda: bool(shown), timeout=20000)
    assert project.counts()["documents"] == before + 1
    assert window.document_list.model.rowCount() == before + 1
    assert "nothing.bin" in shown[0]  # the refused file is named in the summary


def test_dropping_a_folder_imports_it(window, project, tmp_path, qtbot, monkeypatch):
    shown = quiet_messages(monkeypatch)
    folder = tmp_path / "drop"
    folder.mkdir()
    (folder / "a.txt").write_text("Un titre\n\nUn paragraphe « cité ».\n", encoding="utf-8")
    (folder / "b.txt").write_text("Another headline\n\nA paragraph.\n", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(folder))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    before = project.counts()["documents"]
    window.dropEvent(event)
    qtbot.waitUntil(lambda: bool(shown), timeout=20000)
    assert project.counts()["documents"] == before + 2


def test_export_dialog_defaults_and_background_export(window, project, documents, tmp_path, qtbot, monkeypatch):
    shown = quiet_messages(monkeypatch)
    window.workspace.reader.select_range(0, 8)
    window.workspace.apply_label("loaded_term")
    dialog = ExportDialog(project, window)
    options = dialog.options()
    assert options["format"] == "csv" and options["labels"] is None and options["annotators"] == ["alice"]
    options["out"] = str(tmp_path / "spans.csv")
    run_export(window, options)
    qtbot.waitUntil(lambda: bool(shown), timeout=20000)
    with open(tmp_path / "spans.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 1 and rows[0]["text"] == "Headline"


def test_gui_import_keeps_each_annotators_spans(window, project, tmp_path, qtbot, monkeypatch):
    """A pre-annotated file names its annotators: the GUI must not file everything under the user."""
    import json

    shown = quiet_messages(monkeypatch)
    text = "Un titre\n\nLe PDG affirme que tout va bien."
    record = {"text": text, "spans": [
        {"start": 7, "end": 10, "label": "loaded_term", "annotator": "ana"},
        {"start": 7, "end": 10, "label": "loaded_term", "annotator": "ben"},
    ]}
    path = tmp_path / "two.jsonl"
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    run_import(window, [str(path)])
    qtbot.waitUntil(lambda: bool(shown), timeout=20000)
    doc = next(d for d in project.documents.ids() if project.documents.get(d).text.startswith("Un titre"))
    assert sorted(s.annotator for s in project.spans.of_document(doc)) == ["ana", "ben"]


def test_export_dialog_names_every_format_and_folder_choices(window, project, tmp_path):
    from annotator.services.exporting import FORMATS

    dialog = ExportDialog(project, window)
    offered = [dialog.format_combo.itemData(i) for i in range(dialog.format_combo.count())]
    assert offered == list(FORMATS)
    shown = [dialog.format_combo.itemText(i) for i in range(dialog.format_combo.count())]
    assert all(text != fmt for text, fmt in zip(shown, offered))  # each has a readable name
    assert any("Label Studio" in text for text in shown) and any("Parquet" in text for text in shown)
    dialog.format_combo.setCurrentIndex(offered.index("parquet"))
    assert dialog.path_edit.text().endswith("-parquet") and not dialog.table_combo.isEnabled()
    assert dialog.options()["table"] is None
    dialog.format_combo.setCurrentIndex(offered.index("jsonl"))
    assert dialog.per_annotator_check.isEnabled() and dialog.path_edit.text().endswith(".jsonl")
    dialog.per_annotator_check.setChecked(True)
    assert not dialog.path_edit.text().endswith(".jsonl") and dialog.options()["per_annotator"]
    dialog.format_combo.setCurrentIndex(offered.index("csv"))
    assert not dialog.per_annotator_check.isEnabled() and not dialog.options()["per_annotator"]
    dialog.close()


def test_the_import_filter_lists_every_format_read():
    from annotator.gui.import_flow import import_file_filter

    articles = import_file_filter().split(";;")[0]
    for pattern in ("*.qdpx", "*.qdc", "*.qde", "*.xmi", "*.tsv", "*.jsonl", "*.ann", "*.html", "*.csv"):
        assert pattern in articles
    assert "*.conll" not in articles  # recognised only to be refused


def test_file_import_a_folder_imports_every_article_in_it(window, project, tmp_path, qtbot, monkeypatch):
    """File > Import a folder… takes a folder (a file dialog cannot), as `annotator import` and a drop do."""
    from PySide6.QtWidgets import QFileDialog

    shown = quiet_messages(monkeypatch)
    folder = tmp_path / "corpus"
    (folder / "inside").mkdir(parents=True)
    (folder / "a.txt").write_text("Un titre\n\nUn paragraphe « cité ».\n", encoding="utf-8")
    (folder / "inside" / "b.txt").write_text("Another headline\n\nA paragraph.\n", encoding="utf-8")
    asked = []
    monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                        lambda *args, **kwargs: asked.append(args[1]) or str(folder))
    before = project.counts()["documents"]
    action = window.actions["import_folder"]
    assert action in window.menuBar().actions()[0].menu().actions()
    action.trigger()
    qtbot.waitUntil(lambda: bool(shown), timeout=20000)
    assert asked == ["Import a folder of articles"]
    assert project.counts()["documents"] == before + 2
    assert window.document_list.model.rowCount() == before + 2


def test_cancelling_the_folder_dialog_imports_nothing(window, project, qtbot, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args, **kwargs: "")
    before = project.counts()["documents"]
    window.actions["import_folder"].trigger()
    assert window.tasks.tasks("import") == [] and project.counts()["documents"] == before
