"""The Rapor KIM (domain/rapor.py): each KIM's posts per month, days since
its last post, the mix of what it published and what its profile lacks.

The figures agree with the pages they count. On the valid-minimal fixtures,
built on conftest.TODAY (2026-06-15), the chart's twelve months run from
July 2025 to June 2026 and:

* KIM Contoh Satu is named by a berita (2024-01-15) and a cek fakta
  (2024-02-01), organises two activities still to come (4 July and 15-17
  August 2026), has a gallery (2026-05-02) and a video (2026-05-20),
  published its SK as a document (2018-09-20) and has one potensi in its
  desa: two posts in the twelve months, the last 26 days ago, so it is
  active; its profile lacks the SK (as a field) and the logo.
* KIM Contoh Dua is named by the berita, organises the festival and an
  activity of 20 November 2025 (called off, but published): one post in
  the twelve months, 207 days ago, not active; its profile lacks contacts
  and pengurus.
"""

import re
import shutil
from datetime import date, datetime, timedelta
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import icalendar
import pytest
from selectolax.lexbor import LexborHTMLParser

from conftest import FIXTURES, TODAY, build
from portal.domain import rapor

ZONE = ZoneInfo("Asia/Jakarta")
DAY = date.fromisoformat(TODAY)


# -- the computation, on small fake objects -----------------------------------

def article(day, category="Berita"):
    return SimpleNamespace(date=datetime.combine(day, datetime.min.time(), ZONE),
                           category=SimpleNamespace(name=category))


def acara(day):
    return SimpleNamespace(start=datetime.combine(day, datetime.min.time(), ZONE))


def kim(slug="uji", berita=(), potensi=(), **profile):
    return SimpleNamespace(slug=slug, title=f"KIM {slug}", berita_list=list(berita),
                           potensi_list=list(potensi), **profile)


def portal(kims, activities=None, videos=None, documents=None, galleries=None, day=DAY,
           **extra):
    return SimpleNamespace(kims=kims, agenda=SimpleNamespace(day=day,
                                                             all_by_kim=activities or {}),
                           videos_by_kim=videos or {}, galleries_by_kim=galleries or {},
                           documents=SimpleNamespace(by_kim=documents or {}), **extra)


FULL_PROFILE = {"kontak": {"whatsapp": "0812-0000-0001"},
                "pengurus": [{"jabatan": "Ketua", "nama": "Tokoh Rekaan"}],
                "sk_pembentukan": {"nomor": "1/2020"}, "logo": "images/logo.png",
                "lokasi": {"lat": -2.7, "lon": 111.6}}


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
    assert [(jenis.key, count) for jenis, count in result.mix] == [
        ("berita", 3), ("cek-fakta", 1), ("acara", 2), ("galeri", 0), ("video", 1),
        ("dokumen", 1), ("potensi", 2)]
    assert result.last_post == date(2026, 6, 14)
    assert result.days_since == 1


def test_active_means_a_post_in_the_last_30_days_today_included():
    def of(last):
        subject = kim(berita=[article(last)])
        return rapor.build(portal([subject])).of(subject)

    assert of(DAY).days_since == 0 and of(DAY).active
    assert of(DAY - timedelta(days=29)).active
    assert not of(DAY - timedelta(days=30)).active
    nothing = kim()
    never = rapor.build(portal([nothing])).of(nothing)
    assert never.last_post is None and never.days_since is None and not never.active
    assert never.posts == 0 and len(never.months) == 12


def test_an_empty_profile_names_every_missing_field():
    empty = kim("kosong", kontak={"whatsapp": "", "email": None})
    full = kim("lengkap", **FULL_PROFILE)
    result = rapor.build(portal([empty, full]))
    assert [str(item.message) for item in result.of(empty).missing] == [
        "Kontak belum diisi (kolom <code>kontak</code>)",
        "Pengurus belum diisi (kolom <code>pengurus</code>)",
        "SK pembentukan belum diisi (kolom <code>sk_pembentukan</code>)",
        "Logo belum diisi (kolom <code>logo</code>)",
        "Lokasi belum diisi (kolom <code>lokasi</code>)",
    ]
    assert (result.of(empty).filled, result.of(empty).total) == (0, 5)
    assert result.of(full).missing == [] and result.of(full).filled == 5


def test_a_new_content_type_is_one_entry():
    siaran = rapor.Jenis("siaran", "siaran radio",
                         lambda k, p: p.siaran_by_kim.get(k.slug, []), lambda item: item.day)
    subject = kim()
    site = portal([subject], siaran_by_kim={"uji": [SimpleNamespace(day=DAY)]})
    result = rapor.build(site, jenis=rapor.JENIS + (siaran,)).of(subject)
    assert [(jenis.key, count) for jenis, count in result.mix][-1] == ("siaran", 1)
    assert result.posts == 1 and result.active


