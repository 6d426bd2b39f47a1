"""The portal's look: logo, icons, pictures on cards and pages, the home
page's blocks, and (in Chromium) the grid at desktop width, with screenshots.

Screenshots of the pages a resident sees first are written at 360 and
1280 px, light and dark, when PORTAL_SCREENSHOT_DIR names a folder
(README, "Tests"): `PORTAL_SCREENSHOT_DIR=screenshots pytest tests/test_visual.py`.
"""

import contextlib
import os
import re
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from pelican.settings import read_settings
from pelican.urlwrappers import Category
from selectolax.lexbor import LexborHTMLParser

from conftest import ROOT, browser_tab
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
    """The icon a potensi or an article without photo shows: its category's."""
    tree = page(site, address)
    link = tree.css_first('a[href^="/potensi/kategori/"], .article__meta a[href^="/kategori/"]')
    return link.attributes["href"].rstrip("/").rsplit("/", 1)[1]


MONTHS = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des")


def initials(title):
    """What a monogram shows (figure.html's _inisial): the first letters of
    the first two capitalised words or numbers, a leading "KIM" left out."""
    words = title.split()
    if len(words) > 1 and words[0] == "KIM":
        words = words[1:]
    letters = "".join(word[0] for word in words if word[0].isupper() or word[0].isdigit())
    return letters[:2] or title[0].upper()


def colour(media):
    """The tile's colour class (media--warna-N), or None."""
    return next((c for c in media.attributes.get("class", "").split()
                 if c.startswith("media--warna-")), None)


@pytest.mark.parametrize("listing,card", [
    ("/potensi/", ".card"), ("/kim/", ".card"), ("/kecamatan/kumai/", ".card"),
    ("/berita/", ".teaser"), ("/", ".teaser"), ("/kim/contoh-satu/", ".card, .teaser"),
    ("/agenda/", ".teaser")])
def test_cards_show_the_items_photo_else_a_tile_drawn_for_it(full_site, listing, card):
    """Without a photo or logo a card is not one more copy of a generic icon
    (issue 26, point 4): a KIM shows its initials in a colour of its name,
    a potensi its category's icon in a colour of its name, an article its
    category's icon in its category's colour, an activity its day and month."""
    cards = page(full_site, listing).css(card)
    assert cards, f"{listing}: no {card}"
    with_photo = without = 0
    for node in cards:
        title = node.css_first(".card__title a, .teaser__title a")
        address = title.attributes["href"]
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
            continue
        if logo(full_site, address):
            assert "media__logo" in img.attributes["class"], f"{listing}: {address}"
            assert img.attributes["src"] == logo(full_site, address), f"{listing}: {address}"
            continue
        without += 1
        where = f"{listing}: card of {address}"
        assert img is None, f"{where} shows a photo it does not have"
        if address.startswith("/agenda/"):
            day = date.fromisoformat(node.css_first("time").attributes["datetime"][:10])
            assert "media--tanggal" in media.attributes["class"], where
            assert media.css_first(".media__hari").text() == str(day.day), where
            assert media.css_first(".media__bulan").text() == MONTHS[day.month - 1], where
            continue
        assert colour(media), f"{where}: a tile without its colour"
        if address.startswith("/kim/"):
            assert media.text() == initials(" ".join(title.text().split())), where
        else:
            assert icon_of(media) == item_icon(full_site, address), (
                f"{where} shows {icon_of(media)!r}")
    assert without, f"{listing}: no card without a photo was checked"


def test_a_kims_tile_has_the_same_colour_everywhere_and_kims_differ(full_site):
    """The colour is the name's (deterministic), so a KIM is recognised from
    list to list; the directory's tiles are not all one colour."""
    seen = {}
    for listing in ("/kim/", "/kecamatan/kumai/", "/kecamatan/kotawaringin-lama/",
                    "/kecamatan/arut-selatan/"):
        for node in page(full_site, listing).css(".card"):
            media = node.css_first(".media--monogram")
            if media is None:  # a photo or a logo
                continue
            address = node.css_first(".card__title a").attributes["href"]
            assert seen.setdefault(address, colour(media)) == colour(media), address
    kims = [a for a in seen if a.count("/") == 3 and a.startswith("/kim/")]
    assert len(kims) > 10
    assert len({seen[a] for a in kims}) >= 5


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
    problems = []
    with phone_and_desktop(chromium, served_site, width, color_scheme=scheme,
                           locale="id-ID") as page_:
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


