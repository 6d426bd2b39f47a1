"""Writing the hub's site: a home page with the newest items of every portal,
KIM and potensi directories across portals, and one search over all of
them. Every entry links to its own portal; no page of a portal is copied.

The pages use the theme's templates in ``theme/templates/hub/``, the
theme's base sheet (and the search page's sheet) bundled as the portal
bundles them (``output/assets.py``), and its icons. They pass the portal's
own output checks (``quality/site.py``: links, security rules, page
budgets) before the new site replaces the old one, the way the portal's
builds do (``builder/swap.py``): a run that fails leaves the previous hub as
it was.

The search page needs script only from the hub itself: Pagefind's program
comes from the hub's own bundle, an index of no pages, into which the
reader's browser merges each portal's index (fetched from the portal's
address, so the page's policy allows those addresses for fetching: CORS on
the portals' hosts, README "Running a hub").
"""

import hashlib
import re
import shutil
from collections import Counter
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from jinja2 import Environment, FileSystemLoader

from ..builder import swap
from ..model import formatting
from ..model.messages import say
from ..output import assets, search
from ..output.policy import PagePolicy, origin
from . import portals as portal_data
from .fetch import Fetcher
from .settings import SettingsError, web_address
from .settings import read as read_settings

THEME = Path(__file__).resolve().parents[3] / "theme"
STATIC = "theme"  # the folder of the hub's own files, as THEME_STATIC_DIR on the portal
STATIC_FILES = ("logo.svg", "favicon.svg", "ikon.svg")
SCRIPT = Path("hub") / "cari.js"
# The portal's own module for search excerpts, which the hub's script imports.
SHARED_SCRIPTS = ("cuplikan.js",)
STYLE = Path("hub") / "hub.css"  # the hub's own rules, after the theme's sheets
SEARCH_STAND_IN = "pagefind-isi/index.html"
SEARCH_STAND_IN_WORD = "hubtanpahalaman"
PER_PAGE = 100  # KIM or potensi on one list page
# The kinds of item as the portal's feeds name them (_portal.jenis), in words.
JENIS = {"berita": "Berita", "cek-fakta": "Cek Fakta", "acara": "Agenda", "potensi": "Potensi",
         "kim": "KIM", "galeri": "Galeri", "video": "Video", "dokumen": "Dokumen"}
ICONS = {"cek-fakta": "cek-fakta", "acara": "agenda", "kim": "kim", "potensi": "potensi"}
OTHER_KATEGORI = "Lainnya"


class HubError(Exception):
    """The hub was not built; the message (Indonesian) says why."""


@dataclass
class Result:
    notes: list  # portals or parts skipped (Indonesian lines)
    summary: str  # one line: what was built, and what was downloaded
    answers: dict  # HTTP status -> how many requests got it (200: downloaded, 304: unchanged)


def run(settings_path, target, cache_dir, address=None, theme=THEME, shown=None):
    """Build the hub of the settings file at `settings_path` into `target`
    (a link switched to a complete build). `address`: the hub's public
    address, instead of the settings' `alamat`."""
    try:
        settings = read_settings(settings_path, shown)
    except SettingsError as error:
        raise HubError(str(error)) from None
    if address is not None:
        settings = _with_address(settings, address)
    fetcher = Fetcher(cache_dir)
    portals, notes = portal_data.read_all(settings, fetcher)
    live = [portal for portal in portals if not portal.down]
    target = Path(target)
    if not live:
        raise HubError("\n".join(notes + [say("hub-semua-dilewati", count=len(portals),
                                              target=target.name, settings=settings.shown)]))
    site = HubSite(settings, portals, theme)
    try:
        with swap.build_lock(target):
            swap.check(target)
            swap.remove(swap.leftovers(target))
            fresh = swap.new_build(target)
            try:
                site.write(fresh)
                problems = site.check(fresh)
            except BaseException:
                swap.remove(swap.with_marks(fresh))
                raise
            if problems:
                swap.remove(swap.with_marks(fresh))
                raise HubError("\n".join(problems) + f"\nPemeriksaan hasil gagal; {target.name}/ "
                               "tidak diubah.")
            swap.mark_complete(fresh)
            previous = swap.switch(target, fresh)
            if previous is not None:
                swap.remove(swap.with_marks(previous))
    except swap.Refused as refusal:
        raise HubError(str(refusal)) from None
    counts = fetcher.counts
    fetched = (f"; diunduh {counts[200]} berkas, {counts[304]} tidak berubah sejak "
               "pengambilan sebelumnya" if counts[200] or counts[304] else "")
    summary = (f"Hub dibangun di {target}/: {len(live)} dari {len(portals)} portal, "
               f"{len(site.newest)} kabar terbaru, {site.totals['kims']} KIM, "
               f"{site.totals['potensi']} potensi{fetched}.")
    return Result(notes, summary, dict(counts))


