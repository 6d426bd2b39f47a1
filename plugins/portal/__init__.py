"""The portal's Pelican plugin: content model, validation, relations and the
pages for KIM, kecamatan, potensi and fact checks."""

import functools
import sys
from pathlib import Path

from jinja2 import FileSystemBytecodeCache
from pelican import signals
from pelican.contents import Content
from pelican.generators import ArticlesGenerator

from .builder import incremental, parallel
from .builder.state import CONTENT_LISTS, PortalBuild
from .domain import agenda, digest, documents, galleries, grouping, videos
from .domain.plan import plan_pages
from .domain.rapor import build as build_rapor
from .domain.relations import link
from .domain.structured_data import StructuredData
from .intake import corpus, images, rendering, situs
from .intake.reader import PortalMarkdownReader
from .intake.validation import format_report, unexpected
from .model import formatting, kinds
from .model.vocabulary import JENIS_DOKUMEN
from .output import offline, posters, previews, search, sitemap
from .output.digest import DigestGenerator
from .output.feeds import FeedsGenerator
from .output.generator import PortalGenerator, assign_urls
from .output.policy import PagePolicy


def _initialized(pelican):
    """Validate and render all content, before Pelican reads any of it; make
    the build's objects and hand them to the steps that use them."""
    settings = pelican.settings
    content_dir = Path(settings["PATH"])
    options = rendering.take_over_typography(settings)
    try:
        content, problems = corpus.load(content_dir, content_dir.parent, options,
                                        settings["CACHE_PATH"], settings.get("PORTAL_WORKERS"))
    except Exception as error:  # noqa: BLE001 - an editor sees a message, not a traceback
        print(f"content/: {unexpected(error)}", file=sys.stderr)
        raise SystemExit(1) from None
    if problems:
        # Printed, not logged: one plain line per problem, never wrapped.
        print(format_report(problems), file=sys.stderr)
        raise SystemExit(1)
    # Everything but the bodies that this build's pages can read, before the
    # plugin adds its objects to the settings (incremental.py).
    base = incremental.base_key(settings, [entry.document for entry in content], content_dir,
                                agenda.today(settings.get("AGENDA_TODAY")))
    derivatives = images.Derivatives(settings["PATH"], settings["OUTPUT_PATH"],
                                     Path(settings["CACHE_PATH"]) / "gambar", settings["SITEURL"])
    # Who runs the portal (content/situs.yml, validated above): the templates
    # and the structured data read it; its default author is Pelican's own
    # AUTHOR setting, so feeds and pages name nobody that nobody configured.
    site = situs.load(content_dir)
    link_previews = previews.Previews(
        settings["PATH"], settings["OUTPUT_PATH"], Path(settings["CACHE_PATH"]) / "pratinjau",
        Path(settings["THEME"]) / "css" / "00-tokens.css", settings["SITENAME"],
        settings.get("PORTAL_WORKERS"))
    pelican.portal_build = PortalBuild(content, derivatives, site, link_previews, base,
                                       rendering=options)
    settings.pop("AUTHOR", None)
    if site.default_author:
        settings["AUTHOR"] = site.default_author
    settings["ARTICLE_ORDER_BY"] = grouping.newest_first
    show_drafts = bool(settings.get("SHOW_DRAFTS"))
    if not show_drafts:
        # Pelican writes no page whose address is empty: no draft article or
        # page is published (the portal's own types never write drafts).
        for name in ("DRAFT_URL", "DRAFT_SAVE_AS", "DRAFT_PAGE_URL", "DRAFT_PAGE_SAVE_AS"):
            settings[name] = ""
    # Compiled templates are kept between builds (Jinja checks each against its
    # template's source): each build compiled some 65 templates in every
    # rendering process, most of a small site's rebuild.
    compiled = Path(settings["CACHE_PATH"]) / "jinja"
    compiled.mkdir(parents=True, exist_ok=True)
    # No template changes while a build runs (each build is a new Pelican):
    # without auto_reload Jinja stops stat-ing a template's file on every
    # use, some 100,000 times in a build of 5,000 articles.
    settings["JINJA_ENVIRONMENT"] = {**settings.get("JINJA_ENVIRONMENT", {}),
                                     "bytecode_cache": FileSystemBytecodeCache(str(compiled)),
                                     "auto_reload": False}
    settings["READERS"] = {**settings.get("READERS", {}), "md": functools.partial(
        PortalMarkdownReader, corpus=content, derivatives=derivatives, show_drafts=show_drafts)}
    settings["JINJA_FILTERS"] = {
        **formatting.FILTERS,
        **kinds.FILTERS,
        **agenda.FILTERS,
        "ukuran_gambar": images.size_filter(settings["PATH"]),
        "srcset_gambar": images.srcset_filter(derivatives, note=incremental.produced),
        **settings.get("JINJA_FILTERS", {}),
    }
    settings["JINJA_GLOBALS"] = {**settings.get("JINJA_GLOBALS", {}), "situs": site,
                                 "ld": StructuredData(settings, site),
                                 "policy": PagePolicy.from_settings(settings)}
    # Readable without signal: what pages link, or the switch off (offline.py).
    offline.prepare(settings)


