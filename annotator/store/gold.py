"""The one definition of the gold standard in the file: who it is stored under, and how SQL recognises it."""

from __future__ import annotations

from annotator.core.model import ADJUDICATION_ORIGIN, GOLD_ANNOTATOR

GOLD = GOLD_ANNOTATOR
ADJUDICATION = ADJUDICATION_ORIGIN


def is_gold(alias: str = "") -> str:
    """SQL that is true for a gold span: made by adjudication, or stored under the gold annotator."""
    prefix = f"{alias}." if alias else ""
    return f"({prefix}origin = '{ADJUDICATION}' OR {prefix}annotator = '{GOLD}')"
