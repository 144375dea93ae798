"""Counts read as English: "1 document", "3 documents", never "document(s)" in what the layers below the
interface write (the interface words its own counts with Qt's plural forms)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from annotator.core.wording import counted

PACKAGE = Path(__file__).resolve().parents[2] / "annotator"
# Counters keyed by a noun phrase and written by io/readers/base.py count_phrase: not yet worded by count.
LEFT_FOR_LATER = {"io/readers", "store/merge_guard.py"}


@pytest.mark.parametrize("count, expected", [(0, "0 documents"), (1, "1 document"), (3, "3 documents")])
def test_counted(count, expected):
    assert counted(count, "document") == expected


def test_counted_takes_an_irregular_plural():
    assert counted(2, "sentence break", "sentence breaks") == "2 sentence breaks"
    assert counted(1, "query", "queries") == "1 query" and counted(2, "query", "queries") == "2 queries"


def strings_with_an_s_in_brackets(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [node.value for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and "(s)" in node.value]


def test_no_message_below_the_interface_says_noun_s():
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE).as_posix()
        if relative.startswith("gui/") or relative == "core/wording.py" or \
                any(relative.startswith(left) for left in LEFT_FOR_LATER):
            continue
        strings = strings_with_an_s_in_brackets(path)
        if strings:
            found[relative] = strings
    assert found == {}
