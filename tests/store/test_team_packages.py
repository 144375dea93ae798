"""Packages: one annotator's documents, the codebook and their own work, in a new project file."""

from __future__ import annotations

import pytest

from annotator.core.errors import ProjectError
from annotator.store import Project
from tests.store.team_helpers import ANNOTATORS, add_span, make_lead, question


@pytest.fixture
def lead(tmp_path):
    path = make_lead(tmp_path / "lead.framing", documents=8)
    with Project.open(path) as proj:
        q, answers = question(proj)
        for name in ANNOTATORS:
            for assigned in proj.assignments.of_annotator(name):
                add_span(proj, assigned.document_id, name, 3, 6)
                proj.answers.set(assigned.document_id, name, q, answers[0])
        add_span(proj, proj.documents.ids()[0], "lead", 1, 4)
    return path


def test_a_package_holds_the_annotators_documents_codebook_and_work(lead, tmp_path):
    out = tmp_path / "ana.framing"
    with Project.open(lead) as proj:
        info = proj.packages.write("ana", out)
        mine = [d.document_id for d in proj.assignments.of_annotator("ana")]
        project_id, labels = proj.project_id, proj.codebook.labels()
        history = proj.codebook.history()
    assert (info.documents, info.spans, info.document_labels) == (len(mine), len(mine), len(mine))
    with Project.open(out) as pkg:
        assert pkg.project_id == project_id
        assert sorted(pkg.documents.ids()) == sorted(mine)
        assert pkg.codebook.labels() == labels and pkg.codebook.history() == history
        assert [a.name for a in pkg.team.annotators()] == ["ana"]
        spans = [s for doc in mine for s in pkg.spans.of_document(doc)]
        assert {s.annotator for s in spans} == {"ana"} and len(spans) == len(mine)
        assert {dl.annotator for dl in pkg.answers.find()} == {"ana"}
        assert [a.document_id for a in pkg.assignments.find()] == [a.document_id for a in pkg.assignments.find("ana")]
        assert sorted(a.document_id for a in pkg.assignments.find()) == sorted(mine)
        settings = pkg.packages.info()
        assert settings["package_annotator"] == "ana" and settings["package_id"] == info.package_id
        assert settings["packaged_from"] == "lead.framing" and settings["packaged_at"]
        assert pkg.integrity_ok()


def test_an_unassigned_document_stays_out_of_the_package(lead, tmp_path):
    with Project.open(lead) as proj:
        mine = [d.document_id for d in proj.assignments.of_annotator("ben")]
        proj.assignments.unassign("ben", [mine[0]])
        proj.packages.write("ben", tmp_path / "ben.framing")
    with Project.open(tmp_path / "ben.framing") as pkg:
        assert sorted(pkg.documents.ids()) == sorted(mine[1:])


def test_each_package_has_its_own_id(lead, tmp_path):
    with Project.open(lead) as proj:
        first = proj.packages.write("cleo", tmp_path / "cleo-1.framing")
        second = proj.packages.write("cleo", tmp_path / "cleo-2.framing")
    assert first.package_id != second.package_id


@pytest.mark.parametrize("who, words", [("nobody", "no annotator called"), ("lead", "no documents assigned")])
def test_refused_packages_leave_no_file(lead, tmp_path, who, words):
    out = tmp_path / "out.framing"
    with Project.open(lead) as proj:
        with pytest.raises(ProjectError, match=words):
            proj.packages.write(who, out)
    assert not out.exists()


def test_an_existing_file_is_never_overwritten(lead, tmp_path):
    out = tmp_path / "precious.framing"
    out.write_bytes(b"someone's thesis")
    with Project.open(lead) as proj:
        with pytest.raises(ProjectError, match="exists already"):
            proj.packages.write("ana", out)
    assert out.read_bytes() == b"someone's thesis"
