"""The agenda (content/acara/): coming and past activities as of the build's
day, each activity's page with its Event data, and calendar files that
parse and say the same as the pages. The fixtures' activities are around
conftest.TODAY (2026-06-15): one coming with times, one moved and lasting
three days, one called off in the past."""

import json
from datetime import date, datetime
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import icalendar
from selectolax.lexbor import LexborHTMLParser

from conftest import FIXTURES, build
from portal.domain import agenda

ZONE = ZoneInfo("Asia/Jakarta")


def page(site, address):
    return LexborHTMLParser((site / address / "index.html").read_text(encoding="utf-8"))


def words(node):
    """A node's text with its spaces as a reader sees them (typogrify joins a
    title's last two words with a no-break space)."""
    return " ".join(node.text().replace("\xa0", " ").split())


def calendar(site, path):
    return icalendar.Calendar.from_ical((site / path).read_bytes())


def events(cal):
    return {str(event["UID"]).split("@")[0]: event for event in cal.walk("VEVENT")}


def test_agenda_lists_coming_soonest_first_then_the_past(fixture_site):
    tree = page(fixture_site, "agenda")
    coming = [words(a) for a in tree.css("#akan-datang ~ ul .teaser__title a")]
    past = [words(a) for a in tree.css("#sudah-berlangsung ~ ul .teaser__title a")]
    assert coming == ["Rapat Anggota KIM Contoh Satu", "Festival Rekaan Dua Desa"]
    assert past == ["Pelatihan Rekaan yang Dibatalkan"]
    assert "Daftar ini diperbarui Senin, 15 Juni 2026." in tree.css_first(".lead").text()
    meta = tree.css("#akan-datang ~ ul .teaser__meta")
    assert meta[0].text(strip=True) == "Sabtu, 4 Juli 2026, 09.00–12.00 WIB"
    assert "Diundur" in meta[2].text() and "15 Agustus 2026 – 17 Agustus 2026" in meta[2].text()


def test_an_activity_page_states_when_where_and_who_with_event_data(fixture_site):
    tree = page(fixture_site, "agenda/festival-contoh")
    facts = dict(zip([words(dt) for dt in tree.css(".facts dt")],
                     [words(dd) for dd in tree.css(".facts dd")], strict=True))
    assert facts["Waktu"] == "15 Agustus 2026 – 17 Agustus 2026"
    assert facts["Penyelenggara"] == "KIM Contoh Satu, KIM Contoh Dua"
    assert "diundur dari jadwal semula Sabtu, 1 Agustus 2026" in tree.css_first(".notice").text()
    # No coordinates: no directions link, but the organiser's WhatsApp.
    assert tree.css_first(".reach__directions") is None
    assert tree.css_first(".button--whatsapp") is not None
    data = [json.loads(node.text()) for node in tree.css('script[type="application/ld+json"]')]
    event = next(item for item in data if item["@type"] == "Event")
    assert event["startDate"] == "2026-08-15" and event["endDate"] == "2026-08-17"
    assert event["eventStatus"] == "https://schema.org/EventRescheduled"
    assert event["previousStartDate"] == "2026-08-01"
    assert [o["name"] for o in event["organizer"]] == ["KIM Contoh Satu", "KIM Contoh Dua"]
    link = tree.css_first('a[type="text/calendar"]')
    assert link.attributes["href"] == "/agenda/festival-contoh/acara.ics"


