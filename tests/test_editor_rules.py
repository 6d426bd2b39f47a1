"""The web editor's own check before saving (theme/static/js/aturan-editor.js
with admin/aturan.json) refuses what `invoke check` refuses on one entry,
with the same words: every broken fixture that concerns one entry is run
through both, and random values of every field kind too."""

import json
import re
import shutil
import subprocess

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_validation import ORDER_CASES

from conftest import FIXTURES, ROOT
from portal.editor.editor_rules import editor_rules, field_rules, published_paths
from portal.intake import frontmatter, situs, validation
from portal.intake.validation import validate_content
from portal.model import kinds, region
from portal.model.messages import TEMPLATES, say
from portal.model.schema import CONTENT_TYPES, SITUS

CHECKER = ROOT / "theme" / "static" / "js" / "aturan-editor.js"

# Problems an entry saved from the web editor cannot have, by fixture, and
# why. Everything else a fixture shows, the editor must say word for word.
NOT_FROM_A_FORM = {
    # The editor writes the YAML itself: syntax, layout and types it cannot
    # produce (a float from "10.000", an unknown or repeated field, a title
    # read as a comment).
    "judul-diawali-pagar": "a title after '#' is a YAML comment",
    "kolom-salah-ketik": "the form writes only known fields",
    "subkolom-salah-ketik": "the form writes only known sub-fields",
    "kolom-ditulis-dua-kali": "YAML keys written twice",
    "lokasi-tidak-menjorok": "the form writes sub-fields inside their group",
    "situs-kolom-salah": "the form writes only known fields",
    "harga-nilai-bertitik": "the number box holds whole numbers; 10.000 is YAML's float",
}


class Node:
    """One Node process running the editor's checker: a line of JSON in, a
    line of JSON out."""

    SCRIPT = (f"const api = require({json.dumps(str(CHECKER))});"
              "const rl = require('readline').createInterface({input: process.stdin});"
              "let aturan = null;"
              "rl.on('line', (line) => { const q = JSON.parse(line); let out;"
              " if (q.aturan) aturan = q.aturan;"
              " if (q.kind) out = q.values.map((v) => api.kindCheck(aturan, q.kind, v));"
              " else if (q.entries) out = q.entries.map(([c, d, p]) => api.check(aturan, c, d, p));"
              " else out = null;"
              " process.stdout.write(JSON.stringify(out) + '\\n'); });")

    def __init__(self):
        self.process = subprocess.Popen(["node", "-e", self.SCRIPT], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, text=True)

    def ask(self, question):
        self.process.stdin.write(json.dumps(question) + "\n")
        self.process.stdin.flush()
        return json.loads(self.process.stdout.readline())

    def close(self):
        self.process.stdin.close()
        self.process.wait(timeout=10)


@pytest.fixture(scope="module")
def node():
    process = Node()
    yield process
    process.close()


def entries_of(tree, only=None):
    """(collection, front matter with body, path as shown) of every readable
    entry in `tree`, the content folder of a test site."""
    found = []
    paths = [(key, path) for key in CONTENT_TYPES for path in sorted((tree / key).glob("*.md"))]
    if (tree / "situs.yml").is_file():
        paths.append(("situs", tree / "situs.yml"))
    for key, path in paths:
        shown = path.relative_to(tree.parent).as_posix()
        if only is not None and shown not in only:
            continue
        try:
            if key == "situs":
                metadata, body = situs.read(tree)[0], None
            else:
                split = frontmatter.split(path.read_text(encoding="utf-8"))
                metadata, body = split.metadata, split.body
        except (frontmatter.FrontMatterError, UnicodeDecodeError, ValueError):
            continue
        data = json.loads(json.dumps(metadata, default=str))
        if body is not None:
            data["body"] = body
        found.append([key, data, shown])
    return found


def check_site(node, site):
    """(problems of validate_content, the editor's problems per entry)."""
    tree = site.joinpath("content")
    documents, problems = validate_content(tree, site)
    node.ask({"aturan": editor_rules(documents, published_paths(documents, tree))})
    return documents, problems


def test_valid_entries_pass_the_editor_check(node, tmp_path):
    for name in ("valid-minimal", "sample"):
        site = tmp_path / name
        source = FIXTURES / name
        shutil.copytree(source.joinpath("content"), site.joinpath("content"))
        _, problems = check_site(node, site)
        assert problems == []
        entries = entries_of(site.joinpath("content"))
        assert len(entries) > 3
        assert node.ask({"entries": entries}) == [[] for _ in entries]


CASES = sorted(case.name for case in (FIXTURES / "invalid").iterdir()
               if [p for p in case.joinpath("content").rglob("*") if p.suffix in (".md", ".yml")])


