"""The models that learn from the project's annotations, stored as bytes in the file (the recommender_models table)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Iterable

from annotator.core.change import Action, Change
from annotator.core.errors import ProjectError
from annotator.core.model import now_iso
from annotator.store.gold import ADJUDICATION
from annotator.store.transactions import ProjectDatabase

EVERYONE = ""  # the scope of models that learnt from every annotator's work


@dataclass(frozen=True)
class StoredModel:
    """One stored model: its scope ("" for everyone, else the annotator whose own work it learnt from),
    its part ("spans", or "question:<id>"), the kind of model the bytes hold, and what it learnt from."""

    scope: str
    part: str
    kind: str
    examples: int
    details: dict = field(default_factory=dict)
    stamp: str = ""
    trained: str = ""
    seconds: float = 0.0
    data: bytes = b""


_COLUMNS = "scope, part, kind, examples, details, stamp, trained, seconds"


def _model(row: tuple, data: bytes = b"") -> StoredModel:
    return StoredModel(row[0], row[1], row[2], row[3], json.loads(row[4]), row[5], row[6], row[7], data)


class RecommenderModels:
    """Reading and replacing the project's trained models; the bytes are never run, only read as data."""

    def __init__(self, db: ProjectDatabase):
        self.db = db

    def save(self, scope: str, models: Iterable[StoredModel], stamp: str) -> Change:
        """Replace every model of `scope` with `models` (one transaction), stamped with the annotations
        they learnt from (see `annotations_stamp`)."""
        models = list(models)
        for model in models:
            if model.scope != scope:
                raise ProjectError(f"a model of scope {model.scope!r} cannot be saved under {scope!r}")
            if not isinstance(model.data, (bytes, bytearray)) or not model.data:
                raise ProjectError(f"the model {model.part!r} has no data to store")
        trained = now_iso()
        with self.db.atomic():
            self.db.execute("DELETE FROM recommender_models WHERE scope = ?", [scope])
            for model in models:
                self.db.execute(
                    f"INSERT INTO recommender_models ({_COLUMNS}, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [scope, model.part, model.kind, int(model.examples), json.dumps(model.details, ensure_ascii=False),
                     stamp, model.trained or trained, float(model.seconds), bytes(model.data)])
        return Change(Action.MODELS_TRAINED, details={"scope": scope, "parts": [m.part for m in models]})

    def load(self, scope: str = EVERYONE) -> list[StoredModel]:
        """The models of `scope` with their bytes (empty when none was trained)."""
        rows = self.db.execute(f"SELECT {_COLUMNS}, data FROM recommender_models WHERE scope = ? ORDER BY part",
                               [scope]).fetchall()
        return [_model(row[:-1], bytes(row[-1])) for row in rows]

    def describe(self, scope: str | None = None) -> list[StoredModel]:
        """The stored models (of one scope, or all) without their bytes: what they learnt from and when."""
        sql, params = f"SELECT {_COLUMNS} FROM recommender_models", []
        if scope is not None:
            sql, params = sql + " WHERE scope = ?", [scope]
        return [_model(row) for row in self.db.execute(sql + " ORDER BY scope, part", params)]

    def trained(self, scope: str = EVERYONE) -> tuple[str, str] | None:
        """(when, stamp) of the models of `scope`, read without their bytes; None when there are none."""
        row = self.db.execute("SELECT max(trained), max(stamp) FROM recommender_models WHERE scope = ?",
                              [scope]).fetchone()
        return (row[0], row[1]) if row and row[0] else None

    def clear(self, scope: str | None = None) -> Change:
        """Forget the models of `scope` (or every model): they are trained again from the annotations."""
        with self.db.atomic():
            if scope is None:
                self.db.execute("DELETE FROM recommender_models")
            else:
                self.db.execute("DELETE FROM recommender_models WHERE scope = ?", [scope])
        return Change(Action.MODELS_CLEARED, details={"scope": scope})

    def annotations_stamp(self, annotator: str | None = None) -> str:
        """A short text that changes whenever the annotations a model learns from change (spans,
        answers, statuses of one annotator, or of everyone but the gold standard)."""
        parts = []
        who, params = ("AND annotator = ?", [annotator]) if annotator else ("", [])
        for table, extra in (("spans", f"AND origin != '{ADJUDICATION}'"), ("document_labels", ""),
                             ("assignments", "")):
            count, latest = self.db.execute(
                f"SELECT count(*), coalesce(max(updated), '') FROM {table} WHERE 1 {extra} {who}", params).fetchone()
            parts.append(f"{count}@{latest}")
        return "|".join(parts)

