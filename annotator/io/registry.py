"""Which reader reads a file: by explicit format, by extension, or by the file's first bytes."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from annotator.core.errors import ImportRefused
from annotator.io.readers import (
    brat,
    csv_corpus,
    html,
    jsonl,
    own_exports,
    refi_qda,
    text,
    uima_xmi,
    webanno_tsv,
    xml,
)
from annotator.io.readers.base import ImportedDocument, ImportedFile, ReadOptions

Reader = Callable[[Path, bytes, ReadOptions], "ImportedFile | list[ImportedDocument]"]
StreamReader = Callable[[Path, ReadOptions], ImportedFile]


@dataclass(frozen=True)
class Format:
    """A named file format: its reader and the extensions that announce it.

    A format whose files are corpora has a `stream` reader instead: it gets the path, not the bytes,
    and reads the file one record at a time (no size limit for the file, one per record).
    """

    name: str
    reader: Reader | None
    extensions: tuple[str, ...]
    description: str
    only_recognised: bool = False  # files of this kind are recognised to be refused with a reason
    stream: StreamReader | None = None


FORMATS: dict[str, Format] = {
    "txt": Format("txt", text.read_text, text.EXTENSIONS, "plain text, headline first"),
    "html": Format("html", html.read_html, html.EXTENSIONS, "a saved web page"),
    "xml": Format("xml", xml.read_xml, xml.EXTENSIONS, "article XML, NewsML-G2 or TEI", stream=xml.read_xml_file),
    "jsonl": Format("jsonl", None, jsonl.EXTENSIONS, "JSON Lines corpus, doccano or our own export",
                    stream=jsonl.read_jsonl),
    "csv": Format("csv", None, csv_corpus.EXTENSIONS, "CSV/TSV corpus, one article a row", stream=csv_corpus.read_csv),
    "brat": Format("brat", brat.read_brat, (".ann",), "brat standoff (.txt with its .ann)"),
    "label-studio": Format("label-studio", None, (), "Label Studio export (JSON or JSON-MIN)",
                           stream=jsonl.read_label_studio),
    "prodigy": Format("prodigy", None, (), "Prodigy dataset (db-out JSONL)", stream=jsonl.read_prodigy),
    "refi-qda": Format("refi-qda", refi_qda.read_refi, refi_qda.EXTENSIONS,
                       "REFI-QDA project (.qdpx) or codebook (.qdc) from MAXQDA, ATLAS.ti, NVivo, QualCoder"),
    "webanno-tsv": Format("webanno-tsv", webanno_tsv.read_webanno_tsv, (),
                          "WebAnno TSV 3 from INCEpTION or WebAnno (told by its #FORMAT line)"),
    "uima-xmi": Format("uima-xmi", uima_xmi.read_xmi, uima_xmi.EXTENSIONS,
                       "UIMA CAS XMI from INCEpTION or DKPro, with its TypeSystem.xml"),
    "label-studio-config": Format("label-studio-config", own_exports.refuse_labeling_config, (),
                                  "Label Studio labeling configuration", only_recognised=True),
    "conll": Format("conll", own_exports.refuse_conll, own_exports.CONLL_EXTENSIONS,
                    "CoNLL token files (they hold no article text)", only_recognised=True),
}
FORMAT_NAMES = ("auto",) + tuple(name for name, fmt in FORMATS.items() if not fmt.only_recognised)
KNOWN_EXTENSIONS = frozenset(ext for f in FORMATS.values() for ext in f.extensions)
# What an "open file" dialog offers: the extensions of every format read (those only recognised to be refused left out).
IMPORT_EXTENSIONS = tuple(sorted({ext for f in FORMATS.values() if not f.only_recognised for ext in f.extensions}))


def sniff_format(head: bytes) -> str:
    """Guess a format from a file's first bytes (BOM and leading whitespace skipped)."""
    for bom in (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"):
        if head.startswith(bom):
            head = head[len(bom):]
            if bom != b"\xef\xbb\xbf":
                head = head.replace(b"\x00", b"")
            break
    start = head.lstrip()[:512].lower()
    if start.startswith((b"<!doctype html", b"<html")) or b"<html" in start[:300]:
        return "html"
    if start.startswith((b"<?xml", b"<")):
        return "html" if b"<html" in start else "xml"
    if start.startswith((b"{", b"[")):
        return "jsonl"
    return "txt"


def tool_format(suffix: str, head: bytes) -> str | None:
    """A tool's format that a file's first bytes give away whatever its extension (.tsv, .xml, .txt)."""
    plain = head.lstrip(b"\xef\xbb\xbf")
    start = plain.lstrip()[:2048]
    if plain.startswith(webanno_tsv.HEADER.encode("ascii")):
        return "webanno-tsv"
    if start.startswith(b"<") and b"urn:QDA-XML:" in start:
        return "refi-qda"
    if own_exports.is_labeling_config(plain):
        return "label-studio-config"
    if start.startswith(b"<") and b"http:///uima/cas.ecore" in start:
        return "uima-xmi"
    if suffix in (".txt", ".tsv", "") and own_exports.looks_like_conll(head):
        return "conll"
    return None


def detect_format(path: Path, head: bytes) -> str:
    """The format of a file: a .txt with a .ann beside it is brat; a tool's file by its content;
    else the extension, else the content."""
    suffix = path.suffix.lower()
    if suffix == ".ann" or (suffix in text.EXTENSIONS and brat.ann_path(path).is_file()):
        return "brat"
    by_content = tool_format(suffix, head)
    if by_content is not None:
        return by_content
    sniffed = sniff_format(head)
    for name, fmt in FORMATS.items():
        if suffix in fmt.extensions:
            # An .xml file that is really an XHTML page, or a page saved as .txt, follows its content.
            if name in ("xml", "txt") and sniffed == "html":
                return "html"
            return name
    return sniffed


def text_path_of(path: Path, source: str) -> Path:
    """For brat, the .txt a .ann belongs to."""
    if path.suffix.lower() != ".ann":
        return path
    partner = path.with_suffix(".txt")
    if not partner.is_file():
        raise ImportRefused(source, f"is a brat annotation file without its text {partner.name}")
    return partner
