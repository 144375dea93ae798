"""The table-by-table steps of a merge from the attached `src` file into `main`; each runs inside
the merge's transaction. Records keep the later version (see core.merging.version_key)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from annotator.core.errors import ProjectError
from annotator.core.merging import (
    MergeConflict,
    MergeCounts,
    edited_since,
    version_key,
)
from annotator.core.model import document_id_for, now_iso
from annotator.store.attached import column_list, table_columns


@dataclass(frozen=True)
class RecordTable:
    """A table of annotation records merged version by version, with a tombstone column."""

    kind: str
    table: str
    keys: tuple[str, ...]
    tombstone: str
    unique_live: tuple[str, ...] = ()  # columns no two live records may share (a repeat is skipped)


RECORD_TABLES = (
    RecordTable("span", "spans", ("id",), "deleted", ("document_id", "annotator", "label_id", "start", "end")),
    RecordTable("document_label", "document_labels", ("id",), "deleted"),
    RecordTable("assignment", "assignments", ("annotator", "document_id"), "removed"),
    RecordTable("memo", "document_memos", ("document_id", "annotator"), "deleted"),
)


@dataclass
class MergeBase:
    """What a merge compares versions against to tell one-sided edits from conflicts.

    `source_key` finds, per record, the last version both this project and the source held (table
    merge_base: written when the project takes the source's version). A side whose version differs
    from it has edited the record. Without such an entry the base is the package as written: a
    version later than `packaged_at` is an edit (for a file that is not this project's package
    `packaged_at` is empty, so that every difference counts).
    """

    source_key: str
    packaged_at: str = ""


@dataclass
class RecordOutcome:
    """What merging one record table did."""

    counts: MergeCounts
    conflicts: list[MergeConflict]
    records: list[str]
    documents: set[str]


def damaged(source: str, reason: str) -> ProjectError:
    return ProjectError(f"cannot merge {source}: {reason}; the file looks damaged and nothing was changed")


def merge_annotators(db: Database) -> list[str]:
    """Add the source's new annotators (as annotators, not leads); keep the earliest creation time."""
    added = [r[0] for r in db.execute(
        "SELECT name FROM src.annotators WHERE name NOT IN (SELECT name FROM main.annotators) ORDER BY name"
    )]
    db.execute(
        "INSERT INTO main.annotators (name, role, created) SELECT name, 'annotator', created "
        "FROM src.annotators WHERE name NOT IN (SELECT name FROM main.annotators)"
    )
    db.execute(
        "UPDATE main.annotators SET created = (SELECT s.created FROM src.annotators s "
        "WHERE s.name = annotators.name) WHERE created > (SELECT s.created FROM src.annotators s "
        "WHERE s.name = annotators.name)"
    )
    return added


def merge_documents(db: Database, source: str) -> tuple[list[str], list[str]]:
    """Add documents the project lacks (matched by content hash); return (added, already present)."""
    present = [r[0] for r in db.execute(
        "SELECT s.id FROM src.documents s JOIN main.documents m ON m.id = s.id ORDER BY s.position"
    )]
    columns = table_columns(db, "documents")
    rows = db.execute(
        f"SELECT {column_list(columns, 's.')} FROM src.documents s "
        "WHERE s.id NOT IN (SELECT id FROM main.documents) ORDER BY s.position"
    ).fetchall()
    position = db.execute("SELECT coalesce(max(position), -1) + 1 FROM main.documents").fetchone()[0]
    added: list[str] = []
    for row in rows:
        record = dict(zip(columns, row))
        if record["id"] != document_id_for(record["text"]):
            raise damaged(source, f"document {record['id'][:12]}... does not match its text")
        record["position"] = position
        position += 1
        db.execute(f"INSERT INTO main.documents ({column_list(columns)}) VALUES "
                   f"({', '.join('?' for _ in columns)})", list(record.values()))
        added.append(record["id"])
    return added, present


def merge_labels(db: Database) -> tuple[list[str], list[str], list[str]]:
    """Add labels the codebook lacks, marked imported and without a shortcut (so none clash).

    Between two imported versions of one label the later wins; the project's own labels are
    never changed, only reported when the source's definition differs.
    Returns (new ids, imported labels replaced by a later version, own labels differing).
    """
    columns = table_columns(db, "labels")
    compared = [c for c in columns if c not in ("updated", "position", "imported")]
    known = {r[0]: dict(zip(columns, r)) for r in db.execute(f"SELECT {column_list(columns)} FROM main.labels")}
    source_rows = [dict(zip(columns, r)) for r in
                   db.execute(f"SELECT {column_list(columns)} FROM src.labels ORDER BY id")]
    all_ids = set(known) | {row["id"] for row in source_rows}
    new, replaced, differing = [], [], []
    for row in source_rows:
        current = known.get(row["id"])
        if current is not None and not current["imported"]:
            if any(current[c] != row[c] for c in compared):
                differing.append(row["id"])
            continue
        incoming = dict(row, imported=1, shortcut="")
        if incoming["parent"] not in all_ids:
            incoming["parent"] = None
        values = list(incoming.values())
        if current is None:
            new.append(row["id"])
        elif version_key(incoming["updated"], values) > version_key(current["updated"], list(current.values())):
            replaced.append(row["id"])
        else:
            continue
        db.execute(f"INSERT OR REPLACE INTO main.labels ({column_list(columns)}) VALUES "
                   f"({', '.join('?' for _ in columns)})", values)
    db.execute(f"INSERT OR IGNORE INTO main.attributes ({column_list(table_columns(db, 'attributes'))}) "
               f"SELECT {column_list(table_columns(db, 'attributes'))} FROM src.attributes")
    return new, replaced, differing


def check_annotations(db: Database, source: str) -> None:
    """Refuse spans and answers that do not fit the project's documents and codebook."""
    bad = db.execute(
        "SELECT s.id, CASE WHEN d.id IS NULL THEN 'refers to an unknown document' "
        "WHEN l.id IS NULL THEN 'uses unknown label ' || s.label_id "
        "WHEN l.kind != 'span' THEN 'uses ' || s.label_id || ', which is not a span label' "
        "ELSE 'does not match its document''s text' END "
        "FROM src.spans s LEFT JOIN main.documents d ON d.id = s.document_id "
        "LEFT JOIN main.labels l ON l.id = s.label_id "
        'WHERE d.id IS NULL OR l.id IS NULL OR l.kind != \'span\' OR s.start < 0 OR s."end" > d.length '
        'OR s.start >= s."end" OR substr(d.text, s.start + 1, s."end" - s.start) IS NOT s.text LIMIT 1'
    ).fetchone()
    if bad:
        raise damaged(source, f"span {bad[0]} {bad[1]}")
    bad = db.execute(
        "SELECT s.id FROM src.document_labels s LEFT JOIN main.documents d ON d.id = s.document_id "
        "LEFT JOIN main.labels l ON l.id = s.question "
        "WHERE d.id IS NULL OR l.id IS NULL OR l.kind != 'document' LIMIT 1"
    ).fetchone()
    if bad:
        raise damaged(source, f"document label {bad[0]} refers to an unknown document or question")
    for table, record in (("document_memos", "a memo"), ("assignments", "an assignment")):
        bad = db.execute(
            f"SELECT s.document_id FROM src.{table} s "
            "WHERE s.document_id NOT IN (SELECT id FROM main.documents) LIMIT 1"
        ).fetchone()
        if bad:
            raise damaged(source, f"{record} refers to unknown document {bad[0]}")


def merge_records(db: Database, spec: RecordTable, base: MergeBase, source: str) -> RecordOutcome:
    """Insert the source's new records and keep the later version of records both sides hold.

    A record that both sides changed since their common base is a conflict: the later version is
    kept and both versions are written to the conflicts table (once, however often one merges).
    """
    columns = table_columns(db, spec.table)
    match = " AND ".join(f'm."{k}" = s."{k}"' for k in spec.keys)
    missing = f"NOT EXISTS (SELECT 1 FROM main.{spec.table} m WHERE {match})"
    key_sql = " || ' / ' || ".join(f's."{k}"' for k in spec.keys)
    outcome = RecordOutcome(MergeCounts(), [], [], set())

    differs = " OR ".join(f's."{c}" IS NOT m."{c}"' for c in columns)
    width = len(columns)
    at = {c: i for i, c in enumerate(columns)}
    pairs = db.execute(
        f"SELECT {column_list(columns, 's.')}, {column_list(columns, 'm.')}, w.agreed_updated "
        f"FROM src.{spec.table} s JOIN main.{spec.table} m ON {match} "
        "LEFT JOIN main.merge_base w ON w.source_key = ? AND w.kind = ? "
        f"AND w.object_id = {key_sql} WHERE {differs}",
        [base.source_key, spec.kind],
    ).fetchall()
    for pair in pairs:
        theirs, ours = list(pair[:width]), list(pair[width : 2 * width])
        agreed = pair[2 * width]
        their_time, our_time = theirs[at["updated"]], ours[at["updated"]]
        source_wins = version_key(their_time, theirs) > version_key(our_time, ours)
        key = " / ".join(str(theirs[at[k]]) for k in spec.keys)
        if agreed is None:
            both_edited = edited_since(their_time, base.packaged_at) and edited_since(our_time, base.packaged_at)
        else:
            both_edited = their_time != agreed and our_time != agreed
        if both_edited:
            kept, lost = (theirs, ours) if source_wins else (ours, theirs)
            conflict = MergeConflict(spec.kind, key, "source" if source_wins else "target",
                                     kept[at["updated"]], lost[at["updated"]])
            if _record_conflict(db, conflict, dict(zip(columns, kept)), dict(zip(columns, lost)), source):
                outcome.conflicts.append(conflict)
        if not source_wins:
            continue
        if spec.unique_live and not theirs[at[spec.tombstone]] and _repeats_live(db, spec, theirs, at):
            outcome.counts.duplicates += 1
            continue
        db.execute(
            "INSERT OR REPLACE INTO main.merge_base (source_key, kind, object_id, agreed_updated) "
            "VALUES (?, ?, ?, ?)", [base.source_key, spec.kind, key, their_time],
        )
        assignments = ", ".join(f'"{c}" = ?' for c in columns)
        where = " AND ".join(f'"{k}" = ?' for k in spec.keys)
        db.execute(f"UPDATE main.{spec.table} SET {assignments} WHERE {where}",
                   theirs + [theirs[at[k]] for k in spec.keys])
        outcome.records.append(key)
        outcome.documents.add(theirs[at["document_id"]])
        if theirs[at[spec.tombstone]] and not ours[at[spec.tombstone]]:
            outcome.counts.deleted += 1
        else:
            outcome.counts.updated += 1
    # New records after the updates: a live record repeating one the source itself deleted in the
    # meantime is not a repeat (inserting first lost the source's new span when it replaced a deleted one).
    if spec.unique_live:
        # A live record repeating a live one of the project (the same span made on two machines) is left out.
        same = " AND ".join(f'r."{c}" = s."{c}"' for c in spec.unique_live)
        repeat = (f"s.{spec.tombstone} = 0 AND EXISTS (SELECT 1 FROM main.{spec.table} r "
                  f"WHERE r.{spec.tombstone} = 0 AND {same})")
        outcome.counts.duplicates += db.execute(
            f"SELECT count(*) FROM src.{spec.table} s WHERE {missing} AND {repeat}").fetchone()[0]
        missing = f"{missing} AND NOT ({repeat})"
    new_rows = db.execute(
        f"SELECT {key_sql}, s.document_id, s.{spec.tombstone} FROM src.{spec.table} s WHERE {missing}"
    ).fetchall()
    if new_rows:
        db.execute(
            "INSERT OR REPLACE INTO main.merge_base (source_key, kind, object_id, agreed_updated) "
            f"SELECT ?, ?, {key_sql}, s.updated FROM src.{spec.table} s WHERE {missing}",
            [base.source_key, spec.kind],
        )
        db.execute(f"INSERT INTO main.{spec.table} ({column_list(columns)}) "
                   f"SELECT {column_list(columns, 's.')} FROM src.{spec.table} s WHERE {missing}")
    for key, document_id, gone in new_rows:
        outcome.records.append(key)
        outcome.documents.add(document_id)
        if gone:
            outcome.counts.deleted += 1
        else:
            outcome.counts.added += 1

    return outcome


def _repeats_live(db: Database, spec: RecordTable, record: list[Any], at: dict[str, int]) -> bool:
    """True when another live record of the project has the same `unique_live` values as `record`."""
    same = " AND ".join(f'"{c}" = ?' for c in spec.unique_live)
    others = " AND ".join(f'"{k}" IS NOT ?' for k in spec.keys)
    return db.execute(
        f"SELECT 1 FROM main.{spec.table} WHERE {spec.tombstone} = 0 AND {same} AND {others} LIMIT 1",
        [record[at[c]] for c in spec.unique_live] + [record[at[k]] for k in spec.keys],
    ).fetchone() is not None


def _record_conflict(db: Database, conflict: MergeConflict, kept: dict[str, Any],
                     lost: dict[str, Any], source: str) -> bool:
    """Write a conflict unless this very pair of versions is recorded already; True when written."""
    kept_json = json.dumps(kept, ensure_ascii=False, sort_keys=True)
    lost_json = json.dumps(lost, ensure_ascii=False, sort_keys=True)
    if db.execute(
        "SELECT 1 FROM main.conflicts WHERE kind = ? AND object_id = ? AND kept = ? AND discarded = ?",
        [conflict.kind, conflict.object_id, kept_json, lost_json],
    ).fetchone():
        return False
    db.execute(
        "INSERT INTO main.conflicts (kind, object_id, kept, discarded, source, time) VALUES (?, ?, ?, ?, ?, ?)",
        [conflict.kind, conflict.object_id, kept_json, lost_json, source, now_iso()],
    )
    return True


def source_high_water(db: Database) -> str:
    """The latest edit time in the source's annotation records (kept in the merge log)."""
    parts = " UNION ALL ".join(f"SELECT max(updated) AS u FROM src.{spec.table}" for spec in RECORD_TABLES)
    return db.execute(f"SELECT coalesce(max(u), '') FROM ({parts})").fetchone()[0]
