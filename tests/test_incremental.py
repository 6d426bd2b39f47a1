"""Incremental builds (plugins/portal/output/incremental.py): a build that
carries unchanged pages over from the previous build gives exactly the files
a build from nothing gives, byte for byte, whatever an editor changed; it
renders only what changed; and it never alters the previous build, which is
the live site until the new one is swapped in."""

import re
import shutil

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
        self.content = make_full_content(folder / "content")
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
    return re.sub(r"^title: (.*)$", rf"title: \1 {suffix}", text, count=1, flags=re.M)


def test_a_front_matter_edit_renders_everything_and_equals_a_cold_build(site):
    for name in FILES.values():
        path = site.content / name
        path.write_text(_title(path.read_text(encoding="utf-8"), "Diperbarui"), encoding="utf-8")
    output, rendered, carried = site.rebuild()
    assert carried == 0 and rendered > 200


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
    for overrides, output in ((same, tmp_path / "same"),
                              ({**same, "THEME": str(theme)}, tmp_path / "new")):
        result = build(site.content, output, overrides=overrides)
        assert result.returncode == 0, result.stderr
        rendered, carried = (int(number) for number in COUNTS.search(result.stdout).groups())
        if output.name == "same":  # nothing changed: nothing to render
            assert rendered == 0 and carried > 200
        else:
            assert carried == 0 and rendered > 200
    assert "<p>Baru</p>" in (tmp_path / "new" / "index.html").read_text(encoding="utf-8")


def test_the_base_covers_everything_but_the_bodies(tmp_path):
    import os
    from datetime import date
    from pathlib import Path

    from conftest import FIXTURES, ROOT
    from portal.intake.validation import validate_content
    from portal.output.incremental import base_key

    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "valid-minimal" / "content", content)
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
    changes = [key(SITEURL="https://contoh.test"), key(day=date(2026, 6, 16))]
    berita.write_text(berita.read_text(encoding="utf-8").replace(
        "Penulis Rekaan", "Penulis Lain"), encoding="utf-8")
    changes.append(key())
    photo = content / "images" / "contoh.png"
    os.utime(photo, ns=(0, 0))
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
              "from portal.output.incremental import base_key; "
              "content = Path(sys.argv[1]); documents, _ = validate_content(content, content); "
              "print(base_key({'THEME': sys.argv[2]}, documents, content, date(2026, 6, 15)))")
    keys = {subprocess.run([sys.executable, "-c", script,
                            str(FIXTURES / "valid-minimal" / "content"), str(ROOT / "theme")],
                           cwd=folder, capture_output=True, text=True, check=True).stdout
            for folder in (ROOT, tmp_path)}
    assert len(keys) == 1
