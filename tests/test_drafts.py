"""Drafts are private: a production build publishes nothing of a draft (no
page, list entry, feed or calendar entry, search entry, sitemap line, card,
poster, editor rule or file that only a draft uses); the development build
previews draft articles and pages with a visible banner, never indexed."""

import gzip
import json
import re
import shutil

import pytest
from PIL import Image

from conftest import FIXTURES, build, tree_digest

MARKER = "rahasiadraf"  # one word, so the search index would keep it whole
MINIMAL = FIXTURES.joinpath("valid-minimal", "content")


def _draft_copy(path, index):
    """A draft twin of the entry at `path`: same fields, another slug, the
    marker in its title and body."""
    text = path.read_text(encoding="utf-8")
    _, head, body = text.split("---\n", 2)
    head = re.sub(r"^title: (.*)$", lambda match: "title: " + json.dumps(
        f"{MARKER.title()} {match.group(1).strip(chr(34))}"), head, count=1, flags=re.M)
    if re.search(r"^slug: ", head, re.M):
        head = re.sub(r"^slug: (.*)$", rf"slug: {MARKER}-{index}-\1", head, count=1, flags=re.M)
    else:
        head += f"slug: {MARKER}-{index}\n"
    head = re.sub(r"^status: .*\n", "", head, flags=re.M) + "status: draft\n"
    return f"---\n{head}---\n{body}\n{MARKER} isi draf.\n"


@pytest.fixture(scope="module")
def draft_content(tmp_path_factory):
    """The minimal fixture with a draft twin of every entry, each content
    type included, and files only drafts use: a body photo, an album's only
    photo and a document's file."""
    tree = tmp_path_factory.mktemp("drafts").joinpath("content")
    shutil.copytree(MINIMAL, tree)
    for index, path in enumerate(sorted(tree.glob("*/*.md"))):
        (path.parent / f"{MARKER}-{path.name}").write_text(_draft_copy(path, index),
                                                           encoding="utf-8")
    Image.new("RGB", (40, 30), (200, 30, 30)).save(tree / "images" / "draf-saja.png")
    Image.new("RGB", (40, 30), (30, 200, 30)).save(
        tree / "images" / "galeri" / "draf-saja.jpg")
    (tree / "berkas" / "draf-saja.pdf").write_bytes(
        (tree / "berkas" / "sk-contoh-satu.pdf").read_bytes() + b"\n% draf\n")
    berita = next(tree.glob(f"berita/{MARKER}-contoh-berita.md"))
    berita.write_text(berita.read_text(encoding="utf-8") +
                      "\n![Foto draf]({static}/images/draf-saja.png)\n", encoding="utf-8")
    album = next(tree.glob(f"galeri/{MARKER}-*.md"))
    text = album.read_text(encoding="utf-8")
    album.write_text(re.sub(r"src: images/galeri/rapat-\d\.jpg", "src: images/galeri/draf-saja.jpg",
                            text), encoding="utf-8")
    document = next(tree.glob(f"dokumen/{MARKER}-*.md"))
    document.write_text(document.read_text(encoding="utf-8").replace(
        "berkas: berkas/sk-contoh-satu.pdf", "berkas: berkas/draf-saja.pdf"), encoding="utf-8")
    return tree


def _built(tree, target, settings):
    result = build(tree, target, settings=settings,
                   env={"PORTAL_SITEURL": "https://kim.example.id"})
    assert result.returncode == 0, result.stdout + result.stderr
    return target


@pytest.fixture(scope="module")
def production(draft_content, tmp_path_factory):
    return _built(draft_content, tmp_path_factory.mktemp("produksi") / "output",
                  "publishconf.py")


@pytest.fixture(scope="module")
def development(draft_content, tmp_path_factory):
    return _built(draft_content, tmp_path_factory.mktemp("pengembangan") / "output",
                  "pelicanconf.py")


def _readable(path):
    data = path.read_bytes()
    if data[:2] == b"\x1f\x8b":  # the search index's compressed parts
        data = gzip.decompress(data)
    return data.decode("utf-8", errors="replace").lower()


