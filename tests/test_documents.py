"""Documents (content/dokumen/, files in content/berkas/): the list with
filters by type and KIM as plain links, a page per document, the file
published with its format and size stated before the download."""

from selectolax.lexbor import LexborHTMLParser


def tree(site, path):
    return LexborHTMLParser((site / path / "index.html").read_text(encoding="utf-8"))


def words(node):
    return " ".join(node.text().replace("\xa0", " ").split())


def test_documents_are_listed_filtered_and_downloadable(fixture_site):
    size = (fixture_site / "berkas" / "sk-contoh-satu.pdf").stat().st_size
    assert size > 0  # published as it is
    listing = tree(fixture_site, "dokumen")
    items = listing.css(".dokumen-item")
    assert [words(item.css_first("h2")) for item in items] == ["SK Pembentukan KIM Contoh Satu"]
    assert "SK · 20 September 2018 · KIM Contoh Satu" in words(items[0])
    download = items[0].css_first("a[download]")
    assert download.attributes["href"] == "/berkas/sk-contoh-satu.pdf"
    assert "(PDF, 1 KB)" in words(items[0])
    # One document: a filter would list it again (issue 26, point 2).
    assert listing.css(".filters") == []
    for address in ("dokumen/jenis/sk", "dokumen/kim/contoh-satu"):
        assert [words(a) for a in tree(fixture_site, address).css(".dokumen-item h2 a")] == [
            "SK Pembentukan KIM Contoh Satu"]
    assert not (fixture_site / "dokumen" / "jenis" / "laporan").exists()  # no empty filter


def test_a_document_page_names_its_type_date_publisher_and_file(fixture_site):
    page = tree(fixture_site, "dokumen/sk-contoh-satu")
    facts = dict(zip([words(dt) for dt in page.css(".facts dt")],
                     [words(dd) for dd in page.css(".facts dd")], strict=True))
    assert facts == {"Jenis": "SK", "Tanggal": "20 September 2018",
                     "Penerbit": "KIM Contoh Satu", "Berkas": "PDF, 1 KB"}
    assert page.css_first("a.button[download]").attributes["href"] == "/berkas/sk-contoh-satu.pdf"


def test_videos_albums_and_documents_have_their_feeds(fixture_site):
    import feedparser

    for path, title in (("feeds/video.atom.xml", "Profil KIM Contoh Satu"),
                        ("feeds/galeri.atom.xml", "Foto Rapat Anggota KIM Contoh Satu"),
                        ("feeds/dokumen.atom.xml", "SK Pembentukan KIM Contoh Satu")):
        feed = feedparser.parse((fixture_site / path).read_bytes())
        assert not feed.bozo, path
        assert [" ".join(entry.title.replace("\xa0", " ").split())
                for entry in feed.entries] == [title], path
    listing = (fixture_site / "dokumen" / "index.html").read_text(encoding="utf-8")
    assert 'href="/feeds/dokumen.atom.xml"' in listing


def test_filters_appear_where_they_narrow_the_list(fixture_site, tmp_path):
    """A second document, of another type and another KIM, makes both
    filters useful; a catalogue of one potensi offers none."""
    import shutil

    from conftest import build, fixture_content_with

    catalogue = tree(fixture_site, "potensi")
    assert catalogue.css(".filters") == []
    content = fixture_content_with(tmp_path, {"dokumen/laporan-contoh-dua.md": (
        "---\ntitle: Laporan Kegiatan KIM Contoh Dua\nslug: laporan-contoh-dua\n"
        "berkas: berkas/laporan.pdf\ndate: 2019-01-10\njenis: laporan\nkim:\n  - contoh-dua\n"
        "ringkasan: Laporan rekaan.\n---\n\nDokumen rekaan.\n")})
    shutil.copyfile(content / "berkas" / "sk-contoh-satu.pdf", content / "berkas" / "laporan.pdf")
    result = build(content, tmp_path / "output")
    assert result.returncode == 0, result.stdout + result.stderr
    listing = tree(tmp_path / "output", "dokumen")
    filters = {words(a): a.attributes["href"] for a in listing.css(".filters a")}
    assert filters == {"Semua": "/dokumen/", "SK (1)": "/dokumen/jenis/sk/",
                       "laporan (1)": "/dokumen/jenis/laporan/",
                       "KIM Contoh Satu (1)": "/dokumen/kim/contoh-satu/",
                       "KIM Contoh Dua (1)": "/dokumen/kim/contoh-dua/"}
