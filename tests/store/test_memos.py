"""Document memos: one per annotator per article, cleared by an empty text, carried by packages and merged."""

from __future__ import annotations

import time

import pytest

from annotator.core.errors import NotFound
from annotator.store import Project
from tests.store.team_helpers import make_lead


def test_a_memo_is_written_read_and_cleared(project, tmp_path):
    from annotator.core.model import Document

    [doc] = project.documents.add([Document(text="An article about memos.", title="Memo")]).added
    assert project.memos.get(doc, "ana") == ""
    change = project.memos.set(doc, "ana", "Check the second quote: irony?")
    assert change.documents == [doc] and change.action.value == "memo set"
    assert project.memos.get(doc, "ana") == "Check the second quote: irony?"
    assert project.memos.get(doc, "ben") == ""
    assert [m.text for m in project.memos.find(annotator="ana")] == ["Check the second quote: irony?"]
    project.memos.set(doc, "ana", "  ")
    assert project.memos.get(doc, "ana") == "" and project.memos.find() == []
    with pytest.raises(NotFound):
        project.memos.set("no-such-document", "ana", "text")


def test_a_memo_travels_in_a_package_and_the_later_edit_wins(tmp_path):
    lead_path = make_lead(tmp_path / "lead.framing")
    with Project.open(lead_path, backup=False) as lead:
        doc = lead.documents.ids()[0]
        lead.assignments.assign("ana", [doc])
        lead.memos.set(doc, "ana", "first thoughts")
        lead.packages.write("ana", tmp_path / "ana.framing")
    with Project.open(tmp_path / "ana.framing", backup=False) as package:
        assert package.memos.get(doc, "ana") == "first thoughts"
        time.sleep(0.002)
        package.memos.set(doc, "ana", "second thoughts, after rereading")
    with Project.open(lead_path, backup=False) as lead:
        report = lead.merges.merge(tmp_path / "ana.framing")
        assert report.document_memos.updated == 1 and "memos" in "\n".join(report.summary_lines())
        assert lead.memos.get(doc, "ana") == "second thoughts, after rereading"
        assert lead.merges.merge(tmp_path / "ana.framing").document_memos.updated == 0  # idempotent
