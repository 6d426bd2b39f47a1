"""The agenda: the KIM's activities (content/acara/) as of one day.

What is "coming" depends on the day the site is built: an activity is coming
until its last day has passed (an activity under way today is still on the
list), then it moves to the archive. The workflow rebuilds the site every
day, and the pages say on which day the list was made.

Attributes set on each activity (read by the templates and calendar.py):

* ``acara.start`` / ``acara.end``: aware datetimes in the regency's time
  zone (``end`` None when not given), ``acara.all_day`` (no time of day),
  ``acara.last_day`` (a date), ``acara.coming`` (bool)
* ``acara.lokasi`` ({lat, lon} of its place, or None)
* ``acara.kim_profiles`` (the published KIM that organise it),
  ``acara.kecamatan_group``, ``acara.kontak_efektif`` (its own contacts or
  its first KIM's)
* ``acara.ics_url``
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from ..model import formatting, kinds
from .relations import named_kims

ZONE = ZoneInfo("Asia/Jakarta")


@dataclass
class Agenda:
    day: date  # the day "coming" was decided on
    coming: list = field(default_factory=list)  # soonest first
    past: list = field(default_factory=list)  # latest first
    # Coming activities of each KIM (by slug) and kecamatan (by name).
    coming_by_kim: dict = field(default_factory=dict)
    coming_by_kecamatan: dict = field(default_factory=dict)
    # Every activity of each KIM and kecamatan, for their calendars.
    all_by_kim: dict = field(default_factory=dict)
    all_by_kecamatan: dict = field(default_factory=dict)

    @property
    def events(self):
        return self.coming + self.past


def today(setting=""):
    """The day of the build in the regency, or the day `setting`
    (YYYY-MM-DD) names: tests and rebuilds of the past pin it."""
    if setting:
        return date.fromisoformat(setting)
    return datetime.now(ZONE).date()


def moment(text):
    """(aware datetime, whether a time of day was given) of a checked
    DATETIME value."""
    return kinds.parse_datetime(text).replace(tzinfo=ZONE), kinds.has_time(text)


def build(events, kims, groups, settings, day):
    """The ``Agenda`` of the published `events` (Acara) on `day`. `kims` are
    the published KIM, `groups` the KecamatanGroups by name."""
    by_slug = {kim.slug: kim for kim in kims}
    agenda = Agenda(day)
    for acara in events:
        acara.start, timed = moment(acara.mulai)
        acara.all_day = not timed
        selesai = getattr(acara, "selesai", None)
        acara.end = moment(selesai)[0] if selesai else None
        acara.end_all_day = bool(selesai) and not kinds.has_time(selesai)
        acara.last_day = (acara.end or acara.start).date()
        acara.coming = acara.last_day >= day
        acara.kim_profiles = named_kims(acara, by_slug)
        tempat = acara.tempat
        acara.kecamatan_group = groups.get(tempat.get("kecamatan"))
        acara.lokasi = ({"lat": tempat["lat"], "lon": tempat["lon"]}
                        if tempat.get("lat") is not None and tempat.get("lon") is not None
                        else None)
        acara.kontak_efektif = getattr(acara, "kontak", None) or next(
            (kim.kontak for kim in acara.kim_profiles if getattr(kim, "kontak", None)), None)
        acara.ics_url = settings["ACARA_ICS_URL"].format(slug=acara.slug)
        (agenda.coming if acara.coming else agenda.past).append(acara)
    agenda.coming.sort(key=lambda acara: (acara.start, acara.slug))
    agenda.past.sort(key=lambda acara: (acara.start, acara.slug), reverse=True)
    for acara in agenda.coming + agenda.past:
        for kim in acara.kim_profiles:
            agenda.all_by_kim.setdefault(kim.slug, []).append(acara)
            if acara.coming:
                agenda.coming_by_kim.setdefault(kim.slug, []).append(acara)
        name = acara.tempat.get("kecamatan")
        agenda.all_by_kecamatan.setdefault(name, []).append(acara)
        if acara.coming:
            agenda.coming_by_kecamatan.setdefault(name, []).append(acara)
    return agenda


def end_of(acara):
    """When an activity ends, for calendars and structured data: its end,
    the end of its last day when only dates are known, or None."""
    if acara.end is None:
        return None
    if acara.end_all_day:
        return datetime.combine(acara.end.date() + timedelta(days=1), time(), ZONE)
    return acara.end



def jadwal(acara):
    """When an activity takes place, in words: 'Sabtu, 5 Desember 2026,
    08.00–12.00 WIB', '5 Desember 2026 – 7 Desember 2026', ..."""
    start, end = acara.start, acara.end
    if acara.all_day:
        if end is None or end.date() == start.date():
            return formatting.tanggal(start)
        return f"{formatting.tanggal_singkat(start)} – {formatting.tanggal_singkat(end)}"
    begins = f"{formatting.tanggal(start)}, {formatting.waktu(start)}"
    if end is None:
        return begins
    if acara.end_all_day:
        if end.date() == start.date():
            return begins
        return f"{begins} – {formatting.tanggal(end)}"
    if end.date() == start.date():
        return (f"{formatting.tanggal(start)}, {formatting.waktu(start).removesuffix(' WIB')}"
                f"–{formatting.waktu(end)}")
    return f"{begins} – {formatting.tanggal(end)}, {formatting.waktu(end)}"


def tanggal_jam(text):
    """A DATETIME value in words: 'Sabtu, 5 Desember 2026' or with ', 08.00 WIB'."""
    when, timed = moment(text)
    return f"{formatting.tanggal(when)}, {formatting.waktu(when)}" if timed else \
        formatting.tanggal(when)


FILTERS = {"jadwal": jadwal, "tanggal_jam": tanggal_jam}
