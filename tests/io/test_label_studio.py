"""Label Studio: its JSON, JSON-MIN and CSV exports imported; our export checked against its own config."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import etree

from annotator.io.codebook_files import load_preset
from annotator.services.exporting import export_project
from annotator.services.importing import import_paths
from annotator.store import Project
from tests.io.export_data import build

SAMPLES = Path(__file__).parent / "data" / "label_studio"


def _spans(project):
    return sorted((d.title, s.annotator, project.codebook.label(s.label_id).name, s.text, s.note)
                  for d in project.documents.iter_all() for s in project.spans.of_document(d.id))


def _answers(project):
    names = {q.id: (q.name, {c.id: c.name for c in q.choices}) for q in project.codebook.labels() if q.kind == "document"}
    return sorted((a.annotator, names[a.question][0], names[a.question][1][a.value]) for a in project.answers.find())


@pytest.fixture
def empty(tmp_path):
    project = Project.create(tmp_path / "empty.framing")
    yield project
    project.close()


def test_json_export_with_users_choices_notes_and_old_utf16_offsets(empty):
    report = import_paths(empty, [SAMPLES / "project-3-export.json"])
    assert not report.refused, report.summary()
    assert _spans(empty) == [
        ("Les 👍🏽 affluent : Délégitimation des « experts » selon le ministre.", "user 1", "Délégitimation",
         "Délégitimation", ""),
        ("Les 👍🏽 affluent : Délégitimation des « experts » selon le ministre.", "user 1", "中文标签", "experts", ""),
        ("Réforme des retraites", "bea@example.org", "Guillemets de distance", "casse sociale", ""),
        ("Réforme des retraites", "user 1", "Euphémisme", "réforme nécessaire", ""),
        ("Réforme des retraites", "user 1", "Guillemets de distance", "casse sociale", "Mot des syndicats"),
    ]
    assert _answers(empty) == [("bea@example.org", "tone", "Neutre"), ("user 1", "tone", "Négatif")]
    doc = next(d for d in empty.documents.iter_all() if d.title == "Réforme des retraites")
    assert doc.outlet == "Le Monde"
    assert empty.assignments.status("bea@example.org", doc.id) == "done"
    [warning] = report.warnings
    assert "1 skipped (cancelled) annotation(s)" in warning and "1 prediction(s)" in warning
    assert "1 'relation' result(s)" in warning


@pytest.mark.parametrize("name", ["project-3-export-min.json", "project-3-export.csv"])
def test_json_min_and_csv_exports(empty, name):
    report = import_paths(empty, [SAMPLES / name])
    assert not report.refused, report.summary()
    spans = _spans(empty)
    assert ("Réforme des retraites", "bea@example.org", "Guillemets de distance", "casse sociale", "") in spans
    assert ("Réforme des retraites", "anna@example.org", "Euphémisme", "réforme nécessaire", "") in spans
    assert len(spans) == 5 and empty.counts()["documents"] == 2


def test_image_project_is_refused_saying_what_it_is(empty):
    report = import_paths(empty, [SAMPLES / "image-project.json"])
    [refusal] = report.refused
    assert "this is a Label Studio export" in refusal.reason and "only text projects" in refusal.reason


def _check_against_config(tasks: list, config: etree._Element) -> list[str]:
    """What Label Studio would reject: a result whose control, object, label or choice the config lacks."""
    problems = []
    controls = {el.get("name"): el for el in config.iter() if el.get("toName")}
    objects = {el.get("name") for el in config.iter("Text")}
    for n, task in enumerate(tasks):
        text = task["data"]["text"]
        for annotation in task["annotations"]:
            ids = [r["id"] for r in annotation["result"]]
            if len(ids) != len(set(ids)):
                problems.append(f"task {n}: repeated result ids")
            for result in annotation["result"]:
                control = controls.get(result["from_name"])
                if control is None or result["to_name"] not in objects or control.get("toName") != result["to_name"]:
                    problems.append(f"task {n}: no control {result['from_name']} -> {result['to_name']}")
                    continue
                allowed = {c.get("value") for c in control}
                value = result["value"]
                if result["type"] == "labels":
                    if text[value["start"]:value["end"]] != value["text"] or not set(value["labels"]) <= allowed:
                        problems.append(f"task {n}: region {result['id']} does not fit")
                elif result["type"] == "choices" and not set(value["choices"]) <= allowed:
                    problems.append(f"task {n}: choices {value['choices']} not in {control.get('name')}")
    return problems


def test_our_export_fits_its_labeling_config_and_comes_back(project, tmp_path):
    data = build(project)
    out = tmp_path / "tasks.json"
    report = export_project(project, "label-studio", out, annotators=["alice", "bob"])
    config = etree.fromstring((tmp_path / "tasks-labeling-config.xml").read_bytes())
    tasks = json.loads(out.read_text(encoding="utf-8"))
    assert len(tasks) == 4 and report.files == 2
    assert _check_against_config(tasks, config) == []
    broken = json.loads(json.dumps(tasks))
    broken[0]["annotations"][0]["result"][0]["value"]["labels"] = ["No such label"]
    assert _check_against_config(broken, config)  # the check can fail
    assert "Loaded term" in {r["value"]["labels"][0] for t in tasks for a in t["annotations"]
                             for r in a["result"] if r["type"] == "labels"}
    target = Project.create(tmp_path / "target.framing")
    target.codebook.install(load_preset("framing-devices"))
    back = import_paths(target, [out])
    assert not back.refused and not back.warnings and back.labels == [], back.summary()

    def state(p):
        return ({(s.document_id, s.annotator, s.label_id, s.start, s.end, s.note, json.dumps(s.attributes))
                 for d in p.documents.iter_all() for s in p.spans.of_document(d.id) if s.annotator in ("alice", "bob")},
                {(a.document_id, a.annotator, a.question, a.value) for a in p.answers.find()})

    assert state(target) == state(project)
    [config_refusal] = import_paths(target, [tmp_path / "tasks-labeling-config.xml"]).refused
    assert "Label Studio labeling configuration" in config_refusal.reason
    assert len(state(target)[0]) == len([s for s in data.spans if s.annotator in ("alice", "bob")])
    target.close()
