"""Quality gates over every page of the built site, and proof that each gate
catches what it is there to catch."""

import re
from pathlib import Path

import feedparser
import pytest

from portal.intake import sanitize
from portal.model.messages import say
from quality import budgets, links, security, vnu


@pytest.fixture
def requires_vnu():
    assert vnu.available(), "vnu.jar or Java missing: run scripts/install-test-tools.sh"


# -- the real site -------------------------------------------------------------

@pytest.mark.parametrize("gate", [vnu.check_html, links.check_links, security.check_security,
                                  budgets.check_budgets],
                         ids=["nu-html-checker-errors", "broken-internal-links-or-anchors",
                              "security-rules", "budgets"])
def test_every_page_passes_each_gate(request, full_site, gate):
    if gate is vnu.check_html:
        # The checker needs Java and vnu.jar: say so, not a checker's crash.
        request.getfixturevalue("requires_vnu")
    problems = gate(full_site)
    assert problems == [], "\n".join(problems)


def test_feeds_point_only_at_pages_that_exist(full_site):
    feeds = list(Path(full_site).glob("feeds/**/*.xml"))
    assert feeds
    for feed in feeds:
        for entry in feedparser.parse(feed.read_bytes()).entries:
            path = re.sub(r"^https?://[^/]+", "", entry.link)
            assert (Path(full_site) / path.lstrip("/") / "index.html").is_file(), \
                f"{feed.name}: {entry.link}"


def test_external_links_in_content_get_noopener(full_site):
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser((Path(full_site) / "kim" / "contoh-satu" / "index.html").read_text())
    external = [a for a in tree.css("a[href]")
                if a.attributes["href"].startswith(("http://", "https://"))
                and not a.attributes["href"].startswith("http://localhost:8000/")]
    # The profile's website and the operator's links in the footer, at least.
    assert len(external) >= 2
    for link in external:
        assert "noopener" in (link.attributes.get("rel") or "").split(), link.html


# -- each gate catches a broken page -------------------------------------------

GOOD_HEAD = ('<!doctype html><html lang="id"><head><meta charset="utf-8">'
             '<meta http-equiv="Content-Security-Policy" content="default-src \'self\'">'
             '<title>Uji</title></head><body>')


def write(tmp_path, name, body):
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(GOOD_HEAD + body + "</body></html>", encoding="utf-8")


@pytest.mark.usefixtures("requires_vnu")
def test_nu_checker_names_the_page_and_the_error(tmp_path):
    write(tmp_path, "rusak/index.html", "<p><div>blok di dalam paragraf</p></span>")
    problems = vnu.check_html(tmp_path)
    assert problems and all(p.startswith("rusak/index.html:") for p in problems)
    assert any("[html]" in p for p in problems)


def test_security_gate_names_page_and_rule(tmp_path):
    write(tmp_path, "a.html", '<p style="color:red" onclick="x()">x</p><script>1</script>'
          '<a href="javascript:alert(1)">j</a><a href="https://contoh.test/">luar</a>')
    (tmp_path / "b.html").write_text("<!doctype html><title>x</title><style>p{}</style>")
    problems = "\n".join(security.check_security(tmp_path))
    for expected in ("a.html: [inline-style]", "a.html: [event-handler] atribut onclick",
                     "a.html: [inline-script]", "a.html: [javascript-url]",
                     "a.html: [noopener] tautan ke https://contoh.test/",
                     "b.html: [csp]", "b.html: [inline-style] elemen <style>"):
        assert expected in problems


def test_budget_gate_names_page_and_rule(tmp_path):
    import os

    write(tmp_path, "gambar.html", '<img src="/x.png"><img src="https://cdn.contoh.test/y.png" '
          'alt="y" width="1" height="1">')
    write(tmp_path, "berat.html", "<p>" + os.urandom(20000).hex() + "</p>")
    (tmp_path / "skrip.html").write_text(
        GOOD_HEAD.replace("</head>", '<script src="/app.js"></script></head>'))
    problems = "\n".join(budgets.check_budgets(tmp_path))
    for expected in ("gambar.html: [image-alt] gambar /x.png tanpa atribut alt",
                     "gambar.html: [image-width]", "gambar.html: [image-height]",
                     "gambar.html: [third-party] <img> memuat dari situs lain",
                     "Halaman /berat.html melebihi batas tampilan pertama",
                     "skrip.html: [render-blocking-script] skrip /app.js"):
        assert expected in problems


def test_the_first_render_counts_every_stylesheet_the_page_links(tmp_path):
    """A reader needs the sheets before anything shows: their compressed bytes
    are in the first render's total, found by an absolute path, a relative one
    or the site's own address (with a query or a fragment); a sheet from
    another host is not (it is reported as third-party instead)."""
    import os

    from selectolax.lexbor import LexborHTMLParser

    from quality.pages import SiteFiles

    siteurl = "https://kim.contoh.id/portal"
    # Random hex: a sheet that compresses badly, as a large one does.
    sheets = {name: os.urandom(6000).hex().encode() for name in ("a", "b", "c")}
    for name, data in sheets.items():
        (tmp_path / "gaya").mkdir(exist_ok=True)
        (tmp_path / "gaya" / f"{name}.css").write_bytes(data)
    links = ('<link rel="stylesheet" href="/gaya/a.css?v=1">'
             '<link rel="stylesheet" href="../gaya/b.css#x">'
             f'<link rel="stylesheet" href="{siteurl}/gaya/c.css">'
             '<link rel="stylesheet" href="https://cdn.contoh.test/gaya/d.css">')
    write(tmp_path, "berita/index.html", "<p>Isi.</p>")
    page = (tmp_path / "berita" / "index.html").read_text(encoding="utf-8").replace(
        "</head>", links + "</head>")
    (tmp_path / "berita" / "index.html").write_text(page, encoding="utf-8")
    alone = budgets.compressed_size(page.encode("utf-8"))
    sheets_size = sum(budgets.compressed_size(data) for data in sheets.values())
    measured = budgets.first_render_size(SiteFiles(tmp_path), "berita/index.html",
                                         LexborHTMLParser(page), page, siteurl)
    assert measured == alone + sheets_size
    # The page alone is far within the budget; its sheets take it over.
    assert alone < budgets.FIRST_RENDER_BUDGET < alone + sheets_size
    problems = budgets.check_budgets(tmp_path, siteurl)
    assert say("halaman-melebihi-batas", page="/berita/", source="",
               size=f"{measured:,}".replace(",", "."),
               limit=f"{budgets.FIRST_RENDER_BUDGET:,}".replace(",", ".")) in problems, problems
    assert any("[third-party] stylesheet dari situs lain: https://cdn.contoh.test/" in line
               for line in problems), problems


