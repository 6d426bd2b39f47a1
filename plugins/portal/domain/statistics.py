"""The portal's figures: the headline counts every page states (``Counts``,
defined once here) and the tables and charts of /statistik/, drawn at build
time as plain SVG (no script). Every chart has the same numbers in a table
beside it."""

from collections import Counter
from dataclasses import dataclass
from xml.sax.saxutils import escape

from markupsafe import Markup

from ..model.formatting import angka, bulan_tahun

MONTHS_IN_CHART = 24


@dataclass(frozen=True)
class Counts:
    """The counts pages state (home, /kim/, /potensi/, /statistik/, the
    archive...), each defined once, so that no two pages disagree. Only
    published content counts; drafts never do.

    Pages once did disagree: /statistik/ added up its potensi-per-kategori
    rows (9) where /potensi/ counted potensi (5), because a potensi in two
    categories is in two rows; /kim/ said "six kecamatan" (the regency's)
    where home said 3 (those with a KIM). Hence one number each, and words
    that say which: "di 3 dari 6 kecamatan".
    """

    kim: int  # published KIM profiles
    kecamatan_with_kim: int  # kecamatan with at least one KIM...
    kecamatan: int  # ...out of the regency's kecamatan (fixed, six)
    potensi: int  # published potensi, each once whatever its categories
    berita: int  # published articles of every category, fact checks included


def count(kims, potensi, kecamatan_groups, articles):
    """``Counts`` of one build's published content."""
    return Counts(kim=len(kims),
                  kecamatan_with_kim=sum(1 for group in kecamatan_groups if group.kims),
                  kecamatan=len(kecamatan_groups), potensi=len(potensi),
                  berita=len(articles))


@dataclass
class Figure:
    key: str  # used for element ids
    title: str
    rows: list  # (label, value, url or None)
    unit: str
    total: int  # from Counts: not the rows' sum where one item is in several rows
    chart_rows: list = None  # the rows drawn, when fewer than all
    note: str = ""  # how the rows relate to the total, when not obviously

    def chart(self):
        return bar_chart(self.chart_rows or self.rows, f"grafik-{self.key}", self.title,
                         self.unit)


def compute(portal, articles, settings):
    counts = portal.counts
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
    per_month = Counter((a.date.year, a.date.month) for a in articles)
    months = sorted(per_month)
    rows = [(bulan_tahun(month), per_month[month],
             settings["MONTH_ARCHIVE_URL"].format(date=_first_day(month))) for month in months]
    berita = Figure("berita-per-bulan", "Berita per bulan", rows, "berita", counts.berita,
                    chart_rows=rows[-MONTHS_IN_CHART:])
    return [kecamatan, kategori, berita]


def _first_day(month):
    from datetime import date

    return date(month[0], month[1], 1)


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
