"""The layer rules of DESIGN.md, checked by import-linter with the contracts in pyproject.toml.

import-linter builds the whole import graph (relative imports, imports inside functions and
indirect chains included), which a hand-written reading of `import` lines missed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
LAYERS = ("core", "store", "io", "suggest", "agreement", "recommend", "services", "cli", "gui")


def lint_imports(root: Path) -> subprocess.CompletedProcess:
    """Run import-linter over the package under `root` with `root`'s pyproject.toml."""
    env = dict(os.environ, PYTHONPATH=str(root))
    return subprocess.run([sys.executable, "-c", "import sys; from importlinter.cli import lint_imports; "
                           "sys.exit(lint_imports(config_filename='pyproject.toml', no_cache=True, no_logo=True))"],
                          cwd=root, env=env, capture_output=True, text=True, timeout=300)


def test_every_layer_exists():
    for layer in LAYERS:
        assert (REPO / "annotator" / layer / "__init__.py").is_file(), layer


def test_the_contracts_hold():
    result = lint_imports(REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.fixture(scope="module")
def broken_copy(tmp_path_factory) -> subprocess.CompletedProcess:
    """A copy of the package with three violations the old AST check could not see."""
    root = tmp_path_factory.mktemp("layers")
    shutil.copytree(REPO / "annotator", root / "annotator", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(REPO / "pyproject.toml", root / "pyproject.toml")
    (root / "annotator" / "io" / "sneaky.py").write_text("from ..store import project\n", encoding="utf-8")
    (root / "annotator" / "core" / "late.py").write_text("def f():\n    import PySide6.QtCore\n", encoding="utf-8")
    (root / "annotator" / "agreement" / "relay.py").write_text("from annotator.services import exporting\n",
                                                               encoding="utf-8")
    return lint_imports(root)


def test_a_relative_import_from_io_into_the_store_is_caught(broken_copy):
    assert broken_copy.returncode != 0
    assert "annotator.io.sneaky -> annotator.store.project" in broken_copy.stdout


def test_qt_imported_inside_a_function_outside_gui_is_caught(broken_copy):
    assert "annotator.core.late -> PySide6" in broken_copy.stdout


def test_a_lower_layer_importing_services_is_caught(broken_copy):
    assert "annotator.agreement.relay -> annotator.services" in broken_copy.stdout
