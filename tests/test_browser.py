"""Browser tests: the built site in headless Chromium (Playwright, sync API).

Every page type is loaded once per colour scheme; the load, the layout at
360 px and 1280 px, the colours and an axe-core (WCAG 2.2 AA) run are
recorded on that one visit and the tests below read the record, so the whole
file stays fast. Keyboard, navigation, sharing and printing get their own
pages. The browser never leaves the local server (there is no internet):
links to other hosts are checked by their href only, and map tiles are
answered with a local stand-in.
"""

import base64
import re
import runpy
from pathlib import Path
from urllib.parse import parse_qs, urljoin, urlsplit

import axe_playwright_python.sync_playwright as axe_sync  # noqa: E402
import pytest

from quality.catalogue import PAGE_TYPES, examples  # noqa: E402

WIDTHS = (360, 1280)
PHONE = {"width": 360, "height": 800}
DESKTOP = {"width": 1280, "height": 800}
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
    "resultTypes": ["violations"],
}
MISSING = "/halaman-yang-tidak-ada/"
ROOT = Path(__file__).resolve().parent.parent

# One example of every page type of the catalogue (quality/catalogue.py),
# found in the built full test site; the 404 page is reached by a missing
# address, as a reader reaches it.
PAGES = [page_type.id for page_type in PAGE_TYPES]
# Pages whose scripts fill them in after "load": wait for this selector.
READY = {"cari": "[data-search-status]:has-text('hasil')"}
KEYBOARD_PAGES = [
    "beranda", "berita", "artikel", "kim-profil-lengkap", "potensi", "potensi-whatsapp", "404"]

# Map tiles are the one third-party request the site may make (PRODUCT.md:
# "except map tiles on map views"). There is no internet here, so a tile
# request gets this transparent 1x1 PNG instead; every other request to
# another host is aborted and reported.
TILE = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==")


def tile_pattern():
    """A regex for the tile URLs of the MAP_TILES setting (None if unset)."""
    template = runpy.run_path(str(ROOT / "pelicanconf.py")).get("MAP_TILES")
    if not template:
        return None
    pattern = re.escape(template)
    parts = {"s": "[a-z]", "z": r"\d+", "x": r"\d+", "y": r"\d+", "r": "(@2x)?"}
    for key, value in parts.items():
        pattern = pattern.replace(re.escape(f"{{{key}}}"), value)
    return re.compile(pattern + "$")


# Known defects of the site's HTML (not of its CSS): {(rule, page id): reason}.
# Each such case is an xfail(strict=True), so it turns red once it is fixed.
KNOWN_DEFECTS = {}


def known_defect(rule, page_id):
    """The xfail(strict=True) marker for a KNOWN_DEFECTS entry, or no-op."""
    reason = KNOWN_DEFECTS.get((rule, page_id))
    return pytest.mark.xfail(strict=True, reason=reason) if reason else (lambda test: test)


def cases(rule, ids, *extra):
    """pytest.param per page id (optionally crossed with `extra` values),
    xfail-marked where KNOWN_DEFECTS lists (rule, page id)."""
    params = []
    for page_id in ids:
        for value in extra or (None,):
            key = (rule, page_id if value is None else f"{page_id}-{value}")
            marks = ()
            for known in ((rule, page_id), key):
                if known in KNOWN_DEFECTS:
                    marks = (pytest.mark.xfail(strict=True, reason=KNOWN_DEFECTS[known]),)
            args = (page_id,) if value is None else (page_id, value)
            params.append(pytest.param(*args, id=key[1], marks=marks))
    return params


# --- JavaScript run in the page ------------------------------------------------

JS_DESCRIBE = r"""
function describe(el) {
  let text = (el.innerText || el.value || el.getAttribute('aria-label') || '');
  text = text.trim().replace(/\s+/g, ' ');
  if (text.length > 40) text = text.slice(0, 40) + '…';
  const cls = el.classList.length ? '.' + [...el.classList].join('.') : '';
  const href = el.getAttribute('href');
  return `<${el.tagName.toLowerCase()}${cls}${href ? ' href=' + href : ''}> "${text}"`;
}
"""

