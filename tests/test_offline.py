"""Readable without signal (issue 28; plugins/portal/output/offline.py): the
portal installs like an app, its service worker keeps what a reader opened
and shows it offline with the "Disimpan …; Anda sedang luring" line, an
offline page lists what is kept and searches it, "Simpan untuk dibaca
nanti" keeps a page with its photos, the store keeps its ceiling, a new
deployment replaces the old files without breaking a kept page, the
operator's switch removes it all from the phones, and low-data mode
(Save-Data or "Hemat data") stops photos and maps. Without script nothing
changes. The browser tests run in Chromium against a local server that
records every request and can lose its signal."""

import functools
import gzip
import json
import os
import re
import shutil
import socket
import threading
import time

import pytest
from PIL import Image

from conftest import CHROMIUM_ARGS, ROOT, build, make_full_content
from portal.builder.server import _Handler
from portal.output import icons, offline

ARTICLE = "/berita/berita-contoh-kegiatan-kim/"  # with a lead photo
ALBUM = "/galeri/rapat-anggota-contoh/"  # two 800x600 photos
UNVISITED = "/kim/"
GALLERY_PHOTO = "main img[src^='/images/galeri/']"


# -- a server that records requests and can lose its signal --------------------

class Site:
    """`folder` served on 127.0.0.1 (a secure context, as service workers
    need): `requests` lists (method, path) of what reached it; with
    `signal` off every connection is dropped unanswered, as without signal.
    `folder` may be a symbolic link switched to another build (a deployment)."""

    def __init__(self, folder, port=0):
        self.requests = []
        self.signal = True
        site = self

        class Handler(_Handler):
            quiet = True

            def handle(self):
                if not site.signal:
                    self.connection.close()
                    return
                super().handle()

            def log_request(self, code="-", size="-"):
                site.requests.append((self.command, self.path.split("?")[0], str(code)))

        from http.server import ThreadingHTTPServer
        self.server = ThreadingHTTPServer(("127.0.0.1", port),
                                          functools.partial(Handler, directory=str(folder)))
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()

    def got(self, pattern, method="GET"):
        return [path for verb, path, _ in self.requests
                if verb == method and re.search(pattern, path)]


@pytest.fixture
def site(full_site):
    served = Site(full_site)
    yield served
    served.close()


@pytest.fixture
def context(chromium):
    context = chromium.new_context()
    yield context
    context.close()


def until(page, expression, timeout=15):
    """Wait until `expression` is true in the page (polled from here: the
    pages' CSP forbids the eval Playwright's own waiting uses)."""
    end = time.monotonic() + timeout
    while not page.evaluate(expression):
        if time.monotonic() > end:
            raise AssertionError(f"still false after {timeout} s: {expression}")
        time.sleep(0.1)


def controlled(page, url):
    """Open `url` and wait until the portal's worker controls the page."""
    page.goto(url)
    until(page, "navigator.serviceWorker.controller !== null")


def settle(page):
    """Wait until the worker has kept what it was keeping."""
    page.wait_for_timeout(300)


def ask(page, message):
    """The worker's answer to `message`, as luring-alat.js asks it."""
    return page.evaluate("""async (message) => {
        const registration = await navigator.serviceWorker.ready;
        return new Promise((done) => {
            const channel = new MessageChannel();
            channel.port1.onmessage = (event) => done(event.data);
            registration.active.postMessage(message, [channel.port2]);
        });
    }""", message)


def kept(page):
    return ask(page, {"jenis": "daftar"})["halaman"]


def offline_now(context, site):
    site.signal = False
    context.set_offline(True)


def reader_of_the_article(context, site):
    """A tab the worker controls, that opened the home page and ARTICLE and
    waited until the worker kept them."""
    page = context.new_page()
    controlled(page, site.url + "/")
    page.goto(site.url + ARTICLE)
    settle(page)
    return page


# -- the offline flow ---------------------------------------------------------------

