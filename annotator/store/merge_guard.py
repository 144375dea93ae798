"""What a file may change in a merge, checked before anything is written (the source is attached as `src`):

- a package changes only the work of the annotator it was written for (as this project recorded
  when it wrote it, whatever the file says now);
- nobody's file writes the gold standard, which only adjudication in this project writes;
- no version is dated in the future (it would win every later merge);
- a file brings at most `max_new_labels` new labels and attributes;
- a file that is not a package (a copy of the whole project) changes existing work only when the
  lead says so (`whole_copy`).

Each rule refuses the whole file, listing what it found; nothing is merged.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from sqlite_utils import Database

from annotator.core.errors import MergeNeedsConsent, ProjectError
from annotator.core.model import reserved_name
from annotator.store.attached import table_columns
from annotator.store.gold import ADJUDICATION, GOLD
from annotator.store.merge_source import MergeSource
from annotator.store.merge_tables import RECORD_TABLES, RecordTable

DEFAULT_MAX_NEW_LABELS = 500
CLOCK_TOLERANCE = timedelta(days=1)  # a computer whose clock or time zone is off by up to a day
LISTED = 12  # records named in a refusal; the rest are counted


@dataclass
class MergePolicy:
    """What the person merging allows beyond the defaults."""

    max_new_labels: int = DEFAULT_MAX_NEW_LABELS
    whole_copy: bool = False


def _refuse(source: str, reason: str) -> ProjectError:
    return ProjectError(f"cannot merge {source}: {reason}; nothing was merged")


def _listing(items: list[str]) -> str:
    shown = ", ".join(items[:LISTED])
    return shown + (f" and {len(items) - LISTED} more" if len(items) > LISTED else "")


def _key_sql(spec: RecordTable, alias: str) -> str:
    return " || ' / ' || ".join(f'{alias}."{k}"' for k in spec.keys)


def _changes(db: Database, spec: RecordTable, condition: str, params: list, limit: int = 10_000) -> list[tuple]:
    """(key, annotator in the source, annotator in the project or None) of the source's records that
    are new or differ from the project's and meet `condition` (SQL over s = source, m = project;
    `m.present` is true when the project holds the record)."""
    columns = table_columns(db, spec.table)
    match = " AND ".join(f'm."{k}" = s."{k}"' for k in spec.keys)
    differs = " OR ".join(f's."{c}" IS NOT m."{c}"' for c in columns)
    condition = condition.replace("m.present", f'm."{spec.keys[0]}" IS NOT NULL')
    return db.execute(
        f'SELECT {_key_sql(spec, "s")}, s.annotator, m.annotator FROM src.{spec.table} s '
        f"LEFT JOIN main.{spec.table} m ON {match} "
        f'WHERE (m."{spec.keys[0]}" IS NULL OR {differs}) AND ({condition}) ORDER BY 1 LIMIT {limit}',
        params,
    ).fetchall()


def package_owner(db: Database, source: MergeSource, name: str) -> str:
    """The annotator a package was written for: as this project recorded it, else as the package says."""
    claimed = db.execute("SELECT value FROM src.meta WHERE key = 'package_annotator'").fetchone()
    claimed = claimed[0] if claimed else ""
    issued = db.execute("SELECT annotator FROM main.issued_packages WHERE package_id = ?",
                        [source.package_id]).fetchone()
    if issued and claimed != issued[0]:
        raise _refuse(name, f"this project wrote the package for {issued[0]!r}, but the file now says it is "
                            f"{claimed!r}'s: it was changed after it was sent")
    owner = issued[0] if issued else claimed
    if not owner or reserved_name(owner):
        raise _refuse(name, f"the package says it was written for {owner!r}, which is not an annotator; "
                            "packages are written for one annotator, never for the gold standard")
    return owner


def check_owner_only(db: Database, owner: str, name: str) -> None:
    """Refuse a package that adds or changes records of anyone but `owner`, or annotators other than them."""
    found: list[str] = []
    for spec in RECORD_TABLES:
        rows = _changes(db, spec, "s.annotator IS NOT ? OR (m.present AND m.annotator IS NOT ?)",
                        [owner, owner])
        found += [f"{spec.kind} {key} of {theirs if mine == owner or mine is None else mine}"
                  for key, theirs, mine in rows]
    strangers = [row[0] for row in db.execute(
        "SELECT name FROM src.annotators WHERE name IS NOT ? AND name NOT IN (SELECT name FROM main.annotators)",
        [owner])]
    found += [f"new annotator {stranger}" for stranger in strangers]
    if found:
        raise _refuse(name, f"it is {owner}'s package but changes work that is not theirs ({len(found)}: "
                            f"{_listing(found)})")


def check_no_gold(db: Database, name: str) -> None:
    """Refuse a file that adds or changes gold-standard records, or brings an annotator named like gold."""
    found: list[str] = []
    for spec in RECORD_TABLES:
        condition = "s.annotator = ? OR m.annotator = ?"
        params: list = [GOLD, GOLD]
        if "origin" in table_columns(db, spec.table):
            condition += " OR s.origin = ? OR m.origin = ?"
            params += [ADJUDICATION, ADJUDICATION]
        found += [f"{spec.kind} {row[0]}" for row in _changes(db, spec, condition, params)]
    names = [row[0] for row in db.execute(
        "SELECT name FROM src.annotators WHERE name NOT IN (SELECT name FROM main.annotators)")]
    found += [f"annotator {n!r}" for n in names if reserved_name(n)]
    if found:
        raise _refuse(name, f"it writes the gold standard, which only adjudication in this project writes "
                            f"({len(found)}: {_listing(found)})")


def check_times(db: Database, name: str) -> None:
    """Refuse versions dated later than now (with a day's tolerance): they would win every later merge."""
    limit = (datetime.now(timezone.utc) + CLOCK_TOLERANCE).isoformat(timespec="microseconds")
    found: list[str] = []
    for spec in RECORD_TABLES:
        times = [c for c in ("created", "updated") if c in table_columns(db, spec.table)]
        condition = " OR ".join(f's."{c}" > ?' for c in times)
        found += [f"{spec.kind} {row[0]}" for row in _changes(db, spec, condition, [limit] * len(times))]
    found += [f"label {row[0]}" for row in db.execute(
        "SELECT id FROM src.labels WHERE updated > ? AND id NOT IN "
        "(SELECT id FROM main.labels WHERE updated IS src.labels.updated)", [limit])]
    if found:
        raise _refuse(name, f"{len(found)} record(s) are dated in the future, after {limit[:10]} "
                            f"({_listing(found)}): the clock of the computer that wrote it is wrong, or the file "
                            "was changed by hand")


def check_new_labels(db: Database, name: str, max_new_labels: int) -> None:
    """Refuse a file bringing more new labels and attributes than `max_new_labels` (MergeNeedsConsent says how many)."""
    new = db.execute(
        "SELECT (SELECT count(*) FROM src.labels WHERE id NOT IN (SELECT id FROM main.labels)) + "
        "(SELECT count(*) FROM src.attributes WHERE id NOT IN (SELECT id FROM main.attributes))"
    ).fetchone()[0]
    if new > max_new_labels:
        raise MergeNeedsConsent(
            f"cannot merge {name}: it brings {new:,} new labels and attributes, more than the {max_new_labels:,} "
            "a merge takes unless told otherwise; nothing was merged",
            option="max_new_labels", needed=new,
        )


def check_whole_copy(db: Database, name: str) -> None:
    """Refuse a file that is not a package and changes existing work, unless the lead allows it."""
    people: dict[str, int] = {}
    for spec in RECORD_TABLES:
        for _, _, mine in _changes(db, spec, "m.present", []):
            people[mine] = people.get(mine, 0) + 1
    if people:
        listed = ", ".join(f"{count} of {who}" for who, count in sorted(people.items()))
        raise MergeNeedsConsent(
            f"cannot merge {name}: it is not a package but a copy of a whole project, and it changes or deletes "
            f"existing work ({listed}); such a copy should be merged only if it comes from someone trusted with "
            "everyone's work; nothing was merged",
            option="whole_copy",
        )


def check_source(db: Database, source: MergeSource, name: str, policy: MergePolicy) -> None:
    """Every rule above, in order; raises before anything is written."""
    check_times(db, name)
    check_no_gold(db, name)
    if source.package_id:
        check_owner_only(db, package_owner(db, source, name), name)
    elif not policy.whole_copy:
        check_whole_copy(db, name)
    check_new_labels(db, name, policy.max_new_labels)
