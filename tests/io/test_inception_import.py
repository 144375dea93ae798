"""INCEpTION / WebAnno files: TSV 3 read the way INCEpTION reads it, UIMA CAS XMI read with dkpro-cassis."""

from __future__ import annotations

import shutil
from pathlib import Path

import cassis
import pytest

from annotator.io.importer import read_import

from annotator.services.importing import import_paths
from annotator.store import Project

DATA = Path(__file__).parent / "data" / "inception"


@pytest.fixture
def empty(tmp_path):
    project = Project.create(tmp_path / "empty.framing")
    yield project
    project.close()


def _spans(project):
    by_id = {l.id: l for l in project.codebook.labels()}

    def path(label):
        return f"{by_id[label.parent].name} > {label.name}" if label.parent else label.name

    return sorted((s.annotator, path(by_id[s.label_id]), s.text, tuple(sorted(s.attributes.items())))
                  for d in project.documents.iter_all() for s in project.spans.of_document(d.id))


def test_tsv_text_rebuilt_and_utf16_offsets_mapped(empty):
    report = import_paths(empty, [DATA / "framing.tsv"], annotator="alice")
    assert not report.refused, report.summary()
    [doc] = list(empty.documents.iter_all())
    assert doc.text == (DATA / "expected-text.txt").read_text(encoding="utf-8")
    assert _spans(empty) == [
        ("alice", "Framing > loaded term", "dénoncé", ()),
        ("alice", "Framing > loaded_term", "racket_fiscal", ()),
        ("alice", "Framing > naming", "casseurs", (("stance", "critical"),)),
        ("alice", "Framing > naming", "👍🏽 manifestants", ()),
        ("alice", "Framing > scare quote", "« dénoncé »", (("stance", "critical"),)),
        ("alice", "NamedEntity > PER", "ministre", (("identifier", "http://www.wikidata.org/entity/Q83307"),)),
    ]
    assert report.warnings == ["framing.tsv: 4 POS value(s), 1 Link relation(s): not imported"]


def test_tsv_of_a_project_export_names_user_and_document(empty, tmp_path):
    folder = tmp_path / "export" / "annotation" / "article-12.txt"
    folder.mkdir(parents=True)
    shutil.copy(DATA / "framing.tsv", folder / "bea.tsv")
    report = import_paths(empty, [tmp_path / "export"])
    assert not report.refused, report.summary()
    assert [i.title for i in report.imported] == ["article-12.txt"]
    assert {who for who, *_ in _spans(empty)} == {"bea"}


def test_tsv_that_does_not_hold_together_is_refused(empty, tmp_path):
    path = tmp_path / "broken.tsv"
    path.write_text("#FORMAT=WebAnno TSV 3.3\n#T_SP=webanno.custom.Framing|device\n\n\n#Text=Un texte\n"
                    "1-1\tzero-two\tUn\t_\n", encoding="utf-8")
    [refusal] = import_paths(empty, [path]).refused
    assert "cannot read the token row" in refusal.reason


def test_xmi_with_its_type_system(empty):
    assert cassis.load_cas_from_xmi(DATA / "xmi" / "framing.xmi",
                                    typesystem=cassis.load_typesystem(DATA / "xmi" / "TypeSystem.xml")).sofa_string
    report = import_paths(empty, [DATA / "xmi"])  # a folder: TypeSystem.xml goes with the .xmi
    assert not report.refused, report.summary()
    [doc] = list(empty.documents.iter_all())
    assert doc.text == "Le ministre a « dénoncé » les 👍🏽 manifestants.\nIl parle de casseurs."
    assert (doc.title, doc.language) == ("Le ministre et les manifestants", "fr")
    assert _spans(empty) == [
        ("import", "Framing", "parle", ()),
        ("import", "Framing > naming", "casseurs", (("stance", "critical"),)),
        ("import", "Framing > naming", "👍🏽 manifestants", ()),
        ("import", "Framing > scare quote", "« dénoncé »", (("stance", "critical"), ("strength", 2))),
        ("import", "NamedEntity > PER", "ministre", (("identifier", "http://www.wikidata.org/entity/Q83307"),)),
    ]
    assert report.warnings == ["framing.xmi: 1 Link relation(s) or link(s): not imported"]


def test_xmi_without_type_system_or_with_a_doctype_is_refused(tmp_path):
    lonely = tmp_path / "doc.xmi"
    shutil.copy(DATA / "xmi" / "framing.xmi", lonely)
    with pytest.raises(Exception, match="no TypeSystem.xml beside it"):
        read_import(lonely)
    shutil.copy(DATA / "xmi" / "TypeSystem.xml", tmp_path / "TypeSystem.xml")
    hostile = lonely.read_text(encoding="utf-8").replace(
        "<xmi:XMI", '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n<xmi:XMI', 1)
    lonely.write_text(hostile, encoding="utf-8")
    with pytest.raises(Exception, match="DOCTYPE"):
        read_import(lonely)
