"""The hub (`invoke hub`, plugins/portal/hub/): a kabupaten or province portal
built from many portal sites' JSON feeds and search indexes, linking every
entry to its own portal.

Hand-written portals (tests/fixtures/hub/, JSON feeds as the portal writes
them) test what the hub makes of feeds, read from folders and over HTTP
(conditional requests; portals that are down). Two portals built from the
fixtures and served beside the hub from one local server test the search
across portals in Chromium."""

import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from hypothesis import given
from hypothesis import settings as examples
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from conftest import FIXTURES, ROOT, SAMPLE, serving
from conftest import build as build_portal
from portal.hub import build, settings
from portal.hub.build import HubError
from portal.output import search

HUB = FIXTURES / "hub"
DOC = ROOT / "docs" / "pesan-pemeriksaan.md"


def page(folder, path):
    return LexborHTMLParser((Path(folder) / path).read_text(encoding="utf-8"))


def said(node):
    """The text of `node` as a reader reads it: words and single spaces."""
    return " ".join(node.text(separator=" ").split())


def links(tree, selector="main a"):
    return [node.attributes.get("href") for node in tree.css(selector)]


def run(settings_file, target, cache, **options):
    return build.run(settings_file, target, cache, shown="hub.yml", **options)


# -- the settings file --------------------------------------------------------------

def test_the_example_settings_file_is_valid_and_names_no_real_portal():
    example = settings.read(ROOT / "hub.yml.contoh")
    assert [portal.name for portal in example.portals] == [
        "Portal KIM Kabupaten Contoh Barat", "Portal KIM Kabupaten Contoh Timur",
        "Portal KIM Kota Contoh"]
    assert example.portals[1].slug == "contoh-timur"
    assert example.portals[2].folder == ROOT.parent / "portal-kota-contoh" / "output"
    hosts = {urlsplit(url).hostname for url in
             re.findall(r"https?://[^\s)]+", (ROOT / "hub.yml.contoh").read_text())}
    assert hosts and all(host.endswith(".contoh.go.id") for host in hosts), hosts


BROKEN_SETTINGS = {
    "unknown field and a missing name": (
        "judul: Portal\nportal:\n  - nama: A\n    alamat: https://a.contoh.go.id\n",
        ["hub.yml: kolom 'nama': wajib diisi. Perbaiki: tulis 'nama: Portal KIM Provinsi "
         "Contoh'",
         "hub.yml:1: kolom 'judul': kolom ini tidak dikenal. Perbaiki: hapus kolom ini atau "
         "periksa ejaannya; kolom yang dikenal di sini: nama, keterangan, alamat, "
         "kabar_terbaru, portal"]),
    "no portal": (
        "nama: Hub\nportal:\n",
        ["hub.yml:2: kolom 'portal': harus berupa daftar portal. Perbaiki: tulis setiap portal "
         "di baris baru diawali '- nama:', dengan 'alamat:' atau 'folder:' di bawahnya"]),
    "an address without its scheme, a portal without a source, a number out of range": (
        "nama: Hub\nkabar_terbaru: 500\nportal:\n  - nama: A\n    alamat: a.contoh.go.id\n"
        "  - nama: B\n",
        ["hub.yml:2: kolom 'kabar_terbaru': '500' bukan angka 1 sampai 100. Perbaiki: tulis "
         "angka saja, misalnya 30",
         "hub.yml:5: kolom 'portal[1].alamat': 'a.contoh.go.id' bukan alamat web. Perbaiki: "
         "tulis alamat lengkap yang diawali https:// (atau http://), misalnya "
         "https://kim.kabupaten-contoh.go.id",
         "hub.yml:6: kolom 'portal[2]': portal ini tidak punya alamat maupun folder. "
         "Perbaiki: tulis 'alamat:' (alamat portal di web) atau 'folder:' (folder hasil "
         "pembangunannya di komputer ini)"]),
    "one portal twice": (
        "nama: Hub\nportal:\n  - nama: Portal A\n    alamat: https://a.contoh.go.id\n"
        "  - nama: Portal A\n    folder: a\n",
        ["hub.yml:5: kolom 'portal[2].nama': portal 'portal-a' sudah ditulis pada baris 3. "
         "Perbaiki: hapus yang ganda, atau beri portal ini nama atau slug lain"]),
    "a tab": (
        "nama: Hub\nportal:\n\t- nama: A\n",
        ["hub.yml:3: berkas tidak dapat dibaca (ada karakter tab). Perbaiki: periksa titik dua "
         "setelah nama kolom, indentasi dengan spasi (bukan tab), dan beri tanda kutip pada "
         "nilai yang memuat ':' atau '#'"]),
}


