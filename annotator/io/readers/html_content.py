"""The article inside a web page: chrome removal, main-text container, captions, paragraph walk."""

from __future__ import annotations

import re

from lxml import html as lxml_html

from annotator.io.paragraphs import byline_author, collapse_markup_whitespace

INVISIBLE_TAGS = (
    "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas",
    "video", "audio", "map", "head", "dialog", "link", "meta",
)
CONTROL_TAGS = ("button", "input", "select", "textarea", "option", "label", "form")
CHROME_TAGS = ("nav", "aside", "footer", "menu")
BLOCK_TAGS = frozenset({
    "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "h1", "h2", "h3",
    "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre", "figure", "figcaption",
    "table", "thead", "tbody", "tfoot", "tr", "caption", "address", "hr", "form", "fieldset",
    "details", "summary", "body", "center", "hgroup", "menu",
})
CELL_TAGS = frozenset({"td", "th"})
# Words in class/id/role values that mark site chrome (matched against whole tokens).
CHROME_TOKENS = frozenset({
    "cookie", "cookies", "consent", "gdpr", "cmp", "share", "sharing", "sharebar", "social", "socials",
    "related", "recommended", "recommendations", "recirculation", "newsletter", "subscribe",
    "subscription", "donate", "donation", "donations", "promo", "advert", "advertisement", "ad", "ads",
    "adslot", "sponsor", "sponsored", "comments", "comment", "breadcrumb", "breadcrumbs", "skip",
    "skiplink", "toolbar", "tags", "paywall", "popup", "modal", "outbrain", "taboola", "trending",
    "mostread", "sidebar", "widget", "footer", "nav", "navbar", "navigation", "menu", "masthead",
    "banner", "sronly", "visuallyhidden", "screenreadertext", "print", "kicker", "teaser", "teasers",
    "readmore", "lireaussi", "catcher", "inread", "dateline", "timestamp", "published", "updated",
    "byline", "author", "authors", "credits", "cta", "catlinks", "category", "categories",
})
CHROME_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alert"})
CAPTION_TOKENS = frozenset({"caption", "wpcaptiontext", "figcaption", "legend", "imagecaption"})
# Short blocks at the edges of an article that only point elsewhere or ask for something.
CHROME_TEXT = re.compile(
    r"(?i)^\W*(lire aussi|à lire aussi|a lire aussi|voir aussi|read more|read also|related|see also|"
    r"lesen sie auch|leer más|more on this|partager|share( this)?|suivez-nous|follow us|"
    r"abonnez-vous|subscribe|sign up|inscrivez-vous|soutenez|support (us|our)|donate|faites un don|"
    r"ce site utilise des cookies|this site uses cookies|we use cookies|advertisement|publicité)\b"
)
EDGE_TEXT_MAX = 200
BR_MARK = "\x00"  # NUL never survives decoding, so it can stand for <br> inside a paragraph
PRE_MARK = "\x01"  # a line break inside <pre>, whose indentation is kept


def _tokens(el: lxml_html.HtmlElement) -> set[str]:
    raw = " ".join(filter(None, (el.get("class"), el.get("id"))))
    words = set(re.split(r"[^a-z0-9]+", raw.lower()))
    joined = {re.sub(r"[^a-z0-9]", "", part) for part in raw.lower().split()}
    return (words | joined) - {""}


def _is_hidden(el: lxml_html.HtmlElement) -> bool:
    style = (el.get("style") or "").replace(" ", "").lower()
    return (
        el.get("hidden") is not None
        or (el.get("aria-hidden") or "").lower() == "true"
        or "display:none" in style
        or "visibility:hidden" in style
    )


def _elements(root: lxml_html.HtmlElement) -> list[lxml_html.HtmlElement]:
    return [el for el in root.iter() if isinstance(el.tag, str)]


def _drop(el: lxml_html.HtmlElement) -> None:
    if el.getparent() is not None:
        el.drop_tree()  # keeps the tail text


def remove_invisible(root: lxml_html.HtmlElement) -> None:
    """Scripts, styles, embedded objects and hidden elements go (their tails stay)."""
    for el in _elements(root):
        if el.tag in INVISIBLE_TAGS and el.getparent() is not None:
            _drop(el)
    for el in _elements(root):
        if el.getparent() is not None and _is_hidden(el):
            _drop(el)


def _paragraph_text_lengths(root: lxml_html.HtmlElement) -> dict[lxml_html.HtmlElement, int]:
    """For every element, the length of the text in <p> elements below it (links not counted)."""
    totals: dict[lxml_html.HtmlElement, int] = {}
    for p in root.iter("p"):
        length = len(collapse_markup_whitespace(p.text_content())) - _link_text_length(p)
        if length <= 0:
            continue
        node = p
        while node is not None:
            totals[node] = totals.get(node, 0) + length
            node = node.getparent()
    return totals


def _link_text_length(el: lxml_html.HtmlElement) -> int:
    return sum(len(collapse_markup_whitespace(a.text_content())) for a in el.iter("a"))


