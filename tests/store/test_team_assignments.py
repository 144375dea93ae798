"""Blind coding, assignments by hand and automatic, each annotator's list and the progress matrix."""

from __future__ import annotations

import pytest

from annotator.core.assignment import AssignmentError
from annotator.core.errors import NotPermitted, ProjectError
from annotator.store import Project
from tests.store.team_helpers import ANNOTATORS, article, make_lead


@pytest.fixture
def docs(project) -> list[str]:
    return project.documents.add(article(i) for i in range(10)).added


def test_blind_coding_is_a_project_setting(project, tmp_path):
    assert project.team.blind_coding() is False
    change = project.team.set_blind_coding(True)
    assert change.action == "blind coding on"
    project.close()
    with Project.open(tmp_path / "test.framing") as again:
        assert again.team.blind_coding() is True
        again.team.set_blind_coding(False)
        assert again.team.blind_coding() is False


def test_assign_by_hand_lists_documents_in_order_with_status(project, docs):
    change = project.assignments.assign("ana", [docs[3], docs[1], docs[3]])
    assert change.documents == [docs[3], docs[1]] and change.annotators == ["ana"]
    assert [d.document_id for d in project.assignments.of_annotator("ana")] == [docs[1], docs[3]]
    project.assignments.set_status("ana", docs[3], "in progress")
    assert [d.status for d in project.assignments.of_annotator("ana")] == ["todo", "in progress"]
    assert not project.assignments.assign("ana", [docs[1]])  # already assigned: nothing changes
    assert "ana" in [a.name for a in project.team.annotators()]


def test_unassign_leaves_a_tombstone_and_keeps_the_work(project, docs):
    project.assignments.assign("ben", docs[:2])
    project.assignments.set_status("ben", docs[0], "done")
    assert project.assignments.unassign("ben", [docs[0], docs[5]]).documents == [docs[0]]
    assert [a.document_id for a in project.assignments.find("ben")] == [docs[1]]
    assert project.assignments.status("ben", docs[0]) == "done"  # the work done is not forgotten
    project.assignments.assign("ben", [docs[0]])  # and comes back with the assignment
    assert [(d.document_id, d.status) for d in project.assignments.of_annotator("ben")] == [
        (docs[0], "done"), (docs[1], "todo")]


def test_assigning_an_unknown_document_changes_nothing(project, docs):
    with pytest.raises(ProjectError, match="unknown document"):
        project.assignments.assign("ana", [docs[0], "f" * 64])
    assert project.assignments.find() == []


def test_document_references_may_be_unique_prefixes(project, docs):
    assert project.documents.resolve_ids([docs[2][:10], docs[2]]) == [docs[2]]
    with pytest.raises(ProjectError, match="no document"):
        project.documents.resolve_ids(["zz"])
    with pytest.raises(ProjectError, match="several document ids"):
        project.documents.resolve_ids([_shared_prefix(docs)])


def _shared_prefix(docs: list[str]) -> str:
    """A first character two of the (fixed) document ids share."""
    firsts = [d[0] for d in docs]
    return next(c for c in firsts if firsts.count(c) > 1)


def test_auto_assign_is_balanced_and_covers_every_document(project, docs):
    change = project.assignments.auto_assign(list(ANNOTATORS), per_document=2, overlap_share=0.3, seed=5)
    assert sorted(change.documents) == sorted(docs)
    assert len(change.details["overlap"]) == 3
    loads = [len(project.assignments.of_annotator(name)) for name in ANNOTATORS]
    assert sum(loads) == 13 and max(loads) - min(loads) <= 1
    for doc in docs:
        coders = [a.annotator for a in project.assignments.find(document_id=doc)]
        assert len(coders) == (2 if doc in change.details["overlap"] else 1)


def test_auto_assign_is_reproducible_from_the_seed(tmp_path):
    plans = []
    for name in ("one", "two"):
        with Project.open(make_lead(tmp_path / f"{name}.framing", documents=15, seed=42)) as proj:
            plans.append([(a.annotator, a.document_id) for a in proj.assignments.find()])
    assert plans[0] == plans[1]
    with Project.open(make_lead(tmp_path / "three.framing", documents=15, seed=43)) as proj:
        assert [(a.annotator, a.document_id) for a in proj.assignments.find()] != plans[0]


def test_a_second_round_assigns_only_new_documents_and_evens_loads(project, docs):
    project.assignments.assign("ana", docs[:4])
    change = project.assignments.auto_assign(["ana", "ben"], per_document=1, overlap_share=0, seed=1)
    assert sorted(change.documents) == sorted(docs[4:])
    assert change.details["load"] == {"ana": 1, "ben": 5}
    with pytest.raises(AssignmentError, match="every document is assigned"):
        project.assignments.auto_assign(["ana", "ben"], seed=1)


def test_progress_matrix_and_totals(project, docs):
    project.assignments.assign("ana", docs[:3])
    project.assignments.assign("ben", docs[2:4])
    project.assignments.set_status("ana", docs[0], "done")
    project.assignments.set_status("ana", docs[2], "done")
    project.assignments.set_status("ben", docs[2], "done")
    project.assignments.set_status("ben", docs[3], "in progress")
    report = project.assignments.progress()
    assert report.annotators == ["ana", "ben"]
    assert [row.document_id for row in report.rows] == docs[:4]
    assert report.rows[2].statuses == {"ana": "done", "ben": "done"}
    assert report.totals["ana"] == {"todo": 1, "in progress": 0, "done": 2}
    assert report.totals["ben"] == {"todo": 0, "in progress": 1, "done": 1}
    assert report.total("done") == 3 and report.documents_done == 2 and report.unassigned == 6
    only_ben = project.assignments.progress(["ben"])
    assert only_ben.annotators == ["ben"] and len(only_ben.rows) == 2


def test_only_the_lead_adjudicates_once_there_is_one(project):
    project.team.add("ana")
    project.team.add("ben")
    assert project.team.may_adjudicate("ana") and project.team.may_adjudicate("ben")  # no lead yet
    project.team.set_role("ana", "lead")
    assert project.team.may_adjudicate("ana") and not project.team.may_adjudicate("ben")


def test_only_a_lead_turns_blind_coding_on_or_off_once_there_is_one(project):
    project.team.set_blind_coding(True)  # no lead yet: anyone, even nobody in particular
    project.team.set_blind_coding(False, by="ana")
    project.team.add("lea", role="lead")
    project.team.add("ana")
    for by in ("ana", None, "zed"):
        with pytest.raises(NotPermitted, match=r"only the project lead \(lea\) turns blind coding on or off"):
            project.team.set_blind_coding(True, by=by)
    assert project.team.blind_coding() is False
    project.team.set_blind_coding(True, by="lea")
    assert project.team.blind_coding() is True