@pytest.mark.parametrize("case", BROKEN_SETTINGS)
def test_broken_settings_are_named_with_their_line_field_and_fix(tmp_path, case):
    text, expected = BROKEN_SETTINGS[case]
    (tmp_path / "hub.yml").write_text(text, encoding="utf-8")
    with pytest.raises(settings.SettingsError) as refused:
        settings.read(tmp_path / "hub.yml")
    assert [str(problem) for problem in refused.value.problems] == expected


def test_a_missing_settings_file_says_how_to_start(tmp_path):
    with pytest.raises(HubError) as refused:
        run(tmp_path / "hub.yml", tmp_path / "hub", tmp_path / "cache")
    assert str(refused.value) == (
        "hub.yml: berkas pengaturan hub tidak ada. Perbaiki: salin hub.yml.contoh menjadi "
        "hub.yml, lalu tulis daftar portal di kolom 'portal'")


def test_an_address_given_on_the_command_line_is_checked_too(tmp_path):
    with pytest.raises(HubError) as refused:
        run(HUB / "hub.yml", tmp_path / "hub", tmp_path / "cache", address="kim.contoh.go.id")
    assert str(refused.value) == (
        "--alamat: 'kim.contoh.go.id' bukan alamat web. Perbaiki: tulis alamat lengkap yang "
        "diawali https:// (atau http://), misalnya https://kim.provinsi.contoh.go.id")


# -- a hub from folders ----------------------------------------------------------------

FOLDER_NOTES = [
    "hub.yml:8: portal 'Portal KIM Kabupaten Contoh Timur': 1 butir di "
    "timur/feeds/semua.json dilewati (butir ke-2: kolom 'url' bukan alamat http(s)). "
    "Perbaiki: minta pengelola portal itu membangun ulang situsnya dengan versi portal "
    "terbaru; berkas ini dibuat oleh pembangunan portal, tidak disunting tangan",
    "hub.yml:10: portal 'Portal KIM Kabupaten Contoh Lama': direktori KIM tidak ikut: "
    "lama/feeds/kim.json tidak ada. Bagian lain portal ini tetap ditampilkan. Perbaiki: "
    "periksa alamat portal ini; portal yang dibangun sebelum ada umpan JSON belum punya "
    "berkas itu: minta pengelolanya membangun ulang situsnya dengan versi portal terbaru",
    "hub.yml:10: portal 'Portal KIM Kabupaten Contoh Lama': katalog potensi tidak ikut: "
    "lama/feeds/potensi.json tidak ada. Bagian lain portal ini tetap ditampilkan. Perbaiki: "
    "periksa alamat portal ini; portal yang dibangun sebelum ada umpan JSON belum punya "
    "berkas itu: minta pengelolanya membangun ulang situsnya dengan versi portal terbaru",
    "hub.yml:10: portal 'Portal KIM Kabupaten Contoh Lama': pencarian tidak ikut: "
    "lama/cari/index.html tidak ada. Bagian lain portal ini tetap ditampilkan. Perbaiki: "
    "periksa alamat portal ini; bila alamatnya benar, minta pengelolanya membangun ulang "
    "situsnya dengan versi portal terbaru: halaman cari/ dan indeks pagefind/ dibuat oleh "
    "pembangunan portal",
    "hub.yml:12: portal 'Portal KIM Kabupaten Contoh Rusak' dilewati: rusak/feeds/semua.json "
    "bukan JSON yang sah (rusak di baris 3, kolom 54). Hub tetap dibangun dari portal "
    "lainnya. Perbaiki: minta pengelola portal itu membangun ulang situsnya dengan versi "
    "portal terbaru; berkas ini dibuat oleh pembangunan portal, tidak disunting tangan",
    "hub.yml:14: portal 'Portal KIM Kabupaten Contoh Hilang' dilewati: folder hilang tidak "
    "ada. Hub tetap dibangun dari portal lainnya. Perbaiki: periksa jalur 'folder' (dibaca "
    "dari folder berkas pengaturan), atau bangun dulu portal itu",
]
BARAT = "https://kim.barat.contoh.go.id"
TIMUR = "https://kim.timur.contoh.go.id"


