"""The models stored in the project file: bytes from to_bytes (never a pickle), replaced per scope, stamped."""

from __future__ import annotations

import sqlite3

import pytest

from annotator.core.errors import ProjectError
from annotator.core.model import Span
from annotator.recommend import ModelDataError
from annotator.services import recommending
from annotator.store import Project
from annotator.store.recommender_models import StoredModel
from tests.services.labelled_project import fill_project


def test_models_survive_closing_the_file_and_predict_the_same(project):
    ids, articles = fill_project(project, 10, coded=8)
    trained = recommending.train_project(project)
    assert trained.spans is not None and set(trained.questions) == {"tone"}
    text = articles[9].text
    before = trained.spans.predict(text)
    answer = trained.questions["tone"].predict(text)
    path = project.path
    project.close()
    with Project.open(path) as reopened:
        loaded = recommending.load(reopened)
        assert loaded.spans.predict(text) == before and before
        assert loaded.questions["tone"].predict(text) == answer
        assert loaded.examples == trained.examples and loaded.details == trained.details
        assert not recommending.is_stale(reopened, loaded)
        described = {m.part: m for m in reopened.models.describe()}
        assert set(described) == {"spans", "question:tone"} and described["spans"].data == b""
        assert described["spans"].examples == 8
    # What the file holds is our compressed JSON, not a pickle.
    with sqlite3.connect(path) as conn:
        blob = conn.execute("SELECT data FROM recommender_models WHERE part = 'spans'").fetchone()[0]
    import json
    import zlib

    assert json.loads(zlib.decompress(blob))["format"] == "framing-annotator-model"


def test_saving_replaces_the_scope_and_leaves_the_others(project):
    model = StoredModel("", "spans", "span-recommender", 3, {"labels": {}}, data=b"x")
    project.models.save("", [model], "stamp-1")
    project.models.save("alice", [StoredModel("alice", "spans", "span-recommender", 1, data=b"y")], "stamp-a")
    project.models.save("", [StoredModel("", "question:tone", "document-recommender", 5, data=b"z")], "stamp-2")
    assert [(m.scope, m.part) for m in project.models.describe()] == [("", "question:tone"), ("alice", "spans")]
    assert project.models.trained("")[1] == "stamp-2"
    with pytest.raises(ProjectError, match="scope"):
        project.models.save("", [StoredModel("bob", "spans", "span-recommender", 1, data=b"y")], "s")
    with pytest.raises(ProjectError, match="no data"):
        project.models.save("", [StoredModel("", "spans", "span-recommender", 1)], "s")
    project.models.clear("alice")
    assert project.models.trained("alice") is None and project.models.trained("") is not None


def test_damaged_bytes_are_refused_with_our_error(project):
    project.models.save("", [StoredModel("", "spans", "span-recommender", 3, data=b"not a model")], "s")
    with pytest.raises(ModelDataError, match="damaged"):
        recommending.load(project)


def test_the_stamp_changes_with_the_annotations_of_its_scope(project):
    ids, articles = fill_project(project, 3, coded=2)
    everyone, alice, bob = (project.models.annotations_stamp(a) for a in (None, "alice", "bob"))
    text = articles[2].text
    span = Span(document_id=ids[2], annotator="bob", label_id="hedge", start=0, end=3, text=text[:3])
    project.spans.add(span)
    assert project.models.annotations_stamp() != everyone
    assert project.models.annotations_stamp("bob") != bob
    assert project.models.annotations_stamp("alice") == alice
    stamp = project.models.annotations_stamp("bob")
    project.spans.delete(span.id)  # a deletion changes it too
    assert project.models.annotations_stamp("bob") != stamp
    stamp = project.models.annotations_stamp("bob")
    project.assignments.set_status("bob", ids[0], "done")
    assert project.models.annotations_stamp("bob") != stamp


def test_an_older_file_gets_the_table(tmp_path):
    path = tmp_path / "old.framing"
    Project.create(path).close()
    with sqlite3.connect(path) as conn:  # as a file written before schema m010
        conn.execute("DROP TABLE recommender_models")
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm010_recommender_models'")
    with Project.open(path, backup=False) as project:
        assert project.models.describe() == []
        assert "m010_recommender_models" in {r[0] for r in project.db.execute("SELECT name FROM _sqlite_migrations")}


def test_a_package_carries_no_model(project, tmp_path):
    """A model learnt from everyone's work would show a coder the others' codes: packages leave it out."""
    ids, _ = fill_project(project, 8, coded=6)
    recommending.train_project(project)
    project.assignments.assign("carol", ids[6:])
    project.packages.write("carol", tmp_path / "carol.framing")
    with Project.open(tmp_path / "carol.framing", backup=False) as package:
        assert package.models.describe() == []
