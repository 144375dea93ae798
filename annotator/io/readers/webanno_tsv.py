"""WebAnno TSV 3 (INCEpTION, WebAnno): span layers as labels, their features as span attributes.

Read the way INCEpTION's Tsv3XDeserializer reads it: the text is rebuilt from the #Text= lines of
each sentence, placed at its first token's offset (padded with spaces, a sentence's lines joined
by line feeds); offsets count UTF-16 units. A span layer's tag feature ("value", "label", or its
only feature) names the label, under a parent label named after the layer; its other features
become attributes. Relations, chains and slot links, and DKPro's linguistic layers (POS, lemma...),
have no place in a project: they are counted and reported.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.errors import ImportRefused
from annotator.core.model import Document
from annotator.core.offsets import Utf16Index
from annotator.io.decode import decode_bytes
from annotator.io.readers.base import (
    ImportedDocument,
    ImportedFile,
    ImportedLabel,
    ImportedSpan,
    ReadOptions,
    count_phrase,
    display_name,
    refuse_unstorable,
)

HEADER = "#FORMAT=WebAnno TSV"
LINGUISTIC = re.compile(r"^de\.tudarmstadt\.ukp\.dkpro\.core\.api\.(lexmorph|segmentation|syntax|metadata)\.")
TAG_FEATURES = ("value", "label", "tag", "category", "type")
_TEXT_ESCAPE = re.compile(r"\\(u[0-9a-fA-F]{4}|.)", re.DOTALL)
_TEXT_CODES = {"t": "\t", "n": "\n", "f": "\f", "r": "\r", "b": "\b", "\\": "\\"}
_VALUE_ESCAPE = re.compile(r"\\(->|[\\\[\]|_;*tn])")
_STACK = re.compile(r"(?<!\\)\|")
_UNIT = re.compile(r"^\d+-\d+(\.\d+)?$")
_OFFSETS = re.compile(r"^\d+-\d+$")
_SUFFIX = re.compile(r"^(?P<value>.*?)(?<!\\)\[(?P<id>\d+)\]$", re.DOTALL)


def unescape_text(text: str) -> str:
    """A #Text= line as written (backslash escapes of TSV 3.2+, and Java's \\uXXXX of 3.1)."""
    def replace(match: re.Match) -> str:
        code = match.group(1)
        if len(code) == 5:
            return chr(int(code[1:], 16))
        return _TEXT_CODES.get(code, code if ord(code) < 32 else "\\" + code)
    return _TEXT_ESCAPE.sub(replace, text)


def unescape_value(value: str) -> str:
    """A feature value as written (reserved characters are escaped with a backslash)."""
    return _VALUE_ESCAPE.sub(lambda m: {"t": "\t", "n": "\n"}.get(m.group(1), m.group(1)), value)


@dataclass
class Column:
    """One annotation column: its layer, kind of layer and feature ("" for a layer without features)."""

    layer: str
    kind: str  # SP, RL or CH
    feature: str
    role: str = "primitive"  # primitive, slot or relation-ref


@dataclass
class Annotation:
    """A span annotation being assembled over the tokens it covers (UTF-16 offsets)."""

    layer: str
    begin: int
    end: int
    features: dict[str, str | None] = field(default_factory=dict)


def read_columns(lines: list[str], source: str) -> tuple[list[Column], int]:
    """The columns the header declares, and the index of the first body line."""
    columns: list[Column] = []
    index = 1
    while index < len(lines) and lines[index].startswith(("#T_SP=", "#T_RL=", "#T_CH=")):
        kind = lines[index][3:5]
        fields = lines[index].split("=", 1)[1].split("|")
        layer, declared = fields[0], fields[1:]
        if not declared:
            columns.append(Column(layer, kind, ""))
        previous_slot = False
        for decl in declared:
            if kind == "SP" and decl.startswith("ROLE_"):
                columns.append(Column(layer, kind, decl, "slot"))
                previous_slot = True
            elif kind == "SP" and previous_slot and "." in decl:
                columns.append(Column(layer, kind, decl, "slot"))
                previous_slot = False
            elif kind == "RL" and decl.startswith("BT_"):
                columns.append(Column(layer, kind, decl, "relation-ref"))
            else:
                columns.append(Column(layer, kind, decl))
        index += 1
    return columns, index


