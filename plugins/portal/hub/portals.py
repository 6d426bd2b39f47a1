"""What the hub takes from each portal: its newest items, its KIM, its
potensi (JSON Feed 1.1 with the ``_portal`` extension, written by the
portal's build; the contract is README's "Running a hub") and the
Pagefind bundles its search page uses.

A portal's feeds are data from another site, so they are read as untrusted:
only http(s) links, text as text (the templates escape it), at most
``MAX_ITEMS`` items a feed. A portal whose newest items cannot be read is
skipped with a message; a portal whose KIM list, potensi list or search
cannot be read keeps its other parts, also with a message. Nothing here
stops the hub.
"""

import json
import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser

from ..intake.validation import Problem, plain_slug
from ..model.formatting import plain_text
from ..model.messages import say
from ..model.vocabulary import KATEGORI_BY_NAME
from . import fetch
from .fetch import FolderSource, Unreadable, WebSource
from .settings import web_address

NEWEST_FEED = "feeds/semua.json"
KIM_FEED = "feeds/kim.json"
POTENSI_FEED = "feeds/potensi.json"
SEARCH_PAGE = "cari/index.html"
ENTRY_FILE = "pagefind-entry.json"
JSON_FEED_VERSION = "https://jsonfeed.org/version/1"
MAX_ITEMS = 20000
TITLE_LIMIT = 200
SUMMARY_LIMIT = 240
# A Pagefind bundle's folder as the portal names them (output/search.py).
BUNDLE_NAME = re.compile(r"^pagefind(?:-[a-z0-9]+)*$")
PARTS = {KIM_FEED: "direktori KIM", POTENSI_FEED: "katalog potensi",
         SEARCH_PAGE: "pencarian"}
# Which fix each kind of failure (fetch.py) calls for.
FIXES = {fetch.CONNECTION: "hub-perbaiki-sambungan", fetch.MISSING: "hub-perbaiki-umpan",
         fetch.CONTENT: "hub-perbaiki-isi", fetch.FOLDER: "hub-perbaiki-folder",
         fetch.ADDRESS: "hub-perbaiki-alamat"}


@dataclass(frozen=True)
class Entry:
    """One item of a portal's feed, as the hub shows it."""

    portal: str  # the portal's slug
    url: str
    title: str
    summary: str
    date: datetime | None
    jenis: str
    kim: str
    desa: str
    kecamatan: str
    kategori: str


@dataclass
class Portal:
    slug: str
    name: str
    address: str  # where readers reach it ('' when neither settings nor feed say)
    items: list = field(default_factory=list)
    kims: list | None = None  # None: its list could not be read
    potensi: list | None = None
    bundles: list = field(default_factory=list)  # absolute URLs of its search bundles
    down: bool = False  # skipped: its newest items could not be read


def read_all(settings, fetcher, workers=8):
    """(every portal of `settings`, in their order, the problem lines): a
    portal that could not be read is there with `down` set."""
    with ThreadPoolExecutor(max_workers=workers) as pool:
        results = list(pool.map(lambda spec: read_portal(spec, settings, fetcher),
                                settings.portals))
    return [portal for portal, _ in results], [line for _, lines in results for line in lines]


def read_portal(spec, settings, fetcher):
    """(Portal, problem lines) of one portal of the settings."""
    if spec.folder is not None:
        source = FolderSource(spec.folder, _shown_folder(spec, settings))
    else:
        source = WebSource(spec.address, fetcher)
    notes = []

    def note(key, **values):
        notes.append(str(Problem(settings.shown, spec.line, "", say(key, name=spec.name,
                                                                   **values))))

    portal = Portal(spec.slug, spec.name, spec.address)
    try:
        feed = _feed(source, NEWEST_FEED)
    except Unreadable as failure:
        note("hub-portal-dilewati", reason=failure.reason, fix=say(FIXES[failure.kind]))
        portal.down = True
        return portal, notes
    portal.address = spec.address or _address_of(feed)
    portal.items = _entries(feed, spec, source.describe(NEWEST_FEED), note, dated=True)
    for path, attribute in ((KIM_FEED, "kims"), (POTENSI_FEED, "potensi")):
        try:
            entries = _entries(_feed(source, path), spec, source.describe(path), note)
        except Unreadable as failure:
            note("hub-bagian-dilewati", part=PARTS[path], reason=failure.reason,
                 fix=say(FIXES[failure.kind]))
            continue
        setattr(portal, attribute, entries)
    try:
        portal.bundles = _bundles(source, portal.address)
    except Unreadable as failure:
        # A portal's search is made by its build; only a connection or an
        # address has another fix.
        fix = FIXES[failure.kind] if failure.kind in (fetch.CONNECTION, fetch.ADDRESS,
                                                      fetch.FOLDER) else "hub-perbaiki-pencarian"
        note("hub-bagian-dilewati", part=PARTS[SEARCH_PAGE], reason=failure.reason,
             fix=say(fix))
    return portal, notes


def _shown_folder(spec, settings):
    """The portal's folder as the operator wrote it, relative to the
    settings file."""
    try:
        return spec.folder.relative_to(settings.path.parent).as_posix()
    except ValueError:
        return spec.folder.as_posix()