@pytest.fixture(scope="module")
def folder_hub(tmp_path_factory):
    """The fixture hub (tests/fixtures/hub/hub.yml), built from folders."""
    folder = tmp_path_factory.mktemp("hub-folder")
    result = run(HUB / "hub.yml", folder / "hub", folder / "cache")
    return folder / "hub", result


def test_a_portal_that_cannot_be_read_is_reported_in_indonesian_and_skipped(folder_hub):
    _, result = folder_hub
    assert result.notes == FOLDER_NOTES
    assert result.summary == (f"Hub dibangun di {folder_hub[0]}/: 3 dari 5 portal, 6 kabar "
                              "terbaru, 4 KIM, 3 potensi.")


def test_the_home_page_shows_the_newest_items_across_portals_each_linking_to_its_portal(
        folder_hub):
    site, _ = folder_hub
    home = page(site, "index.html")
    titles = [node.text() for node in home.css(".teaser__title a")]
    assert titles == ["Festival perahu hias di Muara Contoh", "Rapat anggota KIM Sungai Contoh",
                      "Cek Fakta: pesan berantai tentang bantuan desa",
                      "Pelatihan menulis berita desa", "Pengumuman lomba foto desa",
                      "Kabar dari portal lama"]
    hrefs = links(home, ".teaser__title a")
    assert hrefs[0] == f"{TIMUR}/berita/festival-perahu-contoh/"
    assert hrefs[1] == f"{BARAT}/berita/rapat-anggota-kim-sungai-contoh/"
    # Each teaser names its portal, linked; nothing links to a script.
    assert [node.text() for node in home.css(".teaser__meta a")][:2] == [
        "Portal KIM Kabupaten Contoh Timur", "Portal KIM Kabupaten Contoh Barat"]
    assert not any(href.startswith("javascript:") for href in links(home, "a"))
    portals = said(home.css_first(".portal-list"))
    assert "Portal KIM Kabupaten Contoh Rusak tidak dapat dibuka" in portals
    assert "daftar KIM belum tersedia · katalog potensi belum tersedia" in portals


def test_the_kim_and_potensi_directories_join_the_portals_without_copying_a_page(folder_hub):
    site, _ = folder_hub
    barat = page(site, "kim/portal-kim-kabupaten-contoh-barat/index.html")
    assert [node.text() for node in barat.css("main h2")] == [
        "Kecamatan Contoh Hilir", "Kecamatan Contoh Hulu"]
    assert links(barat, ".term-list a") == [f"{BARAT}/kim/tanjung-contoh/",
                                            f"{BARAT}/kim/bukit-contoh/",
                                            f"{BARAT}/kim/sungai-contoh/"]
    kuliner = page(site, "potensi/kuliner/index.html")
    assert [said(node) for node in kuliner.css(".term-list li")] == [
        "Amplang Ikan Contoh · KIM Tanjung Contoh, Desa/Kel. Tanjung Contoh, Kecamatan Contoh "
        "Hilir · Portal KIM Kabupaten Contoh Barat",
        "Kerupuk Udang Muara Contoh · KIM Muara Contoh, Desa/Kel. Muara Contoh, Kecamatan "
        "Contoh Pesisir · Portal KIM Kabupaten Contoh Timur"]
    pages = sorted(path.relative_to(site).as_posix() for path in site.rglob("*.html"))
    assert pages == ["cari/index.html", "index.html", "kim/index.html",
                     "kim/portal-kim-kabupaten-contoh-barat/index.html",
                     "kim/portal-kim-kabupaten-contoh-timur/index.html", "potensi/index.html",
                     "potensi/kerajinan/index.html", "potensi/kuliner/index.html"]


def test_the_search_page_merges_each_portals_bundles_and_may_fetch_only_from_them(folder_hub):
    site, _ = folder_hub
    search = page(site, "cari/index.html")
    options = {node.attributes["value"]: node.attributes for node in
               search.css("select[name=portal] option") if node.attributes.get("value")}
    assert options["portal-kim-kabupaten-contoh-barat"]["data-bundel"] == (
        f"{BARAT}/pagefind/ {BARAT}/pagefind-2/")
    assert options["portal-kim-kabupaten-contoh-timur"]["data-alamat"] == TIMUR
    assert "portal-kim-kabupaten-contoh-lama" not in options
    policy = search.css_first('meta[http-equiv="Content-Security-Policy"]').attributes["content"]
    assert policy.endswith(f"connect-src 'self' {BARAT} {TIMUR}")
    assert "script-src 'self' 'wasm-unsafe-eval'" in policy
    home_policy = page(site, "index.html").css_first(
        'meta[http-equiv="Content-Security-Policy"]').attributes["content"]
    assert "connect-src" not in home_policy and "wasm" not in home_policy
    # The hub's own index holds no page of its own to find.
    assert json.loads((site / "pagefind" / "pagefind-entry.json").read_text())[
        "languages"]["id"]["page_count"] == 1
    assert not (site / build.SEARCH_STAND_IN).exists()


