"""Plain-text articles: headline, paragraphs, line endings, bylines, empty files."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.errors import ImportRefused
from annotator.io.readers.base import ReadOptions
from annotator.io.readers.text import read_text


def read(tmp_path: Path, data: bytes):
    path = tmp_path / "article.txt"
    path.write_bytes(data)
    return read_text(path, data, ReadOptions())[0].document


def test_headline_is_the_first_paragraph(tmp_path):
    doc = read(tmp_path, b"Title here\n\nFirst paragraph.\nSame paragraph.\n\n\n\nSecond.\n")
    assert doc.text == "Title here\n\nFirst paragraph.\nSame paragraph.\n\nSecond."
    assert doc.title == "Title here"
    assert doc.metadata["encoding"] == "utf-8"


def test_crlf_and_cr_are_normalised(tmp_path):
    assert read(tmp_path, b"Title\r\n\r\nBody one.\r\n\r\nBody two.").text == "Title\n\nBody one.\n\nBody two."
    assert read(tmp_path, b"Title\r\rBody one.\r\rBody two.").text == "Title\n\nBody one.\n\nBody two."


def test_lines_are_paragraphs_when_there_is_no_blank_line(tmp_path):
    assert read(tmp_path, b"Title\nOne.\nTwo.").text == "Title\n\nOne.\n\nTwo."


def test_whitespace_only_lines_separate_paragraphs(tmp_path):
    doc = read(tmp_path, "Title\n \u00a0\nBody.  \n".encode("utf-8"))
    assert doc.text == "Title\n\nBody."


def test_closing_byline_becomes_the_author(tmp_path):
    doc = read(tmp_path, "Title\n\nBody text.\n\nRédacteur Fetty Adler\n".encode("utf-8"))
    assert doc.text == "Title\n\nBody text."
    assert doc.author == "Fetty Adler"


def test_closing_sentence_is_not_taken_for_a_byline(tmp_path):
    doc = read(tmp_path, b"Title\n\nBody text.\n\nBy the way, nobody came.\n")
    assert doc.text.endswith("By the way, nobody came.")
    assert doc.author == ""


def test_utf16_text_with_bom(tmp_path):
    doc = read(tmp_path, "Titre\r\n\r\nÉté.".encode("utf-16"))  # BOM + UTF-16
    assert doc.text == "Titre\n\nÉté."


@pytest.mark.parametrize("data", [b"   \n\t\r\n  ", "\ufeff \u00a0\n".encode("utf-8")])
def test_whitespace_only_is_refused(tmp_path, data):
    with pytest.raises(ImportRefused, match="only whitespace"):
        read(tmp_path, data)
