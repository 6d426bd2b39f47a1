"""Build the sample and the fixture content and check what readers get."""

import re
import shutil
from pathlib import Path

import feedparser
import pytest
from selectolax.lexbor import LexborHTMLParser

from conftest import ROOT, SAMPLE, bench_script, build, tree_digest
from quality.catalogue import BY_ID, PAGE_TYPES, examples
from quality.links import check_links

KIM_SLUGS = ["sanggar-sahaluan", "agrowisata-taman-kelinci", "pigaman", "palae", "sari-rasa",
             "agrowisata-education"]


def page(site, url):
    path = Path(site) / url.strip("/") / "index.html" if not url.endswith(".html") \
        else Path(site) / url
    return LexborHTMLParser(path.read_text(encoding="utf-8"))


def text(tree, selector="main"):
    return " ".join(tree.css_first(selector).text(separator=" ").split())


def test_the_full_test_content_has_every_page_type(full_site):
    found = examples(full_site)
    assert set(found) == {page_type.id for page_type in PAGE_TYPES}


@pytest.mark.parametrize("page_id", [page_type.id for page_type in PAGE_TYPES])
def test_every_page_type_is_built_in_indonesian(full_site, page_id):
    address = BY_ID[page_id].example(full_site)
    tree = page(full_site, address.split("?")[0])
    assert tree.css_first("html").attributes["lang"] == "id"
    assert tree.css_first("h1").text().strip()
    assert tree.css_first("a.skip-link").attributes["href"] == "#isi"


def test_every_folder_the_site_writes_at_its_root_is_a_reserved_page_slug(full_site):
    """A page whose slug is a folder the portal writes would be overwritten by
    it (or overwrite it): every top-level folder of a site with every content
    type is a static page's own or reserved (model/schema.py, listed in the
    editors' guide)."""
    from portal.model.schema import RESERVED_PAGE_SLUGS

    root = Path(full_site)
    # The static pages' own folders: their slugs, in the content beside the output.
    pages = set(re.findall(r"(?m)^slug: *(\S+)", "\n".join(
        path.read_text(encoding="utf-8")
        for path in (root.parent / "content" / "halaman").glob("*.md"))))
    assert pages
    folders = {path.name for path in root.iterdir() if path.is_dir()}
    assert folders - pages <= RESERVED_PAGE_SLUGS, sorted(folders - pages - RESERVED_PAGE_SLUGS)


def test_kecamatan_page_links_a_list_only_where_it_shows_part_of_it(full_site):
    lama = page(full_site, "/kecamatan/kotawaringin-lama/")
    assert len(lama.css("#kim + ul .card")) == len(lama.css("#potensi + ul .card")) == 6
    assert [a.attributes["href"] for a in lama.css(".more a")] == [
        "/kecamatan/kotawaringin-lama/kim/", "/kecamatan/kotawaringin-lama/potensi/",
        "/kecamatan/kotawaringin-lama/berita/"]
    kumai = page(full_site, "/kecamatan/kumai/")
    # Kumai has coming activities (valid-minimal's agenda): the whole agenda and its
    # calendar (to subscribe to: webcal://) are linked from its "Agenda terdekat".
    assert [a.attributes["href"] for a in kumai.css(".more a")] == [
        "/agenda/", "webcal://localhost:8000/kecamatan/kumai/agenda.ics",
        "/kecamatan/kumai/berita/", "/kecamatan/kumai/ringkasan/"]
    assert not (Path(full_site) / "kecamatan" / "kumai" / "kim").exists()
    assert not (Path(full_site) / "kecamatan" / "kumai" / "potensi").exists()
    directory = page(full_site, "/kim/")
    assert [a.attributes["href"] for a in directory.css(".more a")] == [
        "/kecamatan/kotawaringin-lama/kim/"]


