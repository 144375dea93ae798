"""XML articles: generic, NewsML-G2, TEI, collections; entities, bombs and deep nesting refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.errors import ImportRefused
from annotator.io.readers.base import ReadOptions
from annotator.io.readers.xml import read_xml

FIXTURES = Path(__file__).parent / "fixtures" / "xml"


def read_all(path: Path):
    return [item.document for item in read_xml(path, path.read_bytes(), ReadOptions())]


def write(tmp_path: Path, text: str, name: str = "a.xml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_shared_generic_article(shared_articles):
    [doc] = read_all(shared_articles / "parler-amazon-fr.xml")
    assert doc.text.startswith("Le réseau social Parler porte plainte contre Amazon\n\nAmazon a récemment")
    assert doc.text.count("\n\n") == 9
    assert (doc.author, doc.published, doc.language) == ("Fetty Adler", "2021-01-12", "fr")
    assert doc.metadata["section"] == "Monde"
    assert doc.metadata["id"] == "parler-amazon-2021-01-12"


def test_newsml_g2_item():
    [doc] = read_all(FIXTURES / "newsml-g2.xml")
    assert doc.text.split("\n\n")[0] == "Port workers end strike after pay deal"
    assert doc.text.count("\n\n") == 3
    assert doc.author == "Ines Duarte"
    assert doc.published == "2023-05-02T09:50:00Z"
    assert doc.outlet == "Agence Exemple"
    assert doc.language == "en"
    assert doc.metadata["format"] == "newsml-g2"


def test_tei_text_without_notes_or_figures():
    [doc] = read_all(FIXTURES / "tei.xml")
    assert doc.text == (
        "Les agriculteurs bloquent l’autoroute A7\n\n"
        "Plusieurs centaines d’agriculteurs ont bloqué mercredi l’autoroute A7 au sud de Valence, pour "
        "protester contre la hausse des normes et la baisse de leurs revenus.\n\n"
        "« On ne vit plus de notre travail », a résumé un éleveur de la vallée du Rhône.\n\n"
        "Le blocage devrait durer au moins jusqu’à jeudi soir."
    )
    assert (doc.author, doc.published, doc.outlet, doc.language) == (
        "Claire Vasseur", "2024-01-24", "Le Dauphiné Exemple", "fr")
    assert doc.url == "https://dauphine.example/a7-blocage"


def test_collection_in_latin1_gives_one_document_per_article():
    docs = read_all(FIXTURES / "collection.xml")
    assert [d.title for d in docs] == ["Ouverture du nouveau pont", "Fermeture de la piscine"]
    assert docs[0].text == "Ouverture du nouveau pont\n\nLe pont a été inauguré samedi.\n\nIl relie les deux rives."
    assert docs[0].author == "Luc Martin"
    assert docs[0].outlet == "La Gazette"
    assert docs[1].text == "Fermeture de la piscine\n\nLa piscine ferme pour travaux.\n\nElle rouvrira en septembre."


def test_xhtml_in_an_xml_file_is_read_as_a_page(tmp_path):
    path = write(tmp_path, '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body>'
                           "<nav><a href='/'>Home</a></nav><article><h1>Head</h1><p>Body text.</p></article>"
                           "</body></html>")
    [doc] = read_all(path)
    assert doc.text == "Head\n\nBody text."


def test_external_entity_cannot_read_a_local_file(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE", encoding="utf-8")
    path = write(tmp_path, f'<?xml version="1.0"?>\n<!DOCTYPE article [\n  <!ENTITY xxe SYSTEM "file://{secret}">\n]>'
                           "<article><title>T</title><body><p>&xxe;</p></body></article>")
    with pytest.raises(ImportRefused, match="entities") as info:
        read_all(path)
    assert "TOP-SECRET-VALUE" not in str(info.value)


def test_parser_itself_never_expands_entities(tmp_path):
    """Even past our refusal, the parser leaves an external entity unresolved."""
    from lxml import etree

    from annotator.io.readers.xml_parse import safe_parser, text_of

    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE", encoding="utf-8")
    data = f'<!DOCTYPE r [<!ENTITY x SYSTEM "file://{secret}">]><r>a&x;b</r>'.encode()
    root = etree.fromstring(data, parser=safe_parser())
    assert "TOP-SECRET" not in etree.tostring(root).decode()
    assert text_of(root) == "ab"


def test_billion_laughs_is_refused(tmp_path):
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10))
    path = write(tmp_path, f'<?xml version="1.0"?><!DOCTYPE lolz [{entities}]><lolz><p>&lol9;</p></lolz>')
    with pytest.raises(ImportRefused, match="entities"):
        read_all(path)


def test_deep_nesting_is_refused_cleanly(tmp_path):
    path = write(tmp_path, "<a>" * 3000 + "x" + "</a>" * 3000)
    with pytest.raises(ImportRefused, match="too deeply"):
        read_all(path)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("<article><title>T</title><body><p>cut", "not well-formed"),
        ("<article><p>undefined &nbsp; entity</p></article>", "not well-formed"),
        ("<article><title></title><body></body></article>", "without text"),
    ],
    ids=["truncated", "undefined-entity", "empty-article"],
)
def test_bad_xml_is_refused(tmp_path, text, reason):
    with pytest.raises(ImportRefused, match=reason):
        read_all(write(tmp_path, text))


def test_dtd_reference_is_not_loaded(tmp_path):
    path = write(tmp_path, '<?xml version="1.0"?><!DOCTYPE nitf SYSTEM "https://dtd.example.invalid/nitf.dtd">'
                           "<nitf><head><title>Offline</title></head><body><body.content><p>Fine.</p>"
                           "</body.content></body></nitf>")
    [doc] = read_all(path)
    assert doc.text == "Offline\n\nFine."
