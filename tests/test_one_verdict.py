"""One verdict: content that `invoke check` accepts is published by
`invoke publish` with a production address, with every output check (links,
security, page budgets) passing. Hypothesis writes content sets of every
type with text an editor could type: any script, emoji, quotes and markup
characters, long titles, long bodies with tables and lists, many entries
naming the same KIM; each set that check accepts must publish."""

import json
import re
import shutil
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from conftest import FIXTURES, copy_project

MINIMAL = FIXTURES.joinpath("valid-minimal", "content")
# A long production address: every link on every page grows with it.
SITEURL = "https://portal-kim-kotawaringin-barat.contoh-kabupaten.go.id/situs-resmi"

# What an editor types: Indonesian words, other scripts, emoji, and the
# characters that markup, YAML and feeds treat specially.
WORDS = st.sampled_from([
    "Kegiatan", "warga", "desa", "Sungai", "KIM", "pelatihan", "rapat", "panen", "kerupuk",
    "amplang", "Rp10.000", "08.00–12.00", "“kutip”", "'tunggal'", "\"ganda\"", "&", "<b>",
    "</i>", "a<b", "x>y", "#tagar", "@akun", "50%", "{kurung}", "[siku]", "*bintang*",
    "_garis_", "`kode`", "\\miring", "🌾", "🐟🔥", "مرحبا", "שלום", "Tiếng", "ÆØÅ", "ß",
    "ﬁ", "é", "—", "…", "·", "°C", "½", "non\u00a0breaking", "Ꮯherokee", "日本語",
])


def _text(min_words=1, max_words=12):
    return st.lists(WORDS, min_size=min_words, max_size=max_words).map(" ".join)


def _body():
    paragraph = _text(3, 60)
    table = st.lists(st.tuples(_text(1, 3), _text(1, 3)), min_size=1, max_size=30).map(
        lambda rows: "| Kolom | Isi |\n|---|---|\n" + "\n".join(
            f"| {a.replace('|', '/')} | {b.replace('|', '/')} |" for a, b in rows))
    listing = st.lists(_text(1, 8), min_size=1, max_size=20).map(
        lambda items: "\n".join(f"- {item}" for item in items))
    heading = _text(1, 6).map(lambda text: f"## {text}")
    block = st.one_of(paragraph, table, listing, heading)
    return st.lists(block, min_size=0, max_size=25).map("\n\n".join)


def _quoted(text):
    return json.dumps(text, ensure_ascii=False)


def _set_field(text, name, value):
    """`text` (a whole file) with the top-level field `name` set to `value`
    (already YAML), added before the closing --- when it is not there."""
    head, body = text.split("\n---\n", 1)
    line = f"{name}: {value}"
    # The field's line and the indented lines of a block value below it.
    field = rf"^{name}:.*(?:\n[ -].*)*$"
    if re.search(field, head, re.M):
        head = re.sub(field, lambda _: line, head, count=1, flags=re.M)
    else:
        head += "\n" + line
    return head + "\n---\n" + body


content_sets = st.fixed_dictionaries({
    # (title, summary, body) of each type's entry, and how many more news
    # articles name the first KIM.
    # Summaries of at most 14 words stay under the 300-character limit.
    "kim": st.tuples(_text(1, 15), _text(0, 14), _body()),
    "potensi": st.tuples(_text(1, 15), _text(1, 14), _body()),
    "berita": st.tuples(_text(1, 30), _text(0, 14), _body()),
    "cek_fakta": st.tuples(_text(1, 20), _text(0, 14), _body()),
    "halaman": st.tuples(_text(1, 10), _text(0, 14), _body()),
    "acara": st.tuples(_text(1, 15), _text(1, 6), _body()),
    "video": st.tuples(_text(1, 15), _text(0, 14), _body()),
    "dokumen": st.tuples(_text(1, 15), _text(0, 14), _body()),
    "galeri": st.tuples(_text(1, 15), _text(0, 14), _body()),
    "more_news": st.integers(min_value=0, max_value=12),
    # A tag needs a letter to have an address ("tag" gives it one); a
    # no-break space is refused in a tag (it names an address).
    "tags": st.lists(_text(1, 3).map(lambda text: "tag " + text.replace("\u00a0", " ")),
                     max_size=8, unique=True),
})

