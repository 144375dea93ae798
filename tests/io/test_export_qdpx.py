"""REFI-QDA export: .qdpx validated against the standard's Project.xsd, .qdc against Codebook.xsd."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import etree

from annotator.services.exporting import export_project
from annotator.io.writers.qdpx_export import guid
from tests.io.export_data import build

SCHEMAS = Path(__file__).parent / "data" / "refi_qda"
NS = {"q": "urn:QDA-XML:project:1.0"}


@pytest.fixture
def data(project):
    return build(project)


@pytest.fixture(scope="module")
def project_schema():
    return etree.XMLSchema(etree.parse(str(SCHEMAS / "Project.xsd")))


def _open(path):
    archive = zipfile.ZipFile(path)
    root = etree.fromstring(archive.read("project.qde"))
    return archive, root


def test_qdpx_validates_and_offsets_hold(project, data, tmp_path, project_schema):
    out = tmp_path / "project.qdpx"
    report = export_project(project, "qdpx", out, annotators=["alice", "bob"], gold=True)
    archive, root = _open(out)
    project_schema.assertValid(root)
    assert root.tag == "{urn:QDA-XML:project:1.0}Project" and root.get("name") == project.name
    users = {u.get("guid"): u.get("name") for u in root.iterfind("q:Users/q:User", NS)}
    assert sorted(users.values()) == ["alice", "bob", "gold"]
    codes = {c.get("guid"): c.get("name") for c in root.iter("{urn:QDA-XML:project:1.0}Code")}
    sources = root.findall("q:Sources/q:TextSource", NS)
    assert len(sources) == 4 == report.documents
    texts = {d.text for d in data.documents}
    selections = 0
    for source in sources:
        path = source.get("plainTextPath")
        assert path.startswith("internal://")
        text = archive.read("Sources/" + path[len("internal://"):]).decode("utf-8")
        assert text in texts
        for selection in source.iterfind("q:PlainTextSelection", NS):
            start, end = int(selection.get("startPosition")), int(selection.get("endPosition"))
            assert 0 <= start < end <= len(text)
            assert selection.get("name") == " ".join(text[start:end].split())[:60]
            assert selection.get("creatingUser") in users
            code = selection.find("q:Coding/q:CodeRef", NS).get("targetGUID")
            assert code in codes
            selections += 1
    assert selections == report.spans == len(data.spans)


def test_qdpx_codes_hierarchy_notes_answers_and_variables(project, data, tmp_path, project_schema):
    out = tmp_path / "p.qdpx"
    export_project(project, "qdpx", out)
    archive, root = _open(out)
    project_schema.assertValid(root)
    verb = root.find(f".//q:Code[@guid='{guid('label', 'reporting_verb')}']", NS)
    assert [c.get("name") for c in verb.iterfind("q:Code", NS)] == ["Neutral reporting verb",
                                                                    "Loaded reporting verb"]
    tone = root.find(f".//q:Code[@guid='{guid('label', 'tone')}']", NS)
    assert tone.get("isCodable") == "false" and len(tone.findall("q:Code", NS)) >= 2
    emoji = root.find(f"q:Sources/q:TextSource[@guid='{guid('document', data.documents[0].id)}']", NS)
    described = [d.text for d in emoji.iterfind("q:PlainTextSelection/q:Description", NS)]
    assert "strong verb\n[stance: critical]" in described
    answer = emoji.find("q:Coding/q:CodeRef", NS).get("targetGUID")
    tone_question = next(q for q in project.codebook.current().questions if q.id == "tone")
    assert answer == guid("label", f"tone/{tone_question.choices[0].id}")
    values = {v.find("q:VariableRef", NS).get("targetGUID"): v.find("q:TextValue", NS).text
              for v in emoji.iterfind("q:VariableValue", NS)}
    assert values[guid("variable", "outlet")] == "Le Monde"
    assert values[guid("variable", "published")] == "2024-03-01"
    assert "gold" not in {u.get("name") for u in root.iterfind("q:Users/q:User", NS)}


def test_qdpx_with_nothing_selected_still_validates(project, data, tmp_path, project_schema):
    out = tmp_path / "empty.qdpx"
    report = export_project(project, "qdpx", out, gold=True, done_only=True, labels=["hedge"])
    _, root = _open(out)
    project_schema.assertValid(root)
    assert report.spans == 0


def test_schema_check_is_real(project, data, tmp_path, project_schema):
    """The schema rejects what the standard forbids, so the validations above mean something."""
    out = tmp_path / "p.qdpx"
    export_project(project, "qdpx", out)
    _, root = _open(out)
    selection = root.find(".//q:PlainTextSelection", NS)
    selection.set("guid", "not-a-guid")
    assert not project_schema.validate(root)


def test_qdc_codebook_validates(project, tmp_path):
    schema = etree.XMLSchema(etree.parse(str(SCHEMAS / "Codebook.xsd")))
    out = tmp_path / "codes.qdc"
    export_project(project, "qdc", out)
    root = etree.parse(str(out)).getroot()
    schema.assertValid(root)
    names = [c.get("name") for c in root.iter("{urn:QDA-XML:codebook:1.0}Code")]
    book = project.codebook.current()
    assert set(label.name for label in book.labels) <= set(names)
