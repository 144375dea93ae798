"""Text normalisation at import time (with the offset map that keeps pre-made spans aligned) and what may be stored."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

# C0 control characters a stored text may not hold: all of U+0000-U+001F but tab and line feed.
# CR is among them: Qt's editor does not keep CR (nor a leading BOM) one-for-one, which shifts offsets.
FORBIDDEN_CONTROLS = "".join(chr(code) for code in range(0x20) if chr(code) not in "\t\n")
_FORBIDDEN_CONTROL = re.compile(f"[{re.escape(FORBIDDEN_CONTROLS)}]")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_FORBIDDEN_BYTES = FORBIDDEN_CONTROLS.encode("ascii")
_CRLF = re.compile("\r\n")


@dataclass
class NormalisedText:
    """Normalised text plus where the characters dropped from the original were (to remap offsets).

    `removed` lists, in increasing order, the original offsets of the dropped characters (a leading
    BOM, the CR of each CRLF). The map of every offset is built only when asked for.
    """

    text: str
    removed: list[int]
    original_length: int

    def new_offset(self, offset: int) -> int:
        """Where original offset `offset` lies in the normalised text (a dropped character: the next kept one)."""
        return offset - bisect.bisect_left(self.removed, offset)

    def remap(self, start: int, end: int) -> tuple[int, int]:
        """Where the original span [start, end) lies in the normalised text."""
        return self.new_offset(start), self.new_offset(end)

    @property
    def offset_map(self) -> list[int]:
        """For each original offset (len(original) + 1 of them), the offset it became."""
        mapping: list[int] = []
        position = 0
        for shift, dropped in enumerate(self.removed):
            mapping.extend(range(position - shift, dropped - shift + 1))
            position = dropped + 1
        shift = len(self.removed)
        mapping.extend(range(position - shift, self.original_length - shift + 1))
        return mapping


def normalised_string(raw: str) -> str:
    """`raw` without a leading BOM and with CRLF and lone CR turned into LF: normalise_text's text alone."""
    text = raw[1:] if raw.startswith("\ufeff") else raw
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def normalise_text(raw: str) -> NormalisedText:
    """Drop a leading BOM, turn CRLF and lone CR into LF; keep what the offset map needs.

    Offset i of `raw` becomes offset_map[i] (or remap) of the result; a dropped character maps to where
    the next kept character lands. Without a BOM or a CR nothing is dropped and the map is the identity.
    """
    removed = [0] if raw.startswith("\ufeff") else []
    if "\r" in raw:
        removed += [match.start() for match in _CRLF.finditer(raw)]
    return NormalisedText(normalised_string(raw), removed, len(raw))


def storable_bytes(text: str) -> bytes | None:
    """`text` in UTF-8 when it may be stored as it is (no BOM, no forbidden control, no lone surrogate),
    else None (stored_text_problem says why). Found at the speed of memory, for the usual clean text."""
    if text.startswith("\ufeff"):
        return None
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:
        return None
    return data if len(data.translate(None, _FORBIDDEN_BYTES)) == len(data) else None


def stored_text_problem(text: str) -> str | None:
    """Why `text` may not be stored as a document's text, as a phrase ("starts with ..."), or None.

    Refused: a leading byte order mark (U+FEFF), carriage returns, NUL and the other C0 control
    characters except tab and line feed, and lone surrogates (which no UTF-8 file can hold). Qt
    would silently drop a BOM or a CR and shift every later offset. Use normalise_text first.
    """
    if text.startswith("\ufeff"):
        return "starts with a byte order mark (U+FEFF)"
    if storable_bytes(text) is not None:
        return None
    control = _FORBIDDEN_CONTROL.search(text)
    if control is not None:
        if control.group() == "\r":
            return "holds a carriage return (CR): line ends must be line feeds (LF)"
        name = "a NUL character" if control.group() == "\x00" else "a control character"
        return f"holds {name} (U+{ord(control.group()):04X}) at character {control.start()}"
    surrogate = _LONE_SURROGATE.search(text)
    if surrogate is not None:
        return (f"holds a lone surrogate (U+{ord(surrogate.group()):04X}) at character {surrogate.start()}, "
                "half of a character that cannot be stored")
    return None


TITLE_LIMIT = 200  # characters of a title made from an article's first paragraph
_SENTENCE_END = re.compile(r"[.!?…](?:[»”\"’)\u00a0]*)\s")


def short_title(text: str, limit: int = TITLE_LIMIT) -> str:
    """A title from an article's first paragraph: the whole first line when short, else its first sentence
    when that fits `limit`, else its first words up to `limit` followed by "…" (a text file with no line
    break would otherwise be titled by all of its text)."""
    line = text[:4 * limit].strip().split("\n", 1)[0].strip()  # the start only: a title may be 1 MB long
    if len(line) <= limit:
        return line
    sentence = _SENTENCE_END.search(line, 12, limit + 1)  # not "M." alone
    if sentence is not None:
        return line[:sentence.end()].strip()
    cut = line.rfind(" ", 0, limit)
    return line[:cut if cut > limit // 2 else limit].rstrip() + "…"