def test_archive_lists_years_and_months_with_counts(sample_site):
    archive = page(sample_site, "/arsip/")
    assert not archive.css(".teaser")
    months = {a.text(): a.attributes["href"] for a in archive.css(".count-list a")}
    assert months["September 2018"] == "/arsip/2018/09/"
    assert "2 tulisan" in text(archive, "#tahun-2018 + ul")
    year = page(sample_site, "/arsip/2018/")
    assert [a.attributes["href"] for a in year.css(".count-list a")] == [
        "/arsip/2018/09/", "/arsip/2018/08/"]
    month = page(sample_site, "/arsip/2018/09/")
    assert "/arsip/2018/" in [a.attributes["href"] for a in month.css(".breadcrumbs a")]


def test_kim_directory_groups_all_six_kim_under_their_kecamatan(sample_site):
    tree = page(sample_site, "/kim/")
    sections = {s.css_first("h2").attributes["id"]: s for s in tree.css("main section")}
    assert list(sections) == ["arut-selatan", "kumai", "kotawaringin-lama", "arut-utara",
                              "pangkalan-lada", "pangkalan-banteng"]

    def kim_links(section):
        return sorted(a.attributes["href"] for a in section.css(".card__title a"))

    assert kim_links(sections["arut-selatan"]) == [
        "/kim/agrowisata-taman-kelinci/", "/kim/pigaman/", "/kim/sanggar-sahaluan/"]
    assert kim_links(sections["kumai"]) == ["/kim/palae/", "/kim/sari-rasa/"]
    assert kim_links(sections["pangkalan-lada"]) == ["/kim/agrowisata-education/"]
    for empty in ("kotawaringin-lama", "arut-utara", "pangkalan-banteng"):
        assert kim_links(sections[empty]) == []
        assert "Belum ada KIM terdaftar" in text(sections[empty], "section")


def test_kim_profile_lists_its_potensi_news_place_and_feed(sample_site):
    tree = page(sample_site, "/kim/palae/")
    potensi = [a.attributes["href"] for a in tree.css("#potensi + ul .card__title a")]
    assert "/potensi/perpusdes-pondok-madani/" in potensi
    news = [a.attributes["href"] for a in tree.css(".teaser__title a")]
    assert "/berita/enam-kim-resmi-dibentuk-di-kobar/" in news
    osm = tree.css_first("a.location__map").attributes["href"]
    assert osm.startswith("https://www.openstreetmap.org/?mlat=-2.7398&mlon=111.7197")
    assert "perkiraan" in text(tree, ".location")
    feed = tree.css_first('link[type="application/atom+xml"][href*="/feeds/kim/"]')
    assert feed.attributes["href"] == "/feeds/kim/palae.atom.xml"


def test_founding_article_links_all_six_kim_and_shows_indonesian_date(sample_site):
    tree = page(sample_site, "/berita/enam-kim-resmi-dibentuk-di-kobar/")
    linked = sorted(a.attributes["href"] for a in tree.css("#kim-terkait + ul a"))
    assert linked == sorted(f"/kim/{slug}/" for slug in KIM_SLUGS)
    assert tree.css_first("time").text().startswith("Kamis, 20 September 2018")
    assert tree.css_first("time").attributes["datetime"].startswith("2018-09-20T")
    assert tree.css_first("time").attributes["datetime"].endswith("+07:00")
    share = [a.attributes["href"] for a in tree.css(".share__link")]
    assert share[0].startswith("https://wa.me/?text=")
    for profile in KIM_SLUGS:
        assert "/berita/enam-kim-resmi-dibentuk-di-kobar/" in [
            a.attributes["href"] for a in page(sample_site, f"/kim/{profile}/").css(
                ".teaser__title a")]


def test_kecamatan_page_shows_its_kim_potensi_and_news(sample_site):
    tree = page(sample_site, "/kecamatan/kumai/")
    kims = sorted(a.attributes["href"] for a in tree.css("#kim + ul .card__title a"))
    assert kims == ["/kim/palae/", "/kim/sari-rasa/"]
    assert tree.css("#potensi + ul .card")
    assert tree.css("#berita + ul .teaser")


def test_potensi_page_shows_price_in_rupiah_and_falls_back_to_kim_location(sample_site):
    tree = page(sample_site, "/potensi/taman-kelinci/")
    facts = text(tree, "dl.facts")
    assert "Rp10.000 per orang" in facts
    assert "Agrowisata" in facts
    location = text(tree, ".location")
    assert "pusat desa" in location
    assert "-2.8177, 111.5544" in location


