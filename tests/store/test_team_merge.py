"""Merging three annotators' packages back into the lead's project: any order, twice, conflicts."""

from __future__ import annotations

import itertools
import shutil
import sqlite3
from pathlib import Path

import pytest

from annotator.core.model import Label, now_iso
from annotator.store import Project
from tests.store.team_helpers import (
    ANNOTATORS,
    add_span,
    canonical_dump,
    full_dump,
    make_lead,
    question,
    span_labels,
)


@pytest.fixture
def scenario(tmp_path) -> dict:
    """The lead's project and three packages, edited independently after packaging.

    - ana deletes her pilot span, adds spans, finishes a document, answers a question;
    - ben edits his pilot span 1, which the lead also edited (a conflict ben wins by being later);
      the lead deletes ben's pilot span 2, which ben does not touch; ben sends an early copy
      ("ben-early"), then edits the span again and deletes a span the early copy still has;
    - cleo adds a label of her own and uses it, adds then deletes a span (a tombstone the lead
      never saw), changes her pilot answer; the lead takes one of cleo's documents away.
    """
    lead = make_lead(tmp_path / "lead.framing")
    ids: dict = {}
    with Project.open(lead) as proj:
        docs = {name: [d.document_id for d in proj.assignments.of_annotator(name)] for name in ANNOTATORS}
        q, answers = question(proj)
        ids["ana_pilot"] = add_span(proj, docs["ana"][0], "ana", 3, 10)
        ids["ben_pilot1"] = add_span(proj, docs["ben"][0], "ben", 5, 12)
        ids["ben_pilot2"] = add_span(proj, docs["ben"][0], "ben", 30, 8)
        proj.answers.set(docs["cleo"][0], "cleo", q, answers[0])
        for name in ANNOTATORS:
            proj.packages.write(name, tmp_path / f"{name}.framing")
        proj.spans.update(ids["ben_pilot1"], note="lead's correction")
        proj.spans.delete(ids["ben_pilot2"])
        proj.assignments.unassign("cleo", [docs["cleo"][-1]])
    with Project.open(tmp_path / "ana.framing") as pkg:
        pkg.spans.delete(ids["ana_pilot"])
        ids["ana_new"] = [add_span(pkg, docs["ana"][i % len(docs["ana"])], "ana", 7 * i, 9) for i in range(3)]
        pkg.assignments.set_status("ana", docs["ana"][0], "done")
        pkg.answers.set(docs["ana"][1], "ana", q, answers[-1])
    with Project.open(tmp_path / "ben.framing") as pkg:
        pkg.spans.update(ids["ben_pilot1"], note="ben's second thought", label_id=span_labels(pkg)[1])
        ids["ben_new"] = add_span(pkg, docs["ben"][1], "ben", 11, 14)
        pkg.assignments.set_status("ben", docs["ben"][1], "in progress")
    shutil.copy(tmp_path / "ben.framing", tmp_path / "ben-early.framing")
    with Project.open(tmp_path / "ben.framing") as pkg:
        pkg.spans.update(ids["ben_pilot1"], note="ben's final word")
        ids["ben_late"] = add_span(pkg, docs["ben"][1], "ben", 40, 5)
        pkg.spans.delete(ids["ben_new"])
    with Project.open(tmp_path / "cleo.framing") as pkg:
        pkg.codebook.add_label(Label(id="irony", name="Irony", kind="span", color="#AA3377", shortcut="y"))
        ids["cleo_irony"] = add_span(pkg, docs["cleo"][1], "cleo", 2, 6, label="irony")
        ids["cleo_gone"] = add_span(pkg, docs["cleo"][1], "cleo", 20, 6)
        pkg.spans.delete(ids["cleo_gone"])
        pkg.answers.set(docs["cleo"][0], "cleo", q, answers[1])
    sources = {name: tmp_path / f"{name}.framing" for name in ANNOTATORS + ("ben-early",)}
    return {"dir": tmp_path, "lead": lead, "ids": ids, "docs": docs, "sources": sources,
            "packages": [sources[name] for name in ("ana", "ben-early", "ben", "cleo")]}


