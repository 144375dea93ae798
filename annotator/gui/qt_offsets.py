"""The one place where Qt's UTF-16 positions meet the store's code-point offsets."""

from __future__ import annotations

from annotator.core.offsets import Utf16Index


class QtOffsets:
    """Converts positions of one document's text between Qt (UTF-16) and the store (code points)."""

    def __init__(self, text: str):
        self._index = Utf16Index(text)

    def to_qt(self, offset: int) -> int:
        """Qt position of code-point `offset`."""
        return self._index.to_utf16(offset)

    def from_qt(self, position: int) -> int:
        """Code-point offset of Qt `position` (never inside a surrogate pair)."""
        return self._index.from_utf16(position)
