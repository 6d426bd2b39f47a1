"""Shared helpers for checks that walk the built HTML pages."""

import posixpath
from pathlib import Path
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser

# The web editor at /admin/ is a tool for editors, not a page for readers:
# its third-party bundle needs inline styles and script evaluation, so the
# readers' rules (CSP without 'unsafe-inline', page budgets) do not apply.
EDITOR_PREFIXES = ("admin/",)


def is_reader_page(name):
    return not name.startswith(EDITOR_PREFIXES)


def content_source(tree):
    """The content file a page shows (``berita/x.md``, from the theme's
    ``data-source``), or None for a page that shows no one entry: the
    output checks name it, so an editor knows which file the page comes
    from."""
    node = tree.css_first("[data-source]")
    return node.attributes.get("data-source") if node is not None else None


def naming_the_source(problems, tree):
    """`problems` of one page, each naming the content file it shows."""
    source = content_source(tree)
    return [f"{problem} (halaman dari content/{source})" for problem in problems] \
        if source else problems


def html_pages(output_dir, site=None):
    """Yield (relative name, parsed tree, raw text) for every reader page."""
    site = site or SiteFiles(output_dir)
    for name in site.html_names():
        if is_reader_page(name):
            text = site.text(name)
            yield name, LexborHTMLParser(text), text


def is_same_site(url, siteurl=""):
    """True for relative URLs and for absolute URLs under `siteurl`."""
    if siteurl and url.startswith(siteurl.rstrip("/") + "/"):
        return True
    parts = urlsplit(url)
    return not parts.scheme and not parts.netloc


class SiteFiles:
    """The files of a built site, listed once. URL paths are resolved to
    files by string arithmetic against that list: a site of 20,000 pages
    has millions of links, too many to ask the file system about each."""

    def __init__(self, output_dir):
        self.root = Path(output_dir)
        self.files = set()
        self.folders = {""}
        for path in self.root.rglob("*"):
            name = path.relative_to(self.root).as_posix()
            (self.folders if path.is_dir() else self.files).add(name)
        self._ids = {}
        # Values a check derives once per site (e.g. a stylesheet's size).
        self.memo = {}

    def html_names(self):
        return sorted(name for name in self.files if name.endswith(".html"))

    def text(self, name):
        return (self.root / name).read_text(encoding="utf-8")

    def resolve(self, page, path):
        """The file (relative name) a URL path on `page` points to, or None
        when it points outside the site; the file may not exist."""
        if path.startswith("/"):
            joined = path.lstrip("/")
        else:
            joined = posixpath.join(posixpath.dirname(page), path)
        name = posixpath.normpath(joined) if joined else ""
        if name == "." or not joined:
            name = ""
        if name == ".." or name.startswith("../"):
            return None
        if path.endswith("/") or name in self.folders:
            name = posixpath.join(name, "index.html") if name else "index.html"
        return name

    def exists(self, name):
        return name in self.files

    def ids(self, name, tree=None):
        """The element ids of an HTML page (parsed once, when first asked)."""
        if name not in self._ids:
            tree = tree or LexborHTMLParser(self.text(name))
            self._ids[name] = {node.attributes.get("id") for node in tree.css("[id]")}
        return self._ids[name]

