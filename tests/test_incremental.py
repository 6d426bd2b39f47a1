"""Incremental builds (plugins/portal/builder/incremental.py): a build that
carries unchanged pages over from the previous build gives exactly the files
a build from nothing gives, byte for byte, whatever an editor changed; it
renders only what changed; and it never alters the previous build, which is
the live site until the new one is swapped in."""

import hashlib
import io
import os
import re
import shutil
import time

import pytest

from conftest import build, make_full_content, tree_digest

# One file of each content type in the full test content.
FILES = {
    "berita": "berita/2020-01-05-pengumuman-uji-5.md",
    "halaman": "halaman/tentang-contoh.md",
    "kim": "kim/contoh-satu.md",
    "potensi": "potensi/contoh-potensi.md",
    "acara": "acara/festival-contoh.md",
    "video": "video/profil-contoh-satu.md",
    "dokumen": "dokumen/sk-contoh-satu.md",
    "galeri": "galeri/rapat-anggota-contoh.md",
}
COUNTS = re.compile(r"Halaman dibuat: (\d+), diambil utuh dari pembangunan sebelumnya: (\d+)")


class Site:
    """The full test content and its builds, one after the other."""

    def __init__(self, folder):
        self.folder = folder
        self.content = make_full_content(folder.joinpath("content"))
        self.cache = folder / "cache"
        self.number = 0
        self.last = self._build()

    def _build(self, previous=None, cache=None):
        self.number += 1
        output = self.folder / f"site-{self.number}"
        overrides = {"CACHE_PATH": str(cache or self.cache)}
        if previous is not None:
            overrides["INCREMENTAL_FROM"] = str(previous)
        result = build(self.content, output, overrides=overrides)
        assert result.returncode == 0, result.stdout + result.stderr
        return output, result.stdout

    def rebuild(self):
        """Build incrementally from the last build and from nothing (the
        render cache kept: test_performance shows it changes nothing);
        return (incremental output, rendered, carried)."""
        previous = self.last[0]
        before = tree_digest(previous)
        output, log = self._build(previous)
        reference, _ = self._build()
        assert tree_digest(previous) == before, "the previous build was changed"
        assert tree_digest(output) == tree_digest(reference)
        self.last = (output, log)
        rendered, carried = (int(number) for number in COUNTS.search(log).groups())
        return output, rendered, carried


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return Site(tmp_path_factory.mktemp("incremental"))


def _pages(output):
    return {path for path in tree_digest(output) if path.endswith((".html", ".xml"))}


@pytest.mark.parametrize("kind", list(FILES))
def test_a_body_edit_renders_only_the_pages_that_show_it(site, kind):
    path = site.content / FILES[kind]
    path.write_text(path.read_text(encoding="utf-8") + f"\nKalimat baru untuk {kind}.\n",
                    encoding="utf-8")
    output, rendered, carried = site.rebuild()
    assert 1 <= rendered <= 20 < carried
    # (typogrify joins the last two words with a no-break space)
    shown = [page for page in output.rglob("index.html")
             if f"Kalimat baru untuk&nbsp;{kind}." in page.read_text(encoding="utf-8")]
    assert shown, "the edited text is on no page"


def _title(text, suffix):
    def edit(match):
        value = match.group(1)
        if len(value) > 1 and value[0] == value[-1] and value[0] in "\"'":  # quoted
            return f"title: {value[:-1]} {suffix}{value[-1]}"
        return f"title: {value} {suffix}"

    return re.sub(r"^title: (.*)$", edit, text, count=1, flags=re.M)


# Also a fact check in a weekly digest, whose address comes from its title:
# the digest's WhatsApp message is made from titles and addresses.
TITLED = {**FILES, "cek-fakta": "berita/contoh-cek-fakta.md"}


@pytest.mark.parametrize("kind", list(TITLED))
def test_a_title_edit_renders_only_the_pages_that_show_it(site, kind):
    path = site.content / TITLED[kind]
    path.write_text(_title(path.read_text(encoding="utf-8"), "Diperbarui"), encoding="utf-8")
    output, rendered, carried = site.rebuild()
    # A page's title is in every page's menu; any other title is on the
    # pages that list, link or name its content (24 of 323 for a berita).
    assert rendered >= 1 and carried > (0 if kind == "halaman" else rendered)
    assert any("Diperbarui" in page.read_text(encoding="utf-8")
               for page in output.rglob("index.html"))


