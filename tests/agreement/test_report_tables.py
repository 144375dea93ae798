"""The report as tables and matrices for the GUI and CSV, and the ranking of documents by disagreement."""

from __future__ import annotations

import pytest

from annotator.agreement.report import build_report
from annotator.agreement.report_figures import Figure, undefined
from annotator.agreement.report_spans import DocumentSpans
from annotator.agreement.report_tables import (
    confusion_table, documents_table, labels_table, pair_matrix, pair_measures, pairs_table, questions_table,
    rank_by_disagreement,
)
from annotator.store import Project
from tests.agreement.agreement_project import build_project


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    path = build_project(tmp_path_factory.mktemp("tables") / "three.framing")
    with Project.open(path) as project:
        return build_report(project.agreement.data(), resamples=200, seed=3)


def test_questions_table_holds_the_report_values(report):
    table = questions_table(report)
    col = {name: i for i, name in enumerate(table.header)}
    assert [r[col["question_id"]] for r in table.rows] == ["source_type", "tone"]
    for row, q in zip(table.rows, report.questions):
        assert row[col["alpha"]] == q.alpha.value and row[col["alpha_ci_low"]] == q.alpha.low
        assert row[col["fleiss_kappa"]] == q.fleiss.value and row[col["percent_agreement"]] == q.percent.value
        assert row[col["n_units"]] == q.units and row[col["n_coders"]] == 3
    assert "unsure" in table.rows[1][col["note"]]


def test_labels_table_leaves_undefined_cells_empty_with_the_reason(report):
    table = labels_table(report)
    col = {name: i for i, name in enumerate(table.header)}
    first = table.rows[0]
    assert first[col["label"]] == "all labels" and first[col["u_alpha"]] == report.spans.overall.unitizing.value
    unused = next(r for r in table.rows if r[col["label_id"]] == "naming")
    assert unused[col["u_alpha"]] == "" and "no annotator marked this label" in unused[col["u_alpha_reason"]]
    hedge = next(r for r in table.rows if r[col["label_id"]] == "hedge")
    assert hedge[col["u_alpha"]] == pytest.approx(1.0) and hedge[col["n_spans"]] == 3


def test_pair_matrix_is_symmetric_and_matches_the_pairs(report):
    keys = [m.key for m in pair_measures(report)]
    assert keys == ["exact_f1", "overlap_f1", "character_kappa", "cohen:source_type", "cohen:tone"]
    matrix = pair_matrix(report, "exact_f1")
    assert matrix.annotators == ["alice", "bob", "carol"]
    assert matrix.values[0][0] is None
    pair = report.spans.overall.pairs[0]
    assert matrix.values[0][1] is matrix.values[1][0] is pair.exact_f1
    hedge = pair_matrix(report, "character_kappa", "hedge")
    assert hedge.values[2][1].value == pytest.approx(1.0)
    tone = pair_matrix(report, "cohen:tone")
    assert tone.values[1][2].value == pytest.approx(-0.5)
    rows = pairs_table(tone).rows
    assert len(rows) == 6 and rows[0][:2] == ["alice", "bob"] and rows[0][3] == pytest.approx(0.4)
    with pytest.raises(ValueError):
        pair_matrix(report, "fleiss")
    with pytest.raises(ValueError):
        pair_matrix(report, "exact_f1", "no_such_label")


def test_confusion_table_is_the_report_counts(report):
    table = confusion_table(report, {"loaded_term": "Loaded term"})
    assert table.header[0] == "label" and "Loaded term" in table.header
    assert [row[1:] for row in table.rows] == report.spans.confusion


def test_documents_ranked_by_disagreement(report):
    table = documents_table(report)
    assert [row[2] for row in table.rows] == ["Article 4", "Article 1", "Article 3", "Article 2"]
    assert table.rows[0][3] == "alice (2); bob (2)"


def _doc(title: str, alpha: Figure, f1: Figure) -> DocumentSpans:
    return DocumentSpans(title, title, ["a", "b"], {}, alpha, f1, f1, f1)


def test_undefined_alpha_ranks_after_defined_and_ties_go_by_exact_f1():
    none = undefined("no spans")
    docs = [_doc("u", none, Figure(0.0)), _doc("b", Figure(0.5), Figure(0.9)), _doc("a", Figure(0.5), Figure(0.2)),
            _doc("c", Figure(-0.3), none)]
    assert [d.title for d in rank_by_disagreement(docs)] == ["c", "a", "b", "u"]
