"""The Rapor KIM: what each KIM has published on the portal, as of the build's
day, computed once per build from the published content.

For every KIM: its posts per month over the last twelve months, the days
since its last post, the mix of what it published, and which parts of its
profile are still empty. /rapor/ lists every KIM by kecamatan with whether
it posted in the last 30 days; it ranks nobody and scores nothing (a KIM is
judged by its kabupaten and in national selections, not by this portal).

"Posts" are the content a KIM puts out: berita and cek fakta naming it
(``kim.berita_list``), the activities it organises (``agenda.all_by_kim``),
its galleries, videos and documents (``portal.galleries_by_kim``,
``videos_by_kim``, ``documents.by_kim``), each on its own date (an
activity's on its first day).
An activity still to come is in the mix but not yet in the chart or the
"days since": a post dated after the build's day has not happened yet.

A content type is one ``Jenis`` entry; a profile item is one
``Kelengkapan`` entry.
"""

from dataclasses import dataclass, field
from datetime import date, datetime

from markupsafe import Markup

from ..model.formatting import angka
from ..model.schema import KIM
from ..model.vocabulary import CEK_FAKTA
from .reminders import KIM_CONTACTS

MONTHS = 12  # the chart's months, the build's month the last of them
ACTIVE_DAYS = 30  # "aktif": a post on the build's day or one of the 29 before


@dataclass(frozen=True)
class Jenis:
    """A kind of content a KIM has on the portal. ``items(kim, portal)``
    lists the KIM's published items; ``day(item)`` is the date an item
    counts as a post on, or None for content that is not a KIM's post (the
    potensi of its desa)."""

    key: str
    label: str  # as the pages name it, lower case
    items: object
    day: object = None


def _is_fact_check(article):
    return article.category.name == CEK_FAKTA


def _published_on(item):
    """An article's, gallery's, video's or document's `date`: a datetime in
    the regency's time zone (TIMEZONE), or a date."""
    return item.date.date() if isinstance(item.date, datetime) else item.date


JENIS = (
    Jenis("berita", "berita",
          lambda kim, portal: [a for a in kim.berita_list if not _is_fact_check(a)],
          _published_on),
    Jenis("cek-fakta", "cek fakta",
          lambda kim, portal: [a for a in kim.berita_list if _is_fact_check(a)],
          _published_on),
    Jenis("acara", "acara",
          lambda kim, portal: portal.agenda.all_by_kim.get(kim.slug, []),
          lambda acara: acara.start.date()),
    Jenis("galeri", "galeri",
          lambda kim, portal: portal.galleries_by_kim.get(kim.slug, []), _published_on),
    Jenis("video", "video", lambda kim, portal: portal.videos_by_kim.get(kim.slug, []),
          _published_on),
    Jenis("dokumen", "dokumen",
          lambda kim, portal: portal.documents.by_kim.get(kim.slug, []), _published_on),
    Jenis("potensi", "potensi desa", lambda kim, portal: kim.potensi_list),
)


@dataclass(frozen=True)
class Kelengkapan:
    """One part of a KIM profile that readers and selections look for;
    ``filled(kim)`` says whether the profile has it. Its name is the field
    an editor fills in, its label the content model's."""

    field: str
    filled: object

    @property
    def name(self):
        return KIM.field(self.field).label

    @property
    def label(self):
        return self.name[:1].upper() + self.name[1:]

    @property
    def message(self):
        return Markup("{} belum diisi (kolom <code>{}</code>)").format(self.label, self.field)


def _has_contact(kim):
    kontak = getattr(kim, "kontak", None) or {}
    return any(kontak.get(name) for name in KIM_CONTACTS)


KELENGKAPAN = (
    Kelengkapan("kontak", _has_contact),
    Kelengkapan("pengurus", lambda kim: bool(getattr(kim, "pengurus", None))),
    Kelengkapan("sk_pembentukan",
                lambda kim: bool((getattr(kim, "sk_pembentukan", None) or {}).get("nomor"))),
    Kelengkapan("logo", lambda kim: bool(getattr(kim, "logo", None))),
    Kelengkapan("lokasi", lambda kim: bool(getattr(kim, "lokasi", None))),
)