def test_a_front_matter_edit_renders_everything_and_equals_a_cold_build(site):
    for name in FILES.values():
        path = site.content / name
        text = path.read_text(encoding="utf-8")
        # The summary: not a shown field (incremental.SHOWN_FIELDS).
        if re.search(r"^(summary|ringkasan): ", text, flags=re.M):
            text = re.sub(r"^(summary|ringkasan): .*$", r"\1: Ringkasan yang diperbarui.", text,
                          count=1, flags=re.M)
        else:
            text = re.sub(r"^title: ", "ringkasan: Ringkasan baru.\ntitle: ", text, count=1,
                          flags=re.M)
        path.write_text(text, encoding="utf-8")
    output, rendered, carried = site.rebuild()
    # Everything: as many files as a build that changes nothing carries.
    result = build(site.content, site.folder / "unchanged",
                   overrides={"CACHE_PATH": str(site.cache), "INCREMENTAL_FROM": str(output)})
    assert result.returncode == 0, result.stderr
    rendered_again, carried_again = (int(n) for n in COUNTS.search(result.stdout).groups())
    assert carried == 0 == rendered_again and rendered == carried_again > 0


def _copy(name):
    folder, stem = name.rsplit("/", 1)
    return f"{folder}/salinan-{stem}"


def test_new_renamed_and_deleted_files_of_every_type_equal_a_cold_build(site):
    copies = {}
    for name in FILES.values():
        text = (site.content / name).read_text(encoding="utf-8")
        text = re.sub(r"^slug: (.*)$", r"slug: \1-salinan", _title(text, "Salinan"), flags=re.M)
        copies[name] = site.content / _copy(name)
        copies[name].write_text(text, encoding="utf-8")
    added, _, _ = site.rebuild()
    assert len(_pages(added)) > len(_pages(site.folder / "site-1"))

    for name, copy in copies.items():
        renamed = copy.with_name(copy.stem + "-lain.md")
        copy.rename(renamed)
        copies[name] = renamed
    site.rebuild()

    for copy in copies.values():
        copy.unlink()
    removed, _, _ = site.rebuild()
    assert not [page for page in _pages(removed) if "salinan" in page]
    # And once more from nothing, caches included.
    cold, _ = site._build(cache=site.folder / "empty-cache")
    assert tree_digest(removed) == tree_digest(cold)


def _keep_size_and_time(path, data):
    """Write `data` over `path`, which must be as long, and give the file its
    modification time back: what an editor's tool or a copy can do."""
    stat = path.stat()
    assert len(data) == stat.st_size and data != path.read_bytes()
    path.write_bytes(data)
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    after = path.stat()
    assert (after.st_size, after.st_mtime_ns) == (stat.st_size, stat.st_mtime_ns)


def _other_phone(path):
    """situs.yml with two digits of the operator's WhatsApp number swapped."""
    text = path.read_text(encoding="utf-8")
    assert text.count('"0812-0000-0009"') == 1
    return text.replace('"0812-0000-0009"', '"0812-0000-0090"').encode("utf-8")


def _other_pixels(path):
    """The JPEG at `path` with its colours inverted, exactly as long: encoded
    a little smaller, then padded with a JPEG comment segment."""
    from PIL import Image, ImageOps

    with Image.open(path) as image:
        inverted = ImageOps.invert(image.convert("RGB"))
    size = path.stat().st_size
    for quality in range(90, 10, -5):
        out = io.BytesIO()
        inverted.save(out, "JPEG", quality=quality)
        data = out.getvalue()
        if len(data) + 4 <= size:
            padding = size - len(data)  # the marker (2 bytes) + its length field + text
            comment = b"\xff\xfe" + (padding - 2).to_bytes(2, "big") + b" " * (padding - 4)
            return data[:2] + comment + data[2:]  # right after the start of image
    raise AssertionError("the photo cannot be re-encoded small enough")


def _other_document(path):
    """The PDF at `path` with one word of its text changed (same length)."""
    data = path.read_bytes()
    assert data.count(b"(SK rekaan ") == 1
    return data.replace(b"(SK rekaan ", b"(SK revisi ")


