"""Shared fixtures: offscreen Qt, a fresh project file, the shared article renditions."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from annotator.io.codebook_files import load_preset  # noqa: E402
from annotator.store import Project  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
SHARED_ARTICLES = REPO.parent / "shared" / "articles"


@pytest.fixture(autouse=True)
def _isolated_user_data(tmp_path_factory, monkeypatch):
    """Keep the demo project and settings out of the real user folder."""
    monkeypatch.setenv("FRAMING_ANNOTATOR_DATA", str(tmp_path_factory.mktemp("userdata")))


@pytest.fixture
def project(tmp_path) -> Project:
    """A new project file with the default codebook."""
    proj = Project.create(tmp_path / "test.framing")
    proj.codebook.install(load_preset("framing-devices"))
    yield proj
    proj.close()


@pytest.fixture
def shared_articles() -> Path:
    if not SHARED_ARTICLES.is_dir():
        pytest.skip("../shared/articles is not present")
    return SHARED_ARTICLES
