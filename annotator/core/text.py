"""Text normalisation at import time (with the offset map that keeps pre-made spans aligned) and what may be stored."""

from __future__ import annotations

import re
from dataclasses import dataclass

# C0 control characters a stored text may not hold: all of U+0000-U+001F but tab and line feed.
# CR is among them: Qt's editor does not keep CR (nor a leading BOM) one-for-one, which shifts offsets.
FORBIDDEN_CONTROLS = "".join(chr(code) for code in range(0x20) if chr(code) not in "\t\n")
_FORBIDDEN_CONTROL = re.compile(f"[{re.escape(FORBIDDEN_CONTROLS)}]")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass
class NormalisedText:
    """Normalised text plus, for each original offset, the offset it became."""

    text: str
    offset_map: list[int]

    def remap(self, start: int, end: int) -> tuple[int, int]:
        """Where the original span [start, end) lies in the normalised text."""
        return self.offset_map[start], self.offset_map[end]


def normalise_text(raw: str) -> NormalisedText:
    """Drop a leading BOM, turn CRLF and lone CR into LF; map every original offset.

    `offset_map` has len(raw) + 1 entries: offset i of `raw` becomes offset_map[i] of the result.
    A dropped character maps to where the next kept character lands.
    """
    out: list[str] = []
    mapping: list[int] = []
    n = len(raw)
    i = 0
    pos = 0
    if raw.startswith("\ufeff"):
        mapping.append(0)
        i = 1
    while i < n:
        ch = raw[i]
        if ch == "\r":
            mapping.append(pos)
            if i + 1 < n and raw[i + 1] == "\n":
                # CR of a CRLF pair is dropped; the LF is kept.
                i += 1
                continue
            out.append("\n")
            pos += 1
            i += 1
            continue
        mapping.append(pos)
        out.append(ch)
        pos += 1
        i += 1
    mapping.append(pos)
    return NormalisedText("".join(out), mapping)


def stored_text_problem(text: str) -> str | None:
    """Why `text` may not be stored as a document's text, as a phrase ("starts with ..."), or None.

    Refused: a leading byte order mark (U+FEFF), carriage returns, NUL and the other C0 control
    characters except tab and line feed, and lone surrogates (which no UTF-8 file can hold). Qt
    would silently drop a BOM or a CR and shift every later offset. Use normalise_text first.
    """
    if text.startswith("\ufeff"):
        return "starts with a byte order mark (U+FEFF)"
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
