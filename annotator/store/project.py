"""The project file: opening, creating and refusing files, and the managers that read and write it.

A `Project` owns one connection and composes one manager per part of the file, each given the
database and the managers it depends on (as Anki's Collection holds its managers):

    project.meta         settings kept in the file          project.team         annotators, roles, blind coding, who reads
    project.documents    texts and their metadata           project.assignments  who codes what, statuses, progress
    project.codebook     labels, questions, history         project.labels       editing single labels
    project.spans        spans                              project.answers      answers to document questions
    project.memos        annotators' memos on documents
    project.suggestions  decisions on suggestions, terms    project.agreement    what agreement compares
    project.adjudication the gold standard                  project.exports      queries exports stream from
    project.imports      storing what an importer read      project.merges / project.packages   team files
    project.models       the models that learn from the annotations (stored as data, never pickled)

After `close()`, any use raises ProjectError.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

from annotator.core.errors import ProjectError
from annotator.core.model import new_uuid, now_iso
from annotator.store.adjudication import Adjudication
from annotator.store.agreement_data import AgreementData
from annotator.store.assignments import Assignments
from annotator.store.backup import automatic_backup
from annotator.store.codebook_editing import LabelEditor
from annotator.store.codebook_store import CodebookStore
from annotator.store.document_labels import Answers
from annotator.store.documents import Documents
from annotator.store.export_queries import ExportQueries
from annotator.store.copies import checkpoint, save_copy
from annotator.store.imports import Imports
from annotator.store.merge import Merges
from annotator.store.memos import Memos
from annotator.store.meta import ProjectMeta
from annotator.store.packages import Packages
from annotator.store.opening import BUSY_TIMEOUT_SECONDS, FileState, connect, open_failure, open_project_file
from annotator.store.recommender_models import RecommenderModels
from annotator.store.schema import apply_migrations
from annotator.store.spans import Spans
from annotator.store.suggestions_store import SuggestionDecisions
from annotator.store.team import Team
from annotator.store.transactions import ProjectDatabase


def _connect(path: Path) -> sqlite3.Connection:
    return connect(path)


class Project:
    """One annotation project, stored in one SQLite file; each mutation is one transaction."""

    def __init__(self, path: Path, conn: sqlite3.Connection, state: FileState | None = None):
        self.path = Path(path)
        self.state = state or FileState()
        self.db = ProjectDatabase(conn, execute_plugins=False)
        self.db.label = str(self.path)
        self.db.refusal = self.state.refusal(self.path)
        self.db.refusal_kind = self.state.refusal_kind
        if self.state.writable:
            self.db.execute("PRAGMA foreign_keys = ON")
        self.db.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_SECONDS * 1000)}")
        db = self.db
        self.meta = ProjectMeta(db)
        self.team = Team(db, self.meta)
        self.documents = Documents(db)
        self.codebook = CodebookStore(db, self.meta)
        self.labels = LabelEditor(db, self.codebook)
        self.spans = Spans(db, self.codebook, self.team)
        self.answers = Answers(db, self.documents, self.team)
        self.memos = Memos(db, self.documents, self.team)
        self.assignments = Assignments(db, self.documents, self.team)
        self.suggestions = SuggestionDecisions(db, self.documents, self.spans, self.team)
        self.agreement = AgreementData(db, self.team)
        self.adjudication = Adjudication(db, self.documents, self.spans, self.answers, self.agreement)
        self.exports = ExportQueries(db, self.team)
        self.imports = Imports(db, self.codebook, self.documents, self.spans, self.team)
        self.merges = Merges(db, self.path, self.meta, self.codebook)
        self.packages = Packages(db, self.path, self.meta, lambda out: type(self).create(out).close())
        self.models = RecommenderModels(db)

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
                project.meta.put(key, value)
        return project

    @classmethod
    def open(cls, path: str | os.PathLike, backup: bool = True, check: bool = True,
             viewer: str | None = None) -> "Project":
        """Open an existing project, upgrading an older schema; refuse foreign or newer files.

        With `check`, SQLite's quick check runs first; a damaged file, and one in a read-only file
        or folder, opens read-only (`project.state` says why; every write raises ProjectError).
        With `backup`, a rotating backup of a sound file is made first (see annotator.store.backup).
        `viewer` names the person reading it (see Team.identify: blind coding shows them only their work).
        """
        path = Path(path)
        conn, state, _ = open_project_file(path, check=check)
        try:
            if state.writable:
                conn.execute("PRAGMA journal_mode = WAL")
            project = cls(path, conn, state)
            if state.writable:
                if backup:
                    automatic_backup(conn, path)
                apply_migrations(project.db)
        except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
            conn.close()
            raise open_failure(path, exc) from exc
        except BaseException:
            conn.close()  # never leave a connection behind: it would keep the file from being restored
            raise
        project.team.identify(viewer)
        return project

    def reopen(self) -> "Project":
        """The same project file through a new connection of its own, read by the same person (the same
        viewer: blind coding keeps hiding what it hides), without a backup: the one way background work
        opens the window's project. Safe to call from another thread (it reads only the file's path and the
        viewer's name, never this project's connection), and after this project is closed."""
        return type(self).open(self.path, backup=False, viewer=self.team.viewer)

    @property
    def conn(self) -> sqlite3.Connection:
        """The SQLite connection (for backups and tests)."""
        return self.db.conn

    @property
    def closed(self) -> bool:
        return self.db.closed

    @property
    def read_only(self) -> bool:
        """True when the file opened read-only (damaged, or a read-only file or folder)."""
        return bool(self.db.refusal)

    def mark_damaged(self, damage: str) -> None:
        """Refuse every write from now on: a check made after opening found the file damaged."""
        self.state.damage = damage
        self.db.refusal = self.state.refusal(self.path)
        self.db.refusal_kind = self.state.refusal_kind

    def checkpoint(self) -> bool:
        """Copy the recent work kept in the write-ahead log into the project file itself, so that the
        .framing file alone holds everything; True when all of it was copied."""
        if self.closed or not self.state.writable:
            return False
        return checkpoint(self.db.conn)

    def save_copy(self, out_path: str | os.PathLike) -> Path:
        """Write one complete, self-contained copy of the project to `out_path` (which must not exist)."""
        return save_copy(self.db.conn, Path(out_path))

    def close(self) -> None:
        """Close the file, first copying the recent work from the write-ahead log into it. Closing twice is harmless."""
        if not self.closed and self.state.writable:
            self.db.execute("PRAGMA busy_timeout = 0")  # never wait for another window's reading to end
            if not checkpoint(self.db.conn, truncate=True):
                checkpoint(self.db.conn)  # copy what can be copied without the log to itself
        self.db.close(str(self.path))

    def __enter__(self) -> "Project":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    # -- what the file is ----------------------------------------------------------------------

    @property
    def schema_version(self) -> int:
        return self.db.execute("PRAGMA user_version").fetchone()[0]

    @property
    def project_id(self) -> str:
        return self.meta.get("project_id") or ""

    @property
    def name(self) -> str:
        return self.meta.get("name") or self.path.stem

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

    def open_notice(self) -> str:
        """The one message to show on opening: why the file is read-only and what to do ("" when writable)."""
        return self.state.notice(self.path)
