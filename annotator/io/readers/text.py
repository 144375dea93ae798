"""Plain-text articles: headline first, paragraphs between blank lines, a closing byline as author."""

from __future__ import annotations

from pathlib import Path

from annotator.core.errors import ImportRefused
from annotator.core.model import Document
from annotator.core.text import normalise_text
from annotator.io.decode import decode_bytes
from annotator.io.paragraphs import join_paragraphs, plain_text_paragraphs, split_trailing_byline
from annotator.io.readers.base import ImportedDocument, ReadOptions, display_name, refuse_unstorable

EXTENSIONS = (".txt", ".text")


def read_text(path: Path, data: bytes, options: ReadOptions) -> list[ImportedDocument]:
    """A text file as one document: its first paragraph is the headline (and the title)."""
    source = display_name(path)
    decoded = decode_bytes(data, source)
    # A page break (form feed) or vertical tab in a text file reads as a line break.
    text = normalise_text(decoded.text).text.replace("\x0c", "\n").replace("\x0b", "\n")
    paragraphs = plain_text_paragraphs(text)
    if not paragraphs:
        raise ImportRefused(source, "holds only whitespace: there is no text to import")
    paragraphs, author = split_trailing_byline(paragraphs)
    title = paragraphs[0].replace("\n", " ")
    text = join_paragraphs(paragraphs)
    refuse_unstorable(text, source)
    document = Document(
        text=text, title=title, author=author, filename=source,
        metadata={"format": "text", "encoding": decoded.encoding},
    )
    return [ImportedDocument(document)]
