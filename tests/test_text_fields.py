"""Text fields hold text, contact fields hold contacts (issue 24).

Every field that holds text, in every content type and in situs.yml (nested
groups and list items too), refuses control characters, and a one-line text
its line breaks and tabs, naming the field and the character's position;
`invoke check` and the web editor's own check (aturan-editor.js) word it the
same. The Markdown body refuses control characters with its line. An e-mail
is a plain address (a mailto: link must not gain ?bcc=), a link an http(s)
address. And what passes the check builds: the nastiest text allowed reaches
the Atom feeds and the calendars as text, never as a crash or as markup.
"""

import json
import re
import shutil
import subprocess

import feedparser
import icalendar
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_editor_rules import Node

from conftest import FIXTURES, build
from portal.editor.editor_rules import editor_rules, field_rules
from portal.intake.validation import validate_content
from portal.model import kinds
from portal.model.messages import say
from portal.model.schema import CONTENT_TYPES, SITUS

VALID = FIXTURES / "valid-minimal"
RULES = editor_rules()

# Kinds whose value is a number or true/false, never a text.
NOT_TEXT = {kinds.INTEGER, kinds.BOOLEAN, kinds.LATITUDE, kinds.LONGITUDE}
LIST_KINDS = {kinds.TEXTS, kinds.CHOICES, kinds.KIM_REFS}


def _text_fields():
    """(content type, field path, spec) of every field holding text, the
    sub-fields of groups and of list items included."""
    found = []

    def walk(key, specs, prefix):
        for spec in specs:
            if spec.fields:
                walk(key, spec.fields, f"{prefix}{spec.name}.")
            if spec.kind.check is not None and spec.kind not in NOT_TEXT:
                found.append((key, prefix + spec.name, spec))
    for ctype in (*CONTENT_TYPES.values(), SITUS):
        walk(ctype.key, ctype.fields, "")
    return found


TEXT_FIELDS = _text_fields()
MULTI_LINE = [spec for _, _, spec in TEXT_FIELDS
              if spec.kind is kinds.TEXT and spec.name in kinds.LONG_TEXT_FIELDS]
ONE_LINE = [spec for _, _, spec in TEXT_FIELDS if spec not in MULTI_LINE]

# Every character refused as a control character: C0 but tab and line feed,
# DEL, C1, surrogates, U+FFFE and U+FFFF.
CONTROLS = st.one_of(
    st.integers(0x00, 0x1F).filter(lambda code: code not in (0x09, 0x0A)),
    st.integers(0x7F, 0x9F), st.integers(0xD800, 0xDFFF), st.sampled_from([0xFFFE, 0xFFFF]),
).map(chr)
# Text without anything a field refuses: no control, format or unassigned
# character, no no-break space, no line or paragraph separator.
PLAIN = st.text(st.characters(exclude_categories=("Cc", "Cf", "Cs", "Cn", "Zl", "Zp"),
                              exclude_characters="\u00a0\u202f"), max_size=30)


def test_every_kind_of_text_is_covered():
    kinds_seen = {spec.kind for _, _, spec in TEXT_FIELDS}
    assert kinds_seen == {kind for kind in kinds.ALL if kind.check is not None} - NOT_TEXT
    # Nested groups, list items and situs.yml are among them.
    paths = {(key, path) for key, path, _ in TEXT_FIELDS}
    assert {("acara", "tempat.nama"), ("kim", "pengurus.nama"), ("situs", "penulis_bawaan"),
            ("situs", "laporan_hoaks.email"), ("berita", "tags")} <= paths
    assert {spec.name for spec in MULTI_LINE} == {"ringkasan", "summary"}


def _value(spec, text):
    return [text] if spec.kind in LIST_KINDS else text


@settings(max_examples=300, deadline=None)
@given(data=st.data(), text=PLAIN, control=CONTROLS)
def test_a_control_character_anywhere_is_refused_with_its_position(data, text, control):
    spec = data.draw(st.sampled_from([spec for _, _, spec in TEXT_FIELDS]))
    where = data.draw(st.integers(0, len(text)))
    value = text[:where] + control + text[where:]
    assert spec.kind.check(spec, _value(spec, value)) == say(
        "karakter-kendali", code=f"{ord(control):04X}", position=where + 1)


