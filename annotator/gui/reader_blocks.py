"""The text the reader's QTextDocument holds: the stored text with an enormous paragraph cut into display
blocks at spaces (a block boundary takes one position, like the space it replaces), so Qt lays out and
shapes small blocks as they come into view instead of one block of megabytes at once."""

from __future__ import annotations

DISPLAY_BLOCK = 3_000  # characters a display block holds at least before it is cut at the next space


def display_text(text: str, piece: int = DISPLAY_BLOCK) -> str:
    """`text` with some spaces of paragraphs longer than two pieces replaced by line breaks.

    Same length, same characters elsewhere: positions in the displayed document are positions in the
    stored text. A cut is made at the first space after `piece` characters of a display block, and only
    where the paragraph goes on for more than `piece` characters after it (no short last block). A stretch
    with no space is left whole."""
    length = len(text)
    if length <= 2 * piece:
        return text
    parts: list[str] = []
    kept = 0  # text[:kept] is in parts
    block = 0  # where the current display block starts
    while length - block > 2 * piece:
        newline = text.find("\n", block, block + 2 * piece)
        if newline != -1:  # a paragraph of ordinary length ends here
            block = newline + 1
            continue
        space = text.find(" ", block + piece, block + 2 * piece)
        if space == -1:  # no space to cut at: the block goes on
            block += piece
            continue
        parts.append(text[kept:space])
        parts.append("\n")
        kept = block = space + 1
    if not parts:
        return text
    parts.append(text[kept:])
    return "".join(parts)
