"""Text from files (titles, outlets, names, labels, notes, errors) is shown as written in every label,
heading, tooltip and message: a title "<b>FAKE α 0.99</b><!--" never hides what follows it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QAbstractItemView, QLabel, QMessageBox, QTableWidget, QTreeWidget, QWidget

from annotator.core.model import Document, Span
from annotator.gui.agreement_view import AgreementView
from annotator.gui.codebook_editor import CodebookEditor
from annotator.gui.disagreement_view import DisagreementView
from annotator.gui.main_window import MainWindow
from annotator.gui.span_dialog import SpanDialog
from annotator.io.codebook_files import load_preset
from annotator.store import Project

HOSTILE = "<b>FAKE α 0.99</b><!--"
TEXT = "The minister said the reform was a necessary step while critics called it reckless."
CODERS = ("<i>ana</i>", "bob<!--")


def shown(text: str, rich: bool) -> str:
    """What Qt displays for `text`: itself, or the plain text of the HTML it is read as."""
    if not rich:
        return text
    document = QTextDocument()
    document.setHtml(text)
    return document.toPlainText()


def label_shows(label: QLabel) -> str:
    fmt = label.textFormat()
    rich = fmt == Qt.TextFormat.RichText or (fmt == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(label.text()))
    return shown(label.text(), rich)


def tooltip_shows(text: str) -> str:
    return shown(text, GuiQt.mightBeRichText(text))


def hostile_bits(text: str) -> bool:
    return any(marker in text for marker in ("FAKE", "<i>ana", "bob<!--", "ana</i>"))


def problems_in(root: QWidget) -> list[str]:
    """Every place under `root` where text from the file would be read as rich text."""
    found = []
    for label in root.findChildren(QLabel):
        raw, displayed = label.text(), label_shows(label)
        if "FAKE" in raw and HOSTILE not in displayed:
            found.append(f"label {raw[:80]!r} shows {displayed[:80]!r}")
        for coder in CODERS:
            if coder in raw and coder not in displayed:
                found.append(f"label {raw[:80]!r} shows {displayed[:80]!r}")
    for widget in [root] + root.findChildren(QWidget):
        tip = widget.toolTip()
        if hostile_bits(tip) and HOSTILE not in tooltip_shows(tip) and not any(c in tooltip_shows(tip) for c in CODERS):
            found.append(f"tooltip {tip[:80]!r}")
    for view in root.findChildren(QAbstractItemView):
        if isinstance(view, (QTableWidget, QTreeWidget)) or view.model() is not None:
            found += _model_tooltips(view.model())
    return found


def _model_tooltips(model, parent: QModelIndex = QModelIndex(), depth: int = 0) -> list[str]:
    found = []
    if model is None or depth > 3:
        return found
    try:
        columns = model.columnCount(parent)
    except TypeError:  # a list model keeps columnCount private: one column
        columns = 1
    for row in range(min(model.rowCount(parent), 50)):
        for column in range(columns):
            index = model.index(row, column, parent)
            tip = model.data(index, Qt.ItemDataRole.ToolTipRole)
            if isinstance(tip, str) and hostile_bits(tip):
                displayed = tooltip_shows(tip)
                if not ("FAKE" not in tip or HOSTILE in displayed) or any(
                        c in tip and c not in displayed for c in CODERS):
                    found.append(f"tooltip of a cell {tip[:80]!r} shows {displayed[:80]!r}")
        found += _model_tooltips(model, model.index(row, 0, parent), depth + 1)
    return found


@pytest.fixture
def hostile(tmp_path):
    """A project where every text a person or a file can set is hostile."""
    path = tmp_path / "p.framing"
    with Project.create(path, name=HOSTILE) as project:
        project.codebook.install(load_preset("framing-devices"))
        docs = [Document(text=f"{TEXT} Article {i}.", title=HOSTILE, outlet=HOSTILE, author=HOSTILE)
                for i in range(3)]
        ids = project.documents.add(docs).added
        project.labels.rename("hedge", HOSTILE)
        project.labels.describe("hedge", HOSTILE)
        spans = []
        for doc, text in zip(ids, (d.text for d in docs)):
            for coder, phrase in zip(CODERS, ("said", "said the reform")):
                start = text.index(phrase)
                spans.append(Span(document_id=doc, annotator=coder, label_id="hedge", start=start,
                                  end=start + len(phrase), text=phrase, note=HOSTILE))
        project.spans.add_many(spans)
    with Project.open(path, backup=False) as project:
        yield project


@pytest.fixture
def messages(monkeypatch):
    said: list[str] = []
    for name in ("critical", "warning", "information"):
        monkeypatch.setattr(QMessageBox, name, lambda *args, **kwargs: said.append(args[2]))
    return said


def test_the_disagreement_heading_shows_a_hostile_title_literally_and_the_figures_after_it(qtbot, hostile):
    view = DisagreementView(hostile, "lead")
    qtbot.addWidget(view)
    view.show()
    view.compute()
    qtbot.waitUntil(lambda: view.report is not None, timeout=30000)
    heading = label_shows(view.heading)
    assert HOSTILE in heading and "unitizing α" in heading and "exact F1" in heading
    assert problems_in(view) == []
    view.close()


def test_the_main_window_labels_and_tooltips_show_file_text_literally(qtbot, hostile, settings):
    window = MainWindow(hostile, CODERS[0], settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.workspace.document is not None)
    assert HOSTILE in label_shows(window.meta_label)
    assert problems_in(window) == []
    window.close()


def test_the_agreement_view_shows_names_literally(qtbot, hostile):
    view = AgreementView(hostile, resamples=0)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.report is not None, timeout=30000)
    assert all(coder in label_shows(view.summary) for coder in CODERS)
    assert problems_in(view) == []
    view.close()


def test_the_codebook_editor_and_span_dialog_show_names_literally(qtbot, hostile):
    editor = CodebookEditor(hostile)
    qtbot.addWidget(editor)
    assert problems_in(editor) == []
    span = hostile.spans.of_document(hostile.documents.ids()[0])[0]
    dialog = SpanDialog(span, hostile.codebook.label("hedge"), [])
    qtbot.addWidget(dialog)
    assert problems_in(dialog) == []


def test_error_messages_show_file_names_literally(qtbot, hostile, settings, messages, tmp_path):
    from annotator.gui.app import open_window

    bogus = tmp_path / "<b>FAKE α 0.99<!--.framing"
    bogus.write_text("not a project", encoding="utf-8")
    assert open_window(bogus, settings, annotator="ana") is None
    [said] = messages
    assert str(bogus) in shown(said, GuiQt.mightBeRichText(said))