# Files that are not Markdown, each changed without changing its size or
# modification time, and what the rebuild must show for it.
SAME_SIZE_AND_TIME = {
    "situs.yml": _other_phone,
    "images/galeri/rapat-1.jpg": _other_pixels,
    "berkas/sk-contoh-satu.pdf": _other_document,
}


@pytest.mark.parametrize("name", list(SAME_SIZE_AND_TIME))
def test_an_edit_that_keeps_size_and_time_equals_a_cold_build(site, name):
    path = site.content / name
    data = SAME_SIZE_AND_TIME[name](path)
    before = tree_digest(site.last[0])
    _keep_size_and_time(path, data)
    output, _, _ = site.rebuild()  # equal to a build from nothing, byte for byte
    after = tree_digest(output)
    if name == "situs.yml":  # the new number on every page that showed the old one
        pages = {page.relative_to(output).as_posix(): page.read_text(encoding="utf-8")
                 for page in output.rglob("*.html")}
        assert len([page for page in pages.values() if "0812-0000-0090" in page]) > 50
        # (the old number is also an activity's own contact, on its page)
        assert {path for path, page in pages.items() if "0812-0000-0009" in page} == \
            {"agenda/festival-contoh/index.html"}
    elif name.endswith(".jpg"):  # the photo and its WebP derivatives are the new pixels
        published = [file for file in after if "rapat-1" in file]
        assert published and all(after[file] != before.get(file) for file in published)
    else:  # the new document is published
        assert hashlib.sha256(data).hexdigest() in after.values()


def test_a_changed_file_in_the_previous_build_is_rendered_again(site):
    previous = site.last[0]
    page = previous / "statistik" / "index.html"
    page.write_text(page.read_text(encoding="utf-8") + "<!-- diubah -->", encoding="utf-8")
    output, rendered, _ = site.rebuild()
    assert "diubah" not in (output / "statistik" / "index.html").read_text(encoding="utf-8")
    assert rendered >= 1


def test_nothing_changed_renders_nothing_and_a_template_change_renders_everything(
        site, tmp_path):
    from conftest import ROOT

    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    footer = theme / "templates" / "base.html"
    footer.write_text(footer.read_text(encoding="utf-8").replace("</footer>",
                                                                 "<p>Baru</p></footer>", 1),
                      encoding="utf-8")
    same = {"CACHE_PATH": str(site.cache), "INCREMENTAL_FROM": str(site.last[0])}
    counts = {}
    for overrides, output in ((same, tmp_path / "same"),
                              ({**same, "THEME": str(theme)}, tmp_path / "new")):
        result = build(site.content, output, overrides=overrides)
        assert result.returncode == 0, result.stderr
        counts[output.name] = tuple(int(n) for n in COUNTS.search(result.stdout).groups())
    # (rendered, carried): nothing changed carries every file; a template
    # change renders every one of them.
    assert counts["same"][0] == 0 == counts["new"][1]
    assert counts["new"][0] == counts["same"][1] > 0
    assert "<p>Baru</p>" in (tmp_path / "new" / "index.html").read_text(encoding="utf-8")


def test_the_base_covers_everything_but_bodies_and_titles(tmp_path):
    from datetime import date
    from pathlib import Path

    from conftest import FIXTURES, ROOT
    from portal.builder.incremental import base_key
    from portal.intake.validation import validate_content

    content = tmp_path.joinpath("content")
    shutil.copytree(FIXTURES.joinpath("valid-minimal", "content"), content)
    settings = {"THEME": str(ROOT / "theme"), "SITEURL": "", "OUTPUT_PATH": "a"}

    def key(day=date(2026, 6, 15), **changed):
        documents, problems = validate_content(content, tmp_path)
        assert problems == []
        return base_key({**settings, **changed}, documents, content, day)

    first = key()
    assert key(OUTPUT_PATH="b") == first  # where the build goes is not what it reads
    berita = content / "berita" / "contoh-berita.md"
    berita.write_text(berita.read_text(encoding="utf-8") + "\nBadan baru.\n", encoding="utf-8")
    assert key() == first  # bodies are recorded page by page instead
    kim = next(content.joinpath("kim").glob("*.md"))
    kim.write_text(_title(kim.read_text(encoding="utf-8"), "Baru"), encoding="utf-8")
    assert key() == first  # and so are titles
    changes = [key(SITEURL="https://contoh.test"), key(day=date(2026, 6, 16))]
    berita.write_text(berita.read_text(encoding="utf-8").replace(
        "Penulis Rekaan", "Penulis Lain"), encoding="utf-8")
    changes.append(key())
    # Every other file by its bytes: a new time alone changes nothing, the
    # same size and time with other bytes does.
    photo = content / "images" / "contoh.png"
    os.utime(photo, ns=(0, 0))
    assert key() == changes[-1]
    for name, change in SAME_SIZE_AND_TIME.items():
        _keep_size_and_time(content / name, change(content / name))
        changes.append(key())
    assert Path(photo).is_file() and first not in changes and len(set(changes)) == len(changes)


