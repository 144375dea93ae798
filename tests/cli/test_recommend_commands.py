"""`annotator train`, `annotator recommend` and `annotator agreement --with-model` on a real project file."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from annotator.cli.main import cli
from annotator.store import Project
from tests.services.labelled_project import copy_project, make_labelled_file


@pytest.fixture(scope="module")
def labelled(tmp_path_factory):
    return make_labelled_file(tmp_path_factory.mktemp("labelled") / "source.framing", count=16, coded=12)


@pytest.fixture
def path(labelled, tmp_path):
    return copy_project(labelled, tmp_path / "project.framing")


def run(*args):
    return CliRunner().invoke(cli, [*map(str, args)])


def test_train_stores_the_model_and_says_what_it_learnt(path):
    result = run("train", path)
    assert result.exit_code == 0, result.output
    assert "Trained on everyone's work" in result.output
    assert re.search(r"spans: learnt from 12 articles, \d+ spans: ", result.output)
    assert "question Tone towards the main actor: learnt from 24 answers" in result.output
    with Project.open(path, backup=False) as project:
        assert {m.part for m in project.models.describe("")} == {"spans", "question:tone"}
    one = run("train", path, "--annotator", "alice")
    assert one.exit_code == 0 and "alice's work" in one.output
    with Project.open(path, backup=False) as project:
        assert project.models.describe("alice")[0].examples == 12
    assert "one annotator" in run("train", path, "-a", "alice", "-a", "bob").output
    assert "unknown annotator 'zoe'" in run("train", path, "-a", "zoe").output


def test_recommend_lists_then_applies(path):
    no_model = run("recommend", path, "-a", "carol")
    assert no_model.exit_code == 1 and "annotator train" in no_model.output
    run("train", path)
    listed = run("recommend", path, "-a", "carol", "--list")
    assert listed.exit_code == 0, listed.output
    lines = [line for line in listed.output.splitlines() if re.match(r"^[0-9a-f]{12}  \d+-\d+  ", line)]
    assert lines and all(0.5 <= float(line.split("  ")[3]) <= 1 for line in lines)
    assert "Question Tone towards the main actor, unanswered articles:" in listed.output
    table = listed.output.split("confidence >= 0.5:")[1].splitlines()[2:]
    pending = sum(int(row.split()[-4]) for row in table if re.search(r"\d+\s+\d+\s+\d+\s+[\d.]+$", row))
    assert pending == len(lines)
    applied = run("recommend", path, "-a", "carol", "--apply-above", "0.9", "--only", "spans")
    assert applied.exit_code == 0, applied.output
    count = int(re.search(r"Applied for carol: (\d+) span", applied.output).group(1))
    sure = sum(1 for line in lines if float(line.split("  ")[3]) >= 0.9)
    assert count == sure > 0
    with Project.open(path, backup=False) as project:
        spans = [s for d in project.documents.ids() for s in project.spans.of_document(d, "carol")]
        assert len(spans) == count and {s.origin for s in spans} == {"recommender"}
        assert project.answers.find(annotator="carol") == []
    # What was applied is no longer pending; the model is now older than the annotations.
    again = run("recommend", path, "-a", "carol", "--min-confidence", "0.9", "--list")
    assert "annotations changed since the model was trained" in again.output
    assert not [line for line in again.output.splitlines() if re.match(r"^[0-9a-f]{12}  \d+-\d+  ", line)]


def test_recommend_one_document_and_bad_thresholds(path):
    run("train", path)
    with Project.open(path, backup=False) as project:
        doc = project.documents.ids()[14]
    one = run("recommend", path, "--document", doc[:10], "-a", "carol", "--only", "questions")
    assert one.exit_code == 0 and "in 1 document," in one.output and "(no span to propose)" in one.output
    bad = run("recommend", path, "--apply-above", "1.5", "-a", "carol")
    assert bad.exit_code == 1 and "between 0 and 1" in bad.output


def test_train_with_too_few_annotations(tmp_path):
    path = make_labelled_file(tmp_path / "few.framing", count=3, coded=2)
    result = run("train", path)
    assert result.exit_code == 1 and "too few annotations" in result.output


def test_agreement_with_the_model_and_the_detectors(path):
    text = run("agreement", path, "--with-model", "--with-detectors", "--folds", "3", "--resamples", "0")
    assert text.exit_code == 0, text.output
    assert "3-fold cross-validation" in text.output
    assert re.search(r"model – alice \(12 doc\.\)\s+all labels", text.output)
    assert re.search(r"detectors – bob \(12 doc\.\)\s+Hedge", text.output)
    assert "annotators among themselves" in text.output
    data = json.loads(run("agreement", path, "--with-model", "--json", "--folds", "2", "--resamples", "0").output)
    machines = data["machines"]
    assert machines["machines"] == ["recommender"] and machines["folds"] == 2
    alice = next(c for c in machines["comparisons"] if c["human"] == "alice")
    assert alice["labels"][0]["exact_f1"]["value"] > 0.5 and alice["questions"][1]["question"] == "tone"
    assert "machines" not in json.loads(run("agreement", path, "--json", "--resamples", "0").output)
