"""Tampered packages: a package may change only its annotator's work; nobody's file writes gold; no
version dated in the future; no flood of labels. Each tampering is refused whole, nothing merged."""

from __future__ import annotations

import os
import shutil
import sqlite3
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.cli.main import cli
from annotator.core.errors import MergeNeedsConsent, ProjectError
from annotator.core.model import Document
from annotator.io.codebook_files import load_preset
from annotator.store import Project
from tests.store.team_helpers import add_span, article, full_dump, make_lead

FAR_FUTURE = "2090-01-01T00:00:00.000000+00:00"
LABEL_FLOOD = 100_000
TAMPER_TRIALS = int(os.environ.get("FRAMING_TAMPER_TRIALS", "30"))  # raise for a longer campaign


def sql(path: Path, *statements: str, params: list | None = None) -> None:
    conn = sqlite3.connect(str(path))
    with conn:
        for statement in statements:
            conn.execute(statement, params or [])
    conn.close()


def later(**delta: float) -> str:
    return (datetime.now(timezone.utc) + timedelta(**delta)).isoformat(timespec="microseconds")


@pytest.fixture(scope="module")
def team(tmp_path_factory) -> dict:
    """The lead's project where ben has 100 spans, and a package for ana with a little work of hers."""
    folder = tmp_path_factory.mktemp("tampering")
    lead = make_lead(folder / "lead.framing", documents=8)
    with Project.open(lead) as proj:
        for assigned in proj.assignments.of_annotator("ben"):
            for i in range(100 // len(proj.assignments.of_annotator("ben")) + 1):
                add_span(proj, assigned.document_id, "ben", 3 * i, 2)
        ben_spans = [r[0] for r in proj.db.execute("SELECT id FROM spans WHERE annotator = 'ben' LIMIT 100")]
        package = folder / "ana.framing"
        proj.packages.write("ana", package)
    with Project.open(package) as pkg:
        doc = pkg.assignments.of_annotator("ana")[0].document_id
        add_span(pkg, doc, "ana", 4, 9)
    return {"folder": folder, "lead": lead, "package": package, "ben_spans": ben_spans}


@pytest.fixture
def copies(team, tmp_path) -> tuple[Path, Path]:
    lead, package = tmp_path / "lead.framing", tmp_path / "ana.framing"
    shutil.copy(team["lead"], lead)
    shutil.copy(team["package"], package)
    return lead, package


def refused(lead: Path, package: Path, *fragments: str, error=ProjectError, **options) -> ProjectError:
    """Merging is refused naming the reason; neither file changes."""
    before, source_bytes = full_dump(lead), package.read_bytes()
    with Project.open(lead, backup=False) as proj:
        with pytest.raises(error) as caught:
            proj.merges.merge(package, **options)
    for fragment in fragments:
        assert fragment in str(caught.value)
    assert "nothing was merged" in str(caught.value) or "nothing was changed" in str(caught.value)
    assert full_dump(lead) == before
    assert package.read_bytes() == source_bytes
    return caught.value


def copy_lead_spans_into(package: Path, lead: Path, span_ids: list[str], annotator: str | None = None,
                         updated: str | None = None) -> None:
    """Put rows of the lead's spans into the package, marked deleted (and re-owned / re-dated if asked)."""
    conn = sqlite3.connect(str(package))
    with conn:
        conn.execute("ATTACH DATABASE ? AS lead", [str(lead)])
        marks = ", ".join("?" for _ in span_ids)
        conn.execute(f"INSERT OR REPLACE INTO documents SELECT * FROM lead.documents WHERE id IN "
                     f"(SELECT document_id FROM lead.spans WHERE id IN ({marks}))", span_ids)
        conn.execute(f"INSERT OR REPLACE INTO spans SELECT * FROM lead.spans WHERE id IN ({marks})", span_ids)
        conn.execute(f"UPDATE spans SET deleted = 1, updated = ? WHERE id IN ({marks})",
                     [updated or later(seconds=1)] + span_ids)
        if annotator:
            conn.execute(f"UPDATE spans SET annotator = ? WHERE id IN ({marks})", [annotator] + span_ids)
    conn.close()


# -- other coders' work ------------------------------------------------------------------------------


def test_a_package_deleting_another_coders_spans_is_refused_with_the_list(team, copies):
    lead, package = copies
    copy_lead_spans_into(package, lead, team["ben_spans"], updated=later(seconds=5))
    error = refused(lead, package, "ana's package but changes work that is not theirs", "(100:", "of ben",
                    sorted(team["ben_spans"])[0])
    assert "and 88 more" in str(error)


def test_the_reported_attack_far_future_deletions_of_another_coders_spans_is_refused(team, copies):
    lead, package = copies
    copy_lead_spans_into(package, lead, team["ben_spans"], updated=FAR_FUTURE)
    refused(lead, package, "dated in the future")
    sql(package, "UPDATE spans SET updated = ?", params=[later(seconds=5)])  # and once the dates are fixed:
    refused(lead, package, "not theirs", "of ben")


def test_the_same_spans_claimed_as_the_packages_own_are_refused(team, copies):
    lead, package = copies
    copy_lead_spans_into(package, lead, team["ben_spans"][:10], annotator="ana")
    refused(lead, package, "not theirs", "of ben")


def test_a_package_whose_annotator_was_renamed_is_refused(team, copies):
    lead, package = copies
    sql(package, "UPDATE meta SET value = 'ben' WHERE key = 'package_annotator'",
        "UPDATE spans SET annotator = 'ben'", "INSERT OR IGNORE INTO annotators (name, role, created) "
        "SELECT 'ben', 'annotator', created FROM annotators WHERE name = 'ana'")
    refused(lead, package, "wrote the package for 'ana'", "now says it is 'ben'")


@pytest.mark.parametrize("statement", [
    "INSERT INTO document_labels (id, document_id, annotator, question, value, note, created, updated, deleted) "
    "SELECT 'forged', document_id, 'ben', 'tone', 'critical', '', created, updated, 0 FROM spans LIMIT 1",
    "INSERT INTO document_memos (document_id, annotator, text, created, updated, deleted) "
    "SELECT document_id, 'cleo', 'forged memo', created, updated, 0 FROM spans LIMIT 1",
    "INSERT INTO assignments (annotator, document_id, status, updated, removed) "
    "SELECT 'cleo', document_id, 'done', updated, 0 FROM spans LIMIT 1",
    "INSERT INTO annotators (name, role, created) VALUES ('mallory', 'lead', '2020-01-01')",
])
def test_other_records_for_other_people_are_refused(copies, statement):
    lead, package = copies
    sql(package, statement)
    refused(lead, package, "not theirs")


def test_a_package_stripped_of_its_package_marks_needs_the_leads_consent(team, copies):
    lead, package = copies
    copy_lead_spans_into(package, lead, team["ben_spans"][:5])
    sql(package, "DELETE FROM meta WHERE key LIKE 'package%'")
    error = refused(lead, package, "not a package but a copy of a whole project", "5 of ben", "someone trusted",
                    error=MergeNeedsConsent)
    assert error.option == "whole_copy"
    with Project.open(lead, backup=False) as proj:
        report = proj.merges.merge(package, whole_copy=True)  # the lead says so: it merges
        assert report.spans.deleted == 5


# -- the gold standard ---------------------------------------------------------------------------------


GOLD_PERSON = "INSERT INTO annotators (name, role, created) VALUES ('gold', 'annotator', '2020-01-01')"


@pytest.mark.parametrize("statements", [
    [GOLD_PERSON, "UPDATE spans SET annotator = 'gold'",
     "UPDATE meta SET value = 'gold' WHERE key = 'package_annotator'"],  # the package renamed to gold
    [GOLD_PERSON, "UPDATE spans SET annotator = 'gold'"],
    ["UPDATE spans SET origin = 'adjudication'"],
    [GOLD_PERSON, "INSERT INTO document_labels (id, document_id, annotator, question, value, note, created, "
     "updated, deleted) SELECT 'forged', document_id, 'gold', 'tone', 'critical', '', created, updated, 0 "
     "FROM spans LIMIT 1"],
])
def test_gold_in_a_package_is_refused(copies, statements):
    lead, package = copies
    sql(package, *statements)
    refused(lead, package, "writes the gold standard")


def test_a_renamed_package_meant_for_gold_is_refused_even_without_the_projects_record(copies):
    lead, package = copies
    sql(package, "UPDATE meta SET value = 'gold' WHERE key = 'package_annotator'")
    sql(lead, "DELETE FROM issued_packages")  # as for a package written by an older version
    refused(lead, package, "never for the gold standard")


def test_gold_in_a_colleagues_project_is_refused(tmp_path, copies):
    lead, _ = copies
    other = tmp_path / "colleague.framing"
    with Project.create(other) as proj:
        proj.codebook.install(load_preset("framing-devices"))
        proj.documents.add([article(0), Document(text="An article only the colleague has.")])
        proj.adjudication.add_span(article(0).id, "hedge", 0, 7)
    refused(lead, other, "writes the gold standard", "span ")


# -- dates in the future ---------------------------------------------------------------------------------


@pytest.mark.parametrize("statement", [
    f"UPDATE spans SET updated = '{FAR_FUTURE}'",
    "UPDATE spans SET updated = 'zzzz'",
    f"UPDATE spans SET created = '{FAR_FUTURE}'",
    f"UPDATE assignments SET updated = '{FAR_FUTURE}'",
    f"UPDATE labels SET updated = '{FAR_FUTURE}' WHERE id = 'hedge'",
])
def test_versions_dated_in_the_future_are_refused(copies, statement):
    lead, package = copies
    sql(package, statement)
    refused(lead, package, "dated in the future")


def test_a_clock_a_few_hours_ahead_still_merges(copies):
    lead, package = copies
    sql(package, "UPDATE spans SET updated = ?", params=[later(hours=3)])
    with Project.open(lead, backup=False) as proj:
        assert proj.merges.merge(package).spans.added == 1


# -- many labels ---------------------------------------------------------------------------------------------


def flood_labels(package: Path, count: int) -> None:
    conn = sqlite3.connect(str(package))
    with conn:
        stamp = conn.execute("SELECT max(updated) FROM labels").fetchone()[0]
        conn.executemany(
            "INSERT INTO labels (id, name, kind, parent, color, imported, position, updated) "
            "VALUES (?, ?, 'span', NULL, '#123456', 0, ?, ?)",
            ((f"flood{i}", f"Flood {i}", 1000 + i, stamp) for i in range(count)))
    conn.close()


def test_a_hundred_thousand_new_labels_are_refused_saying_how_to_allow_them(copies):
    lead, package = copies
    flood_labels(package, LABEL_FLOOD)
    error = refused(lead, package, "100,000 new labels", "nothing was merged", error=MergeNeedsConsent)
    assert "--" not in str(error)  # the store states the problem; the command line adds how to allow it
    assert error.option == "max_new_labels" and error.needed == LABEL_FLOOD


def test_more_labels_merge_when_the_limit_is_raised_from_the_command_line(copies):
    lead, package = copies
    flood_labels(package, 30)
    result = CliRunner().invoke(cli, ["merge", str(lead), str(package), "--max-new-labels", "10"])
    assert result.exit_code == 1 and "--max-new-labels 30" in result.output
    result = CliRunner().invoke(cli, ["merge", str(lead), str(package), "--max-new-labels", "30"])
    assert result.exit_code == 0, result.output
    with Project.open(lead, backup=False) as proj:
        assert proj.codebook.label("flood29").imported


def test_an_untampered_package_still_merges(copies):
    lead, package = copies
    with Project.open(lead, backup=False) as proj:
        report = proj.merges.merge(package)
    assert report.spans.added == 1 and not report.conflicts


# -- random tampering ------------------------------------------------------------------------------------------


TAMPERINGS = {
    "delete another coder's spans": lambda t, lead, pkg, n: copy_lead_spans_into(pkg, lead, t["ben_spans"][:n]),
    "claim another coder's spans": lambda t, lead, pkg, n: copy_lead_spans_into(pkg, lead, t["ben_spans"][:n],
                                                                                 annotator="ana"),
    "write gold": lambda t, lead, pkg, n: sql(pkg, f"UPDATE spans SET annotator = 'gold' WHERE rowid <= {n}"),
    "mark as adjudicated": lambda t, lead, pkg, n: sql(pkg, "UPDATE spans SET origin = 'adjudication'"),
    "date in the future": lambda t, lead, pkg, n: sql(pkg, "UPDATE spans SET updated = ?",
                                                      params=[later(days=2 + n)]),
    "flood labels": lambda t, lead, pkg, n: flood_labels(pkg, 501 + n * 50),
    "rename the owner": lambda t, lead, pkg, n: sql(pkg, "UPDATE meta SET value = 'cleo' "
                                                         "WHERE key = 'package_annotator'"),
}


@settings(max_examples=TAMPER_TRIALS, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(kinds=st.lists(st.sampled_from(sorted(TAMPERINGS)), min_size=1, max_size=3, unique=True),
       count=st.integers(1, 100))
def test_random_tampering_is_refused_whole(team, tmp_path_factory, kinds, count):
    folder = tmp_path_factory.mktemp("random")
    lead, package = folder / "lead.framing", folder / "ana.framing"
    shutil.copy(team["lead"], lead)
    shutil.copy(team["package"], package)
    for kind in kinds:
        TAMPERINGS[kind](team, lead, package, count)
    refused(lead, package)
    _tally.append(kinds)


_tally: list[list[str]] = []


def test_zz_report_the_random_trials():
    """Prints how many random tamperings ran (each was refused with nothing merged)."""
    print(f"\ntampered packages: {len(_tally)} random trials, {len(_tally)} refused with nothing merged")
    assert len(_tally) >= TAMPER_TRIALS or not _tally


def test_the_command_line_says_how_to_merge_a_whole_copy_anyway(team, copies):
    lead, package = copies
    copy_lead_spans_into(package, lead, team["ben_spans"][:5])
    sql(package, "DELETE FROM meta WHERE key LIKE 'package%'")
    result = CliRunner().invoke(cli, ["merge", str(lead), str(package)])
    assert result.exit_code == 1 and "to merge it anyway, add --whole-copy" in result.output
    assert CliRunner().invoke(cli, ["merge", str(lead), str(package), "--whole-copy"]).exit_code == 0
