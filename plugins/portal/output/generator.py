"""The generator for the portal's own pages: KIM profiles and directory,
kecamatan pages, the potensi catalogue, the fact-check list, the 404 page and
the editors' web editor at /admin/. The list page of a kind of content with
no published entry (fact checks, agenda, albums, videos, documents) is not
written at all (Portal.has).

It runs after Pelican's article and page generators have read their
content; relations are computed once all content is read (see
``__init__.py``) and used here only for writing.
"""

import os
from functools import partial
from pathlib import Path

from pelican.generators import Generator

from ..domain import galleries, geo, statistics
from ..domain.documents import slugify_jenis
from ..editor import cms, editor_rules
from ..intake import uploads
from ..intake.contents import Acara, Dokumen, Galeri, Kim, Potensi, Video
from ..model.formatting import plain_text
from ..model.vocabulary import KATEGORI_POTENSI, KECAMATAN, VERDICTS
from . import assets, calendar, files, search


class PortalGenerator(Generator):
    build = None  # the PortalBuild this generator belongs to (for_build)

    @classmethod
    def for_build(cls, build):
        """The generator class Pelican instantiates for one build."""
        return type(cls.__name__, (cls,), {"build": build, "__module__": cls.__module__})

    def __init__(self, *args, **kwargs):
        self.kims = []
        self.potensi = []
        self.acara = []
        self.videos = []
        self.dokumen = []
        self.galeri = []
        self.stylesheets = {}
        self.files = None  # files.PublishedFiles, once all content is read
        super().__init__(*args, **kwargs)

    # -- reading ------------------------------------------------------------

    def generate_context(self):
        self.kims = self._read(self.settings["KIM_PATHS"], Kim)
        self.potensi = self._read(self.settings["POTENSI_PATHS"], Potensi)
        self.acara = self._read(self.settings["ACARA_PATHS"], Acara)
        self.videos = self._read(self.settings["VIDEO_PATHS"], Video)
        self.dokumen = self._read(self.settings["DOKUMEN_PATHS"], Dokumen)
        self.galeri = self._read(self.settings["GALERI_PATHS"], Galeri)
        # {sheet: (address in the site, text)}: the base sheet and the page
        # sheets (assets.py); base.html links the base sheet and the page's own.
        self.stylesheets = {
            sheet: (f"{self.settings['THEME_STATIC_DIR']}/css/{name}", text)
            for sheet, (name, text) in assets.bundle(os.path.join(self.theme, "css")).items()}
        self.context["STYLESHEETS"] = {sheet: url for sheet, (url, _) in self.stylesheets.items()}
        self.context["KECAMATAN"] = KECAMATAN
        self.context["JENIS_HALAMAN"] = search.PAGE_KINDS
        self.context["KATEGORI_POTENSI"] = KATEGORI_POTENSI
        self.context["VERDICTS"] = VERDICTS
        self._prepare_files()

    def _prepare_files(self):
        """The files of the content folder this build publishes, their
        copies made before any page is written (files.py). Pelican's and
        the portal's content are read by now: Pelican's StaticGenerator,
        which runs last, must find no link of theirs to copy."""
        content_dir = Path(self.path).resolve()
        self.files = files.PublishedFiles(
            content_dir, Path(self.settings["CACHE_PATH"]) / "berkas", self.build.derivatives,
            self.settings.get("PORTAL_WORKERS"))
        self.files.prepare(uploads.published(
            [entry.document for entry in self.build.corpus], content_dir,
            self.build.situs.pengelola.get("logo"), drafts=bool(self.settings.get("SHOW_DRAFTS"))))
        self.files.take_over_links(self.context)

    def _read(self, paths, content_class):
        items = []
        for path in sorted(self.get_files(paths)):
            item = self.readers.read_file(
                base_path=self.path,
                path=path,
                content_class=content_class,
                context=self.context,
            )
            self.add_source_path(item)
            self.add_static_links(item)
            if item.status == "published":
                items.append(item)
        return items

    # -- writing ------------------------------------------------------------

    def generate_output(self, writer):
        portal = self.context["portal"]
        settings = self.settings
        write = partial(writer.write_file, relative_urls=settings["RELATIVE_URLS"])

        if writer.primary:  # files that are not pages: written once (parallel.py)
            self._write_stylesheets()
            self.files.write(self.output_path)

        for kim in portal.kims:
            write(kim.save_as, self.get_template(kim.template), self.context,
                  kim=kim, page_name=kim.url, url=kim.url)
            self._write_poster(write, kim.poster)
            feed_path = settings["KIM_FEED_ATOM"].format(slug=kim.slug)
            writer.write_feed(
                kim.berita_list, self.context, feed_path,
                settings["KIM_FEED_ATOM_URL"].format(slug=kim.slug),
                # Named as it is written (parallel.ShareWriter: incremental.py).
                feed_title=lambda kim=kim: f"{settings['SITENAME']} — {plain_text(kim.title)}",
            )
        write(settings["KIM_INDEX_SAVE_AS"], self.get_template("kim_index"), self.context,
              page_name="kim", url=settings["KIM_INDEX_URL"])

        for group in portal.kecamatan:
            write(group.save_as, self.get_template("kecamatan"), self.context,
                  group=group, page_name=group.url, url=group.url)
        # Lists too long for the page that shows their start (domain/plan.py).
        for page in portal.plan:
            owner = ({"kim": page.owner} if page.kind.startswith("kim_") else
                     {"group": page.owner, "list_kind": page.kind.removeprefix("kecamatan_")})
            write(page.save_as, self.get_template(page.template), self.context,
                  paginated={page.paginated_name: page.items}, template_name=page.pagination,
                  page_name=page.url, url=page.url, **owner)
        write(settings["KECAMATAN_INDEX_SAVE_AS"], self.get_template("kecamatan_index"),
              self.context, page_name="kecamatan", url=settings["KECAMATAN_INDEX_URL"])

        for item in portal.potensi:
            write(item.save_as, self.get_template(item.template), self.context,
                  potensi=item, page_name=item.url, url=item.url)
            self._write_poster(write, item.poster)
        # The catalogue and its category pages paginate like the news list, so
        # no page grows with the number of potensi. A category without potensi
        # has no page: nothing links it, and it would only say "belum ada".
        for group in portal.kategori:
            if not group.potensi:
                continue
            write(group.save_as, self.get_template("potensi_kategori"), self.context,
                  group=group, paginated={"potensi_items": group.potensi},
                  template_name="potensi_kategori", page_name=group.url, url=group.url)
        self._write_section_list(write, "potensi", portal.potensi)

        places = geo.features(portal, settings["SITEURL"])
        if writer.primary:
            geo.write_geojson(os.path.join(self.output_path, settings["PETA_GEOJSON"]), places)
            geo.copy_leaflet(settings["LEAFLET_DIST"],
                             os.path.join(self.output_path, settings["LEAFLET_SAVE_DIR"]))
        # The list of places (the map page without script) is paginated, by
        # kecamatan, KIM before potensi, then by name; the map itself shows
        # every place.
        order = {group.name: index for index, group in enumerate(portal.kecamatan)}
        listed = sorted(places, key=lambda place: (
            order[place["properties"]["kecamatan"]], place["properties"]["jenis"] != "KIM",
            place["properties"]["nama"].lower()))
        place_groups, start = [], 0
        for group in portal.kecamatan:
            count = sum(1 for place in listed if place["properties"]["kecamatan"] == group.name)
            place_groups.append({"group": group, "count": count,
                                 "page": start // settings["PETA_PER_PAGE"] + 1})
            start += count
        write(settings["PETA_SAVE_AS"], self.get_template("peta"), self.context,
              paginated={"places": listed}, template_name="peta", place_count=len(listed),
              place_groups=place_groups, page_name="peta", url=settings["PETA_URL"],
              # Its places' names were taken before it renders (builder/parallel.py).
              shows=[*portal.kims, *portal.potensi])

        self._write_agenda(writer, write)
        self._write_videos(write)
        self._write_documents(write)
        self._write_galleries(writer, write)
        # One feed each for the newest videos, albums and documents, once
        # there is one (the list page that links it is written then too).
        for items, key, title in ((portal.videos, "VIDEO_FEED_ATOM", "Video"),
                                  (portal.galleries, "GALERI_FEED_ATOM", "Galeri"),
                                  (portal.documents.items, "DOKUMEN_FEED_ATOM", "Dokumen")):
            if items:
                writer.write_feed(items, self.context, settings[key], settings[key],
                                  feed_title=f"{settings['SITENAME']} — {title}")
        self._write_year_archives(write)

        write(settings["CARI_SAVE_AS"], self.get_template("cari"), self.context,
              page_name="cari", url=settings["CARI_URL"])

        figures = statistics.compute(portal, self.context["articles"], settings)
        write(settings["STATISTIK_SAVE_AS"], self.get_template("statistik"), self.context,
              figures=figures, page_name="statistik", url=settings["STATISTIK_URL"])

        self._write_rapor(write)

        if portal.has("cek-fakta"):
            write(settings["CEK_FAKTA_SAVE_AS"], self.get_template("cek_fakta"), self.context,
                  articles=portal.cek_fakta, page_name="cek-fakta",
                  url=settings["CEK_FAKTA_URL"])
        write(settings["NOT_FOUND_SAVE_AS"], self.get_template("404"), self.context,
              page_name="404", url=settings["NOT_FOUND_SAVE_AS"])

        self._write_editor(writer, write)

    def _write_poster(self, write, poster):
        """The printable A4 poster of a KIM or potensi (output/posters.py)."""
        write(poster.save_as, self.get_template("poster"), self.context, poster=poster,
              **{poster.kind: poster.subject}, page_name=poster.url, url=poster.url)

    def _write_rapor(self, write):
        """/rapor/: every KIM's record, by kecamatan (domain/rapor.py)."""
        settings = self.settings
        write(settings["RAPOR_SAVE_AS"], self.get_template("rapor"), self.context,
              rapor=self.context["portal"].rapor, page_name="rapor", url=settings["RAPOR_URL"])

    def _write_agenda(self, writer, write):
        """The agenda, each activity's page, and the calendar files: none
        of them before the first activity (Portal.has)."""
        portal, settings = self.context["portal"], self.settings
        if not portal.has("agenda"):
            return
        for acara in portal.agenda.events:
            write(acara.save_as, self.get_template(acara.template), self.context, acara=acara,
                  page_name=acara.url, url=acara.url)
        write(settings["AGENDA_SAVE_AS"], self.get_template("agenda"), self.context,
              agenda=portal.agenda, paginated={"acara_lalu": portal.agenda.past},
              template_name="agenda", page_name="agenda", url=settings["AGENDA_URL"])
        if writer.primary:
            calendar.write_all(self.output_path, portal.agenda, portal.kims, portal.kecamatan,
                               settings, calendar.published_moment(portal.articles))

    def _write_documents(self, write):
        """Each document's page, the list of all, of each type and of each KIM."""
        portal, settings = self.context["portal"], self.settings
        documents = portal.documents
        for dokumen in documents.items:
            write(dokumen.save_as, self.get_template(dokumen.template), self.context,
                  dokumen=dokumen, page_name=dokumen.url, url=dokumen.url)
        lists = [(settings["DOKUMEN_INDEX_SAVE_AS"], settings["DOKUMEN_INDEX_URL"],
                  documents.items, {})] if portal.has("dokumen") else []
        lists += [(settings["DOKUMEN_JENIS_SAVE_AS"].format(slug=slugify_jenis(jenis)),
                   documents.jenis_urls[jenis], items, {"jenis": jenis})
                  for jenis, items in documents.by_jenis.items()]
        lists += [(settings["DOKUMEN_KIM_SAVE_AS"].format(slug=kim.slug),
                   settings["DOKUMEN_KIM_URL"].format(slug=kim.slug),
                   documents.by_kim[kim.slug], {"kim": kim})
                  for kim in portal.kims if documents.by_kim.get(kim.slug)]
        for save_as, url, items, chosen in lists:
            write(save_as, self.get_template("dokumen_index"), self.context,
                  documents=documents, paginated={"listed": items},
                  template_name="dokumen_index", page_name=url.rstrip("/"), url=url, **chosen)

    def _write_galleries(self, writer, write):
        """Each album's page, the list of all, and the lightbox's files."""
        portal, settings = self.context["portal"], self.settings
        # An album's photos are paginated (GALERI_FOTO_PER_PAGE): no page
        # grows with the number of photos.
        for galeri in portal.galleries:
            write(galeri.save_as, self.get_template(galeri.template), self.context,
                  galeri=galeri, paginated={"foto": galeri.foto}, template_name="galeri",
                  page_name=galeri.url, url=galeri.url)
        self._write_section_list(write, "galeri", portal.galleries)
        if writer.primary:
            galleries.copy_photoswipe(settings["PHOTOSWIPE_DIST"], os.path.join(
                self.output_path, settings["PHOTOSWIPE_SAVE_DIR"]))

    def _write_videos(self, write):
        """Each video's page and the list of all, newest first."""
        portal = self.context["portal"]
        for video in portal.videos:
            write(video.save_as, self.get_template(video.template), self.context, video=video,
                  page_name=video.url, url=video.url)
        self._write_section_list(write, "video", portal.videos)

    def _write_section_list(self, write, section, items):
        """The paginated list of all of a section's entries (/potensi/,
        /video/, /galeri/), once it has one (Portal.has). Its names follow
        the section's: template <section>_index, which (like Pelican's direct
        templates) is saved by <SECTION>_INDEX_SAVE_AS and addressed by
        <SECTION>_INDEX_URL, and lists <section>_items."""
        if not self.context["portal"].has(section):
            return
        template = f"{section}_index"
        write(self.settings[f"{template.upper()}_SAVE_AS"], self.get_template(template),
              self.context, paginated={f"{section}_items": items}, template_name=template,
              page_name=section, url=self.settings[f"{template.upper()}_URL"])

    def _write_year_archives(self, write):
        """One page per year listing its months and how many articles each
        has (Pelican writes the month archives, paginated)."""
        settings = self.settings
        years = {}
        for month in self.context.get("period_archives", {}).get("month", []):
            years.setdefault(month["period_num"][0], []).append(month)
        for year, months in years.items():
            first_day = months[0]["dates"][0].date
            url = settings["YEAR_ARCHIVE_URL"].format(date=first_day)
            write(settings["ARCHIVE_YEAR_SAVE_AS"].format(date=first_day),
                  self.get_template("archives_year"), self.context, year=year, months=months,
                  article_count=sum(len(month["dates"]) for month in months),
                  page_name=url, url=url)

    def _write_editor(self, writer, write):
        """The web editor: Decap's bundle, its configuration generated from
        the content model, and the page that loads them (see cms.py)."""
        settings = self.settings
        if writer.primary:
            folder = os.path.join(self.output_path, settings["CMS_SAVE_DIR"])
            cms.copy_bundle(settings["DECAP_DIST"], folder)
            cms.write_config(os.path.join(folder, "config.yml"), settings)
            cms.write_status_settings(os.path.join(folder, cms.STATUS_FILE), settings)
            # The editor's own check: the rules, and the published entries
            # and files it checks an entry against.
            documents = [entry.document for entry in self.build.corpus]
            editor_rules.write_rules(
                os.path.join(folder, editor_rules.RULES_FILE), documents,
                editor_rules.published_paths(documents, settings["PATH"]))
        write(settings["CMS_SAVE_AS"], self.get_template("admin"), self.context,
              page_name="admin",
              url=settings["CMS_URL"])

    def _write_stylesheets(self):
        for url, text in self.stylesheets.values():
            target = os.path.join(self.output_path, url)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(target, "w", encoding="utf-8") as handle:
                handle.write(text)


def assign_urls(portal, settings):
    """Give the kecamatan and kategori groups their URLs from settings."""
    for group in portal.kecamatan:
        group.url = settings["KECAMATAN_URL"].format(slug=group.slug)
        group.save_as = settings["KECAMATAN_SAVE_AS"].format(slug=group.slug)
    for group in portal.kategori:
        group.url = settings["POTENSI_KATEGORI_URL"].format(slug=group.term.slug)
        group.save_as = settings["POTENSI_KATEGORI_SAVE_AS"].format(slug=group.term.slug)
