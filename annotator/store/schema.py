"""The project file's schema as named migrations; `PRAGMA user_version` counts those applied."""

from __future__ import annotations

from sqlite_utils import Database, Migrations

from annotator.core.model import now_iso

# Identifies our files in the SQLite header ("FRAM"), so foreign databases are refused.
APPLICATION_ID = 0x4652414D

migrations = Migrations("framing-annotator")


@migrations()
def m001_initial(db: Database) -> None:
    """Documents, annotators, codebook, spans, document labels, assignments, history."""
    db.execute(
        """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)
        """
    )
    db.execute(
        """
        CREATE TABLE documents (
            id TEXT PRIMARY KEY,
            position INTEGER NOT NULL,
            title TEXT NOT NULL DEFAULT '',
            text TEXT NOT NULL,
            length INTEGER NOT NULL,
            outlet TEXT NOT NULL DEFAULT '',
            url TEXT NOT NULL DEFAULT '',
            author TEXT NOT NULL DEFAULT '',
            published TEXT NOT NULL DEFAULT '',
            language TEXT NOT NULL DEFAULT '',
            filename TEXT NOT NULL DEFAULT '',
            metadata TEXT NOT NULL DEFAULT '{}',
            imported TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX documents_position ON documents(position)")
    db.execute(
        """
        CREATE TABLE annotators (
            name TEXT PRIMARY KEY,
            role TEXT NOT NULL DEFAULT 'annotator',
            created TEXT NOT NULL
        )
        """
    )
    db.execute(
        """
        CREATE TABLE labels (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('span', 'document')),
            parent TEXT,
            color TEXT NOT NULL,
            shortcut TEXT NOT NULL DEFAULT '',
            description TEXT NOT NULL DEFAULT '',
            name_fr TEXT NOT NULL DEFAULT '',
            description_fr TEXT NOT NULL DEFAULT '',
            examples TEXT NOT NULL DEFAULT '[]',
            choices TEXT NOT NULL DEFAULT '[]',
            multiple INTEGER NOT NULL DEFAULT 0,
            level TEXT NOT NULL DEFAULT 'nominal',
            retired INTEGER NOT NULL DEFAULT 0,
            imported INTEGER NOT NULL DEFAULT 0,
            position INTEGER NOT NULL DEFAULT 0,
            updated TEXT NOT NULL
        )
        """
    )
    db.execute(
        """
        CREATE TABLE attributes (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            type TEXT NOT NULL,
            choices TEXT NOT NULL DEFAULT '[]',
            labels TEXT NOT NULL DEFAULT '[]',
            name_fr TEXT NOT NULL DEFAULT '',
            description TEXT NOT NULL DEFAULT ''
        )
        """
    )
    db.execute(
        """
        CREATE TABLE codebook_history (
            version INTEGER PRIMARY KEY,
            time TEXT NOT NULL,
            change TEXT NOT NULL,
            snapshot TEXT NOT NULL
        )
        """
    )
    db.execute(
        """
        CREATE TABLE spans (
            id TEXT PRIMARY KEY,
            document_id TEXT NOT NULL REFERENCES documents(id),
            annotator TEXT NOT NULL REFERENCES annotators(name),
            label_id TEXT NOT NULL REFERENCES labels(id),
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            attributes TEXT NOT NULL DEFAULT '{}',
            origin TEXT NOT NULL,
            codebook_version INTEGER NOT NULL DEFAULT 0,
            created TEXT NOT NULL,
            updated TEXT NOT NULL,
            deleted INTEGER NOT NULL DEFAULT 0,
            CHECK (0 <= start AND start < "end")
        )
        """
    )
    db.execute("CREATE INDEX spans_document ON spans(document_id, annotator)")
    db.execute("CREATE INDEX spans_label ON spans(label_id)")
    db.execute(
        """
        CREATE TABLE document_labels (
            id TEXT PRIMARY KEY,
            document_id TEXT NOT NULL REFERENCES documents(id),
            annotator TEXT NOT NULL REFERENCES annotators(name),
            question TEXT NOT NULL REFERENCES labels(id),
            value TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            created TEXT NOT NULL,
            updated TEXT NOT NULL,
            deleted INTEGER NOT NULL DEFAULT 0
        )
        """
    )
    db.execute(
        "CREATE INDEX document_labels_document ON document_labels(document_id, annotator, question)"
    )
    db.execute(
        """
        CREATE TABLE assignments (
            annotator TEXT NOT NULL REFERENCES annotators(name),
            document_id TEXT NOT NULL REFERENCES documents(id),
            status TEXT NOT NULL DEFAULT 'todo'
                CHECK (status IN ('todo', 'in progress', 'done')),
            updated TEXT NOT NULL,
            PRIMARY KEY (annotator, document_id)
        )
        """
    )
    db.execute("CREATE INDEX assignments_document ON assignments(document_id)")
    db.execute(
        """
        CREATE TABLE conflicts (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,
            object_id TEXT NOT NULL,
            kept TEXT NOT NULL,
            discarded TEXT NOT NULL,
            source TEXT NOT NULL DEFAULT '',
            time TEXT NOT NULL
        )
        """
    )


def schema_version() -> int:
    """The user_version a file gets once every migration this app knows is applied."""
    return len(migrations._migrations)


def apply_migrations(db: Database) -> list[str]:
    """Apply pending migrations, each in its own transaction; return the names applied."""
    pending = [m.name for m in migrations.pending(db)]
    if pending:
        migrations.apply(db)
        db.execute(f"PRAGMA user_version = {schema_version()}")
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    return pending


@migrations()
def m002_codebook_details(db: Database) -> None:
    """Codebook format 2: French examples and source codes of labels, attribute details and
    order, and a details column in codebook_history (what a merge or import moved)."""
    db.execute("ALTER TABLE labels ADD COLUMN examples_fr TEXT NOT NULL DEFAULT '[]'")
    db.execute("ALTER TABLE labels ADD COLUMN code TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE attributes ADD COLUMN description_fr TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE attributes ADD COLUMN multiple INTEGER NOT NULL DEFAULT 0")
    db.execute("ALTER TABLE attributes ADD COLUMN choice_details TEXT NOT NULL DEFAULT '[]'")
    db.execute("ALTER TABLE attributes ADD COLUMN position INTEGER NOT NULL DEFAULT 0")
    db.execute("UPDATE attributes SET position = rowid")
    db.execute("ALTER TABLE codebook_history ADD COLUMN details TEXT NOT NULL DEFAULT '{}'")


@migrations()
def m003_team_merging(db: Database) -> None:
    """Several annotators: assignment tombstones (`removed`), a log of merges (the last point each
    source and this project agreed on, to tell one-sided edits from conflicts), conflicts by record."""
    db.execute("ALTER TABLE assignments ADD COLUMN removed INTEGER NOT NULL DEFAULT 0")
    db.execute(
        """
        CREATE TABLE merge_log (
            id INTEGER PRIMARY KEY,
            source_key TEXT NOT NULL,
            source_path TEXT NOT NULL,
            source_project_id TEXT NOT NULL,
            merged_at TEXT NOT NULL,
            source_high_water TEXT NOT NULL,
            report TEXT NOT NULL DEFAULT '{}'
        )
        """
    )
    db.execute("CREATE INDEX merge_log_source ON merge_log(source_key, id)")
    db.execute("CREATE INDEX conflicts_object ON conflicts(kind, object_id)")


@migrations()
def m004_merge_base(db: Database) -> None:
    """Per merged record and source: the time stamp of the last version both sides held, the base
    against which the next merge of that source tells one-sided edits from conflicts."""
    db.execute(
        """
        CREATE TABLE merge_base (
            source_key TEXT NOT NULL,
            kind TEXT NOT NULL,
            object_id TEXT NOT NULL,
            agreed_updated TEXT NOT NULL,
            PRIMARY KEY (source_key, kind, object_id)
        ) WITHOUT ROWID
        """
    )


@migrations()
def m005_adjudication(db: Database) -> None:
    """Where each gold span came from: accepted from an annotator, agreed by several, or added by
    the curator, with the source span ids (the gold spans themselves live in `spans`)."""
    db.execute(
        """
        CREATE TABLE adjudications (
            span_id TEXT PRIMARY KEY,
            how TEXT NOT NULL CHECK (how IN ('accepted', 'agreed', 'added')),
            sources TEXT NOT NULL DEFAULT '[]',
            annotators TEXT NOT NULL DEFAULT '[]',
            curator TEXT NOT NULL DEFAULT '',
            decided TEXT NOT NULL
        )
        """
    )


@migrations()
def m006_suggestions(db: Database) -> None:
    """Suggestions: each annotator's decision on a detector's suggestion (so a rejected one stays
    rejected), and the project's own loaded terms (active = 0 switches a default term off)."""
    db.execute(
        """
        CREATE TABLE suggestion_decisions (
            document_id TEXT NOT NULL REFERENCES documents(id),
            annotator TEXT NOT NULL REFERENCES annotators(name),
            kind TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            decision TEXT NOT NULL CHECK (decision IN ('accepted', 'rejected')),
            label_id TEXT,
            span_id TEXT,
            time TEXT NOT NULL,
            PRIMARY KEY (document_id, annotator, kind, start, "end")
        )
        """
    )
    db.execute(
        """
        CREATE TABLE loaded_terms (
            term TEXT PRIMARY KEY COLLATE NOCASE,
            language TEXT NOT NULL DEFAULT '',
            active INTEGER NOT NULL DEFAULT 1,
            added TEXT NOT NULL
        )
        """
    )


