"""The agreement window on a real three-annotator project: tables, heatmap, bars, filters, CSV and PNG."""

from __future__ import annotations

import csv

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from annotator.agreement.report import build_report
from annotator.gui.agreement_charts import heat_colours
from annotator.gui.agreement_view import AgreementView
from annotator.store import Project
from tests.agreement.agreement_project import build_project

RESAMPLES, SEED = 200, 4


@pytest.fixture
def project(tmp_path):
    with Project.open(build_project(tmp_path / "three.framing")) as opened:
        yield opened


@pytest.fixture
def expected(project):
    return build_report(project.agreement.data(), resamples=RESAMPLES, seed=SEED)


@pytest.fixture
def view(qtbot, project):
    widget = AgreementView(project, resamples=RESAMPLES, seed=SEED)
    qtbot.addWidget(widget)
    widget.show()  # showing starts the computation off the GUI thread
    qtbot.waitUntil(lambda: widget.report is not None, timeout=30000)
    return widget


def cell(table, row, column) -> str:
    return table.item(row, column).text()


def test_questions_table_shows_the_report(view, expected):
    table = view.questions_table
    assert table.rowCount() == 2
    assert [cell(table, r, 0) for r in range(2)] == ["Main source type", "Tone towards the main actor"]
    first, tone = expected.questions
    assert cell(table, 0, 4) == f"0.737  [{first.alpha.low:.3f}, {first.alpha.high:.3f}]"
    assert (cell(table, 0, 5), cell(table, 0, 6)) == ("0.550", "83.3%")
    assert (cell(table, 1, 1), cell(table, 1, 2), cell(table, 1, 3)) == ("ordinal", "3", "3")
    assert cell(table, 1, 4).startswith("0.200") and cell(table, 1, 6) == "55.6%"
    assert "unsure" in view.questions_notes.text()
    assert [row.figure for row in view.questions_chart.rows] == [first.alpha, tone.alpha]


def test_undefined_figures_show_their_reason_never_a_number(view, expected):
    table = view.labels_table
    names = [cell(table, r, 0) for r in range(table.rowCount())]
    assert names[0] == "all labels" and names[1:] == [g.name for g in expected.spans.per_label]
    row = names.index("Label / naming")
    assert cell(table, row, 2).startswith("n/a [")
    assert "no annotator marked this label" in table.item(row, 2).toolTip()
    assert "no annotator marked this label" in view.labels_notes.text()
    hedge = names.index("Hedge")
    assert (cell(table, hedge, 1), cell(table, hedge, 2), cell(table, hedge, 3)) == ("3", "1.000", "1.000")
    assert cell(table, 0, 2) == "0.313" and cell(table, 0, 3) == "0.530"
    # Too few documents for a bootstrap over documents: said once, above the chart.
    assert "too few documents for a bootstrap" in view.labels_caption.text()


def test_bars_hold_each_label_figure(view, expected):
    rows = view.chart.rows
    assert [r.name for r in rows] == ["all labels"] + [g.name for g in expected.spans.per_label]
    assert [r.figure.value for r in rows] == [expected.spans.overall.unitizing.value] + \
        [g.unitizing.value for g in expected.spans.per_label]
    assert rows[0].bold and rows[1].colour == "#E69F00"  # the scare quote's codebook colour
    low, high = view.chart.axis()
    assert low == pytest.approx(-0.4) and high == 1.0  # direct quote's -0.229 needs room below 0


def test_heatmap_cells_and_colours(view, expected):
    heat = view.heatmap
    assert [heat.horizontalHeaderItem(i).text() for i in range(3)] == ["alice", "bob", "carol"]
    assert cell(heat, 0, 0) == "—"
    assert cell(heat, 0, 1) == cell(heat, 1, 0) == f"{expected.spans.overall.pairs[0].exact_f1.value:.3f}" == "0.667"
    assert heat.item(0, 1).background().color() == heat_colours(0.667)[0]
    assert cell(heat, 2, 1) == "0.462"
    view.measure_combo.setCurrentIndex(view.measure_combo.findData("cohen:tone"))
    assert not view.pair_label_combo.isEnabled()
    assert cell(heat, 1, 2) == "-0.500"
    below_chance = heat.item(1, 2).background().color()
    assert below_chance.red() > below_chance.blue()  # orange, not blue
    view.measure_combo.setCurrentIndex(view.measure_combo.findData("character_kappa"))
    view.pair_label_combo.setCurrentIndex(view.pair_label_combo.findData("naming"))
    assert cell(heat, 0, 1).startswith("n/a [")
    assert "character kappa" in heat.item(0, 1).toolTip()


def test_confusion_and_documents(view):
    table = view.confusion_view
    labels = [table.horizontalHeaderItem(i).text() for i in range(table.columnCount())]
    assert "Label / naming" not in labels  # nobody used it
    loaded, none = labels.index("Loaded term"), labels.index("(no span)")
    assert cell(table, loaded, none) == cell(table, none, loaded) == "3"
    assert cell(table, labels.index("Scare quote"), labels.index("Direct quote")) == "2"
    documents = view.documents_view
    assert [cell(documents, r, 1) for r in range(4)] == ["Article 4", "Article 1", "Article 3", "Article 2"]
    assert cell(documents, 0, 2) == "-0.095"


