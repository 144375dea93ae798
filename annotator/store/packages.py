"""Packages: a project file holding one annotator's assigned documents, to send to them."""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from annotator.core.errors import ProjectError
from annotator.core.leftovers import remove_leftovers, scratch_name
from annotator.core.model import new_uuid, now_iso
from annotator.store.attached import attached, column_list, table_columns
from annotator.store.copies import publish
from annotator.store.meta import ProjectMeta
from annotator.store.transactions import ProjectDatabase

PACKAGE_KEYS = ("package_id", "package_annotator", "packaged_at", "packaged_from")
# Whole tables a package carries; the rest is filtered to the annotator's documents and work.
CODEBOOK_TABLES = ("labels", "attributes", "codebook_history")


@dataclass
class PackageInfo:
    """What `write_package` wrote."""

    path: Path
    annotator: str
    package_id: str
    documents: int
    spans: int
    document_labels: int


class Packages:
    """Writing packages for annotators, and reading what package this file is."""

    def __init__(self, db: ProjectDatabase, path: Path, meta: ProjectMeta, create_empty: Callable[[Path], None]):
        self.db = db
        self.path = path
        self.meta = meta
        self.create_empty = create_empty  # makes a new, empty project file with every migration applied

    def info(self) -> dict[str, str]:
        """The package settings of this file (empty when it is not a package)."""
        return {key: value for key in PACKAGE_KEYS if (value := self.meta.get(key))}

    def write(self, annotator: str, out_path: str | os.PathLike) -> PackageInfo:
        """Write a new project file with `annotator`'s assigned documents, the codebook and their work.

        The package keeps this project's id (so a merge recognises it) and records when it was
        written, the point from which edits on both sides count as conflicts. This project records
        the package's id and annotator: a merge lets the package change that annotator's work only.
        The file is written under a scratch name and takes its name only when complete, so an
        interrupted run never leaves a package that looks whole.
        """
        out_path = Path(out_path)
        if out_path.exists():
            raise ProjectError(f"{out_path}: a file with this name exists already")
        if not self.db.execute("SELECT 1 FROM annotators WHERE name = ?", [annotator]).fetchone():
            raise ProjectError(f"{self.path}: has no annotator called {annotator!r}")
        if not self.db.execute(
            "SELECT 1 FROM assignments WHERE annotator = ? AND removed = 0", [annotator]
        ).fetchone():
            raise ProjectError(f"{annotator} has no documents assigned; assign some before packaging")
        remove_leftovers(out_path)
        scratch = scratch_name(out_path, "partial")
        try:
            self.create_empty(scratch)
            info = self._fill_package(annotator, scratch, out_path)
            self._seal(scratch)
            publish(scratch, out_path)
        finally:
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(f"{scratch}{suffix}").unlink(missing_ok=True)
        info.path = out_path
        return info

    @staticmethod
    def _seal(path: Path) -> None:
        """Make the written package one self-contained file, and check it."""
        conn = sqlite3.connect(str(path), isolation_level=None)
        try:
            conn.execute("PRAGMA journal_mode = DELETE")
            if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise ProjectError(f"{path.name}: the package failed SQLite's check after it was written")
        finally:
            conn.close()

    def _fill_package(self, annotator: str, scratch: Path, out_path: Path) -> PackageInfo:
        package_id = new_uuid()
        with attached(self.db, scratch, "pkg"), self.db.atomic():
            q = self.db.execute
            q("DELETE FROM pkg.meta")
            q(f"INSERT INTO pkg.meta (key, value) SELECT key, value FROM main.meta "
              f"WHERE key NOT IN ({', '.join('?' for _ in PACKAGE_KEYS)})", list(PACKAGE_KEYS))
            stamp = now_iso()
            for key, value in zip(PACKAGE_KEYS, (package_id, annotator, stamp, self.path.name)):
                q("INSERT INTO pkg.meta (key, value) VALUES (?, ?)", [key, value])
            q("INSERT INTO main.issued_packages (package_id, annotator, issued, file) VALUES (?, ?, ?, ?)",
              [package_id, annotator, stamp, out_path.name])
            self._copy_rows("annotators", "WHERE name = ?", [annotator])
            for table in CODEBOOK_TABLES:
                self._copy_rows(table, "", [])
            assigned = ("SELECT document_id FROM main.assignments "
                        "WHERE annotator = ? AND removed = 0")
            self._copy_rows("documents", f"WHERE id IN ({assigned})", [annotator])
            self._copy_rows("assignments", "WHERE annotator = ? AND removed = 0", [annotator])
            for table in ("spans", "document_labels", "document_memos"):
                self._copy_rows(table, f"WHERE annotator = ? AND document_id IN ({assigned})",
                                [annotator, annotator])
            counts = [q(f"SELECT count(*) FROM pkg.{t}").fetchone()[0]
                      for t in ("documents", "spans", "document_labels")]
        return PackageInfo(scratch, annotator, package_id, *counts)

    def _copy_rows(self, table: str, where: str, params: list[str]) -> None:
        columns = column_list(table_columns(self.db, table))
        self.db.execute(
            f"INSERT INTO pkg.{table} ({columns}) SELECT {columns} FROM main.{table} {where}", params
        )