def test_calendar_files_parse_and_agree_with_the_pages(fixture_site):
    whole = events(calendar(fixture_site, "agenda/agenda.ics"))
    assert set(whole) == {"acara-rapat-anggota-contoh", "acara-festival-contoh",
                          "acara-pelatihan-contoh"}
    rapat = whole["acara-rapat-anggota-contoh"]
    assert rapat.decoded("DTSTART") == datetime(2026, 7, 4, 9, 0, tzinfo=ZONE)
    assert rapat.decoded("DTEND") == datetime(2026, 7, 4, 12, 0, tzinfo=ZONE)
    assert str(rapat["URL"]) == "http://localhost:8000/agenda/rapat-anggota-contoh/"
    assert "Balai Desa Contoh Satu" in str(rapat["LOCATION"])
    festival = whole["acara-festival-contoh"]
    # All day: dates, the end exclusive (the day after the last day).
    assert festival.decoded("DTSTART") == date(2026, 8, 15)
    assert festival.decoded("DTEND") == date(2026, 8, 18)
    assert str(whole["acara-pelatihan-contoh"]["STATUS"]) == "CANCELLED"
    # The timed event's zone is defined in the file, as RFC 5545 requires.
    assert [str(zone["TZID"]) for zone in calendar(fixture_site, "agenda/agenda.ics")
            .walk("VTIMEZONE")] == ["Asia/Jakarta"]
    # One file per activity, and per KIM and kecamatan that has any.
    assert set(events(calendar(fixture_site, "agenda/festival-contoh/acara.ics"))) == {
        "acara-festival-contoh"}
    assert set(events(calendar(fixture_site, "kim/contoh-satu/agenda.ics"))) == {
        "acara-rapat-anggota-contoh", "acara-festival-contoh"}
    assert set(events(calendar(fixture_site, "kecamatan/kumai/agenda.ics"))) == {
        "acara-rapat-anggota-contoh", "acara-pelatihan-contoh"}
    assert not (fixture_site / "kecamatan" / "kotawaringin-lama" / "agenda.ics").exists()


def test_what_is_coming_depends_on_the_day():
    def acara(slug, mulai, selesai=None):
        return SimpleNamespace(slug=slug, mulai=mulai, selesai=selesai, kim=["k"],
                               tempat={"nama": "x", "kecamatan": "Kumai"}, kontak=None)

    kim = SimpleNamespace(slug="k", kontak={"whatsapp": "0812-0000-0001"})
    settings = {"ACARA_ICS_URL": "agenda/{slug}/acara.ics"}
    items = [acara("satu-hari", "2026-07-04 09:00"),
             acara("tiga-hari", "2026-07-03", "2026-07-05"),
             acara("lalu", "2026-07-01 08:00", "2026-07-01 10:00")]
    on_the_day = agenda.build(items, [kim], {}, settings, date(2026, 7, 4))
    assert [a.slug for a in on_the_day.coming] == ["tiga-hari", "satu-hari"]
    assert [a.slug for a in on_the_day.past] == ["lalu"]
    next_day = agenda.build(items, [kim], {}, settings, date(2026, 7, 5))
    assert [a.slug for a in next_day.coming] == ["tiga-hari"]  # its last day
    after = agenda.build(items, [kim], {}, settings, date(2026, 7, 6))
    assert after.coming == [] and [a.slug for a in after.past] == [
        "satu-hari", "tiga-hari", "lalu"]  # latest start first
    assert after.past[0].kontak_efektif == kim.kontak  # the organiser's, as none of its own
    assert agenda.today("2026-06-15") == date(2026, 6, 15)


def test_the_build_day_is_the_days_setting(tmp_path):
    """The same content built on another day moves what has passed."""
    output = tmp_path / "output"
    result = build(FIXTURES.joinpath("valid-minimal", "content"), output,
                   env={"PORTAL_TODAY": "2026-07-10"})
    assert result.returncode == 0, result.stdout + result.stderr
    tree = page(output, "agenda")
    coming = [words(a) for a in tree.css("#akan-datang ~ ul .teaser__title a")]
    assert coming == ["Festival Rekaan Dua Desa"]
    assert "diperbarui Jumat, 10 Juli 2026" in tree.css_first(".lead").text()


# -- subscribing (issue 26, point 7) --------------------------------------------

