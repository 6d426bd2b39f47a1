"""Weekly digests ("ringkasan"): what the portal, each KIM and each
kecamatan published in one ISO week (Monday to Sunday), for sharing in
WhatsApp groups and channels; output/digest.py writes them.

A week's digest holds its news, its fact checks, its new potensi and the
activities coming from that week on. Which week an item belongs to comes
from content dates only, never from the day of the build, so that two
builds of the same content are the same bytes:

- news and fact checks: their `date`;
- potensi: the content model gives a potensi no date of its own, so it is
  new in the week of the earliest dated source it cites (`sumber` with a
  `tanggal`, the first report of it); a potensi without a dated source is
  in no digest;
- activities do not make a week: a week that has news, a fact check or a
  new potensi lists the activities whose last day is in that week or later
  (soonest first), as of that week.

Only weeks with items get a digest (no empty pages), and only the newest
RINGKASAN_MINGGU weeks, counted back from the newest week with items on the
whole site. Bounded page count: with W such weeks the site writes at most
W digests for the portal, W per kecamatan and, per KIM, one per week in
which that KIM has items (so never more KIM digests than items in those
weeks), plus one index page per scope with digests. A digest is for
sharing now; older weeks stay in the archive (/arsip/) and the lists.

Attributes set (read by the templates): ``kim.weekly_digests`` and
``group.weekly_digests`` (a KecamatanGroup): the scope's ``Scope``, or
None when it has no digest.
"""

import itertools
from dataclasses import dataclass, field
from datetime import date, timedelta

from ..model import formatting
from ..model.vocabulary import CEK_FAKTA
from .relations import by_title


@dataclass(frozen=True, order=True)
class Week:
    """An ISO week: its year (the ISO year, which for the last days of
    December can be the next one) and its number."""

    year: int
    number: int

    @classmethod
    def of(cls, day):
        iso = day.isocalendar()
        return cls(iso.year, iso.week)

    @property
    def monday(self):
        return date.fromisocalendar(self.year, self.number, 1)

    @property
    def sunday(self):
        return self.monday + timedelta(days=6)

    @property
    def key(self):
        """'2026-07': the week's part of its digest's address."""
        return f"{self.year}-{self.number:02d}"

    @property
    def period(self):
        """'8–14 Juni 2026', or '29 Juni 2026 – 5 Juli 2026' across months."""
        monday, sunday = self.monday, self.sunday
        if (monday.year, monday.month) == (sunday.year, sunday.month):
            return f"{monday.day}–{formatting.tanggal_singkat(sunday)}"
        return f"{formatting.tanggal_singkat(monday)} – {formatting.tanggal_singkat(sunday)}"


@dataclass
class Digest:
    scope: "Scope"
    week: Week
    berita: list = field(default_factory=list)  # newest first
    cek_fakta: list = field(default_factory=list)  # newest first
    potensi: list = field(default_factory=list)  # by date, then name
    acara: list = field(default_factory=list)  # soonest first, at most `shown`
    acara_more: bool = False  # more activities come than `acara` holds
    url: str = ""
    save_as: str = ""
    newer: "Digest" = None
    older: "Digest" = None

    @property
    def count(self):
        """Items that make the week (activities do not)."""
        return len(self.berita) + len(self.cek_fakta) + len(self.potensi)


@dataclass
class Scope:
    """The portal, one KIM or one kecamatan, and its digests."""

    kind: str  # "portal", "kim" or "kecamatan"
    label: str  # the site's name, "Kecamatan Kumai"; a KIM's is its title (name)
    subject: object  # the Kim or KecamatanGroup; None for the portal
    base: str  # its addresses' start: "", "kim/palae/", "kecamatan/kumai/"
    home_url: str  # the page with its full lists: its profile, or the portal's news
    digests: list = field(default_factory=list)  # newest first
    url: str = ""  # its index of digests
    save_as: str = ""

    @property
    def name(self):
        """As a heading says it: the site's name, "KIM Palae", "Kecamatan
        Kumai". A KIM's is read from its title when a page shows it, so that
        the page is known to show the title (builder/incremental.py)."""
        return formatting.plain_text(self.subject.title) if self.kind == "kim" else self.label

    def digest(self, week):
        """This scope's digest of `week`, or None."""
        return next((digest for digest in self.digests if digest.week == week), None)


@dataclass
class Digests:
    portal: Scope
    kecamatan: list  # Scopes with digests, in the regency's order
    kims: list  # Scopes with digests, by KIM name
    weeks: list  # the weeks of the window, newest first (each has a portal digest)
    kims_by_week: dict = field(default_factory=dict)  # Week -> KIM digests, by KIM name

    @property
    def scopes(self):
        return ([self.portal] if self.portal.digests else []) + self.kecamatan + self.kims

    def all(self):
        return [digest for scope in self.scopes for digest in scope.digests]

    def __post_init__(self):
        # By identity: a KIM page asks for its own Kim object.
        self._by_subject = {id(scope.subject): scope for scope in self.kecamatan + self.kims}

    def of(self, subject):
        """The Scope of a Kim or KecamatanGroup, or None when it has no
        digest in the window (its page links its digests only if it has)."""
        return self._by_subject.get(id(subject))

    def kims_of_week(self, week, group=None):
        """The KIM digests of `week` (of one KecamatanGroup's KIM), by name."""
        return [digest for digest in self.kims_by_week.get(week, ())
                if group is None or digest.scope.subject.kecamatan_group is group]


