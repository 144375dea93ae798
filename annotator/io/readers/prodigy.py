"""Prodigy datasets (prodigy db-out JSONL): accepted examples with their spans, under the session's annotator.

Rejected and ignored examples are left out (and counted); "_annotator_id" (else "_session_id")
names the annotator; the same text annotated in several sessions is one document. A text
classification answer ("accept" with "options", or a top-level "label") becomes an answer to the
question "Prodigy choice" or "Prodigy label".
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from annotator.core.errors import ImportRefused
from annotator.io.readers.base import ImportedAnswer, ImportedDocument, ImportedFile
from annotator.io.readers.records import as_text, record_to_document

PRODIGY_KEYS = ("_input_hash", "_task_hash", "_session_id", "_annotator_id", "_view_id")
# Prodigy's own bookkeeping and the token list: not document metadata.
SKIPPED_KEYS = {"_input_hash", "_task_hash", "_view_id", "_timestamp", "_is_binary", "answer", "tokens",
                "_annotator_id", "_session_id", "options", "accept", "config", "html", "relations"}


def is_prodigy(record: Any) -> bool:
    """A Prodigy example: it has Prodigy's hashes or session, or an answer of accept/reject/ignore."""
    return isinstance(record, dict) and (any(k in record for k in PRODIGY_KEYS)
                                         or record.get("answer") in ("accept", "reject", "ignore"))


def _answers(record: dict[str, Any], who: str | None) -> list[ImportedAnswer]:
    answers = []
    options = {o.get("id"): as_text(o.get("text") or o.get("id")) for o in record.get("options") or []
               if isinstance(o, dict)}
    accepted = [options.get(choice, as_text(choice)) for choice in record.get("accept") or []]
    if accepted:
        answers.append(ImportedAnswer("Prodigy choice", accepted, who))
    if isinstance(record.get("label"), str) and record.get("label").strip():
        answers.append(ImportedAnswer("Prodigy label", [record["label"].strip()], who))
    return answers


def read_examples(records: list[tuple[str, Any]], source: str) -> ImportedFile:
    """Documents of the accepted examples; one per text, with every session's spans and answers."""
    items: dict[str, ImportedDocument] = {}
    skipped: Counter = Counter()
    for where, record in records:
        if not isinstance(record, dict):
            raise ImportRefused(source, f"{where}: is not a JSON object (a Prodigy example)")
        answer = record.get("answer", "accept")
        if answer in ("reject", "ignore"):
            skipped[f"{'rejected' if answer == 'reject' else 'ignored'} example(s)"] += 1
            continue
        who = as_text(record.get("_annotator_id") or record.get("_session_id")) or None
        kept = {k: v for k, v in record.items() if k not in SKIPPED_KEYS}
        if isinstance(kept.get("label"), str):
            kept.pop("label")
        kept.setdefault("spans", [])
        item = record_to_document(kept, source, where)
        item.document.metadata["format"] = "prodigy"
        for span in item.spans:
            span.annotator = span.annotator or who
        item.answers = _answers(record, who)
        if who:
            item.statuses[who] = "done"
        known = items.get(item.document.id)
        if known is None:
            items[item.document.id] = item
        else:
            known.spans += item.spans
            known.answers += item.answers
            known.statuses.update(item.statuses)
    warnings = [f"{', '.join(f'{n} {what}' for what, n in skipped.items())}: not imported"] if skipped else []
    return ImportedFile(list(items.values()), warnings=warnings)