def test_the_agenda_offers_a_subscription_readable_without_script(fixture_site):
    """A webcal:// link, Google Calendar's page for it, and the https://
    address itself in the page (no script needed to read or select it)."""
    from urllib.parse import parse_qs, urlsplit

    tree = page(fixture_site, "agenda")
    section = tree.css_first("#kalender").parent
    links = {words(a): a.attributes["href"] for a in section.css("a")}
    assert links["Berlangganan di aplikasi kalender"] == "webcal://localhost:8000/agenda/agenda.ics"
    google = urlsplit(links["Tambahkan ke Google Calendar"])
    assert google.netloc == "calendar.google.com"
    assert parse_qs(google.query)["cid"] == ["webcal://localhost:8000/agenda/agenda.ics"]
    field = section.css_first("input#alamat-kalender")
    assert field.attributes["value"] == "http://localhost:8000/agenda/agenda.ics"
    assert "readonly" in field.attributes
    assert section.css_first(f'label[for="{field.id}"]') is not None
    # The copy button needs the script: hidden until it runs.
    assert "hidden" in section.css_first('button[data-salin="alamat-kalender"]').attributes
    # One calendar per kecamatan with activities, also as webcal://.
    assert links["berlangganan"].startswith("webcal://localhost:8000/kecamatan/")


def test_no_link_downloads_a_calendar_file_without_saying_so(fixture_site, full_site):
    """'Semua kegiatan' downloaded a file: a link to a .ics file now says it
    is one (".ics", or the format's name on the list of feeds); subscribing
    is a webcal:// link."""
    for site in (fixture_site, full_site):
        for path in site.rglob("*.html"):
            tree = LexborHTMLParser(path.read_text(encoding="utf-8"))
            for link in tree.css('a[href$=".ics"]'):
                href, text = link.attributes["href"], words(link)
                if not href.startswith("/"):  # webcal://, Google Calendar's page
                    continue
                where = f"{path.relative_to(site)}: {text!r} -> {href}"
                assert ".ics" in text or text == "iCalendar", where


def test_a_called_off_activity_offers_nothing_to_save(fixture_site):
    called_off = page(fixture_site, "agenda/pelatihan-contoh")
    assert "dibatalkan" in called_off.css_first(".notice--batal").text()
    assert called_off.css('a[type="text/calendar"], a[href$=".ics"]') == []
    assert "Simpan ke kalender" not in called_off.body.text()
    moved = page(fixture_site, "agenda/festival-contoh")
    assert words(moved.css_first('a[type="text/calendar"]')) == "Simpan ke kalender (.ics)"


def test_salin_alamat_copies_the_calendars_address(chromium, fixture_site):
    from conftest import serving

    context = chromium.new_context(permissions=["clipboard-read", "clipboard-write"])
    try:
        with serving(fixture_site) as base:
            tab = context.new_page()
            tab.goto(base + "/agenda/")
            button = tab.get_by_role("button", name="Salin alamat")
            button.click()
            tab.locator("[data-salin-status]").filter(has_text="Alamat disalin.").wait_for()
            assert tab.evaluate("navigator.clipboard.readText()") == \
                "http://localhost:8000/agenda/agenda.ics"
    finally:
        context.close()
    # Without script: no button that would do nothing, the address still there.
    context = chromium.new_context(java_script_enabled=False)
    try:
        with serving(fixture_site) as base:
            tab = context.new_page()
            tab.goto(base + "/agenda/")
            assert not tab.get_by_role("button", name="Salin alamat").is_visible()
            assert tab.locator("#alamat-kalender").input_value() == \
                "http://localhost:8000/agenda/agenda.ics"
    finally:
        context.close()


def test_calendars_are_stamped_with_the_builds_fixed_moment(fixture_site):
    """DTSTAMP (when the calendar was published) is one moment the content
    fixes, the newest article's date (the cek fakta of 1 February 2024,
    00:00 WIB), in every file: never the clock's, and not each activity's
    start, which for a coming activity is a moment in the future."""
    from datetime import UTC

    from portal.output.calendar import published_moment

    stamp = datetime(2024, 2, 1, tzinfo=ZONE).astimezone(UTC)
    files = sorted(fixture_site.rglob("*.ics"))
    assert len(files) > 3
    for path in files:
        for event in icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT"):
            assert event.decoded("DTSTAMP") == stamp, path
            assert event.decoded("DTSTAMP") != event.decoded("DTSTART")
    # A build that names its moment (reproducible-builds.org) is stamped with it.
    assert published_moment([], {"SOURCE_DATE_EPOCH": "1767225600"}) == datetime(
        2026, 1, 1, tzinfo=UTC)
    assert published_moment([], {}) == datetime(1970, 1, 1, tzinfo=UTC)
