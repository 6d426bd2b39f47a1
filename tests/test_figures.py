"""One definition per figure: every page that states how many KIM, kecamatan
with KIM, potensi or berita the portal has states the same number, and that
number is what the content holds (counted here from the fixture files)."""

import html
import re
from pathlib import Path

import yaml

from conftest import SAMPLE
from portal.model.vocabulary import KECAMATAN

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
    ("berita", r"Berita per bulan \(jumlah: (\d[\d.]*) berita\)", {"statistik/index.html"}),
    ("berita", r"(\d[\d.]*) berita, menurut bulan", {"arsip/index.html"}),
]


def published(folder):
    """Front matter of the published files of one content folder."""
    found = []
    for path in sorted((SAMPLE / folder).glob("*.md")):
        meta = yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])
        if meta.get("status", "published") == "published":
            found.append(meta)
    return found


def expected_counts():
    kims = published("kim")
    return {
        "kim": len(kims),
        "kecamatan_with_kim": len({kim["kecamatan"] for kim in kims}),
        "kecamatan": len(KECAMATAN),
        "potensi": len(published("potensi")),
        "berita": len(published("berita")),
    }


def page_text(path):
    return html.unescape(re.sub(r"\s+", " ", Path(path).read_text(encoding="utf-8")))


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
    kims = published("kim")
    for kecamatan in KECAMATAN:
        count = sum(1 for kim in kims if kim["kecamatan"] == kecamatan.name)
        name = re.escape(kecamatan.name)
        # Home lists only the kecamatan that have a KIM, each with its count.
        on_home = re.search(rf">{name}</a> <span[^>]*>(\d+) KIM<", home)
        assert (on_home and on_home.group(1)) == (str(count) if count else None), kecamatan.name
        assert re.search(rf">{name} \({count}\)<", directory), kecamatan.name
        assert re.search(rf">{name}(</a>)?</th><td>{count}</td>", statistik), kecamatan.name
