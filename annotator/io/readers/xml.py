"""XML articles: a generic article XML, NewsML-G2 news items, TEI texts (and XHTML pages)."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from annotator.core.errors import ImportRefused
from annotator.core.model import Document
from annotator.io.decode import decode_bytes, declared_encoding
from annotator.io.paragraphs import (
    byline_author, join_paragraphs, plain_text_paragraphs, with_headline,
)
from annotator.io.readers.base import ImportedDocument, ImportedFile, ReadOptions, display_name
from annotator.io.readers.xml_parse import (
    children, descendants, first, first_text, language_of, local, parse_xml, text_of,
)

EXTENSIONS = (".xml", ".tei", ".nitf", ".newsml")
NEWSML_NS = "http://iptc.org/std/nar/2006-10-01/"
PARAGRAPH_NAMES = ("p", "para", "paragraph", "hl2", "ab", "head", "h1", "h2", "h3", "h4", "lg", "l")
TITLE_NAMES = ("headline", "title", "hl1", "hedline", "heading", "h1")
AUTHOR_NAMES = ("author", "byline", "creator", "byttl", "writer")
DATE_NAMES = ("date", "published", "pubdate", "pubDate", "datePublished", "date.issue", "published_at")
OUTLET_NAMES = ("outlet", "source", "publisher", "publication", "newspaper", "site", "sitename", "doc.copyright")
URL_NAMES = ("url", "link", "uri", "canonical")
BODY_NAMES = ("body.content", "body", "text", "content", "bodytext", "article-body", "story", "inlineXML", "inlineData")
MAPPED_NAMES = frozenset(TITLE_NAMES + AUTHOR_NAMES + DATE_NAMES + OUTLET_NAMES + URL_NAMES + BODY_NAMES
                         + ("language", "lang"))
SKIPPED_NAMES = ("note", "figure", "figDesc", "fw", "media", "caption", "byline")


def _paragraphs(body: etree._Element) -> list[str]:
    """Paragraph elements of a body in document order (not nested ones), or its text split by blank lines."""
    found = [el for el in descendants(body, *PARAGRAPH_NAMES)
             if not any(local(a) in PARAGRAPH_NAMES for a in el.iterancestors() if a is not body)
             and not any(local(a) in SKIPPED_NAMES for a in el.iterancestors())]
    if found:
        return [t for t in (text_of(el) for el in found) if t]
    return plain_text_paragraphs("".join(body.itertext()) if isinstance(body.tag, str) else "")


def _body(article: etree._Element) -> etree._Element:
    for name in BODY_NAMES:
        for el in descendants(article, name):
            if next(descendants(el, *PARAGRAPH_NAMES), None) is not None or text_of(el):
                return el
    return article


def _author(el: etree._Element | None) -> str:
    text = first_text(el, *AUTHOR_NAMES, attrs=("literal",)) if el is not None else ""
    return byline_author(text) or text


def generic_article(article: etree._Element, source: str) -> Document:
    """An article element of any vocabulary: title, author, date, outlet, url and body paragraphs."""
    body = _body(article)
    head = next((c for c in article if local(c) in ("head", "header", "meta", "metadata", "front")), None)
    title = first_text(head, *TITLE_NAMES) or first_text(article, *TITLE_NAMES)
    paragraphs = with_headline(title, [p for p in _paragraphs(body) if p != title])
    metadata: dict[str, str] = {"format": "xml"}
    if article.get("id"):
        metadata["id"] = article.get("id")
    for el in (head if head is not None else article):
        name = local(el)
        value = text_of(el)
        if name and value and len(el) == 0 and name not in MAPPED_NAMES:
            metadata.setdefault(name, value)
    return Document(
        text=join_paragraphs(paragraphs), title=title, author=_author(head if head is not None else article),
        published=first_text(article, *DATE_NAMES, attrs=("norm", "when", "value", "iso")),
        outlet=first_text(article, *OUTLET_NAMES, attrs=("literal",)),
        url=first_text(article, *URL_NAMES, attrs=("href",)),
        language=language_of(article) or first_text(article, "language", "lang", attrs=("tag", "ident")),
        filename=source, metadata=metadata,
    )


def newsml_item(item: etree._Element, source: str) -> Document:
    """A NewsML-G2 newsItem: contentMeta headline/creator/language, contentSet body."""
    meta = first(item, "contentMeta")
    item_meta = first(item, "itemMeta")
    content = first(item, "contentSet")
    title = first_text(meta, "headline")
    body = first(content, "body.content", "body", "inlineXML", "inlineData") if content is not None else None
    paragraphs = _paragraphs(body) if body is not None else []
    document = Document(
        text=join_paragraphs(with_headline(title, [p for p in paragraphs if p != title])), title=title,
        author=_author(meta),
        published=first_text(meta, "contentCreated") or first_text(item_meta, "firstCreated", "versionCreated"),
        outlet=first_text(item_meta, "provider", attrs=("literal",)),
        url=first_text(item_meta, "link", attrs=("href",)),
        language=language_of(item) or first_text(meta, "language", attrs=("tag",)),
        filename=source, metadata={"format": "newsml-g2"},
    )
    if item.get("guid"):
        document.metadata["guid"] = item.get("guid")
    return document


def tei_text(tei: etree._Element, source: str) -> Document:
    """A TEI document: titleStmt title and author, publication date, the body's paragraphs."""
    header = first(tei, "teiHeader")
    title_stmt = first(header, "titleStmt")
    title = first_text(title_stmt, "title")
    text_el = first(tei, "text")
    body = first(text_el, "body") if text_el is not None else None
    paragraphs = _paragraphs(body) if body is not None else []
    publication = first(header, "publicationStmt")
    source_desc = first(header, "sourceDesc")
    lang_el = first(header, "language")
    return Document(
        text=join_paragraphs(with_headline(title, [p for p in paragraphs if p != title])), title=title,
        author=first_text(title_stmt, "author") or first_text(source_desc, "author"),
        published=first_text(source_desc, "date", attrs=("when",)) or first_text(publication, "date", attrs=("when",)),
        outlet=first_text(source_desc, "publisher") or first_text(publication, "publisher"),
        url=first_text(source_desc, "ref", "ptr", attrs=("target",)) or first_text(publication, "idno"),
        language=(language_of(text_el) if text_el is not None else "") or (lang_el.get("ident", "") if lang_el is not None else ""),
        filename=source, metadata={"format": "tei"},
    )


