"""Which changes to a page make its search part be indexed again
(output/search.py indexed_text): only what Pagefind reads of the page. A
rebuild after a title edit changes the links on many pages; the parts of
pages whose indexed text is the same are linked from the previous build
(the byte-for-byte equality with a cold build is test_incremental's)."""

import pytest

from portal.output.search import indexed_text

PAGE = """<!doctype html><html lang="id"><head><title>{title}</title></head><body>
<nav><a href="/berita/a/">{neighbour}</a></nav>
<article class="article" data-pagefind-body><h1>{title}</h1>
<p data-pagefind-ignore>{meta}</p><article class="kartu">{inner}</article><p>{body}</p></article>
<aside><span data-pagefind-filter="kim:{kim}"></span>
<b data-pagefind-meta="pemilik:{kim}">x</b></aside>
</body></html>"""

BASE = {"title": "Judul", "neighbour": "Tetangga", "meta": "5 Desember", "inner": "Kartu",
        "body": "Isi berita.", "kim": "KIM Palae"}


def _text(**changed):
    return indexed_text(PAGE.format(**{**BASE, **changed}))


def test_a_change_outside_what_pagefind_reads_keeps_the_text():
    assert _text(neighbour="Tetangga baru") == _text()


@pytest.mark.parametrize("field", ["title", "meta", "inner", "body", "kim"])
def test_a_change_in_what_pagefind_reads_changes_the_text(field):
    # meta: inside the body, an ignored element is still compared (kept simple).
    assert _text(**{field: BASE[field] + " baru"}) != _text()


def test_the_language_is_compared():
    assert indexed_text(PAGE.format(**BASE).replace('lang="id"', 'lang="en"')) != _text()


@pytest.mark.parametrize("page", [
    "<html><body><main>tanpa penanda</main></body></html>",
    # a filter outside the body that takes its element's content
    "<html><body><article data-pagefind-body>a</article>"
    "<span data-pagefind-filter=\"kim\">KIM Palae</span></body></html>",
    "<html><body><article data-pagefind-body>terbuka<article>x</article></body></html>",
    "<html><body><article data-pagefind-body>a</article>"
    "<article data-pagefind-body>b</article></body></html>",
])
def test_a_page_it_cannot_read_for_sure_is_compared_whole(page):
    assert indexed_text(page) == page