def remove_chrome(root: lxml_html.HtmlElement) -> str:
    """Drop navigation, banners, share bars, related links, forms...; return a byline found on the way."""
    lengths = _paragraph_text_lengths(root)
    total = lengths.get(root, 0)
    byline = ""
    for el in _elements(root):
        if el.getparent() is None or el.tag in ("html", "body", "main", "article", "h1"):
            continue
        tokens = _tokens(el)
        role = (el.get("role") or "").lower()
        chrome = el.tag in CHROME_TAGS or el.tag in CONTROL_TAGS or role in CHROME_ROLES or bool(tokens & CHROME_TOKENS)
        if el.tag == "header" and el.find(".//h1") is None:
            chrome = True
        if el.tag in ("p", "div", "span") and el.find(".//time") is not None and el.find(".//h1") is None:
            chrome = chrome or len(collapse_markup_whitespace(el.text_content())) < EDGE_TEXT_MAX
        if not chrome or (total and lengths.get(el, 0) > total / 2):
            continue
        if not byline and tokens & {"byline", "author", "authors"}:
            text = collapse_markup_whitespace(el.text_content())
            byline = byline_author(text) or (text if len(text) <= 80 else "")
        _drop(el)
    return byline


def find_container(root: lxml_html.HtmlElement) -> lxml_html.HtmlElement:
    """The element holding the article's text: the richest <article>, articleBody, or best-scored block."""
    lengths = _paragraph_text_lengths(root)
    total = lengths.get(root, 0)
    body = root.find("body")
    fallback = body if body is not None else root
    if not total:
        return fallback
    marked = [el for el in _elements(root) if (el.get("itemprop") or "").lower() == "articlebody"]
    articles = marked or list(root.iter("article"))
    best = max(articles, key=lambda el: lengths.get(el, 0), default=None)
    if best is not None and lengths.get(best, 0) >= total * 0.5:
        return best
    scores: dict[lxml_html.HtmlElement, float] = {}
    for p in root.iter("p"):
        length = lengths.get(p, 0)
        parent = p.getparent()
        if parent is not None:
            scores[parent] = scores.get(parent, 0) + length
            grand = parent.getparent()
            if grand is not None:
                scores[grand] = scores.get(grand, 0) + length / 2
    if not scores:
        return fallback
    return max(scores, key=scores.get)


def extract_captions(container: lxml_html.HtmlElement, keep: bool) -> list[str]:
    """Caption texts of figures, once each; figures leave the text unless `keep` (then one paragraph each)."""
    captions: list[str] = []
    for el in _elements(container):
        if el.getparent() is None:
            continue
        is_figure = el.tag == "figure"
        is_caption = el.tag == "figcaption" or bool(_tokens(el) & CAPTION_TOKENS)
        if not (is_figure or is_caption):
            continue
        caption_el = el.find(".//figcaption") if is_figure else el
        text = collapse_markup_whitespace(caption_el.text_content()) if caption_el is not None else ""
        new = bool(text) and text not in captions
        if new:
            captions.append(text)
        if keep and new:
            replacement = lxml_html.Element("p")
            replacement.text = text
            replacement.tail = el.tail
            el.getparent().replace(el, replacement)
        else:
            _drop(el)
    return captions


def walk_paragraphs(el: lxml_html.HtmlElement) -> list[str]:
    """The element's visible text as paragraphs: blocks break paragraphs, <br> breaks lines."""
    out: list[str] = []
    buf: list[str] = []

    def flush() -> None:
        text = collapse_markup_whitespace("".join(buf))
        buf.clear()
        text = re.sub(rf" *{BR_MARK} *", "\n", text).replace(PRE_MARK, "\n").strip()
        if text:
            out.append(text)

    def visit(node: lxml_html.HtmlElement, pre: bool) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag == "br":
            buf.append(BR_MARK)
        elif tag:
            block = tag in BLOCK_TAGS
            pre = pre or tag == "pre"
            if block:
                flush()
            elif tag in CELL_TAGS and buf:
                buf.append(" ")
            if node.text:
                buf.append(node.text.replace("\n", PRE_MARK) if pre else node.text)
            for child in node:
                visit(child, pre)
            if block:
                flush()
        if node.tail:
            buf.append(node.tail)

    visit(el, False)
    flush()
    return out


def trim_edges(paragraphs: list[str], headline: str) -> tuple[list[str], str]:
    """Drop chrome-like short blocks and bylines at the start and end; return (paragraphs, byline)."""
    byline = ""
    start = 1 if paragraphs and paragraphs[0] == headline else 0
    body = paragraphs[start:]

    def is_edge_chrome(text: str) -> bool:
        nonlocal byline
        if len(text) > EDGE_TEXT_MAX:
            return False
        author = byline_author(text)
        if author:
            byline = byline or author
            return True
        return CHROME_TEXT.match(text) is not None

    while body and is_edge_chrome(body[-1]):
        body.pop()
    while body and is_edge_chrome(body[0]):
        body.pop(0)
    return paragraphs[:start] + body, byline


def drop_link_lists(container: lxml_html.HtmlElement) -> None:
    """Blocks that are mostly links (lists of related articles, "Lire aussi" teasers) leave the text."""
    for el in _elements(container):
        if el.getparent() is None or el.tag not in ("p", "ul", "ol", "div", "section", "li"):
            continue
        text = collapse_markup_whitespace(el.text_content())
        if text and len(text) < 400 and _link_text_length(el) >= 0.6 * len(text):
            _drop(el)
