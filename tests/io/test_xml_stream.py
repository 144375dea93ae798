"""Large XML corpora read one article at a time (iterparse): the same documents as the whole-file reader."""

from __future__ import annotations

import pytest

from annotator.io.readers.base import ReadOptions
from annotator.io.readers.xml import read_xml
from annotator.io.readers.xml_stream import stream_xml
from annotator.services.importing import import_paths

TEI = """<?xml version="1.0" encoding="UTF-8"?>
<teiCorpus xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Corpus</title></titleStmt></fileDesc></teiHeader>
{items}
</teiCorpus>"""
TEI_ITEM = """<TEI><teiHeader><fileDesc><titleStmt><title>Article {n}</title><author>Auteur {n}</author></titleStmt>
<sourceDesc><bibl><date when="2024-01-0{d}"/><publisher>Le Journal</publisher></bibl></sourceDesc></fileDesc></teiHeader>
<text xml:lang="fr"><body><p>Premier paragraphe {n}<note>note dropped</note> suite.</p><p>Second « paragraphe » {n}.</p></body></text></TEI>"""
NEWSML = """<?xml version="1.0" encoding="UTF-8"?>
<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><header><sent>2024-01-01T00:00:00Z</sent></header><itemSet>
{items}
</itemSet></newsMessage>"""
NEWS_ITEM = """<newsItem guid="urn:item:{n}"><contentMeta><headline>Headline {n}</headline><language tag="en"/></contentMeta>
<contentSet><inlineXML><html xmlns="http://www.w3.org/1999/xhtml"><body><p>Body of item {n}.</p></body></html></inlineXML></contentSet></newsItem>"""
COLLECTION = """<articles>{items}</articles>"""
GENERIC = """<article id="a{n}"><title>Title {n}</title><author>By Jane Doe</author><section>World</section><body><p>Text {n} here.</p></body></article>"""


@pytest.mark.parametrize("template, item", [(TEI, TEI_ITEM), (NEWSML, NEWS_ITEM), (COLLECTION, GENERIC)])
def test_streamed_articles_are_the_whole_files_articles(tmp_path, template, item):
    path = tmp_path / "corpus.xml"
    path.write_text(template.format(items="\n".join(item.format(n=n, d=n % 9 + 1) for n in range(30))),
                    encoding="utf-8")
    whole = [i.document for i in read_xml(path, path.read_bytes(), ReadOptions())]
    streamed = [i.document for i in stream_xml(path, ReadOptions(max_bytes=500))]
    assert len(streamed) == 30 and streamed == whole


def test_a_large_xml_corpus_imports_with_a_small_article_limit(project, tmp_path):
    path = tmp_path / "corpus.tei"
    path.write_text(TEI.format(items="\n".join(TEI_ITEM.format(n=n, d=1) for n in range(50))), encoding="utf-8")
    assert path.stat().st_size > 2000
    report = import_paths(project, [path], max_bytes=2000)
    assert report.documents_imported == 50, report.summary()
    one = tmp_path / "one.xml"
    one.write_text(GENERIC.format(n=1).replace("Text 1 here.", "Long text. " * 500), encoding="utf-8")
    refused = import_paths(project, [one], max_bytes=2000)
    assert "limit per article" in refused.refused[0].reason


def test_a_large_corpus_with_one_huge_article_names_it(project, tmp_path):
    items = [GENERIC.format(n=n) for n in range(20)]
    items[12] = items[12].replace("Text 12 here.", "Long text. " * 500)
    path = tmp_path / "corpus.xml"
    path.write_text(COLLECTION.format(items="".join(items)), encoding="utf-8")
    report = import_paths(project, [path], max_bytes=3000)
    assert report.refused[0].reason.startswith("article 13 (line 1): the article is")
    assert project.counts()["documents"] == 0


def test_entities_are_refused_in_large_files_too(project, tmp_path):
    path = tmp_path / "corpus.xml"
    body = "".join(GENERIC.format(n=n) for n in range(40))
    path.write_text(f'<!DOCTYPE articles [<!ENTITY x "boom">]><articles>{body}</articles>', encoding="utf-8")
    report = import_paths(project, [path], max_bytes=1000)
    assert "declares XML entities" in report.refused[0].reason
