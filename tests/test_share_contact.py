"""Share links on KIM, potensi, article and fact-check pages, and the
WhatsApp message and directions on KIM and potensi pages (the fixture
site: KIM Contoh Satu has a WhatsApp number and an approximate location;
its potensi falls back to both)."""

from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from selectolax.lexbor import LexborHTMLParser

BASE = "http://localhost:8000"
SHARED = ["kim/contoh-satu/", "potensi/contoh-potensi/", "berita/berita-contoh-kegiatan-kim/",
          "berita/cek-fakta-klaim-rekaan-tentang-kim-contoh/", "cek-fakta/"]


def page(site, url):
    return LexborHTMLParser((Path(site) / url / "index.html").read_text(encoding="utf-8"))


def text(node):
    return " ".join(node.text().split())


@pytest.mark.parametrize("url", SHARED)
def test_page_shares_to_whatsapp_first_then_facebook_and_offers_its_address(full_site, url):
    tree = page(full_site, url)
    links = tree.css(".share a")
    assert [text(a) for a in links[:2]] == ["WhatsApp", "Facebook"], url
    address = BASE + "/" + url
    whatsapp = links[0].attributes["href"]
    assert whatsapp.startswith("https://wa.me/?text=")
    assert parse_qs(urlsplit(whatsapp).query)["text"][0].endswith(" " + address)
    facebook = links[1].attributes["href"]
    assert parse_qs(urlsplit(facebook).query)["u"] == [address]
    # Copying works without script: the address in a labelled read-only field.
    field = tree.css_first(".share input")
    assert field.attributes["value"] == address and "readonly" in field.attributes
    label = tree.css_first(f'label[for="{field.attributes["id"]}"]')
    assert text(label) == "Salin tautan"
    assert "data-pagefind-ignore" in tree.css_first(".share").attributes


def reach_links(tree):
    """{label: address} of the buttons (a WhatsApp button's label without its number)."""
    return {text(a).split(" 0")[0]: a.attributes["href"] for a in tree.css(".reach a")}


@pytest.mark.parametrize("url,name", [("kim/contoh-satu/", "KIM Contoh Satu"),
                                      ("potensi/contoh-potensi/", "Potensi Contoh")])
def test_whatsapp_message_and_directions_to_the_place(full_site, url, name):
    tree = page(full_site, url)
    links = reach_links(tree)
    whatsapp = urlsplit(links["Pesan lewat WhatsApp"])
    # The KIM's number (0812-0000-0001); the potensi has none and uses its KIM's.
    assert whatsapp.netloc == "wa.me" and whatsapp.path == "/6281200000001"
    message = " ".join(parse_qs(whatsapp.query)["text"][0].split())  # typogrify's no-break spaces
    assert name in message and "Portal KIM Kotawaringin Barat" in message
    directions = urlsplit(links["Petunjuk arah"])
    assert (directions.netloc, directions.path) == ("www.openstreetmap.org", "/directions")
    assert unquote(parse_qs(directions.query)["to"][0]) == "-2.7398,111.7197"
    # The coordinates the page states are those the directions lead to.
    assert "-2.7398, 111.7197" in text(tree.css_first(".location__coords"))
    # The location is approximate (the centre of the desa), and the page says so.
    assert "ke titik perkiraan" in text(tree.css_first(".reach"))
    # The contacts that exist are listed, and none that do not; the WhatsApp
    # number is on the button above, not listed a second time.
    contacts = text(tree.css_first("section[aria-labelledby=kontak]"))
    assert "Email: kim-contoh-satu@example.com" in contacts and "Telepon" not in contacts
    assert "WhatsApp" not in contacts
    assert text(tree.css_first("main")).count("0812-0000-0001") == 1
    assert text(tree.css_first(".reach .button--whatsapp")) == \
        "Pesan lewat WhatsApp 0812-0000-0001"


def test_no_whatsapp_button_without_a_number_and_exact_places_have_no_note(full_site):
    tree = page(full_site, "kim/contoh-dua/")  # no contacts, an exact location
    links = reach_links(tree)
    assert list(links) == ["Petunjuk arah"]
    assert unquote(parse_qs(urlsplit(links["Petunjuk arah"]).query)["to"][0]) == "-2.68,111.62"
    assert "perkiraan" not in text(tree.css_first(".reach"))


def test_directions_to_a_potensi_at_its_kim_place_say_it_is_approximate(full_site):
    # KIM Uji Lama 01 has an exact location; its potensi has none of its own.
    kim = page(full_site, "kim/uji-lama-01/")
    potensi = page(full_site, "potensi/anyaman-uji-lama-01/")
    assert reach_links(kim)["Petunjuk arah"] == reach_links(potensi)["Petunjuk arah"]
    assert "perkiraan" not in text(kim.css_first(".reach"))
    assert "ke titik perkiraan" in text(potensi.css_first(".reach"))


def test_reach_links_only_on_kim_and_potensi_pages(full_site):
    for url in ("berita/berita-contoh-kegiatan-kim/", "cek-fakta/", "kim/"):
        assert not page(full_site, url).css(".reach"), url


def test_prefilled_messages_carry_plain_spaces(full_site):
    """A typogrified title keeps no-break spaces ("KIM Contoh&nbsp;Satu"):
    no WhatsApp, Telegram, X or email message carries one as %C2%A0."""
    checked = 0
    for path in Path(full_site).rglob("index.html"):
        tree = LexborHTMLParser(path.read_text(encoding="utf-8"))
        for link in tree.css(".share a, .reach a"):
            href = link.attributes["href"]
            assert "%C2%A0" not in href.upper(), (path, href)
            checked += "text=" in href
    assert checked > 100
    # The fixture's titles do hold no-break spaces, so the test can fail.
    profile = (Path(full_site) / "kim/contoh-satu/index.html").read_text(encoding="utf-8")
    assert "KIM Contoh&nbsp;Satu" in profile