JS_LAYOUT = "() => {" + JS_DESCRIBE + r"""
  const visible = el => el.checkVisibility({checkOpacity: true, checkVisibilityCSS: true});
  const width = window.innerWidth;
  const scrollWidth = document.documentElement.scrollWidth;
  const wide = [];
  if (scrollWidth > width) {
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (visible(el) && r.right > width + 1) {
        wide.push(`${describe(el)} right=${Math.round(r.right)}`);
      }
    }
  }
  const boxes = [];
  for (const el of document.querySelectorAll('a, button, input, select, textarea')) {
    if (!visible(el)) continue;
    const rects = [...el.getClientRects()].filter(r => r.width > 0 && r.height > 0);
    if (rects.length) boxes.push({el, rects});
  }
  const overlaps = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i], b = boxes[j];
      if (a.el.contains(b.el) || b.el.contains(a.el)) continue;
      search: for (const ra of a.rects) {
        for (const rb of b.rects) {
          const w = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
          const h = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
          if (w > 1 && h > 1) {
            const size = `${w.toFixed(1)}x${h.toFixed(1)} px`;
            overlaps.push(`${describe(a.el)} overlaps ${describe(b.el)} by ${size}`);
            break search;
          }
        }
      }
    }
  }
  return {width, scrollWidth, wide: wide.slice(0, 10), overlaps};
}
"""

# The h1's text without a fact check's verdict label.
JS_TITLE = """h1 => {
  const copy = h1.cloneNode(true);
  copy.querySelectorAll('.verdict').forEach(el => el.remove());
  return copy.textContent;
}"""

JS_COLOURS = """() => {
  const s = getComputedStyle(document.body);
  return {background: s.backgroundColor, color: s.color};
}"""

# Number the visible tab stops in document order (data-tab-stop).
JS_MARK_TAB_STOPS = "() => {" + JS_DESCRIBE + r"""
  const selector = 'a[href], area[href], button:not([disabled]),'
    + ' input:not([disabled]):not([type=hidden]),'
    + ' select:not([disabled]), textarea:not([disabled]), summary, iframe, [contenteditable],'
    + ' [tabindex]:not([tabindex="-1"])';
  const stops = [...document.querySelectorAll(selector)].filter(el =>
    el.tabIndex >= 0 && el.checkVisibility({checkOpacity: true, checkVisibilityCSS: true}));
  stops.forEach((el, i) => el.setAttribute('data-tab-stop', String(i)));
  return stops.map(describe);
}
"""

JS_FOCUSED = "() => {" + JS_DESCRIBE + r"""
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const s = getComputedStyle(el);
  const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
  const shadow = s.boxShadow && s.boxShadow !== 'none';
  return {
    stop: el.getAttribute('data-tab-stop'),
    label: describe(el),
    indicator: Boolean(outline || shadow),
    style: `outline: ${s.outlineStyle} ${s.outlineWidth}; box-shadow: ${s.boxShadow}`,
  };
}
"""


# --- Fixtures ---------------------------------------------------------------------

@pytest.fixture(scope="module")
def contexts(chromium, served_site):
    """One browser context per colour scheme, phone-sized by default. Map
    tiles are answered locally; other hosts are never reached."""
    host = urlsplit(served_site).netloc
    tiles = tile_pattern()

    def elsewhere(route):
        if tiles and tiles.match(route.request.url):
            route.fulfill(status=200, content_type="image/png", body=TILE)
        else:
            route.abort("blockedbyclient")

    made = {
        scheme: chromium.new_context(viewport=PHONE, color_scheme=scheme, locale="id-ID")
        for scheme in ("light", "dark")
    }
    for context in made.values():
        context.set_default_timeout(10_000)
        context.route(lambda url: urlsplit(url).netloc not in (host, ""), elsewhere)
    yield made
    for context in made.values():
        context.close()


@pytest.fixture(scope="module")
def site_paths(full_site):
    """Page id -> address of its example in the full test site."""
    return {**examples(full_site), "404": MISSING}