def test_the_hub_passes_the_portals_html_checks(folder_hub):
    from quality import vnu
    from quality.site import check_site

    site, _ = folder_hub
    assert check_site(site) == []
    if not vnu.available():
        pytest.skip("Nu HTML Checker (java + vnu-jar) not installed")
    assert vnu.check_html(site) == []


def test_long_lists_are_paginated_within_the_page_budget(tmp_path):
    """A portal of 250 KIM: three pages of its KIM, each within budget (the
    build checks budgets and fails otherwise)."""
    portal = tmp_path / "besar"
    shutil.copytree(HUB / "barat", portal)
    feed = json.loads((portal / "feeds" / "kim.json").read_text())
    feed["items"] = [{**feed["items"][0], "url": f"{BARAT}/kim/kim-{n:03d}/",
                      "title": f"KIM Uji Panjang Sekali Namanya {n:03d}"} for n in range(250)]
    (portal / "feeds" / "kim.json").write_text(json.dumps(feed))
    (tmp_path / "hub.yml").write_text("nama: Hub\nportal:\n  - nama: Besar\n    folder: besar\n")
    run(tmp_path / "hub.yml", tmp_path / "hub", tmp_path / "cache")
    second = page(tmp_path / "hub", "kim/besar/2/index.html")
    assert len(second.css(".term-list li")) == build.PER_PAGE
    assert links(second, ".pagination a") == ["/kim/besar/", "/kim/besar/3/"]
    assert len(page(tmp_path / "hub", "kim/besar/3/index.html").css(".term-list li")) == 50


def test_a_category_written_differently_by_two_portals_is_one_page():
    from portal.hub.portals import Entry, Portal

    def potensi(portal, title, kategori):
        return Entry(portal, f"https://{portal}.contoh.go.id/potensi/{title}/", title, "", None,
                     "potensi", "", "", "", kategori)

    portals = [Portal("a", "A", "https://a.contoh.go.id",
                      potensi=[potensi("a", "amplang", "Kuliner"),
                               potensi("a", "kerupuk", "Kuliner")]),
               Portal("b", "B", "https://b.contoh.go.id",
                      potensi=[potensi("b", "dodol", "kuliner"), potensi("b", "tikar", ""),
                               potensi("b", "bengkel", "UMKM/Jasa")])]
    site = build.HubSite(settings.HubSettings(HUB / "hub.yml", "hub.yml", "Hub", "", "", 30,
                                              ()), portals)
    assert [(name, slug, [entry.title for entry in entries])
            for name, slug, entries in site.potensi_groups()] == [
        ("Kuliner", "kuliner", ["amplang", "dodol", "kerupuk"]),
        ("Lainnya", "lainnya", ["tikar"]), ("UMKM/Jasa", "umkm-jasa", ["bengkel"])]
    # The portal's own category gets its icon.
    assert build._icon(portals[1].potensi[2], {"umkm-jasa", "potensi"}) == "umkm-jasa"


# -- a hub from addresses: conditional requests, portals that are down --------------------

@pytest.fixture
def web(tmp_path):
    """The fixture portals served at /barat/ and /timur/, and one that
    answers broken JSON at /rusak/; yields the server's address."""
    root = tmp_path / "www"
    for name in ("barat", "timur", "rusak"):
        shutil.copytree(HUB / name, root / name)
    with serving(root) as url:
        yield url, root


def web_settings(tmp_path, url, extra=""):
    text = (f"nama: Hub\nalamat: {url}/hub\nportal:\n"
            f"  - nama: Barat\n    alamat: {url}/barat\n"
            f"  - nama: Timur\n    alamat: {url}/timur\n" + extra)
    (tmp_path / "hub.yml").write_text(text, encoding="utf-8")
    return tmp_path / "hub.yml"


