"""`annotator suggest` and `annotator loaded-terms` on a real project file with the sample articles."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli.main import cli
from annotator.core.model import Document
from annotator.io.codebook_files import load_preset
from annotator.store import Project

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"


@pytest.fixture
def path(tmp_path) -> Path:
    file = tmp_path / "samples.framing"
    with Project.create(file) as project:
        project.codebook.install(load_preset("framing-devices"))
        project.documents.add([
            Document(text=(SAMPLES / name).read_text(encoding="utf-8"), title=name, filename=name,
                     language=name.rsplit("-", 1)[1][:2])
            for name in ("lyon-stationnement-fr.txt", "zipcab-ruling-en.txt")
        ])
    return file


def run(*args):
    return CliRunner().invoke(cli, [*map(str, args)])


def counts(output: str) -> dict[str, int]:
    rows = [line.split() for line in output.splitlines()[2:]]
    return {row[0]: int(row[-1]) for row in rows}


def test_counts_per_kind(path):
    result = run("suggest", path, "-a", "alice")
    assert result.exit_code == 0, result.output
    assert "Pending suggestions for alice in 2 documents" in result.output
    found = counts(result.output)
    assert found["direct_quote"] == 13 and found["scare_quote"] == 6
    assert found["attribution"] > 10
    assert "distancing                distancing" in result.output


def test_apply_a_kind_then_nothing_is_pending(path):
    result = run("suggest", path, "-a", "alice", "--apply", "scare_quote")
    assert result.exit_code == 0, result.output
    assert "Accepted 6 scare_quote suggestions as label 'scare_quote' for alice in 2 documents." in result.output
    with Project.open(path) as project:
        spans = [s for d in project.documents.ids() for s in project.spans.of_document(d, "alice")]
    assert len(spans) == 6 and {s.origin for s in spans} == {"suggestion"}
    assert {s.text for s in spans} >= {"ville apaisée", "racket", "matraquage", "independent partners"}
    assert counts(run("suggest", path, "-a", "alice").output)["scare_quote"] == 0
    assert counts(run("suggest", path, "-a", "bob").output)["scare_quote"] == 6


def test_apply_fills_the_speaker_attribute(path):
    assert run("suggest", path, "-a", "alice", "--apply", "direct_quote").exit_code == 0
    with Project.open(path) as project:
        spans = [s for d in project.documents.ids() for s in project.spans.of_document(d, "alice")]
    speakers = {s.text.split(",")[0]: s.attributes.get("speaker") for s in spans}
    assert speakers["Nous ne sommes pas contre le vélo"] == "Martine Roux"
    assert speakers["For years they told us we were our own bosses"] == "Tomasz Wrobel"
    assert speakers["évidemment"] == "le président de la métropole", "a partial quote in reported speech"
    unattributed = next(s for s in spans if s.text.startswith("Being your own boss"))
    assert unattributed.attributes == {}, "a quote with no identified speaker gets no attribute"


def test_reject_a_kind_for_one_document(path):
    with Project.open(path) as project:
        lyon = project.documents.ids()[0]
    result = run("suggest", path, "-a", "alice", "--reject", "hedge", "--document", lyon[:10])
    assert result.exit_code == 0, result.output
    assert "Rejected 2 hedge suggestions for alice in 1 document." in result.output
    assert counts(run("suggest", path, "-a", "alice", "--document", lyon).output)["hedge"] == 0
    assert counts(run("suggest", path, "-a", "alice").output)["hedge"] == 3


def test_apply_with_another_label_and_errors(path):
    from annotator.store import Project

    with Project.open(path, backup=False) as project:
        project.labels.retire("distancing")  # the codebook then has no label for this kind
    result = run("suggest", path, "-a", "alice", "--apply", "distancing")
    assert result.exit_code == 1 and "no label for 'distancing'; choose one with --label" in result.output
    result = run("suggest", path, "-a", "alice", "--apply", "distancing", "--label", "loaded_term")
    assert result.exit_code == 0 and "Accepted 2 distancing" in result.output
    result = run("suggest", path, "-a", "alice", "--apply", "hedge", "--label", "source_type")
    assert result.exit_code == 1 and "not a span label" in result.output
    result = run("suggest", path, "-a", "alice", "--document", "zzz")
    assert result.exit_code == 1 and "no document with id 'zzz'" in result.output
    result = run("suggest", path, "--apply", "hedge", "--reject", "hedge")
    assert result.exit_code == 1 and "not both" in result.output
    result = run("suggest", path, "--apply", "nonsense")
    assert result.exit_code == 2
    assert run("suggest", path.parent / "missing.framing").exit_code == 1


def test_loaded_terms_commands(path):
    assert run("loaded-terms", path, "add", "piétons dépensent", "--language", "fr").exit_code == 0
    assert run("loaded-terms", path, "remove", "exploitation").exit_code == 0
    listing = run("loaded-terms", path)
    assert "Added: piétons dépensent" in listing.output and "Switched off: exploitation" in listing.output
    before = counts(run("suggest", path, "-a", "alice").output)["loaded_term"]
    assert run("loaded-terms", path, "add", "tribunal").exit_code == 0
    assert counts(run("suggest", path, "-a", "alice").output)["loaded_term"] == before + 2


def test_help_texts():
    for args in (["suggest", "--help"], ["loaded-terms", "--help"], ["loaded-terms", "x", "add", "--help"]):
        result = run(*args)
        assert result.exit_code == 0 and len(result.output) > 100


def test_apply_cited_names_as_their_own_label(tmp_path):
    file = tmp_path / "slogans.framing"
    text = ("Les casquettes « Make America Great Again » étaient partout. Le mot « neutre » revient souvent. "
            "« Nous allons reprendre notre pays », a lancé l’ancien président, suivi du mot-dièse #Election2024.")
    with Project.create(file) as project:
        project.codebook.install(load_preset("framing-devices"))
        project.documents.add([Document(text=text, title="Slogans", language="fr")])
    listed = run("suggest", file, "-a", "alice")
    assert "cited_name                cited_name" in listed.output
    assert counts(listed.output)["cited_name"] == 2
    result = run("suggest", file, "-a", "alice", "--apply", "cited_name")
    assert result.exit_code == 0, result.output
    assert "Accepted 2 cited_name suggestions as label 'cited_name'" in result.output
    with Project.open(file) as project:
        spans = [s for d in project.documents.ids() for s in project.spans.of_document(d, "alice")]
    assert sorted((s.label_id, s.text) for s in spans) == [
        ("cited_name", "#Election2024"), ("cited_name", "Make America Great Again")]