# -- in Chromium: issue 26's layout points ---------------------------------------

# A line of a heading that changes between two letters: the heading broke
# inside a word ("Masyaraka/t"). Each character's box, in reading order.
JS_WORD_BREAKS = """() => {
  const found = [];
  const letter = /[\\p{L}\\p{N}]/u;
  const range = document.createRange();
  for (const heading of document.querySelectorAll("h1, h2, h3, h4, h5, h6")) {
    if (!heading.getClientRects().length) continue;
    const walker = document.createTreeWalker(heading, NodeFilter.SHOW_TEXT);
    let before = null;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (let i = 0; i < node.data.length; i++) {
        const char = node.data[i];
        if (/\\s/.test(char)) { before = null; continue; }
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const box = range.getClientRects()[0];
        if (!box) continue;
        if (before && box.top > before.top + 2 && letter.test(before.char) && letter.test(char)) {
          const name = heading.textContent.trim().replace(/\\s+/g, " ");
          found.push(`${name} (${before.char}|${char})`);
        }
        before = { char, top: box.top };
      }
    }
  }
  return found;
}"""


def reader_pages(site):
    """The address of every reader page of a built site."""
    for path in sorted(Path(site).rglob("*.html")):
        relative = path.relative_to(site).as_posix()
        if not relative.startswith(("admin/", "pagefind")):
            yield "/" + relative.removesuffix("index.html")


def test_no_heading_breaks_inside_a_word_on_a_phone(chromium, served_site, full_site):
    """Every heading of every page of the full site at 360 px breaks only
    between words (issue 26, point 4: "Masyaraka/t", "Penyelengg/ara")."""
    context = chromium.new_context(viewport={"width": 360, "height": 800})
    host = urlsplit(served_site).netloc
    # Only the pages and their style: photos have their size in the page.
    context.route("**/*", lambda route: route.abort("blockedbyclient") if (
        route.request.resource_type == "image" or urlsplit(route.request.url).netloc != host)
        else route.continue_())
    tab = context.new_page()
    broken = []
    try:
        for address in reader_pages(full_site):
            tab.goto(served_site + address)
            broken += [f"{address}: {heading}" for heading in tab.evaluate(JS_WORD_BREAKS)]
    finally:
        context.close()
    assert not broken, "headings broken inside a word at 360 px:\n" + "\n".join(broken)


@contextlib.contextmanager
def phone_and_desktop(chromium, served_site, width, **options):
    """A tab `width` px wide and 800 high (`options`: more of its context's)
    that reaches no host but `served_site`, closed after the block."""
    with browser_tab(chromium, viewport={"width": width, "height": 800}, **options) as tab:
        host = urlsplit(served_site).netloc
        tab.context.route(lambda url: urlsplit(url).netloc not in (host, ""),
                          lambda route: route.abort("blockedbyclient"))
        yield tab


@pytest.mark.parametrize("width", [360, 1280])
def test_the_header_is_short_and_cari_has_one_search_box(chromium, served_site,
                                                          screenshot_paths, width):
    """The header took about 200 of 800 px on a phone (issue 26, point 9): at
    most 120 now, its menu one row that scrolls sideways; /cari/ shows only
    its own search box."""
    with phone_and_desktop(chromium, served_site, width) as tab:
        for page_id, address in screenshot_paths.items():
            tab.goto(served_site + address)
            where = f"{page_id} ({address}) at {width} px"
            header = tab.locator(".site-header").bounding_box()
            assert header["height"] <= 120, f"{where}: header {header['height']} px tall"
            tops = tab.locator(".site-nav__link").evaluate_all(
                "links => new Set(links.map(l => Math.round(l.getBoundingClientRect().top))).size")
            assert tops == 1, f"{where}: the menu takes {tops} rows"
            boxes = tab.locator("input[type=search]:visible").count()
            assert boxes == (1 if page_id == "cari" or width > 360 else 0), (
                f"{where}: {boxes} search boxes")
        # Every menu item is reached: the last one scrolled into view by the keyboard.
        tab.goto(served_site + "/")
        last = tab.locator(".site-nav__link").last
        last.focus()
        box = last.bounding_box()
        assert 0 <= box["x"] and box["x"] + box["width"] <= width