def _get_generators(pelican):
    # The weekly digests and the JSON feeds read what the portal's generator
    # read (all_generators_finalized links it), so they come after it.
    return PortalGenerator.for_build(pelican.portal_build), DigestGenerator, FeedsGenerator


def _all_generators_finalized(generators):
    articles = next(g for g in generators if isinstance(g, ArticlesGenerator))
    portal_generator = next(g for g in generators if isinstance(g, PortalGenerator))
    portal_generator.build.corpus.all_read()
    portal = link(portal_generator.kims, portal_generator.potensi, articles.articles)
    assign_urls(portal, portal_generator.settings)
    portal.plan = plan_pages(portal, portal_generator.settings)
    portal.agenda = agenda.build(
        portal_generator.acara, portal.kims, {group.name: group for group in portal.kecamatan},
        portal_generator.settings, agenda.today(portal_generator.settings.get("AGENDA_TODAY")))
    portal.videos, portal.videos_by_kim = videos.link(portal_generator.videos, portal.kims,
                                                      portal_generator.settings)
    portal.galleries, portal.galleries_by_kim = galleries.link(
        portal_generator.galeri, portal.kims, articles.articles, portal.agenda.events)
    portal.documents = documents.link(portal_generator.dokumen, portal.kims, JENIS_DOKUMEN,
                                      portal_generator.settings["PATH"],
                                      portal_generator.settings["DOKUMEN_JENIS_URL"])
    portal_generator.context["portal"] = portal
    if not portal.has("berita"):
        # Without a published article Pelican's news list, categories, tags
        # and archive would be empty pages (Portal.has): this build leaves
        # them out, the menus with them, until the first article.
        articles.settings = {**articles.settings, "DIRECT_TEMPLATES": [
            name for name in articles.settings["DIRECT_TEMPLATES"] if name not in NEWS_LISTS]}
    # Weekly digests for WhatsApp (domain/digest.py), from content dates only.
    portal_generator.context["ringkasan"] = digest.build(portal, articles.articles,
                                                         portal_generator.settings)
    _fix_urls(generators)
    # Each KIM and potensi gets its `poster`, a page kept out of the sitemap.
    portal_generator.build.unlisted = {
        poster.save_as for poster in posters.attach(portal, portal_generator.settings)}
    portal_generator.build.unlisted |= offline.unlisted(portal_generator.settings)
    # Each KIM, potensi and article gets its `pratinjau`; other pages the
    # site's, at the address the theme's static preview always had.
    settings = portal_generator.settings
    portal_generator.context["PRATINJAU_SITUS"] = portal_generator.build.previews.attach(
        portal, articles.articles, f"{settings['THEME_STATIC_DIR']}/og-default.png",
        settings.get("SITESUBTITLE", ""))
    # Once the agenda is built: a KIM's activities count, as of its day.
    portal.rapor = build_rapor(portal)
    tiers = search.indexed_pages(generators, settings["SEARCH_ARCHIVE_FROM"])
    bundles = search.plan(tiers, search.part_sizes(settings))
    portal_generator.build.search_bundles = bundles
    portal_generator.context["SEARCH_BUNDLES"] = [
        name for name in bundles if not name.startswith("pagefind-arsip")]
    portal_generator.context["SEARCH_ARCHIVE"] = [
        name for name in bundles if name.startswith("pagefind-arsip")]
    portal_generator.context["SEARCH_ARCHIVE_SINCE"] = search.archive_since(generators, tiers)
    _prepare_carry(portal_generator.build, generators, settings, portal)
    parallel.remember_generators(generators)


