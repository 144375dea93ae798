"""Span attributes written into a note where a format has no place for them: "[key: value]" lines."""

from __future__ import annotations

import json
import re
from typing import Any

# A note line "[key: value]" is an attribute (a key has no white space, colon or bracket).
ATTRIBUTE_NOTE = re.compile(r"^\[([^\[\]:\s][^\[\]:]*): (.*)\]$")


def attribute_note(key: str, value: Any) -> str:
    """An attribute as one note line "[key: value]" (a value that is not text as JSON)."""
    shown = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, sort_keys=True)
    return f"[{key}: {' '.join(shown.split())}]"


def note_value(text: str) -> Any:
    """A value read back from an attribute line: JSON lists and objects decoded, anything else as text."""
    if text[:1] in "[{":
        try:
            return json.loads(text)
        except ValueError:
            pass
    return text


def split_attribute_lines(note: str) -> tuple[str, dict[str, Any]]:
    """A note's own lines and the attributes its "[key: value]" lines hold."""
    lines, attributes = [], {}
    for line in note.split("\n"):
        match = ATTRIBUTE_NOTE.match(line.strip())
        if match:
            attributes[match.group(1)] = note_value(match.group(2))
        else:
            lines.append(line)
    return "\n".join(lines).strip("\n"), attributes