@settings(max_examples=200, deadline=None)
@given(data=st.data(), text=PLAIN, brk=st.sampled_from(["\t", "\n"]))
def test_line_breaks_and_tabs_only_where_a_text_has_lines(data, text, brk):
    where = data.draw(st.integers(0, len(text)))
    value = text[:where] + brk + text[where:]
    one_line = data.draw(st.sampled_from(ONE_LINE))
    assert one_line.kind.check(one_line, _value(one_line, value)) == say(
        "baris-tunggal", code=f"{ord(brk):04X}", position=where + 1)
    summary = data.draw(st.sampled_from(MULTI_LINE))
    assert summary.kind.check(summary, value) is None


def test_a_summary_may_come_from_a_yaml_block(tmp_path):
    site = _site(tmp_path)
    path = site.joinpath("content", "berita", "contoh-berita.md")
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("summary: Berita rekaan untuk data uji.",
                                 "summary: |\n  Berita rekaan\n  \tuntuk data uji."),
                    encoding="utf-8")
    assert _problems(site) == []


# -- through the files, as `invoke check` reads them -----------------------------------

# (file, line as in valid-minimal, the same line with {value}, the field's path)
PLACES = [
    ("berita/contoh-berita.md", "penulis: Penulis Rekaan", "penulis: {value}", "penulis"),
    ("berita/contoh-berita.md", "summary: Berita rekaan untuk data uji.", "summary: {value}",
     "summary"),
    ("berita/contoh-berita.md", "  - Contoh", "  - {value}", "tags"),
    ("acara/rapat-anggota-contoh.md", "  nama: Balai Desa Contoh Satu", "  nama: {value}",
     "tempat.nama"),
    ("kim/contoh-satu.md", "    nama: Tokoh Rekaan Dua", "    nama: {value}", "pengurus[2].nama"),
    ("kim/contoh-satu.md", "  email: kim-contoh-satu@example.com", "  email: {value}",
     "kontak.email"),
    ("potensi/contoh-potensi.md", "jam_buka: Setiap hari, 08.00–17.00 WIB", "jam_buka: {value}",
     "jam_buka"),
    ("situs.yml", "penulis_bawaan: Redaksi Rekaan", "penulis_bawaan: {value}", "penulis_bawaan"),
]


def yaml_quoted(text):
    """`text` as a YAML double-quoted scalar, every character that is not
    printable ASCII written as an escape (as an editor writes "\\e")."""
    def escape(char):
        if char in '"\\':
            return "\\" + char
        if " " <= char <= "~":
            return char
        return f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"
    return '"' + "".join(escape(char) if ord(char) < 0x10000 else f"\\U{ord(char):08x}"
                         for char in text) + '"'


def _site(tmp_path):
    site = tmp_path / "site"
    shutil.copytree(VALID, site)
    return site


def _problems(site):
    return [str(problem) for problem in validate_content(site.joinpath("content"), site)[1]]


@pytest.fixture(scope="module")
def one_site(tmp_path_factory):
    return _site(tmp_path_factory.mktemp("teks"))


# A refused tag with a lone surrogate is still turned into an address
# (validation's tag check); plain_slug keeps unidecode's warning about it
# off the editor's screen, so any warning here fails the test.
@pytest.mark.filterwarnings("error")
@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(place=st.sampled_from(PLACES), text=PLAIN.filter(lambda t: t.strip() == t),
       control=CONTROLS, data=st.data())
def test_check_names_file_line_field_and_position(one_site, place, text, control, data):
    name, line, written, field = place
    where = data.draw(st.integers(0, len(text)))
    value = text[:where] + control + text[where:]
    path = one_site.joinpath("content", name)
    original = VALID.joinpath("content", name).read_text(encoding="utf-8")
    assert line in original.split("\n")
    path.write_text(original.replace(line, written.format(value=yaml_quoted(value)), 1),
                    encoding="utf-8")
    try:
        problems = _problems(one_site)
    finally:
        path.write_text(original, encoding="utf-8")
    number = original.split("\n").index(line) + 1
    line_of = number if field != "tags" else number - 2  # a list item: the list's line
    assert f'content/{name}:{line_of}: ' f"kolom '{field}': " + say(
        "karakter-kendali", code=f"{ord(control):04X}", position=where + 1) in problems


