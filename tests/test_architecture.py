"""The layer rules of DESIGN.md, checked by reading imports."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "annotator"
LAYERS = ("core", "store", "io", "suggest", "agreement", "recommend", "cli", "gui")
# What each layer may import from our own package.
ALLOWED = {
    "core": {"core"},
    "store": {"core", "store"},
    "io": {"core", "io"},
    "suggest": {"core", "suggest"},
    "agreement": {"core", "agreement"},
    "recommend": {"core", "suggest", "recommend"},
    "cli": {"core", "store", "io", "suggest", "agreement", "recommend", "cli", "gui"},  # `annotator gui`
    "gui": {"core", "store", "io", "suggest", "agreement", "recommend", "gui"},
}


def _type_checking_blocks(tree: ast.AST) -> set[int]:
    """ids of the nodes inside `if TYPE_CHECKING:` blocks (imports for type hints only)."""
    inside: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and getattr(node.test, "id", getattr(node.test, "attr", "")) == "TYPE_CHECKING":
            for child in node.body:
                inside |= {id(n) for n in ast.walk(child)}
    return inside


def _imports(path: Path) -> list[str]:
    """Modules a file imports at run time (imports under `if TYPE_CHECKING:` are left out)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    typing_only = _type_checking_blocks(tree)
    names: list[str] = []
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


def _modules():
    return sorted(PACKAGE.rglob("*.py"))


def _layer(path: Path) -> str | None:
    parts = path.relative_to(PACKAGE).parts
    return parts[0] if len(parts) > 1 and parts[0] in LAYERS else None


def test_every_layer_exists():
    for layer in LAYERS:
        assert (PACKAGE / layer / "__init__.py").is_file(), layer


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_only_gui_imports_qt(path):
    if _layer(path) == "gui":
        return
    qt = [name for name in _imports(path) if name.split(".")[0] in ("PySide6", "shiboken6")]
    assert not qt, f"{path} imports {qt}: only annotator/gui may import PySide6"


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_arrows_point_down(path):
    layer = _layer(path)
    if layer is None:
        return
    for name in _imports(path):
        parts = name.split(".")
        if parts[0] == "annotator" and len(parts) > 1 and parts[1] in LAYERS:
            assert parts[1] in ALLOWED[layer], f"{path}: {layer} must not import {name}"


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_core_uses_stdlib_only(path):
    if _layer(path) != "core":
        return
    for name in _imports(path):
        top = name.split(".")[0]
        assert top not in ("sqlite3", "sqlite_utils", "lxml", "PySide6", "click"), f"{path} imports {name}"


def test_sql_only_in_store():
    import re

    pattern = re.compile(r"\b(CREATE TABLE|INSERT INTO|DELETE FROM|UPDATE \w+ SET)\b")
    for path in _modules():
        if _layer(path) == "store":
            continue
        assert not pattern.search(path.read_text(encoding="utf-8")), f"{path} holds SQL"


def test_detector_fails_on_a_violation(tmp_path):
    """The import reader is real: a file that imports PySide6 is seen as doing so."""
    bad = tmp_path / "bad.py"
    bad.write_text("from typing import TYPE_CHECKING\nfrom PySide6.QtCore import Qt\nimport annotator.gui.app\n"
                   "if TYPE_CHECKING:\n    from annotator.store import Project\n", encoding="utf-8")
    assert _imports(bad) == ["typing", "PySide6.QtCore", "annotator.gui.app"]
