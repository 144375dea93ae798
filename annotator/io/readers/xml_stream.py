"""A large XML corpus (a teiCorpus, a NewsML-G2 newsMessage, a collection of articles) read one article
at a time with lxml's iterparse, each article's elements freed once it is made, so that memory stays
bounded whatever the file's size; no article may be larger than the per-article limit."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator

from lxml import etree

from annotator.core.errors import ImportRefused
from annotator.core.model import Document
from annotator.io.decode import declared_encoding
from annotator.io.readers.base import ImportedDocument, ReadOptions, display_name, too_large
from annotator.io.readers.text_stream import stream_encoding
from annotator.io.readers.xml_parse import ENTITIES_REFUSED, local, syntax_refusal

PROLOG_BYTES = 1 << 20
_ENTITY_DECLARATION = re.compile(rb"<!ENTITY", re.IGNORECASE)
COLLECTION_ROOTS = ("articles", "corpus", "collection", "rss", "channel", "feed")
ARTICLE_NAMES = ("article", "item", "story", "doc", "document", "nitf", "entry")
SKIPPED = ("{*}note", "{*}figure", "{*}figDesc", "{*}fw")


def _events(path: Path, source: str):
    """iterparse over the file with the safe parser's settings (no entities, DTD, network or huge trees)."""
    with open(path, "rb") as handle:
        head = handle.read(PROLOG_BYTES)
    if _ENTITY_DECLARATION.search(head):
        raise ImportRefused(source, ENTITIES_REFUSED)
    encoding = None
    if declared_encoding(head) is None:
        found = stream_encoding(path, source)
        encoding = None if found.startswith("utf") else found
    return etree.iterparse(str(path), events=("start", "end"), encoding=encoding, resolve_entities=False,
                           no_network=True, load_dtd=False, huge_tree=False, remove_comments=True,
                           remove_pis=True)


def _kind(root: etree._Element) -> str:
    from annotator.io.readers.xml import NEWSML_NS

    name = local(root)
    if etree.QName(root).namespace == NEWSML_NS or name == "newsMessage":
        return "newsml"
    if name == "teiCorpus":
        return "tei"
    if name in ("html", "TEI", "newsItem"):
        return "one"
    return "generic"


def _free(el: etree._Element) -> None:
    """Drop an element already read, and the siblings before it, to keep memory bounded."""
    el.clear(keep_tail=True)
    parent = el.getparent()
    while parent is not None and el.getprevious() is not None:
        del parent[0]


def stream_xml(path: Path, options: ReadOptions) -> Iterator[ImportedDocument]:
    """The articles of a large XML corpus, one at a time; a file that is one article is refused as too large."""
    from annotator.io.readers.xml import _drop_keep_tail, generic_article, newsml_item, tei_text

    source = display_name(path)
    root, kind, count = None, "", 0
    with open(path, "rb") as handle:
        encoding = declared_encoding(handle.read(2048)) or "utf-8"
    try:
        for event, el in _events(path, source):
            if root is None:
                root, kind = el, _kind(el)
                if kind == "one":
                    raise too_large(source, path.stat().st_size, options.max_bytes)
                continue
            if event != "end":
                continue
            name = local(el)
            parent = el.getparent()
            if kind == "newsml":
                wanted = name == "newsItem"
            elif kind == "tei":
                wanted = name == "TEI" and parent is root
            else:
                wanted = parent is root and name in ARTICLE_NAMES
            if not wanted:
                if parent is root:
                    _free(el)
                continue
            count += 1
            for skipped in list(el.iter(*SKIPPED)):
                _drop_keep_tail(skipped)
            make = newsml_item if kind == "newsml" else tei_text if kind == "tei" else generic_article
            document: Document = make(el, source)
            where = f"article {count} (line {el.sourceline})"
            if len(document.text) > options.max_bytes:
                raise too_large(source, len(document.text), options.max_bytes, where)
            if not document.text.strip():
                raise ImportRefused(source, f"has an article without text ({where})")
            document.metadata["encoding"] = encoding
            _free(el)
            yield ImportedDocument(document, where=f"article {count}")
    except etree.XMLSyntaxError as exc:
        raise syntax_refusal(source, exc) from None
    if root is None:
        raise ImportRefused(source, "holds no XML element")
    if count == 0 or (count == 1 and kind == "generic" and local(root) not in COLLECTION_ROOTS):
        raise too_large(source, path.stat().st_size, options.max_bytes)
