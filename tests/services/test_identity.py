"""The name a person works under, remembered per project on this machine (shared by app and command line)."""

from __future__ import annotations

from annotator.services import identity


def test_a_name_is_remembered_per_project_and_survives_a_damaged_file():
    assert identity.remembered("p1") is None
    identity.remember("p1", "Ana Lima")
    identity.remember("p2", "ben")
    assert identity.remembered("p1") == "Ana Lima" and identity.remembered("p2") == "ben"
    identity.remember("p1", "ana")
    assert identity.remembered("p1") == "ana"
    identity._path().write_text("{not json", encoding="utf-8")
    assert identity.remembered("p1") is None  # a damaged file forgets, it never crashes
