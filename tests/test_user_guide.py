"""The user guide: linked from the README, its links and pictures resolve, its pictures are made by the
screenshot script, and the analyst's page names every command of the CLI."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import click
import pytest

from annotator.cli.main import cli

REPO = Path(__file__).resolve().parent.parent
DOCS = REPO / "docs"
GUIDE_PAGES = ["user-guide.md", "annotator.md", "lead.md", "analyst.md"]
LINK = re.compile(r"\]\(([^)#\s]+)(#[^)\s]*)?\)")


def links(page: Path) -> list[str]:
    return [m.group(1) for m in LINK.finditer(page.read_text(encoding="utf-8")) if "://" not in m.group(1)]


def test_readme_links_the_guide():
    assert "(docs/user-guide.md)" in (REPO / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("page", GUIDE_PAGES)
def test_guide_links_and_images_resolve(page):
    path = DOCS / page
    targets = links(path)
    assert targets, page
    missing = [t for t in targets if not (path.parent / t).exists()]
    assert missing == []


def test_the_index_links_every_reader_page():
    targets = set(links(DOCS / "user-guide.md"))
    assert {"annotator.md", "lead.md", "analyst.md", "export-columns.md"} <= targets


def test_every_guide_picture_is_made_by_the_screenshot_script():
    spec = importlib.util.spec_from_file_location("make_screenshots", REPO / "scripts" / "make_screenshots.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    made = {name for name, _args in module.SHOTS + getattr(module, "TEAM_SHOTS", [])}
    pictures = {Path(t).name for page in GUIDE_PAGES for t in links(DOCS / page) if t.startswith("images/")}
    assert pictures and pictures <= made


def test_the_analyst_page_documents_every_command():
    text = (DOCS / "analyst.md").read_text(encoding="utf-8")
    names = cli.list_commands(click.Context(cli))
    assert len(names) >= 15
    undocumented = [name for name in names if f"annotator {name}" not in text]
    assert undocumented == []


def test_documented_options_exist():
    """Each `--option` the analyst page gives for a command is one of that command's options."""
    text = (DOCS / "analyst.md").read_text(encoding="utf-8")
    wrong = []
    rows = list(re.finditer(r"^\| `annotator ([a-z-]+)([^`]*)`", text, re.MULTILINE))
    assert len(rows) >= 15
    for row in rows:
        command = cli.get_command(click.Context(cli), row.group(1))
        params = list(command.params) + [p for sub in getattr(command, "commands", {}).values() for p in sub.params]
        known = {opt for p in params for opt in getattr(p, "opts", []) + getattr(p, "secondary_opts", [])}
        wrong += [f"{row.group(1)} {o}" for o in re.findall(r"(--[a-z-]+|-[a-z]\b)", row.group(2))
                  if o not in known]
    assert wrong == []
