"""No page grows with the content: a large generated site (bench/generate.py)
stays within the first-render budget on every page, because listings show
counts and a few items and paginate the rest."""

import random
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from conftest import bench_script, build
from quality.budgets import check_budgets
from quality.links import check_links

# The smallest size at which every listing of the code before pagination
# (/arsip/, a year, /kim/, a kecamatan, /peta/) exceeded the budget: 2,500
# articles make 250 KIM and 750 potensi. One busy month of extra news makes a
# month archive exceed it too.
ARTICLES = 2500
BUSY_MONTH_ARTICLES = 200


def page(site, url):
    return LexborHTMLParser((Path(site) / url.strip("/") / "index.html").read_text(
        encoding="utf-8"))


def hrefs(tree, selector):
    return [a.attributes["href"] for a in tree.css(selector)]


@pytest.fixture(scope="module")
def large_site(tmp_path_factory):
    generator = bench_script("generate")
    generate, sentence = generator.generate, generator.sentence

    folder = tmp_path_factory.mktemp("besar")
    content = generate(folder / "content", ARTICLES)
    rng = random.Random(2024)
    for number in range(BUSY_MONTH_ARTICLES):
        day = number % 28 + 1
        (content / "berita" / f"2024-06-{day:02d}-ramai-{number}.md").write_text(
            f"---\ntitle: Kabar bulan ramai nomor {number}\n"
            f"date: 2024-06-{day:02d} {number % 24:02d}:{number % 60:02d}\n"
            f"category: Pengumuman\nkim: [kim-00001]\nslug: ramai-{number}\n"
            f"summary: {sentence(rng)}\n---\n{sentence(rng)}\n", encoding="utf-8")
    output = folder / "output"
    result = build(content, output, overrides={"SEARCH_INDEX": False})
    assert result.returncode == 0, result.stdout + result.stderr
    return output


def test_every_page_of_a_large_site_stays_within_the_budget(large_site):
    problems = check_budgets(large_site)
    assert problems == [], "\n".join(problems)


def test_archive_lists_months_and_months_paginate(large_site):
    archive = page(large_site, "/arsip/")
    assert not archive.css(".teaser")
    assert "/arsip/2024/06/" in hrefs(archive, "main a")
    year = page(large_site, "/arsip/2024/")
    assert not year.css(".teaser")
    assert "/arsip/2024/06/" in hrefs(year, "main a")
    month = page(large_site, "/arsip/2024/06/")
    assert hrefs(month, 'a[rel="next"]') == ["/arsip/2024/06/halaman/2/"]
    assert page(large_site, "/arsip/2024/06/halaman/2/").css(".teaser")


@pytest.mark.parametrize("kind", ["kim", "potensi", "berita"])
def test_kecamatan_page_links_its_paginated_lists(large_site, kind):
    summary = page(large_site, "/kecamatan/kumai/")
    assert f"/kecamatan/kumai/{kind}/" in hrefs(summary, ".more a")
    first = page(large_site, f"/kecamatan/kumai/{kind}/")
    assert hrefs(first, 'a[rel="next"]') == [f"/kecamatan/kumai/{kind}/halaman/2/"]
    second = page(large_site, f"/kecamatan/kumai/{kind}/halaman/2/")
    assert second.css(".card, .teaser")


def test_kim_directory_links_each_kecamatan_list(large_site):
    directory = page(large_site, "/kim/")
    for section in directory.css("main section"):
        slug = section.css_first("h2").attributes["id"]
        assert f"/kecamatan/{slug}/kim/" in hrefs(section, ".more a")


def test_map_page_lists_places_over_several_pages(large_site):
    first = page(large_site, "/peta/")
    assert first.css(".map") and first.css(".place-list__item")
    assert hrefs(first, 'a[rel="next"]') == ["/peta/halaman/2/"]
    second = page(large_site, "/peta/halaman/2/")
    assert second.css(".place-list__item") and not second.css(".map")


def test_no_broken_link_or_anchor_on_a_large_site(large_site):
    problems = check_links(large_site)
    assert problems == [], "\n".join(problems[:20])
