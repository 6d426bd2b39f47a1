"""Shared helpers for checks that walk the built HTML pages."""

from pathlib import Path
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser


def html_pages(output_dir):
    """Yield (relative name, parsed tree, raw text) for every HTML file."""
    root = Path(output_dir)
    for path in sorted(root.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        yield path.relative_to(root).as_posix(), LexborHTMLParser(text), text


def is_same_site(url, siteurl=""):
    """True for relative URLs and for absolute URLs under `siteurl`."""
    if siteurl and url.startswith(siteurl.rstrip("/") + "/"):
        return True
    parts = urlsplit(url)
    return not parts.scheme and not parts.netloc
