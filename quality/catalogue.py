"""The site's page types, one catalogue for every check that visits pages.

Each page type has an id and a way to find an example of it in a built
site: a fixed address, or the first output file that matches a pattern, or
a finder that reads a page (the first fact check listed on /cek-fakta/).
The examples therefore follow whatever content the site was built from: the
tests' fixtures, or the editors' own content for `invoke audit`. The build
tests, the browser tests (layout, axe-core, keyboard) and Lighthouse take
their pages from here, so a new page type is added once.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class PageType:
    id: str
    path: str = ""  # a fixed address, e.g. "/berita/"
    pattern: str = ""  # or: the first output file matching this glob
    find: Callable = None  # or: find(site_dir) -> address or None
    query: str = ""  # added to the address (the search page)
    # Pages only a larger site has (a second page of a list): absent is fine.
    optional: bool = False
    audit: bool = False  # one of the pages Lighthouse audits

    def example(self, site):
        """The address of an example of this type in the built `site`, or None."""
        site = Path(site)
        if self.find is not None:
            address = self.find(site)
        elif self.pattern:
            address = _first(site, self.pattern)
        else:
            address = self.path if _exists(site, self.path) else None
        return address + self.query if address else None


def _address(site, path):
    relative = path.relative_to(site).as_posix()
    return "/" + relative.removesuffix("index.html")


def _exists(site, address):
    relative = address.lstrip("/")
    if relative.endswith(".html"):
        return (site / relative).is_file()
    return (site / relative / "index.html").is_file()


def _first(site, pattern, exclude=None):
    for path in sorted(site.glob(pattern)):
        address = _address(site, path)
        if not (exclude and re.search(exclude, address)):
            return address
    return None


def _linked_from(listing, selector):
    """The first link matching `selector` on the page `listing`."""
    def find(site):
        from selectolax.lexbor import LexborHTMLParser

        page = site / listing.lstrip("/") / "index.html"
        if not page.is_file():
            return None
        link = LexborHTMLParser(page.read_text(encoding="utf-8")).css_first(selector)
        href = link.attributes.get("href") if link is not None else None
        return re.sub(r"^https?://[^/]+", "", href) if href else None
    return find


def _page_containing(pattern, text):
    def find(site):
        for path in sorted(site.glob(pattern)):
            if text in path.read_text(encoding="utf-8"):
                return _address(site, path)
        return None
    return find


ARTICLE = "berita/*/index.html"
NOT_A_LIST = r"/halaman/"

PAGE_TYPES = (
    PageType("beranda", "/", audit=True),
    PageType("berita", "/berita/", audit=True),
    PageType("berita-halaman-2", "/berita/halaman/2/", optional=True),
    PageType("artikel", find=_linked_from("/berita/", ".teaser__title a"), audit=True),
    PageType("artikel-cek-fakta", find=_linked_from("/cek-fakta/", ".teaser__title a"),
             optional=True),
    # The list of a content type is written with its first entry (Portal.has):
    # a site without fact checks, activities, videos, documents or albums
    # has no list of them.
    PageType("cek-fakta", "/cek-fakta/", optional=True, audit=True),
    PageType("kim", "/kim/", audit=True),
    PageType("kim-profil", find=_linked_from("/kim/", ".card__title a"), audit=True),
    # The fullest profile: board members, contacts, photo.
    PageType("kim-profil-lengkap", find=_page_containing("kim/*/index.html", 'id="pengurus"'),
             optional=True),
    PageType("kim-berita", pattern="kim/*/berita/index.html", optional=True),
    PageType("kecamatan", "/kecamatan/"),
    PageType("kecamatan-profil", find=_linked_from("/kecamatan/", "main th a"), audit=True),
    PageType("kecamatan-berita", pattern="kecamatan/*/berita/index.html", optional=True),
    PageType("kecamatan-kim", pattern="kecamatan/*/kim/index.html", optional=True),
    PageType("kecamatan-potensi", pattern="kecamatan/*/potensi/index.html", optional=True),
    PageType("potensi", "/potensi/", audit=True),
    PageType("potensi-kategori", pattern="potensi/kategori/*/index.html", audit=True),
    PageType("potensi-profil", find=_linked_from("/potensi/", ".card__title a"),
             optional=True, audit=True),
    PageType("potensi-whatsapp", find=_page_containing("potensi/*/index.html",
                                                       "button--whatsapp"), optional=True),
    # The printable A4 posters (output/posters.py), of a KIM and of a potensi.
    PageType("kim-poster", pattern="kim/*/poster/index.html"),
    PageType("potensi-poster", pattern="potensi/*/poster/index.html"),
    # The agenda and an activity (domain/agenda.py); a site may have none.
    PageType("agenda", "/agenda/", optional=True, audit=True),
    PageType("acara", find=_linked_from("/agenda/", ".teaser__title a"), optional=True,
             audit=True),
    # Videos (domain/videos.py); a site may have none.
    PageType("video", "/video/", optional=True),
    PageType("video-profil", find=_linked_from("/video/", ".teaser__title a"), optional=True,
             audit=True),
    # Documents (domain/documents.py); a site may have none.
    PageType("dokumen", "/dokumen/", optional=True),
    PageType("dokumen-profil", find=_linked_from("/dokumen/", ".dokumen-item__title a"),
             optional=True),
    # Photo albums (domain/galleries.py); a site may have none.
    PageType("galeri", "/galeri/", optional=True),
    PageType("galeri-album", find=_linked_from("/galeri/", ".teaser__title a"), optional=True),
    PageType("kategori", "/kategori/"),
    PageType("kategori-berita", pattern="kategori/*/index.html", audit=True),
    PageType("tag", "/tag/"),
    PageType("tag-profil", pattern="tag/*/index.html", optional=True, audit=True),
    PageType("arsip", "/arsip/", audit=True),
    PageType("arsip-tahun", pattern="arsip/[0-9]*/index.html"),
    PageType("arsip-bulan", pattern="arsip/*/[0-9]*/index.html", audit=True),
    PageType("arsip-bulan-halaman-2", pattern="arsip/*/*/halaman/2/index.html",
             optional=True),
    PageType("halaman", find=_page_containing("*/index.html", '"jenis:Halaman"'),
             optional=True, audit=True),
    PageType("halaman-kontak", find=_page_containing("*/index.html", 'id="kontak-pengelola"'),
             optional=True),
    PageType("cari", "/cari/", query="?q=kelinci", audit=True),
    PageType("statistik", "/statistik/", audit=True),
    # Every KIM's record by kecamatan (domain/rapor.py); each profile has its own block.
    PageType("rapor", "/rapor/", audit=True),
    PageType("rapor-kecamatan", pattern="rapor/*/index.html", optional=True),
    # Weekly digests for WhatsApp (domain/digest.py): only weeks with news, fact
    # checks or new potensi have one, so a site may have none.
    PageType("ringkasan", "/ringkasan/", optional=True),
    PageType("ringkasan-pekan", pattern="ringkasan/[0-9]*/index.html", optional=True,
             audit=True),
    PageType("ringkasan-kim", pattern="kim/*/ringkasan/index.html", optional=True),
    PageType("ringkasan-kim-pekan", pattern="kim/*/ringkasan/[0-9]*/index.html",
             optional=True),
    PageType("ringkasan-kecamatan", pattern="kecamatan/*/ringkasan/index.html", optional=True),
    PageType("ringkasan-kecamatan-pekan", pattern="kecamatan/*/ringkasan/[0-9]*/index.html",
             optional=True),
    # The feeds and what their "_portal" extension holds (output/feeds.py).
    PageType("umpan", "/feeds/"),
    PageType("peta", "/peta/", audit=True),
    PageType("peta-halaman-2", "/peta/halaman/2/", optional=True),
    PageType("404", "404.html"),
)
BY_ID = {page_type.id: page_type for page_type in PAGE_TYPES}


def examples(site, ids=None):
    """``{id: address}`` of an example of each page type (or of `ids`) in
    the built `site`; optional types the site has no example of are left
    out. A required type without an example raises LookupError."""
    found = {}
    for page_type in PAGE_TYPES:
        if ids is not None and page_type.id not in ids:
            continue
        address = page_type.example(site)
        if address is None:
            if not page_type.optional:
                raise LookupError(f"no example of page type {page_type.id!r} in {site}")
            continue
        found[page_type.id] = address
    return found


def audit_pages(site):
    """The addresses Lighthouse audits: one example of each audited type."""
    return [address for page_id, address in examples(site).items() if BY_ID[page_id].audit]
