"""Search in a real browser: Pagefind index built with the site, queried
from /cari/ in Chromium, with Indonesian stemming and filters."""

import json
import re
from pathlib import Path
from urllib.parse import quote

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st


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
    """From 48em the header holds the box; on a phone its "Cari" button opens
    /cari/ with the cursor in the page's own box (the header's box would
    take a row of the first screen)."""
    page.set_viewport_size({"width": 1280, "height": 800})
    try:
        page.goto(served_site + "/kim/")
        page.fill("#cari-situs", "kelinci")
        page.press("#cari-situs", "Enter")
        page.locator("[data-search-status]", has_text="hasil").wait_for(timeout=15000)
        results = [a.get_attribute("href") for a in page.locator(".search__title a").all()]
        assert "/potensi/taman-kelinci/" in results
        assert page.locator("[data-search-nojs]").is_hidden()
        # /cari/ shows one search box, its own.
        assert page.locator("#cari-situs").is_hidden()
    finally:
        page.set_viewport_size({"width": 360, "height": 800})
    page.goto(served_site + "/kim/")
    assert page.locator("#cari-situs").is_hidden()
    page.get_by_role("button", name="Cari").click()
    page.wait_for_url("**/cari/**")
    page.keyboard.type("kelinci")
    page.keyboard.press("Enter")
    page.locator("[data-search-status]", has_text="hasil").wait_for(timeout=15000)
    results = [a.get_attribute("href") for a in page.locator(".search__title a").all()]
    assert "/potensi/taman-kelinci/" in results


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
    """The full content indexed in parts of five pages, served locally, as a
    large site: news older than a year before the newest (February 2024) in
    the archive tier."""
    from conftest import build, make_full_content, serving

    folder = tmp_path_factory.mktemp("bagian")
    output = folder / "output"
    result = build(make_full_content(folder / "content"), output,
                   overrides={"SEARCH_PART_SIZE": 5, "SEARCH_MAIN_PART_SIZE": 5,
                              "SEARCH_ARCHIVE_FROM": 10})
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
    everything = {url.split("/")[1] for url in search(page, base, "KIM")}
    assert everything >= {"kim", "berita"} and len(everything) >= 4


def test_only_the_first_part_of_each_tier_carries_pagefind_s_program(parted_site):
    """The searches above load pagefind.js and its WebAssembly from the first
    part of a tier only; no part keeps Pagefind's own interfaces or worker
    (search.drop_unused_program: some 690 KB and 11 files a part)."""
    output, _ = parted_site
    for entry in output.glob("pagefind*/pagefind-entry.json"):
        bundle = entry.parent
        files = {path.name for path in bundle.iterdir() if path.is_file()}
        program = {name for name in files
                   if name == "pagefind.js" or name.startswith("wasm.")}
        if bundle.name in ("pagefind", "pagefind-arsip"):
            assert {"pagefind.js", "wasm.id.pagefind"} <= program, bundle.name
        else:
            assert not program, bundle.name
        assert not any(name.startswith(("pagefind-ui", "pagefind-modular", "pagefind-component",
                                        "pagefind-highlight", "pagefind-worker"))
                       for name in files), bundle.name


def test_older_news_of_a_large_site_are_searched_when_the_reader_asks(page, parted_site):
    output, base = parted_site
    assert list(output.glob("pagefind-arsip*/pagefind-entry.json"))
    old = "/berita/pemeriksaan-kesehatan-kelinci-taman-kelinci/"  # June 2019
    first = search(page, base, "kelinci")
    assert "/potensi/taman-kelinci/" in first and old not in first
    offer = page.locator("[data-search-archive]")
    assert offer.is_visible() and "Berita sebelum Januari 2024" in offer.inner_text()
    offer.locator("button").click()
    page.locator(".search__group").wait_for(timeout=15000)
    # The archive's results come after the first ones are on the page (the
    # groups are there already): wait for the older article itself, or a
    # slow machine reads the list before they arrive (CI failed so once).
    page.locator(f'.search__title a[href="{old}"]').wait_for(timeout=15000)
    links = [a.get_attribute("href") for a in page.locator(".search__title a").all()]
    assert links[:len(first)] == first and old in links[len(first):]
    assert offer.is_hidden() and page.errors == []
    # The archive holds only news: a search for potensi is not offered it.
    search(page, base, "kelinci", jenis="Potensi")
    assert page.locator("[data-search-archive]").is_hidden()


def test_a_page_stays_in_its_search_part_when_others_are_added():
    from portal.output.search import plan

    pages = [f"berita/{number}/index.html" for number in range(1000)]
    before = plan({"utama": pages}, 300)
    after = plan({"utama": [*pages, "berita/baru/index.html"]}, 300)
    assert max(len(part) for part in before.values()) <= 300
    assert sorted(sum(before.values(), [])) == sorted(pages)
    changed = [name for name in before if before[name] != after[name]]
    assert len(changed) == 1 and "berita/baru/index.html" in after[changed[0]]


