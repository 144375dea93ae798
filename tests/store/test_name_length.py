"""An annotator's name has at most 60 characters, wherever a name is set (team, work, imports, app, CLI);
a name that came in before the cap keeps working."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from annotator.cli.main import cli
from annotator.core.errors import AnnotatorError, ProjectError
from annotator.core.model import Span
from annotator.services import identity
from annotator.store import Project
from tests.store.team_helpers import article

LONGEST = "Ana " + "x" * 56  # 60 characters
TOO_LONG = "Ana " + "x" * 57  # 61


def test_the_team_takes_60_characters_and_refuses_61(project):
    project.team.add(LONGEST)
    with pytest.raises(ProjectError, match="at most 60 characters"):
        project.team.add(TOO_LONG)
    with pytest.raises(ProjectError, match="at most 60 characters"):
        project.team.rename(LONGEST, "Z" * 61)
    with pytest.raises(ProjectError, match="at most 60 characters"):
        project.team.add("ben", display_name="Z" * 61)
    assert [a.name for a in project.team.people()] == [LONGEST]


def test_work_under_a_new_too_long_name_is_refused(project):
    doc = project.documents.add([article(1)]).added[0]
    with pytest.raises(ProjectError, match="at most 60 characters"):
        project.spans.add(Span(document_id=doc, annotator=TOO_LONG, label_id="scare_quote", start=0, end=7,
                               text=project.documents.text(doc)[:7]))
    with pytest.raises(ProjectError, match="at most 60 characters"):
        project.assignments.assign(TOO_LONG, [doc])
    assert project.spans.count() == 0 and project.team.people() == []


def test_a_long_name_from_before_the_cap_keeps_working(project):
    doc = project.documents.add([article(1)]).added[0]
    project.db.execute("INSERT INTO annotators (name, role, created) VALUES (?, 'annotator', '2020')", [TOO_LONG])
    project.assignments.assign(TOO_LONG, [doc])
    project.spans.add(Span(document_id=doc, annotator=TOO_LONG, label_id="scare_quote", start=0, end=7,
                           text=project.documents.text(doc)[:7]))
    assert project.spans.count() == 1


def test_the_name_given_in_the_app_or_on_the_command_line_is_checked_too():
    assert identity.name_problem(LONGEST) == ""
    assert "at most 60 characters" in identity.name_problem(TOO_LONG)
    with pytest.raises(AnnotatorError, match="at most 60 characters"):
        identity.checked_name(TOO_LONG)


def test_the_command_line_says_why_in_one_line(tmp_path):
    path = tmp_path / "p.framing"
    assert CliRunner().invoke(cli, ["init", str(path)]).exit_code == 0
    result = CliRunner().invoke(cli, ["annotators", str(path), "add", TOO_LONG])
    assert result.exit_code == 1 and "at most 60 characters" in result.output and "Traceback" not in result.output
    with Project.open(path, backup=False) as project:
        assert project.team.people() == []
