"""The portal's figures: the kinds of item the portal publishes and how each
is counted (``JENIS``, ``Counts``, defined once here, for the whole site and
for one KIM), and the tables and charts of /statistik/, drawn at build time
as plain SVG (no script). Every chart has the same numbers in a table beside
it."""

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime
from xml.sax.saxutils import escape

from markupsafe import Markup

from ..model.formatting import angka, bulan_tahun
from ..model.vocabulary import CEK_FAKTA

MONTHS_IN_CHART = 24


def is_fact_check(article):
    return article.category.name == CEK_FAKTA


def cancelled(acara):
    """A cancelled activity stays on the agenda, marked, but counts as
    nothing a KIM did."""
    return getattr(acara, "keadaan", None) == "dibatalkan"


def published_on(item):
    """An article's, album's, video's or document's `date`: a datetime in
    the regency's time zone (TIMEZONE), or a date."""
    return item.date.date() if isinstance(item.date, datetime) else item.date


@dataclass(frozen=True)
class Jenis:
    """A kind of item the portal publishes, counted the same way on every
    page: ``of_site(portal)`` lists the site's published items,
    ``of_kim(kim, portal)`` one KIM's, and ``day(item)`` is the date an item
    counts as a KIM's post on, or None for what is not a post (the potensi
    of its desa). Pages state "3 berita · 1 cek fakta" with ``label``."""

    key: str
    label: str  # lower case, after a number: "1 cek fakta"
    of_site: object
    of_kim: object
    day: object = None


def _counted_acara(items):
    return [acara for acara in items if not cancelled(acara)]


# A fact check is not "berita": every page counts the two apart (pages once
# said "5 berita" where the Rapor said "4 berita · 1 cek fakta").
JENIS = (
    Jenis("berita", "berita", lambda portal: portal.berita,
          lambda kim, portal: [a for a in kim.berita_list if not is_fact_check(a)],
          published_on),
    Jenis("cek-fakta", "cek fakta", lambda portal: portal.cek_fakta,
          lambda kim, portal: [a for a in kim.berita_list if is_fact_check(a)], published_on),
    Jenis("acara", "acara", lambda portal: _counted_acara(portal.agenda.events),
          lambda kim, portal: _counted_acara(portal.agenda.all_by_kim.get(kim.slug, [])),
          lambda acara: acara.start.date()),
    Jenis("galeri", "galeri", lambda portal: portal.galleries,
          lambda kim, portal: portal.galleries_by_kim.get(kim.slug, []), published_on),
    Jenis("video", "video", lambda portal: portal.videos,
          lambda kim, portal: portal.videos_by_kim.get(kim.slug, []), published_on),
    Jenis("dokumen", "dokumen", lambda portal: portal.documents.items,
          lambda kim, portal: portal.documents.by_kim.get(kim.slug, []), published_on),
    Jenis("potensi", "potensi", lambda portal: portal.potensi,
          lambda kim, portal: kim.potensi_list),
)
JENIS_BY_KEY = {jenis.key: jenis for jenis in JENIS}


@dataclass(frozen=True)
class Counts:
    """The counts pages state (home, /kim/, /potensi/, /statistik/, the
    archive, the Rapor...), each defined once, so that no two pages
    disagree. Only published content counts; drafts never do.

    Pages once did disagree: /statistik/ added up its potensi-per-kategori
    rows (9) where /potensi/ counted potensi (5), because a potensi in two
    categories is in two rows; /kim/ said "six kecamatan" (the regency's)
    where home said 3 (those with a KIM). Hence one number each, and words
    that say which: "di 3 dari 6 kecamatan".
    """

    kim: int  # published KIM profiles
    kecamatan_with_kim: int  # kecamatan with at least one KIM...
    kecamatan: int  # ...out of the regency's kecamatan (fixed, six)
    per_jenis: tuple  # (Jenis, how many), in JENIS order

    def of(self, key):
        return next(count for jenis, count in self.per_jenis if jenis.key == key)

    @property
    def potensi(self):  # each once, whatever its categories
        return self.of("potensi")

    @property
    def berita(self):  # fact checks not included
        return self.of("berita")

    @property
    def tulisan(self):
        """Articles of every category: berita and cek fakta (the archive
        lists them together)."""
        return self.of("berita") + self.of("cek-fakta")


def count(portal):
    """``Counts`` of one build's published content (`portal`, once every
    content type is linked)."""
    return Counts(kim=len(portal.kims),
                  kecamatan_with_kim=sum(1 for group in portal.kecamatan if group.kims),
                  kecamatan=len(portal.kecamatan),
                  per_jenis=tuple((jenis, len(jenis.of_site(portal))) for jenis in JENIS))