def test_the_invalid_fixture_in_full(tmp_path):
    site = _site(tmp_path)
    case = FIXTURES.joinpath("invalid", "karakter-kendali-di-kolom", "content")
    shutil.copytree(case, site.joinpath("content"), dirs_exist_ok=True)
    control = "karakter-kendali"
    assert sorted(_problems(site)) == sorted([
        'content/acara/rapat-anggota-contoh.md:8: ' "kolom 'tempat.nama': "
        + say(control, code="0001", position=12),
        'content/berita/contoh-berita.md:12: ' "kolom 'penulis': "
        + say("baris-tunggal", code="0009", position=8),
        'content/berita/contoh-berita.md:20: ' "kolom 'summary': "
        + say(control, code="0085", position=29),
        'content/berita/contoh-berita.md:2: ' "kolom 'title': "
        + say(control, code="001B", position=15),
        'content/berita/contoh-berita.md:6: ' "kolom 'tags': "
        + say(control, code="0008", position=4),
        'content/kim/contoh-satu.md:16: ' "kolom 'pengurus[2].nama': "
        + say(control, code="007F", position=17),
        'content/situs.yml:17: ' "kolom 'penulis_bawaan': " + say(control, code="009B", position=9),
    ])


def test_a_control_character_in_the_body_is_refused_with_its_line(tmp_path):
    site = _site(tmp_path)
    path = site.joinpath("content", "halaman", "tentang-contoh.md")
    path.write_text(path.read_text(encoding="utf-8") + "\nBaris\tdua \x1b[1mtebal\x00.\n",
                    encoding="utf-8")
    number = path.read_text(encoding="utf-8").split("\n").index("Baris\tdua \x1b[1mtebal\x00.")
    assert _problems(site) == [
        f'content/halaman/tentang-contoh.md:{number + 1}: '
        + say("isi-karakter-kendali", code="001B", position=11, line="Baris\tdua [1mtebal.")
        .replace("\t", "\\t")]


# -- contacts -----------------------------------------------------------------------

EMAILS_REFUSED = [
    "lapor-hoaks@example.com?bcc=mata-mata@example.com", "lapor@example.com&cc=x@example.com",
    "mailto:lapor@example.com", "lapor%40example.com@example.com", "lapor @example.com",
    "lapor@@example.com", "lapor@example@example.com", "lapor@example", ".lapor@example.com",
    "lapor..hoaks@example.com", "lapor@example.com?", "<lapor@example.com>",
    "lapor\"@example.com", "lapor@-", "lapor@example.c",
]
EMAILS_ACCEPTED = ["lapor@example.com", "lapor.hoaks+kim@desa-contoh.go.id", "KIM_1@x.co.id"]
URLS_REFUSED = [
    "javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,<script>x</script>",
    "https://example.com/a b", "https://example.com/\"onmouseover=\"x", "https://example.com/'x",
    "https://example.com/<x>", "https://facebook.com@example.com/", "https://", "//example.com",
    "https://example.com\\@x", "example.com", "ftp://example.com", "mailto:a@example.com",
    "https://.example.com", "https://example.com/\x00",
]
URLS_ACCEPTED = ["https://example.com", "http://example.com/a?b=c&d=e#f",
                 "https://youtube.com/@pengelola-rekaan", "https://contoh.id/berita/%C3%A9",
                 "https://id.wikipedia.org/wiki/Kotawaringin_Barat_(kabupaten)"]


def _contact_spec(name):
    return next(spec for key, path, spec in TEXT_FIELDS if (key, path) == ("situs", name))


def test_an_email_is_a_plain_address():
    spec = _contact_spec("laporan_hoaks.email")
    for value in EMAILS_REFUSED:
        assert spec.kind.check(spec, value) == say("email-bukan", value=kinds.shown(value))
    for value in EMAILS_ACCEPTED:
        assert spec.kind.check(spec, value) is None, value


def test_a_link_is_an_http_address():
    spec = _contact_spec("pengelola.website")
    for value in URLS_REFUSED:
        key = "url-tidak-polos" if value.startswith(("http://", "https://")) else "url-bukan"
        expected = say(key, value=value) if "\x00" not in value else say(
            "karakter-kendali", code="0000", position=len(value))
        assert spec.kind.check(spec, value) == expected
    for value in URLS_ACCEPTED:
        assert spec.kind.check(spec, value) is None, value