def test_a_second_run_downloads_only_what_changed(tmp_path, web):
    url, root = web
    hub_file = web_settings(tmp_path, url)
    first = run(hub_file, tmp_path / "hub", tmp_path / "cache")
    # Barat: 3 feeds, its search page, 2 bundles; Timur: 3 feeds, search page, 1 bundle.
    assert first.answers == {200: 11}
    assert run(hub_file, tmp_path / "hub", tmp_path / "cache").answers == {304: 11}
    # Timur publishes a new item: only its newest items are downloaded again.
    newest = root / "timur" / "feeds" / "semua.json"
    feed = json.loads(newest.read_text())
    feed["items"].insert(0, {**feed["items"][0], "title": "Kabar baru dari Timur",
                             "url": f"{TIMUR}/berita/kabar-baru/",
                             "date_published": "2026-06-14T08:00:00+07:00"})
    newest.write_text(json.dumps(feed))
    later = time.time() + 5  # the server's Last-Modified counts whole seconds
    os.utime(newest, (later, later))
    third = run(hub_file, tmp_path / "hub", tmp_path / "cache")
    assert third.answers == {200: 1, 304: 10}
    assert page(tmp_path / "hub", "index.html").css_first(".teaser__title a").text() == \
        "Kabar baru dari Timur"
    assert third.summary.endswith("diunduh 1 berkas, 10 tidak berubah sejak pengambilan "
                                  "sebelumnya.")


def free_port():
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_portals_that_are_down_are_named_with_the_reason_and_skipped(tmp_path, web):
    url, _ = web
    refused = f"http://127.0.0.1:{free_port()}"
    hub_file = web_settings(tmp_path, url, (
        f"  - nama: Mati\n    alamat: {refused}\n"
        f"  - nama: Kosong\n    alamat: {url}/tidak-ada\n"
        f"  - nama: Rusak\n    alamat: {url}/rusak\n"))
    result = run(hub_file, tmp_path / "hub", tmp_path / "cache")
    # (The first note is Timur's item that links to a script, as from its folder.)
    assert result.notes[1:] == [
        f"hub.yml:8: portal 'Mati' dilewati: {refused}/feeds/semua.json tidak dapat dihubungi "
        "(koneksi ditolak). Hub tetap dibangun dari portal lainnya. Perbaiki: periksa alamat "
        "portal ini; bila alamatnya benar, situs itu sedang tidak dapat dibuka: jalankan hub "
        "lagi nanti",
        f"hub.yml:10: portal 'Kosong' dilewati: {url}/tidak-ada/feeds/semua.json dijawab "
        "dengan HTTP 404. Hub tetap dibangun dari portal lainnya. Perbaiki: periksa alamat "
        "portal ini; portal yang dibangun sebelum ada umpan JSON belum punya berkas itu: minta "
        "pengelolanya membangun ulang situsnya dengan versi portal terbaru",
        f"hub.yml:12: portal 'Rusak' dilewati: {url}/rusak/feeds/semua.json bukan JSON yang "
        "sah (rusak di baris 3, kolom 54). Hub tetap dibangun dari portal lainnya. Perbaiki: "
        "minta pengelola portal itu membangun ulang situsnya dengan versi portal terbaru; "
        "berkas ini dibuat oleh pembangunan portal, tidak disunting tangan",
    ]
    assert "2 dari 5 portal" in result.summary


def test_when_every_portal_is_down_the_hub_stops_and_keeps_the_previous_site(tmp_path, web):
    url, root = web
    hub_file = web_settings(tmp_path, url)
    run(hub_file, tmp_path / "hub", tmp_path / "cache")
    before = (tmp_path / "hub").resolve()
    shutil.rmtree(root / "barat")
    shutil.rmtree(root / "timur")
    with pytest.raises(HubError) as stopped:
        run(hub_file, tmp_path / "hub", tmp_path / "cache")
    assert str(stopped.value).splitlines()[-1] == (
        "tidak ada portal yang dapat dibaca (2 dilewati, lihat pesan di atas); hub tidak "
        "dibangun dan hub/ tidak diubah. Perbaiki: periksa alamat dan folder portal di hub.yml "
        "dan sambungan internet komputer ini, lalu jalankan lagi")
    assert (tmp_path / "hub").resolve() == before and (before / "index.html").is_file()