def first_reported(potensi):
    """The date a potensi is new on: its earliest dated source, or None."""
    days = [_as_date(source["tanggal"]) for source in getattr(potensi, "sumber", None) or ()
            if isinstance(source, dict) and source.get("tanggal")]
    return min(days, default=None)


def build(portal, articles, settings):
    """The ``Digests`` of the published `articles` (newest first) and of
    `portal` (relations.Portal, its agenda built)."""
    per_page = settings["RINGKASAN_PER_BAGIAN"]
    potensi_days = {id(item): day for item in portal.potensi
                    if (day := first_reported(item)) is not None}
    dated = [article.date.date() for article in articles] + list(potensi_days.values())
    # The window: the newest RINGKASAN_MINGGU weeks up to the newest dated item.
    oldest = Week.of(max(dated) - timedelta(weeks=settings["RINGKASAN_MINGGU"] - 1)) \
        if dated else None

    def week_of(day):
        week = Week.of(day)
        return week if oldest is not None and oldest <= week else None

    def any_in_window(news, potensi):
        """Whether a scope has items in the window (most KIM of a large site
        have none: no scope is made for them)."""
        return bool(news) and week_of(news[0].date.date()) is not None or any(
            week_of(potensi_days[id(item)]) is not None for item in potensi
            if id(item) in potensi_days)

    def collect(scope, news, potensi, events):
        """Fill `scope` with its digests from its news (newest first), its
        potensi and its activities (both in any order)."""
        by_week = {}
        for article in news:
            week = week_of(article.date.date())
            if week is None:
                break  # newest first: the rest are older still
            digest = by_week.setdefault(week, Digest(scope, week))
            (digest.cek_fakta if article.category.name == CEK_FAKTA else digest.berita
             ).append(article)
        for item in potensi:
            day = potensi_days.get(id(item))
            week = week_of(day) if day is not None else None
            if week is not None:
                by_week.setdefault(week, Digest(scope, week)).potensi.append(item)
        ordered = sorted(events, key=lambda acara: (acara.start, acara.slug))
        for week, digest in by_week.items():
            digest.potensi.sort(key=lambda item: (potensi_days[id(item)], by_title(item)))
            coming = [acara for acara in ordered if acara.last_day >= week.monday]
            digest.acara, digest.acara_more = coming[:per_page], len(coming) > per_page
            digest.url = settings["RINGKASAN_URL"].format(base=scope.base, minggu=week.key)
            digest.save_as = settings["RINGKASAN_SAVE_AS"].format(base=scope.base,
                                                                  minggu=week.key)
        scope.digests = [by_week[week] for week in sorted(by_week, reverse=True)]
        for newer, older in itertools.pairwise(scope.digests):
            newer.older, older.newer = older, newer
        return scope

    portal_scope = collect(_scope("portal", settings["SITENAME"], None, "", settings),
                           articles, portal.potensi, portal.agenda.events)
    kecamatan = []
    for group in portal.kecamatan:
        group.weekly_digests = None
        if not any_in_window(group.berita, group.potensi):
            continue
        scope = collect(_scope("kecamatan", f"Kecamatan {group.name}", group, group.url,
                               settings),
                        group.berita, group.potensi,
                        portal.agenda.all_by_kecamatan.get(group.name, ()))
        group.weekly_digests = scope if scope.digests else None
        if scope.digests:
            kecamatan.append(scope)
    kims = []
    for kim in portal.kims:
        kim.weekly_digests = None
        if not any_in_window(kim.berita_list, kim.potensi_list):
            continue
        scope = collect(_scope("kim", "", kim, kim.url, settings),
                        kim.berita_list, kim.potensi_list,
                        portal.agenda.all_by_kim.get(kim.slug, ()))
        kim.weekly_digests = scope if scope.digests else None
        if scope.digests:
            kims.append(scope)
    by_week = {}
    for scope in kims:
        for digest in scope.digests:
            by_week.setdefault(digest.week, []).append(digest)
    return Digests(portal_scope, kecamatan, kims,
                   [digest.week for digest in portal_scope.digests], by_week)


def _scope(kind, label, subject, base, settings):
    scope = Scope(kind, label, subject, base, base or settings["INDEX_URL"])
    scope.url = settings["RINGKASAN_INDEX_URL"].format(base=base)
    scope.save_as = settings["RINGKASAN_INDEX_SAVE_AS"].format(base=base)
    return scope


def _as_date(value):
    return value if isinstance(value, date) else date.fromisoformat(str(value))
