"""Weekly digests for WhatsApp (domain/digest.py, output/digest.py): a page
per week with content for the portal, each KIM and each kecamatan, holding
a message ready to paste: under 2,000 characters, WhatsApp's marks paired,
only absolute links to built pages, no HTML and no no-break space; weeks
from content dates only, a bounded number of pages, nothing of a draft."""

import re
import shutil
from datetime import date, datetime, timedelta
from types import SimpleNamespace
from urllib.parse import unquote

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from pelican.settings import read_settings
from selectolax.lexbor import LexborHTMLParser

from conftest import FIXTURES, ROOT, browser_tab, build, tree_digest
from portal.domain import digest as domain
from portal.model.vocabulary import VERDICTS
from portal.output import digest as output

SITEURL = "https://kim.example.id"
SETTINGS = read_settings(str(ROOT / "pelicanconf.py"))
WEEK_PAGE = re.compile(r"(?:^|/)ringkasan/(\d{4})-(\d{2})/index\.html$")
BUSY = date(2024, 3, 5)  # ISO week 2024-10: more news than one message holds
BUSY_NEWS = 30
# Titles with WhatsApp's marks, markup typed as text and typographers' quotes.
TITLE = 'Rapat *penting* _warga_ ~desa~ `{number}` <b>tebal</b> & "kutipan" nomor {number}'


def _write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def make_content(target):
    """valid-minimal (news in ISO weeks 2024-03 and 2024-05, activities) plus
    a busy week for KIM Contoh Satu, a potensi first reported in week
    2024-08, an activity in the busy week, and a KIM whose only news is far
    older than the digests' window."""
    shutil.copytree(FIXTURES / "valid-minimal" / "content", target)
    for number in range(BUSY_NEWS):
        moment = datetime.combine(BUSY, datetime.min.time()) + timedelta(hours=8, minutes=number)
        _write(target / "berita" / f"ramai-{number:02d}.md",
               f"---\ntitle: {TITLE.format(number=number)!r}\n"
               f"date: {moment:%Y-%m-%d %H:%M}\ncategory: Kegiatan\nkim: [contoh-satu]\n"
               f"slug: ramai-{number:02d}\nsummary: Berita rekaan pekan ramai.\n---\nIsi.\n")
    _write(target / "potensi" / "anyaman-dua.md",
           "---\ntitle: Anyaman Contoh Dua\nslug: anyaman-contoh-dua\n"
           "desa_kelurahan: Contoh Dua\njenis_wilayah: desa\nkecamatan: Arut Selatan\n"
           "kim: contoh-dua\nkategori:\n  - Kerajinan\nringkasan: Anyaman rekaan.\n"
           "sumber:\n  - nama: Media Rekaan\n    tanggal: 2024-02-20\n---\nAnyaman.\n")
    _write(target / "acara" / "kerja-bakti.md",
           "---\ntitle: Kerja Bakti Rekaan\nslug: kerja-bakti-rekaan\nmulai: 2024-03-06 07:00\n"
           "keadaan: terjadwal\ntempat:\n  nama: Balai Desa Contoh Satu\n  kecamatan: Kumai\n"
           "kim: [contoh-satu]\n---\nKerja bakti rekaan.\n")
    _write(target / "kim" / "contoh-lama.md",
           "---\ntitle: KIM Contoh Lama\nslug: contoh-lama\ndesa_kelurahan: Contoh Lama\n"
           "jenis_wilayah: desa\nkecamatan: Kotawaringin Lama\ntanggal_dibentuk: 2019-05\n"
           "ringkasan: KIM rekaan tanpa berita baru.\n---\nProfil.\n")
    _write(target / "berita" / "lama.md",
           "---\ntitle: Berita Lama Rekaan\ndate: 2023-01-02 08:00\ncategory: Berita\n"
           "kim: [contoh-lama]\nslug: berita-lama-rekaan\n---\nIsi lama.\n")
    return target


