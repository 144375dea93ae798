"""Hypothesis: whatever bytes a file holds, readers fail only with ImportRefused and batches never crash."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core.errors import ImportRefused
from annotator.io.importer import read_file
from annotator.services.importing import import_paths
from annotator.io.readers.base import ReadOptions
from annotator.io.registry import FORMAT_NAMES

EXTENSIONS = [".txt", ".html", ".xml", ".jsonl", ".json", ".csv", ".tsv", ".ann", ".qdpx", ".qdc", ".qde", ".xmi",
              ".conll", ""]
MARKUP = st.lists(
    st.sampled_from(["<html>", "<body>", "<p>", "</p>", "<article>", "<h1>", "</div>", "<div class='share'>",
                     "<!DOCTYPE x [<!ENTITY a 'b'>]>", "&a;", "&nbsp;", "<?xml version='1.0'?>", "<br>",
                     "<figure><figcaption>", "\r\n", "\x00", "é", "\ufeff", "{", "}", '"text":', "[", "]",
                     ",", "T1\tX 0 1\tx\n", "<script>", "</script>", "<![CDATA[", "]]>", "<", ">", " ",
                     # other tools' files
                     '"data":', '"annotations":', '"result":', '"value":', '"start": 0,', '"end": 3,',
                     '"labels": ["A"]', '"type": "labels"', '"_input_hash": 1,', '"answer": "accept",',
                     '"spans":', '"completed_by": 1,', "#FORMAT=WebAnno TSV 3.3\n", "#T_SP=a.B|value\n",
                     "#Text=", "1-1\t0-2\tLe\tX[1]\n", "\n\n", '<Project xmlns="urn:QDA-XML:project:1.0">',
                     '<CodeBook xmlns="urn:QDA-XML:codebook:1.0">', "<Codes>", '<Code guid="x" name="n"/>',
                     "<Sources>", '<TextSource guid="s"><PlainTextContent>abc</PlainTextContent>',
                     '<PlainTextSelection startPosition="0" endPosition="2">', "0\tO\n", "B-X\n"]),
    max_size=60,
).map(lambda parts: "".join(parts).encode("utf-8"))


def _check(data: bytes, suffix: str, format: str = "auto") -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"fuzz{suffix}"
        path.write_bytes(data)
        if suffix == ".ann":
            (Path(folder) / "fuzz.txt").write_bytes(data[:20] or b"x")
        try:
            items = read_file(path, format, ReadOptions())
        except ImportRefused as exc:
            assert exc.reason
            return
        for item in items:
            text = item.document.text
            assert text.strip()
            for span in item.spans:
                assert 0 <= span.start < span.end <= len(text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=400), suffix=st.sampled_from(EXTENSIONS))
def test_random_bytes_only_ever_raise_import_refused(data, suffix):
    _check(data, suffix)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=MARKUP, suffix=st.sampled_from(EXTENSIONS), format=st.sampled_from(FORMAT_NAMES))
def test_markup_soup_only_ever_raises_import_refused(data, suffix, format):
    _check(data, suffix, format)


@pytest.fixture(scope="module")
def fuzz_project(tmp_path_factory):
    from annotator.io.codebook_files import load_preset
    from annotator.store import Project

    project = Project.create(tmp_path_factory.mktemp("fuzz") / "fuzz.framing")
    project.codebook.install(load_preset("framing-devices"))
    yield project
    project.close()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(files=st.lists(st.tuples(st.one_of(st.binary(max_size=200), MARKUP), st.sampled_from(EXTENSIONS)),
                      min_size=1, max_size=4))
def test_batches_of_random_files_account_for_every_file(fuzz_project, files):
    with tempfile.TemporaryDirectory() as folder:
        for n, (data, suffix) in enumerate(files):
            (Path(folder) / f"f{n}{suffix}").write_bytes(data)
        report = import_paths(fuzz_project, [folder])
        handled = {i.path for i in report.imported} | {d.path for d in report.duplicates} | {
            r.path for r in report.refused}
        assert len(handled) == report.files
        assert fuzz_project.integrity_ok()