def test_a_page_read_once_is_read_again_offline_with_the_saved_line(context, site):
    page = reader_of_the_article(context, site)
    title = page.title()
    offline_now(context, site)
    page.reload()
    assert page.title() == title
    line = page.locator("main .luring-catatan")
    assert re.fullmatch(r"Disimpan \d{1,2} \w+ \d{4} pukul \d\d\.\d\d; Anda sedang luring\.",
                        line.inner_text()), line.inner_text()
    # The kept copy is the page, styled: its stylesheets came from the store.
    assert page.locator("h1").first.inner_text()
    assert page.evaluate("getComputedStyle(document.querySelector('.site-header'))"
                         ".backgroundColor") == "rgb(11, 93, 75)"
    # Online again, the page is the network's, without the line.
    site.signal = True
    context.set_offline(False)
    page.reload()
    assert page.locator(".luring-catatan").count() == 0


def test_a_page_never_opened_shows_the_offline_page_listing_the_kept_ones(context, site):
    page = reader_of_the_article(context, site)
    offline_now(context, site)
    page.goto(site.url + UNVISITED)
    assert page.locator("h1").inner_text() == "Anda sedang luring"
    assert "belum tersimpan di ponsel ini" in page.locator("[data-luring-keterangan]").inner_text()
    opened = page.locator("[data-luring-daftar='buka'] a")
    opened.first.wait_for()
    hrefs = {urlpath(href) for href in opened.evaluate_all("links => links.map(a => a.href)")}
    assert hrefs == {"/", ARTICLE}
    # A kept page opens from the list, with its line.
    page.locator("[data-luring-daftar='buka'] a", has_text="kegiatan").first.click()
    page.wait_for_url(site.url + ARTICLE)
    assert page.locator(".luring-catatan").count() == 1


def test_search_offline_searches_the_kept_pages(context, site):
    page = reader_of_the_article(context, site)
    words = page.locator("main h1").inner_text().split()[:2]
    offline_now(context, site)
    page.fill("#cari-situs", " ".join(words))
    page.press("#cari-situs", "Enter")
    status = page.locator("[data-luring-status]")
    status.filter(has_text="hasil").wait_for()
    assert "Pencarian di seluruh portal memerlukan sambungan internet" in \
        page.locator("[data-luring-keterangan]").inner_text()
    assert re.match(r"\d hasil untuk “.+” di 2 halaman yang tersimpan", status.inner_text())
    found = page.locator("[data-luring-hasil] a").evaluate_all("links => links.map(a => a.href)")
    assert ARTICLE in {urlpath(href) for href in found}
    page.fill("#cari-tersimpan", "zzzkatayangtidakada")
    page.press("#cari-tersimpan", "Enter")
    status.filter(has_text="0 hasil").wait_for()
    assert "memerlukan sambungan internet" in status.inner_text()


def urlpath(href):
    return re.sub(r"^https?://[^/]+", "", href)


# -- "Simpan untuk dibaca nanti" ---------------------------------------------------

def drawn(page, selector):
    """What the first `selector` image shows, as a few of its pixels (the
    photo and the worker's placeholder differ)."""
    image = page.locator(selector).first
    image.scroll_into_view_if_needed()
    until(page, f"document.querySelector({json.dumps(selector)}).complete")
    return image.evaluate("""img => {
        const canvas = document.createElement("canvas");
        canvas.width = canvas.height = 4;
        const pen = canvas.getContext("2d");
        pen.drawImage(img, 0, 0, 4, 4);
        return Array.from(pen.getImageData(0, 0, 4, 4).data).join(",");
    }""")


