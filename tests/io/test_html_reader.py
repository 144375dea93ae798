"""Web pages: the article without its chrome, metadata, captions, full page, hostile pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.errors import ImportRefused
from annotator.io.readers.base import ReadOptions
from annotator.io.readers.html import read_html

FIXTURES = Path(__file__).parent / "fixtures" / "html"
PAGES = sorted(FIXTURES.glob("*.html"))


def read(path: Path, **options):
    return read_html(path, path.read_bytes(), ReadOptions(**options))[0].document


def write(tmp_path: Path, html: str | bytes, name: str = "page.html") -> Path:
    path = tmp_path / name
    path.write_bytes(html.encode("utf-8") if isinstance(html, str) else html)
    return path


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_fixture_pages_give_exactly_the_article(page):
    expected = (FIXTURES / f"{page.stem}.expected.txt").read_text(encoding="utf-8").strip()
    assert read(page).text == expected


@pytest.mark.parametrize(
    ("name", "title", "author", "published", "outlet", "language", "url"),
    [
        ("wordpress-en", "Council approves flood barrier after decade of delays", "Priya Natarajan",
         "2023-03-14T18:05:00+00:00", "The Riverside Courier", "en-GB",
         "https://riversidecourier.example/2023/03/14/council-approves-flood-barrier/"),
        ("articlebody-de", "Bahnstreik: Was Pendler jetzt wissen müssen", "Jonas Becker, Lea Hoffmann",
         "2024-01-09", "", "de", "https://rundschau.example/wirtschaft/bahnstreik-pendler-123.html"),
        ("divsoup-es", "La sequía obliga a restringir el riego en la cuenca del Segura", "Carmen Ruiz Lozano",
         "2023-08-02", "Diario del Sureste", "es",
         "http://diariodelsureste.example/region/2023/08/02/sequia-segura.html"),
        ("teasers-fr", "Grève des contrôleurs aériens : des centaines de vols annulés à Orly", "Sophie Marchand",
         "2023-04-28T06:00:00+02:00", "L’Écho du Val-de-Marne", "fr",
         "https://echo-vdm.example/transports/greve-controleurs-orly"),
        ("hidden-en", "Why the city’s bike lanes stopped at the river", "Daniel Okafor", "2022-10-05T12:00:00Z",
         "Metro Ledger", "en-US", "https://metroledger.example/features/bike-lanes-river"),
    ],
)
def test_fixture_metadata(name, title, author, published, outlet, language, url):
    doc = read(FIXTURES / f"{name}.html")
    assert (doc.title, doc.author, doc.published, doc.outlet, doc.language, doc.url) == (
        title, author, published, outlet, language, url)


def test_shared_page_metadata_and_captions(shared_articles):
    doc = read(shared_articles / "parler-amazon-fr.html")
    assert doc.title == "Le réseau social Parler porte plainte contre Amazon"
    assert doc.author == "Fetty Adler"
    assert doc.published == "2021-01-12T09:30:00+01:00"
    assert doc.outlet == "Le Quotidien Exemple"
    assert doc.language == "fr"
    assert len(doc.metadata["captions"]) == 2
    assert all(caption[:30] not in doc.text for caption in doc.metadata["captions"])
    for chrome in ("Appuyez sur", "Ce site utilise des cookies", "Accueil", "ACTUALITÉ", "À lire aussi",
                   "Partager", "Soutenez", "Rédacteur", "Mentions légales", "dataLayer"):
        assert chrome not in doc.text


def test_keep_captions_puts_each_caption_once(shared_articles):
    doc = read(shared_articles / "parler-amazon-fr.html", keep_captions=True)
    for caption in doc.metadata["captions"]:
        assert doc.text.count(caption) == 1
    assert doc.text.split("\n\n")[1] == doc.metadata["captions"][0]


def test_caption_repeated_in_hidden_lightbox_is_not_duplicated():
    doc = read(FIXTURES / "teasers-fr.html", keep_captions=True)
    assert doc.text.count("Le tableau des départs") == 1


def test_full_page_keeps_visible_chrome_but_no_scripts(shared_articles):
    doc = read(shared_articles / "parler-amazon-fr.html", full_page=True)
    assert doc.text.startswith("Appuyez sur “Entrée” pour passer au contenu")
    assert "À lire aussi" in doc.text and "Mentions légales" in doc.text
    assert "dataLayer" not in doc.text and "position:fixed" not in doc.text
    assert doc.metadata["full_page"] is True


def test_line_breaks_and_markup_whitespace(tmp_path):
    page = write(tmp_path, "<html><body><article><h1>T</h1><p>one\n   two<br>three  four\t</p>"
                           "<p>&nbsp;</p><pre>a\n  b</pre></article></body></html>")
    assert read(page).text == "T\n\none two\nthree  four\n\na\n  b"


def test_title_from_metadata_when_the_page_has_no_h1(tmp_path):
    page = write(tmp_path, '<html><head><meta property="og:title" content="The headline"></head>'
                           "<body><div><p>" + "Body text that is long enough. " * 5 + "</p></div></body></html>")
    doc = read(page)
    assert doc.text.split("\n\n")[0] == "The headline"


def test_truncated_page_still_imports_what_it_has(tmp_path):
    page = write(tmp_path, "<html><body><article><h1>Cut off</h1><p>First paragraph.</p><p>Second para")
    assert read(page).text == "Cut off\n\nFirst paragraph.\n\nSecond para"


@pytest.mark.parametrize(
    ("html", "reason"),
    [
        ("<html><head><script>alert(1)</script><style>p{}</style></head><body>  </body></html>", "no visible text"),
        ("<html><body><div hidden>secret</div><script>x()</script></body></html>", "no visible text"),
        ("<div>" * 5000 + "deep" + "</div>" * 5000, "levels deep"),
    ],
    ids=["scripts-only", "hidden-only", "deep-nesting"],
)
def test_hostile_or_empty_pages_are_refused(tmp_path, html, reason):
    with pytest.raises(ImportRefused, match=reason):
        read(write(tmp_path, html))


def test_entity_declarations_in_a_page_read_nothing(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE", encoding="utf-8")
    page = write(tmp_path, f'<!DOCTYPE html [<!ENTITY x SYSTEM "file://{secret}">]>'
                           "<html><body><article><h1>T</h1><p>Text &x; here.</p></article></body></html>")
    assert "TOP-SECRET-VALUE" not in read(page).text