def test_the_last_line_of_defence_names_the_content_file(tmp_path):
    """A page that shows one entry names its file in every problem the
    output checks find on it (the theme's data-source), so the report leads
    to the content, not only to the built page."""
    from quality.site import check_site

    write(tmp_path, "berita/x/index.html",
          '<article data-source="berita/2026-01-02-x.md"><a href="/tidak-ada/">t</a>'
          '<p style="color:red">x</p></article>')
    write(tmp_path, "daftar/index.html", '<a href="/tidak-ada/">t</a>')
    problems = check_site(tmp_path)
    named = [line for line in problems if line.startswith("berita/x/index.html")]
    assert len(named) >= 2
    assert all(line.endswith("(halaman dari content/berita/2026-01-02-x.md)") for line in named)
    assert [line for line in problems if line.startswith("daftar/")] == [
        "daftar/index.html: tautan '/tidak-ada/' menuju halaman yang tidak ada"]


# -- raw HTML in content -------------------------------------------------------

def test_sanitiser_removes_script_handlers_javascript_links_and_iframes():
    dirty = ('<p>Halo<script>alert(1)</script><img src="a.png" alt="a" onerror="alert(2)">'
             '<a href="javascript:alert(3)">klik</a><iframe src="https://contoh.test/"></iframe>'
             '<span style="color:red">merah</span><a href="https://contoh.test/">luar</a></p>')
    clean = sanitize.clean(dirty)
    assert "<script" not in clean and "alert(1)" not in clean
    assert "onerror" not in clean
    assert "javascript:" not in clean
    assert "<iframe" not in clean
    assert "style=" not in clean
    assert '<a href="https://contoh.test/" rel="noopener">luar</a>' in clean
    assert '<img src="a.png" alt="a">' in clean


def test_sanitiser_removes_data_links_and_every_event_handler():
    """Validation names javascript: links and handlers to the editor; a data:
    link (a whole page in an address) it leaves to the sanitiser, which keeps
    only http, https, mailto and tel, and drops any on...= attribute."""
    dirty = ('<p><a href="data:text/html;base64,PHNjcmlwdD4=">data</a>'
             '<a href=" DATA:text/html,x">data2</a><img src="data:image/svg+xml,x" alt="d">'
             '<a href="mailto:a@contoh.id" onmouseover="x()">surel</a>'
             '<b onclick="x()" onfocus="x()">tebal</b></p>')
    clean = sanitize.clean(dirty).lower()
    assert "data:" not in clean
    assert not re.search(r"\son[a-z]+=", clean), clean
    assert '<a href="mailto:a@contoh.id" rel="noopener">surel</a>' in clean
    assert "<b>tebal</b>" in clean


def test_sanitiser_keeps_what_markdown_writes():
    html = ('<h2 id="a">Judul</h2><p><strong>b</strong> <em>i</em> <code>c</code> '
            '<a href="{filename}/berita/x.md">tautan</a></p><table><thead><tr><th>h</th></tr>'
            '</thead><tbody><tr><td>d</td></tr></tbody></table><blockquote><p>q</p></blockquote>')
    clean = sanitize.clean(html)
    for fragment in ('<h2 id="a">', "<strong>b</strong>", "<code>c</code>",
                     'href="{filename}/berita/x.md"', "<td>d</td>", "<blockquote>"):
        assert fragment in clean


def test_raw_html_in_content_is_sanitised_in_the_built_page(tmp_path):
    from conftest import build, fixture_content_with

    content = fixture_content_with(tmp_path, {"halaman/html-mentah.md": (
        "---\ntitle: HTML mentah\nslug: html-mentah\n---\n\n"
        '<table class="x"><tr><td>sel</td></tr></table>\n\n<div><form-x>aneh</form-x>'
        '<span data-x="1">teks</span></div>\n')})
    result = build(content, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "out" / "html-mentah" / "index.html").read_text()
    assert '<td>sel</td>' in html
    assert "form-x" not in html and "data-x" not in html


def test_images_in_content_get_width_height_and_lazy_loading(full_site):
    html = (Path(full_site) / "kim" / "contoh-dua" / "index.html").read_text()
    # The content's images (the theme's logo has its own size).
    images = re.findall(r'<img [^>]*src="/images/[^>]+>', html)
    assert images
    for tag in images:
        assert 'width="8"' in tag and 'height="8"' in tag, tag
    body = re.findall(r'<div class="prose"[^>]*>.*?</div>', html, re.S)[0]
    assert 'loading="lazy"' in body
