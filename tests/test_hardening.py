"""Careless or hostile input: `invoke check` either accepts a file, and then
the build succeeds and shows it right, or rejects it with a message naming
the file, the field and the fix; never a traceback, a hang or a lost site.

The named mistakes each have a fixture in tests/fixtures/invalid/ (see
test_validation.py); here, property-based tests (Hypothesis) generate front
matter, bodies and file names an editor might write, and a few accepted
near-mistakes are built and looked at.
"""

import re
import shutil
import subprocess
import sys

import pytest
import yaml.constructor
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import FIXTURES, ROOT, serving
from portal.intake import frontmatter
from portal.intake.validation import one_line, validate_content

VALID = FIXTURES / "valid-minimal" / "content"
ARTICLE = "berita/uji.md"
# Fragments of PyYAML's English messages, which must not reach an editor.
ENGLISH = ("expected", "but found", "while parsing", "while scanning", "found character",
           "could not", "unacceptable")


def site_with(tmp_path, files):
    """valid-minimal with `files` ({path in content/: text or bytes}) added."""
    content = tmp_path / "content"
    if content.exists():
        shutil.rmtree(content)
    shutil.copytree(VALID, content)
    for relative, data in files.items():
        path = content / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        (path.write_bytes if isinstance(data, bytes) else path.write_text)(data)
    return content


def check(content):
    """Validate in this process; return the problem lines. (How long it
    takes is bench/'s business; the YAML bombs below are bounded by work.)"""
    _, problems = validate_content(content, content.parent)
    lines = [str(problem) for problem in problems]
    for line in lines:
        assert line.startswith("content/"), line
        assert "\n" not in line and "Traceback" not in line, line
        assert "Perbaiki:" in line, line
        assert len(line) < 700, f"message too long ({len(line)}): {line[:200]}"
        assert "kesalahan tak terduga" not in line, line
        assert not any(english in line for english in ENGLISH), line
    return lines


def build(content, output):
    return subprocess.run(
        [sys.executable, "-m", "pelican", str(content), "-s", str(ROOT / "pelicanconf.py"),
         "-o", str(output), "--fatal", "warnings", "-e", "SEARCH_INDEX=false"],
        # A guard against a hang only, far above any build of this content:
        # speed is measured in bench/, not here.
        cwd=ROOT, capture_output=True, text=True, timeout=300)


# -- what editors type ----------------------------------------------------------------

# Values an editor might put after a field name: text with Indonesian words,
# numbers, dates right and wrong, emoji, invisible characters, YAML syntax.
WORDS = st.sampled_from([
    "Kumai", "palae", "contoh-satu", "Berita", "Kegiatan", "2024-01-15", "2024-13-01",
    "0000-01-01", "10.000", "-2.7398", "111,7", "#1", "🌾", "!!!", "KIM Palae", "true",
    "yes", "null", "~", "&a", "*a", "{static}/images/contoh.png", "images/foto kegiatan.jpg",
    "javascript:alert(1)", "https://contoh.id", "www.contoh.id", "0812-3456-7890",
    "Kumai\u00a0", "pal\u200bae", "a: b", "- x", "[a, b", "'", '"', "\t", ":", "",
])
SCALARS = st.one_of(
    WORDS, st.text(max_size=40), st.integers(-10**6, 10**6),
    st.floats(allow_nan=False, allow_infinity=False, width=32), st.booleans(), st.none())
VALUES = st.recursive(SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(WORDS, inner, max_size=4)), max_leaves=12)
FIELDS = st.sampled_from([
    "title", "date", "modified", "category", "tags", "slug", "summary", "kim", "penulis",
    "gambar", "kredit", "sumber", "status", "klaim", "label", "beredar", "diterbitkan_ulang",
    "lokasi", "tanggal", "kontak", "judul", "Title", "tag"])


def yaml_value(value, indent=0):
    """`value` written the way an editor might write it in front matter."""
    pad = "  " * indent
    if isinstance(value, dict):
        if not value:
            return " {}"
        return "\n" + "\n".join(f"{pad}  {key}:{yaml_value(item, indent + 1)}"
                                for key, item in value.items())
    if isinstance(value, list):
        if not value:
            return " []"
        return "\n" + "\n".join(f"{pad}  -{yaml_value(item, indent + 1)}" for item in value)
    if value is None:
        return ""
    return f" {value}"


FRONT_MATTER = st.dictionaries(FIELDS, VALUES, max_size=8)
BODIES = st.one_of(
    st.text(max_size=200),
    st.lists(st.sampled_from([
        "Paragraf biasa.", "## Subjudul", "![foto]({static}/images/contoh.png)",
        "![foto]({static}images/contoh.png)", "![foto](images/tidak-ada.jpg)",
        "[tautan]({filename}/berita/contoh-berita.md)", "[tautan]({filename}/tidak-ada.md)",
        "[x](javascript&colon;alert(1))", "<img/src=x/onerror=alert(1)>", "<script>x</script>",
        "<b>tebal</b>", "| a | b |\n|---|---|\n| 1 | 2 |", "[x](www.contoh.id)",
        "[x]: javascript:y", "{: onclick=x }", "a" * 300,
    ]), max_size=6).map("\n\n".join))

