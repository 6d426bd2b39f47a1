"""The portal's look: logo, icons, pictures on cards and pages, the home
page's blocks, and (in Chromium) the grid at desktop width, with screenshots.

Screenshots of the pages a resident sees first are written at 360 and
1280 px, light and dark, when PORTAL_SCREENSHOT_DIR names a folder
(README, "Tests"): `PORTAL_SCREENSHOT_DIR=screenshots pytest tests/test_visual.py`.
"""

import os
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from pelican.settings import read_settings
from pelican.urlwrappers import Category
from selectolax.lexbor import LexborHTMLParser

from conftest import ROOT
from portal.model.vocabulary import KATEGORI_BERITA, KATEGORI_POTENSI
from quality.catalogue import examples
from quality.pages import html_pages

SPRITE = ROOT / "theme" / "static" / "ikon.svg"
SPRITE_URL = "/theme/ikon.svg"
# What the home page leads to; the agenda only once there is an activity
# (the full site has some, the sample none).
DOORS = ("/kim/", "/potensi/", "/berita/", "/agenda/", "/peta/")


def page(site, address):
    return LexborHTMLParser((Path(site) / address.lstrip("/") / "index.html").read_text())


def sprite_ids():
    return set(re.findall(r'<symbol id="([^"]+)"', SPRITE.read_text(encoding="utf-8")))


def icon_of(node):
    """The sprite symbol a picture box or badge shows, or None."""
    use = node.css_first("use")
    return use.attributes["href"].split("#")[1] if use is not None else None


# -- the sprite ----------------------------------------------------------------

def test_sprite_has_a_symbol_for_every_category_of_the_vocabulary():
    # News categories get their slugs as Pelican gives a category its URL.
    settings = read_settings(str(ROOT / "pelicanconf.py"))
    news = {Category(name, settings).slug for name in KATEGORI_BERITA}
    wanted = {term.slug for term in KATEGORI_POTENSI} | news | {"kim", *map(
        lambda door: door.strip("/"), DOORS)}
    assert wanted - sprite_ids() == set()


def test_every_icon_on_every_page_is_in_the_sites_own_sprite(full_site):
    ids, used = sprite_ids(), set()
    for name, tree, _ in html_pages(full_site):
        for use in tree.css("use"):
            href = use.attributes.get("href") or ""
            url, _, symbol = href.partition("#")
            assert url == SPRITE_URL, f"{name}: icon from {href}"
            assert symbol in ids, f"{name}: no symbol {symbol!r} in the sprite"
            svg = use.parent
            assert svg.attributes.get("aria-hidden") == "true", f"{name}: {svg.html}"
            used.add(symbol)
    assert (Path(full_site) / SPRITE_URL.lstrip("/")).is_file()
    assert {"kim", "kuliner", "cek-fakta", "pengumuman", "peta"} <= used


# -- pictures on cards and pages -----------------------------------------------

def lead_photo(site, address):
    """The src of an item's own photo on its page, or None."""
    img = page(site, address).css_first(".figure--lead img")
    return img.attributes["src"] if img is not None else None


def logo(site, address):
    """The src of a KIM's logo on its page, or None."""
    img = page(site, address).css_first(".page-head .badge img")
    return img.attributes["src"] if img is not None else None


def item_icon(site, address):
    """The icon an item without photo should show: its category's."""
    if address.startswith("/agenda/"):
        return "agenda"  # an activity of the agenda
    tree = page(site, address)
    if address.startswith("/kim/"):
        return "kim"
    link = tree.css_first('a[href^="/potensi/kategori/"], .article__meta a[href^="/kategori/"]')
    return link.attributes["href"].rstrip("/").rsplit("/", 1)[1]


@pytest.mark.parametrize("listing,card", [
    ("/potensi/", ".card"), ("/kim/", ".card"), ("/kecamatan/kumai/", ".card"),
    ("/berita/", ".teaser"), ("/", ".teaser"), ("/kim/contoh-satu/", ".card, .teaser")])
