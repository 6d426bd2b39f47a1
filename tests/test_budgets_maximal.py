"""Page budgets hold for any content because the theme caps what it repeats
(shared/PRODUCT.md): every page of a maximal site (tests/maximal.py), built
for production at a long address, is within the first-render budget without
the editor's own text; what a page leaves out is on a page of its own or
counted; a page over the budget is reported as a theme problem, in
Indonesian, naming its content file; and each page links only the
stylesheets of its kind, looking the same as with all the theme's CSS."""

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from maximal import ALBUM_PHOTOS, FOKUS, KIM_REFS, PENGURUS, POTENSI, make_maximal_content
from pelican.settings import read_settings
from selectolax.lexbor import LexborHTMLParser

from conftest import ROOT, build
from portal.output import assets
from portal.output.policy import PagePolicy
from quality import budgets
from quality.catalogue import PAGE_TYPES, examples
from quality.pages import SiteFiles
from quality.site import check_site

# A production address longer than any real one: every link carries it.
LONG_SITEURL = "https://portal-kim-kotawaringin-barat.contoh-kabupaten.go.id/situs"
PREFIX = urlsplit(LONG_SITEURL).path  # "/situs"
SETTINGS = read_settings(str(ROOT / "pelicanconf.py"))


@pytest.fixture(scope="module")
def maximal_site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("maksimal")
    tree = make_maximal_content(folder.joinpath("content"))
    output = folder / "output"
    result = build(tree, output, settings="publishconf.py",
                   env={"PORTAL_SITEURL": LONG_SITEURL})
    assert result.returncode == 0, result.stdout + result.stderr
    return output


def page(site, address):
    return LexborHTMLParser((Path(site) / address.strip("/") / "index.html").read_text())


def links(tree, selector):
    return [a.attributes["href"].removeprefix(LONG_SITEURL) for a in tree.css(selector)]


# -- the budget on every page ----------------------------------------------------

def test_every_page_of_the_maximal_site_keeps_the_budget(maximal_site):
    policy = PagePolicy.from_settings(read_settings(str(ROOT / "publishconf.py")))
    assert check_site(maximal_site, LONG_SITEURL, policy=policy) == []


def test_the_maximal_site_has_every_page_type(maximal_site):
    """The budget above is checked on an example of every page type the
    catalogue knows, the optional ones included (a second page of a list,
    an album, a KIM's news...)."""
    found = examples(maximal_site)
    assert [page_type.id for page_type in PAGE_TYPES if page_type.id not in found] == []
    for page_id, address in found.items():
        # Addresses read from a listing's links carry the long address's path.
        path = urlsplit(address).path.removeprefix(PREFIX).strip("/")
        target = maximal_site / path
        assert (target / "index.html").is_file() or target.is_file(), page_id


def test_what_makes_the_heaviest_pages_heavy_is_the_editors_text(maximal_site):
    """The 10,000-word article is far over the budget as a file; without its
    body (the editor's text) it is within, with room to spare."""
    site = SiteFiles(maximal_site)
    name = "berita/berita-maks-00/index.html"
    text = site.text(name)
    tree = LexborHTMLParser(text)
    whole = budgets.compressed_size(text.encode())
    measured = budgets.first_render_size(site, name, tree, text, LONG_SITEURL)
    assert whole > 3 * budgets.FIRST_RENDER_BUDGET
    assert measured < budgets.FIRST_RENDER_BUDGET
    # Only the body and its own text are left out: the page's lists count.
    kept = LexborHTMLParser(budgets.without_editor_text(tree, text))
    assert kept.css_first(".prose").text().strip() == ""
    assert kept.css_first("#kim-terkait") is not None
    assert kept.css_first("#baca-juga") is not None


# -- what the theme caps, and where the rest is ---------------------------------

