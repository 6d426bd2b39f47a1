"""What readers see of the editors' text and the site's frame: no empty
sections from an unfinished scaffold, a body's `#` heading kept as a section
heading, breadcrumbs without repeated steps, Peta and Statistik in the main
menu, feeds in plain words."""

import json
import re
import shutil

import pytest

from conftest import FIXTURES, build
from portal.intake.rendering import demote_headings, drop_empty_sections
from portal.model.scaffolds import scaffold
from portal.model.schema import KIM


def test_headings_with_nothing_under_them_are_dropped():
    assert drop_empty_sections(
        "<h2>Profil</h2>\n<p>Isi.</p>\n<h2>Visi dan misi</h2>\n<h2>Program</h2>\n"
    ).split() == ["<h2>Profil</h2>", "<p>Isi.</p>"]
    # A heading whose subsection has text keeps it; one whose subsections
    # are all empty goes with them.
    assert drop_empty_sections("<h2>A</h2><h3>B</h3><p>b</p>") == "<h2>A</h2><h3>B</h3><p>b</p>"
    assert drop_empty_sections("<h2>A</h2>\n<h3>B</h3>\n<h2>C</h2><p>c</p>").split() == [
        "<h2>C</h2><p>c</p>"]


def test_a_body_with_h1_moves_every_heading_one_level_down():
    assert demote_headings('<h1 id="a">A</h1><p>x</p><h2>B</h2><h6>F</h6>') == \
        '<h2 id="a">A</h2><p>x</p><h3>B</h3><h6>F</h6>'
    assert demote_headings("<h2>B</h2><h3>C</h3>") == "<h2>B</h2><h3>C</h3>"


@pytest.fixture(scope="module")
def edited_site(tmp_path_factory):
    """The fictional content with a KIM profile whose body is a new file's
    scaffold with only its first section filled in, and an article whose
    body uses `#` headings."""
    folder = tmp_path_factory.mktemp("pembaca")
    content = folder / "content"
    shutil.copytree(FIXTURES / "valid-minimal" / "content", content)
    kim = content / "kim" / "contoh-dua.md"
    front, _ = kim.read_text(encoding="utf-8").rsplit("---", 1)
    body = scaffold(KIM, {"title": "x"}).rsplit("---", 1)[1]
    body = body.replace("## Profil\n", "## Profil\n\nProfil rekaan kedua.\n", 1)
    kim.write_text(front + "---" + body, encoding="utf-8")
    article = content / "berita" / "contoh-berita.md"
    front, _ = article.read_text(encoding="utf-8").rsplit("---", 1)
    article.write_text(front + "---\n\n# Latar\n\nAwal cerita.\n\n## Rinci\n\nLanjutan.\n",
                       encoding="utf-8")
    output = folder / "output"
    result = build(content, output)
    assert result.returncode == 0, result.stdout + result.stderr
    return output


def test_unfilled_scaffold_sections_and_notes_are_not_published(edited_site):
    page = (edited_site / "kim" / "contoh-dua" / "index.html").read_text(encoding="utf-8")
    assert re.search(r"<h2[^>]*>Profil</h2>\s*<p>Profil rekaan(&nbsp;| )kedua.</p>", page)
    assert "Visi dan misi" not in page and "Program kegiatan" not in page
    assert "Catatan di antara" not in page and "<!--" not in page


def test_body_h1_is_a_section_heading(edited_site):
    page = next(text for path in (edited_site / "berita").rglob("index.html")
                if "Awal" in (text := path.read_text(encoding="utf-8")))
    assert re.search(r"<h2[^>]*>Latar</h2>\s*<p>Awal(&nbsp;| )cerita.</p>", page)
    assert re.search(r"<h3[^>]*>Rinci</h3>", page)
    assert page.count("<h1") == 1


def test_breadcrumbs_name_no_step_twice(sample_site):
    for path in sample_site.rglob("index.html"):
        text = path.read_text(encoding="utf-8")
        crumbs = re.search(r'<ol class="breadcrumbs__list">(.*?)</ol>', text, re.S)
        if not crumbs:
            continue
        labels = [re.sub(r"<[^>]+>", "", item).strip()
                  for item in re.findall(r"<li[^>]*>(.*?)</li>", crumbs[1], re.S)]
        assert len(labels) == len(set(labels)), (path, labels)
        data = next(json.loads(block) for block in re.findall(
            r'<script type="application/ld\+json">(.*?)</script>', text, re.S)
            if '"BreadcrumbList"' in block)
        assert len(data["itemListElement"]) == len(labels), path
    article = (sample_site / "berita" / "kobar-rencanakan-lima-kim" / "index.html").read_text()
    assert re.search(r'<a href="/kategori/berita/">Berita</a></li>\s*<li class="breadcrumbs__item"'
                     r' aria-current="page">Kobar', article)


