"""JSON Feed 1.1 (output/feeds.py): a twin of every Atom feed with the same
entries, feeds of their own for each kecamatan, the fact checks, the agenda
and the KIM and potensi directories; every file valid against the JSON Feed
1.1 rules (the schema below is written from the spec, jsonfeed.org/version/1.1,
which publishes none), every address absolute and built, and the "_portal"
extension holding what an aggregator needs (/work/notes' contract with the
hub: KIM, desa, kecamatan, coordinates, category, image alt, source, claim
and verdict, an activity's time and place)."""

import json
import re
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import pytest
from jsonschema import Draft202012Validator, FormatChecker

from conftest import FIXTURES, build, build_full

SITEURL = "https://kim.example.id"

# -- JSON Feed 1.1, from the spec ------------------------------------------------

_STRING = {"type": "string"}
_URL = {"type": "string", "format": "uri"}
# "Publishers can use custom objects in JSON Feeds. Names must start with an
# _ character followed by a letter." Any other member is the spec's own:
# a misspelt one (datePublished, content) fails here instead of being ignored
# by readers.
_EXTENSIONS = {"^_[a-zA-Z]": {}}
_AUTHOR = {
    "type": "object",
    "properties": {"name": _STRING, "url": _URL, "avatar": _URL},
    # "...if you provide an author object, then at least one is required."
    "minProperties": 1,
    "additionalProperties": False,
    "patternProperties": _EXTENSIONS,
}
ITEM = {
    "type": "object",
    "required": ["id"],
    # "content_html and content_text are each optional strings — but one or
    # both must be present."
    "anyOf": [{"required": ["content_html"]}, {"required": ["content_text"]}],
    "properties": {
        "id": _STRING, "url": _URL, "external_url": _URL, "title": _STRING,
        "content_html": _STRING, "content_text": _STRING, "summary": _STRING,
        "image": _URL, "banner_image": _URL,
        "date_published": {"type": "string", "format": "date-time"},
        "date_modified": {"type": "string", "format": "date-time"},
        "authors": {"type": "array", "items": _AUTHOR},
        "tags": {"type": "array", "items": _STRING},
        "language": _STRING,
        "attachments": {"type": "array", "items": {
            "type": "object", "required": ["url", "mime_type"],
            "properties": {"url": _URL, "mime_type": _STRING, "title": _STRING,
                           "size_in_bytes": {"type": "number"},
                           "duration_in_seconds": {"type": "number"}},
            "additionalProperties": False, "patternProperties": _EXTENSIONS}},
    },
    "additionalProperties": False,
    "patternProperties": _EXTENSIONS,
}
JSON_FEED_1_1 = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "required": ["version", "title", "items"],
    "properties": {
        "version": {"const": "https://jsonfeed.org/version/1.1"},
        "title": _STRING, "home_page_url": _URL, "feed_url": _URL, "description": _STRING,
        "user_comment": _STRING, "next_url": _URL, "icon": _URL, "favicon": _URL,
        "authors": {"type": "array", "items": _AUTHOR}, "language": _STRING,
        "expired": {"type": "boolean"},
        "hubs": {"type": "array", "items": {"type": "object", "required": ["type", "url"]}},
        "items": {"type": "array", "items": ITEM},
    },
    "additionalProperties": False,
    "patternProperties": _EXTENSIONS,
}

