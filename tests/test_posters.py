"""Posters for the notice board (plugins/portal/output/posters.py, poster.html):
every KIM and potensi has an A4 poster page, linked from its page, showing only
the facts that exist, kept out of the sitemap and the search index, that prints
from Chromium on exactly one A4 sheet with a QR code a real decoder reads as the
page's public address.

The Nu HTML Checker, the CSP and page-budget gates (test_quality.py) and the
browser checks (test_browser.py: layout, axe-core) cover the poster pages as
they cover every page type (quality/catalogue.py: kim-poster, potensi-poster).

With PORTAL_SCREENSHOT_DIR set (README, "Tests"), a KIM poster and a potensi
poster are written there as printed (the PDF's page rendered to PNG,
`<page>-a4.png`, and `<page>-foto-a4.png` for the fullest ones, with a photo)
and on screen (`<page>-<width>-<light|dark>.png`), <page> being the page id of
quality/catalogue.py. The editors' guide shows the printed potensi poster:
`PORTAL_SCREENSHOT_DIR=docs/gambar pytest tests/test_posters.py -k
"sheet and potensi-contoh-potensi"` refreshes it.
"""

import os
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pypdfium2
import pytest
import zxingcpp
from PIL import Image, ImageDraw
from selectolax.lexbor import LexborHTMLParser

from conftest import FIXTURES, browser_tab, build, serving
from portal.output import posters

BASE = "http://localhost:8000"  # PUBLIC_URL of pelicanconf.py
A4_POINTS = (595.92, 842.88)  # 210 x 297 mm, as Chromium writes it
PRINT_DPI = 150
SCREENSHOTS = os.environ.get("PORTAL_SCREENSHOT_DIR")


def page_tree(site, address):
    return LexborHTMLParser((Path(site) / address.lstrip("/") / "index.html").read_text())


def words(node):
    """The text of `node` as a reader sees it: spaces between elements, one
    plain space for any run of white space (typogrify's no-break spaces too)."""
    return " ".join(node.text(separator=" ").replace("\xa0", " ").split())


