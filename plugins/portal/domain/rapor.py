"""The Rapor KIM: what each KIM has done on the portal, as of the build's
day, computed once per build from the published content.

For every KIM: the mix of what it published, its newest post, the months in
which it posted (ever, and per month over the last twelve), and whether it
posted in the last 30 days. /rapor/ lists every KIM by kecamatan; it ranks
nobody and scores nothing (a KIM is judged by its kabupaten and in national
selections, not by this portal).

The Rapor is for readers, so it says what a KIM did and nothing it lacks:
no empty profile fields (``invoke check`` reminds the editors of those,
domain/reminders.py), no "days since", no chart of twelve empty months. A
KIM that posted years ago shows the months it was active, not how long it
has been quiet.

"Posts" are the content a KIM puts out, each kind counted as every page
counts it (statistics.JENIS): berita and cek fakta naming it, the
activities it organises (a cancelled one is no post), its galleries,
videos and documents, each on its own date (an activity's on its first
day). An activity still to come is in the mix but not yet a post: a post
dated after the build's day has not happened yet.
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from markupsafe import Markup

from ..model.formatting import angka
from .statistics import JENIS, mix

MONTHS = 12  # the chart's months, the build's month the last of them
ACTIVE_DAYS = 30  # "aktif": a post on the build's day or one of the 29 before


@dataclass(frozen=True)
class Post:
    jenis: object  # statistics.Jenis
    item: object  # the article, activity, album, video or document
    day: date


@dataclass
class KimRapor:
    kim: object
    day: date  # the build's day, the figures are as of
    months: list  # (first day of the month, posts), oldest first
    per_jenis: list  # (Jenis, number of items), in JENIS order
    newest: Post | None  # the latest post on or before `day`
    first_post: date | None  # the earliest
    months_active: int  # months (ever) with at least one post

    @property
    def posts(self):
        """Posts in the chart's months."""
        return sum(count for _, count in self.months)

    @property
    def mix(self):
        """What the KIM has on the portal, kinds it has none of left out."""
        return mix(self.per_jenis)

    @property
    def active(self):
        return self.newest is not None and (self.day - self.newest.day).days < ACTIVE_DAYS

    @property
    def anything(self):
        """Whether there is anything to say: a KIM with nothing on the
        portal yet gets no Rapor block rather than a row of zeros."""
        return bool(self.mix)

    def chart(self):
        return column_chart(self.months)


@dataclass
class Rapor:
    day: date
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


def build(portal, jenis=JENIS):
    """The ``Rapor`` of every KIM of `portal`, as of the agenda's day (the
    build's, or the one PORTAL_TODAY pins)."""
    day = portal.agenda.day
    months = last_months(day)
    rapor = Rapor(day)
    for kim in portal.kims:
        per_jenis, posts = [], []
        for kind in jenis:
            items = kind.of_kim(kim, portal)
            per_jenis.append((kind, len(items)))
            if kind.day is not None:
                posts += [Post(kind, item, kind.day(item)) for item in items]
        posts = [post for post in posts if post.day <= day]
        per_month = Counter(post.day.replace(day=1) for post in posts)
        rapor.by_kim[kim.slug] = KimRapor(
            kim, day, [(month, per_month[month]) for month in months], per_jenis,
            max(posts, key=lambda post: post.day, default=None),
            min((post.day for post in posts), default=None), len(per_month))
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