def _with_address(settings, address):
    checked = web_address(address)
    if checked is None:
        raise HubError("--alamat: " + say("hub-alamat-bukan-web", value=address,
                                          example="https://kim.provinsi.contoh.go.id"))
    return replace(settings, address=checked)


class HubSite:
    """The pages of one hub, from its settings and its portals' data."""

    def __init__(self, settings, portals, theme=THEME):
        self.settings = settings
        self.portals = portals
        self.live = [portal for portal in portals if not portal.down]
        self.theme = Path(theme)
        self.by_slug = {portal.slug: portal for portal in portals}
        self.newest = _newest(self.live, settings.newest)
        self.policy = PagePolicy()
        self.totals = {part: sum(len(getattr(portal, part) or ()) for portal in self.live)
                       for part in ("kims", "potensi")}

    # -- writing ---------------------------------------------------------------

    def write(self, folder):
        folder = Path(folder)
        sheets = self._write_assets(folder)
        environment = self._environment(sheets)
        for output_file, template, values in self.pages():
            page = environment.get_template(template).render(output_file=output_file, **values)
            target = folder / output_file
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(page, encoding="utf-8")
        # Pagefind's program for the search page, and an index the portals'
        # indexes are merged into in the browser. Pagefind refuses an index
        # without a word, so it holds one page whose only word no reader
        # types; the page itself is not published.
        page = folder / SEARCH_STAND_IN
        page.parent.mkdir(parents=True)
        page.write_text('<!doctype html><html lang="id"><head><title>-</title></head><body '
                        f'data-pagefind-body><p>{SEARCH_STAND_IN_WORD}</p></body></html>',
                        encoding="utf-8")
        search.build_index(folder, {"pagefind": [SEARCH_STAND_IN]})
        shutil.rmtree(page.parent)

    def check(self, folder):
        """The portal's output checks (links, security, page budgets)."""
        from quality.site import check_site

        return check_site(folder, self.settings.address, workers=1, policy=self.policy)

    def _write_assets(self, folder):
        static = folder / STATIC
        (static / "css").mkdir(parents=True)
        sheets = {}
        for sheet, (name, text) in assets.bundle(self.theme / "css").items():
            if sheet in (assets.BASE, "cari"):
                (static / "css" / name).write_text(text, encoding="utf-8")
                sheets[sheet] = f"{STATIC}/css/{name}"
        for name in STATIC_FILES:
            shutil.copyfile(self.theme / "static" / name, static / name)
        sheet = assets.minify((self.theme / STYLE).read_text(encoding="utf-8")) + "\n"
        name = f"hub.{hashlib.sha256(sheet.encode('utf-8')).hexdigest()[:10]}.css"
        (static / "css" / name).write_text(sheet, encoding="utf-8")
        sheets["hub"] = f"{STATIC}/css/{name}"
        (static / "js").mkdir()
        shutil.copyfile(self.theme / SCRIPT, static / "js" / "hub-cari.js")
        for name in SHARED_SCRIPTS:
            shutil.copyfile(self.theme / "static" / "js" / name, static / "js" / name)
        return sheets

    def _environment(self, sheets):
        environment = Environment(loader=FileSystemLoader(str(self.theme / "templates")),
                                  autoescape=True, trim_blocks=True, lstrip_blocks=True)
        environment.filters.update(formatting.FILTERS)
        icons = set(re.findall(r'<symbol[^>]* id="([^"]+)"',
                               (self.theme / "static" / "ikon.svg").read_text()))
        environment.globals.update(
            SITEURL=self.settings.address, THEME_STATIC_DIR=STATIC, hub=self.settings,
            STYLESHEETS=sheets, portals=self.portals, live=self.live, by_slug=self.by_slug,
            totals=self.totals,
            csp=self.csp, JENIS=JENIS, icon_of=lambda entry: _icon(entry, icons))
        return environment

    def csp(self, search_page=False):
        """The reader pages' policy; the search page may also fetch the
        portals' indexes from their addresses."""
        policy = self.policy.reader_csp(search=search_page)
        if search_page:
            origins = sorted({origin(url) for portal in self.live for url in portal.bundles})
            policy += "; connect-src 'self'" + "".join(f" {host}" for host in origins)
        return policy

    # -- what the pages show ---------------------------------------------------

    def pages(self):
        """(output file, template, values) of every page."""
        yield "index.html", "hub/beranda.html", {"newest": self.newest}
        yield "kim/index.html", "hub/kim.html", {}
        for portal in self.live:
            if portal.kims is None:
                continue
            kims = sorted(portal.kims or (), key=lambda kim: (kim.kecamatan.casefold(),
                                                        kim.title.casefold()))
            yield from _paginated(f"kim/{portal.slug}/", kims, "hub/kim_portal.html",
                                  {"portal": portal})
        groups = self.potensi_groups()
        yield "potensi/index.html", "hub/potensi.html", {"groups": groups}
        for name, slug, entries in groups:
            yield from _paginated(f"potensi/{slug}/", entries, "hub/potensi_kategori.html",
                                  {"kategori": name})
        yield "cari/index.html", "hub/cari.html", {"kinds": search.PAGE_KINDS}

    def potensi_groups(self):
        """[(category, its slug, its potensi across portals)], by name. A
        category is one page whatever case or accents a portal writes it
        in (one slug), named as most of its potensi name it."""
        grouped = {}
        for portal in self.live:
            for entry in portal.potensi or ():
                name = entry.kategori or OTHER_KATEGORI
                grouped.setdefault(portal_data.kategori_slug(name), []).append((name, entry))
        groups = []
        for slug, pairs in grouped.items():
            name = Counter(name for name, _ in pairs).most_common(1)[0][0]
            entries = sorted((entry for _, entry in pairs), key=lambda entry: (
                entry.title.casefold(), self.by_slug[entry.portal].name))
            groups.append((name, slug, entries))
        return sorted(groups, key=lambda group: group[0].casefold())


