"""Safe XML parsing: no entities, no DTD loading, no network, bounded depth; local-name helpers."""

from __future__ import annotations

import re
from typing import Iterable, Iterator

from lxml import etree

from annotator.core.errors import ImportRefused
from annotator.io.paragraphs import collapse_markup_whitespace

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_ENTITY_DECLARATION = re.compile(r"<!ENTITY", re.IGNORECASE)
ENTITIES_REFUSED = ("declares XML entities (<!ENTITY>), which are refused: they can read local files "
                    "or expand into billions of characters")


def safe_parser() -> etree.XMLParser:
    """An XML parser that resolves no entity, loads no DTD, touches no network and keeps libxml2's limits."""
    return etree.XMLParser(
        encoding="utf-8", resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
        huge_tree=False, remove_comments=True, remove_pis=True, recover=False,
    )


def parse_xml(text: str, source: str) -> etree._Element:
    """Parse decoded XML text; entity declarations, malformed or too-deep files are refused."""
    if _ENTITY_DECLARATION.search(text):
        raise ImportRefused(source, ENTITIES_REFUSED)
    data = re.sub(r"^\ufeff?\s*<\?xml[^>]*\?>", "", text, count=1).encode("utf-8")
    try:
        root = etree.fromstring(data, parser=safe_parser())
    except etree.XMLSyntaxError as exc:
        raise syntax_refusal(source, exc) from None
    if root is None:
        raise ImportRefused(source, "holds no XML element")
    return root


def syntax_refusal(source: str, exc: etree.XMLSyntaxError) -> ImportRefused:
    """The refusal of a file libxml2 could not parse: too deeply nested (hostile), or not well-formed."""
    message = str(exc)
    if "depth" in message.lower():
        return ImportRefused(source, "nests its elements too deeply (over 256 levels): refused as hostile")
    return ImportRefused(source, f"is not well-formed XML ({message})")


def local(el: etree._Element) -> str:
    """An element's tag without its namespace ("" for comments and entities)."""
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def children(el: etree._Element, *names: str) -> list[etree._Element]:
    return [c for c in el if local(c) in names]


def descendants(el: etree._Element, *names: str) -> Iterator[etree._Element]:
    for d in el.iter():
        if d is not el and local(d) in names:
            yield d


def first(el: etree._Element | None, *names: str) -> etree._Element | None:
    """The first descendant whose local name is one of `names`, trying the names in order."""
    if el is None:
        return None
    for name in names:
        found = next(descendants(el, name), None)
        if found is not None:
            return found
    return None


def text_of(el: etree._Element | None) -> str:
    """An element's text, markup whitespace collapsed, unresolved entities left out."""
    if el is None:
        return ""
    parts: list[str] = []
    _collect_text(el, parts, top=True)
    return collapse_markup_whitespace("".join(parts))


def _collect_text(el: etree._Element, out: list[str], top: bool) -> None:
    if isinstance(el.tag, str):  # entity references and comments have no string tag
        if el.text:
            out.append(el.text)
        for child in el:
            _collect_text(child, out, top=False)
    if not top and el.tail:
        out.append(el.tail)


def first_text(el: etree._Element | None, *names: str, attrs: Iterable[str] = ()) -> str:
    """Text (or one of `attrs`) of the first descendant named one of `names` that has any."""
    if el is None:
        return ""
    for name in names:
        for found in descendants(el, name):
            for attr in attrs:
                if found.get(attr):
                    return found.get(attr).strip()
            value = text_of(found)
            if value:
                return value
    return ""


def language_of(el: etree._Element) -> str:
    node: etree._Element | None = el
    while node is not None:
        if node.get(XML_LANG):
            return node.get(XML_LANG)
        node = node.getparent()
    return ""