@pytest.mark.parametrize("case", CASES)
def test_the_editor_refuses_what_check_refuses_in_the_same_words(case, node, tmp_path):
    if case in NOT_FROM_A_FORM:
        pytest.skip(f"not from the web editor's form: {NOT_FROM_A_FORM[case]}")
    site = tmp_path / "site"
    shutil.copytree(FIXTURES / "valid-minimal", site)
    overlay = (FIXTURES / "invalid" / case).joinpath("content")
    shutil.copytree(overlay, site.joinpath("content"), dirs_exist_ok=True)
    _, problems = check_site(node, site)
    written = {f'content/{p.relative_to(overlay).as_posix()}' for p in overlay.rglob("*")
               if p.suffix in (".md", ".yml")}
    # And the entries check names: a fixture may change one entry (a berita
    # made a draft) so that another, unchanged, is refused (the album that
    # names it).
    entries = entries_of(site.joinpath("content"), written | {p.path for p in problems})
    if not entries:
        pytest.skip("no entry the editor could open (the file does not parse)")
    got = node.ask({"entries": entries})
    compared = False
    for (_, _, shown), editor in zip(entries, got, strict=True):
        mine = [problem for problem in problems
                if problem.path == shown and not _file_check(problem.message)]
        # What aturan.json does not list (drafts, files the site does not
        # publish), the editor refuses as a reference to nothing, on its field.
        for problem in [problem for problem in mine if _unseen(problem.message)]:
            mine.remove(problem)
            prefix = f"kolom '{problem.field}': " if problem.field else ""
            said = [message for message in editor if message.startswith(prefix) and any(
                re.fullmatch(_template_regex(key), message.removeprefix(prefix))
                for key in AS_MISSING[_unseen(problem.message)])]
            assert said, (shown, problem.message, editor)
            compared = True
            editor = [message for message in editor if message not in said]
        expected = [f"kolom '{problem.field}': {problem.message}" if problem.field
                    else problem.message for problem in mine]
        # A slug two entries share: `invoke check` names it on the later file,
        # the editor refuses to save either of them.
        expected += [f"kolom 'slug': {say('slug-ganda', slug=slug, path=problem.path)}"
                     for problem in problems for slug in re.findall(
                         rf"^slug '(.*)' sudah dipakai oleh {re.escape(shown)}\.",
                         problem.message)]
        assert sorted(editor) == sorted(expected), shown
        compared = compared or bool(expected)
    # Two empty lists prove nothing: each case has something the editor must
    # say, unless all that check says is about files (whether a photo or a
    # document exists and where it lies), which only the build checks, and
    # then the editor must stay silent (asserted above).
    assert compared or (problems and all(_file_check(p.message) for p in problems)), \
        [str(problem) for problem in problems]


# What `invoke check` says of a reference to a draft or to a file the site
# does not publish -> what the editor, which knows only published entries and
# files (drafts are private), says instead.
AS_MISSING = {"kim-draf": ("kim-tidak-ada",), "rujukan-draf": ("rujukan-tidak-ada",),
              "isi-tautan-draf": ("isi-tautan-tidak-ada",),
              "isi-tautan-tidak-diterbitkan": ("isi-tautan-tidak-ada",)}


def _unseen(message):
    return next((key for key in AS_MISSING
                 if re.fullmatch(_template_regex(key), message)), None)


def _file_check(message):
    """Whether a file exists, what it is and where it lies are checked by the
    build, not by the editor: a photo is uploaded in the same commit as the
    entry."""
    return any(re.fullmatch(_template_regex(key), message)
               for key in ("gambar-tidak-ada", "isi-gambar-tidak-ada", "dokumen-tidak-ada",
                           "gambar-di-luar-images", "dokumen-di-luar-berkas",
                           "isi-gambar-bukan-foto"))


def _template_regex(key):
    """A regex matching every message of template `key`."""
    text = TEMPLATES[key].replace("{{", "\0").replace("}}", "\1")
    return ".*".join(re.escape(part.replace("\0", "{").replace("\1", "}"))
                     for part in re.split(r"\{\w+\}", text))