def _address_of(feed):
    """The portal's address from its newest items' own address
    (``feed_url``, <address>/feeds/semua.json): a feed's ``home_page_url``
    is the page it lists (/berita/), not the site."""
    url = web_address(feed.get("feed_url")) or ""
    return url.removesuffix("/" + NEWEST_FEED) if url.endswith("/" + NEWEST_FEED) else ""


def _json(source, path):
    data = source.read(path)
    try:
        return json.loads(data)
    except UnicodeDecodeError:
        detail = "bukan teks UTF-8"
    except json.JSONDecodeError as error:
        detail = f"rusak di baris {error.lineno}, kolom {error.colno}"
    raise Unreadable(say("hub-sebab-json", source=source.describe(path), detail=detail),
                     fetch.CONTENT)


def _feed(source, path):
    """A JSON Feed 1.x as a dict, its items a list."""
    feed = _json(source, path)
    detail = None
    if not isinstance(feed, dict):
        detail = "isinya bukan objek JSON"
    elif not str(feed.get("version", "")).startswith(JSON_FEED_VERSION):
        detail = f"kolom 'version' bukan {JSON_FEED_VERSION}.1"
    elif not isinstance(feed.get("items"), list):
        detail = "kolom 'items' bukan daftar"
    if detail:
        raise Unreadable(say("hub-sebab-bukan-umpan", source=source.describe(path),
                             detail=detail), fetch.CONTENT)
    return feed


def _entries(feed, spec, shown, note, dated=False):
    """The usable items of `feed`; the others counted in one note."""
    entries, refused, first = [], 0, None
    for index, item in enumerate(feed["items"][:MAX_ITEMS], start=1):
        try:
            entries.append(_entry(item, spec.slug, dated))
        except ValueError as reason:
            refused += 1
            first = first or (index, str(reason))
    if refused:
        note("hub-butir-dilewati", count=refused, source=shown, index=first[0],
             reason=first[1])
    return entries


def _entry(item, portal, dated):
    if not isinstance(item, dict):
        raise ValueError("bukan objek JSON")
    url = item.get("url")
    parts = urlsplit(url) if isinstance(url, str) else None
    if parts is None or parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError("kolom 'url' bukan alamat http(s)")
    title = _line(item.get("title"), TITLE_LIMIT)
    if not title:
        raise ValueError("kolom 'title' kosong")
    date = _date(item.get("date_published"))
    if dated and date is None:
        raise ValueError("kolom 'date_published' bukan tanggal RFC 3339")
    extension = item.get("_portal") if isinstance(item.get("_portal"), dict) else {}
    kim = extension.get("kim") if isinstance(extension.get("kim"), dict) else {}
    summary = item.get("summary") or item.get("content_text") or ""
    return Entry(portal, url, title, _line(plain_text(summary) if isinstance(summary, str)
                                           else "", SUMMARY_LIMIT),
                 date, _line(extension.get("jenis"), 40), _line(kim.get("nama"), TITLE_LIMIT),
                 _line(extension.get("desa"), 100), _line(extension.get("kecamatan"), 100),
                 _line(extension.get("kategori"), 100))


def _line(value, limit):
    """`value` as one line of at most `limit` characters ('' if not text)."""
    if not isinstance(value, str):
        return ""
    text = " ".join(value.split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def _date(value):
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def _bundles(source, address):
    """The absolute URLs of the Pagefind bundles the portal's search page
    searches at once (not the archive it searches on request), each
    checked to be there. Only the bundles' names are taken from the page
    and joined to the portal's address: the page itself may carry the
    address it was built for."""
    if not address:
        raise Unreadable(say("hub-sebab-tanpa-alamat", source=source.describe(NEWEST_FEED)),
                         fetch.ADDRESS)
    try:
        page = source.read(SEARCH_PAGE).decode("utf-8")
    except UnicodeDecodeError:
        raise Unreadable(say("hub-sebab-json", source=source.describe(SEARCH_PAGE),
                             detail="bukan teks UTF-8"), fetch.CONTENT) from None
    form = LexborHTMLParser(page).css_first("form[data-pagefind]")
    urls = []
    if form is not None:
        urls = [form.attributes.get("data-pagefind") or ""]
        urls += (form.attributes.get("data-merge") or "").split()
    names = [_bundle_name(url) for url in urls]
    if not names or not all(names):
        raise Unreadable(say("hub-sebab-tanpa-bundel", source=source.describe(SEARCH_PAGE)),
                         fetch.CONTENT)
    for name in names:
        _json(source, f"{name}/{ENTRY_FILE}")
    return [f"{address}/{name}/" for name in dict.fromkeys(names)]


def _bundle_name(url):
    """'pagefind-2' from '.../pagefind-2/' or '.../pagefind/pagefind.js'."""
    path = urlsplit(url).path.removesuffix("pagefind.js").rstrip("/")
    name = path.rsplit("/", 1)[-1]
    return name if BUNDLE_NAME.match(name) else ""


def kategori_slug(name):
    """The slug of a potensi category as the hub's pages name it: the
    portal's own (vocabulary.py: 'UMKM/Jasa' is umkm-jasa) for the
    categories it knows, else one made from the name."""
    known = KATEGORI_BY_NAME.get(name)
    return known.slug if known else plain_slug(name) or "lainnya"
