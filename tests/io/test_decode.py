"""Decoding files: BOMs, UTF-8, UTF-16, windows-1252 and Latin-1; binary and NUL refused."""

from __future__ import annotations

import codecs

import pytest

from annotator.core.errors import ImportRefused
from annotator.io.decode import declared_encoding, decode_bytes

TEXT = "Le réseau social « Parler » porte plainte – 12 €"


def test_utf8_without_bom():
    decoded = decode_bytes(TEXT.encode("utf-8"), "a.txt")
    assert (decoded.text, decoded.encoding) == (TEXT, "utf-8")


def test_utf8_bom_is_kept_as_a_character():
    decoded = decode_bytes(codecs.BOM_UTF8 + TEXT.encode("utf-8"), "a.txt")
    assert decoded.text == "\ufeff" + TEXT


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom(encoding):
    bom = codecs.BOM_UTF16_LE if encoding.endswith("le") else codecs.BOM_UTF16_BE
    decoded = decode_bytes(bom + TEXT.encode(encoding), "a.txt")
    assert decoded.text == "\ufeff" + TEXT
    assert decoded.encoding == encoding


def test_windows_1252_is_detected():
    decoded = decode_bytes("L’été « chaud » – 5 €".encode("cp1252"), "a.txt")
    assert decoded.text == "L’été « chaud » – 5 €"
    assert decoded.encoding == "windows-1252"


def test_latin1_when_windows_1252_cannot_decode():
    data = "Crème brûlée".encode("latin-1") + b"\x81"
    decoded = decode_bytes(data, "a.txt")
    assert decoded.encoding == "latin-1"
    assert decoded.text.startswith("Crème brûlée")


def test_declared_encoding_wins_over_guessing():
    data = "Ça".encode("cp1252")
    assert decode_bytes(data, "a.html", declared="iso8859_15").text == "Ça"
    assert declared_encoding(b'<meta charset="ISO-8859-1">') == "windows-1252"
    assert declared_encoding(b'<?xml version="1.0" encoding="UTF-8"?>') == "utf-8"
    assert declared_encoding(b'<meta charset="no-such-codec">') is None


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"hello\x00world", "NUL"),
        (b"%PDF-1.7\n...", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG"),
        (b"PK\x03\x04\x14\x00", "ZIP"),
        (bytes(range(1, 32)) * 20, "control characters"),
    ],
)
def test_bad_bytes_are_refused_with_a_reason(data, reason):
    with pytest.raises(ImportRefused) as info:
        decode_bytes(data, "bad.txt")
    assert reason in info.value.reason
    assert str(info.value).startswith("bad.txt: ")


def test_utf16_bom_with_broken_body_is_refused():
    with pytest.raises(ImportRefused, match="byte order mark"):
        decode_bytes(codecs.BOM_UTF16_LE + b"\x00\xd8", "a.txt")  # a lone surrogate