def test_invoke_hub_prints_the_messages_without_a_traceback_and_exits_non_zero(tmp_path):
    (tmp_path / "hub.yml").write_text("nama: Hub\nportal:\n  - nama: Hilang\n    folder: x\n")
    command = [sys.executable, "-m", "invoke", "hub", "--pengaturan", str(tmp_path / "hub.yml"),
               "--keluaran", str(tmp_path / "hub")]
    failed = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    assert failed.returncode == 1
    assert "Traceback" not in failed.stderr + failed.stdout
    assert "portal 'Hilang' dilewati: folder x tidak ada" in failed.stderr
    assert "tidak ada portal yang dapat dibaca (1 dilewati" in failed.stderr
    shutil.copytree(HUB / "timur", tmp_path / "x")
    passed = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    assert passed.returncode == 0, passed.stderr
    assert "1 dari 1 portal, 2 kabar terbaru, 1 KIM, 1 potensi" in passed.stdout
    assert (tmp_path / "hub" / "index.html").is_file()


# -- the messages catalogue ---------------------------------------------------------------

def test_every_hub_message_in_the_catalogue_is_real(folder_hub):
    quoted = [line for block in re.findall(r"```text\n(.*?)```", DOC.read_text(), re.S)
              for line in block.splitlines() if line.startswith("hub.yml")]
    assert len(quoted) >= 4
    real = set(folder_hub[1].notes)
    for _, expected in BROKEN_SETTINGS.values():
        real.update(expected)
    missing = [line for line in quoted if line not in real]
    assert missing == [], "\n".join(missing)


# -- a hub over two built portals, searched in Chromium ---------------------------------

@pytest.fixture(scope="module")
def joined(tmp_path_factory):
    """The frozen sample built as a portal at /a/, the fictional fixture
    content at /b/, and a hub over both at /hub/ (read from their
    addresses), all from one local server: yields (server address, root)."""
    root = tmp_path_factory.mktemp("hub-web") / "www"
    root.mkdir()
    with serving(root) as url:
        for name, content in (("a", SAMPLE), ("b", FIXTURES / "valid-minimal" / "content")):
            built = build_portal(content, root / name, settings="publishconf.py",
                                 env={"PORTAL_SITEURL": f"{url}/{name}"})
            assert built.returncode == 0, built.stdout + built.stderr
        (root / "hub.yml").write_text(
            f"nama: Portal KIM Provinsi Contoh\nalamat: {url}/hub\nportal:\n"
            f"  - nama: Portal A\n    slug: a\n    alamat: {url}/a\n"
            f"  - nama: Portal B\n    slug: b\n    alamat: {url}/b\n", encoding="utf-8")
        result = run(root / "hub.yml", root / "hub", root.parent / "cache")
        assert result.notes == []
        yield url, root


def search_results(chromium, url, query, portal=""):
    """(status line, result links, console errors) of a search on the hub."""
    from urllib.parse import urlencode

    tab = chromium.new_page()
    errors = []
    tab.on("console", lambda message: errors.append(message.text)
           if message.type == "error" else None)
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.goto(f"{url}/hub/cari/?{urlencode({'q': query, 'portal': portal})}")
    status = tab.locator("[data-search-status]", has_text="portal")
    status.wait_for(timeout=60000)
    tab.wait_for_load_state("networkidle")
    found = [(link.get_attribute("href"), kind.inner_text()) for link, kind in zip(
        tab.locator(".search__title a").all(), tab.locator(".search__kind").all(), strict=True)]
    text = status.inner_text()
    marks = [mark.inner_text() for mark in tab.locator(".search__excerpt mark").all()]
    tab.close()
    search_results.marks = marks  # the last search's highlighted words
    return text, found, errors


def test_one_search_finds_pages_of_every_portal_each_linking_to_its_portal(joined, chromium):
    import urllib.request

    url, _ = joined
    status, found, errors = search_results(chromium, url, "desa")
    assert errors == []
    assert re.fullmatch(r"\d+ hasil untuk “desa” dari 2 portal\.", status), status
    by_portal = {href.split("/")[3] for href, _ in found}
    assert by_portal == {"a", "b"}, found
    for href, kind in found:
        assert kind.endswith("Portal A" if href.startswith(f"{url}/a/") else "Portal B")
    # Excerpts as on a portal's own search (theme/static/js/cuplikan.js):
    # the highlight holds the word, never its punctuation.
    assert search_results.marks
    assert all(re.fullmatch(r"\w(.*\w)?", mark) for mark in search_results.marks), \
        search_results.marks
    # Each result opens its page on its own portal.
    for prefix in ("a", "b"):
        href = next(href for href, _ in found if href.startswith(f"{url}/{prefix}/"))
        with urllib.request.urlopen(href) as answer:
            assert answer.status == 200