def test_filters_recompute(view, qtbot):
    items = {view.annotator_list.item(i).text(): view.annotator_list.item(i) for i in range(view.annotator_list.count())}
    assert list(items) == ["alice", "bob", "carol", "dave"]
    items["carol"].setCheckState(Qt.CheckState.Unchecked)
    view.done_check.setChecked(True)
    old = view.report
    view.compute_button.click()
    qtbot.waitUntil(lambda: view.report is not old, timeout=30000)
    assert view.report.annotators == ["alice", "bob"]
    assert view.report.filters == {"annotators": ["alice", "bob", "dave"], "labels": [], "done_only": True,
                                   "roll_up": False}
    assert "documents marked done only" in view.summary.text()
    assert view.heatmap.rowCount() == 2


def test_csv_of_every_table_and_png(view, expected, tmp_path):
    for index, page in enumerate(("questions", "pairs", "labels", "confusion", "documents")):
        view.tabs.setCurrentIndex(index)
        path = view.export_csv(tmp_path / f"{page}.csv")
        with open(path, encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        assert rows, page
        if page == "questions":
            assert float(rows[0]["alpha"]) == expected.questions[0].alpha.value
            assert float(rows[1]["percent_agreement"]) == pytest.approx(5 / 9)
        if page == "pairs":
            assert (rows[0]["annotator_a"], rows[0]["annotator_b"], rows[0]["n"]) == ("alice", "bob", "4")
            assert float(rows[0]["exact_f1"]) == pytest.approx(2 / 3)
        if page == "labels":
            naming = next(r for r in rows if r["label_id"] == "naming")
            assert naming["u_alpha"] == "" and "no annotator marked" in naming["u_alpha_reason"]
        if page == "documents":
            assert [r["title"] for r in rows] == ["Article 4", "Article 1", "Article 3", "Article 2"]
        image_path = tmp_path / f"{page}.png"
        assert view.save_png(image_path)
        image = QImage(str(image_path))
        assert not image.isNull() and image.width() > 300 and image.height() > 200


def test_review_menu_opens_the_agreement_window(qtbot, project, settings):
    from annotator.gui.main_window import MainWindow

    window = MainWindow(project, "alice", settings)
    qtbot.addWidget(window)
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles[-2:] == ["&Review", "&Help"]
    window.actions["agreement"].trigger()
    view = window.agreement_view
    qtbot.waitUntil(lambda: view.report is not None, timeout=30000)
    assert view.isVisible() and view.report.annotators == ["alice", "bob", "carol"]
    window.actions["agreement"].trigger()
    assert window.agreement_view is view  # one window, raised again


def test_unused_labels_can_be_hidden_from_the_bars_and_table(view, expected, tmp_path):
    total = 1 + len(expected.spans.per_label)
    assert len(view.chart.rows) == view.labels_table.rowCount() == total
    view.hide_unused.setChecked(True)
    used = [g.name for g in expected.spans.per_label if g.spans]
    assert [r.name for r in view.chart.rows] == ["all labels"] + used
    assert view.labels_table.rowCount() == 1 + len(used) < total
    # The CSV keeps every label, with the reason where a figure is not defined.
    with open(view.export_csv(tmp_path / "labels.csv", "labels"), encoding="utf-8") as handle:
        assert len(list(csv.reader(handle))) == 1 + total


def test_a_failed_computation_is_explained(qtbot, project, monkeypatch):
    from annotator.core.errors import ProjectError
    from annotator.gui import agreement_view

    warned = []
    monkeypatch.setattr(agreement_view.QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
    widget = AgreementView(project, resamples=0)
    qtbot.addWidget(widget)
    from annotator.store.agreement_data import AgreementData

    monkeypatch.setattr(AgreementData, "data",
                        lambda self, **k: (_ for _ in ()).throw(ProjectError("unknown label 'x' in the codebook")))
    widget.show()
    qtbot.waitUntil(lambda: widget.error is not None, timeout=30000)
    assert widget.report is None and "unknown label" in warned[0]
    assert "could not be computed" in widget.summary.text() and not widget.csv_button.isEnabled()


def test_the_notes_name_the_question_and_the_answers_they_are_about(view, project, qtbot):
    notes = view.questions_notes.text()
    assert "Note on Tone towards the main actor" in notes
    assert "left out of the ordinal figures: &#x27;unsure&#x27; (" in notes or \
        "left out of the ordinal figures: 'unsure' (" in notes
    from annotator.agreement.report_figures import Figure
    from annotator.gui.agreement_charts import Footnotes

    footnotes = Footnotes()
    undefined = Figure(None, reason="fewer than two annotators answered this question (ana)")
    assert footnotes.text(undefined, about="Main source type") == "n/a [1]"
    assert footnotes.text(undefined, about="Tone towards the main actor") == "n/a [2]"
    assert "Tone towards the main actor: fewer than two annotators answered this question (ana)" in footnotes.html()
