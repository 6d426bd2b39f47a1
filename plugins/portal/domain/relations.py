"""Relations between KIM, potensi, berita and kecamatan, computed once per
build after every generator has read its content.

Attributes set here (read by the templates):

* ``kim.kecamatan_info`` (Kecamatan), ``kim.kecamatan_group``,
  ``kim.potensi_list``, ``kim.berita_list``
* ``potensi.kim_profile`` (the Kim it names, or None), ``potensi.desa_kims``
  (the KIM of its desa), ``potensi.kecamatan_group``,
  ``potensi.kategori_terms`` (Terms),
  ``potensi.kategori_groups``,
  ``potensi.kontak_efektif``, ``potensi.lokasi_efektif``,
  ``potensi.lokasi_dari_kim`` (True when the location is a KIM's: the
  centre of its desa)
* ``article.kim_profiles`` (list of Kim), ``article.verdict``,
  ``article.newer_article``, ``article.older_article``, ``article.related``
* ``KecamatanGroup`` objects for the directory and kecamatan pages.
"""

from dataclasses import dataclass, field
from functools import cached_property

from ..model import formatting
from ..model.vocabulary import (
    CEK_FAKTA,
    KATEGORI_BY_NAME,
    KATEGORI_POTENSI,
    KECAMATAN,
    KECAMATAN_BY_NAME,
    VERDICT_BY_LABEL,
)
from . import statistics
from .related import link_related
from .reminders import has_contact


@dataclass
class KecamatanGroup:
    kecamatan: object
    kims: list = field(default_factory=list)
    potensi: list = field(default_factory=list)
    berita: list = field(default_factory=list)

    @property
    def slug(self):
        return self.kecamatan.slug

    @property
    def name(self):
        return self.kecamatan.name


@dataclass
class KategoriGroup:
    term: object
    potensi: list = field(default_factory=list)


@dataclass
class Portal:
    """Everything the templates need about the portal's domain."""

    kims: list
    potensi: list
    kecamatan: list  # KecamatanGroup, in the regency's fixed order
    kategori: list  # KategoriGroup, in the fixed order
    cek_fakta: list
    articles: list = field(default_factory=list)  # published, newest first...
    berita: list = field(default_factory=list)  # ...of them those not a fact check
    plan: object = None  # the list pages of their own (plan.PagePlan), once URLs are set
    agenda: object = None  # agenda.Agenda: coming and past activities, as of the build's day
    rapor: object = None  # rapor.Rapor: what each KIM published, as of the agenda's day
    videos: list = field(default_factory=list)  # videos.link: newest first
    videos_by_kim: dict = field(default_factory=dict)  # KIM slug -> its videos
    documents: object = None  # documents.Documents: by type and by KIM
    galleries: list = field(default_factory=list)  # galleries.link: newest first
    galleries_by_kim: dict = field(default_factory=dict)  # KIM slug -> its albums

    @property
    def reachable_kims(self):
        """The KIM whose profile lists a contact, in the directory's order
        (the Kirim Informasi page lists them)."""
        return [kim for kim in self.kims if has_contact(getattr(kim, "kontak", None))]

    @cached_property
    def counts(self):
        """statistics.Counts: the figures every page states. Asked for once
        every content type is linked (by the pages), never before."""
        return statistics.count(self)

    def has(self, section):
        """Whether the list page of `section` ("potensi", "berita",
        "cek-fakta", "agenda", "galeri", "video", "dokumen") is written: a kind with no published
        entry has no page, no menu or footer link and no home block, and
        appears with its first entry (readers were led to "Belum ada ...")."""
        return bool(SECTIONS[section](self))


# What each section of the portal lists; `Portal.has` is true when it lists
# anything. The agenda lists cancelled activities too (marked as such).
SECTIONS = {
    "potensi": lambda portal: portal.potensi,
    # The news list, its categories, tags and archive: fact checks included.
    "berita": lambda portal: portal.articles,
    "cek-fakta": lambda portal: portal.cek_fakta,
    "agenda": lambda portal: portal.agenda.events,
    "galeri": lambda portal: portal.galleries,
    "video": lambda portal: portal.videos,
    "dokumen": lambda portal: portal.documents.items,
}


def by_title(item):
    """The key of alphabetical order: the title's plain text (the markup and
    no-break spaces typogrify adds would sort "KIM Contoh&nbsp;Dua" after
    "KIM Contoh Satu&nbsp;Baru")."""
    return formatting.plain_text(getattr(item, "title", "")).lower()