def test_the_phones_search_button_opens_cari_ready_to_type(chromium, served_site):
    with phone_and_desktop(chromium, served_site, 360) as tab:
        tab.goto(served_site + "/kim/")
        tab.locator(".site-search").get_by_role("button", name="Cari").click()
        tab.wait_for_url("**/cari/**")
        tab.wait_for_function("document.activeElement && document.activeElement.id === 'cari-kata'")
        assert "Tulis kata yang dicari" in tab.locator("[data-search-status]").inner_text()


@pytest.mark.parametrize("listing", ["/kim/", "/potensi/", "/berita/", "/", "/agenda/"])
def test_card_text_is_not_squeezed_beside_its_picture_on_a_phone(chromium, served_site,
                                                                  listing):
    """The picture sits beside the title; the text under both takes the
    card's width (issue 26, point 4: text squeezed beside an empty column)."""
    with phone_and_desktop(chromium, served_site, 360) as tab:
        tab.goto(served_site + listing)
        found = tab.evaluate("""() => [...document.querySelectorAll('.card, .teaser')].map(card => {
          const inner = card.clientWidth - 2 * parseFloat(getComputedStyle(card).paddingLeft);
          const text = card.querySelector(
            '.card__text, .teaser__summary, .teaser__meta + .teaser__meta');
          return text ? text.getBoundingClientRect().width / inner : 1;
        })""")
        assert found and min(found) > 0.95, f"{listing}: {found}"


@pytest.mark.parametrize("address", ["/potensi/", "/potensi/kategori/kerajinan/"])
def test_potensi_filters_leave_the_first_screen_to_the_catalogue(chromium, served_site,
                                                                  address):
    with phone_and_desktop(chromium, served_site, 360) as tab:
        tab.goto(served_site + address)
        filters = tab.locator(".filters").bounding_box()
        assert filters["height"] <= 200, f"{address}: filters {filters['height']} px tall"
        # The first cards are on the first screen.
        assert tab.locator(".card").first.bounding_box()["y"] < 600
        # Each list is one row that scrolls: every chip is still reached.
        rows = tab.locator(".filters .inline-list").evaluate_all(
            "lists => lists.map(l => new Set([...l.children].map(li => li.offsetTop)).size)")
        assert rows and set(rows) == {1}, rows


def test_the_footer_stays_at_the_bottom_of_a_short_page(chromium, served_site):
    with phone_and_desktop(chromium, served_site, 1280) as tab:
        tab.set_viewport_size({"width": 1280, "height": 1600})  # taller than the page
        tab.goto(served_site + "/404.html")
        bottom = tab.locator(".site-footer").bounding_box()
        assert bottom["y"] + bottom["height"] == pytest.approx(1600, abs=1)


def test_articles_read_in_a_centred_column_of_about_70_characters(chromium, served_site,
                                                                   screenshot_paths):
    with phone_and_desktop(chromium, served_site, 1280) as tab:
        tab.goto(served_site + screenshot_paths["artikel"])
        found = tab.evaluate("""() => {
          const prose = document.querySelector('.article .prose');
          const probe = document.createElement('span');
          probe.textContent = '0'.repeat(50);
          prose.append(probe);
          const ch = probe.getBoundingClientRect().width / 50;
          probe.remove();
          const article = document.querySelector('.article').getBoundingClientRect();
          return {ch: prose.getBoundingClientRect().width / ch,
                  left: article.left, right: innerWidth - article.right};
        }""")
        assert 60 <= found["ch"] <= 80, found
        assert found["left"] == pytest.approx(found["right"], abs=40), found  # centred