def _prepare_carry(build, generators, settings, portal):
    """This build's record, and the previous build's if one is given: pages
    showing nothing that changed since are carried over (incremental.py)."""
    items = [item for generator in generators for name in CONTENT_LISTS
             for item in getattr(generator, name, ())]
    # The KIM and potensi lists are sorted by title (relations.by_title); the
    # search parts are named from the pages' addresses (search.plan), and the
    # search page lists them.
    base = incremental.layout_key(build.base, settings["PATH"], (portal.kims, portal.potensi),
                                  sorted(build.search_bundles))
    record = incremental.BuildRecord(settings["OUTPUT_PATH"], base,
                                     incremental.shown_hashes(items, settings["PATH"]))
    previous = None
    if settings.get("INCREMENTAL_FROM"):
        previous = incremental.BuildRecord.load(settings["CACHE_PATH"],
                                                settings["INCREMENTAL_FROM"])
    build.carry = incremental.Carry(settings["OUTPUT_PATH"], settings["PATH"], record, previous)


# Pelican's direct templates that list articles (pelicanconf.DIRECT_TEMPLATES).
NEWS_LISTS = ("index", "categories", "tags", "archives")



def _fix_urls(generators):
    """URLs are final once all content is read. Pelican recomputes a
    content's URL from its settings on every use (thousands of times per
    page list) unless its override_url attribute holds it. (Not
    override_save_as: Pelican takes that as leave to overwrite output; the
    file a content is saved as is kept where _fixed_save_as finds it.)"""
    for generator in generators:
        for name in CONTENT_LISTS:
            for item in getattr(generator, name, ()):
                item.override_url = item.url
                item._portal_save_as = item.save_as


def _fixed_save_as():
    """Pelican's Content.save_as, but the value _fix_urls kept once there is
    one: Pelican recomputes it from the settings on every use (the writer,
    the sitemap's and the search index's lists: tens of thousands of uses
    on a large site)."""
    computed = Content.save_as.fget
    if getattr(computed, "_portal_fixed", False):
        return  # once per process

    def save_as(self):
        fixed = self.__dict__.get("_portal_save_as")
        return fixed if fixed is not None else computed(self)

    save_as._portal_fixed = True
    Content.save_as = property(save_as)


def _get_writer(pelican):
    return parallel.ShareWriter.for_build(pelican.portal_build.carry)


def _finalized(pelican):
    parallel.wait_for_workers()
    build, settings = pelican.portal_build, pelican.settings
    build.carry.stamp()
    sitemap.write(pelican.output_path, settings["PUBLIC_URL"], build.unlisted)
    # From the finished site: the worker's version is a hash of what it caches.
    offline.write(pelican.output_path, settings)
    if settings.get("SEARCH_INDEX", True):
        search.build_index(pelican.output_path, build.search_bundles, build.carry,
                           settings.get("PORTAL_WORKERS"), settings.get("PORTAL_MEMORY_MB"))
    build.carry.record.save(settings["CACHE_PATH"])
    if build.carry.earlier is not None:
        # Short: Pelican's console wraps long lines.
        print(f"Halaman dibuat: {build.carry.rendered}, diambil utuh dari pembangunan "
              f"sebelumnya: {build.carry.carried}")


def register():
    incremental.install()
    _fixed_save_as()
    signals.initialized.connect(_initialized)
    signals.get_generators.connect(_get_generators)
    signals.article_generator_finalized.connect(grouping.linear_groups)
    signals.all_generators_finalized.connect(_all_generators_finalized)
    signals.get_writer.connect(_get_writer)
    signals.finalized.connect(_finalized)
