"""Reading a corpus file record by record: its encoding found in one pass over the bytes, then JSON
records (one a line, or the items of a JSON array) read one at a time, so that memory stays bounded
whatever the file's size; no record may be larger than the per-article limit."""

from __future__ import annotations

import codecs
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator, TextIO

from annotator.core.errors import ImportRefused
from annotator.io.decode import _BAD_CONTROLS, BOMS, refuse_binary
from annotator.io.readers.base import too_large
HEAD_BYTES = 65536
CHUNK_BYTES = 1 << 22
# Bytes windows-1252 leaves undefined: a file holding one is read as Latin-1.
_CP1252_UNDEFINED = (b"\x81", b"\x8d", b"\x8f", b"\x90", b"\x9d")
_BOM_CODECS = {"utf-8": "utf-8-sig", "utf-16-le": "utf-16", "utf-16-be": "utf-16",
               "utf-32-le": "utf-32", "utf-32-be": "utf-32"}


class EncodingMisjudged(ImportRefused):
    """A file taken for UTF-8 from its first bytes holds a byte further on that is not: read it again,
    its encoding found over the whole file (stream_encoding with trust_head=False)."""


def stream_encoding(path: Path, source: str, trust_head: bool = False) -> str:
    """The codec to read `path` with: its BOM's, else UTF-8 when every byte is, else windows-1252,
    else Latin-1. Refuses empty and binary files (known signatures, NUL bytes) as decode_bytes does.

    With `trust_head`, a file whose first 64 KB read as UTF-8 is taken for UTF-8 without reading the
    rest (a reader then raises EncodingMisjudged at the first byte that is not).
    """
    with open(path, "rb") as handle:
        head = handle.read(HEAD_BYTES)
        refuse_binary(head, source)
        for bom, encoding in BOMS:
            if head.startswith(bom):
                return _BOM_CODECS[encoding]
        if trust_head:
            try:
                codecs.getincrementaldecoder("utf-8")().decode(head)  # a character cut at the end is fine
                return "utf-8"
            except UnicodeDecodeError:
                pass
        handle.seek(0)
        utf8 = codecs.getincrementaldecoder("utf-8")()
        utf8_ok, cp1252_ok = True, True
        while True:
            chunk = handle.read(CHUNK_BYTES)
            if not chunk:
                break
            if b"\x00" in chunk:
                raise ImportRefused(source, "contains NUL bytes: it is a binary file (or UTF-16 text without "
                                            "a byte order mark), not text")
            if utf8_ok:
                try:
                    utf8.decode(chunk)
                except UnicodeDecodeError:
                    utf8_ok = False
            if cp1252_ok and any(byte in chunk for byte in _CP1252_UNDEFINED):
                cp1252_ok = False
        if utf8_ok:
            try:
                utf8.decode(b"", final=True)
            except UnicodeDecodeError:
                utf8_ok = False
    return "utf-8" if utf8_ok else "windows-1252" if cp1252_ok else "latin-1"