def test_the_main_tier_has_larger_parts_than_the_archive():
    """Every query searches every part of the main tier: its parts are
    larger (fewer bytes per query), the archive's smaller (faster to index
    again after an edit)."""
    from portal.output.search import MAIN_PART_FACTOR, part_sizes, plan

    sizes = part_sizes({"SEARCH_PART_SIZE": 100})
    assert sizes == {"utama": 100 * MAIN_PART_FACTOR, "arsip": 100} and MAIN_PART_FACTOR > 1
    assert part_sizes({"SEARCH_PART_SIZE": 100, "SEARCH_MAIN_PART_SIZE": 7})["utama"] == 7
    pages = [f"berita/{number}/index.html" for number in range(1000)]
    bundles = plan({"utama": pages, "arsip": pages}, {"utama": 400, "arsip": 100})
    main = [part for name, part in bundles.items() if not name.startswith("pagefind-arsip")]
    archive = [part for name, part in bundles.items() if name.startswith("pagefind-arsip")]
    assert max(map(len, main)) <= 400 < 1000 and len(main) < len(archive)
    assert max(map(len, archive)) <= 100
    assert sorted(sum(main, [])) == sorted(sum(archive, [])) == sorted(pages)


def fragments(site, bundle="pagefind"):
    """The index's stored text of every page: {url: Pagefind's fragment}."""
    import gzip

    found = {}
    for path in (Path(site) / bundle / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(path.read_bytes())
        fragment = json.loads(data[len(b"pagefind_dcd"):])
        found[fragment["url"]] = fragment
    return found


def test_block_ends_get_a_space_in_the_indexed_copy():
    from portal.output.search import spaced

    assert spaced("<dl><dt>Desa</dt><dd>Sungai Kapitan</dd></dl>") == \
        "<dl><dt>Desa</dt> <dd>Sungai Kapitan</dd> </dl>"
    assert spaced("<p>satu<br>dua</p>\n<p>tiga</p>") == "<p>satu<br> dua</p>\n<p>tiga</p>"
    # Inline elements stay as they are: "KIM<em>nya</em>" is one word.
    assert spaced("<p>KIM<em>nya</em></p>") == "<p>KIM<em>nya</em></p>"


def test_indexed_text_has_no_glued_words(full_site, page, served_site):
    """Every word of every page's indexed text (what result snippets are cut
    from) is a word the reader sees on that page: "DesaSungai" or
    "KategoriAgrowisata" would not be."""
    import re

    stored = fragments(full_site)
    assert {"/kim/palae/", "/potensi/taman-kelinci/"} <= stored.keys()
    glued = {}
    for url, fragment in sorted(stored.items()):
        page.goto(served_site + url)
        shown = page.locator("[data-pagefind-body]").inner_text()
        alts = " ".join(page.locator("[data-pagefind-body] img").evaluate_all(
            "images => images.map(image => image.alt)"))
        words = set(re.findall(r"\w+", shown + " " + alts))
        extra = set(re.findall(r"\w+", fragment["content"])) - words
        if extra:
            glued[url] = sorted(extra)
    assert glued == {}
    taman = stored["/potensi/taman-kelinci/"]["content"]
    assert "Kategori: Agrowisata. Wilayah: Desa Kumpai Batu Atas" in taman


KINDS = {"KIM", "Potensi", "Berita", "Cek Fakta", "Halaman"}


def test_every_result_shows_its_type_and_kecamatan(page, served_site):
    search(page, served_site, "kelinci")
    kinds = page.locator(".search__result .search__type").all_inner_texts()
    assert len(kinds) == page.locator(".search__result").count() > 2
    assert set(kinds) <= KINDS and {"KIM", "Potensi", "Berita"} <= set(kinds)
    taman = page.locator(".search__result", has=page.locator("a[href='/potensi/taman-kelinci/']"))
    assert taman.locator(".search__kind").inner_text() == "Potensi Kecamatan Arut Selatan"
    search(page, served_site, "rekaan", jenis="Cek Fakta")
    assert set(page.locator(".search__type").all_inner_texts()) == {"Cek Fakta"}
    # A static page belongs to no kecamatan: only its type.
    search(page, served_site, "hoaks", jenis="Halaman")
    assert set(page.locator(".search__kind").all_inner_texts()) == {"Halaman"}


def test_the_first_result_shows_before_the_others_arrive(page, served_site):
    """Every result text but the first one the page asks for is held back
    (in the browser, so the order is the page's: the best result first)
    until the first result is on screen."""
    held = []

    def hold(route):
        if done:
            held.append(route)
        else:
            done.append(route.request.url)
            route.continue_()

    done = []
    page.route("**/fragment/**", hold)
    try:
        page.goto(f"{served_site}/cari/?q=kelinci")
        page.locator(".search__title a").first.wait_for(timeout=15000)
        assert page.locator(".search__result").count() == 1
        assert page.locator("[data-search-status]").inner_text() == "Mencari…"
        assert len(held) > 1
        for route in held:
            route.continue_()
        page.locator("[data-search-status]", has_text="hasil").wait_for(timeout=15000)
        assert page.locator(".search__result").count() == len(held) + 1
    finally:
        page.unroute("**/fragment/**")  # the page is shared with the next tests


def test_search_loads_no_worker_and_preloads_what_it_needs(page, served_site):
    """The WebAssembly and the index's entry are asked for at once, and taken
    by Pagefind from those preloads: each is downloaded once."""
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    search(page, served_site, "kelinci")
    files = [url.split("/pagefind/")[1].split("?")[0] for url in requested
             if "/pagefind/" in url]
    assert files.count("wasm.id.pagefind") == 1
    assert files.count("pagefind-entry.json") == 1
    assert "pagefind-worker.js" not in files


def test_every_page_kind_the_search_finds_is_offered_as_a_filter(full_site):
    """Each indexed page names its kind (jenis) from one list, and /cari/
    offers exactly that list: a new content type cannot be unfilterable."""
    import re

    from portal.output.search import PAGE_KINDS

    named = set()
    for path in Path(full_site).rglob("*.html"):
        named |= set(re.findall(r'data-pagefind-filter="jenis:([^"]+)"',
                                path.read_text(encoding="utf-8")))
    assert named <= set(PAGE_KINDS), named - set(PAGE_KINDS)
    assert {"Agenda", "Video", "Dokumen", "KIM", "Berita"} <= named
    cari = (Path(full_site) / "cari" / "index.html").read_text(encoding="utf-8")
    offered = re.findall(r"<option>([^<]+)</option>", cari.split('id="cari-jenis"')[1]
                         .split("</select>")[0])
    assert offered == list(PAGE_KINDS)


def test_block_ends_read_as_sentences_in_the_indexed_copy():
    from portal.output.search import punctuated

    assert punctuated('<dl><dt>Desa</dt><dd><a href="/k/">Kumai</a></dd></dl>') == \
        '<dl><dt>Desa:</dt><dd><a href="/k/">Kumai.</a></dd></dl>'
    # Whitespace before the end tag hid the last letter from Pagefind's own rule.
    assert punctuated("<li>\nSindonews, 3 September 2018    </li>") == \
        "<li>\nSindonews, 3 September 2018.    </li>"
    assert punctuated("<p>“pesan berantai”</p>") == "<p>“pesan berantai”.</p>"
    # Ended already, or no text of its own: as it was.
    for html in ("<p>Apa itu?</p>", "<dt>Catatan:</dt>", "<p>Satu.</p>\n<p>Dua!</p>",
                 '<div class="badge"><svg></svg></div>', "<ul><li>A.</li></ul>"):
        assert punctuated(html) == html
    # Headings are ended by Pagefind, which takes their text as titles: only
    # the whitespace that would hide their last letter goes.
    assert punctuated("<h1>KIM Palae</h1>") == "<h1>KIM Palae</h1>"
    assert punctuated("<h2>Kontak\n  </h2><p>Isi</p>") == "<h2>Kontak</h2><p>Isi.</p>"



# The rule punctuated() follows, as the two regular expressions it was first
# written with (slow: the second tried a match at every letter of a page).
_SENTENCE_RULE = re.compile(
    r"([\w)\]”’\"'])((?:\s*</(?:a|abbr|b|bdi|cite|code|data|em|i|mark|q|s|small|span"
    r"|strong|sub|sup|time|u)>)*\s*</(address|article|aside|blockquote|caption|dd|div|dl|dt"
    r"|figcaption|figure|footer|header|li|nav|ol|p|section|summary|table|td|th|tr|ul)>)",
    re.IGNORECASE)
_HEADING_RULE = re.compile(r"\s+(?=</h[1-6]>)", re.IGNORECASE)
_PIECES = ["x", "É", "7", "_", ")", "]", "”", "’", '"', "'", ".", "?", ">", "<", " ", "\n",
           "\xa0", "\t", "\u2028", "\x1c", "\x85", "\u3000", "ſ", "K", "İ", "ı", "</p>", "</P>",
           "</dt>", "</Dt>", "</li>", "</h2>", "</H3>", "</a>", "</SPAN>", "</em>", "</ſ>",
           "</ſection>", "<p>", "<dt>", "<a href='/'>", "</pre>", "</b >", "</", "</h7>", "<</p>"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40))