def test_the_base_does_not_depend_on_the_folder_python_runs_in(tmp_path):
    """From the project's folder Python also finds the project's own
    metadata; a build started elsewhere must see the same base."""
    import subprocess
    import sys

    from conftest import FIXTURES, ROOT

    script = ("import sys; from datetime import date; from pathlib import Path; "
              "from portal.intake.validation import validate_content; "
              "from portal.builder.incremental import base_key; "
              "content = Path(sys.argv[1]); documents, _ = validate_content(content, content); "
              "print(base_key({'THEME': sys.argv[2]}, documents, content, date(2026, 6, 15)))")
    keys = {subprocess.run([sys.executable, "-c", script,
                            str(FIXTURES.joinpath("valid-minimal", "content")),
                            str(ROOT / "theme")],
                           cwd=folder, capture_output=True, text=True, check=True).stdout
            for folder in (ROOT, tmp_path)}
    assert len(keys) == 1


def test_digests_of_untouched_files_are_kept_between_builds(tmp_path, monkeypatch):
    """content_digests hashes a file again only when its size, times or
    inode changed, and a same-size edit given its old time back changes the
    change time, which cannot be set back."""
    from portal.builder import incremental

    content, cache = tmp_path.joinpath("content"), tmp_path / "cache"
    (content / "images").mkdir(parents=True)
    files = {"situs.yml": b"pengelola:\n  whatsapp: '0812-0000-0009'\n",
             "images/a.jpg": os.urandom(3000), "images/b.pdf": os.urandom(2000)}
    for name, data in files.items():
        (content / name).write_bytes(data)
    (content / "berita.md").write_text("---\ntitle: x\n---\n", encoding="utf-8")
    hashed = []
    real = hashlib.file_digest

    def counted(handle, name):
        hashed.append(os.path.basename(handle.name))
        return real(handle, name)

    monkeypatch.setattr(hashlib, "file_digest", counted)
    expected = {name: hashlib.sha256(data).hexdigest() for name, data in files.items()}

    def digests():
        hashed.clear()
        return incremental.content_digests(content, cache)

    # A file written a moment ago is hashed on every build (its times may
    # not tell the next write in the same clock step from this one).
    assert digests() == expected and len(hashed) == 3
    assert digests() == expected and len(hashed) == 3
    monkeypatch.setattr(incremental, "_SETTLED_NS", 100_000_000)
    time.sleep(0.2)
    assert digests() == expected and len(hashed) == 3
    assert digests() == expected and hashed == []  # untouched: nothing read
    for name in files:  # same size, same modification time, other bytes
        data = files[name].replace(b"0009", b"0090") if name == "situs.yml" \
            else bytes(255 - byte for byte in files[name])
        _keep_size_and_time(content / name, data)
        expected[name] = hashlib.sha256(data).hexdigest()
        time.sleep(0.2)  # settled, and kept: the next edit is the only one read
        assert digests() == expected and hashed == [os.path.basename(name)]
    (content / "images" / "b.pdf").rename(content / "images" / "c.pdf")
    expected["images/c.pdf"] = expected.pop("images/b.pdf")
    assert digests() == expected
    # An unreadable cache is only a cache.
    for store in (cache / incremental.DIGEST_FOLDER).glob("*.json"):
        store.write_text("{bukan json", encoding="utf-8")
    assert digests() == expected and len(hashed) == 3