# The portal's extension, as agreed with the hub (notes/contract-jsonfeed.md).
_NULLABLE_TEXT = {"type": ["string", "null"]}
PORTAL = {
    "type": "object",
    "required": ["about", "jenis", "kim", "desa", "kecamatan", "koordinat", "kategori",
                 "gambar_alt", "sumber"],
    "properties": {
        "about": {"const": f"{SITEURL}/feeds/"},
        "jenis": {"enum": ["berita", "cek-fakta", "acara", "potensi", "kim", "galeri", "video",
                           "dokumen"]},
        "kim": {"oneOf": [{"type": "null"}, {
            "type": "object", "required": ["nama", "slug", "url"],
            "properties": {"nama": _STRING, "slug": _STRING, "url": _URL},
            "additionalProperties": False}]},
        "desa": _NULLABLE_TEXT, "kecamatan": _NULLABLE_TEXT, "kategori": _NULLABLE_TEXT,
        "gambar_alt": _NULLABLE_TEXT, "klaim": _NULLABLE_TEXT, "putusan": _NULLABLE_TEXT,
        "tempat": _NULLABLE_TEXT,
        "koordinat": {"oneOf": [{"type": "null"}, {
            "type": "array", "items": {"type": "number"}, "minItems": 2, "maxItems": 2}]},
        "sumber": {"oneOf": [{"type": "null"}, {
            "type": "object", "required": ["nama", "url"],
            "properties": {"nama": _STRING, "url": {"type": ["string", "null"]}}}]},
        "mulai": {"type": "string", "format": "date-time"},
        "selesai": {"oneOf": [{"type": "null"}, {"type": "string", "format": "date-time"}]},
        "batal": {"type": "boolean"},
    },
    "additionalProperties": False,
}

FORMATS = FormatChecker(formats=())
# RFC 3339: a full date and time with its offset (the spec's dates).
_RFC_3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$")


@FORMATS.checks("date-time")
def _is_rfc_3339(value):
    return bool(_RFC_3339.match(value)) and bool(datetime.fromisoformat(value))


@FORMATS.checks("uri")
def _is_absolute_url(value):
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


FEED_VALIDATOR = Draft202012Validator(JSON_FEED_1_1, format_checker=FORMATS)
PORTAL_VALIDATOR = Draft202012Validator(PORTAL, format_checker=FORMATS)


def problems(data):
    """Every way `data` breaks JSON Feed 1.1 or the portal's extension."""
    found = [f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
             for error in FEED_VALIDATOR.iter_errors(data)]
    for index, item in enumerate(data.get("items", ())):
        found += [f"items/{index}/_portal/{'/'.join(map(str, error.absolute_path))}: "
                  f"{error.message}" for error in PORTAL_VALIDATOR.iter_errors(
                      item.get("_portal", {}))]
    return found


# -- the built site ----------------------------------------------------------------

@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build_full(tmp_path_factory.mktemp("umpan-json"), settings="publishconf.py",
                      env={"PORTAL_SITEURL": SITEURL})


def feeds(site):
    return {path.relative_to(site).as_posix(): json.loads(path.read_text(encoding="utf-8"))
            for path in sorted((site / "feeds").rglob("*.json"))}


def item(site, feed, url_path):
    data = feeds(site)[feed]
    return next(entry for entry in data["items"] if entry["url"] == f"{SITEURL}/{url_path}")


def built(site, url):
    """Whether an absolute address names a file of the built site."""
    assert url.startswith(SITEURL + "/"), url
    path = url.removeprefix(SITEURL + "/")
    return (site / path / "index.html").is_file() if path.endswith("/") or not path \
        else (site / path).is_file()


def test_the_schema_catches_what_the_spec_forbids():
    good = {"version": "https://jsonfeed.org/version/1.1", "title": "Uji",
            "items": [{"id": "1", "content_text": "Isi."}]}
    assert FEED_VALIDATOR.is_valid(good)
    for broken in (
            {**good, "version": "https://jsonfeed.org/version/1"},
            {key: value for key, value in good.items() if key != "title"},
            {**good, "items": [{"id": "1"}]},  # neither content_html nor content_text
            {**good, "items": [{"content_text": "Isi."}]},  # no id
            {**good, "items": [{"id": "1", "content_text": "x", "date_published": "2024-01-15"}]},
            {**good, "items": [{"id": "1", "content_text": "x", "image": "/images/a.png"}]},
            {**good, "items": [{"id": "1", "content_text": "x", "datePublished": "x"}]},
            {**good, "authors": [{}]},
            {**good, "feed_url": "feeds/semua.json"}):
        assert not FEED_VALIDATOR.is_valid(broken), broken
    assert FEED_VALIDATOR.is_valid({**good, "_portal": {"anything": 1}})