class Visit:
    """What one load of one page in one colour scheme showed."""

    def __init__(self, page_id, path, scheme):
        self.page_id, self.path, self.scheme = page_id, path, scheme
        self.status = None
        self.console_errors, self.failed, self.bad_responses, self.foreign = [], [], [], []
        self.layout, self.colours, self.violations = {}, None, []
        self.tiles, self.has_map = [], False

    @property
    def name(self):
        return f"{self.page_id} ({self.path}, {self.scheme})"


@pytest.fixture(scope="module")
def visits(served_site, contexts, site_paths):
    """visit(page_id, scheme) -> Visit, each page loaded once per scheme."""
    host = urlsplit(served_site).netloc
    tiles = tile_pattern()
    axe = axe_sync.Axe()
    done = {}

    def visit(page_id, scheme):
        if (page_id, scheme) in done:
            return done[page_id, scheme]
        record = Visit(page_id, site_paths[page_id], scheme)
        url = served_site + record.path
        page = contexts[scheme].new_page()

        def on_console(message):
            # Chromium logs the deliberate 404 of the missing page itself.
            deliberate = (record.page_id == "404" and message.location.get("url") == url
                          and "404" in message.text)
            if message.type == "error" and not deliberate:
                source = message.location.get("url")
                record.console_errors.append(f"console: {message.text} ({source})")

        def on_request(request):
            parts = urlsplit(request.url)
            if parts.scheme in ("data", "blob", "about") or parts.netloc == host:
                return
            if tiles and tiles.match(request.url):
                record.tiles.append(request.url)
            else:
                record.foreign.append(request.url)

        def on_response(response):
            deliberate = record.page_id == "404" and response.url == url
            if response.status >= 400 and not deliberate:
                record.bad_responses.append(f"{response.status} {response.url}")

        page.on("console", on_console)
        page.on("pageerror", lambda error: record.console_errors.append(f"pageerror: {error}"))
        page.on("request", on_request)
        page.on("requestfailed", lambda r: record.failed.append(f"{r.url} ({r.failure})"))
        page.on("response", on_response)
        try:
            response = page.goto(url, wait_until="load")
            record.status = response.status if response else None
            if page_id in READY:
                page.locator(READY[page_id]).first.wait_for()
            record.colours = page.evaluate(JS_COLOURS)
            record.has_map = page.locator("[data-tiles]").count() > 0
            if scheme == "light":
                for width in WIDTHS:
                    page.set_viewport_size({"width": width, "height": 800})
                    record.layout[width] = page.evaluate(JS_LAYOUT)
                page.set_viewport_size(PHONE)
            # Snapshot the errors before axe runs, so its work is not blamed on the page.
            record.console_errors = list(record.console_errors)
            errors_before_axe = len(record.console_errors)
            record.violations = axe.run(page, options=AXE_OPTIONS).response["violations"]
            del record.console_errors[errors_before_axe:]
        finally:
            page.close()
        done[page_id, scheme] = record
        return record

    return visit


@pytest.fixture
def light_page(contexts):
    page = contexts["light"].new_page()
    yield page
    page.close()


# --- 1. Loading ----------------------------------------------------------------------

@pytest.mark.parametrize("page_id", cases("load", PAGES))
def test_page_loads_cleanly(visits, page_id):
    expected = 404 if page_id == "404" else 200
    problems = []
    for scheme in ("light", "dark"):
        record = visits(page_id, scheme)
        if record.status != expected:
            problems.append(f"{record.name}: HTTP status {record.status}, expected {expected}")
        problems += [f"{record.name}: {e}" for e in record.console_errors]
        problems += [f"{record.name}: request failed: {e}" for e in record.failed]
        problems += [f"{record.name}: error response: {e}" for e in record.bad_responses]
        problems += [f"{record.name}: request to another host: {u}" for u in record.foreign]
        if record.tiles and not record.has_map:
            problems.append(
                f"{record.name}: map tiles requested on a page without a map: {record.tiles[0]}")
    assert not problems, f"{page_id}: page does not load cleanly:\n" + "\n".join(problems)


# --- 2. Layout at phone and desktop width ------------------------------------------