def test_check_refuses_a_hoax_address_with_bcc(tmp_path):
    site = _site(tmp_path)
    path = site.joinpath("content", "situs.yml")
    path.write_text(path.read_text(encoding="utf-8").replace(
        "email: lapor-hoaks@example.com",
        "email: lapor-hoaks@example.com?bcc=mata-mata@example.com"), encoding="utf-8")
    assert _problems(site) == [
        'content/situs.yml:15: ' "kolom 'laporan_hoaks.email': " + say(
            "email-bukan", value="lapor-hoaks@example.com?bcc=mata-mata@example.com")]


# -- the web editor's own check -----------------------------------------------------------

@pytest.fixture(scope="module")
def node():
    process = Node()
    yield process
    process.close()


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data(), texts=st.lists(PLAIN, min_size=1, max_size=8),
       inserted=st.lists(st.one_of(CONTROLS, st.sampled_from(["\t", "\n", "\u200b", "\xa0"])),
                         min_size=1, max_size=8))
def test_the_editor_words_refused_characters_as_check_does(node, data, texts, inserted):
    """Every field holding text, with control characters (a lone surrogate
    among them), line breaks and invisible characters at random places: the
    editor's message is check's, word for word."""
    spec = data.draw(st.sampled_from([spec for _, _, spec in TEXT_FIELDS]))
    values = []
    for text, char in zip(texts, inserted, strict=False):
        where = data.draw(st.integers(0, len(text)))
        values.append(_value(spec, text[:where] + char + text[where:]))
    expected = [spec.kind.check(spec, value) for value in values]
    assert node.ask({"aturan": RULES, "kind": field_rules(spec), "values": values}) == expected


def test_the_editor_refuses_a_control_character_and_an_email_with_bcc(node, tmp_path):
    site = _site(tmp_path)
    documents, problems = validate_content(site.joinpath("content"), site)
    assert problems == []
    rules = editor_rules(documents)
    situs = {"laporan_hoaks": {"email": "lapor-hoaks@example.com?bcc=mata-mata@example.com"},
             "pengelola": {"website": "javascript:alert(1)", "nama": "Pengelola\x1b[0m"}}
    berita = {"title": "Judul \x00 rekaan", "date": "2024-01-15 09:30", "category": "Kegiatan",
              "slug": "judul-rekaan", "summary": "Dua\nbaris", "penulis": "A\tB",
              "body": "Isi\n\nbaris \x07 tiga\n"}
    got = node.ask({"aturan": rules, "entries": [["situs", situs, 'content/situs.yml'],
                                                 ["berita", berita, ""]]})
    assert sorted(got[0]) == sorted([
        "kolom 'pengelola.nama': " + say("karakter-kendali", code="001B", position=10),
        "kolom 'pengelola.website': " + say("url-bukan", value="javascript:alert(1)"),
        "kolom 'laporan_hoaks.email': " + say(
            "email-bukan", value="lapor-hoaks@example.com?bcc=mata-mata@example.com"),
    ])
    assert sorted(got[1]) == sorted([
        "kolom 'title': " + say("karakter-kendali", code="0000", position=7),
        "kolom 'penulis': " + say("baris-tunggal", code="0009", position=2),
        say("isi-karakter-kendali", code="0007", position=7, line="baris  tiga"),
    ])


def test_the_tightened_patterns_mean_the_same_in_javascript(node):
    """Translated by editor_rules.js_pattern: JavaScript's RegExp accepts
    what Python's does, for every sample above."""
    samples = EMAILS_REFUSED + EMAILS_ACCEPTED + URLS_REFUSED + URLS_ACCEPTED
    script = ("const p = JSON.parse(process.argv[1]); const s = JSON.parse(process.argv[2]);"
              "const r = (q) => new RegExp(q.source, q.flags);"
              "console.log(JSON.stringify(s.map((v) => [r(p.email).test(v), r(p.url).test(v)])));")
    result = subprocess.run(["node", "-e", script, json.dumps(RULES["pola"]),
                             json.dumps(samples)], capture_output=True, text=True, check=True)
    assert json.loads(result.stdout) == [[bool(kinds.EMAIL_RE.match(v)),
                                          bool(kinds.URL_RE.match(v))] for v in samples]


# -- what passes builds ----------------------------------------------------------------