def test_every_json_feed_is_valid_json_feed_1_1_with_built_addresses(site):
    found = feeds(site)
    assert len(found) >= 40
    for name, data in found.items():
        assert problems(data) == [], name
        assert data["feed_url"] == f"{SITEURL}/{name}"
        assert data["language"] == "id"
        assert built(site, data["home_page_url"]), name
        ids = [entry["id"] for entry in data["items"]]
        assert len(ids) == len(set(ids)), name
        for entry in data["items"]:
            addresses = [entry["id"], entry["url"], entry.get("image"),
                         *(attachment["url"] for attachment in entry.get("attachments", ())),
                         entry["_portal"]["kim"] and entry["_portal"]["kim"]["url"]]
            for address in filter(None, addresses):
                assert built(site, address), f"{name}: {address}"
            # Text fields are text: no markup, no no-break space.
            for field in ("title", "summary", "content_text"):
                assert not re.search(r"<[a-zA-Z/]|&nbsp;|\xa0", entry.get(field, "")), \
                    f"{name}: {field} {entry.get(field)!r}"


def test_every_atom_feed_has_a_json_twin_with_the_same_entries(site):
    atom_feeds = sorted((site / "feeds").rglob("*.atom.xml"))
    assert len(atom_feeds) >= 30
    for atom in atom_feeds:
        twin = atom.with_name(atom.name.removesuffix(".atom.xml") + ".json")
        data = json.loads(twin.read_text(encoding="utf-8"))
        assert [entry.link for entry in feedparser.parse(atom.read_bytes()).entries] == \
            [entry["url"] for entry in data["items"]], atom.name


def test_feeds_of_their_own_cover_kecamatan_fact_checks_agenda_and_directories(site):
    found = feeds(site)
    from portal.model.vocabulary import KECAMATAN

    assert {f"feeds/kecamatan/{k.slug}.json" for k in KECAMATAN} <= found.keys()
    kims = {path.stem for path in (site / "kim").glob("*/") if (path / "index.html").is_file()}
    assert {entry["_portal"]["kim"]["slug"] for entry in found["feeds/kim.json"]["items"]} == kims
    assert "next_url" not in found["feeds/kim.json"]  # fewer than FEED_JSON_PAGE
    assert {entry["_portal"]["jenis"] for entry in found["feeds/cek-fakta.json"]["items"]} == \
        {"cek-fakta"}
    potensi = {entry["url"] for entry in found["feeds/potensi.json"]["items"]}
    assert len(potensi) == len(list((site / "potensi").glob("*/poster")))
    # The agenda as /agenda/ lists it: what is coming first, soonest first.
    agenda = [entry["_portal"]["mulai"] for entry in found["feeds/agenda.json"]["items"]]
    assert agenda[:2] == ["2026-07-04T09:00:00+07:00", "2026-08-15T00:00:00+07:00"]


