"""Who runs the portal is configuration (content/situs.yml), never content
or templates: with it filled in (the full test site, whose fictional
operator comes from tests/fixtures/valid-minimal/content/situs.yml) readers
find the operator's contacts and the hoax-report channel, and structured
data and feeds name the operator; with it empty (the frozen sample) no page
names an operator or author that nobody configured."""

import json
from pathlib import Path

import feedparser
import pytest
from test_build import page, text

from conftest import FIXTURES
from portal.intake import situs

OPERATOR = "Pengelola Rekaan Portal Contoh"


def json_ld(site):
    """Every JSON-LD object of every HTML page of `site`."""
    for path in Path(site).rglob("*.html"):
        tree = page(site, path.relative_to(site).as_posix())
        for script in tree.css('script[type="application/ld+json"]'):
            yield path, json.loads(script.text())


# -- configured ---------------------------------------------------------------

def test_footer_shows_the_operator_and_its_contacts_on_every_page(full_site):
    for url in ("/", "/berita/", "/kim/palae/", "404.html"):
        footer = page(full_site, url).css_first(".site-footer .operator")
        assert footer is not None, url
        assert OPERATOR in footer.text()
        links = [a.attributes["href"] for a in footer.css("a")]
        assert "tel:0532000000" in links
        assert "https://wa.me/6281200000009" in links
        assert "mailto:pengelola@example.com" in links
        assert "https://facebook.com/pengelola-rekaan" in links


def test_every_footer_leads_to_the_hoax_report_channels_when_there_are_any(full_site,
                                                                          sample_site):
    for url in ("/", "/berita/", "/kim/palae/", "/agenda/"):
        links = [a.attributes["href"] for a in page(full_site, url).css(".site-footer nav a")]
        assert "/cek-fakta/#lapor-hoaks" in links, url
    channels = page(full_site, "/cek-fakta/").css_first("#lapor-hoaks")
    assert channels is not None and "lapor-hoaks@example.com" in channels.parent.text()
    # No channel configured: no link to an empty section.
    assert "#lapor-hoaks" not in page(sample_site, "/").html


def test_send_information_page_and_fact_checks_show_the_real_channels(full_site):
    for url in ("/kirim-informasi/", "/cek-fakta/"):
        channels = page(full_site, url).css_first("main #lapor-hoaks").parent
        links = [a.attributes["href"] for a in channels.css("a")]
        assert links == ["https://wa.me/6281200000010", "mailto:lapor-hoaks@example.com",
                         "https://example.com/lapor"], url
    kirim = page(full_site, "/kirim-informasi/")
    assert OPERATOR in kirim.css_first("main #kontak-pengelola").parent.text()
    # Other pages do not repeat the blocks in their body.
    assert page(full_site, "/tentang-kim/").css_first("main #lapor-hoaks") is None


def test_a_kim_without_contacts_points_readers_to_the_operator(full_site):
    palae = page(full_site, "/kim/palae/")
    section = palae.css_first("#kontak").parent
    assert "lewat pengelola portal, " + OPERATOR in text(section, "p")
    assert "https://wa.me/6281200000009" in [a.attributes["href"] for a in section.css("a")]
    # A KIM with contacts of its own shows those, each once: its WhatsApp is
    # the button at the top, the others are listed.
    profile = page(full_site, "/kim/contoh-satu/")
    own = profile.css_first("#kontak").parent
    assert "mailto:kim-contoh-satu@example.com" in [a.attributes["href"] for a in own.css("a")]
    assert "pengelola portal" not in own.text() and "WhatsApp" not in own.text()
    button = profile.css_first(".reach .button--whatsapp").attributes["href"]
    assert button.startswith("https://wa.me/6281200000001?text=")


def test_structured_data_names_the_operator_as_publisher(full_site):
    article = page(full_site, "/berita/enam-kim-resmi-dibentuk-di-kobar/")
    [news] = [json.loads(s.text()) for s in article.css('script[type="application/ld+json"]')
              if json.loads(s.text())["@type"] == "NewsArticle"]
    assert news["publisher"]["name"] == OPERATOR
    assert news["publisher"]["logo"].endswith("/images/contoh.png")
    # No `penulis`: the configured default author.
    assert news["author"] == {"@type": "Organization", "name": "Redaksi Rekaan"}
    written = page(full_site, "/berita/berita-contoh-kegiatan-kim/")
    types = {d["@type"]: d for d in (json.loads(s.text()) for s in
                                     written.css('script[type="application/ld+json"]'))}
    assert types["NewsArticle"]["author"] == {"@type": "Person", "name": "Penulis Rekaan"}
    home = {d["@type"]: d for d in (json.loads(s.text()) for s in
                                    page(full_site, "/").css('script[type="application/ld+json"]'))}
    assert home["WebSite"]["publisher"]["name"] == OPERATOR


def test_feed_authors_are_the_writer_or_the_default_author(full_site):
    feed = feedparser.parse((Path(full_site) / "feeds/semua.atom.xml").read_bytes())
    authors = {" ".join(entry.title.split()): entry.get("author") for entry in feed.entries}
    assert authors["Berita Contoh Kegiatan KIM"] == "Penulis Rekaan"
    assert authors["Pengumuman uji nomor 22"] == "Redaksi Rekaan"


def test_a_republished_article_says_where_it_comes_from(full_site):
    article = page(full_site, "/berita/berita-contoh-kegiatan-kim/")
    origin = article.css_first(".article__origin")
    assert " ".join(origin.text().split()) == \
        "Diterbitkan ulang dari Media Rekaan, 14 Januari 2024"
    assert origin.css_first("a").attributes["href"] == "https://example.com/berita-asal"
    news = next(json.loads(s.text()) for s in article.css('script[type="application/ld+json"]')
                if json.loads(s.text())["@type"] == "NewsArticle")
    assert news["isBasedOn"] == "https://example.com/berita-asal"


# -- not configured -------------------------------------------------------------

def test_without_settings_no_page_names_an_operator_or_author(sample_site):
    settings = situs.load(FIXTURES / "sample" / "content")
    assert settings == situs.Situs()  # every field empty
    found = [(path.name, data["@type"]) for path, data in json_ld(sample_site)
             if "publisher" in data or "author" in data]
    assert found == []
    for feed_path in Path(sample_site, "feeds").rglob("*.atom.xml"):
        feed = feedparser.parse(feed_path.read_bytes())
        # Atom wants an author: the feed names the site itself, entries nobody.
        assert feed.feed.author == "Portal KIM Kotawaringin Barat", feed_path
        assert [entry for entry in feed.entries if "author" in entry] == [], feed_path
    for url in ("/", "/kim/palae/", "/kirim-informasi/"):
        tree = page(sample_site, url)
        assert tree.css_first(".operator") is None, url
        assert "pengelola portal, " not in text(tree, "body"), url


@pytest.mark.parametrize("url", ["/kim/palae/", "/potensi/kerupuk-amplang-sungai-kapitan/"])
def test_without_any_contact_readers_see_no_empty_contact_section(sample_site, url):
    tree = page(sample_site, url)
    assert tree.css_first("#kontak") is None
    assert "belum dicantumkan" not in text(tree, "main")
