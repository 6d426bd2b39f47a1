"""One definition per figure: every page that states how many KIM, kecamatan
with KIM, potensi, berita, fact checks, activities, albums, videos or
documents the portal has states the same number, and that number is what
the content holds (counted here from the fixture files). A fact check is
not "berita", a cancelled activity is no activity of a KIM, and the
archive's "tulisan" are both berita and fact checks."""

import html
import re
from pathlib import Path

import pytest
import yaml
from selectolax.lexbor import LexborHTMLParser

from conftest import SAMPLE
from portal.model.vocabulary import CEK_FAKTA, KECAMATAN

# (figure, pattern, the pages that must state it). Every page is read: a
# pattern found on any other page is compared too.
STATEMENTS = [
    ("kim", r"dari (\d[\d.]*) Kelompok Informasi Masyarakat \(KIM\)", {"index.html"}),
    ("kim", r"(\d[\d.]*) Kelompok Informasi Masyarakat di \d", {"kim/index.html"}),
    ("kim", r"Daftar (\d[\d.]*) Kelompok Informasi Masyarakat", {"kim/index.html"}),
    ("kim", r"KIM per kecamatan \(jumlah: (\d[\d.]*) KIM\)", {"statistik/index.html"}),
    ("kim", r"Lokasi (\d[\d.]*) KIM", {"peta/index.html"}),
    ("kecamatan_with_kim", r"di (\d[\d.]*) dari \d+ kecamatan",
     {"index.html", "kim/index.html", "statistik/index.html"}),
    ("kecamatan", r"di \d[\d.]* dari (\d+) kecamatan",
     {"index.html", "kim/index.html", "statistik/index.html"}),
    ("kecamatan", r"terdiri atas (\d+) kecamatan", {"kecamatan/index.html"}),
    ("kecamatan_with_kim", r"KIM terdaftar di (\d+) di antaranya", {"kecamatan/index.html"}),
    ("potensi", r"(\d[\d.]*) potensi dari desa", {"potensi/index.html"}),
    ("potensi", r"Potensi per kategori \(jumlah: (\d[\d.]*) potensi\)",
     {"statistik/index.html"}),
    ("tulisan", r"Tulisan per bulan \(jumlah: (\d[\d.]*) tulisan\)", {"statistik/index.html"}),
    ("tulisan", r"(\d[\d.]*) tulisan, menurut bulan", {"arsip/index.html"}),
]


def published(content, folder):
    """Front matter of the published files of one content folder."""
    found = []
    for path in sorted((Path(content) / folder).glob("*.md")):
        meta = yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])
        if meta.get("status", "published") == "published":
            found.append(meta)
    return found


def expected_counts(content=SAMPLE):
    kims = published(content, "kim")
    articles = published(content, "berita")
    fact_checks = sum(1 for meta in articles if meta.get("category") == CEK_FAKTA)
    return {
        "kim": len(kims),
        "kecamatan_with_kim": len({kim["kecamatan"] for kim in kims}),
        "kecamatan": len(KECAMATAN),
        "potensi": len(published(content, "potensi")),
        "berita": len(articles) - fact_checks,
        "cek fakta": fact_checks,
        "tulisan": len(articles),
        "acara": sum(1 for meta in published(content, "acara")
                     if meta.get("keadaan") != "dibatalkan"),
        "galeri": len(published(content, "galeri")),
        "video": len(published(content, "video")),
        "dokumen": len(published(content, "dokumen")),
    }


def page_text(path):
    return html.unescape(re.sub(r"\s+", " ", Path(path).read_text(encoding="utf-8")))


def page(site, address):
    return LexborHTMLParser((Path(site) / address / "index.html").read_text(encoding="utf-8"))


def words(node):
    return " ".join(node.text().replace("\xa0", " ").split())


