"""Importing from the File menu: the progress names each file, and nothing leaks to the terminal."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog


def test_the_import_progress_names_the_file_and_writes_nothing_to_stderr(window, project, tmp_path, qtbot,
                                                                          monkeypatch, capfd):
    first, second = tmp_path / "premier-article.txt", tmp_path / "second-article.txt"
    first.write_text("Un titre\n\nUn paragraphe « cité ».\n", encoding="utf-8")
    second.write_text("Another headline\n\nA paragraph.\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *args, **kwargs: ([str(first), str(second)], ""))
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args, **kwargs: shown.append(args[2]))
    labels = []
    set_label_text = QProgressDialog.setLabelText

    def record_label(dialog, text):
        labels.append(text)
        set_label_text(dialog, text)

    monkeypatch.setattr(QProgressDialog, "setLabelText", record_label)
    capfd.readouterr()
    window.actions["import"].trigger()  # File > Import articles…, the two files picked in the dialog
    qtbot.waitUntil(lambda: bool(shown), timeout=20000)
    assert project.documents.count() == 4
    assert any("premier-article.txt" in label for label in labels)
    assert any("second-article.txt" in label for label in labels)
    err = capfd.readouterr().err
    assert "Cannot copy-convert" not in err and "PosixPath" not in err


def test_the_task_runner_shows_a_path_reported_as_progress_as_text(qtbot, tmp_path, capfd):
    from PySide6.QtWidgets import QWidget

    from annotator.gui.tasks import TaskRunner

    owner = QWidget()
    qtbot.addWidget(owner)
    runner = TaskRunner(owner)
    results = []
    capfd.readouterr()
    task = runner.start("work", lambda progress, cancelled: (progress(1, 2, tmp_path / "a.txt"), "ok")[1],
                        lambda result, error: results.append((result, error)), title="Working…")
    qtbot.waitUntil(lambda: runner.in_flight == 0, timeout=10000)
    assert results == [("ok", None)] and task.dialog.labelText() == str(tmp_path / "a.txt")
    assert "Cannot copy-convert" not in capfd.readouterr().err


def test_an_import_that_refused_files_ends_with_a_warning_not_an_information(window, project, tmp_path, qtbot,
                                                                               monkeypatch):
    good, binary = tmp_path / "article.txt", tmp_path / "photo.txt"
    good.write_text("Un titre\n\nUn paragraphe.\n", encoding="utf-8")
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *args, **kwargs: ([str(good), str(binary)], ""))
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args, **kwargs: shown.append(("information", args[2])))
    monkeypatch.setattr(QMessageBox, "warning", lambda *args, **kwargs: shown.append(("warning", args[2])))
    window.actions["import"].trigger()
    qtbot.waitUntil(lambda: bool(shown), timeout=20000)
    (icon, text), = shown
    assert icon == "warning" and "photo.txt" in text
