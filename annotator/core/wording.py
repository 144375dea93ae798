"""English counts for reports: "1 document", "3 documents" (never "document(s)" or "1 annotators")."""

from __future__ import annotations


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """`count` and `noun`, the noun in the plural unless the count is one (`plural` for irregular nouns)."""
    return f"{count} {noun if count == 1 else (plural or noun + 's')}"