def _newest(portals, count):
    """The `count` newest items across `portals`, each once."""
    seen, newest = set(), []
    items = [entry for portal in portals for entry in portal.items]
    for entry in sorted(items, key=lambda entry: entry.date or datetime.min.replace(tzinfo=UTC),
                        reverse=True):
        if entry.url not in seen:
            seen.add(entry.url)
            newest.append(entry)
        if len(newest) == count:
            break
    return newest


def _paginated(base, entries, template, values):
    """The pages of a list, PER_PAGE entries each: `base`, then `base`2/ ..."""
    pages = [entries[start:start + PER_PAGE] for start in range(0, len(entries), PER_PAGE)]
    pages = pages or [[]]
    for number, chunk in enumerate(pages, start=1):
        folder = base if number == 1 else f"{base}{number}/"
        yield f"{folder}index.html", template, {
            **values, "entries": chunk, "number": number, "count": len(pages),
            "previous": (base if number == 2 else f"{base}{number - 1}/") if number > 1
            else None,
            "next": f"{base}{number + 1}/" if number < len(pages) else None}


def _icon(entry, icons):
    """The sprite's icon for an item: its category's, else its kind's."""
    for name in (portal_data.kategori_slug(entry.kategori) if entry.kategori else None,
                 ICONS.get(entry.jenis)):
        if name in icons:
            return name
    return "potensi" if entry.jenis == "potensi" else "berita"
