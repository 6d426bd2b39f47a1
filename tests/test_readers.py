"""What readers see of the editors' text and the site's frame: no empty
sections from an unfinished scaffold, a body's `#` heading kept as a section
heading, breadcrumbs without repeated steps, Peta and Statistik in the main
menu, feeds in plain words."""

import json
import re
import shutil

import pytest

from conftest import FIXTURES, build
from portal.intake.rendering import demote_headings, drop_empty_sections
from portal.model.scaffolds import scaffold
from portal.model.schema import KIM


def test_headings_with_nothing_under_them_are_dropped():
    assert drop_empty_sections(
        "<h2>Profil</h2>\n<p>Isi.</p>\n<h2>Visi dan misi</h2>\n<h2>Program</h2>\n"
    ).split() == ["<h2>Profil</h2>", "<p>Isi.</p>"]
    # A heading whose subsection has text keeps it; one whose subsections
    # are all empty goes with them.
    assert drop_empty_sections("<h2>A</h2><h3>B</h3><p>b</p>") == "<h2>A</h2><h3>B</h3><p>b</p>"
    assert drop_empty_sections("<h2>A</h2>\n<h3>B</h3>\n<h2>C</h2><p>c</p>").split() == [
        "<h2>C</h2><p>c</p>"]


def test_a_body_with_h1_moves_every_heading_one_level_down():
    assert demote_headings('<h1 id="a">A</h1><p>x</p><h2>B</h2><h6>F</h6>') == \
        '<h2 id="a">A</h2><p>x</p><h3>B</h3><h6>F</h6>'
    assert demote_headings("<h2>B</h2><h3>C</h3>") == "<h2>B</h2><h3>C</h3>"


@pytest.fixture(scope="module")
def edited_site(tmp_path_factory):
    """The fictional content with a KIM profile whose body is a new file's
    scaffold with only its first section filled in, and an article whose
    body uses `#` headings."""
    folder = tmp_path_factory.mktemp("pembaca")
    content = folder / "content"
    shutil.copytree(FIXTURES / "valid-minimal" / "content", content)
    kim = content / "kim" / "contoh-dua.md"
    front, _ = kim.read_text(encoding="utf-8").rsplit("---", 1)
    body = scaffold(KIM, {"title": "x"}).rsplit("---", 1)[1]
    body = body.replace("## Profil\n", "## Profil\n\nProfil rekaan kedua.\n", 1)
    kim.write_text(front + "---" + body, encoding="utf-8")
    article = content / "berita" / "contoh-berita.md"
    front, _ = article.read_text(encoding="utf-8").rsplit("---", 1)
    article.write_text(front + "---\n\n# Latar\n\nAwal cerita.\n\n## Rinci\n\nLanjutan.\n",
                       encoding="utf-8")
    output = folder / "output"
    result = build(content, output)
    assert result.returncode == 0, result.stdout + result.stderr
    return output


def test_unfilled_scaffold_sections_and_notes_are_not_published(edited_site):
    page = (edited_site / "kim" / "contoh-dua" / "index.html").read_text(encoding="utf-8")
    assert re.search(r"<h2[^>]*>Profil</h2>\s*<p>Profil rekaan(&nbsp;| )kedua.</p>", page)
    assert "Visi dan misi" not in page and "Program kegiatan" not in page
    assert "Catatan di antara" not in page and "<!--" not in page


def test_body_h1_is_a_section_heading(edited_site):
    page = next(text for path in (edited_site / "berita").rglob("index.html")
                if "Awal" in (text := path.read_text(encoding="utf-8")))
    assert re.search(r"<h2[^>]*>Latar</h2>\s*<p>Awal(&nbsp;| )cerita.</p>", page)
    assert re.search(r"<h3[^>]*>Rinci</h3>", page)
    assert page.count("<h1") == 1


def test_breadcrumbs_name_no_step_twice(sample_site):
    for path in sample_site.rglob("index.html"):
        text = path.read_text(encoding="utf-8")
        crumbs = re.search(r'<ol class="breadcrumbs__list">(.*?)</ol>', text, re.S)
        if not crumbs:
            continue
        labels = [re.sub(r"<[^>]+>", "", item).strip()
                  for item in re.findall(r"<li[^>]*>(.*?)</li>", crumbs[1], re.S)]
        assert len(labels) == len(set(labels)), (path, labels)
        data = next(json.loads(block) for block in re.findall(
            r'<script type="application/ld\+json">(.*?)</script>', text, re.S)
            if '"BreadcrumbList"' in block)
        assert len(data["itemListElement"]) == len(labels), path
    article = (sample_site / "berita" / "kobar-rencanakan-lima-kim" / "index.html").read_text()
    assert re.search(r'<a href="/kategori/berita/">Berita</a></li>\s*<li class="breadcrumbs__item"'
                     r' aria-current="page">Kobar', article)


def test_main_menu_reaches_map_and_statistics_and_feeds_say_langganan(sample_site):
    home = (sample_site / "index.html").read_text(encoding="utf-8")
    menu = re.search(r'<nav class="site-nav" aria-label="Menu utama">(.*?)</nav>', home, re.S)[1]
    assert '<a class="site-nav__link" href="/peta/">Peta</a>' in menu
    assert '<a class="site-nav__link" href="/statistik/">Statistik</a>' in menu
    assert ">Langganan (RSS/Atom)</a>" in home
    statistik = (sample_site / "statistik" / "index.html").read_text(encoding="utf-8")
    assert 'href="/statistik/" aria-current="page">Statistik' in statistik
    for path in sample_site.rglob("*.html"):
        assert "Umpan Atom" not in path.read_text(encoding="utf-8"), path
