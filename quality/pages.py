"""Shared helpers for checks that walk the built HTML pages."""

from pathlib import Path
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser

# The web editor at /admin/ is a tool for editors, not a page for readers:
# its third-party bundle needs inline styles and script evaluation, so the
# readers' rules (CSP without 'unsafe-inline', page budgets) do not apply.
EDITOR_PREFIXES = ("admin/",)


def html_pages(output_dir):
    """Yield (relative name, parsed tree, raw text) for every reader page."""
    root = Path(output_dir)
    for path in sorted(root.rglob("*.html")):
        if path.relative_to(root).as_posix().startswith(EDITOR_PREFIXES):
            continue
        text = path.read_text(encoding="utf-8")
        yield path.relative_to(root).as_posix(), LexborHTMLParser(text), text


def is_same_site(url, siteurl=""):
    """True for relative URLs and for absolute URLs under `siteurl`."""
    if siteurl and url.startswith(siteurl.rstrip("/") + "/"):
        return True
    parts = urlsplit(url)
    return not parts.scheme and not parts.netloc


def target_file(root, page, path):
    """The file a URL path points to, or None when it cannot exist."""
    if path.startswith("/"):
        candidate = root / path.lstrip("/")
    else:
        candidate = page.parent / path
    if path.endswith("/") or candidate.is_dir():
        candidate = candidate / "index.html"
    try:
        candidate.resolve().relative_to(root.resolve())
    except ValueError:
        return None
    return candidate