def _articles(root: etree._Element, source: str) -> list[Document]:
    name = local(root)
    if etree.QName(root).namespace == NEWSML_NS or name in ("newsMessage", "newsItem"):
        items = [root] if name == "newsItem" else list(descendants(root, "newsItem"))
        return [newsml_item(item, source) for item in items]
    if name == "teiCorpus":
        return [tei_text(tei, source) for tei in children(root, "TEI")]
    if name == "TEI":
        return [tei_text(root, source)]
    groups = [c for c in root if local(c) in ("article", "item", "story", "doc", "document", "nitf", "entry")]
    if len(groups) > 1 or (groups and local(root) in ("articles", "corpus", "collection", "rss", "channel", "feed")):
        return [generic_article(article, source) for article in groups]
    return [generic_article(root, source)]


def read_xml(path: Path, data: bytes, options: ReadOptions) -> list[ImportedDocument]:
    """An XML file as one document per article it holds; XHTML pages go to the web-page reader."""
    source = display_name(path)
    decoded = decode_bytes(data, source, declared=declared_encoding(data))
    root = parse_xml(decoded.text, source)
    if local(root) == "html":
        from annotator.io.readers.html import read_html

        return read_html(path, data, options)
    for skipped in list(root.iter("{*}note", "{*}figure", "{*}figDesc", "{*}fw")):
        _drop_keep_tail(skipped)
    documents = _articles(root, source)
    out = []
    for index, document in enumerate(documents, start=1):
        if not document.text.strip():
            where = f" (article {index})" if len(documents) > 1 else ""
            raise ImportRefused(source, f"has an article without text{where}")
        document.metadata["encoding"] = decoded.encoding
        out.append(ImportedDocument(document, where=f"article {index}" if len(documents) > 1 else ""))
    if not out:
        raise ImportRefused(source, "holds no article")
    return out


def read_xml_file(path: Path, options: ReadOptions) -> ImportedFile:
    """An XML file within the per-article limit, read whole; a larger one, if it is a corpus (a teiCorpus,
    a NewsML-G2 newsMessage, a collection of articles), read one article at a time (xml_stream)."""
    if path.stat().st_size <= options.max_bytes:
        return ImportedFile(documents=read_xml(path, path.read_bytes(), options))
    from annotator.io.readers.xml_stream import stream_xml

    return ImportedFile(documents=stream_xml(path, options))


def _drop_keep_tail(el: etree._Element) -> None:
    """Remove an element (TEI notes, figures) but keep the text that follows it."""
    parent = el.getparent()
    if parent is None:
        return
    previous = el.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + (el.tail or "")
    else:
        parent.text = (parent.text or "") + (el.tail or "")
    parent.remove(el)
