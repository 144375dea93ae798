"""Web pages: the article's headline and paragraphs (or all visible text) with its metadata."""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree
from lxml import html as lxml_html

from annotator.core.errors import ImportRefused
from annotator.core.model import Document
from annotator.io.decode import decode_bytes, declared_encoding
from annotator.io.paragraphs import collapse_markup_whitespace, join_paragraphs, with_headline
from annotator.io.readers.base import ImportedDocument, ReadOptions, display_name
from annotator.io.readers.html_content import (
    drop_link_lists, extract_captions, find_container, remove_chrome, remove_invisible, trim_edges,
    walk_paragraphs,
)
from annotator.io.readers.html_metadata import page_metadata

EXTENSIONS = (".html", ".htm", ".xhtml", ".shtml")
# libxml2's HTML parser stops nesting at 256 levels; a page that deep has been flattened already.
MAX_DEPTH = 250
# Characters XML 1.0 does not allow (controls but tab, line feed and carriage return; U+FFFE/U+FFFF).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _parser() -> lxml_html.HTMLParser:
    return lxml_html.HTMLParser(
        encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True, huge_tree=False,
        recover=True, default_doctype=False,
    )


def _depth(root: etree._Element) -> int:
    deepest = depth = 0
    for event, _el in etree.iterwalk(root, events=("start", "end")):
        depth += 1 if event == "start" else -1
        deepest = max(deepest, depth)
    return deepest


def parse_page(text: str, source: str) -> lxml_html.HtmlElement:
    """Parse decoded page text with a parser that touches no network and expands nothing.

    Control characters XML cannot hold (a vertical tab, a form feed...) become spaces first, as
    browsers show them: lxml would refuse them in any text it moves (a dropped element's tail).
    """
    data = _NOT_XML.sub(" ", text.lstrip("\ufeff")).encode("utf-8")
    try:
        root = lxml_html.document_fromstring(data, parser=_parser())
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise ImportRefused(source, f"is not a readable web page ({exc})") from None
    if root is None or not isinstance(root.tag, str):
        raise ImportRefused(source, "is not a readable web page")
    if _depth(root) >= MAX_DEPTH:
        raise ImportRefused(source, f"nests its elements more than {MAX_DEPTH} levels deep: refused as hostile")
    return root


def _headline(root: lxml_html.HtmlElement, container: lxml_html.HtmlElement, fallback: str) -> str:
    """The article's h1: inside the container, else the page's only/first h1, else the metadata title."""
    for scope in (container, root):
        h1 = scope.find(".//h1")
        if h1 is not None:
            text = collapse_markup_whitespace(h1.text_content())
            if text:
                return text
    return fallback


def extract_article(root: lxml_html.HtmlElement, options: ReadOptions) -> tuple[list[str], list[str], str, str]:
    """(paragraphs, captions, headline, byline) of a parsed page, chrome removed unless full_page."""
    remove_invisible(root)
    if options.full_page:
        body = root.find("body")
        scope = body if body is not None else root
        captions = extract_captions(scope, keep=True)
        return walk_paragraphs(scope), captions, "", ""
    byline = remove_chrome(root)
    container = find_container(root)
    headline = _headline(root, container, "")
    captions = extract_captions(container, keep=options.keep_captions)
    drop_link_lists(container)
    paragraphs = [p for p in walk_paragraphs(container) if p != headline]
    if not options.keep_captions:
        paragraphs = [p for p in paragraphs if p not in captions]
    paragraphs, edge_byline = trim_edges(with_headline(headline, paragraphs), headline)
    return paragraphs, captions, headline, byline or edge_byline


def read_html(path: Path, data: bytes, options: ReadOptions) -> list[ImportedDocument]:
    """A web page as one document: headline first, then the article's paragraphs."""
    source = display_name(path)
    decoded = decode_bytes(data, source, declared=declared_encoding(data))
    root = parse_page(decoded.text, source)
    meta = page_metadata(root)
    paragraphs, captions, headline, byline = extract_article(root, options)
    if not options.full_page and not headline and meta.title:
        paragraphs = with_headline(meta.title, paragraphs)
    text = join_paragraphs(paragraphs)
    if not text.strip():
        raise ImportRefused(source, "holds no visible text to import")
    metadata = dict(meta.extra, format="html", encoding=decoded.encoding)
    if options.full_page:
        metadata["full_page"] = True
    if captions:
        metadata["captions"] = captions
    document = Document(
        text=text, title=headline or meta.title or paragraphs[0].split("\n")[0], outlet=meta.outlet,
        url=meta.url, author=meta.author or byline, published=meta.published, language=meta.language,
        filename=source, metadata=metadata,
    )
    return [ImportedDocument(document)]