def test_an_album_of_500_photos_is_paginated_and_shows_each_photo_once(maximal_site):
    per_page = SETTINGS["GALERI_FOTO_PER_PAGE"]
    pages = -(-ALBUM_PHOTOS // per_page)
    seen = []
    address = "/galeri/galeri-maks-00/"
    for number in range(1, pages + 1):
        tree = page(maximal_site, address)
        photos = links(tree, ".galeri__foto > a")
        assert 0 < len(photos) <= per_page
        seen += photos
        # Only the first page is the album in the search index, with its text.
        assert (tree.css_first("[data-pagefind-body]") is not None) == (number == 1)
        assert (tree.css_first(".prose") is not None) == (number == 1)
        following = links(tree, '.pagination a[rel="next"]')
        if number < pages:
            address = following[0]
            assert address == f"/galeri/galeri-maks-00/halaman/{number + 1}/"
        else:
            assert following == []
    assert len(seen) == len(set(seen)) == ALBUM_PHOTOS


def test_a_kim_profile_shows_the_newest_few_and_links_or_counts_the_rest(maximal_site):
    tree = page(maximal_site, "/kim/maks/")
    assert len(tree.css("#potensi + ul .card")) == SETTINGS["KIM_LATEST_POTENSI"]
    assert links(tree, "#potensi ~ .more a") == ["/kim/maks/potensi/"]
    assert f"({POTENSI})" in tree.css_first("#potensi ~ .more a").text()
    assert len(tree.css("#berita + ul .teaser")) == SETTINGS["KIM_LATEST_BERITA"]
    # All its news, and its weekly digests (its news are in the window).
    assert links(tree, "#berita ~ .more a") == ["/kim/maks/berita/", "/kim/maks/ringkasan/"]
    assert len(tree.css("#pengurus + dl dt")) == SETTINGS["PENGURUS_SHOWN"]
    hidden = PENGURUS - SETTINGS["PENGURUS_SHOWN"]
    assert f"Dan {hidden} pengurus lainnya." in tree.css_first("#pengurus ~ p").text()
    assert f"dan {FOKUS - SETTINGS['FOKUS_SHOWN']} lainnya" in tree.css_first(".facts").text()
    # Every potensi is on the KIM's own list, a page at a time.
    listed, address = [], "/kim/maks/potensi/"
    while address:
        listing = page(maximal_site, address)
        listed += links(listing, ".card__title a")
        following = links(listing, '.pagination a[rel="next"]')
        address = following[0] if following else None
    assert len(set(listed)) == POTENSI
    # Its documents have a list of their own, linked from the profile.
    assert "/dokumen/kim/maks/" in links(tree, ".more a")


def test_an_item_naming_many_kim_names_a_few_and_counts_the_rest(maximal_site):
    named = SETTINGS["KIM_NAMED"]
    article = page(maximal_site, "/berita/berita-maks-01/")
    assert len(article.css("#kim-terkait + ul a")) == named
    assert article.css("#kim-terkait + ul li")[-1].text() == f"dan {KIM_REFS - named} KIM lainnya"
    activity = page(maximal_site, "/agenda/acara-maks-01/")
    assert f"dan {KIM_REFS - named} KIM lainnya" in activity.css_first(".facts").text()
    albums = page(maximal_site, "/galeri/")
    shown = SETTINGS["KIM_NAMED_IN_LIST"]
    meta = albums.css_first(".teaser__meta + .teaser__meta").text()
    assert f"dan {KIM_REFS - shown} KIM lainnya" in meta


def test_site_wide_indexes_list_a_bounded_part_and_say_where_the_rest_is(maximal_site):
    tags = page(maximal_site, "/tag/")
    shown = SETTINGS["TAGS_INDEX_SHOWN"]
    assert len(tags.css(".term-list li")) == shown
    assert "tag lain yang lebih jarang dipakai" in tags.css_first(".term-list + p").text()
    archive = page(maximal_site, "/arsip/")
    years = SETTINGS["ARCHIVE_YEARS_WITH_MONTHS"]
    assert len(archive.css("section[aria-labelledby^='tahun-2']")) == years
    older = links(archive, "#tahun-sebelumnya + ul a")
    assert older and all(re.fullmatch(r"/arsip/\d{4}/", href) for href in older)


# -- a page over the budget: the theme's problem, said so ------------------------

def over_budget_lines(site, budget):
    return budgets.check_budgets(site, LONG_SITEURL, budget=budget)


def test_a_page_over_the_budget_names_its_content_file_and_blames_the_theme(maximal_site):
    problems = over_budget_lines(maximal_site, 1000)
    profile = next(p for p in problems if p.startswith("Halaman /kim/maks/ "))
    assert profile.startswith("Halaman /kim/maks/ (dari content/kim/maks.md) melebihi batas "
                              "tampilan pertama: ")
    assert "batasnya 1.000 bita" in profile
    assert "Ini kesalahan tema portal, bukan kesalahan konten" in profile
    assert "Perbaiki: jangan ubah kontennya; laporkan pesan ini kepada pengembang portal" \
        in profile
    # A list shows no content file of its own; a poster shows its KIM's.
    assert any(p.startswith("Halaman /berita/ melebihi batas") for p in problems)
    assert any(p.startswith("Halaman /kim/maks/poster/ (dari content/kim/maks.md)")
               for p in problems)
    assert not any("[first-render-budget]" in p for p in problems)


def test_the_message_catalogue_quotes_a_real_over_budget_message(maximal_site):
    doc = (ROOT / "docs" / "pesan-pemeriksaan.md").read_text()
    quoted = [line for line in doc.splitlines() if line.startswith("Halaman /")]
    assert quoted

    def shape(line):  # sizes and the KIM change; the words must not
        return re.sub(r"\d[\d.]*", "N", re.sub(r"kim/[a-z0-9-]+", "kim/X", line))

    real = {shape(line) for line in over_budget_lines(maximal_site, 1000)}
    assert [line for line in quoted if shape(line) not in real] == []


# -- stylesheets -----------------------------------------------------------------

def test_css_is_bundled_without_comments_and_spare_whitespace_but_strings_intact():
    css = ('a , b > c { content: " /* not a comment */  , "; /* gone */ color : red ; }\n'
           "@media (min-width: 48em) and (prefers-color-scheme: dark) { .a :hover { x: 1 } }")
    assert assets.minify(css) == (
        'a,b>c{content: " /* not a comment */  , ";color : red}'
        "@media (min-width: 48em) and (prefers-color-scheme: dark){.a :hover{x: 1}}")


def test_every_template_names_a_sheet_that_exists():
    named = {}
    for path in (ROOT / "theme" / "templates").rglob("*.html"):
        for sheet in re.findall(r'set sheet = "([^"]+)"', path.read_text()):
            named.setdefault(sheet, []).append(path.name)
    assert set(named) - set(assets.PAGE_SHEETS) == set()
    # And each page sheet is some page's.
    assert set(assets.PAGE_SHEETS) - set(named) == set()
    sheets = assets.sheets(ROOT / "theme" / "css")
    files = sorted((ROOT / "theme" / "css").glob("*.css"))
    assert {path for paths in sheets.values() for path in paths} == set(files)


# Properties of every element and of its ::before and ::after, read in
# Chromium: with the page's own sheets, then with all of theme/css/ (as one
# sheet in name order, in their place).
STYLES = r"""(properties) => [...document.querySelectorAll('body, body *')].map(element => {
  const own = getComputedStyle(element);
  const before = getComputedStyle(element, '::before');
  const after = getComputedStyle(element, '::after');
  return element.tagName + '.' + element.getAttribute('class') + ' ' +
    properties.map(name => name + ':' + own.getPropertyValue(name)).join(';') +
    ' ::before ' + before.content + before.display + ' ::after ' + after.content + after.display;
})"""
SIZES = ("height:", "width:", "block-size:", "inline-size:")
ALL_CSS = """(css) => {
  const sheets = [...document.querySelectorAll('link[rel=stylesheet][href*="/theme/css/portal"]')];
  const style = document.createElement('style');
  style.textContent = css;
  sheets[0].before(style);
  sheets.forEach(sheet => sheet.remove());
}"""


def css_properties(css):
    """The properties the theme sets, and the sides of the shorthands it
    sets (Chromium reads a shorthand as '' when its sides differ)."""
    names = set(re.findall(r"[{;]\s*([a-z-]+)\s*:", css))
    for shorthand in ("margin", "padding", "border", "inset"):
        if shorthand in names:
            names |= {f"{shorthand}-{side}" for side in ("top", "right", "bottom", "left")}
    return sorted(names)


def test_every_page_type_looks_the_same_with_its_own_sheets_as_with_all_the_css(
        full_site, chromium):
    from conftest import serving

    css_dir = ROOT / "theme" / "css"
    everything = "\n".join(path.read_text() for path in sorted(css_dir.glob("*.css")))
    properties = css_properties(everything)
    differences = []
    with serving(full_site) as base:
        # No script: the page as it first renders (and map tiles stay away);
        # CSP bypassed to put all the CSS in place of the page's sheets.
        context = chromium.new_context(java_script_enabled=False, bypass_csp=True)
        tab = context.new_page()
        for page_id, address in examples(full_site).items():
            for width, media in ((360, "screen"), (1280, "screen"), (1280, "print")):
                tab.set_viewport_size({"width": width, "height": 800})
                tab.emulate_media(media=media)
                tab.goto(base + "/" + address.lstrip("/"))
                own = tab.evaluate(STYLES, properties)
                tab.evaluate(ALL_CSS, everything)
                reference = tab.evaluate(STYLES, properties)
                changed = [(mine.split(" ", 1)[0], sorted(set(mine.split(";")) ^
                                                          set(theirs.split(";"))))
                           for mine, theirs in zip(own, reference, strict=True)
                           if mine != theirs]
                if changed:
                    # The first element whose own style differs, not only its
                    # size (the body is taller when anything in it is).
                    element, values = next(
                        (item for item in changed if any(
                            not value.startswith(SIZES) for value in item[1])), changed[0])
                    differences.append(f"{page_id} {width} {media}: {element} {values[:4]}")
        context.close()
    assert differences == []
