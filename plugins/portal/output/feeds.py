"""The site's feeds: Atom feeds that do not depend on when the site was
built and that name no author nobody configured (Pelican writes them; the
functions below adjust its feed objects), and their JSON Feed 1.1 twins and
the JSON feeds of their own (``FeedsGenerator``, below).

A feed's <updated> is its newest entry's date; for a feed with no entries
(a KIM that has not published yet) the feed library falls back to the
current time, which would make every build differ. Such a feed takes the
date of the newest article on the site instead.

An entry's author is its `penulis` or the default author of situs.yml
(Pelican's AUTHOR). Without either Pelican passes an empty name, which the
feed library writes as an empty <author>; such entries get none, and the
feed names the site itself (Atom wants an author for every entry, from the
entry or the feed).
"""

import json
from datetime import UTC, datetime

from pelican.generators import Generator

from ..domain import agenda as agenda_domain
from ..domain.digest import first_reported
from ..model.formatting import plain_text
from ..model.vocabulary import CEK_FAKTA

# For a site without a single article.
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def newest_date(articles):
    """The date of the newest of `articles` (the epoch when there is none):
    what an empty feed gives as its last update, so that it changes with the
    content and never with the clock."""
    return max((article.date for article in articles), default=_EPOCH)


def steady_updated(feed, newest):
    """`feed`, whose last update is its newest item's, or `newest` (the
    site's, newest_date) when it has none."""
    latest = feed.latest_post_date
    feed.latest_post_date = lambda: latest() if feed.items else newest
    return feed


def site_as_author(feed, sitename):
    add_item = feed.add_item

    def add(*args, author_name=None, **kwargs):
        return add_item(*args, author_name=str(author_name) if author_name else None, **kwargs)

    feed.add_item = add
    if not feed.feed.get("author_name"):
        feed.feed["author_name"] = sitename
    return feed


# -- JSON Feed 1.1 ---------------------------------------------------------------
#
# Every Atom feed has a JSON Feed twin beside it (its name with .json instead
# of .atom.xml), and the kecamatan, the fact checks, the agenda, the potensi
# and the KIM have JSON feeds of their own: what a hub (another portal that
# joins many) or the national platform reads. The shape both sides follow is
# the JSON Feed 1.1 spec (https://www.jsonfeed.org/version/1.1/) plus one
# extension object per item, "_portal" (the /feeds/ page explains it): the
# KIM, desa, kecamatan, coordinates, category, the image's alt text, the
# source of a republished item, a fact check's claim and verdict and an
# activity's time and place. Every address in a feed is absolute on
# PUBLIC_URL. Only published entries are in the lists the feeds take, so no
# draft is ever in one.
#
# The feeds are written like pages (FeedsGenerator: one process's turn each,
# carried over by incremental builds when nothing they read changed).
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"


def json_twin(atom_path):
    """'feeds/kim/palae.atom.xml' -> 'feeds/kim/palae.json'."""
    return atom_path.removesuffix(".atom.xml") + ".json"


class _Text:
    """What Pelican's writer takes for a template: text made when the file
    is written (and only by the process whose turn it is, parallel.py)."""

    def __init__(self, make):
        self._make = make

    def render(self, context):
        return self._make()