@pytest.fixture(scope="module")
def content(tmp_path_factory):
    return make_content(tmp_path_factory.mktemp("ringkasan") / "content")


def _built(content, output, today=None):
    env = {"PORTAL_SITEURL": SITEURL}
    if today:
        env["PORTAL_TODAY"] = today
    result = build(content, output, settings="publishconf.py", env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    return output


@pytest.fixture(scope="module")
def site(content, tmp_path_factory):
    return _built(content, tmp_path_factory.mktemp("ringkasan-situs") / "output")


def week_pages(site):
    return sorted(path.relative_to(site).as_posix() for path in site.rglob("index.html")
                  if WEEK_PAGE.search(path.relative_to(site).as_posix()))


def page(site, name):
    return LexborHTMLParser((site / name).read_text(encoding="utf-8"))


def message_of(tree):
    return tree.css_first("textarea#teks-ringkasan").text()


# -- what a message is -------------------------------------------------------------

LINK = re.compile(r"https?://\S+")


def message_problems(text, resolves=None):
    """Everything wrong with a WhatsApp message (empty when nothing)."""
    problems = []
    if output.length(text) >= output.MESSAGE_LIMIT:
        problems.append(f"{output.length(text)} characters")
    for line in text.splitlines():
        words = LINK.sub("", line)
        # Each mark opens and closes a span on its line: *tebal*, _miring_.
        bare = re.sub(r"\*[^*\n]+\*|_[^_\n]+_", "", words)
        if "*" in bare or "_" in bare:
            problems.append(f"unpaired mark: {line!r}")
    if re.search(r"<[a-zA-Z/!?][^>]*>", text):
        problems.append("HTML tag")
    if "\xa0" in text or "&nbsp;" in text:
        problems.append("no-break space")
    for url in LINK.findall(text):
        if not url.startswith(SITEURL + "/"):
            problems.append(f"not an absolute link to the site: {url}")
        elif resolves is not None and not resolves(url):
            problems.append(f"no such page: {url}")
    return problems


def resolver(site):
    def resolves(url):
        path = url.removeprefix(SITEURL + "/")
        return (site / path / "index.html").is_file() if path.endswith("/") or not path \
            else (site / path).is_file()
    return resolves


def test_every_digest_message_is_ready_for_whatsapp(site):
    pages = week_pages(site)
    assert len(pages) >= 8
    for name in pages:
        tree = page(site, name)
        text = message_of(tree)
        assert message_problems(text, resolver(site)) == [], name
        # The portal's name and address close it.
        assert text.endswith(f"\n*{SETTINGS['SITENAME']}*\n{SITEURL}/"), name
        # "Kirim ke WhatsApp" sends exactly that text, with no encoded no-break space.
        href = tree.css_first("a.button--whatsapp").attributes["href"]
        assert href.startswith("https://wa.me/?text=")
        assert "%C2%A0" not in href.upper()
        assert unquote(href.removeprefix("https://wa.me/?text=")) == text
        # The text field is read-only: it can be selected and copied without script.
        field = tree.css_first("textarea#teks-ringkasan")
        assert "readonly" in field.attributes
        assert tree.css_first('label[for="teks-ringkasan"]').text() == "Salin untuk WhatsApp"


def test_a_long_week_is_cut_and_links_to_its_page(site):
    name = "kim/contoh-satu/ringkasan/2024-10/index.html"
    tree = page(site, name)
    text = message_of(tree)
    lines = [line for line in text.splitlines() if line.startswith("• ")]
    assert 0 < len(lines) < BUSY_NEWS
    assert f"Selengkapnya: {SITEURL}/kim/contoh-satu/ringkasan/2024-10/" in text
    assert re.search(r"^_dan \d+ lainnya_$", text, re.M)
    # The page lists more of the week, RINGKASAN_PER_BAGIAN of them, and
    # links to the KIM's page for the rest.
    listed = tree.css('section[aria-labelledby="berita"] li')
    assert len(listed) == SETTINGS["RINGKASAN_PER_BAGIAN"]
    more = tree.css_first('section[aria-labelledby="berita"] .more a')
    assert more.attributes["href"] == f"{SITEURL}/kim/contoh-satu/"
    # Titles lose their marks and typed markup, and nothing else.
    assert "• Rapat penting warga desa 29 tebal & \"kutipan\" nomor 29 " in text


def test_only_weeks_with_content_in_the_window_get_pages(site):
    weeks = {}
    for name in week_pages(site):
        found = WEEK_PAGE.search(name)
        weeks.setdefault(name[:found.start()], set()).add(f"{found[1]}-{found[2]}")
    assert weeks == {
        "": {"2024-03", "2024-05", "2024-08", "2024-10"},
        "kim/contoh-satu": {"2024-03", "2024-05", "2024-10"},
        "kim/contoh-dua": {"2024-03", "2024-08"},
        "kecamatan/kumai": {"2024-03", "2024-05", "2024-10"},
        "kecamatan/arut-selatan": {"2024-03", "2024-08"},
    }
    # The KIM whose news are older than the window, and the kecamatan
    # without any, have no digest and no index of digests.
    assert not (site / "kim" / "contoh-lama" / "ringkasan").exists()
    assert not (site / "kecamatan" / "kotawaringin-lama" / "ringkasan").exists()
    assert not (site / "ringkasan" / "2023-01").exists()
    for name in week_pages(site):
        tree = page(site, name)
        assert tree.css('main section[aria-labelledby="berita"] li, '
                        'main section[aria-labelledby="cek-fakta"] li, '
                        'main section[aria-labelledby="potensi"] li'), f"{name} is empty"


def test_indexes_list_the_weeks_newest_first_and_the_footer_links_the_portals(site):
    tree = page(site, "ringkasan/index.html")
    weeks = [a.attributes["href"] for a in tree.css("#daftar-pekan + ul a")]
    assert weeks == [f"{SITEURL}/ringkasan/{week}/"
                     for week in ("2024-10", "2024-08", "2024-05", "2024-03")]
    areas = [a.attributes["href"] for a in tree.css("#per-kecamatan + ul a")]
    assert areas == [f"{SITEURL}/kecamatan/arut-selatan/ringkasan/",
                     f"{SITEURL}/kecamatan/kumai/ringkasan/"]
    kumai = page(site, "kecamatan/kumai/ringkasan/index.html")
    assert [a.attributes["href"] for a in kumai.css("#per-kim + ul a")] == [
        f"{SITEURL}/kim/contoh-satu/ringkasan/"]
    footer = page(site, "kim/contoh-lama/index.html").css_first(".site-footer")
    assert f"{SITEURL}/ringkasan/" in [a.attributes["href"] for a in footer.css("a")]
    # A KIM's or kecamatan's page links its own digests when it has any.
    for name, has in (("kim/contoh-satu", True), ("kim/contoh-lama", False),
                      ("kecamatan/kumai", True), ("kecamatan/kotawaringin-lama", False)):
        main = page(site, f"{name}/index.html").css_first("main")
        links = [a.attributes["href"] for a in main.css("a")]
        assert (f"{SITEURL}/{name}/ringkasan/" in links) == has, name


def test_a_week_lists_its_items_and_the_activities_from_that_week_on(site):
    tree = page(site, "ringkasan/2024-10/index.html")
    text = message_of(tree)
    agenda = text.split("*Agenda*\n", 1)[1].split("\n\n", 1)[0].splitlines()
    # Soonest first, from the busy week on (the activity of 2024-03-06 is in
    # that week); the cancelled and the postponed ones say so.
    assert agenda[0] == f"• 6 Maret 2024: Kerja Bakti Rekaan {SITEURL}/agenda/kerja-bakti-rekaan/"
    assert "(_dibatalkan_)" in agenda[1] and "(_diundur_)" in agenda[3]
    # The potensi is new in the week of its first dated source.
    potensi = page(site, "ringkasan/2024-08/index.html")
    assert "*Potensi baru*\n• Anyaman Contoh Dua, Contoh Dua " \
           f"{SITEURL}/potensi/anyaman-contoh-dua/" in message_of(potensi)
    # A fact check says its verdict.
    checks = message_of(page(site, "kim/contoh-satu/ringkasan/2024-05/index.html"))
    assert "*Cek fakta*\n• _HOAKS_ Cek Fakta: Klaim Rekaan tentang KIM Contoh " in checks
    # Neighbouring weeks and the wider digests of the same week are linked.
    kim = page(site, "kim/contoh-satu/ringkasan/2024-05/index.html")
    links = [a.attributes["href"] for a in kim.css(".ringkasan-lain a")]
    assert f"{SITEURL}/kim/contoh-satu/ringkasan/2024-10/" in links
    assert f"{SITEURL}/kim/contoh-satu/ringkasan/2024-03/" in links
    assert f"{SITEURL}/ringkasan/2024-05/" in links
    assert f"{SITEURL}/kecamatan/kumai/ringkasan/2024-05/" in links


def test_digests_depend_on_content_dates_only(content, site, tmp_path):
    """Built on another day, every digest and every feed but the agenda's
    (which lists what is coming on the build's day, as /agenda/ does) is
    the same bytes."""
    later = _built(content, tmp_path / "output", today="2031-01-01")
    ours, theirs = tree_digest(site), tree_digest(later)

    def shared(files):
        return {name: sha for name, sha in files.items()
                if "ringkasan/" in name or name.startswith("feeds/") and name.endswith(".json")
                and name != "feeds/agenda.json"}
    assert shared(ours) and shared(ours) == shared(theirs)


# -- the message, for any titles ---------------------------------------------------

def _digest(titles, kind):
    scope = SimpleNamespace(kind=kind, name=f"KIM {titles[0][:40]}" if titles else "KIM")
    articles = [SimpleNamespace(title=title, url=f"berita/b{n}/", verdict=None)
                for n, title in enumerate(titles)]
    checks = [SimpleNamespace(title=title, url=f"berita/c{n}/", verdict=VERDICTS[n % 5])
              for n, title in enumerate(titles[:6])]
    acara = [SimpleNamespace(title=title, url=f"agenda/a{n}/", keadaan="dibatalkan",
                             start=datetime(2024, 3, 6 + n % 20, 8))
             for n, title in enumerate(titles[:10])]
    potensi = [SimpleNamespace(title=title, url=f"potensi/p{n}/", desa_kelurahan=title[:30])
               for n, title in enumerate(titles[:7])]
    return SimpleNamespace(scope=scope, week=domain.Week(2024, 10), berita=articles,
                           cek_fakta=checks, acara=acara, acara_more=len(titles) > 10,
                           potensi=potensi, url="kim/x/ringkasan/2024-10/")


@settings(max_examples=150, deadline=None)
@given(titles=st.lists(st.text(min_size=1, max_size=40) | st.text(min_size=150, max_size=400),
                      min_size=1, max_size=40),
       kind=st.sampled_from(["portal", "kim", "kecamatan"]))
# Found by this test in CI: an address in a title became a link in the message.
@example(titles=["http://"], kind="portal")
@example(titles=["Waspada tautan https://bantuan-palsu.example/daftar"], kind="kim")
def test_any_titles_make_a_message_ready_for_whatsapp(titles, kind):
    made = output.message(_digest(titles, kind), SITEURL, "Portal KIM Kotawaringin Barat")
    assert message_problems(made.text) == []
    assert made.text.endswith(f"*Portal KIM Kotawaringin Barat*\n{SITEURL}/")
    assert "%C2%A0" not in made.wa_url
    # What is left out is on the page, which the message then links.
    assert made.cut == (f"Selengkapnya: {SITEURL}/kim/x/ringkasan/2024-10/" in made.text)


def test_emoji_count_twice_towards_the_limit():
    assert output.length("🙂") == 2
    made = output.message(_digest(["Panen raya 🌾🌾🌾 " * 10] * 40, "kim"), SITEURL, "Portal")
    assert output.length(made.text) < output.MESSAGE_LIMIT and made.cut


# -- how many pages ------------------------------------------------------------------

def _bench_like(articles, weeks_spread=7 * 52):
    """bench/generate.py's shape without building it: one KIM per ten
    articles, six kecamatan, news spread over seven years."""
    kecamatan = [SimpleNamespace(name=f"K{n}", url=f"kecamatan/k{n}/", berita=[], potensi=[])
                 for n in range(6)]
    kims = [SimpleNamespace(title=f"KIM {n:05d}", slug=f"kim-{n:05d}", url=f"kim/kim-{n:05d}/",
                            kecamatan_group=kecamatan[n % 6], berita_list=[], potensi_list=[])
            for n in range(max(1, articles // 10))]
    news = []
    start = datetime(2019, 1, 1, 8)
    for number in range(articles):
        kim = kims[number % len(kims)]
        article = SimpleNamespace(date=start + timedelta(weeks=number * weeks_spread / articles),
                                  category=SimpleNamespace(name="Berita"), kim_profiles=[kim])
        news.append(article)
    news.sort(key=lambda article: article.date, reverse=True)
    for article in news:
        kim = article.kim_profiles[0]
        kim.berita_list.append(article)
        kim.kecamatan_group.berita.append(article)
    agenda = SimpleNamespace(events=[], all_by_kim={}, all_by_kecamatan={})
    return SimpleNamespace(kims=kims, potensi=[], kecamatan=kecamatan, agenda=agenda), news


@pytest.mark.parametrize("articles", [5_000, 20_000])
def test_the_number_of_digest_pages_is_bounded(articles):
    portal, news = _bench_like(articles)
    found = domain.build(portal, news, SETTINGS)
    weeks = SETTINGS["RINGKASAN_MINGGU"]
    window = news[0].date.date() - timedelta(weeks=weeks)
    in_window = sum(1 for article in news if article.date.date() > window)
    pages = len(found.all()) + len(found.scopes)
    # At most a page per week for the portal and each kecamatan, and a KIM
    # digest per item of the window; one index per scope with digests.
    assert len(found.portal.digests) <= weeks
    assert len(found.all()) <= weeks * (1 + len(portal.kecamatan)) + in_window
    assert pages <= 2 * (weeks * (1 + len(portal.kecamatan)) + in_window)
    # bench/generate.py's 5,000 articles: under 500 pages, on a site of some
    # 8,000 (every KIM's news over seven years would be 5,000 more).
    if articles == 5_000:
        assert pages < 500


# -- the two actions, in a browser -------------------------------------------------

def test_copy_button_copies_the_message_and_the_field_works_without_script(
        chromium, served_site):
    address = f"{served_site}/kim/contoh-satu/ringkasan/2024-03/"
    with browser_tab(chromium, permissions=["clipboard-read", "clipboard-write"]) as page_:
        page_.goto(address)
        button = page_.locator("button[data-salin]")
        assert button.is_visible() and button.text_content() == "Salin untuk WhatsApp"
        button.click()
        page_.wait_for_function("document.querySelector('button[data-salin]')"
                                ".textContent === 'Tersalin'")
        copied = page_.evaluate("navigator.clipboard.readText()")
        assert copied == page_.locator("#teks-ringkasan").input_value()
        assert copied.startswith("*Kabar sepekan KIM Contoh Satu*\n")
    with browser_tab(chromium, java_script_enabled=False) as page_:
        page_.goto(address)
        # Without script: no dead button, the text to select and the link to send.
        assert not page_.locator("button[data-salin]").is_visible()
        assert page_.locator("#teks-ringkasan").input_value().startswith("*Kabar sepekan")
        assert page_.locator("a.button--whatsapp").get_attribute("href").startswith(
            "https://wa.me/?text=%2AKabar%20sepekan")
