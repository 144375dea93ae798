"""Paragraph rules shared by the readers: whitespace of markup, plain-text blocks, bylines, headlines."""

from __future__ import annotations

import re

PARAGRAPH_BREAK = "\n\n"
# A run of markup whitespace holding a line break or tab is source formatting: it reads as one space.
# Runs of plain spaces are kept as typed, so a page and its plain-text rendition give the same text.
_FORMATTING_RUN = re.compile(r"[\t\n\r\f]+")
# A line break followed by one or more lines of nothing but whitespace: paragraphs end there.
_BLANK_LINES = re.compile(r"\n(?:[^\S\n]*\n)+")
_SPACE_BEFORE_LINE_END = re.compile(r"[^\S\n]\n")
_WHITE_SPACE_BUT_LINE_FEED = "".join(chr(c) for c in range(0x3001) if chr(c).isspace() and chr(c) != "\n")
_LINE_END_AFTER_SPACE = re.compile("\n(?<=[" + re.escape(_WHITE_SPACE_BUT_LINE_FEED) + "]\n)")
_NAME = r"[A-ZÀ-ÖØ-Þ][\w'’.-]*"
_NAME_PARTICLE = r"(?:de|du|des|da|di|van|von|der|den|la|le|el|al|bin|ben|y|e)"
_NAMES = rf"{_NAME}(?:\s+(?:{_NAME_PARTICLE}\s+)*{_NAME}){{0,4}}"
BYLINE = re.compile(
    r"^(?:(?:Rédacteur|Rédactrice|Rédaction|Reporter|Journaliste|Auteur|Autrice|Author|Written|Text|Texte|"
    r"Reporting|Story|Words|Von|Por|Di)\b(?:\s+(?:by|par|von|por|de))?\s*[:\-–—]?\s*|(?:By|Par|Von|Por)\s+)"
    rf"(?P<names>{_NAMES}(?:\s*(?:,|\band\b|\bet\b|\bund\b|\by\b|&)\s*{_NAMES})*)\s*\.?$",
    re.UNICODE,
)
BYLINE_MAX_CHARS = 90


def collapse_markup_whitespace(text: str) -> str:
    """Whitespace from markup source (line breaks, indentation, tabs) becomes one space; ends are trimmed."""
    if not _FORMATTING_RUN.search(text):
        return text.strip()
    parts = _FORMATTING_RUN.split(text)
    last = len(parts) - 1
    pieces = [p.strip(" ") if 0 < i < last else p.rstrip(" ") if i == 0 else p.lstrip(" ")
              for i, p in enumerate(parts)]
    return " ".join(p for p in pieces if p).strip()


def join_paragraphs(paragraphs: list[str]) -> str:
    """The stored text of a list of paragraphs: empty ones dropped, one blank line between the others."""
    return PARAGRAPH_BREAK.join(p for p in paragraphs if p)


def _outer_space(text: str) -> tuple[int, int]:
    """Where `text` stripped of surrounding whitespace starts and ends, without copying it whole."""
    start, end, step = 0, len(text), 65536
    while start < end:
        chunk = text[start:start + step]
        kept = chunk.lstrip()
        start += len(chunk) - len(kept)
        if kept:
            break
    while end > start:
        chunk = text[max(start, end - step):end]
        kept = chunk.rstrip()
        end -= len(chunk) - len(kept)
        if kept:
            break
    return start, end


def _space_before_line_end(text: str, start: int = 0, end: int | None = None) -> bool:
    """True when a line of text[start:end] ends in white space (what _SPACE_BEFORE_LINE_END finds, with a
    pattern that starts at each line break: many times faster on long texts)."""
    return _LINE_END_AFTER_SPACE.search(text, start, len(text) if end is None else end) is not None


def _without_trailing_space(block: str, inside: bool) -> str:
    block = block.rstrip()
    if not inside or not _space_before_line_end(block):
        return block
    return "\n".join(line.rstrip() for line in block.split("\n"))


def plain_text_paragraphs(text: str) -> list[str]:
    """Paragraphs of normalised plain text: blocks between blank lines, or lines when there is none.

    Trailing spaces of lines and whitespace-only lines go; the words and line breaks inside a
    paragraph stay as written. Linear in time, and holds the text about twice at most (a 50 MB
    file is one text).
    """
    start, end = _outer_space(text)
    inside = _space_before_line_end(text, start, end)  # some line ends in whitespace
    if not inside and text.find("\n\n\n", start, end) == -1 and text.find("\n\n", start, end) != -1:
        # The usual article: no line ends in white space (so no line is white space only) and paragraphs
        # are apart by exactly one blank line: the blocks are the pieces between "\n\n", as they are.
        return text[start:end].split("\n\n")
    blocks, position = [], start
    for blank in _BLANK_LINES.finditer(text, start, end):
        blocks.append(_without_trailing_space(text[position:blank.start()], inside))
        position = blank.end()
    if not blocks:  # no blank line: every line is a paragraph
        return [line.rstrip() for line in text[start:end].split("\n") if line.strip()] if end > start else []
    blocks.append(_without_trailing_space(text[position:end], inside))
    return blocks


def byline_author(paragraph: str) -> str | None:
    """The author's name when `paragraph` is a byline ("By Jane Doe", "Rédacteur Fetty Adler"), else None."""
    paragraph = paragraph.strip()
    if not paragraph or len(paragraph) > BYLINE_MAX_CHARS or "\n" in paragraph:
        return None
    match = BYLINE.match(paragraph)
    if match is None:
        return None
    return re.sub(r"(?<=\w\w)\.$", "", match.group("names").strip())


def split_trailing_byline(paragraphs: list[str]) -> tuple[list[str], str]:
    """Take a byline off the end of an article's paragraphs: (paragraphs, author or "")."""
    if len(paragraphs) > 1:
        author = byline_author(paragraphs[-1])
        if author:
            return paragraphs[:-1], author
    return paragraphs, ""


def with_headline(headline: str, paragraphs: list[str]) -> list[str]:
    """Put the headline first unless the paragraphs already start with it."""
    headline = headline.strip()
    if not headline or (paragraphs and paragraphs[0].strip() == headline):
        return paragraphs
    return [headline] + paragraphs