def test_saving_a_page_keeps_its_photos_and_lists_it_under_tersimpan(context, site):
    page = context.new_page()
    controlled(page, site.url + "/")
    page.goto(site.url + "/galeri/")
    album_photo = drawn(page, GALLERY_PHOTO)
    page.goto(site.url + ARTICLE)
    lead_photo = drawn(page, ".figure--lead img")
    button = page.get_by_role("button", name="Simpan untuk dibaca nanti")
    button.click()
    status = page.locator("[data-simpan] [role='status']")
    status.filter(has_text="Tersimpan").wait_for()
    assert re.match(r"Tersimpan \d{1,2} \w+ \d{4} pukul \d\d\.\d\d \(\d+ KB\), dapat dibaca "
                    r"tanpa sinyal\.", status.inner_text()), status.inner_text()
    # Nothing left in the browser's own cache: what shows comes from the store.
    page.context.new_cdp_session(page).send("Network.clearBrowserCache")
    offline_now(context, site)
    page.reload()
    assert page.locator(".luring-catatan").count() == 1
    assert drawn(page, ".figure--lead img") == lead_photo
    # A page only opened keeps no photo: offline its photos are placeholders.
    page.goto(site.url + "/galeri/")
    assert page.locator(".luring-catatan").count() == 1
    assert drawn(page, GALLERY_PHOTO) != album_photo
    page.goto(site.url + UNVISITED)
    saved = page.locator("[data-luring-daftar='simpan'] a")
    saved.first.wait_for()
    assert [urlpath(href) for href in saved.evaluate_all("a => a.map(x => x.href)")] == [ARTICLE]


# -- low-data mode -----------------------------------------------------------------

def test_save_data_stops_photo_and_map_requests_and_says_what_it_saved(context, site,
                                                                       full_site):
    page = context.new_page()
    third_party = []
    page.on("request", lambda request: third_party.append(request.url)
            if not request.url.startswith(site.url) else None)
    controlled(page, site.url + "/")
    page.context.new_cdp_session(page).send("Emulation.setDataSaverOverride",
                                             {"dataSaverEnabled": True})
    site.requests.clear()
    page.goto(site.url + ALBUM)
    note = page.locator(".luring-hemat")
    note.wait_for()
    page.mouse.wheel(0, 5000)
    page.wait_for_timeout(500)
    assert site.got(r"^/images/") == []
    held = site.got(r"^/images/", method="HEAD")
    assert held
    size = sum((full_site / path.lstrip("/")).stat().st_size for path in set(held))
    count = len(set(held))
    until(page, "document.querySelector('.luring-hemat span').textContent"
                f".includes('{count} foto')")
    expected = f"Hemat data: {count} foto belum dimuat, hemat {round(size / 1024)} KB. " \
               "Ketuk foto untuk memuatnya."
    assert note.locator("span").inner_text() == expected
    # A tap loads the photo after all.
    photo = page.locator("img.foto-tunda").first
    photo.click()
    until(page, "document.querySelector('img[src*=\"muat=1\"]')?.complete")
    assert site.got(r"^/images/")
    # No map by itself, not even on /peta/; the button stays.
    site.requests.clear()
    page.goto(site.url + "/peta/")
    page.mouse.wheel(0, 3000)
    page.wait_for_timeout(800)
    assert site.got(r"leaflet|peta-gambar") == []
    assert [url for url in third_party if "tile" in url] == []
    assert page.get_by_role("button", name="Tampilkan peta").first.is_visible()


def test_the_hemat_data_switch_is_remembered_and_stops_photos(context, site):
    page = context.new_page()
    controlled(page, site.url + "/")
    switch = page.get_by_label("Hemat data: foto dan peta dimuat hanya bila diketuk")
    switch.check()
    page.locator(".luring [role='status']").filter(has_text="Aktif").wait_for()
    site.requests.clear()
    page.goto(site.url + ALBUM)
    page.locator(".luring-hemat").wait_for()
    assert site.got(r"^/images/") == []
    assert page.get_by_label("Hemat data: foto dan peta dimuat hanya bila diketuk").is_checked()
    assert page.evaluate("localStorage.getItem('portal-hemat-data')") == "ya"
    page.get_by_label("Hemat data: foto dan peta dimuat hanya bila diketuk").uncheck()
    page.locator(".luring [role='status']").filter(has_text="Mati").wait_for()
    page.reload()
    page.wait_for_timeout(500)
    assert site.got(r"^/images/")
    assert page.locator(".luring-hemat").count() == 0


# -- installing, at a site address with a path -----------------------------------

