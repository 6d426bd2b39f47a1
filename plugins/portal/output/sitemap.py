"""sitemap.xml and robots.txt, written from the finished output so that
every page the build wrote (and only those) is listed."""

import os
from pathlib import Path
from xml.sax.saxutils import escape

MAX_URLS = 50_000  # the sitemap protocol's limit per file
EXCLUDED = ("404.html",)
# Drafts (shown by development builds only) and the editors' web editor
# are not pages for readers.
EXCLUDED_PREFIXES = ("draf/", "admin/")


def page_paths(output_dir, unlisted=()):
    """The pages' paths in the output ("kim/palae/"), but for `unlisted`
    output files ("kim/palae/poster/index.html")."""
    root = os.path.normpath(output_dir)
    paths = []
    # os.walk and strings, not Path.rglob: tens of thousands of folders.
    for folder, _, names in os.walk(root):
        if "index.html" not in names:
            continue
        inside = folder[len(root) + 1:].replace(os.sep, "/")
        relative = f"{inside}/index.html" if inside else "index.html"
        if relative.startswith(EXCLUDED_PREFIXES) or relative in EXCLUDED or \
                relative in unlisted:
            continue
        paths.append(relative[: -len("index.html")])
    return sorted(paths)


def _urlset(urls):
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    lines += [f"<url><loc>{escape(url)}</loc></url>" for url in urls]
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def write(output_dir, base_url, unlisted=()):
    root = Path(output_dir)
    base = base_url.rstrip("/")
    urls = [f"{base}/{path}" for path in page_paths(root, unlisted)]
    chunks = [urls[i:i + MAX_URLS] for i in range(0, len(urls), MAX_URLS)] or [[]]
    if len(chunks) == 1:
        (root / "sitemap.xml").write_text(_urlset(chunks[0]), encoding="utf-8")
    else:
        index = ['<?xml version="1.0" encoding="UTF-8"?>',
                 '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
        for number, chunk in enumerate(chunks, start=1):
            name = f"sitemap-{number}.xml"
            (root / name).write_text(_urlset(chunk), encoding="utf-8")
            index.append(f"<sitemap><loc>{escape(base)}/{name}</loc></sitemap>")
        index.append("</sitemapindex>")
        (root / "sitemap.xml").write_text("\n".join(index) + "\n", encoding="utf-8")
    (root / "robots.txt").write_text(
        # Drafts are not named: the production build publishes none, and
        # the development build marks each one noindex.
        "User-agent: *\nAllow: /\nDisallow: /admin/\n\n"
        f"Sitemap: {base}/sitemap.xml\n",
        encoding="utf-8")