class _Body:
    """The sentences and token rows of a TSV file: the rebuilt text and the span annotations."""

    def __init__(self, columns: list[Column], source: str):
        self.columns, self.source = columns, source
        self.text: list[str] = []
        self.length16 = 0
        self.sentence: list[str] = []
        self.annotations: dict[tuple, Annotation] = {}
        self.unmapped: Counter = Counter()
        self._seen_links: set[tuple[str, str]] = set()

    def _append(self, piece: str) -> None:
        self.text.append(piece)
        self.length16 += len(piece.encode("utf-16-le")) // 2

    def start_sentence(self, begin: int, where: str) -> None:
        """Place the sentence's text at its first token's offset, as INCEpTION does."""
        if self.length16 > begin:
            if self.length16 != begin + 1 or not self.text or not self.text[-1].endswith("\n"):
                raise ImportRefused(self.source, f"{where}: the sentence starts at {begin}, inside the text before it")
            self.text[-1] = self.text[-1][:-1]
            self.length16 -= 1
        if self.length16 < begin:
            self._append(" " * (begin - self.length16))
        self._append("".join(self.sentence))
        self.sentence = []

    def row(self, cells: list[str], where: str) -> None:
        unit = cells[0]
        try:
            begin, end = (int(n) for n in cells[1].split("-"))
        except ValueError:
            raise ImportRefused(self.source, f"{where}: cannot read the offsets {cells[1]!r}") from None
        if len(cells) < 3 + len(self.columns):
            raise ImportRefused(self.source, f"{where}: has {len(cells)} columns, the header declares "
                                f"{3 + len(self.columns)}")
        for column, raw in zip(self.columns, cells[3:]):
            if raw == "_" or raw == "":
                continue
            if column.kind != "SP" or column.role != "primitive":
                if (column.layer, unit) not in self._seen_links:
                    self._seen_links.add((column.layer, unit))
                    what = {"RL": "relation", "CH": "chain link"}.get(column.kind, "slot link")
                    self.unmapped[f"{column.layer.split('.')[-1]} {what}(s)"] += 1
                continue
            if LINGUISTIC.match(column.layer):
                self.unmapped[f"{column.layer.split('.')[-1]} value(s)"] += 1
                continue
            for stack, value in enumerate(_STACK.split(raw)):
                self._value(column, unit, stack, value, begin, end)

    def _value(self, column: Column, unit: str, stack: int, value: str, begin: int, end: int) -> None:
        match = _SUFFIX.match(value) if value.endswith("]") else None
        key: tuple = (column.layer, "id", match.group("id")) if match else (column.layer, unit, stack)
        value = match.group("value") if match else value
        annotation = self.annotations.get(key)
        if annotation is None:
            annotation = self.annotations[key] = Annotation(column.layer, begin, end)
        annotation.begin, annotation.end = min(annotation.begin, begin), max(annotation.end, end)
        if column.feature:
            annotation.features[column.feature] = None if value == "*" else unescape_value(value)


def parse_tsv(content: str, source: str) -> tuple[str, list[Annotation], Counter, list[Column]]:
    """The rebuilt text (UTF-16 offsets still), the span annotations, what was left aside, the columns."""
    lines = content.split("\n")
    if not lines[0].startswith(HEADER):
        raise ImportRefused(source, "is not a WebAnno TSV 3 file (no #FORMAT=WebAnno TSV line first)")
    columns, index = read_columns(lines, source)
    body = _Body(columns, source)
    in_sentence = False
    for number, line in enumerate(lines[index:], start=index + 1):
        line = line.rstrip("\r")
        where = f"line {number}"
        if not line.strip():
            in_sentence = False
            continue
        if line.startswith("#"):
            if line.startswith("#Text="):
                body.sentence.append(unescape_text(line[len("#Text="):]) + "\n")
            continue
        cells = line.split("\t")
        if len(cells) < 3 or not _UNIT.match(cells[0]) or not _OFFSETS.match(cells[1]):
            raise ImportRefused(source, f"{where}: cannot read the token row {line[:60]!r}")
        if not in_sentence and "." not in cells[0]:
            body.start_sentence(int(cells[1].split("-")[0]), where)
            in_sentence = True
        body.row(cells, where)
    return "".join(body.text), list(body.annotations.values()), body.unmapped, columns


def _tag_feature(features: list[str]) -> str:
    """The feature that names the label: a usual name for a tag, else the layer's first feature."""
    for name in TAG_FEATURES:
        if name in features:
            return name
    return features[0] if features else ""


def _who_and_title(path: Path) -> tuple[str | None, str]:
    """In an INCEpTION project export (annotation/<document>/<user>.tsv) the user and the document."""
    if path.parent.parent.name in ("annotation", "curation"):
        user = path.stem
        return ("gold" if path.parent.parent.name == "curation" or user == "CURATION_USER" else user,
                path.parent.name)
    return None, ""


def read_webanno_tsv(path: Path, data: bytes, options: ReadOptions) -> ImportedFile:
    """A WebAnno TSV 3 file as one document with its span layers' annotations."""
    source = display_name(path)
    content = decode_bytes(data, source).text.lstrip("\ufeff").replace("\r\n", "\n")
    text, annotations, unmapped, columns = parse_tsv(content, source)
    refuse_unstorable(text, source)
    if not text.strip():
        raise ImportRefused(source, "holds no text (no #Text= lines)")
    index = Utf16Index(text)
    features: dict[str, list[str]] = {}
    for column in columns:
        if column.kind == "SP" and column.role == "primitive" and column.feature:
            features.setdefault(column.layer, []).append(column.feature)
    who, title = _who_and_title(path)
    labels: dict[str, ImportedLabel] = {}
    spans = []
    for annotation in sorted(annotations, key=lambda a: (a.begin, a.end)):
        layer_name = annotation.layer.split(".")[-1]
        labels.setdefault(annotation.layer, ImportedLabel(name=layer_name, key=annotation.layer))
        tag = _tag_feature(features.get(annotation.layer, []))
        value = annotation.features.get(tag) if tag else None
        key = annotation.layer
        if value:
            key = f"{annotation.layer}={value}"
            labels.setdefault(key, ImportedLabel(name=value, key=key, parent=annotation.layer))
        attributes = {k: v for k, v in annotation.features.items() if k != tag and v is not None}
        start, end = index.from_utf16(annotation.begin), index.from_utf16(annotation.end)
        if start < end:
            spans.append(ImportedSpan(start, end, key, "", who, attributes))
    document = Document(text=text, title=title or text.strip().split("\n")[0][:200], filename=source,
                        metadata={"format": "webanno-tsv"})
    warnings = [f"{count_phrase(dict(unmapped))}: not imported"] if unmapped else []
    return ImportedFile([ImportedDocument(document, spans=spans)], labels=list(labels.values()), warnings=warnings)