@pytest.mark.parametrize("page_id,width", cases("layout", PAGES, *WIDTHS))
def test_no_horizontal_scroll(visits, page_id, width):
    record = visits(page_id, "light")
    layout = record.layout[width]
    assert layout["scrollWidth"] <= layout["width"], (
        f"{record.page_id} ({record.path}) at {width} px: horizontal scroll "
        f"(scrollWidth {layout['scrollWidth']} > {layout['width']}); too wide:\n"
        + "\n".join(layout["wide"]))


@pytest.mark.parametrize("page_id,width", cases("overlap", PAGES, *WIDTHS))
def test_interactive_elements_do_not_overlap(visits, page_id, width):
    record = visits(page_id, "light")
    overlaps = record.layout[width]["overlaps"]
    assert not overlaps, (
        f"{record.page_id} ({record.path}) at {width} px: interactive elements overlap:\n"
        + "\n".join(overlaps))


# --- 3. Colour schemes ----------------------------------------------------------------

@pytest.mark.parametrize("page_id", cases("colour-scheme", PAGES))
def test_light_and_dark_schemes_differ(visits, page_id):
    light, dark = visits(page_id, "light"), visits(page_id, "dark")
    assert light.colours["background"] != dark.colours["background"], (
        f"{page_id} ({light.path}): dark scheme keeps the body background "
        f"{light.colours['background']}")
    assert light.colours["color"] != dark.colours["color"], (
        f"{page_id} ({light.path}): dark scheme keeps the text colour {light.colours['color']}")


# --- 4. axe-core --------------------------------------------------------------------------

def format_violations(violations):
    lines = []
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation.get('impact')}): {violation['help']}")
        for node in violation["nodes"][:8]:
            lines.append(f"    {' '.join(map(str, node['target']))}")
        if len(violation["nodes"]) > 8:
            lines.append(f"    … and {len(violation['nodes']) - 8} more")
    return "\n".join(lines)


@pytest.mark.parametrize("page_id,scheme", cases("axe", PAGES, "light", "dark"))
def test_axe_finds_no_violations(visits, page_id, scheme):
    record = visits(page_id, scheme)
    assert not record.violations, (
        f"{record.name}: axe-core WCAG 2.2 AA violations:\n" + format_violations(record.violations))


# --- 5. Keyboard ---------------------------------------------------------------------------

@pytest.mark.parametrize("page_id", cases("skip-link", KEYBOARD_PAGES))
def test_skip_link_is_first_and_moves_to_main(served_site, site_paths, light_page, page_id):
    path = site_paths[page_id]
    page = light_page
    page.goto(served_site + path)
    page.keyboard.press("Tab")
    focused = page.evaluate("""() => {
        const el = document.activeElement;
        const r = el.getBoundingClientRect();
        return {cls: el.className, href: el.getAttribute('href'), text: el.textContent.trim(),
                top: r.top, left: r.left, bottom: r.bottom, right: r.right,
                width: r.width, height: r.height, vw: innerWidth, vh: innerHeight};
    }""")
    where = f"{page_id} ({path})"
    assert focused["href"] == "#isi", f"{where}: first Tab focuses {focused}, not the skip link"
    assert focused["width"] > 0 and focused["height"] > 0, f"{where}: focused skip link has no size"
    assert (focused["top"] >= 0 and focused["left"] >= 0
            and focused["bottom"] <= focused["vh"] and focused["right"] <= focused["vw"]), (
        f"{where}: focused skip link is not inside the viewport: {focused}")
    page.keyboard.press("Enter")
    page.wait_for_function("location.hash === '#isi'")
    active = page.evaluate("() => [document.activeElement.tagName, document.activeElement.id]")
    assert active == ["MAIN", "isi"], (
        f"{where}: Enter on the skip link focuses {active}, not main#isi")


