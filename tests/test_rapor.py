"""The Rapor KIM (domain/rapor.py): what each KIM did on the portal (the mix
of what it published, its newest post, the months it posted in, posts per
month over the last twelve) and nothing it lacks; what a profile lacks is
a reminder for the editors (domain/reminders.py), never on a page.

The figures agree with the pages they count. On the valid-minimal fixtures,
built on conftest.TODAY (2026-06-15), the chart's twelve months run from
July 2025 to June 2026 and:

* KIM Contoh Satu is named by a berita (2024-01-15) and a cek fakta
  (2024-02-01), organises two activities still to come (4 July and 15-17
  August 2026), has a gallery (2026-05-02) and a video (2026-05-20),
  published its SK as a document (2018-09-20) and has one potensi in its
  desa: posts in four months since September 2018, two of them in the
  twelve months, the newest 26 days ago, so it is active; its profile
  lacks the SK (as a field) and the logo.
* KIM Contoh Dua is named by the berita and organises the festival (to
  come) and an activity of 20 November 2025 that was called off: a
  cancelled activity is no post, so it posted in one month (January 2024),
  nothing in the twelve months (no chart), and is not active; its profile
  lacks contacts and pengurus.
"""

import re
from datetime import date, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import icalendar
import pytest
from selectolax.lexbor import LexborHTMLParser

from conftest import FIXTURES, TODAY, build, fixture_content_with
from portal.domain import rapor, reminders
from portal.domain.statistics import JENIS, Jenis
from portal.intake.validation import validate_content

ZONE = ZoneInfo("Asia/Jakarta")
DAY = date.fromisoformat(TODAY)


# -- the computation, on small fake objects -----------------------------------

def article(day, category="Berita"):
    return SimpleNamespace(date=datetime.combine(day, datetime.min.time(), ZONE),
                           category=SimpleNamespace(name=category))


def acara(day, keadaan="terjadwal"):
    return SimpleNamespace(start=datetime.combine(day, datetime.min.time(), ZONE),
                           keadaan=keadaan)


def kim(slug="uji", berita=(), potensi=(), **profile):
    return SimpleNamespace(slug=slug, title=f"KIM {slug}", berita_list=list(berita),
                           potensi_list=list(potensi), **profile)


def portal(kims, activities=None, videos=None, documents=None, galleries=None, day=DAY,
           **extra):
    return SimpleNamespace(kims=kims, agenda=SimpleNamespace(day=day,
                                                             all_by_kim=activities or {}),
                           videos_by_kim=videos or {}, galleries_by_kim=galleries or {},
                           documents=SimpleNamespace(by_kim=documents or {}), **extra)


def test_the_twelve_months_end_with_the_builds_month():
    assert rapor.last_months(date(2026, 6, 15)) == [
        date(2025, month, 1) for month in range(7, 13)] + [
        date(2026, month, 1) for month in range(1, 7)]
    assert rapor.last_months(date(2026, 1, 31))[:2] == [date(2025, 2, 1), date(2025, 3, 1)]
    assert rapor.last_months(date(2026, 1, 31))[-1] == date(2026, 1, 1)


