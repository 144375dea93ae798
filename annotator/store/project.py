"""The project file: opening, creating and refusing files; meta settings and annotators."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

from annotator.core.change import Change
from annotator.core.errors import ProjectError
from annotator.core.model import GOLD_ANNOTATOR, Annotator, new_uuid, now_iso
from annotator.store.adjudication import AdjudicationStore
from annotator.store.agreement_data import AgreementDataStore
from annotator.store.assignments import AssignmentStore
from annotator.store.backup import automatic_backup
from annotator.store.codebook_store import CodebookStore
from annotator.store.documents import DocumentStore
from annotator.store.document_labels import DocumentLabelStore
from annotator.store.export_queries import ExportQueries
from annotator.store.imports import ImportStore
from annotator.store.merge import MergeStore
from annotator.store.packages import PackageStore
from annotator.store.schema import APPLICATION_ID, apply_migrations, migrations, schema_version
from annotator.store.spans import SpanStore
from annotator.store.suggestions_store import SuggestionStore
from annotator.store.transactions import ProjectDatabase

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_SECONDS = 30.0


def _check_existing_file(path: Path) -> None:
    """Refuse, without writing a byte, a path that is not an SQLite database."""
    if not path.exists():
        raise ProjectError(f"{path}: no such project file")
    if path.is_dir():
        raise ProjectError(f"{path}: is a folder, not a project file")
    with open(path, "rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise ProjectError(f"{path}: is not a Framing Annotator project (not an SQLite file)")


def _connect(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_SECONDS)


class Project(DocumentStore, SpanStore, CodebookStore, DocumentLabelStore, ExportQueries, ImportStore, AgreementDataStore,
              AdjudicationStore,
              AssignmentStore, PackageStore, MergeStore, SuggestionStore):
    """One annotation project, stored in one SQLite file; each mutation is one transaction."""

    def __init__(self, path: Path, conn: sqlite3.Connection):
        self.path = Path(path)
        self.conn = conn
        self.db = ProjectDatabase(conn, execute_plugins=False)
        self.db.execute("PRAGMA foreign_keys = ON")
        self.db.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_SECONDS * 1000)}")

    # -- opening and creating -------------------------------------------------------------

    @classmethod
    def create(cls, path: str | os.PathLike, name: str | None = None) -> "Project":
        """Create a new, empty project file at `path` (which must not exist yet)."""
        path = Path(path)
        if path.exists():
            raise ProjectError(f"{path}: a file with this name exists already")
        if not path.parent.exists():
            raise ProjectError(f"{path}: folder {path.parent} does not exist")
        try:
            conn = _connect(path)
            conn.execute("PRAGMA journal_mode = WAL")
        except sqlite3.Error as exc:
            raise ProjectError(f"{path}: cannot create the project file ({exc})") from exc
        project = cls(path, conn)
        apply_migrations(project.db)
        with project.db.atomic():
            for key, value in (
                ("project_id", new_uuid()),
                ("name", name or path.stem),
                ("created", now_iso()),
                ("blind", "0"),
            ):
                project.db["meta"].insert({"key": key, "value": value}, replace=True)
        return project

    @classmethod
    def open(cls, path: str | os.PathLike, backup: bool = True) -> "Project":
        """Open an existing project, upgrading an older schema; refuse foreign or newer files.

        With `backup`, a rotating backup of the file is made first (see annotator.store.backup).
        """
        path = Path(path)
        _check_existing_file(path)
        try:
            conn = _connect(path)
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            raise ProjectError(f"{path}: is damaged or not a project file ({exc})") from exc
        if app_id != APPLICATION_ID:
            conn.close()
            raise ProjectError(
                f"{path}: is an SQLite database but not a Framing Annotator project"
            )
        if version > schema_version():
            conn.close()
            raise ProjectError(
                f"{path}: was written by a newer version of Framing Annotator "
                f"(schema {version}, this app knows {schema_version()}); please update the app"
            )
        known = {m.name for m in migrations._migrations}
        applied = {row[0] for row in conn.execute("SELECT name FROM _sqlite_migrations")}
        if applied - known:
            conn.close()
            raise ProjectError(
                f"{path}: was changed by a newer version of Framing Annotator "
                f"(unknown upgrades {', '.join(sorted(applied - known))}); please update the app"
            )
        try:
            conn.execute("PRAGMA journal_mode = WAL")
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise ProjectError(f"{path}: cannot be opened for writing ({exc})") from exc
        project = cls(path, conn)
        if backup:
            automatic_backup(conn, path)
        apply_migrations(project.db)
        return project

    def close(self) -> None:
        """Close the file; WAL content is checkpointed by SQLite on the last close."""
        self.conn.close()

    def __enter__(self) -> "Project":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    # -- meta ------------------------------------------------------------------------------

    @property
    def schema_version(self) -> int:
        return self.db.execute("PRAGMA user_version").fetchone()[0]

    def setting(self, key: str, default: str | None = None) -> str | None:
        """A project-wide setting stored in the file (name, blind coding, ...)."""
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return row[0] if row else default

    def set_setting(self, key: str, value: str) -> Change:
        """Store a project-wide setting."""
        with self.db.atomic():
            self.db["meta"].insert({"key": key, "value": value}, replace=True)
        return Change("setting changed", details={key: value})

    @property
    def project_id(self) -> str:
        return self.setting("project_id") or ""

    @property
    def name(self) -> str:
        return self.setting("name") or self.path.stem

    # -- annotators ------------------------------------------------------------------------

    def add_annotator(self, name: str, role: str = "annotator") -> Change:
        """Add an annotator (a no-op when one of that name exists)."""
        name = name.strip()
        if not name:
            raise ProjectError("an annotator needs a name")
        if role not in ("annotator", "lead"):
            raise ProjectError(f"unknown role {role!r}: use 'annotator' or 'lead'")
        with self.db.atomic():
            exists = self.db.execute("SELECT 1 FROM annotators WHERE name = ?", [name]).fetchone()
            if exists:
                return Change("annotator exists")
            self.db["annotators"].insert({"name": name, "role": role, "created": now_iso()})
        return Change("annotator added", annotators=[name])

    def set_role(self, name: str, role: str) -> Change:
        """Make an annotator the project lead ("lead") or an ordinary annotator ("annotator")."""
        if role not in ("annotator", "lead"):
            raise ProjectError(f"unknown role {role!r}: use 'annotator' or 'lead'")
        with self.db.atomic():
            self.ensure_annotator(name)
            self.db.execute("UPDATE annotators SET role = ? WHERE name = ?", [role, name])
        return Change("role set", annotators=[name], details={"role": role})

    def role(self, name: str) -> str:
        """An annotator's role ("annotator" for unknown names)."""
        row = self.db.execute("SELECT role FROM annotators WHERE name = ?", [name]).fetchone()
        return row[0] if row else "annotator"

    def coders(self) -> list[str]:
        """The names of the people who annotate: every annotator but the gold standard's."""
        return [a.name for a in self.annotators() if a.name != GOLD_ANNOTATOR]

    def may_see_others(self, name: str) -> bool:
        """Whether `name` may see other annotators' work: the lead always, others unless coding is blind."""
        return self.role(name) == "lead" or not self.blind_coding()

    def annotators(self) -> list[Annotator]:
        """Every annotator, in the order they were added."""
        rows = self.db.execute("SELECT name, role FROM annotators ORDER BY created, name").fetchall()
        return [Annotator(name=r[0], role=r[1]) for r in rows]

    def ensure_annotator(self, name: str) -> None:
        """Add `name` as an annotator inside the current transaction if it is new."""
        self.db.execute(
            "INSERT OR IGNORE INTO annotators(name, role, created) VALUES (?, 'annotator', ?)",
            [name, now_iso()],
        )

    # -- summary ---------------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        """How many documents, annotators, live spans, labels and document labels the project holds."""
        q = self.db.execute
        return {
            "documents": q("SELECT count(*) FROM documents").fetchone()[0],
            "annotators": q("SELECT count(*) FROM annotators").fetchone()[0],
            "spans": q("SELECT count(*) FROM spans WHERE deleted = 0").fetchone()[0],
            "labels": q("SELECT count(*) FROM labels WHERE retired = 0").fetchone()[0],
            "document_labels": q("SELECT count(*) FROM document_labels WHERE deleted = 0").fetchone()[0],
        }

    def integrity_ok(self) -> bool:
        """True when SQLite's integrity check finds nothing wrong."""
        return self.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