# The nastiest text the check lets through: markup, quotes, ampersands,
# emoji, right-to-left script, a no-break space, a line separator; a summary
# with a line break and a tab.
NASTY = "Uji <script>alert(\"x\")</script> & 'kutip' \"ganda\" &amp; 😀 مرحبا\u00a0ok\u2028akhir"
NASTY_SUMMARY = "Ringkasan <b>tebal</b> & \"kutip\"\n\tbaris 😀 شكرا"
NASTY_AUTHOR = "Redaksi <KIM> & \"Kawan\" 'kita' 😀 עברית"


@pytest.fixture(scope="module")
def nasty_site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("nasty")
    tree = folder.joinpath("content")
    shutil.copytree(VALID.joinpath("content"), tree)

    def rewrite(name, *pairs):
        path = tree / name
        text = path.read_text(encoding="utf-8")
        for old, new in pairs:
            assert old in text, old
            text = text.replace(old, new)
        path.write_text(text, encoding="utf-8")
    rewrite("berita/contoh-berita.md",
            ("title: Berita Contoh Kegiatan KIM", f"title: {yaml_quoted(NASTY)}\n"
                                                  "slug: berita-contoh-kegiatan-kim"),
            ("summary: Berita rekaan untuk data uji.", f"summary: {yaml_quoted(NASTY_SUMMARY)}"),
            ("penulis: Penulis Rekaan", f"penulis: {yaml_quoted(NASTY)}"))
    rewrite("acara/rapat-anggota-contoh.md",
            ("title: Rapat Anggota KIM Contoh Satu", f"title: {yaml_quoted(NASTY)}"),
            ("  nama: Balai Desa Contoh Satu", f"  nama: {yaml_quoted(NASTY)}"))
    # The fact check names no author: it gets the default author.
    rewrite("situs.yml", ("penulis_bawaan: Redaksi Rekaan",
                          f"penulis_bawaan: {yaml_quoted(NASTY_AUTHOR)}"))
    assert _problems(folder) == []
    output = folder / "output"
    result = build(tree, output)
    assert result.returncode == 0, result.stdout + result.stderr
    return output


def test_the_nastiest_allowed_text_reaches_the_feeds_as_text(nasty_site):
    feeds = sorted((nasty_site / "feeds").rglob("*.xml"))
    assert feeds
    titles, authors = [], []
    for path in feeds:
        feed = feedparser.parse(path.read_bytes())
        assert not feed.bozo, (path, feed.get("bozo_exception"))
        for entry in feed.entries:
            titles.append(_spaced(entry.title))
            authors.extend(_spaced(author.get("name")) for author in entry.get("authors", []))
    # As text, word for word: markup, entities and quotes as written.
    assert _spaced(NASTY) in titles
    assert _spaced(NASTY) in authors  # an article's own author
    assert _spaced(NASTY_AUTHOR) in authors  # situs.yml's default author


def _spaced(text):
    """`text` with its spaces as one kind: the typography (typogrify) joins
    a title's last words with a no-break space."""
    return re.sub(r"\s+", " ", text)


def test_the_nastiest_allowed_text_reaches_the_calendars_as_text(nasty_site):
    calendars = sorted(nasty_site.rglob("*.ics"))
    assert calendars
    events = [event for path in calendars
              for event in icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT")]
    assert any(NASTY in str(event["location"]) for event in events)
    for path in calendars:
        assert re.search(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", path.read_bytes()) is None, path


def test_pages_escape_the_text_and_link_only_plain_contacts(nasty_site):
    page = (nasty_site / "berita/berita-contoh-kegiatan-kim/index.html").read_text(
        encoding="utf-8")
    assert "<script>alert(" not in page
    assert "Uji &lt;script&gt;alert(" in page
    # In the structured data too: "</script>" never ends a script early.
    assert page.count("<script") == page.count("</script>")
    addresses = set()
    for path in nasty_site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        # Every list, card, agenda and poster shows the titles as text.
        assert "<script>alert(" not in text, path
        for target in re.findall(r'href="mailto:([^"]*)"', text):
            # The share link's own ?subject= and the plain contact addresses.
            if not target.startswith("?subject="):
                assert kinds.EMAIL_RE.match(target), (path, target)
                addresses.add(target)
    assert {"lapor-hoaks@example.com", "kim-contoh-satu@example.com"} <= addresses