def test_posts_are_counted_in_their_month_and_the_future_is_not_yet_a_post():
    subject = kim(berita=[article(date(2026, 6, 1)), article(date(2026, 6, 14), "Cek Fakta"),
                          article(date(2025, 7, 1)), article(date(2025, 6, 30))],
                  potensi=["a potensi", "another"])
    activities = {"uji": [acara(date(2026, 5, 20)), acara(date(2026, 7, 1))]}
    videos = {"uji": [SimpleNamespace(date=date(2026, 5, 2))]}
    documents = {"uji": [SimpleNamespace(date=datetime(2020, 1, 2, tzinfo=ZONE))]}
    result = rapor.build(portal([subject], activities, videos, documents)).of(subject)
    counts = dict(result.months)
    assert counts[date(2026, 6, 1)] == 2
    assert counts[date(2026, 5, 1)] == 2
    # 1 July 2025 is in the window, 30 June 2025 a day before it.
    assert counts[date(2025, 7, 1)] == 1
    assert result.posts == 5
    # The activity of 1 July 2026 has not happened: in the mix, not the chart.
    assert [(jenis.key, count) for jenis, count in result.per_jenis] == [
        ("berita", 3), ("cek-fakta", 1), ("acara", 2), ("galeri", 0), ("video", 1),
        ("dokumen", 1), ("potensi", 2)]
    # What is shown leaves out the kinds it has none of.
    assert "galeri" not in [jenis.key for jenis, _ in result.mix]
    assert (result.newest.jenis.key, result.newest.day) == ("cek-fakta", date(2026, 6, 14))
    # Months with a post, ever: Jan 2020, Jun 2025, Jul 2025, May 2026, Jun 2026.
    assert result.first_post == date(2020, 1, 2) and result.months_active == 5


def test_a_cancelled_activity_is_no_post():
    subject = kim()
    activities = {"uji": [acara(date(2026, 6, 1), "dibatalkan"), acara(date(2026, 5, 1))]}
    result = rapor.build(portal([subject], activities)).of(subject)
    assert dict((jenis.key, count) for jenis, count in result.per_jenis)["acara"] == 1
    assert result.posts == 1 and result.newest.day == date(2026, 5, 1)


def test_active_means_a_post_in_the_last_30_days_today_included():
    def of(last):
        subject = kim(berita=[article(last)])
        return rapor.build(portal([subject])).of(subject)

    assert of(DAY).active
    assert of(DAY - timedelta(days=29)).active
    assert not of(DAY - timedelta(days=30)).active
    nothing = kim()
    never = rapor.build(portal([nothing])).of(nothing)
    assert never.newest is None and never.first_post is None and not never.active
    assert never.posts == 0 and len(never.months) == 12 and never.months_active == 0
    # Nothing on the portal: nothing to say, so no block (not a row of zeros).
    assert not never.anything and never.mix == []


def test_a_new_content_type_is_one_entry():
    siaran = Jenis("siaran", "siaran radio", lambda p: [],
                   lambda k, p: p.siaran_by_kim.get(k.slug, []), lambda item: item.day)
    subject = kim()
    site = portal([subject], siaran_by_kim={"uji": [SimpleNamespace(day=DAY)]})
    result = rapor.build(site, jenis=JENIS + (siaran,)).of(subject)
    assert [(jenis.key, count) for jenis, count in result.mix] == [("siaran", 1)]
    assert result.posts == 1 and result.active


def test_the_chart_draws_a_column_and_a_number_per_month():
    months = list(zip(rapor.last_months(DAY), [0] * 10 + [2, 4], strict=True))
    tree = LexborHTMLParser(str(rapor.column_chart(months)))
    assert [node.text() for node in tree.css(".chart__value text")] == ["0"] * 10 + ["2", "4"]
    heights = [int(height) for height in
               re.findall(r"v-(\d+)", tree.css_first("path").attributes["d"])]
    # column_chart draws the largest month (4 posts) 56 px tall (its bar_height),
    # 2 posts half of that, 28, and an empty month as a 1 px hairline.
    assert heights == [1] * 10 + [28, 56]
    assert [node.text() for node in tree.css(".chart__label--tahun text")] == ["2025", "2026"]


# -- what a profile lacks: the editors' reminders -------------------------------

FULL_PROFILE = {"kontak": {"whatsapp": "0812-0000-0001"},
                "pengurus": [{"jabatan": "Ketua", "nama": "Tokoh Rekaan"}],
                "sk_pembentukan": {"nomor": "1/2020"}, "logo": "images/logo.png",
                "lokasi": {"lat": -2.7, "lon": 111.6}}


