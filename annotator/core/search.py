"""Finding a phrase in a text: the occurrences that "find" and "label all occurrences" work on."""

from __future__ import annotations

import re
import unicodedata


# Length-preserving equivalences: typographic apostrophes and quotes match straight ones, and the
# no-break and thin spaces of French typography match an ordinary space.
_PUNCTUATION = {ord(c): "'" for c in "\u2019\u2018\u02bc\u2032\u00b4`"}
_PUNCTUATION.update({ord(c): '"' for c in "\u201c\u201d\u201e\u2033"})
_PUNCTUATION.update({ord(c): " " for c in "\u00a0\u202f\u2009\u2007\u2002\u2003"})
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def _accent_table() -> dict[int, str]:
    """Each precomposed Latin or Greek letter with accents -> its base letter (é -> e, Å -> A)."""
    table = dict(_PUNCTUATION)
    for start, end in ((0x00C0, 0x0250), (0x0370, 0x0400), (0x1E00, 0x1F00)):
        for code in range(start, end):
            parts = unicodedata.normalize("NFD", chr(code))
            if len(parts) > 1 and all(unicodedata.combining(c) for c in parts[1:]):
                table[code] = parts[0]
    return table


_ACCENTS = _accent_table()


def fold(text: str, case_sensitive: bool = False, accent_sensitive: bool = False) -> tuple[str, list[int] | None]:
    """The text as searching compares it, and where each of its characters comes from in `text`.

    Case folds (unless `case_sensitive`), accents go (unless `accent_sensitive`), typographic
    apostrophes, quotes and spaces become plain ones. The position list is None when every
    character stayed in place (only combining accents, once dropped, shift positions)."""
    folded = text
    if not case_sensitive:
        folded = text.lower()
        if len(folded) != len(text):  # a letter whose lower case is two characters (İ): keep it as it is
            folded = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    folded = folded.translate(_PUNCTUATION if accent_sensitive else _ACCENTS)
    if accent_sensitive or not _COMBINING.search(folded):
        return folded, None
    kept = [i for i, c in enumerate(folded) if not unicodedata.combining(c)]
    return "".join(folded[i] for i in kept), kept


def find_occurrences(text: str, query: str, case_sensitive: bool = False, whole_word: bool = True,
                     accent_sensitive: bool = False) -> list[tuple[int, int]]:
    """Every non-overlapping [start, end) where `query` occurs in `text`, in order.

    By default case and accents are ignored (liberte finds Liberté), a straight apostrophe finds a
    typographic one and the other way round, and non-breaking spaces match ordinary spaces.
    Offsets are those of `text`; a match never ends between a letter and its combining accent.
    """
    query = query.strip()
    if not query:
        return []
    folded_query, _ = fold(query, case_sensitive, accent_sensitive)
    if not folded_query:
        return []
    pattern = re.escape(folded_query)
    if whole_word:
        pattern = rf"(?<!\w){pattern}(?!\w)"
    folded, positions = fold(text, case_sensitive, accent_sensitive)
    found = []
    for match in re.finditer(pattern, folded):
        start, end = match.start(), match.end()
        if positions is not None:
            start, end = positions[start], positions[end - 1] + 1
            while end < len(text) and unicodedata.combining(text[end]):
                end += 1
        elif end < len(text) and unicodedata.combining(text[end]):
            continue  # "cafe" is not the start of "café" written with a combining accent
        found.append((start, end))
    return found


def context(text: str, start: int, end: int, words: int = 6) -> tuple[str, str]:
    """A few words of text before and after [start, end), on one line."""
    before = " ".join(text[:start].split()[-words:])
    after = " ".join(text[end:].split()[:words])
    return before, after


def normalised(text: str) -> str:
    """NFC form, used to compare what the annotator saw with what is stored."""
    return unicodedata.normalize("NFC", text)


def context_around(text: str, start: int, end: int, reach: int = 60) -> tuple[str, str]:
    """Up to `reach` characters before and after [start, end), cut at word boundaries, on one line
    (a keyword-in-context line); reads only the characters it needs, however long the text."""
    before = text[max(0, start - reach):start]
    after = text[end:end + reach]
    if start - reach > 0 and " " in before:
        before = before.split(" ", 1)[1]
    if end + reach < len(text) and " " in after:
        after = after.rsplit(" ", 1)[0]
    return " ".join(before.split()), " ".join(after.split())
