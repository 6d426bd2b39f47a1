"""How many bytes a reader's browser downloads from the search index for one
query on /cari/ (Pagefind's script, WebAssembly, index and filter chunks and
the fragments of the results shown), measured in Chromium.

    [BENCH_LIST_FILES=1] .venv/bin/python bench/search_transfer.py OUTPUT_DIR SITEURL [QUERY ...]

The site is served to the browser from OUTPUT_DIR under its own address
(SITEURL, as it was built), so absolute links work without a network.
"""

import gzip
import mimetypes
import os
import sys
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

CHROMIUM = os.environ.get("PORTAL_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu"]
mimetypes.add_type("application/wasm", ".wasm")


def search_transfer(output_dir, siteurl, queries=("kelinci", "desa")):
    """{query: (bytes downloaded from the search bundles, the same bytes as a
    server compressing with gzip sends them, the status line, the bytes of
    index among them)}. Pagefind's index files (entry, metadata, word and
    filter chunks, result fragments) are gzip already; its program (scripts
    and WebAssembly, the same for every site and cached after the first
    search) is not."""
    from playwright.sync_api import sync_playwright

    root = Path(output_dir)
    siteurl = siteurl.rstrip("/")
    base_path = urlsplit(siteurl).path

    def serve(route, loaded):
        path = unquote(urlsplit(route.request.url).path)[len(base_path):].lstrip("/")
        target = root / path
        if target.is_dir() or not path:
            target = target / "index.html"
        if not target.is_file():
            route.fulfill(status=404, body="")
            return
        body = target.read_bytes()
        if path.startswith("pagefind"):
            loaded.append((len(body), len(gzip.compress(body, 9, mtime=0)),
                           is_index_file(path)))
            if os.environ.get("BENCH_LIST_FILES"):
                print(f"  {len(body):>9,} {path}")
        route.fulfill(status=200, body=body,
                      content_type=mimetypes.guess_type(target.name)[0] or "text/html")

    sizes = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for query in queries:
            # A new context each time: nothing comes from the browser's cache.
            context = browser.new_context()
            loaded = []
            context.route(siteurl + "/**", lambda route, _request, loaded=loaded:
                          serve(route, loaded))
            tab = context.new_page()
            tab.goto(f"{siteurl}/cari/?q={quote(query)}")
            status = tab.locator("[data-search-status]", has_text="hasil")
            status.wait_for(timeout=60000)
            tab.wait_for_load_state("networkidle")
            sizes[query] = (sum(raw for raw, _, _ in loaded),
                            sum(packed for _, packed, _ in loaded), status.inner_text(),
                            sum(raw for raw, _, index in loaded if index))
            context.close()
        browser.close()
    return sizes


def is_index_file(path):
    """A file of the index proper rather than Pagefind's program."""
    name = path.rsplit("/", 1)[-1]
    return (name == "pagefind-entry.json" or name.endswith(".pf_meta")
            or any(f"/{folder}/" in path for folder in ("index", "filter", "fragment")))


if __name__ == "__main__":
    queries = tuple(sys.argv[3:]) or ("kelinci", "desa")
    for query, (raw, packed, status, index) in search_transfer(sys.argv[1], sys.argv[2],
                                                               queries).items():
        print(f"{query}: {raw:,} bytes ({packed:,} with gzip), of which index {index:,} "
              f"({status})")