FILES = {"kim": "kim/contoh-satu.md", "potensi": "potensi/contoh-potensi.md",
         "berita": "berita/contoh-berita.md", "cek_fakta": "berita/contoh-cek-fakta.md",
         "halaman": "halaman/tentang-contoh.md", "acara": "acara/rapat-anggota-contoh.md",
         "video": "video/profil-contoh-satu.md", "dokumen": "dokumen/sk-contoh-satu.md",
         "galeri": "galeri/rapat-anggota-contoh.md"}
SUMMARY_FIELD = {"kim": "ringkasan", "potensi": "ringkasan", "video": "ringkasan",
                 "dokumen": "ringkasan", "galeri": "ringkasan"}
# Addresses fixed where the title would give one: a long or emoji-only
# title gives none that check takes, and the album names the article.
SLUGS = {"berita": "berita-contoh-kegiatan-kim", "cek_fakta": "contoh-cek-fakta"}


def write_content_set(target, drawn):
    shutil.copytree(MINIMAL, target)
    for key, relative in FILES.items():
        path = target / relative
        title, summary, body = drawn[key]
        text = path.read_text(encoding="utf-8")
        text = _set_field(text, "title", _quoted(title if key != "cek_fakta"
                                                  else f"Cek Fakta: {title}"))
        if key in SLUGS:
            text = _set_field(text, "slug", SLUGS[key])
        if key == "acara":  # the place's name: written into every calendar
            text = re.sub(r"^  nama: .*$", lambda _, name=summary: f"  nama: {_quoted(name)}",
                          text, count=1, flags=re.M)
        elif summary:
            text = _set_field(text, SUMMARY_FIELD.get(key, "summary"), _quoted(summary))
        head, _ = text.split("\n---\n", 1)
        path.write_text(head + "\n---\n\n" + body + "\n", encoding="utf-8")
    article = (target / FILES["berita"]).read_text(encoding="utf-8")
    if drawn["tags"]:
        tags = "[" + ", ".join(_quoted(tag) for tag in drawn["tags"]) + "]"
        article = _set_field(article, "tags", tags)
        (target / FILES["berita"]).write_text(article, encoding="utf-8")
    for number in range(drawn["more_news"]):
        copy = _set_field(article, "slug", f"berita-tambahan-{number}")
        copy = _set_field(copy, "date", f"2025-0{1 + number % 9}-1{number % 10} 08:00")
        (target / "berita" / f"tambahan-{number}.md").write_text(copy, encoding="utf-8")


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return copy_project(tmp_path_factory.mktemp("satu-putusan") / "proyek", MINIMAL)


def _invoke(project, *args):
    return subprocess.run([sys.executable, "-m", "invoke", *args], cwd=project,
                          capture_output=True, text=True,
                          env={**__import__("os").environ, "PORTAL_SITEURL": SITEURL,
                               "PORTAL_TODAY": "2026-06-15"})


# No shrinking: each example is a whole production build, and the failing
# set is printed as drawn.
@settings(max_examples=10, deadline=None, derandomize=True,
          phases=[Phase.explicit, Phase.reuse, Phase.generate],
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.data_too_large])
@given(drawn=content_sets)
def test_what_check_accepts_publish_publishes(project, drawn):
    tree = project.joinpath("content")
    shutil.rmtree(tree)
    write_content_set(tree, drawn)
    checked = _invoke(project, "check")
    if checked.returncode != 0:
        # The generator writes valid content; a refusal here is a generator
        # bug or a check that refuses what it should take: both worth a look.
        pytest.fail("check refused generated content:\n" + checked.stdout + checked.stderr)
    published = _invoke(project, "publish")
    assert published.returncode == 0, published.stdout[-3000:] + published.stderr[-3000:]
    assert "Traceback" not in published.stdout + published.stderr