@migrations()
def m007_memos_and_people(db: Database) -> None:
    """A memo per annotator per document (merged like assignments: the later edit wins), and an
    annotator's display name and retired flag (a retired annotator keeps their work, gets no new)."""
    db.execute(
        """
        CREATE TABLE document_memos (
            document_id TEXT NOT NULL REFERENCES documents(id),
            annotator TEXT NOT NULL,
            text TEXT NOT NULL DEFAULT '',
            created TEXT NOT NULL,
            updated TEXT NOT NULL,
            deleted INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (document_id, annotator)
        )
        """
    )
    db.execute("ALTER TABLE annotators ADD COLUMN display_name TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE annotators ADD COLUMN retired INTEGER NOT NULL DEFAULT 0")


@migrations()
def m008_unique_live_spans(db: Database) -> None:
    """No two live spans of one annotator with the same label and offsets (an older version could make
    them by pressing a label key twice): of each such group the span with a note or attributes, else
    the oldest, stays; the others become tombstones, dated now so that the deletion travels in merges."""
    db.execute(
        """
        UPDATE spans SET deleted = 1, updated = ? WHERE id IN (
            SELECT id FROM (
                SELECT id, row_number() OVER (
                    PARTITION BY document_id, annotator, label_id, start, "end"
                    ORDER BY (note != '' OR attributes NOT IN ('', '{}')) DESC, created, id) AS rank
                FROM spans WHERE deleted = 0)
            WHERE rank > 1)
        """,
        [now_iso()],
    )
    db.execute(
        'CREATE UNIQUE INDEX spans_live_unique ON spans(document_id, annotator, label_id, start, "end") '
        "WHERE deleted = 0"
    )