def test_main_menu_reaches_map_and_statistics_and_feeds_say_langganan(sample_site):
    home = (sample_site / "index.html").read_text(encoding="utf-8")
    menu = re.search(r'<nav class="site-nav" aria-label="Menu utama">(.*?)</nav>', home, re.S)[1]
    assert '<a class="site-nav__link" href="/peta/">Peta</a>' in menu
    assert '<a class="site-nav__link" href="/statistik/">Statistik</a>' in menu
    # One footer link to the feeds page, not a format's name on every page
    # (issue 26, point 9); the pages' <link rel="alternate"> stays.
    assert '<a href="/feeds/">Langganan berita dan kalender</a>' in home
    assert "RSS/Atom" not in home and 'rel="alternate" type="application/atom+xml"' in home
    statistik = (sample_site / "statistik" / "index.html").read_text(encoding="utf-8")
    assert 'href="/statistik/" aria-current="page">Statistik' in statistik
    for path in sample_site.rglob("*.html"):
        assert "Umpan Atom" not in path.read_text(encoding="utf-8"), path


# -- honest pages: what there is, never what is missing (issue 26) -------------

def test_no_reader_page_shows_field_names_reminders_or_day_counts(sample_site, full_site):
    from quality.reader_text import check_reader_text

    for site in (sample_site, full_site):
        assert check_reader_text(site) == []


def test_the_reader_text_check_finds_what_is_for_editors(tmp_path):
    from quality.reader_text import check_reader_text

    page = tmp_path / "kim" / "uji" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text(
        '<!doctype html><html lang="id"><head><title>x</title></head><body>'
        "<p>Kontak belum diisi (kolom <code>kontak</code>)</p>"
        "<p>Unggahan terakhir 11 Juni 2019 (2.736 hari lalu)</p>"
        '<div data-editor-text><p>Isi kolom `kontak` bila belum diisi, 3 hari lalu.</p></div>'
        "</body></html>", encoding="utf-8")
    problems = check_reader_text(tmp_path)
    assert [problem.split("]")[0] for problem in problems] == [
        "kim/uji/index.html: [kode", "kim/uji/index.html: [pengingat-editor",
        "kim/uji/index.html: [nama-kolom", "kim/uji/index.html: [hitungan-hari"]
    # The editor's own text is theirs to write.
    assert not any("3 hari lalu" in problem for problem in problems)


SECTIONS = ("cek-fakta", "agenda", "galeri", "video", "dokumen")


def links_to(site, section):
    """The pages of `site` that link to the list page of `section`."""
    return [path.relative_to(site).as_posix() for path in sorted(site.rglob("*.html"))
            if f'href="/{section}/' in path.read_text(encoding="utf-8")]


def test_a_type_without_entries_has_no_page_menu_footer_or_home_link(sample_site):
    """The sample has no fact check, activity, album, video or document: none
    of their lists is written, and no menu, footer or home page leads to
    one (readers were led to "Belum ada ...")."""
    for section in SECTIONS:
        assert not (sample_site / section).exists(), section
        assert links_to(sample_site, section) == [], section
    assert not list((sample_site / "feeds").glob("*video*")), "a feed of no video"
    assert not list(sample_site.rglob("*.ics")), "a calendar of no activity"
    home = (sample_site / "index.html").read_text(encoding="utf-8")
    assert "cek fakta" not in home.lower() and "Belum ada" not in home


@pytest.fixture(scope="module")
def site_without_videos(tmp_path_factory):
    """The fictional content without its one video."""
    folder = tmp_path_factory.mktemp("tanpa-video")
    content = folder / "content"
    shutil.copytree(FIXTURES / "valid-minimal" / "content", content)
    shutil.rmtree(content / "video")
    output = folder / "output"
    result = build(content, output)
    assert result.returncode == 0, result.stdout + result.stderr
    return output


def test_a_type_appears_with_its_first_entry(site_without_videos, fixture_site):
    footer = re.compile(r'<footer class="site-footer">.*</footer>', re.S)
    without = footer.search((site_without_videos / "index.html").read_text())[0]
    with_one = footer.search((fixture_site / "index.html").read_text())[0]
    assert 'href="/video/"' not in without and 'href="/video/"' in with_one
    assert not (site_without_videos / "video").exists()
    assert not (site_without_videos / "feeds" / "video.atom.xml").exists()
    assert links_to(site_without_videos, "video") == []
    # The other types the content has are there, and linked.
    for section in ("cek-fakta", "agenda", "galeri", "dokumen"):
        assert (site_without_videos / section / "index.html").is_file(), section
        assert links_to(site_without_videos, section), section