def merged_copy(scenario: dict, order, name: str) -> Path:
    target = scenario["dir"] / f"{name}.framing"
    shutil.copy(scenario["lead"], target)
    with Project.open(target) as proj:
        for package in order:
            proj.merges.merge(package)
    return target


def test_every_order_gives_the_same_project(scenario):
    dumps = [canonical_dump(merged_copy(scenario, order, f"order{i}"))
             for i, order in enumerate(itertools.permutations(scenario["packages"]))]
    assert len(dumps) == 24
    for dump in dumps[1:]:
        assert dump == dumps[0]


def test_every_order_records_the_conflict_once(scenario):
    """ben's edit against the lead's is one conflict, whichever of ben's copies arrives first."""
    for i, order in enumerate(itertools.permutations(scenario["packages"])):
        with Project.open(merged_copy(scenario, order, f"order{i}")) as proj:
            conflicts = proj.merges.conflicts()
        assert [(c.kind, c.object_id, c.discarded["note"]) for c in conflicts] == [
            ("span", scenario["ids"]["ben_pilot1"], "lead's correction")]
        first_ben = next(p for p in order if p.stem.startswith("ben"))
        assert conflicts[0].kept["note"] == (
            "ben's second thought" if first_ben.stem == "ben-early" else "ben's final word")


def test_merged_project_holds_everyones_work(scenario):
    target = merged_copy(scenario, scenario["packages"], "merged")
    ids, docs = scenario["ids"], scenario["docs"]
    with Project.open(target) as proj:
        assert proj.spans.get(ids["ana_pilot"]).deleted
        assert all(not proj.spans.get(i).deleted for i in ids["ana_new"])
        pilot = proj.spans.get(ids["ben_pilot1"])
        assert pilot.note == "ben's final word" and pilot.label_id == span_labels(proj)[1]
        assert proj.spans.get(ids["ben_pilot2"]).deleted  # the lead's deletion stays
        assert proj.spans.get(ids["ben_new"]).deleted  # ben's later deletion beats his early copy
        assert not proj.spans.get(ids["ben_late"]).deleted
        assert proj.spans.get(ids["cleo_gone"]).deleted  # a tombstone for a span the lead never saw
        irony = proj.codebook.label("irony")
        assert irony.imported and irony.shortcut == ""
        assert proj.spans.get(ids["cleo_irony"]).label_id == "irony"
        assert proj.assignments.status("ana", docs["ana"][0]) == "done"
        assert proj.assignments.status("ben", docs["ben"][1]) == "in progress"
        assert docs["cleo"][-1] not in [d.document_id for d in proj.assignments.of_annotator("cleo")]
        q, answers = question(proj)
        assert [dl.value for dl in proj.answers.find(docs["cleo"][0], "cleo")] == [answers[1]]
        assert proj.integrity_ok()


def test_reports_say_what_each_package_brought(scenario):
    sources = scenario["sources"]
    with Project.open(scenario["lead"]) as proj:
        ana, ben, cleo = (proj.merges.merge(sources[name]) for name in ANNOTATORS)
    assert (ana.spans.added, ana.spans.deleted, ana.document_labels.added, ana.assignments.updated) == (3, 1, 1, 1)
    assert not ana.conflicts and not ana.documents_added
    assert sorted(ana.documents_skipped) == sorted(scenario["docs"]["ana"])
    # the span ben added before the early copy and deleted after it arrives as a tombstone
    assert (ben.spans.added, ben.spans.updated, ben.spans.deleted, len(ben.conflicts)) == (1, 1, 1, 1)
    assert ben.conflicts[0].kept == "source"
    assert cleo.unknown_labels == ["irony"]
    assert (cleo.spans.added, cleo.spans.deleted, cleo.document_labels.updated) == (1, 1, 1)
    assert cleo.assignments.total == 0  # the lead's later removal beats the package's old assignment
    assert all(r.changed for r in (ana, ben, cleo))
    assert ben.change().spans and ben.change().documents


