"""Link previews (Open Graph, canonical), JSON-LD, sitemap.xml and robots.txt."""

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from PIL import Image
from selectolax.lexbor import LexborHTMLParser

from quality.pages import EDITOR_PREFIXES

BASE = "http://localhost:8000"

REQUIRED = {
    "NewsArticle": ("headline", "url", "datePublished", "image", "author", "publisher"),
    "ClaimReview": ("claimReviewed", "reviewRating", "url", "author", "datePublished",
                    "itemReviewed"),
    "Organization": ("name", "url"),
    "Place": ("name",),
    "BreadcrumbList": ("itemListElement",),
    "WebSite": ("name", "url"),
    "Event": ("name", "startDate", "location", "eventStatus", "url"),
    "VideoObject": ("name", "description", "thumbnailUrl", "uploadDate", "embedUrl"),
    "ImageGallery": ("name", "url", "image"),
    "DigitalDocument": ("name", "url", "datePublished", "encodingFormat"),
}


def pages(site):
    for path in sorted(Path(site).rglob("*.html")):
        name = path.relative_to(site).as_posix()
        if name.startswith(EDITOR_PREFIXES):  # the web editor is no page for readers
            continue
        yield name, LexborHTMLParser(path.read_text())


def json_ld(tree):
    return [json.loads(node.text()) for node in tree.css('script[type="application/ld+json"]')]


def test_every_page_has_canonical_and_link_preview_tags(full_site):
    for name, tree in pages(full_site):
        meta = {node.attributes.get("property") or node.attributes.get("name"):
                node.attributes.get("content") for node in tree.css("meta[content]")}
        for key in ("og:title", "og:description", "og:url", "og:image", "og:type",
                    "og:image:width", "og:image:height", "og:image:alt", "twitter:card",
                    "description"):
            assert meta.get(key), f"{name}: {key} kosong"
        assert meta["og:image"].startswith(BASE + "/"), name
        image = Path(full_site) / meta["og:image"].removeprefix(BASE + "/")
        assert image.is_file(), f"{name}: {meta['og:image']}"
        with Image.open(image) as opened:
            assert opened.size == (int(meta["og:image:width"]), int(meta["og:image:height"]))
            assert Image.MIME[opened.format] == meta["og:image:type"], name
        assert "<" not in meta["og:title"] and "&" not in meta["og:title"]
        if name == "404.html":
            continue
        canonical = tree.css_first('link[rel="canonical"]').attributes["href"]
        expected = BASE + "/" + name.removesuffix("index.html")
        assert canonical == expected == meta["og:url"], name


def og(tree, key):
    node = tree.css_first(f'meta[property="og:{key}"]')
    return node.attributes["content"] if node else None


PREVIEWED = ("kim/", "potensi/", "berita/")  # and fact checks, which are articles


def test_every_kim_potensi_and_article_has_its_own_preview(full_site):
    """Each is 1200x630, under 300 KB, at an absolute URL, and no two
    pages share one; the other pages show the site's."""
    seen = {}
    kinds = set()
    for name, tree in pages(full_site):
        url = og(tree, "image")
        own = tree.css_first("article.profile, article.article") is not None and \
            name.startswith(PREVIEWED) and "/draf/" not in name
        if not own:
            assert url == f"{BASE}/theme/og-default.png", name
            continue
        assert url.startswith(f"{BASE}/pratinjau/"), f"{name}: {url}"
        assert url not in seen, f"{name} and {seen.get(url)} share {url}"
        seen[url] = name
        path = Path(full_site) / url.removeprefix(BASE + "/")
        assert path.stat().st_size < 300_000, f"{name}: {path.stat().st_size} bytes"
        with Image.open(path) as image:
            assert image.size == (1200, 630), name
        kinds.add(name.split("/")[0] + ("-cek-fakta" if tree.css_first(".claim") else ""))
    assert kinds == {"kim", "potensi", "berita", "berita-cek-fakta"}