def test_every_page_states_the_same_figures(sample_site):
    expected = expected_counts()
    # The sample is a fair test: kecamatan without KIM, potensi in several
    # categories (their rows add up to more than the potensi).
    assert expected["kecamatan_with_kim"] < expected["kecamatan"]
    stated = {}
    for path in sorted(Path(sample_site).rglob("*.html")):
        name = path.relative_to(sample_site).as_posix()
        text = page_text(path)
        for figure, pattern, _ in STATEMENTS:
            for value in re.findall(pattern, text):
                stated.setdefault((figure, pattern), {})[name] = int(value.replace(".", ""))
    for figure, pattern, pages in STATEMENTS:
        found = stated.get((figure, pattern), {})
        assert pages <= found.keys(), (figure, pattern, sorted(found))
        wrong = {name: value for name, value in found.items() if value != expected[figure]}
        assert wrong == {}, (figure, expected[figure], pattern)


def test_kim_per_kecamatan_is_the_same_on_home_directory_and_statistics(sample_site):
    home = page_text(Path(sample_site) / "index.html")
    directory = page_text(Path(sample_site) / "kim" / "index.html")
    statistik = page_text(Path(sample_site) / "statistik" / "index.html")
    kims = published(SAMPLE, "kim")
    for kecamatan in KECAMATAN:
        count = sum(1 for kim in kims if kim["kecamatan"] == kecamatan.name)
        name = re.escape(kecamatan.name)
        # Home lists only the kecamatan that have a KIM, each with its count.
        on_home = re.search(rf">{name}</a> <span[^>]*>(\d+) KIM<", home)
        assert (on_home and on_home.group(1)) == (str(count) if count else None), kecamatan.name
        assert re.search(rf">{name} \({count}\)<", directory), kecamatan.name
        assert re.search(rf">{name}(</a>)?</th><td>{count}</td>", statistik), kecamatan.name


def content_table(site):
    """/statistik/'s table of what the portal holds: {kind: number}."""
    table = page(site, "statistik").css_first("#isi-portal").parent.css_first("table")
    return {words(row.css_first("th")).lower(): int(words(row.css_first("td")))
            for row in table.css("tbody tr")}


@pytest.mark.parametrize("which", ["sample", "full"])
def test_statistics_count_every_kind_as_the_content_holds_it(which, sample_site, full_site):
    """/statistik/ counts activities, albums, videos and documents too; a
    fact check is counted as one, not as berita; a cancelled activity not
    at all; a kind the site has none of is no row (not "0 video")."""
    site = sample_site if which == "sample" else full_site
    content = SAMPLE if which == "sample" else Path(full_site).parent / "content"
    expected = expected_counts(content)
    wanted = {kind: expected[kind] for kind in (
        "kim", "berita", "cek fakta", "acara", "galeri", "video", "dokumen", "potensi")
        if expected[kind]}
    assert content_table(site) == wanted
    if which == "full":
        # The fixture has a fact check and a cancelled activity, so the test can fail.
        assert expected["cek fakta"] and expected["acara"] < len(published(content, "acara"))
    else:
        assert set(wanted) == {"kim", "berita", "potensi"}


def test_a_kims_counts_are_the_same_on_its_card_its_profile_and_the_rapor(full_site):
    """One count per kind of item across /kim/, the KIM's profile and
    /rapor/ (the counts of domain/statistics.py's JENIS)."""
    cards = {a.attributes["href"]: words(a.parent.parent.css_first(".card__count"))
             for a in page(full_site, "kim").css(".card__title a")
             if a.parent.parent.css_first(".card__count") is not None}
    rapor = page(full_site, "rapor")
    checked = 0
    for href, counts in cards.items():
        slug = href.strip("/").split("/")[-1]
        entry = rapor.css_first(f'.rapor-kim a[href^="/kim/{slug}/"]')
        if entry is None:  # past the first few of a long kecamatan (its own page)
            continue
        assert counts in [words(p) for p in entry.parent.parent.css("p")], slug
        profile = page(full_site, f"kim/{slug}").css_first("section.rapor dd")
        assert words(profile) == counts, slug
        checked += 1
    assert checked >= 6
    assert cards["/kim/contoh-satu/"] == ("23 berita · 1 cek fakta · 2 acara · 1 galeri · "
                                          "1 video · 1 dokumen · 1 potensi")
