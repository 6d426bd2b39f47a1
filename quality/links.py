"""Checks on a built site: every internal link and anchor must resolve.

Used by ``invoke build``/``publish`` (through ``quality.site``) before a new
build replaces the published one, and by the test suite.
"""

from urllib.parse import unquote, urlsplit

from selectolax.lexbor import LexborHTMLParser

from .pages import SiteFiles, naming_the_source

LINK_ATTRIBUTES = (("a", "href"), ("link", "href"), ("img", "src"), ("script", "src"),
                   ("source", "src"))


def page_link_problems(site, name, tree, siteurl=""):
    """Broken internal links and anchors on one page (Indonesian lines)."""
    siteurl = siteurl.rstrip("/")
    problems = []
    site.ids(name, tree)
    for tag, attribute in LINK_ATTRIBUTES:
        for node in tree.css(f"{tag}[{attribute}]"):
            url = node.attributes.get(attribute) or ""
            if siteurl and url.startswith(siteurl + "/"):
                url = url[len(siteurl):]
            parts = urlsplit(url)
            if parts.scheme or parts.netloc or url.startswith(("mailto:", "tel:")):
                continue
            path = unquote(parts.path)
            target = name if not path else site.resolve(name, path)
            if target is None or not site.exists(target):
                problems.append(f"{name}: tautan '{url}' menuju halaman yang tidak ada")
                continue
            if parts.fragment and target.endswith(".html"):
                if unquote(parts.fragment) not in site.ids(target):
                    problems.append(f"{name}: tautan '{url}' menuju jangkar "
                                    f"#{parts.fragment} yang tidak ada")
    return naming_the_source(problems, tree)


def check_links(output_dir, siteurl=""):
    """Return a list of Indonesian problem lines for broken internal links
    on every page, the web editor's included."""
    site = SiteFiles(output_dir)
    problems = []
    for name in site.html_names():
        problems += page_link_problems(site, name, LexborHTMLParser(site.text(name)), siteurl)
    return problems