def test_cards_show_the_items_photo_else_its_category_icon(full_site, listing, card):
    cards = page(full_site, listing).css(card)
    assert cards, f"{listing}: no {card}"
    with_photo = without = 0
    for node in cards:
        address = node.css_first(".card__title a, .teaser__title a").attributes["href"]
        media = node.css_first(".media")
        assert media is not None, f"{listing}: card of {address} has no picture"
        photo = lead_photo(full_site, address)
        img = media.css_first("img")
        if photo:
            with_photo += 1
            assert img is not None and img.attributes["src"] == photo, (
                f"{listing}: card of {address} does not show its photo {photo}")
            for attribute in ("width", "height", "srcset", "sizes"):
                assert img.attributes.get(attribute), f"{listing}: {address}: no {attribute}"
            assert img.attributes["alt"] == ""  # the card's title names it
        elif logo(full_site, address):
            assert "media__logo" in img.attributes["class"], f"{listing}: {address}"
            assert img.attributes["src"] == logo(full_site, address), f"{listing}: {address}"
        else:
            without += 1
            assert img is None, f"{listing}: card of {address} shows a photo it does not have"
            assert icon_of(media) == item_icon(full_site, address), (
                f"{listing}: card of {address} shows {icon_of(media)!r}")
    assert without, f"{listing}: no card without a photo was checked"


def test_pages_without_photo_show_their_category_icon(full_site):
    for address, icon in (("/potensi/taman-kelinci/", "agrowisata"), ("/kim/palae/", "kim"),
                          ("/berita/enam-kim-resmi-dibentuk-di-kobar/", "berita")):
        tree = page(full_site, address)
        assert tree.css_first(".figure--lead") is None
        assert icon_of(tree.css_first("h1").parent.css_first(".badge")) == icon, address
    for address in ("/potensi/contoh-potensi/", "/kim/contoh-satu/",
                    "/berita/berita-contoh-kegiatan-kim/"):
        tree = page(full_site, address)
        assert tree.css_first(".figure--lead img") is not None, address
        assert tree.css_first(".badge") is None, address


# -- logo -----------------------------------------------------------------------

def test_portal_logo_in_header_and_operators_logo_only_when_configured(full_site, sample_site):
    for site in (full_site, sample_site):
        logo = page(site, "/").css_first(".site-header__brand img")
        assert (Path(site) / logo.attributes["src"].lstrip("/")).is_file()
        assert logo.attributes["alt"] == ""  # the brand link's text names the portal
    operator = page(full_site, "/").css_first(".operator__logo")
    assert operator.attributes["src"] == "/images/contoh.png"
    assert operator.attributes["alt"] == "Logo Pengelola Rekaan Portal Contoh"
    # The sample's situs.yml has no operator: no logo, no block.
    assert page(sample_site, "/").css_first(".operator") is None


# -- home -----------------------------------------------------------------------

def test_home_leads_to_the_sections_and_hides_empty_blocks(sample_site, full_site):
    for site in (sample_site, full_site):
        home = page(site, "/")
        doors = [a.attributes["href"] for a in home.css(".doors a")]
        assert doors == [door for door in DOORS
                         if door != "/agenda/" or (Path(site) / "agenda").is_dir()]
        assert "Belum ada" not in home.body.text()
        counts = [li.css_first(".kecamatan-list__count").text() for li in home.css(
            ".kecamatan-list li")]
        assert counts and "0 KIM" not in counts
    # The sample has no fact check: no block for it; the full site has one.
    assert page(sample_site, "/").css_first("#cek-fakta-terbaru") is None
    assert page(full_site, "/").css_first("#cek-fakta-terbaru + ul .teaser") is not None
    # ...and there each story is once: no fact check among the latest news.
    news = {a.attributes["href"] for a in page(full_site, "/").css(
        "#berita-terbaru + ul .teaser__title a")}
    checks = {a.attributes["href"] for a in page(full_site, "/").css(
        "#cek-fakta-terbaru + ul .teaser__title a")}
    assert news and checks and not news & checks
    assert "/agenda/" not in [a.attributes["href"] for a in page(sample_site, "/").css(
        ".doors a")]


