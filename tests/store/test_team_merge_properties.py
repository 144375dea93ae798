"""Hypothesis: random work on the lead's project and three packages (sent early and late) merges
to the same project in any order, and merging everything again changes nothing."""

from __future__ import annotations

import shutil
from contextlib import suppress
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.errors import DuplicateSpan
from annotator.core.model import ASSIGNMENT_STATUSES
from annotator.store import Project
from tests.store.team_helpers import ANNOTATORS, add_span, canonical_dump, full_dump, make_lead, question

ACTORS = ("lead",) + ANNOTATORS
OPERATIONS = ("add", "edit", "delete", "restore", "status", "answer", "unassign")
operation = st.tuples(st.sampled_from(ACTORS), st.sampled_from(OPERATIONS),
                      st.integers(0, 10_000), st.integers(1, 40))


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> Path:
    """The lead's project with pilot spans for everyone, and a package per annotator."""
    folder = tmp_path_factory.mktemp("team-base")
    lead = make_lead(folder / "lead.framing", documents=6, seed=3)
    with Project.open(lead) as proj:
        for name in ANNOTATORS:
            for i, assigned in enumerate(proj.assignments.of_annotator(name)[:2]):
                add_span(proj, assigned.document_id, name, 5 + 9 * i, 7)
        for name in ANNOTATORS:
            proj.packages.write(name, folder / f"{name}.framing")
    return folder


def documents_of(proj: Project, actor: str) -> list[str]:
    if actor == "lead":
        return proj.documents.ids()
    return [d.document_id for d in proj.assignments.of_annotator(actor)] or proj.documents.ids()


def spans_of(proj: Project, actor: str) -> list:
    who = None if actor == "lead" else actor
    return [s for doc in proj.documents.ids() for s in proj.spans.of_document(doc, who, include_deleted=True)]


def apply(projects: dict[str, Project], step: tuple) -> None:
    """Do one piece of work as `actor` in their own file; steps that do not apply are skipped."""
    actor, op, a, b = step
    proj = projects[actor]
    docs = documents_of(proj, actor)
    doc = docs[a % len(docs)]
    name = actor if actor != "lead" else ANNOTATORS[b % len(ANNOTATORS)]
    live = [s for s in spans_of(proj, actor) if not s.deleted]
    gone = [s for s in spans_of(proj, actor) if s.deleted]
    if op == "add":
        with suppress(DuplicateSpan):  # the same span twice is refused: a step that does not apply
            add_span(proj, doc, actor, a, b)
    elif op == "edit" and live:
        proj.spans.update(live[a % len(live)].id, note=f"{actor} {a}")
    elif op == "delete" and live:
        proj.spans.delete(live[a % len(live)].id)
    elif op == "restore" and gone:
        with suppress(DuplicateSpan):
            proj.spans.restore(gone[a % len(gone)].id)
    elif op == "status":
        proj.assignments.set_status(name, doc, ASSIGNMENT_STATUSES[b % 3])
    elif op == "answer":
        q, answers = question(proj)
        proj.answers.set(doc, name, q, (answers + [""])[b % (len(answers) + 1)])
    elif op == "unassign" and actor == "lead":
        proj.assignments.unassign(name, [doc])


def work(folder: Path, steps: list[tuple]) -> None:
    projects = {actor: Project.open(folder / f"{actor}.framing") for actor in ACTORS}
    try:
        for step in steps:
            apply(projects, step)
    finally:
        for proj in projects.values():
            proj.close()


def merge_all(folder: Path, lead_copy: str, sources: list[Path]) -> Path:
    target = folder / lead_copy
    shutil.copy(folder / "lead.framing", target)
    with Project.open(target) as proj:
        for source in sources:
            proj.merges.merge(source)
    return target


@settings(max_examples=25, deadline=None)
@given(early=st.lists(operation, max_size=12), late=st.lists(operation, max_size=12), data=st.data())
def test_merge_is_independent_of_order_and_idempotent(base, early, late, data):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for actor in ACTORS:
            shutil.copy(base / f"{actor}.framing", folder / f"{actor}.framing")
        work(folder, early)
        for name in ANNOTATORS:  # an early copy each annotator sent before working on
            shutil.copy(folder / f"{name}.framing", folder / f"{name}-early.framing")
        work(folder, late)
        sources = [folder / f"{name}{suffix}.framing" for name in ANNOTATORS for suffix in ("", "-early")]
        first = merge_all(folder, "one.framing", data.draw(st.permutations(sources), label="first order"))
        second = merge_all(folder, "two.framing", data.draw(st.permutations(sources), label="second order"))
        assert canonical_dump(first) == canonical_dump(second)
        before = full_dump(first)
        with Project.open(first) as proj:
            assert not any(proj.merges.merge(source).changed for source in sources)
        assert full_dump(first) == before


def test_a_span_made_again_where_the_coder_deleted_one_survives_the_merge_in_either_order(base):
    """Found by the property above: an early package holds span A; the late one holds A deleted and a new
    span B on the same words. Merged early then late, B was taken for a repeat of A (still live while the
    new records were inserted before the updates) and lost."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for actor in ACTORS:
            shutil.copy(base / f"{actor}.framing", folder / f"{actor}.framing")
        work(folder, [("ana", "add", 14, 1), ("ana", "delete", 0, 1)])
        shutil.copy(folder / "ana.framing", folder / "ana-early.framing")
        work(folder, [("ana", "delete", 1, 1), ("ana", "add", 14, 1)])
        early, late = folder / "ana-early.framing", folder / "ana.framing"
        first = merge_all(folder, "one.framing", [early, late])
        second = merge_all(folder, "two.framing", [late, early])
        assert canonical_dump(first) == canonical_dump(second)
        with Project.open(late) as theirs, Project.open(first) as merged:
            live = {(s.id, s.start, s.end) for d in theirs.documents.ids()
                    for s in theirs.spans.of_document(d, "ana") if not s.deleted}
            kept = {(s.id, s.start, s.end) for d in merged.documents.ids()
                    for s in merged.spans.of_document(d, "ana") if not s.deleted}
            assert live and live <= kept
            assert not any(merged.merges.merge(source).changed for source in (early, late))
