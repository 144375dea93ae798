"""The error raised when an agreement coefficient is not defined for the data it was given."""

from __future__ import annotations

from annotator.core.errors import AnnotatorError


class UndefinedAgreement(AnnotatorError, ValueError):
    """A coefficient cannot be computed for this data; the message says why (never a made-up value)."""