class JsonFeedItems:
    """The JSON Feed items of each kind of entry, with absolute addresses."""

    def __init__(self, settings):
        self.base = settings["PUBLIC_URL"].rstrip("/")
        self.about = self.url(settings["FEEDS_URL"])

    def url(self, path):
        return f"{self.base}/{path}"

    def _item(self, entry, jenis, text, kim=None, place=None, lokasi=None, **portal):
        """The fields every item has. `place` is what names the desa and
        kecamatan (the entry itself, or its first KIM)."""
        address = self.url(entry.url)
        item = {"id": address, "url": address, "title": plain_text(entry.title)}
        if text:
            item["content_text"] = text
        extension = {
            "about": self.about,
            "jenis": jenis,
            "kim": ({"nama": plain_text(kim.title), "slug": kim.slug, "url": self.url(kim.url)}
                    if kim is not None else None),
            "desa": getattr(place, "desa_kelurahan", None) if place is not None else None,
            "kecamatan": getattr(place, "kecamatan", None) if place is not None else None,
            "koordinat": [lokasi["lat"], lokasi["lon"]] if lokasi else None,
            "kategori": None, "gambar_alt": None, "sumber": None,
        }
        extension.update(portal)
        return item, extension

    def _photo(self, item, extension, photo):
        if photo and photo.get("src"):
            item["image"] = self.url(photo["src"])
            extension["gambar_alt"] = photo.get("alt") or None

    def article(self, article):
        kim = article.kim_profiles[0] if article.kim_profiles else None
        # The summary the editor wrote, else Pelican's start of the body. Only
        # then is the body read: a feed that reads no body is carried over
        # when one changes (incremental.py). The body itself is not copied;
        # a reader follows the link (the Atom feed carries it).
        written = article.metadata.get("summary")
        summary = plain_text(written or article.summary or "")
        fact_check = article.category.name == CEK_FAKTA
        original = getattr(article, "diterbitkan_ulang", None) or None
        item, extension = self._item(
            article, "cek-fakta" if fact_check else "berita", summary or plain_text(article.title),
            kim, kim,
            getattr(kim, "lokasi", None), kategori=article.category.name,
            sumber={"nama": original["nama"], "url": original.get("url")} if original else None)
        if summary:
            item["summary"] = summary
        item["date_published"] = article.date.isoformat()
        if getattr(article, "modified", None):
            item["date_modified"] = article.modified.isoformat()
        item["tags"] = [article.category.name] + [tag.name for tag in
                                                  getattr(article, "tags", None) or ()]
        self._photo(item, extension, getattr(article, "gambar", None))
        if getattr(article, "penulis", None):
            item["authors"] = [{"name": str(article.penulis)}]
        if fact_check:
            extension["klaim"] = getattr(article, "klaim", None)
            extension["putusan"] = article.verdict.label if article.verdict else None
        item["_portal"] = extension
        return item

    def kim(self, kim):
        text = getattr(kim, "ringkasan", None) or (
            f"KIM di {kim.jenis_wilayah} {kim.desa_kelurahan}, Kecamatan {kim.kecamatan}.")
        item, extension = self._item(kim, "kim", text, kim, kim, getattr(kim, "lokasi", None))
        item["summary"] = text
        item["tags"] = list(getattr(kim, "fokus", None) or ())
        photo = getattr(kim, "foto", None)
        if not photo and getattr(kim, "logo", None):
            photo = {"src": kim.logo}
        self._photo(item, extension, photo)
        item["_portal"] = extension
        return item

    def potensi(self, potensi):
        owner = potensi.kim_profile or (potensi.desa_kims[0] if potensi.desa_kims else None)
        kategori = [str(name) for name in _as_list(potensi.kategori)]
        item, extension = self._item(potensi, "potensi", potensi.ringkasan, owner, potensi,
                                     potensi.lokasi_efektif,
                                     kategori=kategori[0] if kategori else None)
        item["summary"] = potensi.ringkasan
        reported = first_reported(potensi)
        if reported is not None:
            # No date of its own: the first source that reported it.
            item["date_published"] = f"{reported.isoformat()}T00:00:00+07:00"
        item["tags"] = kategori
        self._photo(item, extension, (getattr(potensi, "foto", None) or [None])[0])
        item["_portal"] = extension
        return item

    def acara(self, acara):
        kim = acara.kim_profiles[0] if acara.kim_profiles else None
        when = agenda_domain.jadwal(acara)
        text = getattr(acara, "ringkasan", None) or f"{plain_text(acara.title)}, {when}."
        end = agenda_domain.end_of(acara)
        tempat = acara.tempat
        item, extension = self._item(
            acara, "acara", text, kim, None, acara.lokasi,
            desa=tempat.get("desa_kelurahan"), kecamatan=tempat.get("kecamatan"),
            mulai=acara.start.isoformat(), selesai=end.isoformat() if end else None,
            tempat=tempat.get("nama"), batal=acara.keadaan == "dibatalkan")
        item["summary"] = f"{when}, {tempat.get('nama')}"
        item["_portal"] = extension
        return item

    def _dated_by_kim(self, entry, jenis, **portal):
        """The fields of a video, an album or a document: its text is its
        summary, else its title; its first KIM names it and places it (desa,
        kecamatan, coordinates); it is dated."""
        kim = entry.kim_profiles[0] if entry.kim_profiles else None
        text = getattr(entry, "ringkasan", None) or plain_text(entry.title)
        item, extension = self._item(entry, jenis, text, kim, kim, getattr(kim, "lokasi", None),
                                     **portal)
        item["date_published"] = entry.date.isoformat()
        return item, extension

    def video(self, video):
        item, extension = self._dated_by_kim(video, "video", kategori=getattr(video, "jenis", None))
        item["external_url"] = video.watch_url
        self._photo(item, extension, getattr(video, "gambar", None))
        item["_portal"] = extension
        return item

    def galeri(self, galeri):
        item, extension = self._dated_by_kim(galeri, "galeri")
        self._photo(item, extension, galeri.foto[0] if galeri.foto else None)
        item["_portal"] = extension
        return item

    def dokumen(self, dokumen):
        item, extension = self._dated_by_kim(dokumen, "dokumen", kategori=dokumen.jenis)
        item["attachments"] = [{"url": self.url(dokumen.file_url),
                                "mime_type": dokumen.file_type}]
        item["_portal"] = extension
        return item