def test_preview_alt_text_says_what_the_card_shows(full_site):
    tree = LexborHTMLParser((Path(full_site) / "berita/cek-fakta-klaim-rekaan-tentang-kim-contoh"
                             / "index.html").read_text())
    alt = og(tree, "image:alt")
    assert alt.startswith("Cek Fakta: Klaim Rekaan tentang KIM Contoh."), alt
    assert "Cek Fakta · HOAKS" in alt and "KIM Contoh Satu · Kecamatan Kumai" in alt, alt
    assert alt.endswith("Portal KIM Kotawaringin Barat."), alt
    # The fixture's photo is 8 px: too small to be drawn, so not described.
    assert "Foto" not in alt


def test_default_preview_shows_the_whole_subtitle(full_site):
    """The old static image cut it off ("…Informasi Masyara")."""
    from portal.output import previews

    card = previews.site_card("Portal KIM Kotawaringin Barat",
                              "Kabar dan potensi lokal dari Kelompok Informasi Masyarakat")
    _, title_lines, _, lines = previews.layout(card, previews.TEXT_WIDTH)
    assert " ".join(title_lines) == card.title
    assert " ".join(lines) == card.lines[0]
    with Image.open(Path(full_site) / "theme/og-default.png") as image:
        assert image.size == (1200, 630)


def test_every_json_ld_block_parses_and_has_its_required_fields(full_site):
    seen = set()
    for name, tree in pages(full_site):
        for data in json_ld(tree):
            kind = data["@type"]
            seen.add(kind)
            assert data["@context"] == "https://schema.org", name
            for field in REQUIRED[kind]:
                assert data.get(field) not in (None, "", []), f"{name}: {kind}.{field}"
            if kind == "BreadcrumbList":
                items = data["itemListElement"]
                assert [i["position"] for i in items] == list(range(1, len(items) + 1))
                assert items[-1]["item"] == BASE + "/" + name.removesuffix("index.html")
    assert seen == set(REQUIRED)


def test_claim_review_has_what_fact_check_tools_read(full_site):
    listing = LexborHTMLParser((Path(full_site) / "cek-fakta/index.html").read_text())
    url = listing.css_first(".teaser__title a").attributes["href"]
    tree = LexborHTMLParser((Path(full_site) / url.strip("/") / "index.html").read_text())
    review = next(d for d in json_ld(tree) if d["@type"] == "ClaimReview")
    assert 0 < len(review["claimReviewed"]) < 75
    assert review["reviewRating"]["alternateName"] == "HOAKS"
    assert review["reviewRating"]["ratingValue"] == 1
    assert review["url"] == BASE + url
    assert review["itemReviewed"]["@type"] == "Claim"
    assert review["itemReviewed"]["appearance"]["name"]
    assert re.match(r"^\d{4}-\d{2}-\d{2}$", review["itemReviewed"]["datePublished"])
    assert re.match(r"^\d{4}-\d{2}-\d{2}$", review["datePublished"])


def test_sitemap_lists_exactly_the_pages_that_exist(full_site):
    root = ET.parse(Path(full_site) / "sitemap.xml").getroot()
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = [node.text for node in root.findall("s:url/s:loc", namespace)]
    pages_on_disk = sorted(
        p.relative_to(full_site).as_posix().removesuffix("index.html")
        for p in Path(full_site).rglob("index.html")
        if not str(p).count("/draf/") and not str(p).count("/admin/")
        # Posters: printable copies of listed pages (noindex).
        and '<meta name="robots" content="noindex">' not in p.read_text())
    assert sorted(loc.removeprefix(BASE + "/") for loc in locs) == pages_on_disk
    assert BASE + "/kim/palae/" in locs


def test_robots_txt_points_at_the_sitemap(full_site):
    robots = (Path(full_site) / "robots.txt").read_text()
    assert "User-agent: *" in robots
    assert f"Sitemap: {BASE}/sitemap.xml" in robots


def test_sitemap_splits_above_the_protocol_limit(tmp_path, monkeypatch):
    from portal.output import sitemap

    monkeypatch.setattr(sitemap, "MAX_URLS", 2)
    for name in ("a", "b", "c"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "index.html").write_text("x")
    sitemap.write(tmp_path, "https://contoh.test")
    index = (tmp_path / "sitemap.xml").read_text()
    assert "<sitemapindex" in index and "sitemap-2.xml" in index
    assert (tmp_path / "sitemap-1.xml").read_text().count("<loc>") == 2