def test_an_empty_profile_lacks_every_part():
    assert reminders.missing_parts({"kontak": {"whatsapp": "", "email": None}}) == [
        "kontak", "pengurus", "sk_pembentukan", "logo", "lokasi"]
    assert reminders.missing_parts(FULL_PROFILE) == []
    assert reminders.missing_parts({**FULL_PROFILE, "sk_pembentukan": {"tanggal": "2020"}}) \
        == ["sk_pembentukan"]


def test_invoke_check_reminds_the_editors_of_each_kims_missing_parts():
    content = FIXTURES / "valid-minimal" / "content"
    documents, problems = validate_content(content, FIXTURES.parent.parent)
    assert problems == []
    found = {Path(problem.path).name: str(problem) for problem in reminders.reminders(
        documents, content, lambda path: Path(path).relative_to(content.parent).as_posix())}
    # The reminder names the fields (editors write them), and says why contacts matter.
    assert "kolom kontak, pengurus belum diisi, sehingga warga belum dapat menghubungi " \
           "KIM ini langsung" in found["contoh-dua.md"]
    assert "kolom sk_pembentukan, logo belum diisi. Pembaca tidak diberi tahu" \
        in found["contoh-satu.md"]
    assert all("Perbaiki:" in line for line in found.values())


# -- the built pages ----------------------------------------------------------

def page(site, address):
    return LexborHTMLParser((site / address / "index.html").read_text(encoding="utf-8"))


def words(node):
    return " ".join(node.text().replace("\xa0", " ").split())


def profile_rapor(site, slug):
    return page(site, f"kim/{slug}").css_first("section.rapor")


def facts(block):
    return {words(dt): words(dt.next) for dt in block.css("dt")}


def rapor_entry(site, slug):
    tree = page(site, "rapor")
    link = tree.css_first(f'.rapor-kim a[href^="/kim/{slug}/"]')
    return [words(p) for p in link.parent.parent.css("p")]


KNOWN = {
    "contoh-satu": {"mix": "1 berita · 1 cek fakta · 2 acara · 1 galeri · 1 video · "
                           "1 dokumen · 1 potensi",
                    "newest": "video, 20 Mei 2026", "newest_href": "/video/profil-contoh-satu/",
                    "months": "4 bulan, sejak September 2018", "posts": 2,
                    "per_month": {"Mei 2026": 2}, "active": True},
    "contoh-dua": {"mix": "1 berita · 1 acara", "newest": "berita, 15 Januari 2024",
                   "newest_href": "/berita/berita-contoh-kegiatan-kim/",
                   "months": "1 bulan (Januari 2024)", "posts": 0, "per_month": {},
                   "active": False},
}


@pytest.mark.parametrize("slug", KNOWN)
def test_profile_block_states_what_the_kim_did(fixture_site, slug):
    known = KNOWN[slug]
    block = profile_rapor(fixture_site, slug)
    stated = facts(block)
    assert stated["Di portal"] == known["mix"]
    assert stated["Bulan aktif"] == known["months"]
    # The newest post is linked, unless it is an article: the profile's news
    # list starts with it already.
    if known["newest"].startswith("berita"):
        assert "Unggahan terbaru" not in stated
    else:
        assert stated["Unggahan terbaru"] == known["newest"]
        assert block.css_first("dd a").attributes["href"] == known["newest_href"]
    assert (block.css_first(".rapor__aktif") is not None) == known["active"]
    assert block.css_first('a[href="/rapor/"]') is not None
    if not known["posts"]:
        # No chart of twelve empty months.
        assert block.css_first("svg") is None and block.css_first("table") is None
        return
    paragraphs = [words(p) for p in block.css("p")]
    assert (f"{known['posts']} unggahan dalam 12 bulan terakhir (Juli 2025 – Juni 2026)."
            in paragraphs)
    rows = {words(tr.css_first("th")): int(words(tr.css_first("td")))
            for tr in block.css("tbody tr")}
    assert len(rows) == 12 and list(rows)[0] == "Juli 2025" and list(rows)[-1] == "Juni 2026"
    assert {month: n for month, n in rows.items() if n} == known["per_month"]
    # The drawing shows the table's numbers, month by month.
    assert [int(node.text()) for node in block.css(".chart__value text")] == list(rows.values())


