"""Files that are not articles but look like corpora: CoNLL token files and tables of spans (ours or
other tools'). They are recognised and refused with a message saying what they are and what to import."""

from __future__ import annotations

import re
from pathlib import Path

from annotator.core.errors import ImportRefused
from annotator.io.readers.base import ReadOptions, display_name

CONLL_EXTENSIONS = (".conll", ".conllu", ".conllx", ".iob", ".iob2", ".bio")
OUR_CONLL = b"# generator = Framing Annotator CoNLL export"
OLD_OUR_CONLL = b"# Framing Annotator CoNLL export"
_TAG = re.compile(r"^(O|_|[BIESLU]-\S.*)$")
INSTEAD = ("to move annotations between projects, export JSONL (or brat, or REFI-QDA) and import that; "
           "to import the articles, import their original files")

SPAN_TABLE = ["project", "document_id", "document_title", "outlet", "date", "annotator", "label_id"]
DOCUMENT_TABLE = ["id", "title", "outlet", "url", "date", "language", "length"]
ANSWER_TABLE = ["document", "annotator", "question", "value", "note"]


def looks_like_conll(head: bytes) -> bool:
    """True when most lines are tab- or space-separated columns ending in an IOB tag (or ours)."""
    if head.lstrip(b"\xef\xbb\xbf").startswith((OUR_CONLL, OLD_OUR_CONLL)):
        return True
    text = head.decode("utf-8", errors="ignore")
    lines = [line for line in text.split("\n")[:-1] if line.strip() and not line.startswith("#")]
    if len(lines) < 3:
        return False
    tagged = 0
    for line in lines:
        cells = line.rstrip("\r").split("\t") if "\t" in line else line.split()
        if len(cells) >= 2 and _TAG.match(cells[-1]) and len(cells[0]) < 60:
            tagged += 1
    return tagged >= 0.9 * len(lines)


def refuse_conll(path: Path, data: bytes, options: ReadOptions) -> list:
    """Refuse a CoNLL file, saying what it is."""
    source = display_name(path)
    ours = data.lstrip(b"\xef\xbb\xbf").startswith((OUR_CONLL, OLD_OUR_CONLL))
    what = ("a CoNLL export of Framing Annotator" if ours
            else "a CoNLL file (one token a line with IOB tags)")
    raise ImportRefused(source, f"is {what}: it holds tokens and tags, not the articles' text, so it cannot "
                        f"be imported as articles; {INSTEAD}")


def table_kind(header: list[str]) -> str | None:
    """What a CSV header says the table is, when it is not a corpus of articles."""
    names = [h.strip().lower() for h in header]
    if names[:len(SPAN_TABLE)] == SPAN_TABLE:
        return ("a spans table exported by Framing Annotator (one row per span, with the span's words "
                "but not the article's text)")
    if names[:len(DOCUMENT_TABLE)] == DOCUMENT_TABLE:
        return "a documents table exported by Framing Annotator (titles, dates and lengths, not the texts)"
    if names[:len(ANSWER_TABLE)] == ANSWER_TABLE:
        return "a document-labels table exported by Framing Annotator (answers to questions, not the texts)"
    if {"start", "end"} <= set(names) and set(names) & {"label", "label_id", "labels", "tag", "type", "code"}:
        return "a table of spans (columns start, end and a label: each row is a piece of an article)"
    return None


def refuse_table(source: str, kind: str) -> None:
    """Refuse a table that is not a corpus, saying what it is."""
    raise ImportRefused(source, f"is {kind}; it cannot be imported as articles; {INSTEAD}")


def is_labeling_config(head: bytes) -> bool:
    """True for a Label Studio labeling configuration (<View> with its controls)."""
    start = head.lstrip(b"\xef\xbb\xbf").lstrip()[:4096]
    return start.startswith(b"<View") and b"toName=" in start


def refuse_labeling_config(path: Path, data: bytes, options: ReadOptions) -> list:
    """Refuse a Label Studio labeling configuration, saying what it is."""
    raise ImportRefused(display_name(path), "is a Label Studio labeling configuration: it holds the labels, "
                        "not articles; import the tasks file (JSON) it goes with")
