"""Security: hostile articles read no local file and reach no server; the project file keeps no
absolute path of the user's machine; no code path evaluates or loads code from data."""

from __future__ import annotations

import ast
import http.server
import json
import threading
from pathlib import Path

import pytest

from annotator.core.model import Span
from annotator.services.importing import import_paths
from annotator.store import Project

PACKAGE = Path(__file__).resolve().parent.parent / "annotator"
SECRET = "TOP-SECRET-7f3a9c"


@pytest.fixture
def listener():
    """A loopback HTTP server that counts the requests it gets (none may come)."""
    hits: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
            hits.append(self.path)
            self.send_response(200)
            self.end_headers()
            self.wfile.write(f'<!ENTITY remote "{SECRET}">'.encode())

        def log_message(self, *args) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", hits
    server.shutdown()
    server.server_close()


def hostile_files(secret: Path, url: str) -> dict[str, str]:
    """Files that try, each in its own way, to pull the secret file or a remote resource in."""
    local = secret.as_uri()
    body = "<p>The minister spoke at length about the reform and its effects.</p>"
    return {
        "xxe.xml": f'<?xml version="1.0"?><!DOCTYPE article [<!ENTITY x SYSTEM "{local}">]>'
                   f"<article><title>T</title><body><p>&x;</p>{body}</body></article>",
        "param.xml": f'<?xml version="1.0"?><!DOCTYPE article [<!ENTITY % p SYSTEM "{url}/p.dtd"> %p;]>'
                     f"<article><title>T</title><body><p>&remote;</p>{body}</body></article>",
        "external-dtd.xml": f'<?xml version="1.0"?><!DOCTYPE article SYSTEM "{url}/a.dtd">'
                            f"<article><title>T</title><body><p>&remote;</p>{body}</body></article>",
        "local-dtd.xml": f'<?xml version="1.0"?><!DOCTYPE article SYSTEM "{local}">'
                         f"<article><title>T</title><body>{body}</body></article>",
        "xinclude.xml": '<?xml version="1.0"?><article xmlns:xi="http://www.w3.org/2001/XInclude"><title>T</title>'
                        f'<body><p><xi:include href="{local}" parse="text"/></p>'
                        f'<p><xi:include href="{url}/inc.txt" parse="text"/></p>{body}</body></article>',
        "tei.xml": f'<?xml version="1.0"?><!DOCTYPE TEI [<!ENTITY x SYSTEM "{local}">]>'
                   '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>T</title>'
                   f"</titleStmt></fileDesc></teiHeader><text><body><p>&x;</p>{body}</body></text></TEI>",
        "page.html": f'<!DOCTYPE html [<!ENTITY x SYSTEM "{local}">]><html><head><title>T</title>'
                     f'<link rel="stylesheet" href="{url}/s.css"><script src="{url}/s.js"></script></head>'
                     f'<body><article><h1>T</h1><p>&x;</p><img src="{url}/i.png">'
                     f'<iframe src="{local}"></iframe><object data="{local}"></object>{body}</article></body></html>',
        "page.xhtml.xml": f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY x SYSTEM "{local}">]>'
                          '<html xmlns="http://www.w3.org/1999/xhtml"><body><article><h1>T</h1>'
                          f"<p>&x;</p>{body}</article></body></html>",
    }


def stored_bytes(path: Path) -> bytes:
    return b"".join(p.read_bytes() for p in (path, Path(f"{path}-wal")) if p.exists())


def test_hostile_xml_and_html_read_no_local_file_and_reach_no_server(tmp_path, listener):
    url, hits = listener
    secret = tmp_path / "private" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text(SECRET, encoding="utf-8")
    (tmp_path / "p.dtd").write_text(f'<!ENTITY remote "{SECRET}">', encoding="utf-8")
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, content in hostile_files(secret, url).items():
        (folder / name).write_text(content, encoding="utf-8")
    path = tmp_path / "p.framing"
    with Project.create(path) as project:
        report = import_paths(project, [folder])
        assert report.files == len(hostile_files(secret, url))
        assert len(report.imported) + len(report.refused) + len(report.duplicates) == report.files
        assert report.imported, "some hostile files should be read (with their tricks left inert)"
        for doc_id in project.documents.ids():
            assert SECRET not in project.documents.text(doc_id)
    assert SECRET.encode() not in stored_bytes(path)
    assert hits == [], f"the importers fetched {hits}"