@migrations()
def m009_issued_packages(db: Database) -> None:
    """The packages this project wrote, and for whom: a merge lets a package change only the work of
    the annotator it was written for, whatever the package file itself says."""
    db.execute(
        """
        CREATE TABLE issued_packages (
            package_id TEXT PRIMARY KEY,
            annotator TEXT NOT NULL,
            issued TEXT NOT NULL,
            file TEXT NOT NULL DEFAULT ''
        )
        """
    )


@migrations()
def m010_recommender_models(db: Database) -> None:
    """The models that learn from the project's annotations, kept so they survive a restart: per scope
    ('' = learnt from every annotator, else one annotator's own work under blind coding) and part
    ('spans', or 'question:<id>' for a document question), the model as compressed JSON (never a
    pickle), what it learnt from, and a stamp of the annotations it saw (to tell when it is stale)."""
    db.execute(
        """
        CREATE TABLE recommender_models (
            scope TEXT NOT NULL,
            part TEXT NOT NULL,
            kind TEXT NOT NULL,
            data BLOB NOT NULL,
            examples INTEGER NOT NULL,
            details TEXT NOT NULL DEFAULT '{}',
            stamp TEXT NOT NULL,
            trained TEXT NOT NULL,
            seconds REAL NOT NULL DEFAULT 0,
            PRIMARY KEY (scope, part)
        )
        """
    )


@migrations()
def m011_assignment_flag_and_retired_attributes(db: Database) -> None:
    """An assignments row tells a document the lead assigned (`assigned` 1) from a status an annotator
    set on a document nobody assigned them (0: opening it, a stray span); span attributes can be retired
    like labels (their values stay on the spans, new spans no longer ask for them)."""
    db.execute("ALTER TABLE assignments ADD COLUMN assigned INTEGER NOT NULL DEFAULT 1")
    db.execute("ALTER TABLE attributes ADD COLUMN retired INTEGER NOT NULL DEFAULT 0")