HYPOTHESIS = settings(max_examples=250, deadline=None, derandomize=True,
                      suppress_health_check=[HealthCheck.function_scoped_fixture,
                                             HealthCheck.too_slow])


@HYPOTHESIS
@given(front=FRONT_MATTER, body=BODIES)
def test_any_article_is_accepted_or_explained(tmp_path, front, body):
    text = "---\n" + "".join(f"{key}:{yaml_value(value)}\n" for key, value in front.items()) + \
        "---\n" + body
    lines = check(site_with(tmp_path, {ARTICLE: text}))
    # The valid fixture stays valid: every problem is about the new file.
    assert all(line.startswith(f"content/{ARTICLE}") for line in lines), lines


@HYPOTHESIS
@given(name=st.text(min_size=1, max_size=30).filter(lambda n: "/" not in n and "\0" not in n
                                                     and n not in (".", "..")),
       folder=st.sampled_from(["berita", "kim", "potensi", "halaman", "images", ""]))
def test_any_file_name_is_accepted_or_explained(tmp_path, name, folder):
    relative = f"{folder}/{name}" if folder else name
    try:
        content = site_with(tmp_path, {relative: "---\ntitle: Uji\n---\nIsi.\n"})
    except OSError:
        return  # a name this file system refuses cannot reach the portal either
    lines = check(content)
    # The valid fixture stays valid: whatever is said is said of the new file
    # (check() already asserted that every line names some file).
    assert all(line.startswith(one_line(f"content/{relative}:")) for line in lines), \
        (relative, lines)


# Accepted files are built, and the build of valid content never fails on it.
BUILT_EXAMPLES = []
BUILT = settings(max_examples=12, deadline=None, derandomize=True,
                 suppress_health_check=[HealthCheck.function_scoped_fixture,
                                        HealthCheck.too_slow])


@BUILT
@given(front=st.fixed_dictionaries(
    {"title": st.one_of(WORDS, st.text(min_size=1, max_size=60)),
     "date": st.sampled_from(["2024-01-15", "2024-02-29 23:59", "1945-08-17"]),
     "category": st.sampled_from(["Berita", "Kegiatan", "Pengumuman"])},
    optional={"tags": st.lists(st.sampled_from(["KIM", "desa", "Kumai", "hoaks", "🌾 panen",
                                                "2024"]), max_size=3, unique=True),
              "summary": st.text(max_size=80),
              "kim": st.sampled_from([["contoh-satu"], "contoh-dua", ["contoh-satu", "x"]]),
              "slug": st.sampled_from(["uji", "uji-2", "Uji", ""])}),
    body=st.one_of(st.text(max_size=300), st.lists(st.sampled_from([
        "Paragraf biasa dengan *tebal* dan _miring_.", "## Subjudul", "### Sub-subjudul",
        "![foto]({static}/images/contoh.png)", "[tautan]({filename}/berita/contoh-berita.md)",
        "[luar](https://contoh.id/a?b=c)", "<b>tebal</b> <abbr title=\"x\">KIM</abbr>",
        "| a | b |\n|---|---|\n| 1 | 2 |", "> kutipan", "1. satu\n2. dua", "`kode`",
        "Harga Rp10.000 -- \"murah\" ... (c) 2024", "😀 🌾 ẞ ǅ ﷺ",
    ]), max_size=8).map("\n\n".join)))
def test_an_accepted_article_builds(tmp_path, front, body):
    text = "---\n" + "".join(f"{key}:{yaml_value(value)}\n" for key, value in front.items()) + \
        "---\n" + body
    content = site_with(tmp_path, {ARTICLE: text})
    if check(content):
        return  # rejected with a message: fine
    BUILT_EXAMPLES.append(text)
    result = build(content, tmp_path / "output")
    assert result.returncode == 0, text + "\n" + result.stdout[-3000:] + result.stderr[-3000:]


# -- near-mistakes that are accepted, and shown right ------------------------------------

