"""Plain-text articles: headline first, paragraphs between blank lines, a closing byline as author."""

from __future__ import annotations

from pathlib import Path

from annotator.core.errors import ImportRefused
from annotator.core.model import Document
from annotator.core.text import normalised_string, short_title
from annotator.io.decode import decode_bytes
from annotator.io.paragraphs import join_paragraphs, plain_text_paragraphs, split_trailing_byline
from annotator.io.readers.base import ImportedDocument, ReadOptions, display_name, refuse_unstorable

EXTENSIONS = (".txt", ".text")


def read_text(path: Path, data: bytes, options: ReadOptions) -> list[ImportedDocument]:
    """A text file as one document: its first paragraph is the headline (and the title,
    shortened when the file has no line break)."""
    source = display_name(path)
    decoded = decode_bytes(data, source)
    encoding = decoded.encoding
    # A page break (form feed) or vertical tab in a text file reads as a line break.
    text = normalised_string(decoded.text).replace("\x0c", "\n").replace("\x0b", "\n")
    del decoded  # a long file is held as few times as possible: its text, then its paragraphs
    paragraphs = plain_text_paragraphs(text)
    del text
    if not paragraphs:
        raise ImportRefused(source, "holds only whitespace: there is no text to import")
    paragraphs, author = split_trailing_byline(paragraphs)
    title = short_title(paragraphs[0].replace("\n", " "))
    text = join_paragraphs(paragraphs)
    del paragraphs
    refuse_unstorable(text, source)
    document = Document(
        text=text, title=title, author=author, filename=source,
        metadata={"format": "text", "encoding": encoding},
    )
    return [ImportedDocument(document)]
