"""Link previews (Open Graph, canonical), JSON-LD, sitemap.xml and robots.txt."""

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
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
                    "twitter:card", "description"):
            assert meta.get(key), f"{name}: {key} kosong"
        assert meta["og:image"].startswith(BASE + "/"), name
        image = Path(full_site) / meta["og:image"].removeprefix(BASE + "/")
        assert image.is_file(), f"{name}: {meta['og:image']}"
        assert "<" not in meta["og:title"] and "&" not in meta["og:title"]
        if name == "404.html":
            continue
        canonical = tree.css_first('link[rel="canonical"]').attributes["href"]
        expected = BASE + "/" + name.removesuffix("index.html")
        assert canonical == expected == meta["og:url"], name


def test_article_preview_uses_its_photo(full_site):
    for name, tree in pages(full_site):
        figure = tree.css_first("figure.figure--lead img")
        if name.startswith("berita/") and figure is not None:
            og = tree.css_first('meta[property="og:image"]').attributes["content"]
            assert og == BASE + figure.attributes["src"]
            assert tree.css_first('meta[property="og:type"]').attributes["content"] == "article"
            return
    pytest.fail("no article with a photo in the test site")


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
        if not str(p).count("/draf/") and not str(p).count("/admin/"))
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