@pytest.mark.parametrize("mulai, selesai, refused", ORDER_CASES)
def test_the_editor_reads_an_end_without_a_time_as_check_does(node, tmp_path, mulai, selesai,
                                                              refused):
    """A one-day activity ending "2026-07-04" is valid in the editor too."""
    site = tmp_path / "site"
    shutil.copytree(FIXTURES / "valid-minimal", site)
    path = site.joinpath("content", "acara", "rapat-anggota-contoh.md")
    path.write_text(path.read_text(encoding="utf-8").replace(
        "selesai: 2026-07-04 12:00\n", f"selesai: {selesai}\n").replace(
        "mulai: 2026-07-04 09:00\n", f"mulai: {mulai}\n"), encoding="utf-8")
    _, problems = check_site(node, site)
    [entry] = entries_of(site.joinpath("content"), {"content/acara/rapat-anggota-contoh.md"})
    assert entry[1]["selesai"] == selesai
    [editor] = node.ask({"entries": [entry]})
    assert editor == [f"kolom '{problem.field}': {problem.message}" for problem in problems]
    assert bool(editor) == (refused is not None), editor


def test_cases_the_editor_cannot_meet_are_still_cases():
    assert set(NOT_FROM_A_FORM) <= set(CASES)


def test_every_kind_has_its_editor_check():
    result = subprocess.run(["node", "-e", f"console.log(JSON.stringify(require("
                             f"{json.dumps(str(CHECKER))}).kinds))"],
                            capture_output=True, text=True, check=True)
    assert sorted(json.loads(result.stdout)) == sorted(kind.name for kind in kinds.ALL)


# -- random values, kind by kind ---------------------------------------------------

def _fields():
    """Every field of every content type with a kind that checks one value."""
    found = {}

    def walk(specs):
        for spec in specs:
            if spec.kind.check is not None:
                found[(spec.kind.name, spec.name, spec.choices, spec.max_length)] = spec
            walk(spec.fields)
    for ctype in (*CONTENT_TYPES.values(), SITUS):
        walk(ctype.fields)
    return list(found.values())


FIELDS = _fields()
RULES = editor_rules()
ALPHABET = st.sampled_from(list("aAzZ09-_ .,:@/+()#'\"Ddesaéü") +
                           ["\u200b", "\u00a0", "\ufeff", "\t", "\n", "ß", "漢", "😀"])
TEXTS = st.text(ALPHABET, max_size=14)
SHAPED = st.one_of(
    st.from_regex(r"\A[0-9]{4}-[0-9]{2}(-[0-9]{2}( [0-9]{2}:[0-9]{2})?)?\Z", fullmatch=True),
    st.from_regex(r"\A(\+62|62|0)8[0-9 -]{7,13}\Z", fullmatch=True),
    st.from_regex(r"\A\(0[0-9]{3}\) [0-9]{4,7}\Z", fullmatch=True),
    st.from_regex(r"\A[a-z0-9.]{1,8}@[a-z]{1,6}\.[a-z]{1,3}\Z", fullmatch=True),
    st.from_regex(r"\Ahttps?://[a-z./-]{0,12}\Z", fullmatch=True),
    st.from_regex(r"\A(https://(www\.)?(youtube\.com/watch\?v=|youtu\.be/))?[a-zA-Z0-9_-]{10,12}"
                  r"([&?#][a-z=0-9]{0,6})?\Z", fullmatch=True),
    st.from_regex(r"\A[a-z0-9-]{1,12}\Z", fullmatch=True),
    st.from_regex(r"\A(images/)?[a-z -]{1,8}\.(jpg|PNG|webp|txt)\Z", fullmatch=True),
    st.from_regex(r"\A(Desa|desa|Kelurahan|DESA) ?[A-Za-z]{0,6}\Z", fullmatch=True),
    st.from_regex(r"\A-?[0-9]{1,3}(\.[0-9]{1,6})?(e-?[0-9])?\Z", fullmatch=True),
    st.sampled_from(["Berita", "Cek Fakta", "Kumai", "desa", "published", "draft", "inf", "nan"]),
)
NUMBERS = st.one_of(
    st.integers(-200, 20000),
    st.sampled_from([*region.LATITUDE_RANGE, *region.LONGITUDE_RANGE, 90, -180]),
    st.floats(-200, 200).filter(lambda x: not x.is_integer() and abs(x) >= 1e-4),
)
# Longer than the 60 characters a message quotes of a value (kinds.shown):
# the cut, and the "…" after it, must be the same in both.
LONG = st.one_of(
    st.text(ALPHABET, min_size=55, max_size=80),
    st.from_regex(r"\A(images/|berkas/)?[a-z -]{50,70}\.(jpg|pdf|txt|svg)\Z", fullmatch=True),
)
SCALARS = st.one_of(TEXTS, SHAPED, LONG, NUMBERS, st.booleans())
VALUES = st.one_of(SCALARS, st.lists(st.one_of(TEXTS, SHAPED, st.integers(0, 99)), max_size=4),
                   st.dictionaries(st.sampled_from(["a", "nilai"]), TEXTS, max_size=2))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(values=st.lists(VALUES, min_size=1, max_size=12), which=st.integers(0, len(FIELDS) - 1))
