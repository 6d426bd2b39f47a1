"""The hub (`invoke hub`) over many generated portals served locally: how
long it builds, what a second run downloads, and what one search across
portals downloads in Chromium.

    [BENCH_LIST_FILES=1] .venv/bin/python bench/hub.py [--portals 50] [--articles 1000]
        [--search 10] [--changed 5] [--queries kelinci desa] [--work DIR] [--part-size N]

1. One portal of ARTICLES generated articles (bench/generate.py: a KIM per
   ten articles, three potensi per KIM) is built with production settings.
   Building 50 distinct 1,000-article portals takes about 15 minutes on a
   2-core machine, so the one build is served under PORTALS prefixes
   (/p00/, /p01/ ...): each prefix is a folder of symbolic links to the
   build, except the files whose text names the portal's own address (the
   three JSON feeds the hub reads and the search page), which are copies
   rewritten to the prefix's address. For the hub these are PORTALS portals
   with their own addresses, feeds and search bundles; their content is the
   same.
2. The server answers like a static host: ETag and Last-Modified, 304 to a
   conditional request, gzip for text, CORS for everything.
3. A hub over all PORTALS is built twice (cold cache, then with nothing
   changed) and a third time after CHANGED portals published a new item:
   times, and the server's answers (200: downloaded, 304: not modified).
4. A hub over the first SEARCH portals is searched in Chromium, each query
   in a fresh browser context (empty cache): the bytes on the wire of every
   request the query made after the search page itself, from the DevTools
   protocol, by kind: Pagefind's program from the hub (pagefind.js, wasm),
   and from each portal's bundles their entry files, metadata, word index
   chunks, filter chunks and the texts of the results shown (fragments).
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from urllib.parse import quote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))  # its sibling scripts
import static_host  # noqa: E402
from generate import generate  # noqa: E402
from map_transfer import Recorder, settle  # noqa: E402

CHROMIUM = os.environ.get("PORTAL_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu"]
# The address the one portal is built for; each prefix's copies name their own.
BUILT_FOR = "http://portal.invalid/asal"
REWRITTEN = ("feeds/semua.json", "feeds/kim.json", "feeds/potensi.json", "cari/index.html")


class CountedHost(static_host.StaticHost):
    """Files as a static host serves them (ETag and Last-Modified, 304 to a
    conditional request, CORS for the hub's pages), every answer counted."""

    headers_of_host = {"Access-Control-Allow-Origin": "*"}
    answers = None  # a Counter shared by the server's threads
    lock = threading.Lock()

    def validator(self, path, body):
        stat = path.stat()
        return f'"{stat.st_mtime_ns:x}-{stat.st_size:x}"'

    def answered(self, status, size):
        with self.lock:
            self.answers[status] += 1


def serve(folder):
    answers = Counter()
    handler = type("Handler", (CountedHost,), {"answers": answers})
    server, address = static_host.serve(handler, folder)
    return server, address, answers


def build_portal(work, articles, part_size=None):
    """The one generated portal, built once per size (kept in `work`);
    `part_size`: the portal's SEARCH_PART_SIZE instead of its setting."""
    built = work / (f"portal-{articles}" + (f"-bagian-{part_size}" if part_size else ""))
    if (built / "feeds" / "semua.json").is_file():
        return built
    content = work / f"konten-{articles}"
    if not content.is_dir():
        generate(content, articles)
    overrides = ["-e", f"SEARCH_PART_SIZE={part_size}"] if part_size else []
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "pelican", str(content), "-s", str(ROOT / "publishconf.py"),
         "-o", str(built), "--fatal", "warnings", *overrides],
        cwd=ROOT, capture_output=True, text=True, check=False,
        env={**os.environ, "PORTAL_SITEURL": BUILT_FOR})
    if result.returncode != 0:
        sys.exit(result.stdout + result.stderr)
    print(f"portal of {articles:,} articles built in {time.perf_counter() - started:.1f} s")
    return built


def index_parts(built):
    """'2 part(s), 137 index chunks': the portal's search bundles and the
    chunks of their word index, which a query pays for in each part."""
    bundles = [path for path in built.glob("pagefind*") if (path / "index").is_dir()]
    chunks = sum(1 for bundle in bundles for _ in (bundle / "index").iterdir())
    return f"{len(bundles)} part(s), {chunks} index chunks"


def serve_prefixes(built, root, base, count):
    """`count` prefixes of the one build, each with its own address."""
    for number in range(count):
        name = f"p{number:02d}"
        folder = root / name
        folder.mkdir(parents=True)
        for entry in built.iterdir():
            if entry.name not in ("feeds", "cari"):
                (folder / entry.name).symlink_to(entry)
        for path in REWRITTEN:
            target = folder / path
            target.parent.mkdir(exist_ok=True)
            text = (built / path).read_text(encoding="utf-8")
            target.write_text(text.replace(BUILT_FOR, f"{base}/{name}"), encoding="utf-8")
    return [f"p{number:02d}" for number in range(count)]


def publish_news(root, name, base, moment):
    """Portal `name` publishes a new item: its newest items change."""
    path = root / name / "feeds" / "semua.json"
    feed = json.loads(path.read_text(encoding="utf-8"))
    item = dict(feed["items"][0])
    item["id"] = item["url"] = f"{base}/{name}/berita/kabar-baru-{moment}/"
    item["title"] = f"Kabar baru {moment}"
    item["date_published"] = "2030-01-01T08:00:00+07:00"
    feed["items"].insert(0, item)
    path.write_text(json.dumps(feed, ensure_ascii=False), encoding="utf-8")