def test_the_search_can_keep_to_one_portal(joined, chromium):
    url, _ = joined
    status, found, errors = search_results(chromium, url, "desa", portal="b")
    assert errors == [] and status.endswith("dari 1 portal.")
    assert found and all(href.startswith(f"{url}/b/") for href, _ in found)


def test_a_portal_down_when_the_reader_searches_is_named_and_the_others_still_found(
        joined, chromium):
    url, root = joined
    (root / "b" / "pagefind").rename(root / "b" / "pagefind-mati")
    try:
        status, found, _ = search_results(chromium, url, "desa")
    finally:
        (root / "b" / "pagefind-mati").rename(root / "b" / "pagefind")
    assert status.endswith("dari 1 portal. Portal B tidak dapat dihubungi dan tidak ikut "
                           "dicari."), status
    assert found and all(href.startswith(f"{url}/a/") for href, _ in found)


@pytest.mark.parametrize("path", ["", "kim/", "kim/a/", "potensi/", "cari/?q=desa"])
def test_hub_pages_fit_a_phone_and_pass_axe(joined, chromium, path):
    import axe_playwright_python.sync_playwright as axe_sync

    url, _ = joined
    tab = chromium.new_page(viewport={"width": 360, "height": 800})
    errors = []
    tab.on("console", lambda message: errors.append(message.text)
           if message.type == "error" else None)
    tab.goto(f"{url}/hub/{path}")
    tab.wait_for_load_state("networkidle")
    assert tab.evaluate("document.documentElement.scrollWidth") <= 360
    violations = axe_sync.Axe().run(tab, options={
        "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa",
                                              "wcag22aa"]},
        "resultTypes": ["violations"]}).response["violations"]
    tab.close()
    assert errors == []
    assert [violation["id"] for violation in violations] == []


# -- the portals' word index, cut finer ----------------------------------------------
# A search across portals downloads, from every part of every portal, the
# chunk of the word index that holds the query's word: the portal cuts
# Pagefind's chunks finer (output/search.py, finer_chunks), which is what
# keeps a search across ten portals under 400 KB (docs/performance.md, "Hub").

@pytest.fixture(scope="module")
def word_index(tmp_path_factory):
    """A site of 120 pages of made-up words, indexed by Pagefind itself
    (asli/pagefind) and as the portal's build leaves it (halus/pagefind:
    search.steady, which cuts the chunks finer); each folder has a page to
    search it from."""
    import random

    root = tmp_path_factory.mktemp("indeks-kata")
    chance = random.Random(29)
    syllables = ["ba", "be", "bu", "da", "de", "ka", "ke", "ki", "la", "li", "ma", "me", "pa",
                 "pe", "sa", "ta", "tu"]
    vocabulary = sorted({"".join(chance.choice(syllables) for _ in range(chance.randint(2, 3)))
                         for _ in range(400)})
    for number in range(120):
        text = " ".join(chance.choice(vocabulary) for _ in range(250))
        path = root / "situs" / f"h{number}" / "index.html"
        path.parent.mkdir(parents=True)
        path.write_text(f'<!doctype html><html lang="id"><head><title>h{number}</title></head>'
                        f"<body data-pagefind-body><p>{text}</p></body></html>", encoding="utf-8")
    subprocess.run([sys.executable, "-m", "pagefind", "--site", str(root / "situs"),
                    "--output-path", str(root / "asli" / "pagefind"), "--silent"], check=True)
    shutil.copytree(root / "asli", root / "halus")
    search.steady(root / "halus" / "pagefind")
    for name in ("asli", "halus"):
        (root / name / "index.html").write_text(
            '<!doctype html><html lang="id"><head><meta charset="utf-8"><title>cari</title>'
            "</head><body></body></html>", encoding="utf-8")
    return root


def chunks_of(bundle):
    """[(first, last, its words)] of the word index chunks of `bundle`, in
    the order of its metadata."""
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    meta = search._read(bundle / f"pagefind.{entry['languages']['id']['hash']}.pf_meta")
    return [(first, last, search._read(bundle / "index" / f"{name}.pf_index")[0])
            for first, last, name in meta[2]]


