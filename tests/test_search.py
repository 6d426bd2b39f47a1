"""Search in a real browser: Pagefind index built with the site, queried
from /cari/ in Chromium, with Indonesian stemming and filters."""

import json
from pathlib import Path
from urllib.parse import quote

import pytest


@pytest.fixture(scope="module")
def page(chromium):
    context = chromium.new_context(viewport={"width": 360, "height": 800})
    tab = context.new_page()
    tab.errors = []
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    tab.on("console", lambda message: message.type == "error" and tab.errors.append(
        message.text))
    yield tab
    context.close()


def search(page, base, query, **filters):
    url = f"{base}/cari/?q={quote(query)}" + "".join(
        f"&{key}={quote(value)}" for key, value in filters.items())
    page.errors.clear()
    page.goto(url)
    page.locator("[data-search-status]", has_text="hasil").wait_for(timeout=15000)
    assert page.errors == []
    return [link.get_attribute("href") for link in page.locator(".search__title a").all()]


def test_index_is_built_in_indonesian(full_site):
    entry = json.loads((Path(full_site) / "pagefind" / "pagefind-entry.json").read_text())
    assert list(entry["languages"]) == ["id"]


def test_stemming_finds_pelatihan_for_latih(page, served_site):
    results = search(page, served_site, "latih")
    assert "/potensi/perpusdes-pondok-madani/" in results


def test_query_typed_in_the_header_box_reaches_results(page, served_site):
    page.goto(served_site + "/kim/")
    page.fill("#cari-situs", "kelinci")
    page.press("#cari-situs", "Enter")
    page.locator("[data-search-status]", has_text="hasil").wait_for(timeout=15000)
    results = [a.get_attribute("href") for a in page.locator(".search__title a").all()]
    assert "/potensi/taman-kelinci/" in results
    assert page.locator("[data-search-nojs]").is_hidden()


def test_filters_by_type_and_kecamatan(page, served_site):
    only_potensi = search(page, served_site, "kelinci", jenis="Potensi")
    assert only_potensi == ["/potensi/taman-kelinci/"]
    only_kim = search(page, served_site, "KIM", jenis="KIM", kecamatan="Kumai")
    assert set(only_kim) >= {"/kim/palae/", "/kim/sari-rasa/"}
    assert all(url.startswith("/kim/") for url in only_kim)


def test_only_page_bodies_are_indexed(full_site, page, served_site):
    bodies = [p for p in Path(full_site).rglob("*.html") if "data-pagefind-body" in p.read_text()]
    entry = json.loads((Path(full_site) / "pagefind" / "pagefind-entry.json").read_text())
    assert entry["languages"]["id"]["page_count"] == len(bodies)
    assert not (Path(full_site) / "kim" / "index.html").read_text().count("data-pagefind-body")
    # "Arsip" is a footer link on every page, and in no content.
    page.goto(f"{served_site}/cari/?q=arsip")
    page.locator("[data-search-status]", has_text="hasil").wait_for(timeout=15000)
    assert page.locator(".search__title a").count() == 0


def test_without_javascript_the_page_says_where_to_look(page, served_site):
    context = page.context.browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(served_site + "/cari/?q=kelinci")
    notice = tab.locator("[data-search-nojs]")
    assert notice.is_visible()
    assert "memerlukan JavaScript" in notice.inner_text()
    context.close()


def test_search_script_loads_only_on_the_search_page(full_site):
    for path in Path(full_site).rglob("*.html"):
        has_script = "cari.js" in path.read_text()
        assert has_script == (path.relative_to(full_site).as_posix() == "cari/index.html"), path


@pytest.fixture(scope="module")
def parted_site(tmp_path_factory):
    """The full content indexed in parts of five pages, served locally."""
    from conftest import build, make_full_content, serving

    folder = tmp_path_factory.mktemp("bagian")
    output = folder / "output"
    result = build(make_full_content(folder / "content"), output,
                   overrides={"SEARCH_PART_SIZE": 5})
    assert result.returncode == 0, result.stderr
    with serving(output) as url:
        yield output, url


def test_a_large_site_is_indexed_in_parts_and_searched_as_one(page, parted_site):
    output, base = parted_site
    bundles = sorted(p.parent.name for p in output.glob("pagefind*/pagefind-entry.json"))
    assert len(bundles) >= 4 and bundles[0] == "pagefind"
    counts = [json.loads((output / b / "pagefind-entry.json").read_text())
              ["languages"]["id"]["page_count"] for b in bundles]
    bodies = [p for p in output.rglob("*.html") if "data-pagefind-body" in p.read_text()
              and not p.relative_to(output).as_posix().startswith("draf/")]
    assert max(counts) <= 5 and sum(counts) == len(bodies)
    # Results come from several parts, filters apply to all of them.
    assert "/potensi/taman-kelinci/" in search(page, base, "kelinci")
    only_kim = search(page, base, "KIM", jenis="KIM", kecamatan="Kumai")
    assert set(only_kim) >= {"/kim/palae/", "/kim/sari-rasa/"}
    assert all(url.startswith("/kim/") for url in only_kim)
    everything = search(page, base, "KIM")
    assert {url.split("/")[1] for url in everything} >= {"kim", "potensi", "berita"}
