"""REFI-QDA as an interchange: .qdpx -> import into a new project -> .qdpx gives the same project.qde
and the same source texts; another tool's project keeps its GUIDs (codes, users, sources, codings)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import etree

from annotator.io.codebook_files import load_preset
from annotator.services.exporting import export_project
from annotator.services.importing import import_paths
from annotator.store import Project
from tests.io.export_data import build
from tests.io.test_jsonl_interchange import _enrich
from tests.io.test_refi_import import SAMPLES, qdpx

Q = "{urn:QDA-XML:project:1.0}"
NS = {"q": "urn:QDA-XML:project:1.0"}


@pytest.fixture(scope="module")
def project_schema():
    return etree.XMLSchema(etree.parse(str(SAMPLES / "Project.xsd")))


@pytest.fixture
def source(project) -> Project:
    build(project)
    _enrich(project)
    return project


def _members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _round_trip(source: Project, tmp_path: Path, preset: bool) -> tuple[Path, Path, Project]:
    first = tmp_path / "first.qdpx"
    export_project(source, "qdpx", first)
    # The target file has the source's file name, so the project's name (the <Project name>) is the same.
    (tmp_path / "elsewhere").mkdir()
    target = Project.create(tmp_path / "elsewhere" / Path(source.path).name)
    if preset:
        target.codebook.install(load_preset("framing-devices"))
    report = import_paths(target, [first])
    assert not report.refused and not report.warnings, report.summary()
    second = tmp_path / "second.qdpx"
    export_project(target, "qdpx", second)
    return first, second, target


@pytest.mark.parametrize("preset", [False, True], ids=["empty-target", "preset-target"])
def test_export_import_export_is_identical(source, tmp_path, project_schema, preset):
    first, second, target = _round_trip(source, tmp_path, preset)
    before, after = _members(first), _members(second)
    assert sorted(after) == sorted(before)
    assert after["project.qde"] == before["project.qde"]
    for name in before:
        assert after[name] == before[name], name
    for members in (before, after):
        project_schema.assertValid(etree.fromstring(members["project.qde"]))
    target.close()


def test_the_compared_export_holds_what_the_round_trip_must_keep(source, tmp_path):
    """The identity above means something: the export has nesting, colours, users, memos, answers, emoji."""
    first, _, target = _round_trip(source, tmp_path, preset=False)
    root = etree.fromstring(_members(first)["project.qde"])
    assert [u.get("name") for u in root.iterfind("q:Users/q:User", NS)] == ["alice", "bob", "lead", "zoé"]
    nested = root.find(".//q:Code[@name='Délégitimation']/q:Code", NS)
    assert nested.get("name") == "中文标签" and nested.get("color") == "#EE7733"
    sources = root.findall("q:Sources/q:TextSource", NS)
    assert len(sources) == 5
    assert root.find(f".//{Q}PlainTextSelection[@name='les 👍🏽 manifestants 👨‍👩‍👧']") is not None
    notes = {n.findtext("q:PlainTextContent", namespaces=NS) for n in root.iterfind("q:Notes/q:Note", NS)}
    assert notes == {"Lead paragraph is loaded.\nSecond line « quoted ».", "memo 👍🏽"}
    answers = [c for s in sources for c in s.iterfind("q:Coding", NS)]
    assert len(answers) >= 4
    # What the import restored in the project, not only in the file.
    assert [a.name for a in target.team.annotators()] == ["alice", "bob", "lead", "zoé"]
    memos = {(m.document_id, m.annotator, m.text, m.updated) for m in target.memos.find()}
    assert len(memos) == 2 and memos == {(m.document_id, m.annotator, m.text, m.updated) for m in source.memos.find()}
    for doc in source.documents.iter_all():
        wanted = {(s.id, s.start, s.end, s.created, s.note) for s in source.spans.of_document(doc.id)
                  if s.annotator != "lead"}
        assert {(s.id, s.start, s.end, s.created, s.note) for s in target.spans.of_document(doc.id)} == wanted
    target.close()


def _text_of(source: etree._Element, archive: zipfile.ZipFile) -> str:
    content = source.findtext("q:PlainTextContent", namespaces=NS)
    if content:
        return content
    path = source.get("plainTextPath")[len("internal://"):]
    name = next(n for n in archive.namelist() if n.lower() in {path.lower(), f"sources/{path.lower()}"})
    return archive.read(name).decode("utf-8").lstrip("\ufeff")


def _guid(value: str | None) -> str:
    return (value or "").strip("{}").lower()


def _codings(path: Path) -> set[tuple]:
    """(coding GUID, source GUID, user GUID, code GUID, coded text with its white space collapsed, when it
    was made) of each coding; made None when the original did not say when."""
    with zipfile.ZipFile(path) as archive:
        root = etree.fromstring(archive.read("project.qde"))
        atlas = "atlas" in (root.get("origin") or "").lower()
        found = set()
        for source in root.find("q:Sources", NS):
            text_el = source.find("q:Representation", NS) if source.tag == f"{Q}PDFSource" else source
            if text_el is None or source.tag not in {f"{Q}TextSource", f"{Q}PDFSource"}:
                continue
            text = _text_of(text_el, archive)
            text = text.replace("\r\n", "\n") if atlas else text
            for sel in text_el.iterfind("q:PlainTextSelection", NS):
                piece = " ".join(text[int(sel.get("startPosition")):int(sel.get("endPosition"))].split())
                for coding in sel.iterfind("q:Coding", NS):
                    found.add((_guid(coding.get("guid")), _guid(source.get("guid")),
                               _guid(coding.get("creatingUser") or sel.get("creatingUser")),
                               _guid(coding.find("q:CodeRef", NS).get("targetGUID")), piece,
                               sel.get("creationDateTime")))
    return found


def _codes(path: Path) -> dict[str, tuple]:
    with zipfile.ZipFile(path) as archive:
        root = etree.fromstring(archive.read("project.qde"))
    return {_guid(c.get("guid")): (c.get("name"), _guid(c.getparent().get("guid"))) for c in root.iter(f"{Q}Code")}


def _users(path: Path) -> set[tuple[str, str]]:
    with zipfile.ZipFile(path) as archive:
        root = etree.fromstring(archive.read("project.qde"))
    return {(_guid(u.get("guid")), u.get("name")) for u in root.iterfind("q:Users/q:User", NS)}


@pytest.mark.parametrize("tool", ["maxqda", "atlas", "nvivo"])
def test_another_tools_project_keeps_its_codes_codings_and_users(tool, tmp_path, project_schema):
    original = qdpx(SAMPLES / tool, tmp_path)
    project = Project.create(tmp_path / "p.framing")
    report = import_paths(project, [original])
    assert not report.refused, report.summary()
    out = tmp_path / "again.qdpx"
    export_project(project, "qdpx", out)
    with zipfile.ZipFile(out) as archive:
        project_schema.assertValid(etree.fromstring(archive.read("project.qde")))
    assert _users(original) <= _users(out)
    codes = _codes(original)
    assert codes and codes.items() <= _codes(out).items()  # same GUID, name and parent
    codings, again = _codings(original), _codings(out)
    undated = {c[:-1] for c in codings if c[-1] is None}
    assert codings and codings <= {c[:-1] + (None,) if c[:-1] in undated else c for c in again}
    project.close()


def test_guids_kept_by_a_first_import_stay(tmp_path):
    """Importing a second file that names the same codes with other GUIDs keeps the first file's GUIDs."""
    original = qdpx(SAMPLES / "atlas", tmp_path)
    project = Project.create(tmp_path / "p.framing")
    import_paths(project, [original])
    qde = zipfile.ZipFile(original).read("project.qde").decode("utf-8")
    other = tmp_path / "other.qde"
    other.write_text(qde.replace("051380d6-b946-5488-9128-e0076000ed4d", "151380d6-b946-5488-9128-e0076000ed4d")
                     .replace('plainTextPath="internal://', 'x="'), encoding="utf-8")
    import_paths(project, [other])
    out = tmp_path / "out.qdpx"
    export_project(project, "qdpx", out)
    codes = _codes(out)
    assert codes["051380d6-b946-5488-9128-e0076000ed4d"][0] == "Étiquetage"
    assert "151380d6-b946-5488-9128-e0076000ed4d" not in codes
    project.close()


def test_a_span_id_that_is_a_guid_in_capitals_is_written_as_its_selection_guid():
    """Before the kept GUIDs, the export wrote a span id that is a GUID, in either case, as it is."""
    from annotator.io.refi_ids import RefiGuids, span_guid

    upper = "3F2504E0-4F89-11D3-9A0C-0305E82C3301"
    assert span_guid(upper) == upper and span_guid(upper.lower()) == upper.lower()
    assert RefiGuids().of("span", upper) == upper
    assert span_guid("s-1") != "s-1"  # not a GUID: one derived from it