def test_items_carry_what_an_aggregator_needs(site):
    news = item(site, "feeds/kim/contoh-satu.json", "berita/berita-contoh-kegiatan-kim/")
    assert news["title"] == "Berita Contoh Kegiatan KIM"
    assert news["summary"] == "Berita rekaan untuk data uji."
    assert news["date_published"] == "2024-01-15T09:30:00+07:00"
    assert news["tags"] == ["Kegiatan", "KIM", "Contoh"]
    assert news["image"] == f"{SITEURL}/images/contoh.png"
    assert news["authors"] == [{"name": "Penulis Rekaan"}]
    # The summary, not the body: the hub links to the page (the Atom feed
    # carries the body).
    assert news["content_text"] == news["summary"] and "content_html" not in news
    assert news["_portal"] == {
        "about": f"{SITEURL}/feeds/", "jenis": "berita",
        "kim": {"nama": "KIM Contoh Satu", "slug": "contoh-satu",
                "url": f"{SITEURL}/kim/contoh-satu/"},
        "desa": "Contoh Satu", "kecamatan": "Kumai", "koordinat": [-2.7398, 111.7197],
        "kategori": "Kegiatan", "gambar_alt": "Gambar contoh berita",
        "sumber": {"nama": "Media Rekaan", "url": "https://example.com/berita-asal"}}
    check = item(site, "feeds/cek-fakta.json", "berita/cek-fakta-klaim-rekaan-tentang-kim-contoh/")
    assert check["_portal"]["klaim"] == "KIM Contoh Satu membagikan hadiah lewat pesan berantai"
    assert check["_portal"]["putusan"] == "HOAKS"
    assert "klaim" not in news["_portal"]
    festival = item(site, "feeds/agenda.json", "agenda/festival-contoh/")
    assert festival["_portal"] | {"kim": None} == {
        "about": f"{SITEURL}/feeds/", "jenis": "acara", "kim": None, "desa": None,
        "kecamatan": "Arut Selatan", "koordinat": None, "kategori": None, "gambar_alt": None,
        "sumber": None, "mulai": "2026-08-15T00:00:00+07:00",
        "selesai": "2026-08-18T00:00:00+07:00", "tempat": "Lapangan Contoh", "batal": False}
    assert item(site, "feeds/agenda.json", "agenda/pelatihan-contoh/")["_portal"]["batal"]
    potensi = item(site, "feeds/potensi.json", "potensi/contoh-potensi/")
    assert potensi["_portal"]["kategori"] == "Kuliner"
    # A potensi without a location of its own is at its KIM's.
    assert potensi["_portal"]["koordinat"] == [-2.7398, 111.7197]
    assert potensi["_portal"]["gambar_alt"] == "Gambar contoh potensi"
    kim = item(site, "feeds/kim.json", "kim/contoh-satu/")
    assert kim["_portal"]["jenis"] == "kim" and kim["_portal"]["kecamatan"] == "Kumai"
    document = item(site, "feeds/dokumen.json", "dokumen/sk-contoh-satu/")
    assert document["attachments"] == [{"url": f"{SITEURL}/berkas/sk-contoh-satu.pdf",
                                        "mime_type": "application/pdf"}]
    # The operator situs.yml names, and nobody else.
    assert feeds(site)["feeds/semua.json"]["authors"] == [
        {"name": "Pengelola Rekaan Portal Contoh", "url": f"{SITEURL}/"}]


def test_the_feeds_page_explains_the_extension_and_links_every_site_wide_feed(site):
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser((site / "feeds" / "index.html").read_text(encoding="utf-8"))
    linked = {a.attributes["href"] for a in tree.css("main a")}
    for name in ("semua.json", "semua.atom.xml", "cek-fakta.json", "agenda.json", "kim.json",
                 "potensi.json", "video.json", "galeri.json", "dokumen.json"):
        assert f"{SITEURL}/feeds/{name}" in linked
    fields = {code.text() for code in tree.css("#kolom-portal ~ dl dt code")}
    assert set(PORTAL["properties"]) - {"about"} <= fields


def test_long_directories_are_paged_with_next_url(tmp_path):
    output = tmp_path / "output"
    result = build(FIXTURES / "valid-minimal" / "content", output, settings="publishconf.py",
                   env={"PORTAL_SITEURL": SITEURL}, overrides={"FEED_JSON_PAGE": 1})
    assert result.returncode == 0, result.stdout + result.stderr
    seen, address = [], f"{SITEURL}/feeds/kim.json"
    while address:
        data = json.loads(Path(output, address.removeprefix(SITEURL + "/")).read_text())
        assert problems(data) == []
        assert len(data["items"]) == 1
        seen += [entry["url"] for entry in data["items"]]
        address = data.get("next_url")
    assert seen == [f"{SITEURL}/kim/contoh-dua/", f"{SITEURL}/kim/contoh-satu/"]