def test_potensi_catalogue_and_category_pages(sample_site):
    catalogue = page(sample_site, "/potensi/")
    items = catalogue.css(".card__title a")
    assert len(items) == len(list((SAMPLE / "potensi").glob("*.md")))
    filters = [a.attributes["href"] for a in catalogue.css(".filters a")]
    assert "/potensi/kategori/agrowisata/" in filters
    agro = page(sample_site, "/potensi/kategori/agrowisata/")
    assert "/potensi/taman-kelinci/" in [a.attributes["href"] for a in agro.css(".card__title a")]


def test_the_sample_without_fact_checks_has_no_fact_check_list(sample_site):
    """A list appears with its first entry (Portal.has), never as "Belum ada"."""
    assert not (sample_site / "cek-fakta").exists()
    assert 'href="/cek-fakta/' not in (sample_site / "index.html").read_text()


def test_fact_check_fixture_shows_claim_and_verdict(fixture_site):
    listing = page(fixture_site, "/cek-fakta/")
    teaser = listing.css_first(".teaser")
    assert teaser is not None
    assert teaser.css_first(".verdict--hoaks").text() == "[HOAKS]"
    article_url = teaser.css_first(".teaser__title a").attributes["href"]
    article = page(fixture_site, article_url)
    assert article.css_first("h1 .verdict").text() == "[HOAKS]"
    assert article.css_first(".claim__text").text().strip()
    assert "Penjelasan" in [h.text() for h in article.css("h2")]
    assert article.css_first("title").text().startswith("[HOAKS] ")


def test_whatsapp_order_link_is_prefilled(fixture_site):
    potensi = next((Path(fixture_site) / "potensi").glob("*/index.html"))
    tree = LexborHTMLParser(potensi.read_text(encoding="utf-8"))
    button = tree.css_first("a.button--whatsapp")
    # The number on the button: it is not listed again under Kontak.
    assert button.text() == "Pesan lewat WhatsApp 0812-0000-0001"
    assert re.match(r"^https://wa\.me/628\d+\?text=Halo%2C%20saya%20melihat%20",
                    button.attributes["href"])


def sample_with_news(folder, news):
    """A copy of the frozen sample in `folder` with more news:
    {file name: (title, date)}, each an announcement with a one-word body."""
    content = folder / "content"
    shutil.copytree(SAMPLE, content)
    for name, (title, when) in news.items():
        (content / "berita" / f"{name}.md").write_text(
            f"---\ntitle: {title}\ndate: {when}\ncategory: Pengumuman\n---\nIsi.\n",
            encoding="utf-8")
    return content


def assert_two_pages(output, address, item, per_page, total):
    """The list at `address` shows `per_page` of its `total` `item`s and
    links to its second page, which shows the rest and says it is the last;
    no link of the site is broken."""
    first = page(output, address)
    assert len(first.css(item)) == per_page
    assert first.css_first('a[rel="next"]').attributes["href"] == f"{address}halaman/2/"
    second = page(output, f"{address}halaman/2/")
    assert len(second.css(item)) == total - per_page
    assert "Halaman 2 dari 2" in text(second, ".pagination")
    assert check_links(output) == []


def test_berita_list_paginates(tmp_path):
    content = sample_with_news(tmp_path, {
        f"tambahan-{number}": (f"Berita tambahan nomor {number}", f"2020-01-{number + 1:02d}")
        for number in range(12)})
    output = tmp_path / "output"
    result = build(content, output)
    assert result.returncode == 0, result.stderr
    assert_two_pages(output, "/berita/", ".teaser", per_page=10, total=16)


@pytest.mark.parametrize("feed", [
    "feeds/semua.atom.xml", "feeds/kategori/berita.atom.xml", "feeds/kim/palae.atom.xml"])
def test_feeds_parse_and_titles_carry_no_markup(sample_site, feed):
    parsed = feedparser.parse((Path(sample_site) / feed).read_bytes())
    assert not parsed.bozo, parsed.bozo_exception
    assert parsed.entries
    for entry in parsed.entries:
        assert "<" not in entry.title and "&nbsp;" not in entry.title
        assert re.search(r"/berita/[a-z0-9-]+/$", entry.link)


