"""`annotator codebooks` and `annotator codebook PROJECT show/export/import/history`."""

from __future__ import annotations

import json

from click.testing import CliRunner

from annotator.cli.main import cli
from annotator.io.codebook_files import list_presets
from annotator.core.codebook import codebook_to_dict
from annotator.io.codebook_files import load_preset
from annotator.store import Project


def run(*args: str):
    return CliRunner().invoke(cli, [str(a) for a in args])


def test_codebooks_lists_every_preset_with_counts():
    result = run("codebooks")
    assert result.exit_code == 0
    for preset in list_presets():
        assert preset in result.output
    assert "29 span labels, 2 questions" in result.output  # SemEval: 6 groups + 23 techniques


def test_show_prints_the_tree(tmp_path):
    path = tmp_path / "p.framing"
    assert run("init", path, "--codebook", "semeval-2023-task3").exit_code == 0
    result = run("codebook", path)
    assert result.exit_code == 0
    assert "  Attack on reputation [1]  attack_on_reputation" in result.output
    assert "    Name calling or labelling [n]  name_calling" in result.output
    assert "question: Frames  frames" in result.output


def test_export_then_import_into_another_project(tmp_path):
    first, second, file = tmp_path / "a.framing", tmp_path / "b.framing", tmp_path / "codebook.json"
    assert run("init", first, "--codebook", "policy-frames").exit_code == 0
    with Project.open(first) as proj:
        proj.labels.rename("economic", "Economy")
    result = run("codebook", first, "export", file)
    assert result.exit_code == 0 and "codebook version 2" in result.output
    assert json.loads(file.read_text(encoding="utf-8"))["labels"][0]["name"] == "Economy"
    assert run("init", second, "--codebook", "entman").exit_code == 0
    result = run("codebook", second, "import", file)
    assert result.exit_code == 0, result.output
    assert "Imported Policy Frames Codebook: 17 new, 0 changed, 0 unchanged, 4 missing" in result.output
    assert "missing (kept): problem_definition" in result.output
    assert "note: label 'capacity_and_resources' does not take the shortcut 'c' from label" in result.output
    with Project.open(first) as a, Project.open(second) as b:
        def fields(labels):  # positions differ: b keeps Entman's labels among them; and their keys
            return [{k: v for k, v in vars(label).items() if k not in ("position", "shortcut")} for label in labels]
        assert fields(l for l in b.codebook.labels() if l.id in {x.id for x in a.codebook.labels()}) == fields(a.codebook.labels())
        kept = {label.shortcut for label in b.codebook.labels() if label.id in {"problem_definition",
                                                                                 "causal_interpretation"}}
        assert kept <= {l.shortcut for l in load_preset("entman").labels}
        assert b.codebook.current().name == load_preset("entman").name  # the codebook keeps its name


def test_import_a_preset_by_id_with_dry_run(tmp_path):
    path = tmp_path / "p.framing"
    run("init", path)
    result = run("codebook", path, "import", "basil", "--dry-run")
    assert result.exit_code == 0 and result.output.startswith("Would import")
    with Project.open(path) as proj:
        assert proj.codebook.version() == 1
        assert "lexical_bias" not in {l.id for l in proj.codebook.labels()}


def test_history_lists_changes(tmp_path):
    path = tmp_path / "p.framing"
    run("init", path)
    with Project.open(path) as proj:
        proj.labels.retire("hedge")
    result = run("codebook", path, "history")
    assert result.exit_code == 0
    lines = result.output.strip().splitlines()
    assert len(lines) == 2 and lines[1].endswith("label hedge retired")


def test_bad_codebook_file_gives_one_line_naming_the_field(tmp_path):
    path, bad = tmp_path / "p.framing", tmp_path / "bad.json"
    run("init", path)
    bad.write_text(json.dumps({"id": "x", "name": "X", "labels": [{"id": "a", "name": "A", "color": "red"}]}),
                   encoding="utf-8")
    result = run("codebook", path, "import", bad)
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        f"Error: {bad}: labels[0] (a): field 'color' 'red' must look like #RRGGBB"]
    result = run("codebook", path, "import", tmp_path / "nowhere.json")
    assert result.exit_code == 1 and "no such file" in result.output and "Traceback" not in result.output


def test_unknown_fields_are_warned_about(tmp_path):
    path, odd = tmp_path / "p.framing", tmp_path / "odd.json"
    run("init", path)
    odd.write_text(json.dumps({"id": "x", "name": "X", "labels": [{"id": "a", "name": "A", "shorcut": "z"}]}),
                   encoding="utf-8")
    result = CliRunner().invoke(cli, ["codebook", str(path), "import", str(odd)])
    assert result.exit_code == 0
    assert "warning: labels[0] (a): field 'shorcut'" in result.output


def test_every_codebook_command_has_help():
    for args in (["codebooks"], ["codebook"]):
        command = cli.get_command(None, args[0])
        assert command.help
    group = cli.get_command(None, "codebook")
    for name in ("export", "import", "history"):
        assert group.get_command(None, name).help


def test_dry_run_shows_every_change_and_writes_nothing(tmp_path):
    path, file = tmp_path / "p.framing", tmp_path / "book.json"
    run("init", path)
    data = codebook_to_dict(load_preset("framing-devices"))
    data["name"] = "Renamed"
    tone = next(q for q in data["questions"] if q["id"] == "tone")
    tone["choices"] = [{"id": "hostile", "name": "Hostile"}, {"id": "neutral", "name": "Even-handed"}]
    file.write_text(json.dumps(data), encoding="utf-8")
    result = run("codebook", path, "import", file, "--dry-run")
    assert result.exit_code == 0, result.output
    for line in ("tone: choice 'hostile' added (Hostile)", "tone: choice 'neutral' renamed 'Neutral' -> 'Even-handed'",
                 "tone: choice 'positive' removed (Positive)", "keeps its name 'Framing devices"):
        assert line in result.output, line
    with Project.open(path) as proj:
        assert proj.codebook.version() == 1 and [c.id for c in proj.codebook.label("tone").choices][0] == "negative"
    applied = run("codebook", path, "import", file)
    assert applied.output.replace("Imported", "Would import", 1) == result.output
