"""The rules on annotators' names are plain rules of the model, defined once (core.model)."""

from __future__ import annotations

import ast
from pathlib import Path

from annotator.core.model import MAX_NAME_LENGTH, name_length_problem, reserved_name

PACKAGE = Path(__file__).resolve().parents[2] / "annotator"


def test_a_name_up_to_the_cap_is_fine_and_a_longer_one_is_explained():
    assert MAX_NAME_LENGTH == 60
    assert name_length_problem("a" * MAX_NAME_LENGTH) == ""
    assert name_length_problem("  " + "a" * MAX_NAME_LENGTH + "  ") == ""  # spaces around do not count
    problem = name_length_problem("b" * (MAX_NAME_LENGTH + 1))
    assert problem.startswith("the name 'bbbbbbbbbbbbbbbbbbbbbbbb…' is too long")
    assert f"at most {MAX_NAME_LENGTH} characters (this one has {MAX_NAME_LENGTH + 1})" in problem
    assert reserved_name(" Gold ") and not reserved_name("goldie")


def test_the_rules_are_defined_once():
    defined = [path.relative_to(PACKAGE).as_posix() for path in PACKAGE.rglob("*.py")
               for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
               if (isinstance(node, ast.FunctionDef) and node.name in ("name_length_problem", "reserved_name"))
               or (isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "MAX_NAME_LENGTH" for t in node.targets))]
    assert sorted(defined) == ["core/model.py"] * 3