def test_titles_and_attributes_carry_no_typogrify_markup(sample_site):
    for path in Path(sample_site).rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
        assert "<" not in title and "&lt;" not in title, path
        for value in re.findall(r'(?:content|alt|title)="([^"]*)"', html):
            assert "<span" not in value and "&lt;span" not in value, path


def test_typogrify_is_applied_to_content(sample_site):
    html = (Path(sample_site) / "berita/enam-kim-resmi-dibentuk-di-kobar/index.html").read_text()
    assert "&nbsp;" in html  # widont keeps the last two words together


def test_every_internal_link_and_anchor_resolves(sample_site, fixture_site):
    assert check_links(sample_site) == []
    assert check_links(fixture_site) == []


def test_link_checker_reports_a_broken_link_and_anchor(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text(
        '<a href="/b/">x</a><a href="/a/#nope">y</a><a href="#ada">z</a><p id="ada"></p>')
    problems = check_links(tmp_path)
    assert len(problems) == 2
    assert "a/index.html: tautan '/b/'" in problems[0]
    assert "#nope" in problems[1]


# Pagefind writes its filter index and the metadata file that names it in
# hash-map order, so those differ between runs even for the same pages
# (https://github.com/Pagefind/pagefind/issues/638: fragments were made
# stable in 1.3.0, filter/metadata indexes were not). Everything else,
# including the search fragments and word index, must be identical.
def test_two_builds_of_the_same_input_are_byte_identical(sample_site, tmp_path):
    again = tmp_path / "again"
    result = build(SAMPLE, again)
    assert result.returncode == 0, result.stderr

    # The search index too (search.steady puts Pagefind's filter order right).
    first, second = tree_digest(sample_site), tree_digest(again)
    assert second == first
    assert sum(1 for k in first if k.startswith("pagefind/fragment/")) > 10
    assert sum(1 for k in first if k.startswith("pagefind/filter/")) == 2


def test_articles_of_the_same_moment_are_in_the_same_order_in_every_build(tmp_path):
    """Pelican reads files in an order that changes with Python's string
    hashing; articles dated alike must still get the same neighbours."""
    content = sample_with_news(tmp_path, {
        f"kembar-{number}": (f"Kabar kembar {number}", "2020-02-02 10:00") for number in range(6)})
    digests = []
    for seed in ("1", "2", "3"):
        result = build(content, tmp_path / f"hasil-{seed}", env={"PYTHONHASHSEED": seed})
        assert result.returncode == 0, result.stderr
        digests.append(tree_digest(tmp_path / f"hasil-{seed}"))
    assert digests[0] == digests[1] == digests[2]


def test_production_build_uses_absolute_urls(tmp_path):
    output = tmp_path / "prod"
    result = build(SAMPLE, output, "publishconf.py",
                   {"PORTAL_SITEURL": "https://kim.contoh.test"})
    assert result.returncode == 0, result.stderr
    html = (output / "kim/palae/index.html").read_text()
    assert 'href="https://kim.contoh.test/kim/"' in html
    for path in output.rglob("*.html"):
        rooted = re.findall(r'(?:href|src)="(/[^"]*)"', path.read_text())
        assert rooted == [], f"{path}: root-relative links in a production build: {rooted[:3]}"
    assert check_links(output, "https://kim.contoh.test") == []
    feed = feedparser.parse((output / "feeds/semua.atom.xml").read_bytes())
    assert feed.entries
    assert all(e.link.startswith("https://kim.contoh.test/berita/") for e in feed.entries)


def test_plugin_failure_is_fatal(tmp_path):
    """A build whose plugin cannot load must fail, not silently skip pages."""
    settings = tmp_path / "rusak.py"
    settings.write_text(
        (ROOT / "pelicanconf.py").read_text() + "\nPLUGINS = ['portal_tidak_ada']\n"
        f"PLUGIN_PATHS = [{str(ROOT / 'plugins')!r}]\nTHEME = {str(ROOT / 'theme')!r}\n")
    result = build(SAMPLE, tmp_path / "out", settings)
    assert result.returncode != 0


def test_hashed_base_and_page_sheets_with_tokens_dark_mode_and_print(sample_site):
    folder = Path(sample_site) / "theme" / "css"
    bases = list(folder.glob("portal.*.css"))
    assert len(bases) == 1
    css = bases[0].read_text()
    assert ":root" in css and "--" in css
    assert "@media (prefers-color-scheme: dark)" in css
    assert "@media print" in css
    assert "/*" not in css  # bundled without comments (output/assets.py)
    # The home page links the base sheet and its own (portal-beranda.*.css).
    home = list(folder.glob("portal-beranda.*.css"))
    html = (Path(sample_site) / "index.html").read_text()
    assert re.findall(r'<link rel="stylesheet" href="([^"]+)"', html) == [
        f"/theme/css/{bases[0].name}", f"/theme/css/{home[0].name}"]
    # A page of no particular kind links the base sheet alone.
    listing = (Path(sample_site) / "berita" / "index.html").read_text()
    assert re.findall(r'<link rel="stylesheet" href="([^"]+)"', listing) == [
        f"/theme/css/{bases[0].name}"]
    # Data only, and the one deferred script of reading offline (offline.py).
    scripts = re.findall(r"<script[^>]*>", html)
    offline = '<script defer src="/theme/js/luring.js">'
    assert scripts.count(offline) == 1
    assert [tag for tag in scripts if tag != offline] == \
        ['<script type="application/ld+json">'] * (len(scripts) - 1)
    assert "<style" not in html and " style=" not in html


def test_statistics_show_svg_charts_with_the_same_numbers_in_tables(sample_site):
    tree = page(sample_site, "/statistik/")
    charts = tree.css("svg.chart")
    assert len(charts) == 3
    for chart in charts:
        assert chart.attributes["role"] == "img"
        assert chart.css_first("title").text()
    # The first table, of unlike things (KIM, berita, potensi), has no chart.
    tables = tree.css("table.table")
    assert len(tables) == 4
    kecamatan = {row.css_first("th").text(strip=True): row.css_first("td").text()
                 for row in tables[1].css("tbody tr")}
    assert kecamatan == {"Arut Selatan": "3", "Kumai": "2", "Kotawaringin Lama": "0",
                         "Arut Utara": "0", "Pangkalan Lada": "1", "Pangkalan Banteng": "0"}
    drawn = [t.text() for t in charts[0].css("text.chart__value")]
    assert drawn == list(kecamatan.values())
    months = {row.css_first("th").text(strip=True): int(row.css_first("td").text())
              for row in tables[3].css("tbody tr")}
    assert months["September 2018"] == 2
    assert sum(months.values()) == len(list((SAMPLE / "berita").glob("*.md")))


def test_potensi_catalogue_and_categories_paginate(tmp_path):
    content = bench_script("generate").generate(tmp_path / "content", 100)  # 10 KIM, 30 potensi
    output = tmp_path / "output"
    result = build(content, output, overrides={"SEARCH_INDEX": False})
    assert result.returncode == 0, result.stderr
    assert_two_pages(output, "/potensi/", ".card", per_page=24, total=30)


def test_a_kim_without_news_has_a_feed_dated_by_the_site_not_the_clock(tmp_path):
    import shutil

    content = tmp_path / "content"
    shutil.copytree(SAMPLE, content)
    profile = (content / "kim" / "palae.md").read_text()
    (content / "kim" / "kim-baru.md").write_text(
        profile.replace("title: KIM Palae", "title: KIM Baru", 1).replace(
            "slug: palae", "slug: kim-baru", 1))
    result = build(content, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    feed = (tmp_path / "out" / "feeds" / "kim" / "kim-baru.atom.xml").read_text()
    assert "<entry>" not in feed
    newest = max((tmp_path / "out" / "feeds" / "semua.atom.xml").read_text()
                 .split("<updated>")[1:], key=lambda part: part[:25])[:25]
    assert f"<updated>{newest}</updated>" in feed