def hub_settings(root, base, names, file_name):
    lines = [f"nama: Hub uji\nalamat: {base}/hub\nportal:"]
    lines += [f"  - nama: Portal {name}\n    slug: {name}\n    alamat: {base}/{name}"
              for name in names]
    path = root / file_name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def timed_hub(settings_file, target, cache, answers):
    from portal.hub.build import run

    answers.clear()
    started = time.perf_counter()
    result = run(settings_file, target, cache)
    seconds = time.perf_counter() - started
    if result.notes:
        print("\n".join(result.notes))
    return seconds, dict(answers), result


def kind_of(path):
    """What a Pagefind request is, by its address: the program (pagefind.js
    and its WebAssembly, from the hub) or a bundle's entry, metadata, word
    index chunk, filter chunk or result text (fragment)."""
    name = path.rsplit("/", 1)[-1]
    return ("pagefind.js" if name == "pagefind.js" else
            "wasm" if name.startswith("wasm.") else
            "entry" if name == "pagefind-entry.json" else
            "meta" if name.endswith(".pf_meta") else
            "index" if name.endswith(".pf_index") else
            "filter" if name.endswith(".pf_filter") else
            "fragments" if name.endswith(".pf_fragment") else "other")


def search_transfer(base, queries):
    """{query: (bytes on the wire after the page, requests, status line,
    bytes by kind)} for a search on the hub at `base`/hub/."""
    from playwright.sync_api import sync_playwright

    measured = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for query in queries:
            context = browser.new_context(viewport={"width": 1280, "height": 800})
            tab = context.new_page()
            cdp = context.new_cdp_session(tab)
            cdp.send("Network.enable")
            recorder = Recorder(cdp)
            tab.goto(f"{base}/hub/cari/?q={quote(query)}")
            tab.locator("[data-search-status]", has_text="portal").wait_for(timeout=120000)
            settle(tab, recorder)
            files = [(url, size) for key, size in recorder.sizes.items()
                     for url in [recorder.urls[key]]
                     if "/pagefind" in urlsplit(url).path]
            kinds, counts = Counter(), Counter()
            for url, size in sorted(files):
                if os.environ.get("BENCH_LIST_FILES"):
                    print(f"  {size:>9,} {urlsplit(url).path}")
                kind = kind_of(urlsplit(url).path)
                kinds[kind] += size
                counts[kind] += 1
            measured[query] = (sum(size for _, size in files), len(files),
                               tab.inner_text("[data-search-status]"),
                               {kind: (kinds[kind], counts[kind]) for kind in kinds})
            context.close()
        browser.close()
    return measured


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--portals", type=int, default=50)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--search", type=int, default=10, help="portals searched at once")
    parser.add_argument("--changed", type=int, default=5, help="portals with a new item")
    parser.add_argument("--queries", nargs="*", default=["kelinci", "desa"])
    parser.add_argument("--work", help="a folder to keep the generated portal in")
    parser.add_argument("--part-size", type=int,
                        help="the portal's SEARCH_PART_SIZE (default: its setting)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="hub-bench-") as temporary:
        work = Path(args.work) if args.work else Path(temporary)
        work.mkdir(parents=True, exist_ok=True)
        built = build_portal(work, args.articles, args.part_size)
        print(f"each portal's search index: {index_parts(built)}")
        root = Path(temporary) / "www"
        root.mkdir()
        server, base, answers = serve(root)
        try:
            names = serve_prefixes(built, root, base, args.portals)
            cache = Path(temporary) / "cache"
            everything = hub_settings(root, base, names, "hub.yml")
            cold, cold_answers, result = timed_hub(everything, root / "hub", cache, answers)
            pages = sum(1 for _ in (root / "hub").resolve().rglob("*.html"))
            print(f"hub over {args.portals} portals, cold: {cold:.1f} s, answers "
                  f"{cold_answers}, {pages} pages; {result.summary}")
            warm, warm_answers, _ = timed_hub(everything, root / "hub", cache, answers)
            print(f"again, nothing changed: {warm:.1f} s, answers {warm_answers}")
            for name in names[:args.changed]:
                publish_news(root, name, base, "1")
            later = time.time() + 2  # a new ETag even within the same second
            for name in names[:args.changed]:
                os.utime(root / name / "feeds" / "semua.json", (later, later))
            changed, changed_answers, _ = timed_hub(everything, root / "hub", cache, answers)
            print(f"again, {args.changed} portals with a new item: {changed:.1f} s, answers "
                  f"{changed_answers}")
            searched = hub_settings(root, base, names[:args.search], "hub-cari.yml")
            shutil.rmtree(cache)
            timed_hub(searched, root / "hub", cache, answers)
            for query, (size, requests, status, kinds) in search_transfer(
                    base, args.queries).items():
                parts = ", ".join(f"{kind} {value / 1000:,.1f} KB/{count}"
                                  for kind, (value, count) in sorted(kinds.items()))
                print(f"search '{query}' across {args.search} portals: {size / 1000:,.0f} KB "
                      f"in {requests} requests (bytes/requests: {parts}); {status}")
        finally:
            server.shutdown()
            server.server_close()


if __name__ == "__main__":
    main()