@pytest.fixture(scope="module")
def site_of_kim_only(tmp_path_factory):
    """A portal's first day: KIM profiles, no published article and no
    potensi yet, and an editor's first draft (the development build shows
    it, the first of its category and its tag)."""
    folder = tmp_path_factory.mktemp("kim-saja")
    content = folder / "content"
    source = FIXTURES / "valid-minimal" / "content"
    for name in ("kim", "images"):
        shutil.copytree(source / name, content / name)
    shutil.copyfile(source / "situs.yml", content / "situs.yml")
    (content / "berita").mkdir()
    (content / "berita" / "2026-11-07-draf-pertama.md").write_text(
        "---\ntitle: Draf pertama\ndate: 2026-11-07 08:00\ncategory: Pengumuman\n"
        "slug: draf-pertama\nkim: [contoh-satu]\ntags: [tag-draf-saja]\nstatus: draft\n---\n"
        "Isi draf.\n", encoding="utf-8")
    output = folder / "output"
    result = build(content, output)
    assert result.returncode == 0, result.stdout + result.stderr
    return output


def test_a_portal_without_news_or_potensi_leads_nowhere_empty(site_of_kim_only):
    """No news list, category, tag or archive page, no potensi catalogue or
    category page, and nothing links to them, the draft's page neither (its
    category and tag are named, not linked); the menu has what there is."""
    from quality.site import check_site

    site = site_of_kim_only
    assert (site / "draf" / "berita" / "draf-pertama" / "index.html").is_file()
    for section in ("berita", "kategori", "tag", "arsip", "potensi"):
        assert not (site / section).exists(), section
        assert links_to(site, section) == [], section
    home = (site / "index.html").read_text(encoding="utf-8")
    menu = re.search(r'<nav class="site-nav" aria-label="Menu utama">(.*?)</nav>', home, re.S)[1]
    assert re.findall(r'class="site-nav__link" href="([^"]*)"', menu) == [
        "/", "/kim/", "/peta/", "/statistik/"]
    assert "Belum ada" not in home
    assert list(check_site(site)) == []


def test_send_information_says_how_to_reach_the_kim_that_have_contacts(sample_site,
                                                                        full_site):
    """With an empty situs.yml and no KIM contact (the sample), the page
    promises no channel "below" and shows no empty block; with contacts
    (the full site), it lists the KIM that have them, from their profiles."""
    from selectolax.lexbor import LexborHTMLParser

    def main(site):
        tree = LexborHTMLParser((site / "kirim-informasi" / "index.html").read_text())
        return tree.css_first("main")

    sample = main(sample_site)
    words = " ".join(sample.text().split())
    for promise in ("di bawah", "setelah diisi", "bila sudah tersedia"):
        assert promise not in words, promise
    assert sample.css_first("#kontak-kim, #kontak-pengelola, #lapor-hoaks") is None
    about = " ".join((sample_site / "tentang-portal" / "index.html").read_text().split())
    assert "setelah diisi" not in about and "di bagian bawah setiap halaman" not in about
    listed = main(full_site).css_first("#kontak-kim").parent
    links = [a.attributes["href"] for a in listed.css("a")]
    assert links == ["/kim/contoh-satu/", "https://wa.me/6281200000001",
                     "mailto:kim-contoh-satu@example.com"]


def theme_words(site, address):
    """The words of a page's main part that the theme writes: without the
    editor's own text (data-editor-text, and the summaries and titles on
    cards and teasers) and the breadcrumbs."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser((site / address / "index.html").read_text(encoding="utf-8"))
    main = tree.css_first("main")
    for node in main.css("[data-editor-text], .card__text, .teaser__summary, .card__title, "
                         ".teaser__title, .breadcrumbs, script"):
        node.decompose()
    return " ".join(main.text(separator=" ").replace("\xa0", " ").split())


def test_a_profile_states_each_fact_once(sample_site):
    """Desa and kecamatan in the KIM's facts, not again in a summary above
    them or on each card of its desa's potensi; a potensi's price in its
    facts, not again in the summary above them."""
    palae = theme_words(sample_site, "kim/palae")
    assert palae.count("Sungai Kapitan") == 1 and palae.count("Kumai") == 1
    assert palae.count("Dibentuk September 2018") == 1
    kelinci = theme_words(sample_site, "potensi/taman-kelinci")
    assert kelinci.count("Rp10.000") == 1 and kelinci.count("Kumpai Batu Atas") == 1
    # The summary stays what cards and link previews show.
    summary = "Agrowisata keluarga di Desa Kumpai Batu Atas"
    assert summary in (sample_site / "potensi" / "index.html").read_text()
    assert summary in (sample_site / "potensi" / "taman-kelinci" / "index.html").read_text()


def test_each_story_once_under_an_article(full_site):
    """Baca juga lists no story that the body links already or that the
    links to the stories before and after it name."""
    from selectolax.lexbor import LexborHTMLParser

    checked = 0
    for path in sorted((full_site / "berita").glob("*/index.html")):
        tree = LexborHTMLParser(path.read_text(encoding="utf-8"))
        related = {a.attributes["href"] for a in tree.css("#baca-juga + ul .teaser__title a")}
        elsewhere = {a.attributes["href"] for a in tree.css(".neighbours a, .prose a")}
        assert not related & elsewhere, path
        checked += bool(related)
    assert checked
