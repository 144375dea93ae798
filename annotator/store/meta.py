"""Project-wide settings kept in the file's meta table (name, id, blind coding, codebook header...)."""

from __future__ import annotations

from annotator.core.change import Action, Change
from annotator.store.transactions import ProjectDatabase


class ProjectMeta:
    """The meta table: one value per key."""

    def __init__(self, db: ProjectDatabase):
        self.db = db

    def get(self, key: str, default: str | None = None) -> str | None:
        """The value stored under `key`, or `default`."""
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return row[0] if row else default

    def put(self, key: str, value: str) -> None:
        """Store a value inside the caller's transaction."""
        self.db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", [key, value])

    def set(self, key: str, value: str) -> Change:
        """Store a project-wide setting (one transaction)."""
        with self.db.atomic():
            self.put(key, value)
        return Change(Action.SETTING_CHANGED, details={key: value})
