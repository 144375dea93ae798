"""Our JSONL as a complete interchange: export -> import into a new project -> export gives the same bytes."""

from __future__ import annotations

import json

import pytest

from annotator.core.model import Choice, Document, Label, Span
from annotator.io.codebook_files import load_preset
from annotator.services.exporting import export_project
from annotator.services.importing import import_paths
from annotator.store import Project
from tests.io.export_data import build


def _enrich(project: Project) -> None:
    """Beyond export_data: names other tools mangle, a new question with notes, memos, a lead, an attribute."""
    data_docs = list(project.documents.iter_all())
    project.team.set_role("lead", "lead")
    project.team.add("zoé")  # on the team, no work yet
    change = project.labels.create("Délégitimation")
    delegit = change.labels[0]
    chinese = project.labels.create("中文标签", parent=delegit).labels[0]
    question = project.labels.create("Cadre dominant", kind="document").labels[0]
    project.codebook.add_label(Label(id="genre", name="Genre", kind="document",
                                     choices=[Choice("news", "News"), Choice("opinion", "Opinion")]))
    first = data_docs[0]
    text = first.text
    start = text.index("manifestants")
    project.spans.add(Span(first.id, "alice", chinese, start, start + 12, "manifestants",
                           note="a note", attributes={"stance": "critical", "free": [1, 2]}, origin="suggestion"))
    project.spans.add(Span(first.id, "zoé", delegit, 0, 2, text[:2]))
    yes = project.codebook.label(question).choices[0].id
    project.answers.set(first.id, "bob", question, yes, note="sure")
    project.answers.set(data_docs[1].id, "alice", "genre", "news|opinion")
    project.memos.set(first.id, "alice", "Lead paragraph is loaded.\nSecond line « quoted ».")
    project.memos.set(data_docs[2].id, "bob", "memo 👍🏽")
    project.documents.add([Document(text="A document nobody touched.", title="", metadata={"k": [1, {"z": None}]})])


@pytest.fixture
def source(project) -> Project:
    build(project)
    _enrich(project)
    return project


