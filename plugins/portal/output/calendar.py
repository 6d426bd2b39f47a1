"""Calendar files (iCalendar, RFC 5545) of the agenda, written with the
icalendar library: one file per activity ("Simpan ke kalender"), and
calendars to subscribe to (every activity, each KIM's, each kecamatan's)
that Google Calendar and phone calendars keep up to date.

Everything in a file comes from the content, so the same content gives the
same bytes: the stamp (DTSTAMP, when the calendar was published) is the
build's fixed moment (``published_moment``), not the time of the build, so a
daily rebuild does not change calendars that did not change. (It once was
each activity's start: a moment in the future for a coming activity.)
"""

import os
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

import icalendar

from ..domain.agenda import end_of
from ..model.formatting import plain_text
from .feeds import newest_date

PRODUCT = "-//Portal KIM Kotawaringin Barat//Agenda//ID"


# For a site without a single article.
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def published_moment(articles, environ=os.environ):
    """The moment every calendar of a build is stamped with: SOURCE_DATE_EPOCH
    when the build sets it (the reproducible-builds convention, seconds
    since 1970), else the newest article's date, as the feeds take it
    (feeds.py): a moment the content fixes, never the clock's."""
    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), UTC)
    return newest_date(articles).astimezone(UTC)


def _event(acara, public_url, stamp):
    event = icalendar.Event()
    host = urlsplit(public_url).hostname or "localhost"
    event.add("uid", f"acara-{acara.slug}@{host}")
    event.add("dtstamp", stamp)  # must be UTC
    event.add("summary", plain_text(acara.title))
    if acara.all_day:
        event.add("dtstart", acara.start.date())
        # An all-day event ends on the day after its last day (exclusive).
        event.add("dtend", acara.last_day + timedelta(days=1))
    else:
        event.add("dtstart", acara.start)
        end = end_of(acara)
        if end is not None:
            event.add("dtend", end)
    tempat = acara.tempat
    where = [tempat.get("nama"), tempat.get("desa_kelurahan"),
             f"Kecamatan {tempat['kecamatan']}" if tempat.get("kecamatan") else None,
             "Kotawaringin Barat"]
    event.add("location", ", ".join(part for part in where if part))
    if acara.lokasi:
        event.add("geo", (float(acara.lokasi["lat"]), float(acara.lokasi["lon"])))
    url = f"{public_url}/{acara.url}"
    event.add("url", url)
    lines = []
    if acara.keadaan == "dibatalkan":
        lines.append("DIBATALKAN.")
    elif acara.keadaan == "diundur":
        lines.append("Diundur dari jadwal semula.")
    if getattr(acara, "ringkasan", None):
        lines.append(plain_text(acara.ringkasan))
    if acara.kim_profiles:
        lines.append("Penyelenggara: " + ", ".join(plain_text(kim.title)
                                                   for kim in acara.kim_profiles))
    lines.append(url)
    event.add("description", "\n".join(lines))
    event.add("status", "CANCELLED" if acara.keadaan == "dibatalkan" else "CONFIRMED")
    return event


def calendar(name, events, public_url, stamp=_EPOCH):
    """The iCalendar bytes of `events` as one calendar named `name`,
    stamped `stamp` (an aware datetime in UTC)."""
    cal = icalendar.Calendar()
    cal.add("prodid", PRODUCT)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", "Asia/Jakarta")
    for acara in sorted(events, key=lambda item: (item.start, item.slug)):
        cal.add_component(_event(acara, public_url, stamp))
    cal.add_missing_timezones()
    for zone in cal.walk("VTIMEZONE"):
        zone.pop("COMMENT", None)  # the library's own English note, for no reader
    return cal.to_ical()


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as handle:
        handle.write(data)


def write_all(output_path, agenda, kims, groups, settings, stamp=_EPOCH):
    """Every calendar file of the agenda: one per activity, all activities,
    and each KIM's and kecamatan's that has any; each stamped `stamp`
    (published_moment)."""
    public_url, site = settings["PUBLIC_URL"], settings["SITENAME"]

    def put(url, name, events):
        write(os.path.join(output_path, url), calendar(name, events, public_url, stamp))

    for acara in agenda.events:
        put(acara.ics_url, plain_text(acara.title), [acara])
    put(settings["AGENDA_ICS_URL"], f"Agenda — {site}", agenda.events)
    for kim in kims:
        if agenda.all_by_kim.get(kim.slug):
            put(settings["KIM_AGENDA_ICS_URL"].format(slug=kim.slug),
                f"Agenda {plain_text(kim.title)}", agenda.all_by_kim[kim.slug])
    for group in groups:
        if agenda.all_by_kecamatan.get(group.name):
            put(settings["KECAMATAN_AGENDA_ICS_URL"].format(slug=group.slug),
                f"Agenda KIM Kecamatan {group.name}", agenda.all_by_kecamatan[group.name])
