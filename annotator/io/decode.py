"""Turning a file's bytes into text: BOMs, UTF-8, UTF-16, windows-1252/Latin-1; binary refused."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from annotator.core.errors import ImportRefused
from annotator.core.text import FORBIDDEN_CONTROLS

# Signatures of common non-text files, so the message can say what the file is.
MAGIC_NUMBERS: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or a Word/OpenDocument file)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
    (b"{\\rtf", "an RTF document"),
    (b"\x7fELF", "a program"),
    (b"MZ", "a Windows program"),
)
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Control characters a text file may hold: tab, line feed, vertical tab, form feed, carriage return.
ALLOWED_CONTROLS = frozenset("\t\n\x0b\x0c\r")
# Controls that betray bytes read in the wrong encoding: the C0 controls a stored text may not hold
# (less NUL, refused on its own, and the ones a text file may hold), plus DEL and the C1 controls.
_BAD_CONTROLS = re.compile(
    "[" + re.escape("".join(c for c in FORBIDDEN_CONTROLS if c not in ALLOWED_CONTROLS | {"\x00"}))
    + "\x7f-\x9f]"
)
# WHATWG: labels that browsers decode as windows-1252.
WINDOWS_1252_ALIASES = frozenset({"iso-8859-1", "iso8859-1", "latin1", "latin-1", "us-ascii", "ascii", "l1"})
_DECLARED = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)"""
    rb"""|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)["']""",
    re.IGNORECASE,
)


@dataclass
class DecodedText:
    """A file's text exactly as written (a BOM is kept as U+FEFF) and the encoding it was read with."""

    text: str
    encoding: str


def refuse_binary(data: bytes, source: str) -> None:
    """Refuse empty files, known binary formats and files with NUL bytes (not UTF-16/32 with a BOM)."""
    if not data:
        raise ImportRefused(source, "the file is empty")
    for magic, what in MAGIC_NUMBERS:
        if data.startswith(magic):
            raise ImportRefused(source, f"is {what}, not text: save the article as text or a web page first")
    if b"\x00" in data and not any(data.startswith(bom) for bom, enc in BOMS if enc != "utf-8"):
        raise ImportRefused(
            source, "contains NUL bytes: it is a binary file (or UTF-16 text without a byte order mark), not text"
        )


def declared_encoding(data: bytes) -> str | None:
    """The encoding a web page or XML file declares in its first 2 KB, if Python knows it as a text encoding.

    As browsers do (WHATWG "prescan"), a page whose declaration could be read as ASCII is not UTF-16
    or UTF-32 whatever it says (those need a byte order mark, handled before): it is read as UTF-8.
    """
    match = _DECLARED.search(data[:2048])
    if not match:
        return None
    label = (match.group(1) or match.group(2)).decode("ascii").lower()
    if label in WINDOWS_1252_ALIASES:
        return "windows-1252"
    try:
        info = codecs.lookup(label)
    except LookupError:
        return None
    if info.name == "undefined" or not getattr(info, "_is_text_encoding", True):
        return None  # "undefined", base64, zip...: not a way to write text
    if info.name.startswith(("utf-16", "utf-32")):
        return "utf-8"
    return info.name


def _check_plausible(text: str, source: str, encoding: str) -> None:
    """Refuse text full of control characters: the bytes were not text in `encoding`."""
    if "\x00" in text:
        raise ImportRefused(source, "contains NUL characters: it is a binary file, not text")
    limit = max(2, len(text) // 1000)
    for count, _ in enumerate(_BAD_CONTROLS.finditer(text), start=1):
        if count > limit:  # enough to know: a binary file is not read to its end
            raise ImportRefused(
                source,
                f"does not read as text (more than {limit} control characters when read as {encoding}): "
                "it is binary or in an encoding other than UTF-8, UTF-16 or windows-1252/Latin-1",
            )


def decode_bytes(data: bytes, source: str, declared: str | None = None) -> DecodedText:
    """Decode a file: a BOM wins, then a declared encoding, then UTF-8, then windows-1252, then Latin-1.

    Raises ImportRefused for empty, binary, NUL-holding or undecodable data.
    """
    refuse_binary(data, source)
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                text = "\ufeff" + data[len(bom):].decode(encoding)
            except UnicodeDecodeError as exc:
                raise ImportRefused(
                    source, f"starts with a {encoding.upper()} byte order mark but is not valid {encoding.upper()} "
                    f"(bad bytes at {exc.start})"
                ) from None
            _check_plausible(text, source, encoding)
            return DecodedText(text, encoding)
    candidates = [declared] if declared else []
    candidates += ["utf-8", "windows-1252", "latin-1"]
    for encoding in dict.fromkeys(candidates):
        try:
            text = data.decode(encoding)
        except (UnicodeError, LookupError):
            continue
        _check_plausible(text, source, encoding)
        return DecodedText(text, encoding)
    raise ImportRefused(source, "is not text in a known encoding")  # latin-1 decodes any byte