def link(kims, potensi, articles):
    """Compute every relation and return a ``Portal``. ``articles`` are the
    published berita, newest first (Pelican's order)."""
    kims = sorted(kims, key=by_title)
    by_slug = {kim.slug: kim for kim in kims}
    groups = {k.name: KecamatanGroup(k) for k in KECAMATAN}
    kategori = {t.name: KategoriGroup(t) for t in KATEGORI_POTENSI}

    for kim in kims:
        kim.kecamatan_info = KECAMATAN_BY_NAME[kim.kecamatan]
        kim.kecamatan_group = groups[kim.kecamatan]
        kim.potensi_list = []
        kim.berita_list = []
        groups[kim.kecamatan].kims.append(kim)

    # A potensi belongs to its desa: every KIM of that desa lists it. Its
    # own `kim`, where a source names one, is the KIM whose contacts and
    # location it falls back to.
    kims_by_desa = {}
    for kim in kims:
        kims_by_desa.setdefault(desa_key(kim.kecamatan, kim.desa_kelurahan), []).append(kim)
    potensi = sorted(potensi, key=by_title)
    for item in potensi:
        owner = by_slug.get(getattr(item, "kim", None))
        desa_kims = kims_by_desa.get(desa_key(item.kecamatan, item.desa_kelurahan), [])
        item.kim_profile = owner
        item.desa_kims = desa_kims
        item.kecamatan_group = groups[item.kecamatan]
        item.kategori_terms = [KATEGORI_BY_NAME[name] for name in _as_list(item.kategori)]
        item.kategori_groups = [kategori[name] for name in _as_list(item.kategori)]
        own_contact = getattr(item, "kontak", None)
        item.kontak_efektif = own_contact or (getattr(owner, "kontak", None) if owner else None)
        own_location = getattr(item, "lokasi", None)
        # Without a location of its own, the centre of its desa: the
        # location of the KIM it names, or else of a KIM of the same desa.
        fallback = next((kim for kim in ([owner] if owner else []) + desa_kims
                         if getattr(kim, "lokasi", None)), None)
        item.lokasi_dari_kim = not own_location and fallback is not None
        item.lokasi_efektif = own_location or (fallback.lokasi if fallback else None)
        listed_by = list(desa_kims)
        if owner is not None and owner not in listed_by:
            listed_by.append(owner)
        for kim in listed_by:
            kim.potensi_list.append(item)
        groups[item.kecamatan].potensi.append(item)
        for term in item.kategori_terms:
            kategori[term.name].potensi.append(item)

    cek_fakta, berita = [], []
    for index, article in enumerate(articles):
        # Pelican lists articles newest first.
        article.newer_article = articles[index - 1] if index > 0 else None
        article.older_article = articles[index + 1] if index + 1 < len(articles) else None
        article.kim_profiles = named_kims(article, by_slug)
        article.verdict = VERDICT_BY_LABEL.get(getattr(article, "label", None))
        seen_groups = set()
        for kim in article.kim_profiles:
            kim.berita_list.append(article)
            if kim.kecamatan not in seen_groups:
                groups[kim.kecamatan].berita.append(article)
                seen_groups.add(kim.kecamatan)
        (cek_fakta if article.category.name == CEK_FAKTA else berita).append(article)

    link_related(articles)
    kecamatan_groups = [groups[k.name] for k in KECAMATAN]
    return Portal(
        kims=kims,
        potensi=potensi,
        kecamatan=kecamatan_groups,
        kategori=[kategori[t.name] for t in KATEGORI_POTENSI],
        cek_fakta=cek_fakta,
        articles=list(articles),
        berita=berita,
    )


def named_kims(item, by_slug):
    """The published KIM (from `by_slug`) that an item's `kim` field names:
    a news article's, an activity's organisers, a video's, album's or
    document's makers."""
    return [by_slug[slug] for slug in _as_list(getattr(item, "kim", None)) if slug in by_slug]


def newest_first_by_kim(items):
    """`items` (with `date`, `slug` and `kim_profiles`) newest first, and the
    same order per KIM slug."""
    ordered = sorted(items, key=lambda item: (item.date, item.slug), reverse=True)
    by_kim = {}
    for item in ordered:
        for kim in item.kim_profiles:
            by_kim.setdefault(kim.slug, []).append(item)
    return ordered, by_kim


def desa_key(kecamatan, desa):
    """Two spellings of one desa ("Sungai  Kapitan", "sungai kapitan") match."""
    return str(kecamatan), " ".join(str(desa).split()).casefold()


def _as_list(value):
    if value is None:
        return []
    if isinstance(value, list):
        return value
    return [value]
