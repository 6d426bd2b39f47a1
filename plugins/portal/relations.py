"""Relations between KIM, potensi, berita and kecamatan, computed once per
build after every generator has read its content.

Attributes set here (read by the templates):

* ``kim.kecamatan_info`` (Kecamatan), ``kim.kecamatan_group``,
  ``kim.potensi_list``, ``kim.berita_list``
* ``potensi.kim_profile`` (Kim), ``potensi.kategori_terms`` (Terms),
  ``potensi.kategori_groups``,
  ``potensi.kontak_efektif``, ``potensi.lokasi_efektif``,
  ``potensi.lokasi_dari_kim`` (True when the location is the KIM's)
* ``article.kim_profiles`` (list of Kim), ``article.verdict``,
  ``article.newer_article``, ``article.older_article``, ``article.related``
* ``KecamatanGroup`` objects for the directory and kecamatan pages.
"""

from dataclasses import dataclass, field

from .related import link_related
from .vocabulary import (
    CEK_FAKTA,
    KATEGORI_BY_NAME,
    KATEGORI_POTENSI,
    KECAMATAN,
    KECAMATAN_BY_NAME,
    VERDICT_BY_LABEL,
)


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


def _by_title(item):
    return str(getattr(item, "title", "")).lower()


def link(kims, potensi, articles):
    """Compute every relation and return a ``Portal``. ``articles`` are the
    published berita, newest first (Pelican's order)."""
    kims = sorted(kims, key=_by_title)
    by_slug = {kim.slug: kim for kim in kims}
    groups = {k.name: KecamatanGroup(k) for k in KECAMATAN}
    kategori = {t.name: KategoriGroup(t) for t in KATEGORI_POTENSI}

    for kim in kims:
        kim.kecamatan_info = KECAMATAN_BY_NAME[kim.kecamatan]
        kim.kecamatan_group = groups[kim.kecamatan]
        kim.potensi_list = []
        kim.berita_list = []
        groups[kim.kecamatan].kims.append(kim)

    for item in sorted(potensi, key=_by_title):
        owner = by_slug.get(item.kim)
        item.kim_profile = owner
        item.kategori_terms = [KATEGORI_BY_NAME[name] for name in _as_list(item.kategori)]
        item.kategori_groups = [kategori[name] for name in _as_list(item.kategori)]
        own_contact = getattr(item, "kontak", None)
        item.kontak_efektif = own_contact or (getattr(owner, "kontak", None) if owner else None)
        own_location = getattr(item, "lokasi", None)
        item.lokasi_dari_kim = not own_location and owner is not None
        item.lokasi_efektif = own_location or (getattr(owner, "lokasi", None) if owner else None)
        if owner is None:
            continue  # a draft KIM: the potensi is listed nowhere else
        owner.potensi_list.append(item)
        groups[owner.kecamatan].potensi.append(item)
        for term in item.kategori_terms:
            kategori[term.name].potensi.append(item)

    cek_fakta = []
    for index, article in enumerate(articles):
        # Pelican lists articles newest first.
        article.newer_article = articles[index - 1] if index > 0 else None
        article.older_article = articles[index + 1] if index + 1 < len(articles) else None
        slugs = _as_list(getattr(article, "kim", None))
        article.kim_profiles = [by_slug[slug] for slug in slugs if slug in by_slug]
        article.verdict = VERDICT_BY_LABEL.get(getattr(article, "label", None))
        seen_groups = set()
        for kim in article.kim_profiles:
            kim.berita_list.append(article)
            if kim.kecamatan not in seen_groups:
                groups[kim.kecamatan].berita.append(article)
                seen_groups.add(kim.kecamatan)
        if article.category.name == CEK_FAKTA:
            cek_fakta.append(article)

    link_related(articles)
    return Portal(
        kims=kims,
        potensi=[p for p in sorted(potensi, key=_by_title) if p.kim_profile is not None],
        kecamatan=[groups[k.name] for k in KECAMATAN],
        kategori=[kategori[t.name] for t in KATEGORI_POTENSI],
        cek_fakta=cek_fakta,
    )


def _as_list(value):
    if value is None:
        return []
    if isinstance(value, list):
        return value
    return [value]