def _lines(path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("target_codebook", ["none", "preset"])
def test_export_import_export_is_identical(source, tmp_path, target_codebook):
    first = tmp_path / "first.jsonl"
    export_project(source, "jsonl", first)
    target = Project.create(tmp_path / "target.framing")
    if target_codebook == "preset":
        target.codebook.install(load_preset("framing-devices"))
    report = import_paths(target, [first], fallback_annotator="someone-else")
    assert not report.refused and not report.warnings, report.summary()
    second = tmp_path / "second.jsonl"
    export_project(target, "jsonl", second)
    assert second.read_bytes() == first.read_bytes()
    target.close()


def test_what_the_round_trip_restores(source, tmp_path):
    out = tmp_path / "all.jsonl"
    export_project(source, "jsonl", out)
    target = Project.create(tmp_path / "target.framing")
    import_paths(target, [out])
    assert [(a.name, a.role) for a in target.team.annotators()] == [
        (a.name, a.role) for a in source.team.annotators()]
    assert target.codebook.current().labels == source.codebook.current().labels
    assert target.codebook.current().attributes == source.codebook.current().attributes
    assert target.codebook.current().name == source.codebook.current().name
    for doc in source.documents.iter_all():
        assert target.documents.get(doc.id) == doc
        for person in ("alice", "bob", "zoé"):
            assert target.assignments.status(person, doc.id) == source.assignments.status(person, doc.id)
            assert target.memos.get(doc.id, person) == source.memos.get(doc.id, person)
        theirs = {s.id: s for s in source.spans.of_document(doc.id) if s.origin != "adjudication"}
        ours = {s.id: s for s in target.spans.of_document(doc.id)}
        assert ours == theirs  # ids, notes, attributes, origin, times, codebook versions
        assert sorted((a.annotator, a.question, a.value, a.note, a.created, a.updated)
                      for a in target.answers.find(doc.id)) == sorted(
            (a.annotator, a.question, a.value, a.note, a.created, a.updated) for a in source.answers.find(doc.id)
            if a.annotator != "gold")
    history = target.codebook.history()
    assert len(history) == 1 and "added by an import" in history[0]["change"]
    target.close()


def test_importing_the_same_export_twice_adds_nothing(source, tmp_path):
    out = tmp_path / "all.jsonl"
    export_project(source, "jsonl", out)
    again = import_paths(source, [out])
    assert again.documents_imported == 0 and again.spans == 0 and again.answers == 0
    assert again.repeated_spans == source.spans.count() - sum(
        1 for d in source.documents.iter_all() for s in source.spans.of_document(d.id) if s.origin == "adjudication")
    assert not again.labels and not again.refused
    second = tmp_path / "second.jsonl"
    export_project(source, "jsonl", second)
    assert second.read_bytes() == out.read_bytes()


def test_a_project_with_its_own_codebook_gets_the_missing_labels_choices_and_attributes(source, tmp_path):
    out = tmp_path / "all.jsonl"
    export_project(source, "jsonl", out)
    target = Project.create(tmp_path / "target.framing")
    target.codebook.install(load_preset("framing-devices"))
    target.codebook.add_label(Label(id="genre", name="Kind of piece", kind="document",
                                    choices=[Choice("news", "News")]))
    report = import_paths(target, [out])
    assert not report.refused, report.summary()
    genre = target.codebook.label("genre")
    assert [c.id for c in genre.choices] == ["news", "opinion"]
    assert any("got the new choice 'Opinion'" in line for line in report.new_choices)
    assert "New choices added to questions" in report.summary()
    assert {a.id for a in target.codebook.attributes()} >= {a.id for a in source.codebook.attributes()}


def test_spans_keep_their_ids_unless_taken(source, tmp_path):
    out = tmp_path / "all.jsonl"
    export_project(source, "jsonl", out, annotators=["alice"])
    lines = _lines(out)
    taken = lines[0]["annotations"][0]["id"]
    target = Project.create(tmp_path / "target.framing")
    target.codebook.install(load_preset("framing-devices"))
    target.documents.add([Document(text="Other text holding the id.")])
    other = next(target.documents.iter_all())
    target.spans.add(Span(other.id, "x", "naming", 0, 5, "Other", id=taken))
    import_paths(target, [out])
    ids = {s.id for d in target.documents.iter_all() for s in target.spans.of_document(d.id)}
    expected = {a["id"] for line in lines for a in line["annotations"]}
    assert expected - {taken} <= ids and len(ids) == len(expected) + 1


def test_the_header_is_on_the_first_line_only_and_doccano_fields_stay(source, tmp_path):
    out = tmp_path / "all.jsonl"
    export_project(source, "jsonl", out)
    lines = _lines(out)
    assert "framing_annotator" in lines[0] and all("framing_annotator" not in line for line in lines[1:])
    header = lines[0]["framing_annotator"]
    assert header["format"] == "framing-annotator-jsonl" and header["format_version"] == 2
    assert "version" not in header["codebook"]
    assert {label["name"] for label in header["codebook"]["labels"]} >= {"Délégitimation", "中文标签"}
    for line in lines:
        assert isinstance(line["text"], str) and all(len(triple) == 3 for triple in line["label"])
    named = {triple[2] for line in lines for triple in line["label"]}
    assert "中文标签" in named and "Délégitimation" in named


def test_a_newer_format_version_is_refused_with_the_reason(source, tmp_path):
    out = tmp_path / "all.jsonl"
    export_project(source, "jsonl", out)
    lines = _lines(out)
    lines[0]["framing_annotator"]["format_version"] = 99
    out.write_text("\n".join(json.dumps(line) for line in lines), encoding="utf-8")
    target = Project.create(tmp_path / "target.framing")
    report = import_paths(target, [out])
    assert "newer version of Framing Annotator" in report.refused[0].reason
    assert target.counts()["documents"] == 0


def test_an_attribute_the_project_has_gets_the_choices_it_lacks(source, tmp_path):
    stance = next(a for a in source.codebook.attributes() if a.id == "stance")
    stance.choices.append("ironic")
    stance.choice_details.append(Choice("ironic", "Ironic"))
    with source.db.atomic():
        source.codebook.write_attribute(stance, 0)
        source.codebook.record_change("stance: ironic added")
    out = tmp_path / "all.jsonl"
    export_project(source, "jsonl", out)
    target = Project.create(tmp_path / "target.framing")
    target.codebook.install(load_preset("framing-devices"))
    positions_before = [a.id for a in target.codebook.attributes()]
    import_paths(target, [out])
    after = {a.id: a for a in target.codebook.attributes()}
    assert after["stance"].choices[-1] == "ironic" and after["stance"].choice_details[-1].name == "Ironic"
    assert [a.id for a in target.codebook.attributes()] == positions_before  # kept in place
    target.close()


def test_statuses_from_a_file_move_forward_never_back(source, tmp_path):
    out = tmp_path / "all.jsonl"
    export_project(source, "jsonl", out)
    docs = list(source.documents.ids())
    source.assignments.set_status("alice", docs[0], "in progress")  # was done in the file
    source.assignments.set_status("bob", docs[0], "todo")  # was in progress in the file
    import_paths(source, [out])
    assert source.assignments.status("alice", docs[0]) == "done"
    assert source.assignments.status("bob", docs[0]) == "in progress"
    source.assignments.set_status("alice", docs[1], "done")
    lines = _lines(out)
    lines[1]["statuses"]["alice"] = "todo"
    out.write_text("\n".join(json.dumps(line, ensure_ascii=False) for line in lines), encoding="utf-8")
    import_paths(source, [out])
    assert source.assignments.status("alice", docs[1]) == "done"