def test_block_ends_are_punctuated_as_the_rule_says(pieces):
    from portal.output.search import punctuated

    html = "".join(pieces)
    expected = _SENTENCE_RULE.sub(
        lambda m: m[1] + (":" if m[3].lower() == "dt" else ".") + m[2],
        _HEADING_RULE.sub("", html))
    assert punctuated(html) == expected

# A date as the byline writes it: "Senin, 3 September 2018".
BYLINE_DATE = r"(Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu), \d{1,2} \w+ \d{4}"


def test_indexed_text_has_no_byline_and_keeps_headings_apart(full_site):
    """News are indexed without their date and byline lines; every heading,
    fact and list item ends as a sentence, so no snippet runs one into the
    next; the titles Pagefind takes from the headings gain no full stop."""
    import re

    stored = fragments(full_site)
    news = {url: fragment["content"] for url, fragment in stored.items()
            if url.startswith(("/berita/", "/galeri/", "/video/"))}
    assert len(news) > 20
    for url, content in news.items():
        assert not re.search(BYLINE_DATE, content), url
        assert not re.search(r"Diterbitkan ulang|Diperbarui|Penulis:", content), url
    # Still found by their words and their KIM.
    assert "Paragraf pertama berita rekaan" in news["/berita/berita-contoh-kegiatan-kim/"]
    assert "KIM Contoh Satu" in news["/galeri/rapat-anggota-contoh/"]
    assert "KIM Palae. Desa: Sungai Kapitan. Kecamatan: Kumai. Dibentuk: September 2018." in \
        stored["/kim/palae/"]["content"]
    assert "Sumber. Sindonews, 3 September 2018. Tag. KIM." in \
        news["/berita/kobar-rencanakan-lima-kim/"]
    for url, fragment in stored.items():
        words = fragment["content"].split(" ")
        title = " ".join(fragment["meta"]["title"].split())  # its &nbsp; as a space
        assert not title.endswith("."), url
        assert fragment["content"].startswith(title) and \
            fragment["content"][len(title)] in ".:?!", url
        for anchor in fragment["anchors"]:
            last = words[anchor["location"] + len(anchor["text"].split()) - 1]
            assert last[-1] in ".:?!", (url, anchor["text"], last)