@pytest.mark.parametrize("page_id", cases("tab-order", KEYBOARD_PAGES))
def test_tab_reaches_every_control_with_visible_focus(served_site, site_paths, contexts, page_id):
    path = site_paths[page_id]
    where = f"{page_id} ({path})"
    page = contexts["light"].new_page()
    try:
        page.set_viewport_size(DESKTOP)
        page.goto(served_site + path)
        stops = page.evaluate(JS_MARK_TAB_STOPS)
        reached, unmarked, no_indicator = [], [], []
        for _ in range(len(stops) + 3):
            page.keyboard.press("Tab")
            focused = page.evaluate(JS_FOCUSED)
            if focused is None:
                break
            if focused["stop"] is None:
                unmarked.append(focused["label"])
            elif reached and int(focused["stop"]) == reached[0]:
                break  # wrapped around
            else:
                reached.append(int(focused["stop"]))
            if not focused["indicator"]:
                no_indicator.append(f"{focused['label']} ({focused['style']})")
    finally:
        page.close()
    assert not unmarked, f"{where}: Tab focuses elements that are not visible tab stops: {unmarked}"
    missing = [stops[i] for i in range(len(stops)) if i not in reached]
    assert len(set(reached)) == len(stops) and not missing, (
        f"{where}: Tab reached {len(set(reached))} of {len(stops)} visible controls; "
        "never focused:\n"
        + "\n".join(missing))
    assert reached == sorted(reached), (
        f"{where}: Tab order differs from document order: "
        + ", ".join(stops[i] for i in reached))
    assert not no_indicator, (
        f"{where}: focused without a visible focus indicator:\n" + "\n".join(no_indicator))


# --- 6. Navigation and pagination ----------------------------------------------------------

def follow(page, link, path, where):
    """Click `link`: the page it opens must answer 200 and be at `path`
    (`where` names the link in a failure)."""
    with page.expect_navigation() as navigation:
        link.click()
    status = navigation.value.status
    assert status == 200, f"{where} gives HTTP {status}"
    assert urlsplit(page.url).path == path, f"{where} leads to {page.url}"


def test_menu_link_navigates_and_is_marked_current(served_site, light_page):
    page = light_page
    page.goto(served_site + "/")
    menu = page.get_by_role("navigation", name="Menu utama")
    follow(page, menu.get_by_role("link", name="KIM", exact=True), "/kim/",
           "beranda → KIM menu")
    menu = page.get_by_role("navigation", name="Menu utama")
    link = menu.get_by_role("link", name="KIM", exact=True)
    current = link.get_attribute("aria-current")
    assert current not in (None, "false"), (
        f"kim (/kim/): the KIM menu link has no aria-current ({current!r})")
    others = page.locator(".site-nav [aria-current]:not([aria-current='false'])")
    assert others.count() == 1, f"kim (/kim/): {others.count()} menu links carry aria-current"


def test_pagination_links_go_forward_and_back(served_site, light_page):
    page = light_page
    page.goto(served_site + "/berita/")
    follow(page, page.locator("a[rel~='next']").first, "/berita/halaman/2/",
           "berita (/berita/): rel=next")
    follow(page, page.locator("a[rel~='prev']").first, "/berita/",
           "berita-halaman-2 (/berita/halaman/2/): rel=prev")


@pytest.mark.parametrize("page_id", cases("neighbours", ["artikel", "artikel-cek-fakta"]))
def test_article_neighbour_links_lead_to_articles(served_site, site_paths, light_page, page_id):
    page = light_page
    path = site_paths[page_id]
    page.goto(served_site + path)
    links = page.locator(".neighbours a[rel]")
    hrefs = [(links.nth(i).get_attribute("rel"), links.nth(i).get_attribute("href"))
             for i in range(links.count())]
    assert hrefs, f"{page_id} ({path}): no previous/next links"
    for index, (rel, href) in enumerate(hrefs):
        page.goto(served_site + path)
        follow(page, page.locator(".neighbours a[rel]").nth(index), urljoin(path, href),
               f"{page_id} ({path}): rel={rel} link {href}")
        assert page.locator("h1").count() == 1, f"{page_id}: rel={rel} page {href} has no h1"


# --- 7. Sharing and WhatsApp ------------------------------------------------------------------

def normalise(text):
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