def test_the_chart_draws_a_column_and_a_number_per_month():
    months = list(zip(rapor.last_months(DAY), [0] * 10 + [2, 4], strict=True))
    tree = LexborHTMLParser(str(rapor.column_chart(months)))
    assert [node.text() for node in tree.css(".chart__value text")] == ["0"] * 10 + ["2", "4"]
    heights = [int(height) for height in
               re.findall(r"v-(\d+)", tree.css_first("path").attributes["d"])]
    assert heights == [1] * 10 + [28, 56]
    assert [node.text() for node in tree.css(".chart__label--tahun text")] == ["2025", "2026"]


# -- the built pages ----------------------------------------------------------

def page(site, address):
    return LexborHTMLParser((site / address / "index.html").read_text(encoding="utf-8"))


def words(node):
    return " ".join(node.text().replace("\xa0", " ").split())


def profile_rapor(site, slug):
    return page(site, f"kim/{slug}").css_first("section.rapor")


def rapor_entry(site, slug):
    tree = page(site, "rapor")
    link = tree.css_first(f'.rapor-kim a[href$="/kim/{slug}/#rapor"]')
    return [words(p) for p in link.parent.parent.css("p")]


KNOWN = {
    "contoh-satu": {"mix": "1 berita · 1 cek fakta · 2 acara · 1 galeri · 1 video · "
                           "1 dokumen · 1 potensi desa",
                    "last": "Unggahan terakhir 20 Mei 2026 (26 hari lalu)", "posts": 2,
                    "per_month": {"Mei 2026": 2}, "active": True, "filled": "3 dari 5",
                    "missing": ["SK pembentukan belum diisi (kolom sk_pembentukan)",
                                "Logo belum diisi (kolom logo)"]},
    "contoh-dua": {"mix": "1 berita · 0 cek fakta · 2 acara · 0 galeri · 0 video · "
                          "0 dokumen · 0 potensi desa",
                   "last": "Unggahan terakhir 20 November 2025 (207 hari lalu)", "posts": 1,
                   "per_month": {"November 2025": 1}, "active": False, "filled": "3 dari 5",
                   "missing": ["Kontak belum diisi (kolom kontak)",
                               "Pengurus belum diisi (kolom pengurus)"]},
}


@pytest.mark.parametrize("slug", KNOWN)
def test_profile_block_states_the_known_figures(fixture_site, slug):
    known = KNOWN[slug]
    block = profile_rapor(fixture_site, slug)
    paragraphs = [words(p) for p in block.css("p")]
    marker = "Aktif dalam 30 hari terakhir " if known["active"] else ""
    assert paragraphs[0] == marker + known["last"] + "."
    assert paragraphs[1] == (f"{known['posts']} unggahan dalam 12 bulan terakhir "
                             "(Juli 2025 – Juni 2026).")
    assert known["mix"] in paragraphs
    assert f"{known['filled']} bagian profil sudah diisi." in paragraphs
    assert [words(li) for li in block.css(".rapor__kurang li")] == known["missing"]
    rows = {words(tr.css_first("th")): int(words(tr.css_first("td")))
            for tr in block.css("tbody tr")}
    assert len(rows) == 12 and list(rows)[0] == "Juli 2025" and list(rows)[-1] == "Juni 2026"
    assert {month: n for month, n in rows.items() if n} == known["per_month"]
    # The drawing shows the table's numbers, month by month.
    assert [int(node.text()) for node in block.css(".chart__value text")] == list(rows.values())
    assert (block.css_first(".rapor__aktif") is not None) == known["active"]
    assert block.css_first('a[href="/rapor/"]') is not None


@pytest.mark.parametrize("slug", KNOWN)
def test_rapor_page_says_the_same_as_the_profile(fixture_site, slug):
    known = KNOWN[slug]
    marker = ["Aktif dalam 30 hari terakhir"] if known["active"] else []
    assert rapor_entry(fixture_site, slug) == marker + [
        known["last"], f"{known['posts']} unggahan dalam 12 bulan terakhir", known["mix"],
        f"Profil: {known['filled']} bagian terisi"]


