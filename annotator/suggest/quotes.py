"""Quotations in French and English typography: pairing the marks, nesting, quotes over paragraphs."""

from __future__ import annotations

import re
from dataclasses import dataclass

from annotator.suggest.model import Quotation

_MARKS = "«»‹›“”„‘’‚\"'"
# A paragraph break is a blank line when the text has any; otherwise every line break is one.
_WITH_BLANK_LINES = re.compile(rf"[{_MARKS}]|\n[^\S\n]*\n\s*")
_LINE_PER_PARAGRAPH = re.compile(rf"[{_MARKS}]|\n\s*")
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")
# The mark that opens each paragraph of a quote that runs on (French also repeats » there).
_CONTINUES = {
    "guillemets": "«»",
    "single_guillemets": "‹›",
    "curly_double": "“",
    "low_double": "„",
    "curly_single": "‘",
    "straight_double": '"',
    "straight_single": "'",
}
_OPENING_CONTEXT = "([{—–-/«“‘\"'‹„"
# A hashtag: # and a word with at least one letter, not inside a word, a URL or an HTML entity (&#39;).
_HASHTAG = re.compile(r"(?<![\w#&/@])#\w*[^\W\d_]\w*")


@dataclass
class _Open:
    mark: str
    position: int
    paragraphs: int = 1


def _content(text: str, open_pos: int, close_pos: int) -> tuple[int, int]:
    """The quoted words: inside the marks, without padding spaces or a trailing comma."""
    start, end = open_pos + 1, close_pos
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end > start and text[end - 1] == ",":
        end -= 1
        while end > start and text[end - 1].isspace():
            end -= 1
    return start, end


class _Scanner:
    """Pairs quotation marks left to right with a stack of open quotes."""

    def __init__(self, text: str):
        self.text = text
        self.stack: list[_Open] = []
        self.found: list[Quotation] = []

    def has(self, mark: str) -> bool:
        return any(entry.mark == mark for entry in self.stack)

    def push(self, mark: str, position: int) -> None:
        self.stack.append(_Open(mark, position))

    def close(self, mark: str, position: int) -> None:
        """Close the innermost open quote of this kind; quotes opened inside it and left open are dropped."""
        for depth in range(len(self.stack) - 1, -1, -1):
            if self.stack[depth].mark == mark:
                opened = self.stack[depth]
                del self.stack[depth:]
                start, end = _content(self.text, opened.position, position)
                if any(ch.isalnum() for ch in self.text[start:end]):
                    self.found.append(Quotation(opened.position, position, start, end, mark, depth, opened.paragraphs))
                return

    def paragraph_break(self, next_char: str) -> bool:
        """At a paragraph end: keep open quotes when the next paragraph continues them."""
        if not self.stack:
            return False
        if next_char and next_char in _CONTINUES[self.stack[0].mark]:
            for entry in self.stack:
                entry.paragraphs += 1
            return True
        self.stack.clear()
        return False

    def mark(self, ch: str, i: int) -> None:
        text = self.text
        prev = text[i - 1] if i > 0 else " "
        nxt = text[i + 1] if i + 1 < len(text) else " "
        if ch == "«":
            self.push("guillemets", i)
        elif ch == "»":
            self.close("guillemets", i)
        elif ch == "‹":
            self.push("single_guillemets", i)
        elif ch == "›":
            self.close("single_guillemets", i)
        elif ch == "„":
            self.push("low_double", i)
        elif ch == "“":
            if self.has("low_double"):
                self.close("low_double", i)
            else:
                self.push("curly_double", i)
        elif ch == "”":
            self.close("curly_double", i)
        elif ch in "‘‚":
            if not nxt.isspace():
                self.push("curly_single", i)
        elif ch == "’":
            if not (prev.isalnum() and nxt.isalnum()) and self.has("curly_single") and not nxt.isalnum():
                self.close("curly_single", i)
        elif ch == '"':
            if self.has("straight_double"):
                self.close("straight_double", i)
            elif not (prev.isdigit() and not nxt.isalnum()):  # 12" is a length, not a quote
                self.push("straight_double", i)
        elif ch == "'":
            if prev.isalnum() and nxt.isalnum():
                return  # an apostrophe: don't, aujourd'hui
            if self.has("straight_single") and not prev.isspace() and not nxt.isalnum():
                self.close("straight_single", i)
            elif (prev.isspace() or prev in _OPENING_CONTEXT) and nxt.isalnum():
                self.push("straight_single", i)


def find_quotations(text: str) -> list[Quotation]:
    """Every quotation of `text`, outer and nested, in text order.

    Marks: « » (with normal, non-breaking or narrow non-breaking spaces, or none), ‹ ›, “ ”, „ “,
    ‘ ’, and straight " and ' (apostrophes inside words are not quotes). A quote left open at a
    paragraph end runs on when the next paragraph opens with the same mark (for French also »);
    otherwise it is dropped, so unbalanced marks yield nothing rather than a wrong span.
    """
    pattern = _WITH_BLANK_LINES if _BLANK_LINE.search(text) else _LINE_PER_PARAGRAPH
    scanner = _Scanner(text)
    continuation = -1
    for match in pattern.finditer(text):
        i = match.start()
        ch = text[i]
        if ch == "\n":
            j = match.end()
            if scanner.paragraph_break(text[j] if j < len(text) else ""):
                continuation = j
            continue
        if i == continuation:
            continue
        scanner.mark(ch, i)
    return sorted(scanner.found, key=lambda q: (q.start, -q.end))


def find_hashtags(text: str) -> list[tuple[int, int]]:
    """The (start, end) of every hashtag of `text` (#MeToo, #BalanceTonPorc), quoted or not; "#1" is no hashtag."""
    return [m.span() for m in _HASHTAG.finditer(text)]