def test_near_mistakes_are_read_as_meant(tmp_path, chromium):
    kim = (VALID / "kim" / "contoh-satu.md").read_text()
    kim = kim.replace("fokus:\n  - informasi desa\n  - potensi lokal\n",
                      "fokus: informasi desa, potensi lokal\n")
    kim = kim.replace("  lat: -2.7398\n", '  lat: "-2.7398"\n')
    kim = kim.replace("pengurus:\n  - jabatan: Ketua\n    nama: Tokoh Rekaan Satu\n"
                      "  - jabatan: Sekretaris\n    nama: Tokoh Rekaan Dua\n",
                      "pengurus:\n  jabatan: Ketua\n  nama: Tokoh Rekaan Satu\n")
    potensi = (VALID / "potensi" / "contoh-potensi.md").read_text().replace(
        "foto:\n  - src: images/contoh.png\n    alt: Gambar contoh potensi\n"
        "    keterangan: Foto rekaan\n",
        "foto:\n  src: images/contoh.png\n  alt: Gambar contoh potensi\n")
    word = "Pengembangan" * 6
    content = site_with(tmp_path, {
        "kim/contoh-satu.md": kim, "potensi/contoh-potensi.md": potensi,
        ARTICLE: f"---\ntitle: {word} desa\ndate: 2024-01-15\ncategory: Berita\n---\nIsi.\n"})
    assert check(content) == []
    output = tmp_path / "output"
    result = build(content, output)
    assert result.returncode == 0, result.stderr[-3000:]
    profile = (output / "kim" / "contoh-satu" / "index.html").read_text()
    assert "<dd>informasi desa, potensi lokal</dd>" in profile
    assert "Tokoh Rekaan Satu" in profile
    assert re.search(r'"latitude": -2\.7398', profile)
    assert 'alt="Gambar contoh potensi"' in (output / "potensi" / "contoh-potensi" /
                                             "index.html").read_text()
    # One very long word in a title does not widen the page on a phone.
    context = chromium.new_context(viewport={"width": 360, "height": 800})
    try:
        with serving(output) as base:
            page = context.new_page()
            for address in (f"/berita/{word.lower()}-desa/", "/berita/"):
                page.goto(base + address)
                assert page.evaluate("document.documentElement.scrollWidth") <= 360, address
    finally:
        context.close()


@pytest.mark.parametrize("front", [
    "tags: &t [a, b]\nsummary: *t\n",
    "kim: " + "[" * 3000 + "]" * 3000 + "\n",
    "a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: [*b,*b,*b,*b,*b,*b]\n",
])
def test_yaml_bombs_are_refused_at_once(tmp_path, front, monkeypatch):
    """Refused before they expand: no value is built from an anchor or an
    alias, and a deep nesting stops at a depth that does not grow with it."""
    text = f"---\ntitle: Uji\ndate: 2024-01-15\ncategory: Berita\n{front}---\nIsi.\n"
    lines = check(site_with(tmp_path, {ARTICLE: text}))
    assert lines and all(line.startswith(f"content/{ARTICLE}") for line in lines)
    built = []
    construct = yaml.constructor.BaseConstructor.construct_object
    monkeypatch.setattr(yaml.constructor.BaseConstructor, "construct_object",
                        lambda self, node, deep=False: built.append(node) or
                        construct(self, node, deep))

    def values_built(source):
        built.clear()
        with pytest.raises(frontmatter.FrontMatterError):
            frontmatter.split(source)
        return len(built)

    if "&" in front:
        assert values_built(text) == 0
    else:
        # Five times deeper, no more work before the refusal (past
        # frontmatter.SAFE_OPENERS marks, none: the parser's events refuse it).
        deeper = text.replace("[" * 3000, "[" * 15000).replace("]" * 3000, "]" * 15000)
        assert values_built(deeper) <= values_built(text) > 0


@pytest.mark.parametrize("nesting", [
    "kim: " + "[" * 100_000 + "]" * 100_000,
    "kim: " + "[" * 100_000,
    "kim:\n  " + "- " * 100_000 + "x",
    "kim: " + "{a: " * 100_000 + "1" + "}" * 100_000,
])
def test_nesting_deep_enough_to_crash_libyaml_is_refused_with_a_message(nesting):
    """Some 30,000 levels overflowed libyaml's C composer: the process ended
    with a segmentation fault and no message. Run apart, so that a crash is
    a failed test, not the end of the suite."""
    program = ("import sys\nfrom portal.intake import frontmatter\n"
               "try:\n    frontmatter.split(sys.stdin.read())\n"
               "except frontmatter.FrontMatterError as error:\n    print(error)\n")
    result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True,
                            input=f"---\ntitle: Uji\n{nesting}\n---\nIsi.\n", timeout=120)
    assert result.returncode == 0, result.stderr[-500:]
    assert "terlalu bertingkat" in result.stdout


def test_a_huge_body_is_refused_not_built(tmp_path):
    text = "---\ntitle: Uji\ndate: 2024-01-15\ncategory: Berita\n---\n" + "kata " * 1_100_000
    lines = check(site_with(tmp_path, {ARTICLE: text}))
    assert any("isi tulisan terlalu panjang" in line for line in lines)


def test_the_build_property_built_something():
    """Runs after test_an_accepted_article_builds (file order): the property
    is only meaningful if some generated articles were accepted and built."""
    assert len(BUILT_EXAMPLES) >= 3, BUILT_EXAMPLES


def test_a_photo_straight_from_the_camera_is_accepted(tmp_path):
    """The build publishes a smaller copy of it (test_uploads.py)."""
    from PIL import Image

    # Noise compresses as badly as a detailed phone photo: a few MB.
    photo = Image.merge("RGB", [Image.effect_noise((2000, 1500), 90) for _ in range(3)])
    content = site_with(tmp_path, {})
    photo.save(content / "images" / "kamera.jpg", "JPEG", quality=95)
    assert (content / "images" / "kamera.jpg").stat().st_size > 1_000_000
    assert check(content) == []