def facts(tree):
    """{label: value} of the poster's facts."""
    nodes = tree.css(".poster__facts > dt, .poster__facts > dd")
    assert [node.tag for node in nodes] == ["dt", "dd"] * (len(nodes) // 2)
    return {words(dt): words(dd) for dt, dd in zip(nodes[::2], nodes[1::2], strict=True)}


# --- The pages, in the built full test site -------------------------------------------------

def subjects(site):
    """(kind, slug) of every KIM and potensi page of the built site."""
    found = []
    for kind in ("kim", "potensi"):
        for page in sorted((Path(site) / kind).glob("*/index.html")):
            tree = LexborHTMLParser(page.read_text())
            if tree.css_first("article.profile"):
                found.append((kind, page.parent.name))
    return found


def test_every_kim_and_potensi_links_to_its_poster(full_site):
    found = subjects(full_site)
    assert {kind for kind, _ in found} == {"kim", "potensi"} and len(found) > 40
    for kind, slug in found:
        link = [a for a in page_tree(full_site, f"/{kind}/{slug}/").css("a")
                if a.text(strip=True) == "Cetak poster"]
        assert len(link) == 1, f"/{kind}/{slug}/: {len(link)} 'Cetak poster' links"
        assert link[0].attributes["href"] == f"/{kind}/{slug}/poster/"
        poster = page_tree(full_site, f"/{kind}/{slug}/poster/")
        assert poster.css_first("h1.poster__title"), f"/{kind}/{slug}/poster/ has no title"


def test_poster_shows_the_facts_that_exist_and_no_others(full_site):
    full = page_tree(full_site, "/potensi/contoh-potensi/poster/")
    assert facts(full) == {
        "Tempat": "Desa Contoh Satu, Kecamatan Kumai",
        "Dikelola": "KIM Contoh Satu",
        "Harga": "Rp10.000 per porsi",
        "Jam buka": "Setiap hari, 08.00–17.00 WIB",
        # Its own contacts are empty: its KIM's, saying whose they are.
        "Kontak": "Melalui KIM Contoh Satu: WhatsApp: 0812-0000-0001 Email: "
                  "kim-contoh-satu@example.com Situs web: https://example.com/kim-contoh-satu",
    }
    assert full.css_first(".poster__kind").text() == "Potensi lokal · Kuliner"
    # No price, hours, manager or contact in the content: none on the poster.
    bare = page_tree(full_site, "/potensi/kerupuk-amplang-sungai-kapitan/poster/")
    assert list(facts(bare)) == ["Tempat"]
    assert bare.css_first(".poster__kind").text() == "Potensi lokal · Kuliner, UMKM/Jasa"
    kim = page_tree(full_site, "/kim/contoh-satu/poster/")
    assert list(facts(kim)) == ["Tempat", "Fokus", "Kontak"]
    assert facts(kim)["Fokus"] == "informasi desa, potensi lokal"
    assert facts(kim)["Kontak"].startswith("WhatsApp: 0812-0000-0001")


def test_a_photo_too_small_to_print_is_left_out(full_site):
    # contoh.png is 8 x 8 px: it would print as a blur. No other photo replaces
    # it: the plain icon of the KIM or of the potensi's category does.
    for address, icon in (("/kim/contoh-satu/poster/", "#kim"),
                          ("/potensi/contoh-potensi/poster/", "#kuliner")):
        tree = page_tree(full_site, address)
        assert tree.css("main img") == [], address
        assert "poster--no-photo" in tree.css_first(".poster").attributes["class"]
        (use,) = tree.css(".poster__ikon use")
        assert use.attributes["href"].endswith("/ikon.svg" + icon), address


def test_qr_code_is_inline_svg_of_the_public_page_address(full_site):
    tree = page_tree(full_site, "/kim/palae/poster/")
    svg = tree.css_first(".poster__qr svg")
    assert svg is not None and svg.css_first("path") is not None
    assert svg.css_first("title").text() == f"Kode QR menuju {BASE}/kim/palae/"
    assert tree.css_first(".poster__url").text() == f"{BASE}/kim/palae/"


def test_posters_are_kept_out_of_sitemap_and_search(full_site):
    locs = [node.text for node in ET.parse(Path(full_site) / "sitemap.xml").getroot().iter(
        "{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert BASE + "/kim/palae/" in locs
    assert not [loc for loc in locs if "/poster/" in loc]
    tree = page_tree(full_site, "/kim/palae/poster/")
    assert tree.css_first('meta[name="robots"]').attributes["content"] == "noindex"
    assert tree.css_first("[data-pagefind-body]") is None


# --- The module on its own ------------------------------------------------------------------

def test_qr_codes_are_drawn_once_and_read_back_from_the_cache(tmp_path):
    codes = posters.QrCodes(tmp_path / "qr")
    first = codes.svg("https://contoh.test/kim/a/", "Kode QR")
    assert first.startswith('<svg viewBox="') and "<title>Kode QR</title>" in first
    (cached,) = (tmp_path / "qr").glob("*.svg")
    cached.write_text(first.replace("Kode QR", "dari cache"))
    assert "dari cache" in codes.svg("https://contoh.test/kim/a/", "Kode QR")
    assert "dari cache" not in codes.svg("https://contoh.test/kim/b/", "Kode QR")


def test_only_a_photo_wide_enough_is_printable(tmp_path):
    Image.new("RGB", (posters.MIN_PHOTO_WIDTH, 400)).save(tmp_path / "lebar.jpg")
    Image.new("RGB", (posters.MIN_PHOTO_WIDTH - 1, 900)).save(tmp_path / "sempit.jpg")
    wide = {"src": "lebar.jpg", "alt": "Lebar"}
    assert posters.printable_photo(wide, tmp_path) is wide
    assert posters.printable_photo({"src": "sempit.jpg", "alt": "x"}, tmp_path) is None
    assert posters.printable_photo({"src": "hilang.jpg", "alt": "x"}, tmp_path) is None
    assert posters.printable_photo(None, tmp_path) is None


# --- Printed from Chromium ------------------------------------------------------------------

LONG_TITLE = ("Wisata Susur Sungai dan Kerajinan Anyaman Purun Kelompok Pengrajin Desa "
              "Rekaan Panjang")
LONG_TEXT = ("Ringkasan rekaan yang sengaja dibuat sepanjang batas tiga ratus karakter untuk "
             "menguji apakah poster tetap muat satu lembar A4 ketika semua isian terisi penuh, "
             "termasuk harga, jam buka, kontak lengkap dengan alamat situs yang panjang, dan foto "
             "besar yang tinggi sekali bentuknya sampai batas.")[:300]


def _photo(path, size):
    """A fictional picture (stripes and a circle) of `size`, as an editor's JPEG."""
    image = Image.new("RGB", size, "#dfe8e4")
    pen = ImageDraw.Draw(image)
    for x in range(0, size[0], 60):
        pen.rectangle((x, 0, x + 29, size[1]), fill="#7a8f87")
    pen.ellipse((size[0] // 4, size[1] // 4, size[0] * 3 // 4, size[1] * 3 // 4), fill="#0b5d4b")
    image.save(path, "JPEG", quality=70)


def _fullest_content(target):
    """The fixture content plus a KIM and a potensi with every field a poster
    shows filled in to its longest, and a photo large enough to print."""
    shutil.copytree(FIXTURES / "valid-minimal" / "content", target)
    _photo(target / "images" / "potret.jpg", (900, 1600))
    _photo(target / "images" / "lanskap.jpg", (1600, 1000))
    contacts = ("kontak:\n  whatsapp: \"0812-0000-0042\"\n  email: pengelola-poster@example.com\n"
                "  website: https://example.com/sebuah/alamat/situs/yang/cukup/panjang\n"
                "  facebook: https://facebook.com/halaman-rekaan-yang-panjang-sekali\n"
                "  instagram: https://instagram.com/akun_rekaan_panjang\n"
                "  youtube: https://youtube.com/@kanal-rekaan-panjang\n")
    (target / "kim" / "poster-penuh.md").write_text(
        f"---\ntitle: KIM {LONG_TITLE}\nslug: poster-penuh\ndesa_kelurahan: Rekaan Panjang\n"
        "jenis_wilayah: desa\nkecamatan: Pangkalan Lada\n"
        "fokus:\n  - informasi desa\n  - potensi lokal\n  - literasi digital\n"
        "  - kesehatan masyarakat\n  - pertanian\n  - pariwisata\n"
        f"{contacts}foto:\n  src: images/potret.jpg\n  alt: Gambar rekaan bergaris\n"
        f"ringkasan: {LONG_TEXT}\n---\nProfil rekaan.\n", encoding="utf-8")
    (target / "potensi" / "poster-penuh.md").write_text(
        f"---\ntitle: {LONG_TITLE}\nslug: poster-penuh\ndesa_kelurahan: Rekaan Panjang\n"
        "jenis_wilayah: desa\nkecamatan: Pangkalan Lada\nkim: poster-penuh\n"
        "kategori:\n  - Wisata Alam\n  - Kerajinan\n  - UMKM/Jasa\n"
        f"ringkasan: {LONG_TEXT}\n"
        "harga: mulai Rp25.000 per orang, rombongan lebih dari sepuluh orang mendapat potongan\n"
        "jam_buka: Senin sampai Jumat 08.00–16.00 WIB, Sabtu dan Minggu 07.00–17.00 WIB\n"
        f"{contacts}foto:\n  - src: images/potret.jpg\n    alt: Gambar rekaan bergaris\n"
        "  - src: images/lanskap.jpg\n    alt: Gambar rekaan kedua\n"
        f"---\nDeskripsi rekaan.\n", encoding="utf-8")
    return target


@pytest.fixture(scope="module")
def fullest_site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("poster")
    content = _fullest_content(folder / "content")
    result = build(content, folder / "output")
    assert result.returncode == 0, result.stdout + result.stderr
    with serving(folder / "output") as url:
        yield folder / "output", url


@pytest.fixture(scope="module")
def served_full(full_site):
    with serving(full_site) as url:
        yield url


def printed(chromium, url, scheme="light"):
    """The page at `url` printed by Chromium to an A4 PDF (bytes), and how its
    poster fits: {"scroll": content height, "client": the poster's height}."""
    # As wide as the printed sheet's text (A4 less the poster's 12 mm margins),
    # so that the page measured in print media is laid out as it is printed.
    with browser_tab(chromium, viewport={"width": 703, "height": 1000},
                     color_scheme=scheme) as page:
        response = page.goto(url)
        assert response.ok, f"{url}: HTTP {response.status}"
        page.emulate_media(media="print")
        fit = page.eval_on_selector(
            ".poster", "p => ({scroll: p.scrollHeight, client: p.clientHeight})")
        return page.pdf(format="A4", print_background=False), fit


def rendered(pdf):
    """(page count, size of the first page in points, first page as a greyscale image)."""
    document = pypdfium2.PdfDocument(pdf)
    try:
        first = document[0]
        image = first.render(scale=PRINT_DPI / 72, grayscale=True).to_pil()
        return len(document), first.get_size(), image
    finally:
        document.close()


def decoded(image):
    return [result.text for result in zxingcpp.read_barcodes(image)
            if result.format == zxingcpp.BarcodeFormat.QRCode]


def save_screenshot(image_or_page, name):
    if not SCREENSHOTS:
        return
    folder = Path(SCREENSHOTS)
    folder.mkdir(parents=True, exist_ok=True)
    if isinstance(image_or_page, Image.Image):
        image_or_page.save(folder / name, optimize=True)
    else:
        image_or_page.screenshot(path=str(folder / name), full_page=True)


PRINTED = [("kim", "contoh-satu"), ("potensi", "contoh-potensi"), ("kim", "palae"),
           ("potensi", "kerupuk-amplang-sungai-kapitan")]


@pytest.mark.parametrize(("kind", "slug"), PRINTED, ids=[f"{k}-{s}" for k, s in PRINTED])
def test_poster_prints_on_one_a4_sheet_with_a_readable_qr_code(chromium, served_full, kind,
                                                               slug):
    pdf, fit = printed(chromium, f"{served_full}/{kind}/{slug}/poster/")
    pages, size, image = rendered(pdf)
    where = f"/{kind}/{slug}/poster/"
    assert pages == 1, f"{where}: printed on {pages} A4 pages"
    assert size == pytest.approx(A4_POINTS, abs=1), f"{where}: page of {size} pt"
    assert fit["scroll"] <= fit["client"], f"{where}: printed poster is cut off ({fit})"
    # Greyscale, no backgrounds: what a black-and-white printer gives.
    assert decoded(image) == [f"{BASE}/{kind}/{slug}/"], f"{where}: QR code unreadable"
    if (kind, slug) in (("kim", "contoh-satu"), ("potensi", "contoh-potensi")):
        save_screenshot(image, f"{kind}-poster-a4.png")


@pytest.mark.parametrize("kind", ["kim", "potensi"])
def test_fullest_poster_still_fits_one_sheet(chromium, fullest_site, kind):
    """Longest title and summary, every contact, a tall photo: one sheet, nothing cut."""
    output, url = fullest_site
    where = f"/{kind}/poster-penuh/poster/"
    tree = page_tree(output, where)
    assert tree.css_first("img.poster__photo").attributes["src"] == "/images/potret.jpg"
    assert tree.css_first(".poster__ikon") is None
    pdf, fit = printed(chromium, url + where)
    pages, _, image = rendered(pdf)
    assert pages == 1, f"{where}: printed on {pages} A4 pages"
    assert fit["scroll"] <= fit["client"], f"{where}: printed poster is cut off ({fit})"
    assert decoded(image) == [f"{BASE}/{kind}/poster-penuh/"], f"{where}: QR code unreadable"
    text = pypdfium2.PdfDocument(pdf)[0].get_textpage().get_text_range()
    assert "Kotawaringin Barat" in text and "Pindai untuk membuka" in text
    # The site's header, menu and footer are not printed on the poster.
    assert "Langsung ke isi" not in text and "Cek Fakta" not in text
    save_screenshot(image, f"{kind}-poster-foto-a4.png")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [360, 1280])
def test_poster_page_on_screen(chromium, served_full, scheme, width):
    """On screen the poster sits in the page, with the note on how to print it;
    its QR code keeps a white ground in dark mode and decodes from a screenshot."""
    with browser_tab(chromium, viewport={"width": width, "height": 900},
                     color_scheme=scheme) as page:
        for kind, slug in (("kim", "contoh-satu"), ("potensi", "contoh-potensi")):
            page.goto(f"{served_full}/{kind}/{slug}/poster/")
            assert page.get_by_text("Cetak lewat menu").is_visible()
            back = page.get_by_role("link", name=re.compile("^Kembali ke halaman"))
            assert back.get_attribute("href") == f"/{kind}/{slug}/"
            shot = page.locator(".poster__qr-code").screenshot()
            from io import BytesIO

            assert decoded(Image.open(BytesIO(shot))) == [f"{BASE}/{kind}/{slug}/"], (
                f"{kind}/{slug} at {width} px, {scheme}: QR code unreadable on screen")
            save_screenshot(page, f"{kind}-poster-{width}-{scheme}.png")


def test_the_poster_page_has_a_print_button_and_says_how_to_print_without_it(
        chromium, served_full):
    """A button opens the print dialog; without script it is not there, and
    the note says how to print from a phone's menu too, never "Ctrl+P",
    which a phone has not (issue 26, point 9)."""
    address = f"{served_full}/potensi/contoh-potensi/poster/"
    with browser_tab(chromium, viewport={"width": 360, "height": 800}) as tab:
        tab.add_init_script("window.print = () => { window.printed = true; };")
        tab.goto(address)
        note = tab.locator(".poster-note").inner_text()
        assert "Ctrl" not in note and "Bagikan" in note and "Cetak" in note
        tab.get_by_role("button", name="Cetak poster").click()
        assert tab.evaluate("window.printed === true")
    with browser_tab(chromium, java_script_enabled=False) as tab:
        tab.goto(address)
        assert not tab.get_by_role("button", name="Cetak poster").is_visible()
        assert tab.get_by_text("Cetak lewat menu peramban").is_visible()