def test_every_content_type_has_a_draft(draft_content):
    from portal.intake.validation import validate_content

    documents, problems = validate_content(draft_content)
    assert problems == []
    drafts = {doc.ctype.key for doc in documents if doc.draft}
    assert drafts == {"kim", "potensi", "berita", "halaman", "acara", "video", "dokumen",
                      "galeri"}


def test_production_publishes_nothing_of_a_draft(production):
    leaks = [path.relative_to(production).as_posix() for path in production.rglob("*")
             if path.is_file() and (MARKER in path.as_posix().lower()
                                    or MARKER in _readable(path))]
    assert leaks == []
    assert not (production / "draf").exists()


def test_the_walk_covers_the_weekly_digests_and_the_json_feeds(production):
    """The check above reads every digest and JSON feed too: each draft twin
    has its original's date, so it would fall in the same week and lists."""
    for pattern in ("ringkasan/*/index.html", "kim/*/ringkasan/*/index.html",
                    "kecamatan/*/ringkasan/*/index.html", "feeds/*.json", "feeds/kim/*.json",
                    "feeds/kecamatan/*.json"):
        assert list(production.glob(pattern)), pattern
    week = production / "ringkasan" / "2024-03" / "index.html"  # the twin's week
    assert "berita-contoh-kegiatan-kim" in week.read_text(encoding="utf-8")


def test_a_draft_changes_no_byte_of_the_production_site(production, tmp_path_factory):
    """What the marker cannot show: a draft counted (statistics, a KIM's
    record, a kecamatan's figures, a list's page count, the search index's
    sizes, the offline cache's version). The same content without its drafts
    builds the same site, file for file and byte for byte."""
    without = tmp_path_factory.mktemp("tanpa-draf").joinpath("content")
    shutil.copytree(MINIMAL, without)
    reference = _built(without, tmp_path_factory.mktemp("rujukan") / "output",
                       "publishconf.py")
    drafted, plain = tree_digest(production), tree_digest(reference)
    assert {"statistik/index.html", "rapor/index.html", "sitemap.xml"} <= set(plain)
    assert sorted(set(drafted) ^ set(plain)) == []
    assert [name for name in plain if drafted[name] != plain[name]] == []


def test_production_publishes_no_file_only_drafts_use(production):
    names = {path.name for path in production.rglob("*") if path.is_file()}
    assert not [name for name in names if name.startswith("draf-saja")]
    # What published entries use is still there.
    assert (production / "berkas" / "sk-contoh-satu.pdf").is_file()
    assert (production / "images" / "galeri" / "rapat-1.jpg").is_file()


def test_robots_and_sitemap_name_no_draft_folder(production, development):
    for site in (production, development):
        assert "draf" not in (site / "robots.txt").read_text(encoding="utf-8")
        assert "/draf/" not in (site / "sitemap.xml").read_text(encoding="utf-8")


def test_editor_rules_list_no_draft_and_no_content_listing(production):
    rules = json.loads((production / "admin" / "aturan.json").read_text(encoding="utf-8"))
    rows = [row for entries in rules["entri"].values() for row in entries]
    assert rows and all(len(row) == 2 for row in rows)  # slug and file, no status
    assert not [row for row in rows if MARKER in json.dumps(row)]
    assert 'content/kim/contoh-satu.md' in {row[1] for row in rows}
    assert not [path for path in rules["berkas"] if MARKER in path or "draf-saja" in path]


def test_development_previews_drafts_marked_and_unindexed(development):
    page = next((development / "draf" / "berita").glob(f"{MARKER}-*/index.html"))
    html = page.read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex">' in html
    assert re.search(r'<p class="notice[^"]*" role="note"><strong>DRAF</strong>', html)
    # Published pages carry neither.
    published = (development / "berita" / "berita-contoh-kegiatan-kim" / "index.html")
    assert "noindex" not in published.read_text(encoding="utf-8")
    assert "<strong>DRAF</strong>" not in published.read_text(encoding="utf-8")
