"""Inputs that used to end in a traceback (or mojibake) now give one clear line naming the file."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from annotator.cli.main import cli
from annotator.core.errors import CodebookError, ImportRefused
from annotator.io.codebook_files import load_codebook
from annotator.io.decode import declared_encoding
from annotator.io.importer import read_file, read_import
from annotator.store import Project

DEPTH = 5000


def import_one(tmp_path, *files, options=("-a", "ana")):
    project = tmp_path / "p.framing"
    if not project.exists():
        assert CliRunner().invoke(cli, ["init", str(project)]).exit_code == 0
    return CliRunner().invoke(cli, ["import", str(project), *map(str, files), *options])


def one_clear_line(result, name: str, *words: str) -> None:
    assert "Traceback" not in result.output
    refusal = [line for line in result.output.splitlines() if name in line]
    assert refusal, result.output
    for word in words:
        assert word in refusal[0]


@pytest.mark.parametrize("name, content", [
    ("deep.json", "[" * DEPTH + "]" * DEPTH),
    ("deep.jsonl", '{"text": "hi", "x": ' + "[" * DEPTH + "]" * DEPTH + "}"),
])
def test_json_nested_five_thousand_deep_is_refused_in_one_line(tmp_path, caplog, name, content):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ImportRefused, match="nested too deeply to be read"):
        read_import(path)
    result = import_one(tmp_path, path)
    one_clear_line(result, name, "too deeply")
    assert "Traceback" not in caplog.text  # not even in the log: it is a refusal, not a failure


def test_a_codebook_nested_five_thousand_deep_is_refused_in_one_line(tmp_path):
    path = tmp_path / "deep.json"
    path.write_text("[" * DEPTH + "]" * DEPTH, encoding="utf-8")
    with pytest.raises(CodebookError, match="too deeply"):
        load_codebook(path)
    project = tmp_path / "p.framing"
    CliRunner().invoke(cli, ["init", str(project)])
    result = CliRunner().invoke(cli, ["codebook", str(project), "import", str(path)])
    assert result.exit_code == 1 and "too deeply" in result.output and "Traceback" not in result.output


def test_a_brat_offset_of_five_thousand_digits_is_refused_in_one_line(tmp_path):
    (tmp_path / "b.txt").write_text("Hello world\n", encoding="utf-8")
    (tmp_path / "b.ann").write_text("T1\tScareQuote 0 " + "9" * 5000 + "\tHello\n", encoding="utf-8")
    with pytest.raises(ImportRefused, match="more than 12 digits"):
        read_file(tmp_path / "b.ann")
    one_clear_line(import_one(tmp_path, tmp_path / "b.ann"), "b.", "digits")


def test_a_five_thousand_digit_number_anywhere_is_refused_not_a_crash(tmp_path):
    path = tmp_path / "big.jsonl"
    path.write_text('{"text": "Hello world", "label": [[0, ' + "9" * 5000 + ', "X"]]}\n', encoding="utf-8")
    result = import_one(tmp_path, path)
    one_clear_line(result, "big.jsonl")


def test_meta_charset_undefined_is_ignored_not_a_crash(tmp_path):
    page = tmp_path / "u.html"
    page.write_bytes('<html><head><meta charset="undefined"></head><body><p>Bonjour le monde, été.</p>'
                     '</body></html>'.encode("utf-8"))
    assert declared_encoding(page.read_bytes()) is None
    [doc] = read_file(page)
    assert "Bonjour le monde, été." in doc.document.text


@pytest.mark.parametrize("declared", ["utf-16", "UTF-16LE", "utf-16be", "utf-32"])
def test_utf16_declared_on_a_utf8_page_is_read_as_utf8_as_browsers_do(tmp_path, declared):
    body = "<p>Le ministre a « dénoncé » la réforme.</p>"
    html = f'<html><head><meta charset="{declared}"><title>Été</title></head><body>{body}</body></html>'
    if len(html.encode("utf-8")) % 2:
        html += " "  # an even number of bytes, which UTF-16 would decode into CJK characters
    page = tmp_path / "u16.html"
    page.write_bytes(html.encode("utf-8"))
    [doc] = read_file(page)
    assert "Le ministre a « dénoncé » la réforme." in doc.document.text
    assert doc.document.metadata["encoding"] == "utf-8"


def test_a_vertical_tab_after_a_dropped_element_is_not_a_crash(tmp_path):
    page = tmp_path / "vt.html"
    page.write_bytes(b"<html><body><p>Bonjour<script>x()</script>\x0b le monde</p></body></html>")
    [doc] = read_file(page)
    assert "Bonjour" in doc.document.text and "le monde" in doc.document.text
    result = import_one(tmp_path, page)
    assert result.exit_code == 0 and "Traceback" not in result.output


def test_gold_is_refused_on_import_by_the_store(tmp_path):
    """`import -a gold` and a doccano line naming "gold" are refused: only adjudication writes gold."""
    line = tmp_path / "d.jsonl"
    line.write_text('{"text": "Le ministre affirme tout.", "label": [[3, 11, "Naming"]], "annotator": "gold"}\n',
                    encoding="utf-8")
    as_gold = import_one(tmp_path, line, options=("-a", "gold"))
    assert as_gold.exit_code == 1 and "reserved for the gold standard" in as_gold.output
    assert "Traceback" not in as_gold.output
    named_gold = import_one(tmp_path, line, options=())
    one_clear_line(named_gold, "d.jsonl", "reserved for the gold standard")
    with Project.open(tmp_path / "p.framing", backup=False) as proj:
        assert proj.documents.count() == 0 and proj.spans.count() == 0
        assert "gold" not in [a.name for a in proj.team.annotators()]


def test_the_store_itself_refuses_gold_whoever_imports(tmp_path, project):
    from annotator.services.importing import import_paths

    line = tmp_path / "d.jsonl"
    line.write_text('{"text": "Le ministre affirme tout.", "label": [[3, 11, "Naming"]]}\n', encoding="utf-8")
    for who in ("gold", " Gold "):
        report = import_paths(project, [line], annotator=who)
        assert report.refused and "reserved for the gold standard" in report.refused[0].reason
    assert project.documents.count() == 0 and project.spans.count() == 0