def _as_list(value):
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


class JsonFeed:
    """One JSON Feed file: `path` in the output, its title, the page it
    stands for (`home`), its entries and how each becomes an item."""

    def __init__(self, path, title, home, description, entries, describe, next_path=None):
        self.path, self.title, self.home, self.description = path, title, home, description
        self.entries, self.describe, self.next_path = entries, describe, next_path

    def text(self, items, settings, operator):
        # A name made from a content's title is made now, as the feed is
        # written: what it shows is the feed's (builder/incremental.py).
        title, description = (value() if callable(value) else value
                              for value in (self.title, self.description))
        data = {
            "version": JSON_FEED_VERSION,
            "title": title,
            "home_page_url": items.url(self.home),
            "feed_url": items.url(self.path),
            "language": "id",
            "description": description,
            "favicon": items.url(f"{settings['THEME_STATIC_DIR']}/favicon.svg"),
        }
        if operator:  # never invented: only who situs.yml names
            data["authors"] = [{"name": operator, "url": items.url("")}]
        if self.next_path:
            data["next_url"] = items.url(self.next_path)
        data["items"] = [self.describe(entry) for entry in self.entries]
        return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def json_feeds(context, settings, items):
    """Every JSON feed of the site (`items`: a JsonFeedItems)."""
    portal, sitename = context["portal"], settings["SITENAME"]
    newest = settings["FEED_MAX_ITEMS"]  # None: every entry, as for the Atom feeds

    def feed(path, label, home, description, entries, describe):
        title = (lambda: f"{sitename} — {label()}") if callable(label) else f"{sitename} — {label}"
        return JsonFeed(path, title, home, description, entries[:newest], describe)

    feeds = [feed(json_twin(settings["FEED_ALL_ATOM"]), "Semua berita", settings["INDEX_URL"],
                  "Berita terbaru dari semua KIM.", context["articles"], items.article)]
    for category, articles in context["categories"]:
        feeds.append(feed(json_twin(settings["CATEGORY_FEED_ATOM"].format(slug=category.slug)),
                          category.name, category.url, f"Berita terbaru kategori {category.name}.",
                          articles, items.article))
    for kim in portal.kims:
        def name(kim=kim):  # made as the feed is written (JsonFeed.text)
            return plain_text(kim.title)
        feeds.append(feed(json_twin(settings["KIM_FEED_ATOM"].format(slug=kim.slug)), name,
                          kim.url, lambda name=name: f"Berita terbaru {name()}.",
                          kim.berita_list, items.article))
    for group in portal.kecamatan:
        feeds.append(feed(settings["KECAMATAN_FEED_JSON"].format(slug=group.slug),
                          f"Kecamatan {group.name}", group.url,
                          f"Berita terbaru KIM di Kecamatan {group.name}.", group.berita,
                          items.article))
    # A kind of content with no published entry has neither a list page nor
    # a feed; its feed comes with its first entry.
    sections = [
        (settings["CEK_FAKTA_FEED_JSON"], "Cek fakta", settings["CEK_FAKTA_URL"],
         "Hasil cek fakta terbaru.", portal.cek_fakta, items.article),
        # The activities to come, soonest first, then the latest past ones (as
        # /agenda/ lists them on the build's day).
        (settings["AGENDA_FEED_JSON"], "Agenda", settings["AGENDA_URL"],
         "Kegiatan KIM yang akan datang, lalu yang baru lewat.",
         portal.agenda.coming + portal.agenda.past, items.acara)]
    sections += [(json_twin(settings[f"{kind}_FEED_ATOM"]), label, settings[f"{kind}_INDEX_URL"],
                  f"{label} terbaru.", entries, describe)
                 for entries, kind, label, describe in (
                     (portal.videos, "VIDEO", "Video", items.video),
                     (portal.galleries, "GALERI", "Galeri", items.galeri),
                     (portal.documents.items, "DOKUMEN", "Dokumen", items.dokumen))]
    feeds += [feed(*section) for section in sections if section[4]]
    # Directories: every KIM and every potensi, in pages of FEED_JSON_PAGE.
    feeds += _paged(settings["KIM_FEED_JSON"], f"{sitename} — Daftar KIM",
                    settings["KIM_INDEX_URL"], "Semua KIM di portal ini.", portal.kims,
                    items.kim, settings["FEED_JSON_PAGE"])
    feeds += _paged(settings["POTENSI_FEED_JSON"], f"{sitename} — Daftar potensi",
                    settings["POTENSI_INDEX_URL"], "Semua potensi desa di portal ini.",
                    portal.potensi, items.potensi, settings["FEED_JSON_PAGE"])
    return feeds


def _paged(path, title, home, description, entries, describe, size):
    """'feeds/kim.json' with the first `size` entries, its next_url
    'feeds/kim-2.json' with the next, and so on (always the first file)."""
    def page_path(number):
        return path if number == 1 else path.removesuffix(".json") + f"-{number}.json"

    count = max(1, -(-len(entries) // size))
    return [JsonFeed(page_path(number), title, home, description,
                     entries[(number - 1) * size:number * size], describe,
                     page_path(number + 1) if number < count else None)
            for number in range(1, count + 1)]


class FeedsGenerator(Generator):
    """Writes the JSON feeds and the /feeds/ page that explains them."""

    def generate_context(self):
        pass

    def generate_output(self, writer):
        settings = self.settings
        items = JsonFeedItems(settings)
        operator = getattr(self.env.globals.get("situs"), "nama", None)
        for feed in json_feeds(self.context, settings, items):
            writer.write_file(feed.path, _Text(lambda feed=feed: feed.text(items, settings,
                                                                            operator)),
                              self.context)
        writer.write_file(settings["FEEDS_SAVE_AS"], self.get_template("feeds"), self.context,
                          relative_urls=settings["RELATIVE_URLS"], page_name="feeds",
                          url=settings["FEEDS_URL"])
