"""The team commands through click's CliRunner: package, merge, assign, progress, blind."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from annotator.cli.main import cli
from annotator.store import Project
from tests.store.team_helpers import ANNOTATORS, add_span, article, make_lead


@pytest.fixture
def lead(tmp_path):
    return make_lead(tmp_path / "lead.framing", documents=6)


def run(*args: str, ok: bool = True):
    result = CliRunner().invoke(cli, [str(a) for a in args])
    if ok:
        assert result.exit_code == 0, result.output
    else:
        assert result.exit_code != 0, result.output
        assert "Traceback" not in result.output
    return result


def test_package_then_merge_brings_the_work_back(lead, tmp_path):
    out = tmp_path / "ana.framing"
    result = run("package", lead, "--annotator", "ana", "-o", out)
    assert f"Wrote {out} for ana" in result.output
    with Project.open(out) as pkg:
        span_id = add_span(pkg, pkg.documents.ids()[0], "ana", 2, 8)
    result = run("merge", lead, out)
    assert f"Merged {out}:" in result.output
    assert "spans:           1 added, 0 updated, 0 deleted" in result.output
    with Project.open(lead) as proj:
        assert proj.spans.get(span_id).annotator == "ana"
    assert "nothing new" in run("merge", lead, out).output


def test_merge_reports_each_source_and_fails_for_a_refused_one(lead, tmp_path):
    good = tmp_path / "ben.framing"
    run("package", lead, "-a", "ben", "-o", good)
    with Project.open(good) as pkg:
        add_span(pkg, pkg.documents.ids()[0], "ben", 4, 5)
    bad = tmp_path / "notes.framing"
    bad.write_text("hello", encoding="utf-8")
    result = run("merge", lead, bad, lead, good, ok=False)
    assert "not a Framing Annotator project" in result.output
    assert "it is the project itself" in result.output
    assert f"Merged {good}:" in result.output  # the good file still merged
    assert "2 of 3 files could not be merged" in result.output
    with Project.open(lead) as proj:
        assert proj.spans.count("ben") == 1


def test_package_refusals_are_one_line(lead, tmp_path):
    result = run("package", lead, "-a", "nobody", "-o", tmp_path / "x.framing", ok=False)
    assert "no annotator called 'nobody'" in result.output
    assert not (tmp_path / "x.framing").exists()


def test_assign_by_hand_and_take_away(tmp_path):
    path = tmp_path / "p.framing"
    run("init", path)
    with Project.open(path) as proj:
        docs = proj.documents.add(article(i) for i in range(4)).added
    result = run("assign", path, "--annotator", "dora", docs[0][:12], docs[1])
    assert "Assigned 2 documents to dora (0 already assigned)" in result.output
    assert "1 already assigned" in run("assign", path, "-a", "dora", docs[1]).output
    assert "Took 1 document away from dora" in run("assign", path, "-a", "dora", "--remove", docs[0]).output
    with Project.open(path) as proj:
        assert [d.document_id for d in proj.assignments.of_annotator("dora")] == [docs[1]]
    assert "no document with id" in run("assign", path, "-a", "dora", "abcdefabcdef", ok=False).output
    assert "exactly one annotator" in run("assign", path, docs[2], ok=False).output


def test_assign_auto_is_reproducible(tmp_path):
    outputs, plans = [], []
    for name in ("one", "two"):
        path = tmp_path / f"{name}.framing"
        run("init", path)
        with Project.open(path) as proj:
            proj.documents.add(article(i) for i in range(10))
            for person in ANNOTATORS:
                proj.team.add(person)
        outputs.append(run("assign", path, "--auto", "2", "--overlap", "0.2", "--seed", "9").output)
        with Project.open(path) as proj:
            plans.append([(a.annotator, a.document_id) for a in proj.assignments.find()])
    assert outputs[0] == outputs[1] and plans[0] == plans[1]
    assert "Assigned 10 documents:" in outputs[0]
    assert "10 documents planned, 2 of them for 2 annotators each (the agreement sample)." in outputs[0]
    assert "  ana: 4 new" in outputs[0]
    assert "every document is assigned" in run("assign", tmp_path / "one.framing", "--auto", "2", ok=False).output


def test_assign_auto_with_named_annotators_and_too_many_per_document(tmp_path):
    path = tmp_path / "p.framing"
    run("init", path)
    with Project.open(path) as proj:
        proj.documents.add(article(i) for i in range(5))
    assert "only 1" in run("assign", path, "--auto", "2", "-a", "solo", ok=False).output
    result = run("assign", path, "--auto", "1", "-a", "x", "-a", "y", "--seed", "abc")
    assert "x: " in result.output and "y: " in result.output


def test_progress_shows_the_matrix_and_totals(lead):
    with Project.open(lead) as proj:
        first = proj.assignments.of_annotator("ana")[0].document_id
        proj.assignments.set_status("ana", first, "done")
    result = run("progress", lead)
    lines = result.output.splitlines()
    assert lines[0].split() == ["#", "document", "ana", "ben", "cleo", "done"]
    assert any("done" in line for line in lines[1:7])
    assert "ana: 3 assigned, 2 todo, 0 in progress, 1 done" in result.output
    assert "Documents: 6 assigned" in result.output
    summary = run("progress", lead, "--summary", "-a", "ben").output
    assert "document" not in summary and summary.startswith("ben: ")


def test_progress_without_assignments(tmp_path):
    path = tmp_path / "p.framing"
    run("init", path)
    assert "No documents are assigned yet" in run("progress", path).output


def test_blind_on_off_and_show(lead):
    assert "is off" in run("blind", lead).output
    assert "is on" in run("blind", lead, "on", "--as", "lead").output
    with Project.open(lead) as proj:
        assert proj.team.blind_coding()
    assert "is off" in run("blind", lead, "off", "--as", "lead").output
    run("blind", lead, "maybe", ok=False)


def with_gold(path):
    """A gold standard in the file (the lead accepted one of ana's spans), and three documents nobody has."""
    with Project.open(path) as proj:
        doc = proj.assignments.of_annotator("ana")[0].document_id
        proj.adjudication.accept_span(add_span(proj, doc, "ana", 2, 8), curator="lead")
        return proj.documents.add(article(i) for i in range(10, 13)).added


def test_gold_is_not_a_coder_to_assign_to(lead):
    new = with_gold(lead)
    result = run("assign", lead, "--auto", "1", "--seed", "3")
    assert "Assigned 3 documents:" in result.output and "gold" not in result.output
    with Project.open(lead) as proj:
        assert proj.assignments.of_annotator("gold") == []
        assert {a.annotator for a in proj.assignments.find() if a.document_id in new} <= set(ANNOTATORS)


def test_the_list_of_annotators_leaves_gold_out(lead):
    with_gold(lead)
    names = [line.split("\t")[0] for line in run("annotators", lead).output.splitlines()]
    assert names == ["lead", *ANNOTATORS]


def test_the_plan_counts_in_words(tmp_path):
    path = tmp_path / "p.framing"
    run("init", path)
    with Project.open(path) as proj:
        proj.documents.add(article(i) for i in range(3))
    result = run("assign", path, "--auto", "1", "-a", "solo")
    assert "3 documents planned, 1 annotator each (no agreement sample)." in result.output
    assert "solo: 3 new, 3 in all" in result.output and "annotators each" not in result.output


def test_turning_blind_coding_on_or_off_is_the_leads(lead):
    assert "is off" in run("blind", lead).output  # anyone may look
    assert "--as" in run("blind", lead, "on", ok=False).output
    refused = run("blind", lead, "on", "--as", "ana", ok=False).output
    assert "only the project lead (lead)" in refused
    assert "unknown annotator 'zed'" in run("blind", lead, "on", "--as", "zed", ok=False).output
    with Project.open(lead) as proj:
        assert not proj.team.blind_coding()
    assert "is on" in run("blind", lead, "on", "--as", "lead").output
    assert "--as" in run("blind", lead, "off", ok=False).output
    assert "is on" in run("blind", lead).output
    assert "is off" in run("blind", lead, "off", "--as", "lead").output


def test_without_a_lead_anyone_sets_blind_coding(tmp_path):
    path = tmp_path / "p.framing"
    run("init", path)  # the usual order: create, turn blind coding on, then add the coders
    assert "is on" in run("blind", path, "on").output
    assert "is off" in run("blind", path, "off", "--as", "lea").output  # a name nobody has yet is fine too
    assert "is on" in run("blind", path, "on", "--as", "lea").output
    assert "is off" in run("blind", path, "off").output  # blind, nobody named: still no lead to ask
    with Project.open(path) as proj:
        proj.team.add("dora")
    assert "is on" in run("blind", path, "on", "--as", "dora").output
    with Project.open(path) as proj:
        assert proj.team.blind_coding()


def test_a_wide_title_keeps_the_progress_table_aligned(tmp_path):
    from annotator.core.model import Document

    path = tmp_path / "p.framing"
    run("init", path)
    titles = ["Plain title", "🌍 Climat", "東京の記者会見", "Les " + "🌍" * 14, "Cafe\u0301 noir", "👍🏽 Bravo",
              "👨\u200d👩\u200d👧 Famille"]
    with Project.open(path) as proj:
        docs = proj.documents.add(Document(text=f"Text {i}.", title=t) for i, t in enumerate(titles)).added
        proj.assignments.assign("ana", docs)
    lines = run("progress", path).output.splitlines()[1:8]

    def row(number: int, title_cell: str) -> str:
        return f"{number:>5}  {title_cell}  todo    0.0%"

    assert lines[0] == row(1, "Plain title" + " " * 19)
    assert lines[1] == row(2, "🌍 Climat" + " " * 21)  # the globe takes two columns of the terminal
    assert lines[2] == row(3, "東京の記者会見" + " " * 16)
    assert lines[3] == row(4, "Les " + "🌍" * 12 + "… ")  # cut before a character that would overflow
    assert lines[4] == row(5, "Cafe\u0301 noir" + " " * 21)  # the accent combines with the e: no column of its own
    assert lines[5] == row(6, "👍🏽 Bravo" + " " * 22)  # a skin tone shapes the emoji before it
    assert lines[6] == row(7, "👨\u200d👩\u200d👧 Famille" + " " * 20)  # one family joined by ZWJ: two columns