def test_the_word_index_is_cut_as_pagefind_cuts_it_only_finer(word_index):
    own = chunks_of(word_index / "asli" / "pagefind")
    finer = chunks_of(word_index / "halus" / "pagefind")
    words = [word for _, _, chunk in own for word in chunk]
    assert len(own) > 1
    # At Pagefind's own size, the portal's cut gives back Pagefind's chunks and bounds.
    runs = search._cut(words, search.PAGEFIND_CHUNK)
    assert runs == [chunk for _, _, chunk in own]
    assert search._bounds(runs) == [[first, last] for first, last, _ in own]
    # The finer index holds the same words with the same postings, in more chunks...
    assert [word for _, _, chunk in finer for word in chunk] == words
    assert len(finer) >= 4 * len(own)
    # ... and no file of the chunks it replaced.
    files = {path.stem for path in (word_index / "halus" / "pagefind" / "index").iterdir()}
    assert len(files) == len(finer)


@given(st.lists(st.tuples(st.text("abc", min_size=1, max_size=5), st.integers(1, 5000)),
                unique_by=lambda pair: pair[0]))
@examples(max_examples=300, deadline=None)
def test_a_cut_keeps_words_that_begin_alike_together_up_to_pagefinds_own_size(pairs):
    words = [[word, [[0, [1] * (count - 1), []]], []] for word, count in sorted(pairs)]
    runs = search._cut(words, search.CHUNK_POSTINGS)
    assert [word for run in runs for word in run] == words

    def postings(run):
        return sum(1 + len(page[1]) + len(page[2]) for word in run for page in word[1])

    for run, after in zip(runs, runs[1:], strict=False):
        assert postings(run) >= search.CHUNK_POSTINGS
        alike = run[-1][0][:search.CHUNK_PREFIX] == after[0][0][:search.CHUNK_PREFIX]
        assert not alike or postings(run) >= search.PAGEFIND_CHUNK


def test_every_word_and_every_prefix_of_three_letters_finds_what_pagefinds_own_chunks_found(
        word_index, chromium):
    words = sorted({word[0] for _, _, chunk in chunks_of(word_index / "asli" / "pagefind")
                    for word in chunk if word[0].isalpha()})
    prefixes = sorted({word[:size] for word in words for size in range(3, len(word))} - set(words))
    found = {}
    with serving(word_index) as url:
        tab = chromium.new_page()
        for name in ("asli", "halus"):
            tab.goto(f"{url}/{name}/index.html")
            found[name] = tab.evaluate("""async (queries) => {
                const pagefind = await import(new URL("pagefind/pagefind.js", location.href));
                await pagefind.options({ noWorker: true });
                const found = {};
                for (const query of queries) {
                  const search = await pagefind.search(query);
                  found[query] = search.results.map((result) =>
                    `${result.id} ${result.score.toFixed(5)}`).sort();
                }
                return found;
            }""", words + prefixes)
        tab.close()
    own, finer = found["asli"], found["halus"]
    assert all(own[word] for word in words)
    # Every word: the same pages, ranked the same.
    assert [word for word in words if own[word] != finer[word]] == []
    # Every prefix of three letters or more: at least the pages it found before.
    pages = {name: {query: {result.split()[0] for result in results}
                    for query, results in found[name].items()} for name in found}
    assert [prefix for prefix in prefixes if not pages["asli"][prefix] <= pages["halus"][prefix]
            ] == []


# -- the scheduled workflow -------------------------------------------------------------

def test_the_hub_workflow_is_valid_and_does_nothing_without_a_settings_file():
    import yaml

    workflow = ROOT / ".github" / "workflows" / "hub.yml"
    checked = subprocess.run([str(Path(sys.executable).parent / "check-jsonschema"),
                              "--builtin-schema", "vendor.github-workflows", str(workflow)],
                             capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    jobs = yaml.safe_load(workflow.read_text())["jobs"]
    steps = jobs["build"]["steps"]
    settings_step = next(step for step in steps if step.get("id") == "settings")
    assert "[ -f hub.yml ]" in settings_step["run"]
    # Every step after the look for hub.yml runs only when there is one, and
    # so does the deploy.
    after = steps[steps.index(settings_step) + 1:]
    assert after and all(step.get("if") == "steps.settings.outputs.configured == 'true'"
                         for step in after)
    assert jobs["deploy"]["if"] == "needs.build.outputs.configured == 'true'"
    assert any(step.get("run", "").startswith(".venv/bin/invoke hub") for step in after)
    cached = [step for step in after if step.get("uses", "").startswith("actions/cache")]
    assert any(step["with"]["path"] == ".cache/hub" for step in cached)
