"""Plain-text articles: headline first, paragraphs between blank lines, a closing byline as author."""

from __future__ import annotations

from pathlib import Path

from annotator.core.errors import ImportRefused
from annotator.core.model import Document
from annotator.core.text import normalise_text
from annotator.io.decode import decode_bytes
from annotator.io.paragraphs import join_paragraphs, plain_text_paragraphs, split_trailing_byline
from annotator.io.readers.base import ImportedDocument, ReadOptions, display_name

EXTENSIONS = (".txt", ".text")


def read_text(path: Path, data: bytes, options: ReadOptions) -> list[ImportedDocument]:
    """A text file as one document: its first paragraph is the headline (and the title)."""
    source = display_name(path)
    decoded = decode_bytes(data, source)
    paragraphs = plain_text_paragraphs(normalise_text(decoded.text).text)
    if not paragraphs:
        raise ImportRefused(source, "holds only whitespace: there is no text to import")
    paragraphs, author = split_trailing_byline(paragraphs)
    title = paragraphs[0].replace("\n", " ")
    document = Document(
        text=join_paragraphs(paragraphs), title=title, author=author, filename=source,
        metadata={"format": "text", "encoding": decoded.encoding},
    )
    return [ImportedDocument(document)]