def corpus_files(folder: Path) -> None:
    """One small file of every importable format."""
    body = "Le ministre affirme que la réforme est nécessaire. Les syndicats contestent."
    (folder / "plain.txt").write_text(f"Titre\n\n{body}", encoding="utf-8")
    (folder / "page.html").write_text(f"<html><body><article><h1>Titre</h1><p>{body} 2</p></article></body></html>",
                                      encoding="utf-8")
    (folder / "news.xml").write_text(f"<article><title>T</title><body><p>{body} 3</p></body></article>",
                                     encoding="utf-8")
    (folder / "corpus.csv").write_text(f'title,text\nUn,"{body} 4"\n', encoding="utf-8")
    (folder / "corpus.jsonl").write_text(json.dumps({"title": "Deux", "text": f"{body} 5"}) + "\n", encoding="utf-8")
    (folder / "doccano.jsonl").write_text(json.dumps({"text": f"{body} 6", "label": [[3, 11, "hedge"]]}) + "\n",
                                          encoding="utf-8")
    (folder / "brat.txt").write_text(f"{body} 7", encoding="utf-8")
    (folder / "brat.ann").write_text("T1\thedge 3 11\tministre\n", encoding="utf-8")


def test_the_project_file_holds_no_absolute_path_of_the_machine(tmp_path):
    folder = tmp_path / "Users" / "researcher" / "corpus-privé"
    folder.mkdir(parents=True)
    corpus_files(folder)
    path = tmp_path / "p.framing"
    with Project.create(path) as project:
        report = import_paths(project, [folder])
        assert len(report.imported) == 7, report.summary()
        assert {project.documents.get(d).filename for d in project.documents.ids()} <= {
            p.name for p in folder.iterdir()}
        project.assignments.assign("coder", project.documents.ids())
        project.packages.write("coder", tmp_path / "package.framing")
    for made in (path, tmp_path / "package.framing"):
        data = stored_bytes(made)
        for needle in (str(tmp_path), str(folder), "/Users/researcher", str(Path.home())):
            assert needle.encode() not in data, f"{made.name} holds {needle}"


def test_a_merge_leaves_no_absolute_path_in_the_project(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    corpus_files(folder)
    path = tmp_path / "p.framing"
    with Project.create(path) as project:
        import_paths(project, [folder])
        package = tmp_path / "Users" / "coder" / "package.framing"
        package.parent.mkdir(parents=True)
        project.assignments.assign("coder", project.documents.ids())
        project.packages.write("coder", package)
        with Project.open(package, backup=False) as work:
            doc = work.documents.ids()[0]
            text = work.documents.text(doc)
            work.spans.add(Span(document_id=doc, annotator="coder", label_id="hedge", start=0, end=2, text=text[:2]))
        assert project.merges.merge(package).spans.added == 1
    assert str(tmp_path).encode() not in stored_bytes(path)


DANGEROUS_CALLS = {"eval", "exec", "compile", "__import__"}
DANGEROUS_MODULES = {"pickle", "marshal", "shelve", "dill", "yaml", "subprocess", "importlib"}
PARSERS = {"XMLParser", "HTMLParser", "XMLPullParser", "iterparse", "XSLT", "XInclude"}


def modules() -> list[tuple[Path, ast.Module]]:
    return [(p, ast.parse(p.read_text(encoding="utf-8"))) for p in sorted(PACKAGE.rglob("*.py"))]


def test_no_code_path_evaluates_or_unpickles_anything():
    found = []
    for path, tree in modules():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in DANGEROUS_CALLS:
                if node.func.id == "__import__" and node.args and isinstance(node.args[0], ast.Constant):
                    continue  # a fixed module name, not one taken from data
                found.append(f"{path.name}:{node.lineno} calls {node.func.id}")
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
                found += [f"{path.name}:{node.lineno} imports {n}" for n in names
                          if n.split(".")[0] in DANGEROUS_MODULES]
            if isinstance(node, ast.Attribute) and node.attr in ("xinclude", "XSLT", "XInclude"):
                found.append(f"{path.name}:{node.lineno} uses {node.attr}")
    assert found == []


def test_every_lxml_parser_is_built_without_network_or_entities():
    seen = 0
    for path, tree in modules():
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr in PARSERS):
                continue
            seen += 1
            options = {k.arg: k.value.value for k in node.keywords if isinstance(k.value, ast.Constant)}
            where = f"{path.name}:{node.lineno}"
            assert options.get("no_network") is True, f"{where}: parser without no_network=True"
            if node.func.attr == "XMLParser":
                assert options.get("resolve_entities") is False, f"{where}: XML parser resolves entities"
                assert options.get("load_dtd") is False, f"{where}: XML parser loads DTDs"
                assert options.get("huge_tree") is False, f"{where}: XML parser lifts libxml2's limits"
    assert seen >= 2, "the readers' parsers were not found"