def test_merging_twice_changes_nothing(scenario):
    target = merged_copy(scenario, scenario["packages"], "twice")
    before = full_dump(target)
    with Project.open(target) as proj:
        again = [proj.merges.merge(p) for p in scenario["packages"]]
    assert not any(r.changed for r in again)
    assert full_dump(target) == before


def test_a_later_package_from_the_same_annotator_is_not_a_conflict(scenario):
    """ben keeps working after his first merge; the second merge is a plain update."""
    ben = scenario["sources"]["ben"]
    with Project.open(scenario["lead"]) as proj:
        proj.merges.merge(ben)
    with Project.open(ben) as pkg:
        pkg.spans.update(scenario["ids"]["ben_pilot1"], note="ben, third version")
    with Project.open(scenario["lead"]) as proj:
        report = proj.merges.merge(ben)
        assert report.spans.updated == 1 and not report.conflicts
        assert proj.spans.get(scenario["ids"]["ben_pilot1"]).note == "ben, third version"
        assert len(proj.merges.conflicts()) == 1


def test_the_target_keeps_a_later_edit_and_records_the_conflict(scenario):
    ids = scenario["ids"]
    with Project.open(scenario["lead"]) as proj:
        proj.spans.update(ids["ben_pilot1"], note="the lead, last")
        report = proj.merges.merge(scenario["sources"]["ben"])
        assert report.conflicts[0].kept == "target"
        assert proj.spans.get(ids["ben_pilot1"]).note == "the lead, last"
        assert report.spans.updated == 0


def test_equal_times_are_decided_by_content_in_any_order(tmp_path, scenario):
    """Two packages editing one span at the very same microsecond: the same winner either way."""
    ben = scenario["sources"]["ben"]
    twin = tmp_path / "ben-twin.framing"
    shutil.copy(ben, twin)
    span_id = scenario["ids"]["ben_pilot1"]
    same_time = now_iso()  # (not a future date: a merge refuses those)
    for path, note in ((ben, "version one"), (twin, "version two")):
        conn = sqlite3.connect(str(path))
        with conn:
            conn.execute("UPDATE spans SET note = ?, updated = ? WHERE id = ?", [note, same_time, span_id])
        conn.close()
    notes = []
    for i, order in enumerate(((ben, twin), (twin, ben))):
        with Project.open(merged_copy(scenario, order, f"tie{i}")) as proj:
            notes.append(proj.spans.get(span_id).note)
    assert notes[0] == notes[1] and notes[0] in ("version one", "version two")


def test_the_source_file_is_not_written(scenario):
    package = scenario["sources"]["cleo"]
    before = package.read_bytes()
    with Project.open(scenario["lead"]) as proj:
        proj.merges.merge(package)
    assert package.read_bytes() == before


def test_an_edit_the_annotator_never_saw_still_conflicts_in_a_later_round(scenario):
    """The lead deleted ben's pilot span 2; ben, who never received that deletion, edits it after
    his first merge: the second merge keeps ben's later edit and records the conflict."""
    ben, span_id = scenario["sources"]["ben"], scenario["ids"]["ben_pilot2"]
    with Project.open(scenario["lead"]) as proj:
        first = proj.merges.merge(ben)
        assert [c.object_id for c in first.conflicts] == [scenario["ids"]["ben_pilot1"]]
        assert proj.spans.get(span_id).deleted
    with Project.open(ben) as pkg:
        pkg.spans.update(span_id, note="ben still wants this one")
    with Project.open(scenario["lead"]) as proj:
        second = proj.merges.merge(ben)
        assert [(c.object_id, c.kept) for c in second.conflicts] == [(span_id, "source")]
        assert second.spans.updated == 1 and not proj.spans.get(span_id).deleted
        assert proj.merges.conflicts()[-1].discarded["deleted"] == 1
