"""Page budgets for readers on weak signal: the HTML and the stylesheets it
needs fit in one round trip (14 KB compressed), no render-blocking script,
no request to another host (map tiles excepted), and every image has alt,
width and height.

The first render is measured without the editor's own text: the theme marks
the elements holding it with ``data-editor-text`` (the body of an article,
page, KIM, potensi, activity, video, document or album, and an album photo's
caption), and their content is left out. Only that text may make a page
longer; everything the theme repeats (lists, photos, related items) it caps,
so a page over the budget is a theme problem, reported as one
(``halaman-melebihi-batas``), never an editor's. The element holding the
page's own content names its file with ``data-source`` (relative to the
content folder), so that the report says which content the page shows.
"""

import gzip

from portal.model.messages import say

from .pages import SiteFiles, content_source, html_pages, is_same_site

FIRST_RENDER_BUDGET = 14 * 1024
EDITOR_TEXT = "[data-editor-text]"


def compressed_size(data):
    # mtime=0: the size must not depend on the clock.
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def check_budgets(output_dir, siteurl="", budget=FIRST_RENDER_BUDGET, policy=None):
    site = SiteFiles(output_dir)
    problems = []
    for name, tree, text in html_pages(output_dir, site):
        problems += page_budget_problems(site, name, tree, text, siteurl, budget, policy)
    return problems


def page_budget_problems(site, name, tree, text, siteurl="", budget=FIRST_RENDER_BUDGET,
                         policy=None):
    """`policy` (portal's PagePolicy) names the other hosts a page may load
    from; without one, none."""
    allowed = policy.third_party_origins if policy else ()
    problems = []

    def report(rule, detail):
        problems.append(f"{name}: [{rule}] {detail}")

    for link in tree.css('link[rel="stylesheet"]'):
        href = link.attributes.get("href") or ""
        if not is_same_site(href, siteurl):
            report("third-party", f"stylesheet dari situs lain: {href}")
    total = first_render_size(site, name, tree, text, siteurl)
    if total > budget:
        problems.append(over_budget(name, tree, total, budget))
    for script in tree.css("head script[src]"):
        attributes = script.attributes
        if "defer" not in attributes and "async" not in attributes and \
                attributes.get("type") != "module":
            report("render-blocking-script", f"skrip {attributes.get('src')} "
                   "menghambat tampilan (tambahkan defer)")
    for selector, attribute in (("img", "src"), ("script", "src"), ("link", "href"),
                                ("source", "src"), ("iframe", "src"), ("video", "src"),
                                ("audio", "src")):
        for node in tree.css(f"{selector}[{attribute}]"):
            if selector == "link" and node.attributes.get("rel") in (
                    "alternate", "canonical"):
                continue
            url = node.attributes.get(attribute) or ""
            if not is_same_site(url, siteurl) and not any(
                    url.startswith(host + "/") for host in allowed):
                report("third-party", f"<{selector}> memuat dari situs lain: {url}")
    for image in tree.css("img"):
        attributes = image.attributes
        src = attributes.get("src")
        for required in ("alt", "width", "height"):
            if required not in attributes:
                report("image-" + required, f"gambar {src} tanpa atribut {required}")
    return problems


def first_render_size(site, name, tree, text, siteurl=""):
    """Compressed bytes of a page without the editor's own text, and of the
    same-site stylesheets it links."""
    total = compressed_size(without_editor_text(tree, text).encode("utf-8"))
    for link in tree.css('link[rel="stylesheet"]'):
        href = link.attributes.get("href") or ""
        if not is_same_site(href, siteurl):
            continue
        if siteurl and href.startswith(siteurl):
            href = href[len(siteurl.rstrip("/")):]
        sheet = site.resolve(name, href.split("#")[0].split("?")[0])
        if sheet is not None and site.exists(sheet):
            total += _sheet_size(site, sheet)
    return total


def without_editor_text(tree, text):
    """The page `text` (parsed as `tree`) with the content of every element
    marked as the editor's text left out; `text` itself when there is none
    (the serialised tree differs from the file by a few bytes)."""
    if not tree.css_matches(EDITOR_TEXT):
        return text
    copy = tree.clone()
    for node in copy.css(EDITOR_TEXT):
        node.inner_html = ""
    return copy.html


def over_budget(name, tree, total, budget):
    """The problem line of a page over the budget: its address, the content
    file it shows (when it shows one), and whose problem it is."""
    source = content_source(tree)
    address = "/" + name.removesuffix("index.html")
    return say("halaman-melebihi-batas", page=address,
               source=f" (dari content/{source})" if source else "",
               size=_number(total), limit=_number(budget))


def _number(value):
    """12,345 as Indonesian writes it: 12.345."""
    return f"{value:,}".replace(",", ".")


def _sheet_size(site, sheet):
    """Compressed size of a stylesheet, computed once per check of a site."""
    key = ("compressed", sheet)
    if key not in site.memo:
        site.memo[key] = compressed_size((site.root / sheet).read_bytes())
    return site.memo[key]
