"""REFI-QDA import: sample projects as MAXQDA, ATLAS.ti, NVivo and QualCoder write them, and our own exports."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from annotator.io.codebook_files import load_preset
from annotator.services.exporting import export_project
from annotator.services.importing import import_paths
from annotator.store import Project
from tests.io.export_data import build

SAMPLES = Path(__file__).parent / "data" / "refi_qda"


def qdpx(folder: Path, out_dir: Path, name: str | None = None) -> Path:
    """Zip a sample project folder (project.qde and Sources/) as a .qdpx, the way the tools do."""
    out = out_dir / f"{name or folder.name}.qdpx"
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                archive.write(path, path.relative_to(folder).as_posix())
    return out


@pytest.fixture
def empty(tmp_path):
    """A project without a codebook: every code of the file becomes a label."""
    project = Project.create(tmp_path / "empty.framing")
    yield project
    project.close()


def _spans(project):
    found = []
    for doc in project.documents.iter_all():
        for span in project.spans.of_document(doc.id):
            found.append((doc.title, span.annotator, project.codebook.label(span.label_id).name, span.text, span.note))
    return sorted(found)


def _labels(project):
    by_id = {l.id: l for l in project.codebook.labels()}
    return {l.name: (by_id[l.parent].name if l.parent else None, l.color, l.kind) for l in project.codebook.labels()}


@pytest.mark.parametrize(("sample", "schema"), [("maxqda/project.qde", "Project.xsd"),
                                                ("atlas/project.qde", "Project.xsd"),
                                                ("nvivo/project.qde", "Project.xsd"),
                                                ("qualcoder.qdc", "Codebook.xsd")])
def test_samples_follow_the_standard(sample, schema):
    etree.XMLSchema(etree.parse(str(SAMPLES / schema))).assertValid(etree.parse(str(SAMPLES / sample)))


def test_maxqda_project(empty, tmp_path):
    report = import_paths(empty, [qdpx(SAMPLES / "maxqda", tmp_path)])
    assert not report.refused, report.summary()
    assert len(report.imported) == 2 and report.spans == 8
    docs = {d.title: d for d in empty.documents.iter_all()}
    text = docs["Le Monde 12 mars"].text
    assert text.startswith("Parler porte plainte contre Amazon\n\nLe réseau") and "\r" not in text
    assert _spans(empty) == sorted([
        ("Blog 13 mars", "Ben", "Délégitimation", "Délégitimation", ""),
        ("Blog 13 mars", "Ben", "Délégitimation", "Second", ""),
        ("Blog 13 mars", "Ben", "中文标签", "中文标签", ""),
        ("Le Monde 12 mars", "Anna", "Conflit", "Parler porte plainte contre Amazon\n\nLe réseau", ""),
        ("Le Monde 12 mars", "Anna", "Guillemets de distance", "racket", ""),
        ("Le Monde 12 mars", "Anna", "Memo", "politique", "À vérifier avec la source"),
        ("Le Monde 12 mars", "Anna", "Verbe introducteur", "dénonce", ""),
        ("Le Monde 12 mars", "Ben", "Guillemets de distance", "racket", "Ironie évidente"),
    ])
    labels = _labels(empty)
    assert labels["Guillemets de distance"] == ("Citation", "#FF8800", "span")
    assert labels["Verbe introducteur"] == ("Citation", "#00AA00", "span")
    assert labels["Conflit"][0] == "Cadres" and labels["中文标签"][1] == "#993399"
    assert {l.id for l in empty.codebook.labels() if l.name == "Délégitimation"} == {"Delegitimation"}
    questions = {q.name: sorted(c.name for c in q.choices) for q in empty.codebook.labels() if q.kind == "document"}
    assert questions == {"Journal": ["Blog", "Le Monde"], "Pages": ["2"], "Éditorial": ["false", "true"]}
    journal = next(q for q in empty.codebook.labels() if q.name == "Journal")
    answers = {(a.annotator, a.question, a.value) for a in empty.answers.find(docs["Blog 13 mars"].id)}
    assert ("import", journal.id, next(c.id for c in journal.choices if c.name == "Blog")) in answers
    assert report.answers == 5


def test_atlas_counts_a_crlf_line_end_as_one(empty, tmp_path):
    report = import_paths(empty, [qdpx(SAMPLES / "atlas", tmp_path)])
    assert not report.refused, report.summary()
    assert [(who, text) for _, who, _, text, _ in _spans(empty)] == [
        ("Chloé", "Fin"), ("Chloé", "la préfecture"), ("Chloé", "radicalisés")]


def test_nvivo_cases_notes_pdf_text_and_what_is_left_out(empty, tmp_path):
    report = import_paths(empty, [qdpx(SAMPLES / "nvivo", tmp_path)])
    assert not report.refused, report.summary()
    docs = {d.title: d for d in empty.documents.iter_all()}
    assert set(docs) == {"Entretien élu", "Rapport.pdf"}
    assert docs["Entretien élu"].metadata["memos"] == ["Entretien réalisé par téléphone."]
    assert _spans(empty) == [("Entretien élu", "Dana", "Étiquette", "casseurs",
                              "Mot très connoté.\nCodé au premier passage."),
                             ("Rapport.pdf", "Dana", "Crise", "crise", "")]
    role = next(q for q in empty.codebook.labels() if q.name == "Rôle")
    [answer] = empty.answers.find(docs["Entretien élu"].id)
    assert (answer.question, [c.name for c in role.choices if c.id == answer.value]) == (role.id, ["Maire"])
    [warning] = report.warnings
    assert "1 PictureSource source(s)" in warning and "1 project memo(s)" in warning and "1 link(s)" in warning
    assert "Not imported from the files" in report.summary()


def test_qualcoder_codebook_becomes_labels(empty):
    report = import_paths(empty, [SAMPLES / "qualcoder.qdc"])
    assert not report.refused and report.imported == []
    assert _labels(empty) == {"Procédés": (None, empty.codebook.label("Procedes").color, "span"),
                              "Guillemets": ("Procédés", "#D55E00", "span"),
                              "Hyperbole": ("Procédés", "#0072B2", "span"),
                              "Acteurs": (None, "#F0E442", "span")}
    assert empty.codebook.label("Guillemets").description == "Mots mis à distance."
    assert "New labels added" in report.summary()


def test_our_qdpx_comes_back_whole(project, tmp_path):
    data = build(project)
    out = tmp_path / "ours.qdpx"
    export_project(project, "qdpx", out, annotators=["alice", "bob"])
    target = Project.create(tmp_path / "target.framing")
    target.codebook.install(load_preset("framing-devices"))
    report = import_paths(target, [out])
    assert not report.refused and not report.warnings, report.summary()
    assert report.labels == []  # every code found its label, every question its question

    def state(p, people):
        spans = {(s.document_id, s.annotator, s.label_id, s.start, s.end, s.note, json.dumps(s.attributes, sort_keys=True))
                 for d in p.documents.iter_all() for s in p.spans.of_document(d.id) if s.annotator in people}
        answers = {(a.document_id, a.annotator, a.question, a.value) for a in p.answers.find()}
        docs = {(d.id, d.title, d.outlet, d.published, d.url, d.language) for d in p.documents.iter_all()}
        return docs, spans, answers

    assert state(target, {"alice", "bob"}) == state(project, {"alice", "bob"})
    assert len(state(target, {"alice", "bob"})[1]) == len([s for s in data.spans if s.annotator != "lead"])
    target.close()


def test_our_qdc_comes_back_as_the_codebook(project, empty, tmp_path):
    out = tmp_path / "codes.qdc"
    export_project(project, "qdc", out)
    report = import_paths(empty, [out])
    assert not report.refused, report.summary()
    book = project.codebook.current()
    wanted = {l.name: (book.label(l.parent).name if l.parent else None, l.kind) for l in book.labels}
    got = {name: (parent, kind) for name, (parent, _, kind) in _labels(empty).items()}
    assert got == wanted
    tone = next(q for q in empty.codebook.labels() if q.name == book.label("tone").name)
    assert [c.name for c in tone.choices] == [c.name for c in book.label("tone").choices]


def _qde(body: str, origin: str = "Tool") -> str:
    return (f'<?xml version="1.0"?><Project xmlns="urn:QDA-XML:project:1.0" name="P" origin="{origin}">'
            f"{body}</Project>")


@pytest.mark.parametrize(("content", "reason"), [
    (b"PK\x03\x04not really a zip", "not a readable .qdpx"),
    ("<Other/>", "not a REFI-QDA project"),
    (_qde('<Sources><TextSource guid="11111111-1111-1111-1111-111111111111" name="S">'
          '<PlainTextContent>short</PlainTextContent><PlainTextSelection guid="21111111-1111-1111-1111-111111111111" '
          'startPosition="2" endPosition="99"/></TextSource></Sources>'), "does not fit the text"),
    (_qde('<Sources><TextSource guid="11111111-1111-1111-1111-111111111111" name="S">'
          '<PlainTextContent>short text</PlainTextContent><PlainTextSelection '
          'guid="21111111-1111-1111-1111-111111111111" startPosition="0" endPosition="5"><Coding '
          'guid="31111111-1111-1111-1111-111111111111"><CodeRef targetGUID="41111111-1111-1111-1111-111111111111"/>'
          '</Coding></PlainTextSelection></TextSource></Sources>'), "not in its codebook"),
    ('<?xml version="1.0"?><!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd">]><Project>&x;</Project>',
     "entities"),
])
def test_bad_files_are_refused_with_the_reason(empty, tmp_path, content, reason):
    path = tmp_path / "bad.qde"
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    report = import_paths(empty, [path])
    assert len(report.refused) == 1 and reason in report.refused[0].reason, report.summary()
    assert empty.counts()["documents"] == 0


def test_files_outside_the_archive_are_not_read(empty, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET", encoding="utf-8")
    body = (f'<Sources><TextSource guid="11111111-1111-1111-1111-111111111111" name="Away" '
            f'plainTextPath="absolute://{secret.as_posix()}"/><TextSource '
            'guid="51111111-1111-1111-1111-111111111111" name="Here"><PlainTextContent>Kept text.'
            '</PlainTextContent></TextSource></Sources>')
    path = tmp_path / "p.qde"
    path.write_text(_qde(body), encoding="utf-8")
    report = import_paths(empty, [path])
    assert [i.title for i in report.imported] == ["Here"]
    assert "outside the project" in report.warnings[0]
    assert all("TOP SECRET" not in d.text for d in empty.documents.iter_all())
