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
from pathlib import Path

import pytest
from PIL import Image
from selectolax.lexbor import LexborHTMLParser

from conftest import CHROMIUM_ARGS, ROOT, build, make_full_content
from portal.output import icons, offline
from portal.output.server import _Handler

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

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

    def __init__(self, folder):
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
        self.server = ThreadingHTTPServer(("127.0.0.1", 0),
                                          functools.partial(Handler, directory=str(folder)))
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()

    def got(self, pattern, method="GET"):
        return [path for verb, path, _ in self.requests if verb == method and re.search(pattern, path)]


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


# -- the offline flow ---------------------------------------------------------------

def test_a_page_read_once_is_read_again_offline_with_the_saved_line(context, site):
    page = context.new_page()
    controlled(page, site.url + "/")
    page.goto(site.url + ARTICLE)
    settle(page)
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
    page = context.new_page()
    controlled(page, site.url + "/")
    page.goto(site.url + ARTICLE)
    settle(page)
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
    page = context.new_page()
    controlled(page, site.url + "/")
    page.goto(site.url + ARTICLE)
    settle(page)
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
    until(page, f"document.querySelector('.luring-hemat span').textContent.includes('{count} foto')")
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