@pytest.mark.parametrize("slug", KNOWN)
def test_rapor_page_says_the_same_as_the_profile(fixture_site, slug):
    known = KNOWN[slug]
    marker = ["Aktif dalam 30 hari terakhir"] if known["active"] else []
    assert rapor_entry(fixture_site, slug) == marker + [
        known["mix"], f"Unggahan terbaru: {known['newest']}", f"Bulan aktif: {known['months']}"]
    link = page(fixture_site, "rapor").css_first(
        f'.rapor-kim a[href^="/{known["newest_href"].strip("/")}"]')
    assert link is not None


def test_the_mix_agrees_with_the_pages_it_counts(fixture_site):
    """Berita and cek fakta: the KIM's feed and the fact-check list; acara:
    the KIM's calendar, less what was called off; galeri, video, dokumen:
    their pages naming it; potensi: the cards on its profile."""
    fact_checks = {a.attributes["href"] for a in
                   page(fixture_site, "cek-fakta").css(".teaser__title a")}
    for slug in KNOWN:
        mix = dict(reversed(part.split(" ", 1)) for part in KNOWN[slug]["mix"].split(" · "))
        number = {kind: int(mix.get(kind, 0)) for kind in (
            "berita", "cek fakta", "acara", "galeri", "video", "dokumen", "potensi")}
        feed = (fixture_site / "feeds" / "kim" / f"{slug}.atom.xml").read_text(encoding="utf-8")
        entries = LexborHTMLParser(feed).css("entry link")
        linked = {link.attributes["href"].removeprefix("http://localhost:8000") for link in entries}
        assert number["berita"] + number["cek fakta"] == len(entries)
        assert number["cek fakta"] == len(linked & fact_checks)
        ics = icalendar.Calendar.from_ical(
            (fixture_site / "kim" / slug / "agenda.ics").read_bytes())
        held = [event for event in ics.walk("VEVENT") if event["STATUS"] != "CANCELLED"]
        assert number["acara"] == len(held)
        for kind in ("galeri", "video"):
            pages = [path for path in (fixture_site / kind).glob("*/index.html")
                     if f'href="/kim/{slug}/"' in path.read_text(encoding="utf-8")]
            assert number[kind] == len(pages), kind
        documents = [path for path in (fixture_site / "dokumen").glob("*/index.html")
                     if f'<dt>Penerbit</dt><dd><a href="/kim/{slug}/"'
                     in path.read_text(encoding="utf-8")]
        assert number["dokumen"] == len(documents)
        potensi = page(fixture_site, f"kim/{slug}").css('[aria-labelledby="potensi"] .card')
        assert number["potensi"] == len(potensi)
    # Contoh Dua's cancelled activity is in its calendar, not in its Rapor.
    ics = icalendar.Calendar.from_ical(
        (fixture_site / "kim" / "contoh-dua" / "agenda.ics").read_bytes())
    assert len(ics.walk("VEVENT")) == 2


def test_rapor_page_lists_kim_by_kecamatan_without_ranking(fixture_site):
    tree = page(fixture_site, "rapor")
    sections = [(words(section.css_first("h2")),
                 [words(a) for a in section.css(".rapor-kim__nama a")])
                for section in tree.css("main section")]
    # Only the kecamatan with a KIM: no "Belum ada KIM" section.
    assert sections == [("Kecamatan Arut Selatan", ["KIM Contoh Dua"]),
                        ("Kecamatan Kumai", ["KIM Contoh Satu"]), ("Cara menghitung", [])]
    text = words(tree.css_first("main"))
    assert "1 KIM mengunggah dalam 30 hari terakhir" in text
    assert "dari 2 KIM" not in text and "Bagian profil" not in text
    assert len(tree.css(".rapor__aktif")) == 1
    # Reached from the KIM directory.
    assert page(fixture_site, "kim").css_first('main a[href="/rapor/"]') is not None