def excerpts(page):
    """Each result's excerpt on the page: (url, its text, its marks' texts
    each with the character after it)."""
    return page.locator(".search__result").evaluate_all("""items => items.map(item => [
        item.querySelector(".search__title a").getAttribute("href"),
        item.querySelector(".search__excerpt").textContent,
        [...item.querySelectorAll(".search__excerpt mark")].map(mark => [mark.textContent,
            (mark.nextSibling?.textContent || "").slice(0, 1)])])""")


@pytest.mark.parametrize("query", ["kelinci", "desa", "Sungai Kapitan", "Rabu"])
def test_excerpts_start_at_a_sentence_and_mark_words_only(full_site, page, served_site, query):
    """An excerpt is the page's text from a sentence's start (or "… " where
    it starts mid-sentence) to a sentence's end (or " …"), without the date
    line, and its marks hold words without their punctuation."""
    import re

    stored = fragments(full_site)
    search(page, served_site, query)
    shown = excerpts(page)
    assert shown or query == "Rabu"
    starts = []
    for url, text, marks in shown:
        content = stored[url]["content"]
        body = text.removeprefix("… ").removesuffix(" …")
        assert body and body in content, (url, text)
        at = content.index(body)
        starts.append(at)
        if not text.startswith("… "):
            assert at == 0 or re.search(r"[.!?…][”’\"')\]]* $", content[:at]), (url, text)
        if not text.endswith(" …"):
            assert at + len(body) == len(content) or \
                re.search(r"[.!?…][”’\"')\]]*$", body), (url, text)
        if url.startswith(("/berita/", "/galeri/", "/video/")):
            assert not re.search(BYLINE_DATE, text), (url, text)
        assert marks, (url, text)
        for mark, _ in marks:
            assert re.fullmatch(r"\w(.*\w)?", mark), (url, mark)
    if query == "kelinci":
        # Pages matched far from their start; and words that Pagefind marked
        # with their punctuation ("Kelinci." "kelinci:"), marked without it.
        assert max(starts) > 0
        assert {after for _, _, marks in shown for _, after in marks} & set(".,:;)")
    if query == "Rabu":
        # The weekday of a news item's date is no longer found: only body text.
        assert not any(url.startswith("/berita/pengumuman-uji-") for url, _, _ in shown)
