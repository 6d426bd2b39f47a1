"""Checks on a built site: every internal link and anchor must resolve.

Used by ``invoke publish`` before a new build replaces the published one,
and by the test suite.
"""

from pathlib import Path
from urllib.parse import unquote, urlsplit

from selectolax.lexbor import LexborHTMLParser as HTMLParser

from .pages import target_file

LINK_ATTRIBUTES = (("a", "href"), ("link", "href"), ("img", "src"), ("script", "src"),
                   ("source", "src"))


def check_links(output_dir, siteurl=""):
    """Return a list of Indonesian problem lines for broken internal links."""
    root = Path(output_dir)
    siteurl = siteurl.rstrip("/")
    ids_cache = {}
    problems = []

    def ids_of(path):
        if path not in ids_cache:
            tree = HTMLParser(path.read_text(encoding="utf-8"))
            ids_cache[path] = {node.attributes.get("id") for node in tree.css("[id]")}
        return ids_cache[path]

    for page in sorted(root.rglob("*.html")):
        tree = HTMLParser(page.read_text(encoding="utf-8"))
        ids_cache[page] = {node.attributes.get("id") for node in tree.css("[id]")}
        for tag, attribute in LINK_ATTRIBUTES:
            for node in tree.css(f"{tag}[{attribute}]"):
                url = node.attributes.get(attribute) or ""
                if siteurl and url.startswith(siteurl + "/"):
                    url = url[len(siteurl):]
                parts = urlsplit(url)
                if parts.scheme or parts.netloc or url.startswith(("mailto:", "tel:")):
                    continue
                where = page.relative_to(root).as_posix()
                path = unquote(parts.path)
                target = page if not path else target_file(root, page, path)
                if target is None or not target.is_file():
                    problems.append(f"{where}: tautan '{url}' menuju halaman yang tidak ada")
                    continue
                if parts.fragment and target.suffix == ".html":
                    if unquote(parts.fragment) not in ids_of(target):
                        problems.append(f"{where}: tautan '{url}' menuju jangkar "
                                        f"#{parts.fragment} yang tidak ada")
    return problems