# -- in Chromium: the grid, the pictures, screenshots ---------------------------

# The pages a resident sees first (page ids of quality/catalogue.py). The
# poster helper adds its own screenshot (a PDF rendered to PNG) beside these.
SCREENSHOT_PAGES = ("beranda", "kim", "kim-profil-lengkap", "potensi", "potensi-profil",
                    "artikel", "artikel-cek-fakta", "agenda", "cari")
SCREENSHOT_DIR = os.environ.get("PORTAL_SCREENSHOT_DIR")

JS_PICTURES = """() => {
  const images = [...document.querySelectorAll('.media img, .badge img, header img')];
  const broken = images.filter(img => !img.complete || img.naturalWidth === 0)
    .map(img => img.getAttribute('src'));
  const icons = [...document.querySelectorAll('svg use')];
  const blank = icons.filter(use => use.getBBox().width === 0)
    .map(use => use.getAttribute('href'));
  const grid = document.querySelector('main .card-grid, main .teaser-list');
  const columns = grid ? getComputedStyle(grid).gridTemplateColumns.split(' ').length : 0;
  return {broken, blank, icons: icons.length, columns};
}"""


@pytest.fixture(scope="module")
def screenshot_paths(full_site):
    return examples(full_site, SCREENSHOT_PAGES)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [360, 1280])
def test_pictures_render_and_grids_use_the_width(chromium, served_site, screenshot_paths,
                                                  width, scheme):
    context = chromium.new_context(viewport={"width": width, "height": 800},
                                   color_scheme=scheme, locale="id-ID")
    host = urlsplit(served_site).netloc
    context.route(lambda url: urlsplit(url).netloc not in (host, ""),
                  lambda route: route.abort("blockedbyclient"))
    page_ = context.new_page()
    problems = []
    try:
        for page_id in SCREENSHOT_PAGES:
            address = screenshot_paths[page_id]
            page_.goto(served_site + address, wait_until="load")
            if page_id == "cari":
                page_.locator("[data-search-status]:has-text('hasil')").first.wait_for()
            # Lazy pictures load near the viewport: load all of them now.
            page_.evaluate("""() => Promise.all([...document.images].map(img => {
              img.loading = 'eager';
              return img.complete ? null
                : new Promise(done => { img.onload = img.onerror = done; });
            }))""")
            found = page_.evaluate(JS_PICTURES)
            where = f"{page_id} ({address}) at {width} px, {scheme}"
            if found["broken"]:
                problems.append(f"{where}: pictures not shown: {found['broken']}")
            if found["blank"]:
                problems.append(f"{where}: icons drawn empty: {found['blank'][:3]}")
            if width == 1280 and page_id in ("beranda", "kim", "potensi") \
                    and found["columns"] < 3:
                problems.append(f"{where}: {found['columns']} columns of cards")
            if SCREENSHOT_DIR:
                folder = Path(SCREENSHOT_DIR)
                folder.mkdir(parents=True, exist_ok=True)
                page_.evaluate("window.scrollTo(0, 0)")
                page_.screenshot(path=folder / f"{page_id}-{width}-{scheme}.png", full_page=True)
    finally:
        context.close()
    assert not problems, "\n".join(problems)


def test_every_new_section_is_reachable_from_every_pages_navigation(full_site):
    """Agenda in the main menu; the rapor, galleries, videos and documents in
    the footer's, on every kind of page."""
    for url in ("/", "/kim/palae/", "/agenda/", "/galeri/", "/dokumen/"):
        tree = page(full_site, url)
        menu = [a.attributes["href"] for a in tree.css(".site-nav a")]
        footer = [a.attributes["href"] for a in tree.css(".site-footer nav a")]
        assert "/agenda/" in menu, url
        assert {"/rapor/", "/galeri/", "/video/", "/dokumen/"} <= set(footer), url