def test_the_mix_agrees_with_the_pages_it_counts(fixture_site):
    """Berita and cek fakta: the KIM's feed and the fact-check list; acara:
    the KIM's calendar; galeri, video, dokumen: their pages naming it; potensi: the cards
    on its profile; and the counts of the KIM's card on /kim/."""
    fact_checks = {a.attributes["href"] for a in
                   page(fixture_site, "cek-fakta").css(".teaser__title a")}
    cards = {a.attributes["href"]: words(a.parent.parent.css_first(".card__count"))
             for a in page(fixture_site, "kim").css(".card__title a")}
    for slug in KNOWN:
        block = profile_rapor(fixture_site, slug)
        mix = dict(reversed(part.split(" ", 1)) for part in KNOWN[slug]["mix"].split(" · "))
        assert words(block).count(KNOWN[slug]["mix"]) == 1
        feed = (fixture_site / "feeds" / "kim" / f"{slug}.atom.xml").read_text(encoding="utf-8")
        entries = LexborHTMLParser(feed).css("entry link")
        linked = {link.attributes["href"].removeprefix("http://localhost:8000") for link in entries}
        assert int(mix["berita"]) + int(mix["cek fakta"]) == len(entries)
        assert int(mix["cek fakta"]) == len(linked & fact_checks)
        ics = icalendar.Calendar.from_ical(
            (fixture_site / "kim" / slug / "agenda.ics").read_bytes())
        assert int(mix["acara"]) == len(ics.walk("VEVENT"))
        for kind in ("galeri", "video"):
            pages = [path for path in (fixture_site / kind).glob("*/index.html")
                     if f'href="/kim/{slug}/"' in path.read_text(encoding="utf-8")]
            assert int(mix[kind]) == len(pages), kind
        documents = [path for path in (fixture_site / "dokumen").glob("*/index.html")
                     if f'<dt>Penerbit</dt><dd><a href="/kim/{slug}/"'
                     in path.read_text(encoding="utf-8")]
        assert int(mix["dokumen"]) == len(documents)
        potensi = page(fixture_site, f"kim/{slug}").css('[aria-labelledby="potensi"] .card')
        assert int(mix["potensi desa"]) == len(potensi)
        assert cards[f"/kim/{slug}/"] == (f"{mix['potensi desa']} potensi · "
                                          f"{int(mix['berita']) + int(mix['cek fakta'])} berita")


def test_rapor_page_lists_kim_by_kecamatan_without_ranking(fixture_site):
    tree = page(fixture_site, "rapor")
    sections = [(words(section.css_first("h2")),
                 [words(a) for a in section.css(".rapor-kim__nama a")])
                for section in tree.css("main section")]
    assert sections[:2] == [("Kecamatan Arut Selatan", ["KIM Contoh Dua"]),
                            ("Kecamatan Kumai", ["KIM Contoh Satu"])]
    assert [heading for heading, _ in sections] == [
        f"Kecamatan {name}" for name in ("Arut Selatan", "Kumai", "Kotawaringin Lama",
                                          "Arut Utara", "Pangkalan Lada", "Pangkalan Banteng")
    ] + ["Cara menghitung"]
    text = words(tree.css_first("main"))
    assert "1 dari 2 KIM mengunggah dalam 30 hari terakhir" in text
    assert "Bagian profil yang dihitung: kontak, pengurus, SK pembentukan, logo, lokasi" in text
    assert len(tree.css(".rapor__aktif")) == 1
    # Reached from the KIM directory.
    assert page(fixture_site, "kim").css_first('main a[href="/rapor/"]') is not None


@pytest.fixture(scope="module")
def active_site(tmp_path_factory):
    """The valid-minimal fixtures and one more berita, of 10 June 2026,
    naming KIM Contoh Dua: five days before the build's day."""
    folder = tmp_path_factory.mktemp("rapor")
    content = folder / "content"
    shutil.copytree(FIXTURES / "valid-minimal" / "content", content)
    (content / "berita" / "berita-baru.md").write_text(
        "---\ntitle: Berita Rekaan Bulan Juni\ndate: 2026-06-10 08:00\ncategory: Kegiatan\n"
        "kim: [contoh-dua]\nsummary: Berita rekaan untuk menguji rapor.\n---\n"
        "Isi berita rekaan.\n", encoding="utf-8")
    result = build(content, folder / "output")
    assert result.returncode == 0, result.stdout + result.stderr
    return folder / "output"


def test_a_kim_that_posted_this_month_is_marked_active(active_site):
    block = profile_rapor(active_site, "contoh-dua")
    assert words(block.css_first(".rapor__status")) == (
        "Aktif dalam 30 hari terakhir Unggahan terakhir 10 Juni 2026 (5 hari lalu).")
    rows = {words(tr.css_first("th")): words(tr.css_first("td")) for tr in block.css("tbody tr")}
    assert rows["Juni 2026"] == "1" and rows["November 2025"] == "1"
    assert rapor_entry(active_site, "contoh-dua")[:3] == [
        "Aktif dalam 30 hari terakhir", "Unggahan terakhir 10 Juni 2026 (5 hari lalu)",
        "2 unggahan dalam 12 bulan terakhir"]
    assert "2 dari 2 KIM mengunggah dalam 30 hari terakhir" in words(
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
    assert "0 dari 20 KIM di kecamatan ini mengunggah dalam 30 hari terakhir" in words(own.body)