def test_the_sample_rapor_shows_no_kim_as_abandoned(sample_site):
    """The sample's KIM last posted in 2018 and 2019: the Rapor says what
    they did and when, not how long ago, and draws no empty chart."""
    overview = page(sample_site, "rapor")
    text = words(overview.css_first("main"))
    assert "mengunggah dalam 30 hari terakhir" not in text  # none did
    for dead in ("0 unggahan", "0 dari", "hari lalu", "Belum ada"):
        assert dead not in text, dead
    for path in sorted((sample_site / "kim").glob("*/index.html")):
        block = LexborHTMLParser(path.read_text(encoding="utf-8")).css_first("section.rapor")
        assert block is not None and block.css_first("svg") is None, path
        assert "Bulan aktif" in words(block), path
    assert rapor_entry(sample_site, "palae") == [
        "1 berita · 2 potensi", "Unggahan terbaru: berita, 20 September 2018",
        "Bulan aktif: 1 bulan (September 2018)"]


@pytest.fixture(scope="module")
def active_site(tmp_path_factory):
    """The valid-minimal fixtures and one more berita, of 10 June 2026,
    naming KIM Contoh Dua: five days before the build's day."""
    folder = tmp_path_factory.mktemp("rapor")
    content = fixture_content_with(folder, {"berita/berita-baru.md": (
        "---\ntitle: Berita Rekaan Bulan Juni\ndate: 2026-06-10 08:00\ncategory: Kegiatan\n"
        "kim: [contoh-dua]\nsummary: Berita rekaan untuk menguji rapor.\n---\n"
        "Isi berita rekaan.\n")})
    result = build(content, folder / "output")
    assert result.returncode == 0, result.stdout + result.stderr
    return folder / "output"


def test_a_kim_that_posted_this_month_is_marked_active(active_site):
    block = profile_rapor(active_site, "contoh-dua")
    assert words(block.css_first(".rapor__status")) == "Aktif dalam 30 hari terakhir"
    rows = {words(tr.css_first("th")): words(tr.css_first("td")) for tr in block.css("tbody tr")}
    assert rows["Juni 2026"] == "1" and set(rows.values()) == {"0", "1"}
    assert rapor_entry(active_site, "contoh-dua") == [
        "Aktif dalam 30 hari terakhir", "2 berita · 1 acara",
        "Unggahan terbaru: berita, 10 Juni 2026", "Bulan aktif: 2 bulan, sejak Januari 2024"]
    assert "2 KIM mengunggah dalam 30 hari terakhir" in words(
        page(active_site, "rapor").css_first("main"))


def test_a_kecamatan_with_many_kim_has_a_rapor_page_of_its_own(full_site):
    """/rapor/ shows each kecamatan's first few KIM, so it does not grow
    with the site; the rest are on the kecamatan's own Rapor page."""
    def listed(tree):
        return [a.attributes["href"] for a in tree.css(".rapor-kim a")
                if "/kim/uji-lama-" in a.attributes["href"]]

    overview, own = page(full_site, "rapor"), page(full_site, "rapor/kotawaringin-lama")
    assert len(listed(overview)) == 6 and len(listed(own)) == 20
    assert set(listed(overview)) <= set(listed(own))
    link = overview.css_first('a[href="/rapor/kotawaringin-lama/"]')
    assert words(link) == "Rapor semua 20 KIM di Kecamatan Kotawaringin Lama"
    # None of them posted lately: the page says nothing about it.
    assert "30 hari terakhir" not in words(own.body)