def test_every_kind_words_random_values_as_check_does(node, values, which):
    spec = FIELDS[which]
    if spec.kind.shape == kinds.GROUP_OR_TEXT:
        # A mapping is a group: its sub-fields are checked as fields.
        values = [value for value in values if not isinstance(value, dict)]
    expected = [spec.kind.check(spec, value) for value in values]
    assert node.ask({"aturan": RULES, "kind": field_rules(spec), "values": values}) == expected



# Values longer than a message quotes (kinds.shown: 60 characters and "…"),
# for every kind: random values reach a photo's or a document's field too
# seldom to try its cut.
LONG_VALUES = ["images/" + "foto-kegiatan-" * 5 + "akhir.svg", "berkas/" + "laporan " * 9 + ".txt",
               "x" * 70, "https://" + "a" * 70 + ".id", "Desa " + "Panjang" * 10]


def test_every_kind_quotes_a_long_value_as_check_does(node):
    for spec in FIELDS:
        expected = [spec.kind.check(spec, value) for value in LONG_VALUES]
        got = node.ask({"aturan": RULES, "kind": field_rules(spec), "values": LONG_VALUES})
        assert got == expected, spec.name


# -- random bodies ------------------------------------------------------------------

FRAGMENTS = st.sampled_from([
    "teks biasa ", "\n", "\r\n", " ", "\t", "<script>", "<SCRIPT src=x>", "< script/", "<img",
    "< IMG src=x>", "<img/src=x/onerror=alert(1)>", "<iframe ", "<embed>", "<style>", "<form>",
    "<p style='x'>", "<a href = 'java\tscript&colon;x'>", "[a](javascript:x)",
    "[a](  <JaVaScRiPt&#58;x)", "\n[ref]: javascript:x", "{: onclick=\"x\" }", "{:on", "=",
    "![alt](images/contoh.png)", "![a]({static}images/contoh.png)",
    "![a]({static}/images/contoh.png)", "![a]({static}/images/tidak-ada.png)",
    "![a](https://contoh.id/x.png)", "![a](//cdn/x.png)", "[t](www.contoh.id)",
    "[t](contoh.go.id/x)", "[t](tulisan.md)", "[t](tulisan.md#bagian)", "[t](#atas)",
    "[t]({filename}/berita/contoh-berita.md)", "[t]({filename}/berita/tidak-ada.md)",
    "[t]({filename}../halaman/tentang-contoh.md)", "[t]({filename}contoh-cek-fakta.md)",
    "[t]({static}/images/contoh.png)", "[t]({attach}/images/tidak.pdf)", "[t](mailto:a@b.id)",
    "[t](https://contoh.id)", "]", "[", "(", ")", "{static}", "{filename}/", "ſcript", "é",
])
BODIES = st.lists(st.one_of(FRAGMENTS, st.text(max_size=3)), max_size=10).map("".join)


@pytest.fixture(scope="module")
def body_site(tmp_path_factory):
    site = tmp_path_factory.mktemp("isi")
    shutil.copytree(FIXTURES / "valid-minimal", site, dirs_exist_ok=True)
    documents, problems = validate_content(site.joinpath("content"), site)
    assert problems == []
    return site, editor_rules(documents, published_paths(documents, site.joinpath("content")))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow,
          HealthCheck.function_scoped_fixture])
@given(bodies=st.lists(BODIES, min_size=1, max_size=8))
def test_bodies_are_worded_as_check_words_them(node, body_site, bodies):
    """The raw-HTML rules of the sanitiser, body images and links: Python's
    regexes and their JavaScript translations find the same things."""
    site, rules = body_site
    path = site.joinpath("content", "berita", "contoh-berita.md")
    metadata = frontmatter.split(path.read_text(encoding="utf-8")).metadata
    data = json.loads(json.dumps(metadata, default=str))
    checker = validation._Checker(site.joinpath("content"), site)
    expected = []
    for body in bodies:
        checker.problems = []
        doc = validation.Document(path, 'content/berita/contoh-berita.md', CONTENT_TYPES["berita"],
                                  metadata, body, 1)
        checker.check_body_images(doc)
        checker.check_body_links(doc)
        checker.check_body_html(doc)
        expected.append(sorted(problem.message for problem in checker.problems
                               if not _file_check(problem.message)))
    got = node.ask({"aturan": rules, "entries": [
        ["berita", {**data, "body": body}, 'content/berita/contoh-berita.md'] for body in bodies]})
    assert [sorted(problems) for problems in got] == expected