@dataclass
class TextLines:
    """A text file's lines, one at a time, with their numbers; each line is checked for the control
    characters that betray a wrong encoding (counted over the whole file, as decode_bytes does)."""

    path: Path
    source: str
    max_chars: int
    structured: bool = False  # JSON: its parser refuses stray control characters itself
    trust_head: bool = False  # take UTF-8 from the first bytes (see stream_encoding)

    def __post_init__(self) -> None:
        self.encoding = stream_encoding(self.path, self.source, self.trust_head)
        # Control characters betray a wrong encoding; a file that decodes as UTF-8 (or has a BOM) has
        # none to betray, and a JSON parser refuses the C0 controls a binary file would bring.
        self._check_controls = not (self.structured and self.encoding.startswith("utf"))
        self.size = self.path.stat().st_size
        self._controls = 0
        self._allowed = max(2, self.size // 1000)

    def open(self) -> TextIO:
        return open(self.path, encoding=self.encoding, newline="")

    def check(self, text: str, where: str) -> None:
        """Refuse NUL characters and more control characters than a text file holds."""
        if not self._check_controls:
            return
        if "\x00" in text:
            raise ImportRefused(self.source, f"{where}: contains NUL characters: it is a binary file, not text")
        if _BAD_CONTROLS.search(text) is None:
            return
        self._controls += sum(1 for _ in _BAD_CONTROLS.finditer(text))
        if self._controls > self._allowed:
            raise ImportRefused(
                self.source, f"does not read as text (more than {self._allowed} control characters when read as "
                f"{self.encoding}): it is binary or in an encoding other than UTF-8, UTF-16 or windows-1252/Latin-1")

    def lines(self) -> Iterator[tuple[int, str]]:
        """(number, line without its line end) for every line; a line over the limit is refused."""
        if self.encoding not in ("utf-8", "windows-1252", "latin-1"):
            yield from self._text_lines()
            return
        with open(self.path, "rb") as handle:  # line ends are the byte 10: split bytes, decode each line
            number = 0
            while True:
                raw = handle.readline(self.max_chars + 1)
                if not raw:
                    return
                number += 1
                if len(raw) > self.max_chars and not raw.endswith(b"\n"):
                    raise too_large(self.source, len(raw), self.max_chars, f"line {number}")
                try:
                    line = raw.decode(self.encoding)
                except UnicodeDecodeError:
                    raise EncodingMisjudged(self.source, f"line {number}: is not UTF-8 as the file's start is"
                                            ) from None
                self.check(line, f"line {number}")
                yield number, line.rstrip("\r\n")

    def _text_lines(self) -> Iterator[tuple[int, str]]:
        with open(self.path, encoding=self.encoding, newline="\n") as handle:
            number = 0
            while True:
                line = handle.readline(self.max_chars + 1)
                if not line:
                    return
                number += 1
                if len(line) > self.max_chars and not line.endswith("\n"):
                    raise too_large(self.source, len(line), self.max_chars, f"line {number}")
                self.check(line, f"line {number}")
                yield number, line.rstrip("\r\n")


def _json_error(exc: ValueError) -> str:
    return str(exc.args[0] if exc.args else exc)[:80]


def _array_items(handle: TextIO, source: str, max_chars: int,
                 check: Callable[[str, str], None]) -> Iterator[tuple[str, Any]]:
    """The items of a JSON array, decoded one at a time from a sliding buffer."""
    decoder = json.JSONDecoder()
    buffer, position, ended, number = "", 0, False, 0
    whitespace = " \t\r\n\ufeff"

    def more(at_least: int = 1 << 20) -> bool:
        nonlocal buffer, position, ended
        if ended:
            return False
        chunk = handle.read(max(at_least, 1 << 20))
        if not chunk:
            ended = True
            return False
        check(chunk, f"item {number}")
        buffer = buffer[position:] + chunk
        position = 0
        return True

    def skip() -> str:
        nonlocal position
        while True:
            while position < len(buffer) and buffer[position] in whitespace:
                position += 1
            if position < len(buffer):
                return buffer[position]
            if not more():
                return ""

    if skip() != "[":
        raise ImportRefused(source, "is not valid JSON (it should start with '[')")
    position += 1
    if skip() == "]":
        return
    while True:
        number += 1
        while True:
            try:
                item, end = decoder.raw_decode(buffer, position)
            except RecursionError:
                raise ImportRefused(source, f"item {number}: is nested too deeply to be read") from None
            except ValueError as exc:
                if len(buffer) - position > max_chars:
                    raise too_large(source, len(buffer) - position, max_chars, f"item {number}") from None
                if not more(len(buffer)):
                    raise ImportRefused(source, f"is not valid JSON (item {number}: {_json_error(exc)})") from None
                continue
            if end == len(buffer) and not ended and more():
                continue  # a number or word cut by the buffer's end: read on, then decode again
            break
        if end - position > max_chars:
            raise too_large(source, end - position, max_chars, f"item {number}")
        position = end
        yield f"item {number}", item
        mark = skip()
        if mark == ",":
            position += 1
            skip()
            continue
        if mark == "]":
            return
        raise ImportRefused(source, f"is not valid JSON (after item {number}: expected ',' or ']')")


def iter_json_records(path: Path, source: str, max_chars: int,
                      trust_head: bool = True) -> Iterator[tuple[str, Any]]:
    """(where, record) pairs of a JSON Lines file, a JSON array, or one (pretty-printed) JSON object.

    The file is taken for UTF-8 when its start is (`trust_head`); EncodingMisjudged is raised where it
    is not, for the caller to read the file again with trust_head=False."""
    lines = TextLines(path, source, max_chars, structured=True, trust_head=trust_head)
    try:
        yield from _json_records(lines, source, max_chars)
    except UnicodeDecodeError:
        raise EncodingMisjudged(source, "is not UTF-8 as the file's start is") from None


def _json_records(lines: TextLines, source: str, max_chars: int) -> Iterator[tuple[str, Any]]:
    with open(lines.path, "rb") as handle:
        head = handle.read(4096).decode(lines.encoding, errors="replace").lstrip("\ufeff \t\r\n")
    if head.startswith("["):
        with lines.open() as handle:
            yield from _array_items(handle, source, max_chars, lines.check)
        return
    found = False
    for number, line in lines.lines():
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except RecursionError:
            raise ImportRefused(source, f"line {number}: is nested too deeply to be read") from None
        except ValueError as exc:
            if number == 1 and line.lstrip("\ufeff").lstrip().startswith("{"):
                yield from _one_object(lines, source, max_chars)
                return
            raise ImportRefused(source, f"line {number}: is not valid JSON ({_json_error(exc)})") from None
        found = True
        yield f"line {number}", record
    if not found:
        raise ImportRefused(source, "holds no records")


def _one_object(lines: TextLines, source: str, max_chars: int) -> Iterator[tuple[str, Any]]:
    """A file holding one JSON object over several lines (read whole: it is one record)."""
    if lines.size > max_chars:
        raise too_large(source, lines.size, max_chars)
    with lines.open() as handle:
        text = handle.read().lstrip("\ufeff")
    try:
        record = json.loads(text)
    except RecursionError:
        raise ImportRefused(source, "is nested too deeply to be read") from None
    except ValueError as exc:
        raise ImportRefused(source, f"line 1: is not valid JSON ({_json_error(exc)})") from None
    yield "record 1", record