@dataclass
class KimRapor:
    kim: object
    day: date  # the build's day, the figures are as of
    months: list  # (first day of the month, posts), oldest first
    mix: list  # (Jenis, number of items), in JENIS order
    last_post: date | None  # the latest post on or before `day`
    missing: list  # Kelengkapan items the profile lacks...
    total: int  # ...out of this many

    @property
    def posts(self):
        """Posts in the chart's months."""
        return sum(count for _, count in self.months)

    @property
    def days_since(self):
        return (self.day - self.last_post).days if self.last_post else None

    @property
    def active(self):
        return self.last_post is not None and self.days_since < ACTIVE_DAYS

    @property
    def filled(self):
        return self.total - len(self.missing)

    def chart(self):
        return column_chart(self.months)


@dataclass
class Rapor:
    day: date
    kelengkapan: tuple  # the profile items every KIM is checked for
    by_kim: dict = field(default_factory=dict)  # KIM slug -> KimRapor

    def of(self, kim):
        return self.by_kim[kim.slug]

    @property
    def active(self):
        return sum(1 for rapor in self.by_kim.values() if rapor.active)

    def active_in(self, group):
        """How many KIM of a kecamatan (`group`) posted in the last 30 days."""
        return sum(1 for kim in group.kims if self.of(kim).active)


def last_months(day, count=MONTHS):
    """The first days of the `count` months ending with `day`'s, oldest first."""
    index = day.year * 12 + day.month - 1
    return [date(i // 12, i % 12 + 1, 1) for i in range(index - count + 1, index + 1)]


def build(portal, jenis=JENIS, kelengkapan=KELENGKAPAN):
    """The ``Rapor`` of every KIM of `portal`, as of the agenda's day (the
    build's, or the one PORTAL_TODAY pins)."""
    day = portal.agenda.day
    months = last_months(day)
    rapor = Rapor(day, kelengkapan)
    for kim in portal.kims:
        per_month = dict.fromkeys(months, 0)
        mix, last_post = [], None
        for kind in jenis:
            items = kind.items(kim, portal)
            mix.append((kind, len(items)))
            if kind.day is None:
                continue
            for item in items:
                posted = kind.day(item)
                if posted > day:
                    continue
                last_post = max(last_post or posted, posted)
                month = posted.replace(day=1)
                if month in per_month:
                    per_month[month] += 1
        rapor.by_kim[kim.slug] = KimRapor(
            kim, day, list(per_month.items()), mix, last_post,
            [item for item in kelengkapan if not item.filled(kim)], len(kelengkapan))
    return rapor


# Month names on the chart's axis, short enough for twelve columns on a phone.
SHORT_MONTHS = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov",
                "Des")


def column_chart(months):
    """Posts per month as columns, drawn like /statistik/'s charts (inline
    SVG, colours from CSS classes so dark mode and print apply). The number
    stands above each column; a table beside it carries the same numbers,
    so the drawing is hidden from screen readers. The columns are one path
    and each kind of text one group whose class it inherits: the block is on
    every KIM profile, a page within a few hundred bytes of its 14 KB budget."""
    column, gap, top, bar_height = 24, 4, 16, 56
    base = top + bar_height
    width = len(months) * (column + gap)
    largest = max((count for _, count in months), default=0) or 1
    bars, values, labels, years = [], [], [], []
    for index, (month, count) in enumerate(months):
        x = index * (column + gap) + gap // 2
        middle = x + column // 2
        # A month without posts keeps a hairline, so the axis reads as twelve months.
        length = max(round(bar_height * count / largest), 1)
        bars.append(f"M{x} {base}v-{length}h{column}v{length}z")
        values.append(f'<text x="{middle}" y="{base - length - 4}">{angka(count)}</text>')
        labels.append(f'<text x="{middle}" y="{base + 14}">{SHORT_MONTHS[month.month - 1]}</text>')
        if index == 0 or month.month == 1:
            years.append(f'<text x="{middle}" y="{base + 26}">{month.year}</text>')
    return Markup(
        f'<svg class="chart chart--kolom" viewBox="0 0 {width} {base + 28}" width="{width}" '
        f'height="{base + 28}" aria-hidden="true">'
        f'<path class="chart__bar" d="{"".join(bars)}"/>'
        f'<g class="chart__value" text-anchor="middle">{"".join(values)}</g>'
        f'<g class="chart__label" text-anchor="middle">{"".join(labels)}</g>'
        f'<g class="chart__label chart__label--tahun" text-anchor="middle">{"".join(years)}</g>'
        "</svg>")
