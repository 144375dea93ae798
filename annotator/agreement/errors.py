"""The error raised when an agreement coefficient is not defined for the data it was given."""

from __future__ import annotations


class UndefinedAgreement(ValueError):
    """A coefficient cannot be computed for this data; the message says why (never a made-up value)."""
