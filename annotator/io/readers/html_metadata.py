"""Article metadata of a web page: title, author, date, outlet, language, canonical URL, description."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from lxml import html as lxml_html

from annotator.io.paragraphs import byline_author, collapse_markup_whitespace

ARTICLE_TYPES = {
    "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
    "backgroundnewsarticle", "blogposting", "socialmediaposting", "report", "webpage",
}
DATE_META = (
    "article:published_time", "og:article:published_time", "datepublished", "pubdate", "publishdate",
    "publish-date", "date", "dc.date", "dc.date.issued", "dcterms.date", "dcterms.created",
    "sailthru.date", "parsely-pub-date", "article.published", "publication_date",
)
AUTHOR_META = ("author", "article:author", "dc.creator", "dcterms.creator", "sailthru.author", "parsely-author")


@dataclass
class PageMetadata:
    """What a page says about its article; empty strings where it says nothing."""

    title: str = ""
    author: str = ""
    published: str = ""
    outlet: str = ""
    language: str = ""
    url: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


def _meta_map(root: lxml_html.HtmlElement) -> dict[str, str]:
    """<meta name|property|itemprop=... content=...> as a dict of lower-case keys (first one wins)."""
    found: dict[str, str] = {}
    for meta in root.iter("meta"):
        content = (meta.get("content") or "").strip()
        if not content:
            continue
        for attr in ("property", "name", "itemprop", "http-equiv"):
            key = (meta.get(attr) or "").strip().lower()
            if key:
                found.setdefault(key, content)
    return found


def _json_ld_article(root: lxml_html.HtmlElement) -> dict[str, Any]:
    """The first article-like object of the page's JSON-LD blocks, or {}."""
    def candidates(node: Any):
        if isinstance(node, list):
            for item in node:
                yield from candidates(item)
        elif isinstance(node, dict):
            yield node
            yield from candidates(node.get("@graph", []))

    fallback: dict[str, Any] = {}
    for script in root.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        for obj in candidates(data):
            types = obj.get("@type", [])
            types = {t.lower() for t in ([types] if isinstance(types, str) else types) if isinstance(t, str)}
            if types & (ARTICLE_TYPES - {"webpage"}):
                return obj
            if types & ARTICLE_TYPES and not fallback:
                fallback = obj
    return fallback


def _names(value: Any) -> str:
    """A JSON-LD person/organisation (or a list of them) as "Name, Name"."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, dict):
        return _names(value.get("name", ""))
    if isinstance(value, list):
        return ", ".join(filter(None, (_names(v) for v in value)))
    return ""


def _first_text(*values: Any) -> str:
    for value in values:
        if isinstance(value, str) and value.strip():
            return collapse_markup_whitespace(value)
    return ""


def byline_from_element(text: str) -> str:
    """A byline element's text without its "By"/"Par" lead-in."""
    text = collapse_markup_whitespace(text)
    return byline_author(text) or text


def _byline_elements(root: lxml_html.HtmlElement) -> str:
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        itemprop = (el.get("itemprop") or "").lower()
        rel = (el.get("rel") or "").lower()
        classes = (el.get("class") or "").lower().split()
        if itemprop == "author" or rel == "author" or "byline" in classes or "author" in classes:
            name_el = el.find('.//*[@itemprop="name"]')
            text = (name_el.get("content") or name_el.text_content()) if name_el is not None else el.text_content()
            name = byline_from_element(text)
            if name and len(name) <= 120:
                return name
    for el in root.iter("p", "div", "span", "address"):
        text = collapse_markup_whitespace(el.text_content())
        if len(text) <= 90:
            name = byline_author(text)
            if name:
                return name
    return ""


def _published(root: lxml_html.HtmlElement, meta: dict[str, str], ld: dict[str, Any]) -> str:
    for key in DATE_META:
        if meta.get(key):
            return meta[key]
    value = _first_text(ld.get("datePublished"), ld.get("dateCreated"))
    if value:
        return value
    for el in root.iter():
        if isinstance(el.tag, str) and (el.get("itemprop") or "").lower() == "datepublished":
            return (el.get("datetime") or el.get("content") or el.text_content()).strip()
    times = [t for t in root.iter("time") if t.get("datetime")]
    chosen = next((t for t in times if t.get("pubdate") is not None), times[0] if times else None)
    return chosen.get("datetime").strip() if chosen is not None else ""


def _language(root: lxml_html.HtmlElement, meta: dict[str, str], ld: dict[str, Any]) -> str:
    lang = root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang") or ""
    if not lang:
        lang = meta.get("content-language", "") or meta.get("language", "") or _first_text(ld.get("inLanguage"))
    if not lang and meta.get("og:locale"):
        lang = meta["og:locale"].replace("_", "-")
    return lang.split(",")[0].strip()


def _url(root: lxml_html.HtmlElement, meta: dict[str, str], ld: dict[str, Any]) -> str:
    for link in root.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and link.get("href"):
            return link.get("href").strip()
    entity = ld.get("mainEntityOfPage")
    return _first_text(meta.get("og:url"), ld.get("url"), entity.get("@id") if isinstance(entity, dict) else entity)


def page_metadata(root: lxml_html.HtmlElement) -> PageMetadata:
    """Read the metadata of a parsed page (call before scripts are removed: JSON-LD lives in them)."""
    meta = _meta_map(root)
    ld = _json_ld_article(root)
    title_el = root.find(".//title")
    page_title = collapse_markup_whitespace(title_el.text_content()) if title_el is not None else ""
    author = next((meta[k] for k in AUTHOR_META if meta.get(k) and "://" not in meta[k]), "")
    author = author or _names(ld.get("author")) or _byline_elements(root)
    outlet = _first_text(meta.get("og:site_name"), _names(ld.get("publisher")), meta.get("application-name"),
                         site_from_title(page_title))
    extra: dict[str, Any] = {}
    description = _first_text(meta.get("description"), meta.get("og:description"), ld.get("description"))
    if description:
        extra["description"] = description
    section = _first_text(meta.get("article:section"), ld.get("articleSection"))
    if section:
        extra["section"] = section
    keywords = _first_text(meta.get("keywords"), meta.get("news_keywords"))
    if keywords:
        extra["keywords"] = keywords
    if page_title:
        extra["page_title"] = page_title
    return PageMetadata(
        title=_first_text(meta.get("og:title"), ld.get("headline"), meta.get("twitter:title"),
                          strip_site_suffix(page_title, outlet)),
        author=author, published=_published(root, meta, ld), outlet=outlet,
        language=_language(root, meta, ld), url=_url(root, meta, ld), extra=extra,
    )


def site_from_title(title: str) -> str:
    """"Headline | Site" -> "Site", when the page title has exactly that shape."""
    parts = re.split(r"\s+\|\s+", title)
    return parts[-1].strip() if len(parts) == 2 and len(parts[0]) > len(parts[1]) else ""


def strip_site_suffix(title: str, outlet: str = "") -> str:
    """"Headline | Section - Site" -> "Headline": drop the trailing parts a page title adds."""
    parts = re.split(r"\s+[|–—-]\s+|\s+::\s+", title)
    if len(parts) > 1 and len(parts[0]) >= 15:
        return parts[0].strip()
    if outlet and title.endswith(outlet):
        return title[: -len(outlet)].rstrip(" |–—-:")
    return title