@pytest.mark.parametrize("page_id", cases("share", ["artikel", "artikel-cek-fakta"]))
def test_article_shares_to_whatsapp_first(served_site, site_paths, light_page, page_id):
    page = light_page
    path = site_paths[page_id]
    where = f"{page_id} ({path})"
    page.goto(served_site + path)
    share = page.locator(".share a")
    assert share.count(), f"{where}: no share links"
    first = share.first
    href = first.get_attribute("href")
    label = first.inner_text()
    assert "whatsapp" in label.lower(), f"{where}: first share link is {label!r}"
    assert href.startswith("https://wa.me/?text="), f"{where}: WhatsApp share href is {href}"
    text = normalise(parse_qs(urlsplit(href).query)["text"][0])
    title = normalise(page.locator("h1").first.evaluate(JS_TITLE))
    assert title in text, f"{where}: WhatsApp share text {text!r} lacks the title {title!r}"
    canonical = page.locator("link[rel='canonical']")
    article_url = canonical.get_attribute("href") if canonical.count() else page.url
    urls = [word for word in text.split() if word.startswith(("http://", "https://", "/"))]
    assert urls, f"{where}: WhatsApp share text {text!r} has no URL"
    assert urlsplit(urljoin(page.url, urls[-1])).path == urlsplit(page.url).path, (
        f"{where}: WhatsApp share text links to {urls[-1]}, not to the article {page.url}")
    # In a chat message only an absolute URL is a link: it must be the article's own.
    assert urls[-1] == article_url, (
        f"{where}: WhatsApp share text carries {urls[-1]!r}, not the article's URL {article_url!r} "
        "(link rel=canonical)")


def test_potensi_whatsapp_button_prefills_message(served_site, site_paths, light_page):
    page = light_page
    path = site_paths["potensi-whatsapp"]
    where = f"potensi-whatsapp ({path})"
    page.goto(served_site + path)
    button = page.get_by_role("link", name="Pesan lewat WhatsApp")
    assert button.count() == 1, f"{where}: {button.count()} 'Pesan lewat WhatsApp' links"
    href = button.get_attribute("href")
    assert re.match(r"https://wa\.me/62\d{7,13}\?text=", href), (
        f"{where}: WhatsApp button href is {href}")
    message = normalise(parse_qs(urlsplit(href).query)["text"][0])
    title = normalise(page.locator("h1").first.inner_text())
    assert title in message, (
        f"{where}: WhatsApp message {message!r} does not name the potensi {title!r}")
    assert button.is_visible(), f"{where}: the WhatsApp button is not visible"


# --- 8. Printing a KIM profile ------------------------------------------------------------------

PRINT_PATH = "/kim/contoh-satu/"


@pytest.fixture(scope="module")
def print_page(served_site, contexts):
    page = contexts["light"].new_page()
    page.goto(served_site + PRINT_PATH)
    page.emulate_media(media="print")
    yield page
    page.close()


@pytest.mark.parametrize(
    "selector", [".site-nav", ".site-search", ".share", ".site-footer nav", ".skip-link"])
def test_print_hides_navigation_and_sharing(print_page, selector):
    elements = print_page.locator(selector)
    shown = [i for i in range(elements.count()) if elements.nth(i).is_visible()]
    assert not shown, f"kim-contoh-satu ({PRINT_PATH}) in print: {selector} is displayed"


@pytest.mark.parametrize("selector", [
    "h1", "section:has(> h2:text-is('Kontak'))", "section:has(> h2:text-is('Lokasi'))"])
def test_print_shows_profile_content(print_page, selector):
    element = print_page.locator(selector)
    assert element.count(), f"kim-contoh-satu ({PRINT_PATH}): no {selector} on the page"
    assert element.first.is_visible(), (
        f"kim-contoh-satu ({PRINT_PATH}) in print: {selector} is not displayed")


@known_defect("print-pdf", "kim-contoh-satu")
def test_print_pdf_fits_three_pages(print_page):
    pdf = print_page.pdf(format="A4", print_background=False)
    assert pdf.startswith(b"%PDF"), f"kim-contoh-satu ({PRINT_PATH}): page.pdf() gave no PDF"
    pages = len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))
    assert 1 <= pages <= 3, (
        f"kim-contoh-satu ({PRINT_PATH}): printed profile has {pages} pages (at most 3)")