def mix(per_jenis):
    """`per_jenis` ((Jenis, how many) pairs) without the kinds of which
    there are none: pages say what there is, never "0 video"."""
    return [(jenis, number) for jenis, number in per_jenis if number]


@dataclass
class Figure:
    key: str  # used for element ids
    title: str  # "<what> per <row>": the table's first column is <row>
    rows: list  # (label, value, url or None)
    unit: str
    total: int | None  # from Counts: not the rows' sum where one item is in several rows
    chart_rows: list = None  # the rows drawn, when fewer than all
    note: str = ""  # how the rows relate to the total, when not obviously
    drawn: bool = True  # False: a table only (rows of unlike things)

    def chart(self):
        return bar_chart(self.chart_rows or self.rows, f"grafik-{self.key}", self.title,
                         self.unit)


# The list page of each kind of item, where it has one (/statistik/ links it).
LIST_URLS = {"potensi": "POTENSI_INDEX_URL", "cek-fakta": "CEK_FAKTA_URL",
             "acara": "AGENDA_URL", "galeri": "GALERI_INDEX_URL", "video": "VIDEO_INDEX_URL",
             "dokumen": "DOKUMEN_INDEX_URL"}


def compute(portal, articles, settings):
    counts = portal.counts
    # Every kind the portal has, KIM first; none of a kind is no row.
    published = Figure(
        "isi-portal", "Isi portal per jenis",
        [("KIM", counts.kim, settings["KIM_INDEX_URL"])] + [
            (jenis.label[:1].upper() + jenis.label[1:], number,
             settings[LIST_URLS[jenis.key]] if jenis.key in LIST_URLS else None)
            for jenis, number in mix(counts.per_jenis)],
        "", None, drawn=False, note=" ".join(
            sentence for sentence, applies in (
                ("Cek fakta tidak dihitung sebagai berita.", counts.of("cek-fakta")),
                ("Acara yang dibatalkan tidak dihitung.", portal.agenda.events))
            if applies))
    kecamatan = Figure("kim-per-kecamatan", "KIM per kecamatan",
                       [(g.name, len(g.kims), g.url) for g in portal.kecamatan], "KIM",
                       counts.kim,
                       note=f"KIM ada di {counts.kecamatan_with_kim} dari {counts.kecamatan} "
                            "kecamatan.")
    kategori = Figure("potensi-per-kategori", "Potensi per kategori",
                      [(g.term.name, len(g.potensi), g.url) for g in portal.kategori],
                      "potensi", counts.potensi,
                      note="Satu potensi dapat masuk lebih dari satu kategori, sehingga "
                           "jumlah per kategori bisa lebih besar dari jumlah potensi.")
    # Per month as the archive counts them: berita and cek fakta together.
    per_month = Counter((a.date.year, a.date.month) for a in articles)
    months = sorted(per_month)
    rows = [(bulan_tahun(month), per_month[month],
             settings["MONTH_ARCHIVE_URL"].format(date=date(month[0], month[1], 1)))
            for month in months]
    tulisan = Figure("tulisan-per-bulan", "Tulisan per bulan", rows, "tulisan",
                     counts.tulisan, chart_rows=rows[-MONTHS_IN_CHART:],
                     note="Tulisan adalah berita dan cek fakta.")
    return [published, kecamatan, kategori, tulisan]


def bar_chart(rows, element_id, title, unit):
    """A horizontal bar chart as an accessible SVG (role=img with a title);
    colours come from CSS classes so dark mode and print apply."""
    # Sized for a phone: drawn at its natural width, it only shrinks a little.
    label_width, bar_width, value_width, row_height = 128, 162, 40, 26
    width = label_width + bar_width + value_width
    height = max(1, len(rows)) * row_height + 8
    largest = max((value for _, value, _ in rows), default=0) or 1
    parts = [
        f'<svg class="chart" id="{element_id}" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-labelledby="{element_id}-judul" '
        'xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{element_id}-judul">{escape(title)}</title>',
    ]
    for index, (label, value, _) in enumerate(rows):
        y = 4 + index * row_height
        length = round(bar_width * value / largest, 1)
        parts.append(
            f'<text class="chart__label" x="{label_width - 8}" y="{y + 17}" '
            f'text-anchor="end">{escape(label)}</text>'
            f'<rect class="chart__bar" x="{label_width}" y="{y + 4}" width="{length}" '
            f'height="{row_height - 8}"><title>{escape(label)}: {angka(value)} {unit}</title>'
            '</rect>'
            f'<text class="chart__value" x="{label_width + length + 6}" y="{y + 17}">'
            f'{angka(value)}</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))