def test_digests_of_removed_content_folders_are_dropped(tmp_path, monkeypatch):
    from portal.builder import incremental

    monkeypatch.setattr(incremental, "_SETTLED_NS", 0)
    cache = tmp_path / "cache"
    for name in ("lama", "baru"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "situs.yml").write_text(name, encoding="utf-8")
    time.sleep(0.05)
    incremental.content_digests(tmp_path / "lama", cache)
    assert len(list((cache / incremental.DIGEST_FOLDER).glob("*.json"))) == 1
    shutil.rmtree(tmp_path / "lama")
    incremental.content_digests(tmp_path / "baru", cache)
    stores = list((cache / incremental.DIGEST_FOLDER).glob("*"))
    assert sorted(store.suffix for store in stores) == [".folder", ".json"]
    assert stores[0].with_suffix(".folder").read_text(encoding="utf-8") == \
        str((tmp_path / "baru").resolve())


def test_a_body_linking_a_content_changes_with_that_contents_address():
    """Pelican writes a {filename} link's address into the body once per
    process, so the pages showing the body cannot be seen reading it: the
    body's hash holds it (incremental.shown_hashes)."""
    from types import SimpleNamespace

    from portal.builder.incremental import shown_hashes

    def content(name, body, url):
        return SimpleNamespace(source_path=f"/isi/{name}", _content=body, title=name,
                               override_url=url)

    def hashes(address):
        linking = content("berita/a.md", '<a href="{filename}/berita/b.md">b</a>', "berita/a/")
        relative = content("berita/c.md", '<a href="{filename}b.md">b</a>', "berita/c/")
        return shown_hashes([linking, relative, content("berita/b.md", "", address)], "/isi")

    before, after = hashes("berita/b/"), hashes("berita/b-baru/")
    assert before["berita/a.md"] != after["berita/a.md"]
    assert before["berita/c.md"] != after["berita/c.md"]
    assert before["berita/a.md#"] == after["berita/a.md#"]  # its title and address
    assert before["berita/b.md#"] != after["berita/b.md#"]


def test_reading_a_title_or_a_card_notes_what_the_page_shows():
    """A page reading a content's title (or address) and its link-preview
    card is noted as showing each, under its own key, and not its body: a
    card is drawn from other contents' titles (a potensi's names its KIM),
    so it changes without the page reading them."""
    from copy import deepcopy
    from datetime import datetime

    from pelican.contents import Article
    from pelican.settings import DEFAULT_CONFIG

    from portal.builder import incremental

    incremental.install()
    article = Article("<p>Isi</p>", metadata={"title": "Judul", "date": datetime(2026, 12, 1)},
                      settings=deepcopy(DEFAULT_CONFIG), source_path="/isi/berita/a.md")
    article.pratinjau = "kartu-1"
    with incremental.reading() as title_only:
        assert article.title == "Judul"
    with incremental.reading() as card:
        assert article.pratinjau == "kartu-1"
    assert title_only.sources == {"/isi/berita/a.md#"}
    assert card.sources == {"/isi/berita/a.md#kartu"}
    before = incremental.shown_hashes([article], "/isi")
    article.pratinjau = "kartu-2"
    after = incremental.shown_hashes([article], "/isi")
    assert [key for key in before if before[key] != after[key]] == ["berita/a.md#kartu"]


def test_the_layout_holds_title_orders_and_search_part_names():
    """What pages depend on without showing it: the order of the lists
    sorted by title, and the search parts' names, which are made from the
    pages' addresses (an address can come from a title) and which the
    search page lists."""
    from types import SimpleNamespace

    from portal.builder.incremental import layout_key

    first, second = (SimpleNamespace(source_path=f"/isi/kim/{name}.md") for name in "ab")
    key = layout_key("base", "/isi", [[first, second]], ["pagefind"])
    assert key == layout_key("base", "/isi", [[first, second]], ["pagefind"])
    assert key != layout_key("base", "/isi", [[second, first]], ["pagefind"])
    assert key != layout_key("base", "/isi", [[first, second]], ["pagefind", "pagefind-1b"])
    assert key != layout_key("other", "/isi", [[first, second]], ["pagefind"])
