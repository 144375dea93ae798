"""REFI-QDA GUIDs of our records: derived from our ids, or the ones a .qdpx gave them, kept across imports."""

from __future__ import annotations

import json
import re
import uuid
from typing import Any

# Project meta key of the GUIDs a REFI-QDA import found for our records: {"<kind>:<our id>": guid}.
REFI_GUIDS_KEY = "refi_qda_guids"
# GUIDs derived from our ids are stable across exports: the same label always gets the same GUID.
_GUID_NAMESPACE = uuid.UUID("6f1f5b4e-3c2a-5d8e-9b7a-2f0c4e6a8d11")
_GUID_RE = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")


def guid(kind: str, key: str) -> str:
    """A stable GUID for one of our records (label, choice, user, document...)."""
    return str(uuid.uuid5(_GUID_NAMESPACE, f"{kind}:{key}"))


def is_guid(value: str) -> bool:
    """True for a GUID as the REFI-QDA schema allows it without braces (either case: a span id that is
    one is written as it is)."""
    return bool(_GUID_RE.match(value))


def span_guid(span_id: str) -> str:
    """A span's own id when it is a GUID already, else one derived from it."""
    return span_id if is_guid(span_id) else guid("span", span_id)


def coding_guid(span_id: str) -> str:
    """The GUID our export derives for the coding of a span's selection."""
    return guid("coding", span_id)


def choice_key(question_id: str, choice_id: str) -> str:
    """How a question's choice is named among the kept GUIDs (and in the derived one)."""
    return f"{question_id}/{choice_id}"


def _derived(kind: str, key: str) -> str:
    if kind == "span":
        return span_guid(key)
    if kind == "coding":
        return coding_guid(key)
    return guid("label" if kind == "choice" else kind, key)  # a choice is a code under its question's


class RefiGuids:
    """The GUIDs an export writes: the kept one of a record when there is one, else the derived one.

    Each GUID is written once: a kept GUID that an earlier record of the export took already (two
    imports gave the same GUID to different records) gives way to the derived one.
    """

    def __init__(self, kept: dict[str, str] | None = None):
        self.kept = kept or {}
        self.given: dict[str, str] = {}
        self.used: set[str] = set()

    @classmethod
    def of_project(cls, project: Any) -> "RefiGuids":
        """The GUIDs kept in a project's meta table by earlier REFI-QDA imports."""
        raw = project.meta.get(REFI_GUIDS_KEY)
        try:
            kept = json.loads(raw) if raw else {}
        except ValueError:
            kept = {}
        return cls({k: v for k, v in kept.items() if isinstance(v, str) and is_guid(v)}
                   if isinstance(kept, dict) else {})

    def of(self, kind: str, key: str) -> str:
        """The GUID of our record `key` of `kind` ("label", "choice", "user", "document", "coding"...),
        the same each time it is asked for."""
        name = f"{kind}:{key}"
        found = self.given.get(name)
        if found is None:
            found = self.kept.get(name)
            if found is None or found in self.used:
                found = _derived(kind, key)
            self.given[name] = found
            self.used.add(found)
        return found