def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def sub_path_site(tmp_path_factory):
    """The sample site built for production at http://127.0.0.1:<port>/situs
    and served there: (its address, the output)."""
    folder = tmp_path_factory.mktemp("situs")
    port = free_port()
    address = f"http://127.0.0.1:{port}/situs"
    result = build(ROOT / "tests" / "fixtures" / "sample" / "content", folder / "www" / "situs",
                   settings="publishconf.py", env={"PORTAL_SITEURL": address})
    assert result.returncode == 0, result.stdout + result.stderr
    served = Site(folder / "www", port)
    yield address, folder / "www" / "situs"
    served.close()


def test_the_manifest_names_the_portal_and_its_root_and_the_icons_fit(sub_path_site):
    _, output = sub_path_site
    manifest = json.loads((output / offline.MANIFEST).read_text(encoding="utf-8"))
    assert manifest["name"] == "Portal KIM Kotawaringin Barat"
    assert manifest["short_name"] == "Portal KIM" and manifest["lang"] == "id"
    assert manifest["start_url"] == manifest["scope"] == manifest["id"] == "/situs/"
    assert manifest["display"] == "standalone"
    assert manifest["theme_color"] == "#0b5d4b"
    sizes = {(icon["sizes"], icon["purpose"]) for icon in manifest["icons"]}
    assert sizes == {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")}
    for icon in manifest["icons"]:
        image = Image.open(output / icon["src"].removeprefix("/situs/"))
        assert f"{image.width}x{image.height}" == icon["sizes"] and icon["type"] == "image/png"
    # The maskable icon fills its square, and outside the circle a phone may
    # cut it to (80% of its width) there is only the tile.
    maskable = Image.open(output / "theme/aplikasi/ikon-512-maskable.png").convert("RGBA")
    tile = maskable.getpixel((0, 0))
    outside = [maskable.getpixel((x, y)) for x in range(0, 512, 4) for y in range(0, 512, 4)
               if (x - 255.5) ** 2 + (y - 255.5) ** 2 > (0.4 * 512) ** 2]
    assert set(outside) == {tile}
    # The worker's settings name the site's path.
    worker = (output / offline.WORKER).read_text(encoding="utf-8")
    settings = json.loads(worker.split("\n", 1)[0].removeprefix("const SETELAN = ").rstrip(";"))
    assert settings["akar"] == "/situs/" and settings["luring"] == "/situs/luring/"
    assert all(path.startswith("/situs/") for path in settings["aset"] + settings["nanti"])


def test_chromium_finds_the_portal_installable_at_its_path(chromium, sub_path_site, tmp_path):
    address, _ = sub_path_site
    context = chromium.browser_type.launch_persistent_context(
        str(tmp_path / "profil"), executable_path=chromium_path(), args=CHROMIUM_ARGS)
    try:
        page = context.new_page()
        controlled(page, address + "/")
        # A first visit links no manifest; the next page, under the worker, does.
        assert page.locator("link[rel='manifest']").count() == 0
        page.goto(address + "/kim/")
        page.locator("link[rel='manifest']").wait_for(state="attached")
        cdp = context.new_cdp_session(page)
        assert cdp.send("Page.getInstallabilityErrors")["installabilityErrors"] == []
        manifest = cdp.send("Page.getAppManifest")
        assert manifest["errors"] == [] and manifest["url"] == address + "/manifest.webmanifest"
        assert page.evaluate("navigator.serviceWorker.ready.then(r => r.scope)") == address + "/"
        for icon in json.loads(manifest["data"])["icons"]:
            size = page.evaluate("""async (src) => {
                const image = new Image();
                image.src = src;
                await image.decode();
                return `${image.naturalWidth}x${image.naturalHeight}`;
            }""", icon["src"])
            assert size == icon["sizes"]
        # Pages under the path are kept; the same host's other paths are not its own.
        page.goto(address + "/kim/")
        settle(page)
        assert {urlpath(item["url"]) for item in kept(page)} == {"/situs/", "/situs/kim/"}
    finally:
        context.close()


def chromium_path():
    from conftest import CHROMIUM
    return CHROMIUM


def test_the_icon_is_the_logo(chromium, tmp_path):
    """icons.py draws logo.svg's geometry: the 192 px icon and Chromium's
    rendering of logo.svg at 192 px differ only at the edges."""
    page = chromium.new_page(viewport={"width": 192, "height": 192})
    try:
        svg = (ROOT / "theme" / "static" / "logo.svg").read_text(encoding="utf-8")
        svg = svg.replace('width="48" height="48"', 'width="192" height="192"', 1)
        page.set_content(f'<body style="margin:0">{svg}</body>')
        page.screenshot(path=str(tmp_path / "logo.png"))
    finally:
        page.close()
    drawn = Image.open(tmp_path / "logo.png").convert("RGB")
    ours = Image.new("RGB", (192, 192), (255, 255, 255))
    icon = icons.draw(192)
    ours.paste(icon, (0, 0), icon)
    differences = [max(abs(a - b) for a, b in zip(one, two, strict=True))
                   for one, two in zip(drawn.get_flattened_data(), ours.get_flattened_data(),
                                       strict=True)]
    assert sum(1 for value in differences if value > 64) / len(differences) < 0.03


# -- deployments --------------------------------------------------------------------

NEW_BRAND = "#8a1c4a"


@pytest.fixture(scope="module")
def deployments(tmp_path_factory):
    """Three builds of the full test content for one address: A, B (a new
    theme colour, so new stylesheets and a new worker version) and C (the
    operator's switch off); `live` is the link a host serves, on A."""
    folder = tmp_path_factory.mktemp("deploy")
    content = make_full_content(folder / "content")
    theme = folder / "tema-baru"
    shutil.copytree(ROOT / "theme", theme)
    tokens = theme / "css" / "00-tokens.css"
    tokens.write_text(tokens.read_text(encoding="utf-8").replace(
        "--brand: #0b5d4b;", f"--brand: {NEW_BRAND};", 1), encoding="utf-8")
    builds = {}
    for name, overrides in (("a", {}), ("b", {"THEME": str(theme)}), ("c", {"OFFLINE": False})):
        result = build(content, folder / name, overrides=overrides)
        assert result.returncode == 0, result.stdout + result.stderr
        builds[name] = folder / name
    live = folder / "live"
    live.symlink_to(builds["a"])
    served = Site(live)
    yield served, live, builds
    served.close()


def deploy(live, output):
    """Switch the served site to `output` at once, as a host's deploy does."""
    fresh = live.with_name("live.baru")
    fresh.symlink_to(output)
    os.replace(fresh, live)


def worker_version(output):
    return json.loads((output / offline.WORKER).read_text(encoding="utf-8")
                      .split("\n", 1)[0].removeprefix("const SETELAN = ").rstrip(";"))["versi"]


CACHES = "caches.keys().then(keys => keys.filter(key => key.startsWith('luring:')))"
HEADER_COLOUR = "getComputedStyle(document.querySelector('.site-header')).backgroundColor"


def reader_of_build_a(context, deployments):
    """A reader who opened the home page and the article of build A."""
    site, live, builds = deployments
    site.signal = True
    deploy(live, builds["a"])
    return reader_of_the_article(context, site)


def test_a_new_deployment_replaces_the_old_files_and_kept_pages_keep_their_look(
        context, deployments):
    site, live, builds = deployments
    page = reader_of_build_a(context, deployments)
    old, new = worker_version(builds["a"]), worker_version(builds["b"])
    assert old != new
    assert f"luring:/:aset:{old}" in page.evaluate(CACHES)
    deploy(live, builds["b"])
    page.goto(site.url + "/")  # the browser looks for a new worker at each visit
    until(page, f"{CACHES}.then(keys => keys.includes('luring:/:aset:{new}') && "
                f"!keys.includes('luring:/:aset:{old}'))")
    page.reload()
    assert page.evaluate(HEADER_COLOUR) == "rgb(138, 28, 74)"
    # The article kept before the deployment, offline and with nothing in the
    # browser's own cache: its own stylesheets came along into the new store.
    page.context.new_cdp_session(page).send("Network.clearBrowserCache")
    offline_now(context, site)
    page.goto(site.url + ARTICLE)
    assert page.locator(".luring-catatan").count() == 1
    assert page.evaluate(HEADER_COLOUR) == "rgb(11, 93, 75)"
    # The base sheet and the article's: both there.
    sheets = page.evaluate("[...document.styleSheets].map(sheet => sheet.cssRules.length)")
    assert len(sheets) == 2 and all(sheets)


def test_the_switch_off_removes_the_worker_and_what_it_kept(context, deployments):
    site, live, builds = deployments
    page = reader_of_build_a(context, deployments)
    assert page.evaluate(CACHES)
    deploy(live, builds["c"])
    page.goto(site.url + "/")
    until(page, "navigator.serviceWorker.getRegistrations().then(all => all.length === 0)")
    until(page, f"{CACHES}.then(keys => keys.length === 0)")
    page.reload()
    assert page.locator("link[rel='manifest'], script[src*='luring']").count() == 0
    assert page.evaluate("navigator.serviceWorker.controller") is None
    offline_now(context, site)
    from playwright.sync_api import Error
    with pytest.raises(Error):
        page.goto(site.url + ARTICLE)


# -- the ceiling ---------------------------------------------------------------------

EXTRA_ARTICLES = 110


@pytest.fixture(scope="module")
def many_pages(tmp_path_factory):
    """The full test content with more than 300 pages."""
    folder = tmp_path_factory.mktemp("banyak")
    content = make_full_content(folder / "content")
    for number in range(1, EXTRA_ARTICLES + 1):
        (content / "berita" / f"2021-02-{number % 28 + 1:02d}-uji-batas-{number}.md").write_text(
            f"---\ntitle: Uji batas simpanan nomor {number}\ndate: 2021-02-{number % 28 + 1:02d} "
            f"08:{number % 60:02d}\ncategory: Pengumuman\nkim: [contoh-satu]\n"
            "summary: Berita rekaan untuk menguji batas simpanan ponsel.\n---\n"
            + "Isi berita rekaan untuk menguji batas simpanan. " * 40 + "\n", encoding="utf-8")
    return folder, content


def visit(page, site, output, count):
    """Open `count` of the site's pages one after the other (those of its
    sitemap, in order); return their paths."""
    sitemap = (output / "sitemap.xml").read_text(encoding="utf-8")
    # The search page is never kept: its results are the network's.
    paths = [urlpath(url) for url in re.findall(r"<loc>([^<]+)</loc>", sitemap)
             if not url.endswith("/cari/")][:count]
    assert len(paths) == count
    controlled(page, site.url + paths[0])
    for path in paths[1:]:
        # Read to its end (a page left before it arrived is not kept).
        page.goto(site.url + path, wait_until="domcontentloaded")
    return paths


def stored(page):
    """What the store really holds: its pages and bytes (the index aside)."""
    return page.evaluate("""async () => {
        let pages = 0, bytes = 0;
        for (const name of await caches.keys()) {
            if (!name.includes(':halaman:')) continue;
            const cache = await caches.open(name);
            for (const request of await cache.keys()) {
                if (request.url.endsWith('/luring/indeks.json')) continue;
                const response = await cache.match(request);
                bytes += (await response.arrayBuffer()).byteLength;
                if ((response.headers.get('Content-Type') || '').startsWith('text/html')) pages++;
            }
        }
        return [pages, bytes];
    }""")


def drained(page, last):
    """The worker's list once it has kept the last page opened."""
    end = time.monotonic() + 30
    while True:
        listed = kept(page)
        if listed and urlpath(listed[0]["url"]) == last or time.monotonic() > end:
            return listed
        time.sleep(0.2)


def filled_store(context, content, output, count, **options):
    """Build `content` into `output` (`options`: build()'s), serve it and open
    `count` of its pages (visit()); gives their paths, the worker's list once
    it has kept the last, and what the store holds (pages, bytes)."""
    result = build(content, output, **options)
    assert result.returncode == 0, result.stdout + result.stderr
    site = Site(output)
    try:
        page = context.new_page()
        paths = visit(page, site, output, count)
        listed = drained(page, paths[-1])
        return paths, listed, stored(page)
    finally:
        site.close()


def test_the_store_keeps_the_newest_200_pages_after_300(context, many_pages):
    folder, content = many_pages
    paths, listed, (pages, size) = filled_store(context, content, folder / "standar", 300)
    assert len(listed) == 200
    assert {urlpath(item["url"]) for item in listed} == set(paths[-200:])
    assert pages == 200 and size <= 25 * 1024 * 1024


def test_the_store_keeps_its_byte_ceiling_dropping_the_oldest_first(context, many_pages):
    folder, content = many_pages
    ceiling = 300_000
    paths, listed, (pages, size) = filled_store(
        context, content, folder / "kecil", 60, overrides={"OFFLINE_MAX_BYTES": ceiling})
    assert size <= ceiling < size + 40_000  # full up to about one page
    assert pages == len(listed) < 60
    assert [urlpath(item["url"]) for item in listed] == paths[::-1][:len(listed)]


# -- what it costs ----------------------------------------------------------------------

FIRST_VISIT_TARGET = 5 * 1024  # compressed bytes the feature may add to a first visit
BROWSER_FETCHES = re.compile(r"^/manifest\.webmanifest$|/aplikasi/")


def visits(chromium, output, profile, on):
    """(path, compressed size) of what a first visit to ARTICLE downloads,
    until the worker runs and the browser has checked that the portal can be
    installed, and then of the second page (UNVISITED)."""
    site = Site(output)
    context = chromium.browser_type.launch_persistent_context(
        str(profile), executable_path=chromium_path(), args=CHROMIUM_ARGS)
    try:
        page = context.new_page()
        if on:
            controlled(page, site.url + ARTICLE)
        else:
            page.goto(site.url + ARTICLE)
        page.wait_for_timeout(2000)
        first = list(site.requests)
        site.requests.clear()
        page.goto(site.url + UNVISITED)
        page.wait_for_timeout(1500)
        second = list(site.requests)
    finally:
        context.close()
        site.close()
    return downloaded(output, first), downloaded(output, second)


def downloaded(output, requests):
    sizes = {}
    for method, path, code in requests:
        target = output / path.lstrip("/")
        if method == "GET" and code == "200":
            target = target / "index.html" if target.is_dir() else target
            sizes[path] = len(gzip.compress(target.read_bytes(), compresslevel=9, mtime=0))
    return sizes


def test_a_first_visit_costs_at_most_5_kb_more(chromium, deployments, tmp_path):
    _, _, builds = deployments
    with_it, second_with = visits(chromium, builds["a"], tmp_path / "a", on=True)
    without, second_without = visits(chromium, builds["c"], tmp_path / "c", on=False)
    browser = {path: size for path, size in with_it.items() if BROWSER_FETCHES.search(path)}
    files = {path: size for path, size in with_it.items()
             if path not in without and path not in browser}
    html = with_it[ARTICLE] - without[ARTICLE]
    page_extra = html + sum(files.values())
    second_extra = sum(size for path, size in second_with.items() if path not in second_without)
    report = [f"{path} {size}" for path, size in sorted({**files, **browser}.items())]
    print("\nfirst visit, extra files:", *report, f"the page's HTML: +{html}", sep="\n  ")
    print(f"first visit: page {page_extra} B, browser's install check {sum(browser.values())} B;"
          f" second page: {second_extra} B")
    assert set(files) == {"/theme/js/luring.js", "/pekerja-luring.js"}
    # The manifest is linked from the second page on (luring.js), so a first
    # visit does not make the browser fetch it and an icon to check it.
    assert browser == {}
    assert page_extra <= FIRST_VISIT_TARGET
    # The offline page and its scripts come with the second page, once.
    assert {"/luring/", "/theme/js/luring-halaman.js", "/theme/js/luring-alat.js"} <= \
        set(second_with)
