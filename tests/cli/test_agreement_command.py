"""`annotator agreement` on a real three-annotator project file."""

from __future__ import annotations

import json

from click.testing import CliRunner

from annotator.cli.main import cli
from tests.agreement.agreement_project import build_project


def run(*args):
    return CliRunner().invoke(cli, ["agreement", *map(str, args)])


def test_json_report(tmp_path):
    path = build_project(tmp_path / "three.framing")
    result = run(path, "--json", "--resamples", "200", "--seed", "4")
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["annotators"] == ["alice", "bob", "carol"]
    assert report["n_documents"] == 4
    assert report["bootstrap"] == {"resamples": 200, "seed": 4, "confidence": 0.95}
    source = next(q for q in report["questions"] if q["id"] == "source_type")
    assert source["n_coders"] == 3 and source["n_units"] == 4
    assert 0.7 < source["alpha"]["value"] < 0.75
    assert source["alpha"]["ci95"][0] <= source["alpha"]["value"] <= source["alpha"]["ci95"][1]
    assert source["cohen_kappa"]["values"][0][1]["value"] == 1.0  # alice and bob answer alike
    spans = report["spans"]
    assert spans["n_complete_documents"] == 3
    assert [p["a"] + "-" + p["b"] for p in spans["overall"]["pairs"]] == ["alice-bob", "alice-carol", "bob-carol"]
    hedge = next(g for g in spans["per_label"] if g["label"] == "hedge")
    assert hedge["unitizing_alpha"]["value"] == 1.0
    naming = next(g for g in spans["per_label"] if g["label"] == "naming")
    assert naming["unitizing_alpha"]["value"] is None and naming["unitizing_alpha"]["reason"]
    confusion = spans["confusion"]
    i, j = confusion["labels"].index("scare_quote"), confusion["labels"].index("direct_quote")
    assert confusion["counts"][i][j] == 2
    assert spans["origins"]["bob"]["suggestion"] == 4
    assert [d["title"] for d in spans["per_document"]] == ["Article 1", "Article 2", "Article 3", "Article 4"]


def test_same_seed_same_json(tmp_path):
    path = build_project(tmp_path / "three.framing")
    assert run(path, "--json", "--resamples", "100").output == run(path, "--json", "--resamples", "100").output


def test_filters(tmp_path):
    path = build_project(tmp_path / "three.framing")
    result = run(path, "--json", "--annotator", "alice", "-a", "bob", "--label", "reporting_verb",
                 "--done-only", "--resamples", "0")
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["annotators"] == ["alice", "bob"]
    assert report["filters"] == {"annotators": ["alice", "bob"], "labels": ["reporting_verb"], "done_only": True,
                                 "roll_up": False}
    assert report["questions"] == []
    assert [g["label"] for g in report["spans"]["per_label"]] == ["reporting_verb"]
    assert report["spans"]["overall"]["pairs"][0]["exact_f1"]["value"] == 1.0


def test_readable_tables(tmp_path):
    path = build_project(tmp_path / "three.framing")
    result = run(path, "--resamples", "0")
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Agreement in three: 3 annotators (alice, bob, carol), 4 documents coded by two or more." in out
    assert "Main source type" in out and "Cohen's kappa, Tone towards the main actor (linear)" in out
    assert "alice – bob" in out
    assert "Documents, most disagreement first" in out
    assert "n/a [1]" in out and "Not defined:" in out
    assert "Label confusion" in out


def test_the_confusion_table_names_the_labels(tmp_path):
    from annotator.store import Project

    path = build_project(tmp_path / "three.framing")
    with Project.open(path, backup=False) as project:
        names = {label.id: label.name for label in project.codebook.labels("span")}
    out = run(path, "--resamples", "0").output
    confusion = out[out.index("Label confusion"):].split("\n\n")[0]
    assert names["scare_quote"] in confusion and names["direct_quote"] in confusion
    assert names["scare_quote"] != "scare_quote" and "scare_quote" not in confusion


def test_errors_are_one_line(tmp_path):
    path = build_project(tmp_path / "three.framing")
    result = run(path, "--annotator", "zoe")
    assert result.exit_code == 1
    assert "unknown annotator 'zoe'" in result.output
    assert "Traceback" not in result.output
    missing = run(tmp_path / "nope.framing")
    assert missing.exit_code == 1 and "no such project file" in missing.output


def test_the_terminal_lists_documents_in_the_windows_order(tmp_path):
    """Ties (here: alpha and F1 undefined everywhere) are broken as the window breaks them."""
    from annotator.agreement.report import build_report
    from annotator.agreement.report_tables import documents_table
    from annotator.core.model import Document
    from annotator.io.codebook_files import load_preset
    from annotator.store import Project

    path = tmp_path / "ties.framing"
    with Project.create(path) as project:
        project.codebook.install(load_preset("framing-devices"))
        ids = project.documents.add([Document(text=f"Article about {t}.", title=t) for t in ("Zeta", "Alpha", "Mid")]).added
        for who in ("ana", "ben"):
            for doc in ids:
                project.assignments.set_status(who, doc, "done")
        report = build_report(project.agreement.data(), resamples=0)
    out = run(path, "--resamples", "0").output
    section = out.split("Documents, most disagreement first")[1].split("\n\n")[0].splitlines()[2:]
    window_order = [row[2] for row in documents_table(report).rows]
    assert window_order == ["Alpha", "Mid", "Zeta"]
    assert [line.rstrip().rsplit("  ", 1)[-1].strip() for line in section] == window_order


def test_roll_up_from_the_command_line(tmp_path):
    path = build_project(tmp_path / "three.framing")
    rolled = json.loads(run(path, "--json", "--roll-up", "--resamples", "0").output)
    labels = [group["label"] for group in rolled["spans"]["per_label"]]
    assert "reporting_verb" in labels and not any(label.startswith("reporting_verb.") for label in labels)
    assert rolled["filters"]["roll_up"] is True


def test_by_default_the_coders_are_those_with_assignments_not_the_leads_stray_span(tmp_path):
    """A lead's test span must not make the lead a coder: with assignments, agreement compares the assigned
    annotators unless -a says otherwise; without any, every annotator who coded."""
    from annotator.core.model import Span
    from annotator.store import Project

    path = build_project(tmp_path / "three.framing")
    with Project.open(path) as project:
        first = project.documents.ids()[0]
        text = project.documents.text(first)
        project.spans.add(Span(document_id=first, annotator="lea", label_id="hedge", start=0, end=3,
                               text=text[:3]))
    report = json.loads(run(path, "--json", "--resamples", "0").output)
    assert report["annotators"] == ["alice", "bob", "carol", "lea"]  # no assignments yet: whoever coded
    with Project.open(path) as project:
        ids = project.documents.ids()
        for who in ("alice", "bob", "carol"):
            project.assignments.assign(who, ids)
    report = json.loads(run(path, "--json", "--resamples", "0").output)
    assert report["annotators"] == ["alice", "bob", "carol"]
    assert report["filters"]["annotators"] == []  # the default, not a choice
    chosen = json.loads(run(path, "--json", "--resamples", "0", "-a", "alice", "-a", "lea").output)
    assert chosen["annotators"] == ["alice", "lea"]  # still selectable
