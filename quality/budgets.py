"""Page budgets for readers on weak signal: the HTML and the stylesheet it
needs fit in one round trip (14 KB compressed), no render-blocking script,
no request to another host (map tiles excepted), and every image has alt,
width and height."""

import gzip

from .pages import SiteFiles, html_pages, is_same_site

FIRST_RENDER_BUDGET = 14 * 1024
# Hosts a page may load from (only map views may use tiles).


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
        report("first-render-budget", f"HTML + CSS {total:,} bita terkompresi, batas "
               f"{budget:,} bita")
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
    """Compressed bytes of a page and the same-site stylesheets it needs."""
    total = compressed_size(text.encode("utf-8"))
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


def _sheet_size(site, sheet):
    """Compressed size of a stylesheet, computed once per check of a site."""
    key = ("compressed", sheet)
    if key not in site.memo:
        site.memo[key] = compressed_size((site.root / sheet).read_bytes())
    return site.memo[key]
